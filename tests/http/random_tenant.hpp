// Random tenants for the model-based access test (access_model_test.cpp): team trees, users of every role,
// customers with owners or none, competitors and a partner, people (some retired), reporting lines,
// influence links, opportunities whose chains take in other customers' people, and facts — as a bundle
// to import, and with what the reference model needs of each record (what it touches, whether it is our
// own company's). Written from the generator's own choices, never from the store or the policy.
#pragma once

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace brm::http::access_model {

namespace bj = boost::json;

// The tenant as generated, with what the model needs of each record.

struct ModelUser {
  std::string id, role, person, team;  // team "" when none
};

struct ModelTeam {
  std::string id, parent, manager;  // "" when none
};

struct ModelOrg {
  std::string id, kind, owner;  // owner "" when none
};

struct ModelRecord {
  std::string collection;            // the API collection: "people", "chain-members" …
  std::string id;
  std::vector<std::string> touches;  // the organizations its references lead to (itself for an organization)
  bool ours = false;                 // our own company's record: the ours organization, its departments,
                                     // people and reporting lines
  bool active_today = true;
  std::string from;                  // influence links: the person who knows
  std::string opportunity, person;   // chain members
};

struct Tenant {
  unsigned seed = 0;
  std::vector<ModelUser> users;
  std::vector<ModelTeam> teams;
  std::map<std::string, ModelOrg> orgs;
  std::vector<ModelRecord> records;
  bj::object bundle;
};

const char* const kCollections[] = {"organizations", "departments",  "people",         "teams",   "users",
                                    "reporting-lines", "influence-links", "opportunities", "chain-members",
                                    "ratings",       "votes",        "activities",     "influence-uses",
                                    "milestone-models", "milestones", "project-links", "criteria",
                                    "vendors",       "quotes",       "documents",      "lessons"};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) { tenant_.seed = seed; }

  Tenant Make() {
    AddOrg("org-ours", "ours", "");
    // Teams: a random tree.
    const int teams = Between(2, 6);
    for (int i = 0; i < teams; ++i) {
      tenant_.teams.push_back({"t" + std::to_string(i), i == 0 ? "" : "t" + std::to_string(Between(0, i - 1)), ""});
    }
    // Users of every role, each with a person of our company.
    AddUser("admin");
    AddUser("executive");
    for (int i = Between(1, 3); i > 0; --i) AddUser("manager");
    for (int i = Between(2, 6); i > 0; --i) AddUser("rep");
    for (int i = Between(1, 2); i > 0; --i) AddUser("employee");
    for (ModelTeam& team : tenant_.teams) {
      if (Chance(0.6)) team.manager = Pick(UsersOf({"manager", "executive"})).id;
    }
    // Organizations: customers owned by sales users (or nobody), competitors, a partner.
    std::vector<std::string> owners;
    for (const ModelUser& user : UsersOf({"rep", "manager", "executive"})) owners.push_back(user.id);
    for (int i = Between(3, 8); i > 0; --i) AddOrg("c" + std::to_string(i), "customer", Chance(0.1) ? "" : Pick(owners));
    for (int i = Between(1, 2); i > 0; --i) AddOrg("k" + std::to_string(i), "competitor", "");
    if (Chance(0.5)) AddOrg("pa1", "partner", "");
    // Departments and people.
    for (auto& [org_id, org] : tenant_.orgs) {
      if (org.kind == "ours") continue;
      std::vector<std::string> departments;
      for (int i = Between(0, 2); i > 0; --i) {
        const std::string id = org_id + "-d" + std::to_string(i);
        Add("departments", {{"id", id}, {"org", org_id}, {"name", "部门" + id}}, {org_id});
        departments.push_back(id);
      }
      const int people = org.kind == "customer" ? Between(2, 5) : Between(1, 2);
      for (int i = 0; i < people; ++i) {
        const std::string id = org_id + "-p" + std::to_string(i);
        bj::object person{{"id", id}, {"org", org_id}, {"name", "人" + id}};
        if (!departments.empty() && Chance(0.6)) person["department"] = Pick(departments);
        const bool retired = i > 0 && Chance(0.15);  // never the first: chains use only active people
        if (retired) person["until"] = "2025-06-01";
        ModelRecord& record = Add("people", std::move(person), {org_id});
        record.active_today = !retired;
        people_.push_back({id, org_id, !retired});
      }
    }
    // Reporting lines: within one organization, each person to an earlier one (no loops), some retired.
    std::map<std::string, std::vector<std::string>> by_org;
    for (const PersonRef& person : people_) by_org[person.org].push_back(person.id);
    int line = 0;
    for (auto& [org_id, ids] : by_org) {
      for (size_t i = 1; i < ids.size(); ++i) {
        if (!Chance(0.5)) continue;
        bj::object record{{"id", "rl" + std::to_string(line++)}, {"person", ids[i]}, {"manager", ids[Between(0, int(i) - 1)]}};
        if (Chance(0.2)) record["until"] = "2025-01-01";
        Add("reporting-lines", std::move(record), {org_id}).ours = tenant_.orgs[org_id].kind == "ours";
      }
    }
    // Influence links: anyone to anyone, our employees' included; some retired.
    std::set<std::pair<std::string, std::string>> linked;
    for (int i = 0, n = Between(8, 25); i < n; ++i) {
      const PersonRef from = Chance(0.4) ? Pick(OursPeople()) : Pick(people_);
      const PersonRef to = Pick(people_);
      if (from.id == to.id || !linked.insert({from.id, to.id}).second) continue;
      bj::object record{{"id", "il" + std::to_string(i)}, {"from", from.id}, {"to", to.id},
                        {"strength", Pick(std::vector<std::string>{"strong", "medium", "weak"})}};
      if (Chance(0.15)) record["until"] = "2025-03-01";
      Add("influence-links", std::move(record), {from.org, to.org}).from = from.id;
    }
    // Opportunities, their chains (mostly their own customer's people, sometimes another customer's or a
    // competitor's), and the facts.
    std::vector<std::pair<std::string, std::string>> opportunities;  // id, customer
    int member = 0;
    for (auto& [org_id, org] : tenant_.orgs) {
      if (org.kind != "customer") continue;
      for (int i = Between(0, 2); i > 0; --i) {
        const std::string id = org_id + "-o" + std::to_string(i);
        bj::object record{{"id", id}, {"customer", org_id}, {"name", "项目" + id}, {"opened", "2025-01-01"}};
        if (!org.owner.empty()) record["owner"] = org.owner;
        Add("opportunities", std::move(record), {org_id});
        opportunities.push_back({id, org_id});
        std::set<std::string> in_chain;
        for (int m = Between(1, 4); m > 0; --m) {
          const PersonRef person = Chance(0.7) ? Pick(ActivePeopleOf(org_id)) : Pick(ActiveOutsiders());
          if (!in_chain.insert(person.id).second) continue;
          bj::object chain{{"id", "m" + std::to_string(member++)}, {"opportunity", id}, {"person", person.id},
                           {"role", Pick(std::vector<std::string>{"decision_maker", "user", "influencer", "coach"})}};
          const bool retired = Chance(0.15);
          if (retired) chain["until"] = "2025-06-01";
          ModelRecord& added = Add("chain-members", std::move(chain), {org_id, person.org});
          added.active_today = !retired;
          added.opportunity = id;
          added.person = person.id;
        }
      }
    }
    std::vector<std::string> competitors;
    for (auto& [org_id, org] : tenant_.orgs) {
      if (org.kind == "competitor") competitors.push_back(org_id);
    }
    int fact = 0;
    for (const PersonRef& person : people_) {
      if (tenant_.orgs[person.org].kind == "ours") continue;
      for (int i = Between(0, 2); i > 0; --i) {
        bj::object rating{{"id", "r" + std::to_string(fact++)}, {"person", person.id},
                          {"dimension", Pick(std::vector<std::string>{"closeness", "solution", "price"})},
                          {"value", Pick(std::vector<std::string>{"strong_support", "support", "neutral", "oppose"})},
                          {"date", "2026-0" + std::to_string(Between(1, 9)) + "-10"}, {"by", Pick(tenant_.users).id}};
        std::vector<std::string> touches{person.org};
        if (Chance(0.3)) rating["toward"] = Pick(competitors);
        if (!opportunities.empty() && Chance(0.3)) {
          const auto opportunity = Pick(opportunities);  // sometimes another customer's: a crossing fact
          rating["opportunity"] = opportunity.first;
          touches.push_back(opportunity.second);
        }
        if (Chance(0.1)) rating["until"] = "2026-10-01";
        Add("ratings", std::move(rating), touches);
      }
      if (Chance(0.3)) {
        Add("votes", {{"id", "v" + std::to_string(fact++)}, {"person", person.id}, {"kind", "veto"}, {"value", "yes"},
                      {"date", "2026-03-01"}},
            {person.org});
      }
      if (Chance(0.3)) {
        bj::object activity{{"id", "a" + std::to_string(fact++)}, {"person", person.id}, {"kind", "visit"},
                            {"date", "2026-04-01"}};
        std::vector<std::string> touches{person.org};
        if (!opportunities.empty() && Chance(0.5)) {
          const auto opportunity = Pick(opportunities);
          activity["opportunity"] = opportunity.first;
          touches.push_back(opportunity.second);
        }
        Add("activities", std::move(activity), touches);
      }
    }
    for (int i = 0, n = opportunities.empty() ? 0 : Between(0, 6); i < n; ++i) {
      const auto opportunity = Pick(opportunities);
      const PersonRef employee = Pick(OursPeople());
      const PersonRef person = Pick(ActivePeopleOf(opportunity.second));
      Add("influence-uses", {{"id", "iu" + std::to_string(i)}, {"opportunity", opportunity.first},
                             {"employee", employee.id}, {"person", person.id}, {"date", "2026-05-01"}},
          {opportunity.second, "org-ours", person.org});
    }
    AddProjectHistory(opportunities, competitors);
    FinishBundle();
    return std::move(tenant_);
  }

 private:
  // The project-history records (SPEC.md §8.1): a company default model and some customers' own, and for
  // each opportunity a few of its elements; links between opportunities, sometimes of two customers.
  void AddProjectHistory(const std::vector<std::pair<std::string, std::string>>& opportunities,
                         const std::vector<std::string>& competitors) {
    const bj::array kinds{bj::object{{"kind", "initiation"}}, bj::object{{"kind", "tender_notice"}},
                          bj::object{{"kind", "contract"}}};
    Add("milestone-models", {{"id", "mm-company"}, {"kinds", kinds}}, {});
    for (auto& [org_id, org] : tenant_.orgs) {
      if (org.kind == "customer" && Chance(0.3)) {
        Add("milestone-models", {{"id", "mm-" + org_id}, {"customer", org_id}, {"kinds", kinds}}, {org_id});
      }
    }
    int n = 0;
    for (const auto& [opp, customer] : opportunities) {
      auto id = [&](const char* prefix) { return prefix + std::to_string(n++); };
      const std::string vendor_org = competitors.empty() || Chance(0.3) ? "org-ours" : Pick(competitors);
      Add("milestones", {{"id", id("ms")}, {"opportunity", opp}, {"kind", "initiation"}, {"date", "2025-02-01"}},
          {customer});
      Add("vendors", {{"id", id("ven")}, {"opportunity", opp}, {"org", vendor_org}}, {customer, vendor_org});
      Add("quotes", {{"id", id("quo")}, {"opportunity", opp}, {"round", 1}, {"org", vendor_org}, {"price", 1000},
                     {"date", "2025-03-01"}},
          {customer, vendor_org});
      if (Chance(0.5)) Add("criteria", {{"id", id("cri")}, {"opportunity", opp}, {"item", "价格"}, {"weight", 40}}, {customer});
      if (Chance(0.5)) {
        Add("documents", {{"id", id("doc")}, {"opportunity", opp}, {"name", "方案.txt"}, {"date", "2025-03-01"}},
            {customer});
      }
      if (Chance(0.5)) {
        Add("lessons", {{"id", id("les")}, {"opportunity", opp}, {"kind", "note"}, {"date", "2025-04-01"}}, {customer});
      }
    }
    for (int i = 0, links = opportunities.size() < 2 ? 0 : Between(0, 4); i < links; ++i) {
      const auto from = Pick(opportunities), to = Pick(opportunities);
      if (from.first == to.first) continue;
      Add("project-links", {{"id", "pl" + std::to_string(i)}, {"from", from.first}, {"to", to.first}, {"kind", "related"}},
          {from.second, to.second});
    }
  }

  struct PersonRef {
    std::string id, org;
    bool active = true;
  };

  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <typename T>
  T Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }

  std::vector<ModelUser> UsersOf(std::initializer_list<std::string> roles) const {
    std::vector<ModelUser> out;
    for (const ModelUser& user : tenant_.users) {
      if (std::find(roles.begin(), roles.end(), user.role) != roles.end()) out.push_back(user);
    }
    return out;
  }
  std::vector<PersonRef> OursPeople() const {
    std::vector<PersonRef> out;
    for (const PersonRef& person : people_) {
      if (person.org == "org-ours") out.push_back(person);
    }
    return out;
  }
  std::vector<PersonRef> ActivePeopleOf(const std::string& org) const {
    std::vector<PersonRef> out;
    for (const PersonRef& person : people_) {
      if (person.org == org && person.active) out.push_back(person);
    }
    return out;
  }
  // Active people of other customers and competitors, for chains that cross customers.
  std::vector<PersonRef> ActiveOutsiders() const {
    std::vector<PersonRef> out;
    for (const PersonRef& person : people_) {
      if (person.org != "org-ours" && person.active) out.push_back(person);
    }
    return out;
  }

  ModelRecord& Add(const std::string& collection, bj::object record, std::vector<std::string> touches) {
    ModelRecord model;
    model.collection = collection;
    model.id = std::string(record.at("id").as_string());
    model.touches = std::move(touches);
    rows_[collection].push_back(std::move(record));
    tenant_.records.push_back(std::move(model));
    return tenant_.records.back();
  }

  void AddOrg(const std::string& id, const std::string& kind, const std::string& owner) {
    tenant_.orgs[id] = {id, kind, owner};
    bj::object record{{"id", id}, {"name", "组织" + id}, {"kind", kind}};
    if (!owner.empty()) record["owner"] = owner;
    Add("organizations", std::move(record), {id}).ours = kind == "ours";
  }

  void AddUser(const std::string& role) {
    const std::string n = std::to_string(tenant_.users.size());
    ModelUser user{"u" + n, role, "e" + n, ""};
    if (role == "rep" || role == "manager" || (role == "executive" && Chance(0.3))) {
      if (Chance(0.9)) user.team = Pick(tenant_.teams).id;
    }
    Add("people", {{"id", user.person}, {"org", "org-ours"}, {"name", "员工" + n}}, {"org-ours"}).ours = true;
    people_.push_back({user.person, "org-ours", true});
    tenant_.users.push_back(user);
  }

  void FinishBundle() {
    bj::object& bundle = tenant_.bundle;
    bundle["format"] = "brm-bundle";
    bundle["version"] = 1;
    auto rows = [&](const std::string& collection) -> bj::array& {
      return bundle[collection == "reporting-lines"  ? "reporting"
                    : collection == "influence-links" ? "influence"
                    : collection == "chain-members"   ? "chain"
                    : collection == "influence-uses"  ? "influence_uses"
                    : collection == "milestone-models" ? "milestone_models"
                    : collection == "project-links"   ? "project_links"
                                                      : collection]
          .emplace_array();
    };
    for (const ModelTeam& team : tenant_.teams) {
      bj::object record{{"id", team.id}, {"name", "团队" + team.id}};
      if (!team.parent.empty()) record["parent"] = team.parent;
      if (!team.manager.empty()) record["manager"] = team.manager;
      rows_["teams"].push_back(std::move(record));
      tenant_.records.push_back({"teams", team.id, {}});
    }
    for (const ModelUser& user : tenant_.users) {
      bj::object record{{"id", user.id}, {"login", "login-" + user.id}, {"person", user.person}, {"role", user.role}};
      if (!user.team.empty()) record["team"] = user.team;
      rows_["users"].push_back(std::move(record));
      tenant_.records.push_back({"users", user.id, {"org-ours"}});
    }
    for (const char* collection : kCollections) {
      bj::array& out = rows(collection);
      for (bj::object& record : rows_[collection]) out.push_back(std::move(record));
    }
  }

  std::mt19937 rng_;
  Tenant tenant_;
  std::vector<PersonRef> people_;
  std::map<std::string, std::vector<bj::object>> rows_;
};

}  // namespace brm::http::access_model
