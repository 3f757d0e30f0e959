// Terse construction of a tenant for engine tests: records laid out by schema.hpp, applied to a Graph in
// the order written (which is the recording order the engine sees).
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "domain/schema.hpp"
#include "engine/figures.hpp"
#include "engine/graph.hpp"
#include "engine/lines.hpp"

namespace brm::engine::fixture {

namespace f = brm::fields;

inline Date D(std::string_view text) {
  const auto day = ParseDate(text);
  if (!day) throw std::invalid_argument("bad test date: " + std::string(text));
  return *day;
}

// A record under construction; fields are set by their index in fields::.
class Rec {
 public:
  Rec(Kind kind, std::string id) : record_(BlankRecord(kind)) { record_.id = std::move(id); }
  Rec& Set(int field, const char* text) { return Put(field, std::string(text)); }
  Rec& Set(int field, std::string text) { return Put(field, std::move(text)); }
  Rec& Set(int field, bool flag) { return Put(field, flag); }
  Rec& Set(int field, double number) { return Put(field, number); }
  Rec& Set(int field, int number) { return Put(field, static_cast<double>(number)); }
  Rec& Null(int field) { return Put(field, std::monostate{}); }
  Rec& Since(const char* day) { return Set(Spec(record_.kind).since, day); }
  Rec& Until(const char* day) { return Set(Spec(record_.kind).until, day); }
  const Record& record() const { return record_; }
  operator const Record&() const { return record_; }  // NOLINT: lets a Rec go wherever a Record does

 private:
  Rec& Put(int field, Value value) {
    record_.values.at(static_cast<size_t>(field)) = std::move(value);
    return *this;
  }
  Record record_;
};

inline Rec Org(const char* id, const char* kind) {
  return std::move(Rec(Kind::kOrganization, id).Set(f::org::kName, id).Set(f::org::kKind, kind));
}
inline Rec Customer(const char* id, const char* owner = nullptr) {
  Rec rec = Org(id, "customer");
  if (owner) rec.Set(f::org::kOwner, owner);
  return rec;
}
inline Rec Dept(const char* id, const char* org) {
  return std::move(Rec(Kind::kDepartment, id).Set(f::dept::kOrg, org).Set(f::dept::kName, id));
}
// A person with key = true (validation's default for customer persons).
inline Rec KeyPerson(const char* id, const char* org, const char* dept = nullptr) {
  Rec rec(Kind::kPerson, id);
  rec.Set(f::person::kOrg, org).Set(f::person::kName, id).Set(f::person::kKey, true);
  if (dept) rec.Set(f::person::kDepartment, dept);
  return rec;
}
// A person with key = false: our employees, competitors' staff, non-key customer persons.
inline Rec NonKeyPerson(const char* id, const char* org) {
  return std::move(
      Rec(Kind::kPerson, id).Set(f::person::kOrg, org).Set(f::person::kName, id).Set(f::person::kKey, false));
}
inline Rec UserOf(const char* id, const char* person) {
  return std::move(
      Rec(Kind::kUser, id).Set(f::user::kLogin, id).Set(f::user::kPerson, person).Set(f::user::kRole, "rep"));
}
inline Rec Link(const char* id, const char* from, const char* to, const char* strength = "strong") {
  return std::move(Rec(Kind::kInfluence, id).Set(f::influence::kFrom, from).Set(f::influence::kTo, to)
                       .Set(f::influence::kStrength, strength));
}
inline Rec Reports(const char* id, const char* person, const char* manager) {
  return std::move(Rec(Kind::kReporting, id).Set(f::reporting::kPerson, person).Set(f::reporting::kManager, manager));
}
inline Rec Opp(const char* id, const char* customer, const char* opened, double amount = 0,
               const char* status = "open", const char* closed = nullptr) {
  Rec rec(Kind::kOpportunity, id);
  rec.Set(f::opp::kCustomer, customer).Set(f::opp::kName, id).Set(f::opp::kOpened, opened)
      .Set(f::opp::kAmount, amount).Set(f::opp::kStatus, status);
  if (closed) rec.Set(f::opp::kClosed, closed);
  return rec;
}
inline Rec Member(const char* id, const char* opp, const char* person, const char* role) {
  return std::move(Rec(Kind::kChainMember, id).Set(f::chain::kOpportunity, opp).Set(f::chain::kPerson, person)
                       .Set(f::chain::kRole, role));
}
inline Rec Rating(const char* id, const char* person, const char* dimension, const char* value, const char* date) {
  return std::move(Rec(Kind::kRating, id).Set(f::rating::kPerson, person).Set(f::rating::kDimension, dimension)
                       .Set(f::rating::kValue, value).Set(f::rating::kDate, date));
}
inline Rec Vote(const char* id, const char* person, const char* kind, const char* value, const char* date) {
  return std::move(Rec(Kind::kVote, id).Set(f::vote::kPerson, person).Set(f::vote::kKind, kind)
                       .Set(f::vote::kValue, value).Set(f::vote::kDate, date));
}
inline Rec Activity(const char* id, const char* person, const char* date) {
  return std::move(Rec(Kind::kActivity, id).Set(f::activity::kPerson, person).Set(f::activity::kKind, "visit")
                       .Set(f::activity::kDate, date));
}
inline Rec Use(const char* id, const char* opp, const char* employee, const char* person, const char* date) {
  return std::move(Rec(Kind::kInfluenceUse, id).Set(f::use::kOpportunity, opp).Set(f::use::kEmployee, employee)
                       .Set(f::use::kPerson, person).Set(f::use::kDate, date));
}

// Project history (SPEC.md §8.1).
inline Rec ModelOf(const char* id, const char* customer, const std::vector<std::string>& kinds) {
  Rec rec(Kind::kMilestoneModel, id);
  rec.Set(f::model::kKinds, JoinList(kinds));
  if (customer) rec.Set(f::model::kCustomer, customer);
  return rec;
}
inline Rec MilestoneOf(const char* id, const char* opp, const char* kind, const char* date) {
  return std::move(Rec(Kind::kMilestone, id).Set(f::milestone::kOpportunity, opp).Set(f::milestone::kKind, kind)
                       .Set(f::milestone::kDate, date));
}
inline Rec VendorOf(const char* id, const char* opp, const char* org, const char* result, int rank = 0) {
  Rec rec(Kind::kVendor, id);
  rec.Set(f::vendor::kOpportunity, opp).Set(f::vendor::kOrg, org).Set(f::vendor::kResult, result);
  if (rank > 0) rec.Set(f::vendor::kRank, rank);
  return rec;
}
inline Rec QuoteOf(const char* id, const char* opp, int round, const char* org, double price, const char* date) {
  return std::move(Rec(Kind::kQuote, id).Set(f::quote::kOpportunity, opp).Set(f::quote::kRound, round)
                       .Set(f::quote::kOrg, org).Set(f::quote::kPrice, price).Set(f::quote::kDate, date));
}
inline Rec CriterionOf(const char* id, const char* opp, const char* item, double weight) {
  return std::move(Rec(Kind::kCriterion, id).Set(f::criterion::kOpportunity, opp).Set(f::criterion::kItem, item)
                       .Set(f::criterion::kWeight, weight));
}
inline Rec LessonOf(const char* id, const char* opp, const char* kind, const std::vector<std::string>& tags,
                    const char* date) {
  return std::move(Rec(Kind::kLesson, id).Set(f::lesson::kOpportunity, opp).Set(f::lesson::kKind, kind)
                       .Set(f::lesson::kTags, JoinList(tags)).Set(f::lesson::kText, "text").Set(f::lesson::kDate, date));
}
inline Rec DocumentOf(const char* id, const char* opp, const char* name, const char* kind, const char* date) {
  return std::move(Rec(Kind::kDocument, id).Set(f::document::kOpportunity, opp).Set(f::document::kName, name)
                       .Set(f::document::kKind, kind).Set(f::document::kDate, date));
}
inline Rec ProjectLinkOf(const char* id, const char* from, const char* to, const char* kind) {
  return std::move(
      Rec(Kind::kProjectLink, id).Set(f::link::kFrom, from).Set(f::link::kTo, to).Set(f::link::kKind, kind));
}

// A tenant whose `ours` organization is "us"; facts added through it get generated ids.
class Tenant {
 public:
  Tenant() { Add(Org("us", "ours")); }

  Tenant& Add(const Record& record) {
    graph.Apply(record);
    return *this;
  }
  // A customer-level (opp null) or project-level rating toward ours or a competitor.
  Tenant& Rate(const char* person, const char* dimension, const char* value, const char* date,
               const char* toward = "ours", const char* opp = nullptr) {
    Rec rec = Rating(NextId("r").c_str(), person, dimension, value, date);
    rec.Set(f::rating::kToward, toward);
    if (opp) rec.Set(f::rating::kOpportunity, opp);
    return Add(rec);
  }
  // The three customer-level degrees toward ours on one date.
  Tenant& Rate3(const char* person, const char* closeness, const char* solution, const char* price,
                const char* date) {
    Rate(person, "closeness", closeness, date);
    Rate(person, "solution", solution, date);
    return Rate(person, "price", price, date);
  }
  Tenant& Votes(const char* person, const char* veto, const char* approve, const char* date) {
    Add(Vote(NextId("v").c_str(), person, "veto", veto, date));
    return Add(Vote(NextId("v").c_str(), person, "approve", approve, date));
  }
  Tenant& Act(const char* person, const char* date, const char* opp = nullptr) {
    Rec rec = Activity(NextId("a").c_str(), person, date);
    if (opp) rec.Set(f::activity::kOpportunity, opp);
    return Add(rec);
  }
  Tenant& UseOf(const char* opp, const char* employee, const char* person, const char* date) {
    return Add(Use(NextId("u").c_str(), opp, employee, person, date));
  }
  // A key person of `customer` whose seven features are all known from `date` on: the three degrees given,
  // both votes, orientation `technology`, and an influence link from the employee "staff".
  Tenant& Profiled(const char* person, const char* customer, const char* closeness, const char* solution,
                   const char* price, const char* date) {
    if (!staff_) {
      Add(NonKeyPerson("staff", "us"));
      staff_ = true;
    }
    Add(KeyPerson(person, customer).Set(f::person::kOrientation, "technology"));
    Add(Link(("L-" + std::string(person)).c_str(), "staff", person));
    Votes(person, "no", "yes", date);
    return Rate3(person, closeness, solution, price, date);
  }

  Idx Of(Kind kind, const char* id) const {
    const Idx index = graph.ids(kind).Find(id);
    if (index == kNone) throw std::invalid_argument("no such id in test tenant: " + std::string(id));
    return index;
  }
  Idx P(const char* id) const { return Of(Kind::kPerson, id); }
  Idx O(const char* id) const { return Of(Kind::kOrganization, id); }
  Idx Opportunity(const char* id) const { return Of(Kind::kOpportunity, id); }
  Idx U(const char* id) const { return Of(Kind::kUser, id); }
  Idx Dep(const char* id) const { return Of(Kind::kDepartment, id); }
  Idx L(const char* id) const { return Of(Kind::kInfluence, id); }
  Idx M(const char* id) const { return Of(Kind::kChainMember, id); }
  const std::string& IdOf(Kind kind, Idx index) const { return graph.Id(kind, index); }
  std::vector<std::string> IdsOf(Kind kind, const std::vector<Idx>& indexes) const {
    std::vector<std::string> out;
    for (Idx index : indexes) out.push_back(graph.Id(kind, index));
    return out;
  }

  Figures Figs(StrategyThresholds thresholds = {}) const { return Figures(graph, thresholds); }

  Graph graph;

 private:
  std::string NextId(const char* prefix) { return prefix + std::to_string(++next_); }
  int next_ = 0;
  bool staff_ = false;
};

inline constexpr int kC = 0, kS = 1, kP = 2;  // closeness, solution, price in Degrees

// The scope of the customers owned by `users` and every organization that is not a customer: what the
// access policy (service/access_policy.hpp) gives for a perspective over those users.
inline Scope OwnedBy(const Graph& graph, const std::vector<Idx>& users) {
  std::vector<bool> orgs(graph.orgs.size(), false);
  for (Idx org = 0; org < graph.orgs.size(); ++org) {
    const Organization& o = graph.orgs[org];
    orgs[org] = o.kind != OrgKind::kMissing &&
                (o.kind != OrgKind::kCustomer ||
                 std::find(users.begin(), users.end(), o.owner) != users.end());
  }
  return Scope::Of(std::move(orgs));
}

}  // namespace brm::engine::fixture
