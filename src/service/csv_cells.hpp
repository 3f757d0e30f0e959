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
  std::string Organization(std::string_view cell, std::optional<engine::OrgKind> kind, std::string& error);

  // A department by id, or by name within the organization `org`.
  std::string Department(std::string_view cell, std::string_view org, std::string& error);

  // A user by id, login, or the name of their person.
  std::string User(std::string_view cell, std::string& error);

  // A person by id, or by their exact name when only one person has it.
  std::string Person(std::string_view cell, std::string& error);

  // An opportunity by id, or by name at the customer of `person`.
  std::string Opportunity(std::string_view cell, std::string_view person, std::string& error);

  // The record already stored under a natural key: an organization by name, a person by organization and
  // name, an opportunity by customer and name; "" when none or several.
  std::string Existing(Kind kind, std::string_view org, std::string_view name);

 private:
  // The one record found, or "" with `error` saying none or how many.
  std::string One(Kind kind, const std::vector<engine::Idx>& found, std::string_view cell, std::string_view what,
                  std::string& error);

  const engine::Graph& graph_;
  std::unordered_map<std::string, std::vector<engine::Idx>> org_names_, person_names_;
  std::unordered_map<std::string, std::vector<engine::Idx>> people_by_org_, opportunities_by_customer_;  // "org\nname"
};

}  // namespace brm::csv
