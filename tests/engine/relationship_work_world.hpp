// A small tenant written record by record for the relationship-work tests (influence centres, introduction
// paths, warnings). Only the fields those figures read are set; the rest keep their fallbacks.
#pragma once

#include <algorithm>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/schema.hpp"
#include "engine/graph.hpp"
#include "engine/warnings.hpp"

namespace brm::engine::work_test {

namespace f = fields;

class World {
 public:
  Graph graph;

  World& Org(std::string_view id, std::string_view kind, bool focus = false, std::string_view owner = {},
             std::string_view until = {}) {
    Record r = Start(Kind::kOrganization, id);
    Set(r, f::org::kKind, kind);
    r.values[f::org::kFocus] = focus;
    Set(r, f::org::kOwner, owner);
    Set(r, f::org::kUntil, until);
    return Put(r);
  }
  World& Dept(std::string_view id, std::string_view org) {
    Record r = Start(Kind::kDepartment, id);
    Set(r, f::dept::kOrg, org);
    return Put(r);
  }
  // A person of `org`; key persons are key, others not. `orientation` "unknown" unless given.
  World& Person(std::string_view id, std::string_view org, bool key = true, std::string_view department = {},
                std::string_view until = {}, std::string_view orientation = {}) {
    Record r = Start(Kind::kPerson, id);
    Set(r, f::person::kOrg, org);
    Set(r, f::person::kDepartment, department);
    r.values[f::person::kKey] = key;
    Set(r, f::person::kOrientation, orientation);
    Set(r, f::person::kUntil, until);
    return Put(r);
  }
  World& User(std::string_view id, std::string_view person, bool active = true) {
    Record r = Start(Kind::kUser, id);
    Set(r, f::user::kPerson, person);
    r.values[f::user::kActive] = active;
    return Put(r);
  }
  World& Reports(std::string_view id, std::string_view person, std::string_view manager, std::string_view until = {}) {
    Record r = Start(Kind::kReporting, id);
    Set(r, f::reporting::kPerson, person);
    Set(r, f::reporting::kManager, manager);
    Set(r, f::reporting::kUntil, until);
    return Put(r);
  }
  World& Influence(std::string_view id, std::string_view from, std::string_view to, std::string_view strength,
                   std::string_view since = {}, std::string_view until = {}) {
    Record r = Start(Kind::kInfluence, id);
    Set(r, f::influence::kFrom, from);
    Set(r, f::influence::kTo, to);
    Set(r, f::influence::kStrength, strength);
    Set(r, f::influence::kSince, since);
    Set(r, f::influence::kUntil, until);
    return Put(r);
  }
  World& Opportunity(std::string_view id, std::string_view customer, double win_probability = 0, bool focus = false,
                     std::string_view closed = {}) {
    Record r = Start(Kind::kOpportunity, id);
    Set(r, f::opp::kCustomer, customer);
    Set(r, f::opp::kOpened, "2024-01-01");
    Set(r, f::opp::kClosed, closed);
    r.values[f::opp::kWinProbability] = win_probability;
    r.values[f::opp::kFocus] = focus;
    return Put(r);
  }
  World& Member(std::string_view id, std::string_view opportunity, std::string_view person,
                std::string_view role = "influencer", std::string_view veto = "unknown",
                std::string_view approve = "unknown", std::string_view since = {}, std::string_view until = {}) {
    Record r = Start(Kind::kChainMember, id);
    Set(r, f::chain::kOpportunity, opportunity);
    Set(r, f::chain::kPerson, person);
    Set(r, f::chain::kRole, role);
    Set(r, f::chain::kVeto, veto);
    Set(r, f::chain::kApprove, approve);
    Set(r, f::chain::kSince, since);
    Set(r, f::chain::kUntil, until);
    return Put(r);
  }
  World& Rate(std::string_view person, std::string_view dimension, std::string_view value, std::string_view date,
              std::string_view opportunity = {}, std::string_view toward = "ours") {
    Record r = Start(Kind::kRating, NextId("rating"));
    Set(r, f::rating::kPerson, person);
    Set(r, f::rating::kDimension, dimension);
    Set(r, f::rating::kValue, value);
    Set(r, f::rating::kToward, toward);
    Set(r, f::rating::kOpportunity, opportunity);
    Set(r, f::rating::kDate, date);
    return Put(r);
  }
  // Rates all three degrees at customer level toward ours.
  World& RateAll(std::string_view person, std::string_view value, std::string_view date) {
    Rate(person, "closeness", value, date).Rate(person, "solution", value, date);
    return Rate(person, "price", value, date);
  }
  World& Vote(std::string_view person, std::string_view kind, std::string_view value, std::string_view date) {
    Record r = Start(Kind::kVote, NextId("vote"));
    Set(r, f::vote::kPerson, person);
    Set(r, f::vote::kKind, kind);
    Set(r, f::vote::kValue, value);
    Set(r, f::vote::kDate, date);
    return Put(r);
  }
  World& Activity(std::string_view person, std::string_view date, std::string_view opportunity = {}) {
    Record r = Start(Kind::kActivity, NextId("activity"));
    Set(r, f::activity::kPerson, person);
    Set(r, f::activity::kOpportunity, opportunity);
    Set(r, f::activity::kKind, "visit");
    Set(r, f::activity::kDate, date);
    return Put(r);
  }

  Idx Of(Kind kind, std::string_view id) const { return graph.ids(kind).Find(id); }
  Idx P(std::string_view id) const { return Of(Kind::kPerson, id); }
  Idx O(std::string_view id) const { return Of(Kind::kOrganization, id); }
  Idx Opp(std::string_view id) const { return Of(Kind::kOpportunity, id); }
  Idx U(std::string_view id) const { return Of(Kind::kUser, id); }

 private:
  static Record Start(Kind kind, std::string_view id) {
    Record r = BlankRecord(kind);
    r.id = std::string(id);
    return r;
  }
  // Sets a text field; an empty value leaves the fallback (null for references and dates).
  static void Set(Record& r, int field, std::string_view value) {
    if (!value.empty()) r.values[field] = std::string(value);
  }
  std::string NextId(std::string_view prefix) { return std::string(prefix) + "-" + std::to_string(++facts_); }
  World& Put(const Record& r) {
    graph.Apply(r);
    return *this;
  }

  int facts_ = 0;
};

// What a warning concerns, as ids ("-" for none).
struct Seen {
  std::string customer, opportunity, person;
  bool operator==(const Seen&) const = default;
};
inline std::ostream& operator<<(std::ostream& out, const Seen& s) {
  return out << "{" << s.customer << ", " << s.opportunity << ", " << s.person << "}";
}

inline std::vector<Warning> OfKind(const std::vector<Warning>& warnings, WarningKind kind) {
  std::vector<Warning> out;
  std::copy_if(warnings.begin(), warnings.end(), std::back_inserter(out),
               [&](const Warning& warning) { return warning.kind == kind; });
  return out;
}

inline std::vector<Seen> Concerns(const World& w, const std::vector<Warning>& warnings, WarningKind kind) {
  auto id = [&](Kind k, Idx index) { return index == kNone ? std::string("-") : w.graph.Id(k, index); };
  std::vector<Seen> out;
  for (const Warning& warning : OfKind(warnings, kind)) {
    out.push_back(Seen{id(Kind::kOrganization, warning.customer), id(Kind::kOpportunity, warning.opportunity),
                       id(Kind::kPerson, warning.person)});
  }
  return out;
}

inline std::vector<std::string> Ids(const World& w, Kind kind, const std::vector<Idx>& indexes) {
  std::vector<std::string> ids;
  for (Idx index : indexes) ids.push_back(w.graph.Id(kind, index));
  return ids;
}

}  // namespace brm::engine::work_test
