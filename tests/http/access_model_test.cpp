// A model-based test of access control (issue 9): random tenants — team trees, users of every role,
// customers with owners, records that cross customers, retired records — and every user asking for every
// record, list, change and figure through the real Api, in process. Each answer is compared with a small
// reference model of SPEC.md §7 and docs/security.md written here, from the generated data alone: it does
// not call the access policy, the store's filters or the engine.
//
// At least 100,000 checks per run (BRM_ACCESS_CHECKS raises it: `bench/run access` asks for 10^6);
// BRM_ACCESS_SEED picks the first tenant's seed. A difference prints the tenant's seed, the user, the
// request and both answers.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "domain/date.hpp"
#include "http/api.hpp"
#include "service/bundle.hpp"
#include "service/figures.hpp"
#include "support/temp_dir.hpp"

namespace brm::http {
namespace {

namespace bj = boost::json;

// ---------------------------------------------------------------------------------------------------------
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
                                    "ratings",       "votes",        "activities",     "influence-uses"};

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
    FinishBundle();
    return std::move(tenant_);
  }

 private:
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

// ---------------------------------------------------------------------------------------------------------
// The reference model: SPEC.md §7 as docs/security.md states it.

class Model {
 public:
  Model(const Tenant& tenant, const ModelUser& user) : tenant_(tenant), user_(user) {
    if (user.role == "rep") owners_.insert(user.id);
    if (user.role == "manager") {
      owners_.insert(user.id);
      for (const ModelTeam& team : tenant.teams) {
        if (team.id == user.team || team.manager == user.id) {
          for (const std::string& member : TeamUsers(team.id)) owners_.insert(member);
        }
      }
    }
  }

  bool everything() const { return user_.role == "admin" || user_.role == "executive"; }
  bool employee() const { return user_.role == "employee"; }

  bool SeesOrg(const std::string& org_id) const {
    if (everything()) return true;
    if (employee()) return false;
    const ModelOrg& org = tenant_.orgs.at(org_id);
    return org.kind != "customer" || owners_.count(org.owner) > 0;
  }

  bool MayRead(const ModelRecord& record) const {
    if (everything()) return true;
    if (employee()) return record.collection == "influence-links" && record.from == user_.person;
    return std::all_of(record.touches.begin(), record.touches.end(), [&](const std::string& org) { return SeesOrg(org); });
  }

  // GET /{collection}/{id}: employees read people active today and organizations through the directory.
  int Get(const ModelRecord& record) const {
    if (employee() && record.collection == "people") return record.active_today ? 200 : 404;
    if (employee() && record.collection == "organizations") return 200;
    return MayRead(record) ? 200 : 404;
  }

  // PATCH /{collection}/{id} with {}: every check of a change, nothing changed.
  int Patch(const ModelRecord& record) const {
    if (user_.role == "admin") return 200;
    if (!MayRead(record)) return 404;
    if (employee()) return 200;  // their own link
    if (record.collection == "users" || record.collection == "teams") return 403;
    if (user_.role == "executive") return 200;
    return record.ours ? 403 : 200;
  }

  std::set<std::string> List(const std::string& collection) const {
    std::set<std::string> ids;
    for (const ModelRecord& record : tenant_.records) {
      if (record.collection != collection) continue;
      const bool listed = employee() && collection == "people"          ? record.active_today
                          : employee() && collection == "organizations" ? true
                                                                        : MayRead(record);
      if (listed) ids.insert(record.id);
    }
    return ids;
  }

  // The figures of a record: 403 for employees, 404 when hidden or not of the right kind.
  int Figure(const ModelRecord& record, bool must_be_customer) const {
    if (employee()) return 403;
    if (must_be_customer && tenant_.orgs.at(record.id).kind != "customer") return 404;
    return MayRead(record) ? 200 : 404;
  }

  // POST of a record referring to `refs` (in the order of their fields), whose other fields are valid:
  // the status and the field named. Employees write only their own influence links.
  std::pair<int, std::string> Create(const std::string& collection,
                                     const std::vector<std::pair<std::string, const ModelRecord*>>& refs) const {
    if (employee() && collection != "influence-links") return {403, ""};
    // References first: to an employee, every person active today is someone they may name.
    for (const auto& [field, target] : refs) {
      const bool known = everything() || (employee() ? target->active_today : MayRead(*target));
      if (!known) return {422, field};
    }
    if (employee() && refs.front().second->id != user_.person) return {403, ""};
    return {201, ""};
  }

  // The members of an opportunity's chain today that the user sees.
  std::set<std::string> Chain(const std::string& opportunity) const {
    std::set<std::string> people;
    for (const ModelRecord& record : tenant_.records) {
      if (record.collection == "chain-members" && record.opportunity == opportunity && record.active_today &&
          MayRead(record)) {
        people.insert(record.person);
      }
    }
    return people;
  }

  // A perspective: its status, and when 200 the customers it covers.
  std::pair<int, std::set<std::string>> Scope(const std::string& scope) const {
    if (employee()) return {403, {}};
    std::set<std::string> users;
    if (scope == "company") {
      if (!everything()) return {403, {}};
      std::set<std::string> all;
      for (const auto& [id, org] : tenant_.orgs) {
        if (org.kind == "customer") all.insert(id);
      }
      return {200, all};
    }
    if (scope == "me") {
      users.insert(user_.id);
    } else if (scope.rfind("user:", 0) == 0) {
      const std::string id = scope.substr(5);
      if (!(id == user_.id || everything() || (user_.role == "manager" && owners_.count(id)))) return {403, {}};
      users.insert(id);
    } else {
      const std::string id = scope.substr(5);
      bool allowed = everything();
      for (std::string at = id; !at.empty() && !allowed; at = TeamOf(at).parent) {
        allowed = user_.role == "manager" && (at == user_.team || TeamOf(at).manager == user_.id);
      }
      if (!allowed) return {403, {}};
      users = TeamUsers(id);
    }
    std::set<std::string> customers;
    for (const auto& [org_id, org] : tenant_.orgs) {
      if (org.kind == "customer" && users.count(org.owner)) customers.insert(org_id);
    }
    return {200, customers};
  }

 private:
  const ModelTeam& TeamOf(const std::string& id) const {
    return *std::find_if(tenant_.teams.begin(), tenant_.teams.end(), [&](const ModelTeam& t) { return t.id == id; });
  }
  // The users of a team and every team below it.
  std::set<std::string> TeamUsers(const std::string& root) const {
    std::set<std::string> teams{root};
    for (bool grew = true; grew;) {
      grew = false;
      for (const ModelTeam& team : tenant_.teams) {
        if (!team.parent.empty() && teams.count(team.parent) && teams.insert(team.id).second) grew = true;
      }
    }
    std::set<std::string> users;
    for (const ModelUser& user : tenant_.users) {
      if (teams.count(user.team)) users.insert(user.id);
    }
    return users;
  }

  const Tenant& tenant_;
  const ModelUser& user_;
  std::set<std::string> owners_;
};

// ---------------------------------------------------------------------------------------------------------
// The system under test: the tenant imported into a store, served by the real Api in process.

class System {
 public:
  explicit System(const Tenant& tenant) {
    store_ = OpenSqliteStore(StoreConfig{.data_dir = dir_.path()});
    auto source = ParseBundle(bj::serialize(tenant.bundle));
    if (!source) throw std::runtime_error("bundle: " + source.error().message);
    auto report = ImportBundle(*store_, "system", **source);
    if (!report) throw std::runtime_error("import: " + report.error().message + " (" + report.error().field + ")");
    engine_.Replace(LoadGraph(*store_));
    api_ = std::make_unique<Api>(*store_, engine_, ApiConfig{});
    SignIn auth(*store_, SignInConfig{});
    for (const ModelUser& user : tenant.users) {
      std::string id;
      tokens_[user.id] = auth.CreateApiToken(user.id, "model", id);
    }
  }

  Response Ask(const std::string& user, const std::string& method, const std::string& path,
               const std::multimap<std::string, std::string>& query = {}, const std::string& body = "") {
    Request request;
    request.method = method;
    request.path = path;
    request.target = path;
    for (const auto& [key, value] : query) {
      request.target += (request.target == path ? "?" : "&") + key + "=" + value;
    }
    for (size_t begin = 1; begin <= path.size();) {
      const size_t end = std::min(path.find('/', begin), path.size());
      request.segments.push_back(path.substr(begin, end - begin));
      begin = end + 1;
    }
    request.query = query;
    request.headers["authorization"] = "Bearer " + tokens_.at(user);
    if (!body.empty()) request.headers["content-type"] = "application/json";
    request.body = body;
    request.remote = "127.0.0.1";
    return api_->Handle(request);
  }

 private:
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  engine::Engine engine_;
  std::unique_ptr<Api> api_;
  std::map<std::string, std::string> tokens_;
};

size_t FromEnvironment(const char* name, size_t fallback) {
  const char* value = std::getenv(name);
  return value && *value ? static_cast<size_t>(std::strtoull(value, nullptr, 10)) : fallback;
}

std::set<std::string> Ids(const bj::value& items, const char* key) {
  std::set<std::string> ids;
  for (const bj::value& item : items.as_array()) ids.insert(std::string(item.at(key).as_string()));
  return ids;
}

std::string Join(const std::set<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return "{" + out + "}";
}

// Compares one answer; counts it; reports a difference with everything needed to replay it.
class Checker {
 public:
  void Expect(bool same, const Tenant& tenant, const ModelUser& user, const std::string& what,
              const std::string& expected, const std::string& actual) {
    ++checks_;
    if (same) return;
    ++differences_;
    if (differences_ <= 20) {
      ADD_FAILURE() << "seed " << tenant.seed << ", " << user.role << " " << user.id << ": " << what << ": model "
                    << expected << ", server " << actual;
    }
  }
  void Status(const Tenant& tenant, const ModelUser& user, const std::string& what, int expected,
              const Response& actual) {
    Expect(expected == actual.status, tenant, user, what, std::to_string(expected),
           std::to_string(actual.status) + " " + actual.body.substr(0, 200));
  }
  void Created(bool created) {
    ++creates_;
    if (created) ++created_;
  }
  size_t creates() const { return creates_; }
  size_t created() const { return created_; }
  size_t checks() const { return checks_; }
  // A hidden record must answer exactly as a record that does not exist: the same status, code and
  // message, with only the id the caller sent in it.
  void Alike(const Tenant& tenant, const ModelUser& user, const std::string& what, const std::string& id,
             const Response& hidden, const Response& missing) {
    std::string body = hidden.body;
    for (size_t at = body.find(id); at != std::string::npos; at = body.find(id, at + kMissing.size())) {
      body.replace(at, id.size(), kMissing);
    }
    Expect(hidden.status == missing.status && body == missing.body, tenant, user, "hidden like missing: " + what,
           std::to_string(missing.status) + " " + missing.body, std::to_string(hidden.status) + " " + hidden.body);
  }
  static constexpr std::string_view kMissing = "no-such-record";
  size_t differences() const { return differences_; }

 private:
  size_t checks_ = 0, differences_ = 0, creates_ = 0, created_ = 0;
};

// Creates a record through the Api and checks the answer; when created, the model gains it.
void CheckCreate(Tenant& tenant, System& system, Checker& checker, const ModelUser& user, const Model& model,
                 const std::string& collection, bj::object body,
                 const std::vector<std::pair<std::string, const ModelRecord*>>& refs, bool duplicate = false) {
  auto [status, field] = model.Create(collection, refs);
  if (status == 201 && duplicate) std::tie(status, field) = std::pair(409, std::string("person"));
  const std::string what = "POST /api/v1/" + collection + " " + bj::serialize(body);
  const Response response = system.Ask(user.id, "POST", "/api/v1/" + collection, {}, bj::serialize(body));
  checker.Status(tenant, user, what, status, response);
  if (response.status >= 400 && status >= 400 && !field.empty()) {
    const std::string named(bj::parse(response.body).at("error").at("field").as_string());
    checker.Expect(named == field, tenant, user, "the field named by " + what, field, named);
  }
  if (status == 422 && response.status == 422) {
    // Refused as a reference to nothing: the same answer as for an id that does not exist.
    bj::object none = body;
    none[field] = std::string(Checker::kMissing);
    const auto target = std::find_if(refs.begin(), refs.end(), [&](const auto& ref) { return ref.first == field; });
    checker.Alike(tenant, user, what, target->second->id, response,
                  system.Ask(user.id, "POST", "/api/v1/" + collection, {}, bj::serialize(none)));
  }
  checker.Created(response.status == 201);
  if (response.status != 201) return;
  ModelRecord created;
  created.collection = collection;
  created.id = std::string(bj::parse(response.body).at("id").as_string());
  for (const auto& [name, target] : refs) {
    created.touches.insert(created.touches.end(), target->touches.begin(), target->touches.end());
  }
  if (collection == "influence-links") created.from = std::string(body.at("from").as_string());
  if (collection == "chain-members") {
    created.opportunity = refs[0].second->id;
    created.person = refs[1].second->id;
  }
  tenant.records.push_back(std::move(created));
}

// Writes that create: ratings of people anyone may or may not see, chain members across customers, and
// employees' declarations, a few of each per user; the model then holds what was created.
void CheckCreates(Tenant& tenant, System& system, Checker& checker, const ModelUser& user, const Model& model,
                  std::mt19937& rng) {
  std::vector<ModelRecord> people, opportunities, chain;
  for (const ModelRecord& record : tenant.records) {
    if (record.collection == "people" && !record.ours) people.push_back(record);
    if (record.collection == "opportunities") opportunities.push_back(record);
    if (record.collection == "chain-members") chain.push_back(record);
  }
  auto pick = [&](const std::vector<ModelRecord>& records) { return records[rng() % records.size()]; };
  for (int i = 0; i < 3; ++i) {
    const ModelRecord person = pick(people);
    CheckCreate(tenant, system, checker, user, model, "ratings",
                {{"person", person.id}, {"dimension", "closeness"}, {"value", "support"}, {"date", "2026-06-01"}},
                {{"person", &person}});
  }
  for (int i = 0; i < 2 && !opportunities.empty(); ++i) {
    const ModelRecord opportunity = pick(opportunities), person = pick(people);
    if (!person.active_today) continue;
    const bool duplicate = std::any_of(chain.begin(), chain.end(), [&](const ModelRecord& member) {
      return member.opportunity == opportunity.id && member.person == person.id;
    });
    CheckCreate(tenant, system, checker, user, model, "chain-members",
                {{"opportunity", opportunity.id}, {"person", person.id}, {"role", "user"}},
                {{"opportunity", &opportunity}, {"person", &person}}, duplicate);
    chain.clear();
    for (const ModelRecord& record : tenant.records) {
      if (record.collection == "chain-members") chain.push_back(record);
    }
  }
  if (model.employee()) {
    const ModelRecord* own = nullptr;
    for (const ModelRecord& record : tenant.records) {
      if (record.collection == "people" && record.id == user.person) own = &record;
    }
    const ModelRecord me = *own;
    for (int i = 0; i < 2; ++i) {
      const ModelRecord person = pick(people);
      CheckCreate(tenant, system, checker, user, model, "influence-links",
                  {{"from", me.id}, {"to", person.id}, {"strength", "weak"}}, {{"from", &me}, {"to", &person}});
    }
    // Someone else's acquaintance is not theirs to declare.
    const ModelRecord other = pick(people), person = pick(people);
    if (other.id != person.id) {
      CheckCreate(tenant, system, checker, user, model, "influence-links",
                  {{"from", other.id}, {"to", person.id}, {"strength", "weak"}}, {{"from", &other}, {"to", &person}});
    }
  }
}

void CheckTenant(Tenant& tenant, Checker& checker) {
  System system(tenant);
  const std::string today = FormatDate(Today());
  std::mt19937 rng(tenant.seed);
  for (const ModelUser& user : tenant.users) {
    const Model model(tenant, user);
    CheckCreates(tenant, system, checker, user, model, rng);
    // Every record: read it, change nothing of it, and its figures.
    for (const ModelRecord& record : tenant.records) {
      const std::string path = "/api/v1/" + record.collection + "/" + record.id;
      const std::string missing = "/api/v1/" + record.collection + "/" + std::string(Checker::kMissing);
      const Response got = system.Ask(user.id, "GET", path);
      checker.Status(tenant, user, "GET " + path, model.Get(record), got);
      const Response patched = system.Ask(user.id, "PATCH", path, {}, "{}");
      checker.Status(tenant, user, "PATCH " + path + " {}", model.Patch(record), patched);
      if (model.Get(record) == 404) {
        checker.Alike(tenant, user, "GET " + path, record.id, got, system.Ask(user.id, "GET", missing));
        checker.Alike(tenant, user, "PATCH " + path, record.id, patched, system.Ask(user.id, "PATCH", missing, {}, "{}"));
      }
      // The audit trail: as the record itself, but never through the employees' directory.
      const int history = model.employee() && (record.collection == "people" || record.collection == "organizations")
                              ? 404
                              : model.Get(record);
      checker.Status(tenant, user, "GET " + path + "/history", history, system.Ask(user.id, "GET", path + "/history"));
      if (record.collection == "organizations") {
        for (const char* figure_name : {"metrics", "trend", "graph", "influence-centres"}) {
          const std::string figure = "/api/v1/customers/" + record.id + "/" + figure_name;
          checker.Status(tenant, user, "GET " + figure, model.Figure(record, true), system.Ask(user.id, "GET", figure));
        }
      } else if (record.collection == "people") {
        for (const char* figure_name : {"profile", "paths"}) {
          const std::string figure = path + "/" + figure_name;
          checker.Status(tenant, user, "GET " + figure, model.Figure(record, false), system.Ask(user.id, "GET", figure));
        }
      } else if (record.collection == "opportunities") {
        checker.Status(tenant, user, "GET " + path + "/trend", model.Figure(record, false),
                       system.Ask(user.id, "GET", path + "/trend"));
        const std::string figure = path + "/chain";
        const Response chain = system.Ask(user.id, "GET", figure, {{"as_of", today}});
        const int expected = model.Figure(record, false);
        checker.Status(tenant, user, "GET " + figure, expected, chain);
        if (expected == 200 && chain.status == 200) {
          const std::set<std::string> members = Ids(bj::parse(chain.body).at("members"), "person");
          const std::set<std::string> want = model.Chain(record.id);
          checker.Expect(members == want, tenant, user, "members of " + figure, Join(want), Join(members));
        }
      }
    }
    // Every list: exactly the records the model lets the user see; each record is one check.
    for (const char* collection : kCollections) {
      const std::string path = std::string("/api/v1/") + collection;
      const Response list = system.Ask(user.id, "GET", path, {{"limit", "1000"}});
      checker.Status(tenant, user, "GET " + path, 200, list);
      if (list.status != 200) continue;
      const bj::value body = bj::parse(list.body);
      const std::set<std::string> listed = Ids(body.at("items"), "id");
      const std::set<std::string> want = model.List(collection);
      for (const ModelRecord& record : tenant.records) {
        if (record.collection != collection) continue;
        checker.Expect(listed.count(record.id) == want.count(record.id), tenant, user, record.id + " in GET " + path,
                       want.count(record.id) ? "listed" : "absent", listed.count(record.id) ? "listed" : "absent");
      }
      checker.Expect(body.at("total").to_number<size_t>() == want.size(), tenant, user, "total of GET " + path,
                     std::to_string(want.size()), bj::serialize(body.at("total")));
    }
    // Every perspective.
    std::vector<std::string> scopes{"me", "company"};
    for (const ModelUser& other : tenant.users) scopes.push_back("user:" + other.id);
    for (const ModelTeam& team : tenant.teams) scopes.push_back("team:" + team.id);
    for (const std::string& scope : scopes) {
      const auto [status, customers] = model.Scope(scope);
      const Response line = system.Ask(user.id, "GET", "/api/v1/lines/customer", {{"scope", scope}});
      checker.Status(tenant, user, "GET /api/v1/lines/customer?scope=" + scope, status, line);
      if (status == 200 && line.status == 200) {
        const std::set<std::string> got = Ids(bj::parse(line.body).at("customers"), "customer");
        checker.Expect(got == customers, tenant, user, "customers of scope " + scope, Join(customers), Join(got));
      }
    }
  }
}

TEST(AccessModel, EveryAnswerAgreesWithTheReferenceModelOnRandomTenants) {
  const size_t target = FromEnvironment("BRM_ACCESS_CHECKS", 100000);
  const unsigned first = static_cast<unsigned>(FromEnvironment("BRM_ACCESS_SEED", 1));
  Checker checker;
  unsigned tenants = 0;
  for (unsigned seed = first; checker.checks() < target && checker.differences() == 0; ++seed, ++tenants) {
    Tenant tenant = Generator(seed).Make();
    CheckTenant(tenant, checker);
  }
  std::printf("access model: %zu checks on %u random tenants (seeds %u–%u), %zu differences; %zu creates tried, %zu "
              "made\n",
              checker.checks(), tenants, first, first + tenants - 1, checker.differences(), checker.creates(),
              checker.created());
  EXPECT_GT(checker.created(), 0u);
  EXPECT_LT(checker.created(), checker.creates()) << "some creates are refused";
  EXPECT_GE(checker.checks(), target);
  EXPECT_EQ(checker.differences(), 0u);
}

}  // namespace
}  // namespace brm::http
