// What a CSV cell means (csv_import.hpp): days, numbers and yes/no as spreadsheets write them, and the records a
// cell names by id or by name (an organization, a department in it, a user by login or name, a person, an
// opportunity at the person's organization), found in the graph with indexes built once per file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/date.hpp"
#include "domain/record.hpp"
#include "domain/schema.hpp"
#include "engine/graph.hpp"

namespace brm::csv {

// A day: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, with a time after it or not.
std::optional<Date> ParseDay(std::string_view cell);
// A number: 1,200,000.50, ¥1200, 60% (a share when `share`: 60% and 60 are 0.6).
std::optional<double> ParseNumber(std::string_view cell, bool share);
// yes/no, true/false, y/n, 1/0, 是/否.
std::optional<bool> ParseBool(std::string_view cell);

// Finds records by id or by name in the graph, for the references a row holds.
class Resolver {
 public:
  explicit Resolver(const engine::Graph& graph) : graph_(graph) {}

  // An organization by id or by its exact name (of `kind` when given). Sets `error` when none or several.
  std::string Organization(std::string_view cell, std::optional<engine::OrgKind> kind, std::string& error) {
    const engine::Idx by_id = graph_.ids(Kind::kOrganization).Find(cell);
    if (by_id != engine::kNone && graph_.orgs[by_id].kind != engine::OrgKind::kMissing) return std::string(cell);
    if (org_names_.empty()) {
      for (engine::Idx i = 0; i < graph_.orgs.size(); ++i) {
        if (graph_.orgs[i].kind != engine::OrgKind::kMissing) org_names_[graph_.orgs[i].name].push_back(i);
      }
    }
    std::vector<engine::Idx> found;
    if (auto it = org_names_.find(std::string(cell)); it != org_names_.end()) {
      for (engine::Idx i : it->second) {
        if (!kind || graph_.orgs[i].kind == *kind) found.push_back(i);
      }
    }
    return One(Kind::kOrganization, found, cell, "organization", error);
  }

  // A department by id, or by name within the organization `org`.
  std::string Department(std::string_view cell, std::string_view org, std::string& error) {
    const engine::Idx by_id = graph_.ids(Kind::kDepartment).Find(cell);
    if (by_id != engine::kNone && graph_.departments[by_id].org != engine::kNone) return std::string(cell);
    std::vector<engine::Idx> found;
    const engine::Idx o = graph_.ids(Kind::kOrganization).Find(org);
    if (o != engine::kNone) {
      for (engine::Idx d : graph_.orgs[o].departments) {
        if (graph_.departments[d].name == cell) found.push_back(d);
      }
    }
    return One(Kind::kDepartment, found, cell, "department of this organization", error);
  }

  // A user by id, login, or the name of their person.
  std::string User(std::string_view cell, std::string& error) {
    const engine::Idx by_id = graph_.ids(Kind::kUser).Find(cell);
    if (by_id != engine::kNone && !graph_.users[by_id].login.empty()) return std::string(cell);
    std::vector<engine::Idx> found;
    for (engine::Idx u = 0; u < graph_.users.size(); ++u) {
      const engine::User& user = graph_.users[u];
      if (user.login.empty()) continue;
      if (user.login == cell || (user.person != engine::kNone && graph_.people[user.person].name == cell)) found.push_back(u);
    }
    return One(Kind::kUser, found, cell, "user (by id, login or name)", error);
  }

  // A person by id, or by their exact name when only one person has it.
  std::string Person(std::string_view cell, std::string& error) {
    const engine::Idx by_id = graph_.ids(Kind::kPerson).Find(cell);
    if (by_id != engine::kNone && graph_.people[by_id].exists) return std::string(cell);
    if (person_names_.empty()) {
      for (engine::Idx p = 0; p < graph_.people.size(); ++p) {
        if (graph_.people[p].exists) person_names_[graph_.people[p].name].push_back(p);
      }
    }
    std::vector<engine::Idx> found;
    if (auto it = person_names_.find(std::string(cell)); it != person_names_.end()) found = it->second;
    return One(Kind::kPerson, found, cell, "person", error);
  }

  // An opportunity by id, or by name at the customer of `person`.
  std::string Opportunity(std::string_view cell, std::string_view person, std::string& error) {
    const engine::Idx by_id = graph_.ids(Kind::kOpportunity).Find(cell);
    if (by_id != engine::kNone && graph_.opportunities[by_id].customer != engine::kNone) return std::string(cell);
    std::vector<engine::Idx> found;
    const engine::Idx p = graph_.ids(Kind::kPerson).Find(person);
    if (p != engine::kNone && graph_.people[p].org != engine::kNone) {
      for (engine::Idx o : graph_.orgs[graph_.people[p].org].opportunities) {
        if (graph_.opportunities[o].name == cell) found.push_back(o);
      }
    }
    return One(Kind::kOpportunity, found, cell, "opportunity at this person's organization", error);
  }

  // The record already stored under a natural key: an organization by name, a person by organization and
  // name, an opportunity by customer and name; "" when none or several.
  std::string Existing(Kind kind, std::string_view org, std::string_view name) {
    std::vector<engine::Idx> found;
    if (kind == Kind::kOrganization) {
      std::string ignored;
      const std::string id = Organization(name, std::nullopt, ignored);
      return ignored.empty() && graph_.ids(Kind::kOrganization).Find(name) == engine::kNone ? id : "";
    }
    // Indexed once per file: a scan of the organization's people per row is quadratic in a large one.
    auto& index = kind == Kind::kPerson ? people_by_org_ : opportunities_by_customer_;
    if (index.empty()) {
      if (kind == Kind::kPerson) {
        for (engine::Idx p = 0; p < graph_.people.size(); ++p) {
          const engine::Person& person = graph_.people[p];
          if (person.exists && person.org != engine::kNone) index[graph_.Id(Kind::kOrganization, person.org) + '\n' + person.name].push_back(p);
        }
      } else {
        for (engine::Idx o = 0; o < graph_.opportunities.size(); ++o) {
          const engine::Opportunity& opp = graph_.opportunities[o];
          if (opp.customer != engine::kNone) index[graph_.Id(Kind::kOrganization, opp.customer) + '\n' + opp.name].push_back(o);
        }
      }
    }
    if (auto it = index.find(std::string(org) + '\n' + std::string(name)); it != index.end()) found = it->second;
    return found.size() == 1 ? graph_.Id(kind, found.front()) : "";
  }

 private:
  std::string One(Kind kind, const std::vector<engine::Idx>& found, std::string_view cell, std::string_view what,
                  std::string& error) {
    if (found.size() == 1) return graph_.Id(kind, found.front());
    error = found.empty() ? "No " + std::string(what) + " has the id or name \"" + std::string(cell) + "\"."
                          : std::to_string(found.size()) + " records are named \"" + std::string(cell) +
                                "\"; use the id to say which.";
    return {};
  }

  const engine::Graph& graph_;
  std::unordered_map<std::string, std::vector<engine::Idx>> org_names_, person_names_;
  std::unordered_map<std::string, std::vector<engine::Idx>> people_by_org_, opportunities_by_customer_;  // "org\nname"
};

}  // namespace brm::csv
