// The reference model of the model-based access test (access_model_test.cpp): SPEC.md §7 as
// docs/security.md states it, over a generated Tenant (random_tenant.hpp) alone. It does not call the
// access policy, the store's filters or the engine; when a rule changes, change it here from the rule's
// text.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "http/random_tenant.hpp"

namespace brm::http::access_model {

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
    // The company's default milestone model is the administrators' (docs/api.md).
    if (record.collection == "milestone-models" && record.touches.empty()) return 403;
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
  // An opportunity's `owner` (a sales user, readable by every sales role) is one of the writer's owners (R9).
  std::pair<int, std::string> Create(const std::string& collection,
                                     const std::vector<std::pair<std::string, const ModelRecord*>>& refs,
                                     const std::string& owner = {}) const {
    if (employee() && collection != "influence-links") return {403, ""};
    // References first: to an employee, every person active today is someone they may name.
    for (const auto& [field, target] : refs) {
      const bool known = everything() || (employee() ? target->active_today : MayRead(*target));
      if (!known) return {422, field};
    }
    if (employee() && refs.front().second->id != user_.person) return {403, ""};
    if (!owner.empty() && !everything() && !owners_.count(owner)) return {403, "owner"};
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

}  // namespace brm::http::access_model
