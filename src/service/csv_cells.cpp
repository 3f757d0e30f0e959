#include "service/csv_cells.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace brm::csv {

std::optional<Date> ParseDay(std::string_view cell) {
  std::string text(cell.substr(0, cell.find_first_of(" T")));
  int parts[3] = {0, 0, 0};
  int part = 0;
  bool digit = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      parts[part] = parts[part] * 10 + (c - '0');
      if (parts[part] > 9999) return std::nullopt;
      digit = true;
      ++i;
      continue;
    }
    if (!digit || part == 2) {
      if (part == 2 && digit && text.compare(i, std::string::npos, "日") == 0) break;
      return std::nullopt;
    }
    const std::string_view rest = std::string_view(text).substr(i);
    size_t step = 0;
    if (c == '-' || c == '/' || c == '.') step = 1;
    else if (rest.rfind("年", 0) == 0 || rest.rfind("月", 0) == 0) step = 3;
    if (step == 0) return std::nullopt;
    ++part;
    digit = false;
    i += step;
  }
  if (part != 2 || !digit) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return ParseDate(iso);
}

std::optional<double> ParseNumber(std::string_view cell, bool share) {
  std::string text;
  bool percent = false;
  for (size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ',' || c == ' ' || c == '$' || c == '\'') continue;
    if (c == '%') {
      percent = true;
      continue;
    }
    if (cell.substr(i).rfind("¥", 0) == 0 || cell.substr(i).rfind("￥", 0) == 0) {
      i += (cell.substr(i).rfind("¥", 0) == 0 ? std::string_view("¥").size() : std::string_view("￥").size()) - 1;
      continue;
    }
    text += c;
  }
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  if (share && (percent || value > 1)) return value / 100;
  return percent ? value / 100 : value;
}

std::optional<bool> ParseBool(std::string_view cell) {
  std::string lower(cell);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view yes : {"true", "yes", "y", "1", "是", "√", "✓", "重点"}) {
    if (lower == yes) return true;
  }
  for (std::string_view no : {"false", "no", "n", "0", "否", "×", "x", "-"}) {
    if (lower == no) return false;
  }
  return std::nullopt;
}

using engine::Idx;
using engine::kNone;

std::string Resolver::Organization(std::string_view cell, std::optional<engine::OrgKind> kind, std::string& error) {
  const Idx by_id = graph_.ids(Kind::kOrganization).Find(cell);
  if (by_id != kNone && graph_.orgs[by_id].kind != engine::OrgKind::kMissing) return std::string(cell);
  if (org_names_.empty()) {
    for (Idx i = 0; i < graph_.orgs.size(); ++i) {
      if (graph_.orgs[i].kind != engine::OrgKind::kMissing) org_names_[graph_.orgs[i].name].push_back(i);
    }
  }
  std::vector<Idx> found;
  if (auto it = org_names_.find(std::string(cell)); it != org_names_.end()) {
    for (Idx i : it->second) {
      if (!kind || graph_.orgs[i].kind == *kind) found.push_back(i);
    }
  }
  return One(Kind::kOrganization, found, cell, "organization", error);
}

std::string Resolver::Department(std::string_view cell, std::string_view org, std::string& error) {
  const Idx by_id = graph_.ids(Kind::kDepartment).Find(cell);
  if (by_id != kNone && graph_.departments[by_id].org != kNone) return std::string(cell);
  std::vector<Idx> found;
  const Idx o = graph_.ids(Kind::kOrganization).Find(org);
  if (o != kNone) {
    for (Idx d : graph_.orgs[o].departments) {
      if (graph_.departments[d].name == cell) found.push_back(d);
    }
  }
  return One(Kind::kDepartment, found, cell, "department of this organization", error);
}

std::string Resolver::User(std::string_view cell, std::string& error) {
  const Idx by_id = graph_.ids(Kind::kUser).Find(cell);
  if (by_id != kNone && !graph_.users[by_id].login.empty()) return std::string(cell);
  std::vector<Idx> found;
  for (Idx u = 0; u < graph_.users.size(); ++u) {
    const engine::User& user = graph_.users[u];
    if (user.login.empty()) continue;
    if (user.login == cell || (user.person != kNone && graph_.people[user.person].name == cell)) found.push_back(u);
  }
  return One(Kind::kUser, found, cell, "user (by id, login or name)", error);
}

std::string Resolver::Person(std::string_view cell, std::string& error) {
  const Idx by_id = graph_.ids(Kind::kPerson).Find(cell);
  if (by_id != kNone && graph_.people[by_id].exists) return std::string(cell);
  if (person_names_.empty()) {
    for (Idx p = 0; p < graph_.people.size(); ++p) {
      if (graph_.people[p].exists) person_names_[graph_.people[p].name].push_back(p);
    }
  }
  std::vector<Idx> found;
  if (auto it = person_names_.find(std::string(cell)); it != person_names_.end()) found = it->second;
  return One(Kind::kPerson, found, cell, "person", error);
}

std::string Resolver::Opportunity(std::string_view cell, std::string_view person, std::string& error) {
  const Idx by_id = graph_.ids(Kind::kOpportunity).Find(cell);
  if (by_id != kNone && graph_.opportunities[by_id].customer != kNone) return std::string(cell);
  std::vector<Idx> found;
  const Idx p = graph_.ids(Kind::kPerson).Find(person);
  if (p != kNone && graph_.people[p].org != kNone) {
    for (Idx o : graph_.orgs[graph_.people[p].org].opportunities) {
      if (graph_.opportunities[o].name == cell) found.push_back(o);
    }
  }
  return One(Kind::kOpportunity, found, cell, "opportunity at this person's organization", error);
}

std::string Resolver::Existing(Kind kind, std::string_view org, std::string_view name) {
  std::vector<Idx> found;
  if (kind == Kind::kOrganization) {
    std::string ignored;
    const std::string id = Organization(name, std::nullopt, ignored);
    return ignored.empty() && graph_.ids(Kind::kOrganization).Find(name) == kNone ? id : "";
  }
  // Indexed once per file: a scan of the organization's people per row is quadratic in a large one.
  auto& index = kind == Kind::kPerson ? people_by_org_ : opportunities_by_customer_;
  if (index.empty()) {
    if (kind == Kind::kPerson) {
      for (Idx p = 0; p < graph_.people.size(); ++p) {
        const engine::Person& person = graph_.people[p];
        if (person.exists && person.org != kNone) index[graph_.Id(Kind::kOrganization, person.org) + '\n' + person.name].push_back(p);
      }
    } else {
      for (Idx o = 0; o < graph_.opportunities.size(); ++o) {
        const engine::Opportunity& opp = graph_.opportunities[o];
        if (opp.customer != kNone) index[graph_.Id(Kind::kOrganization, opp.customer) + '\n' + opp.name].push_back(o);
      }
    }
  }
  if (auto it = index.find(std::string(org) + '\n' + std::string(name)); it != index.end()) found = it->second;
  return found.size() == 1 ? graph_.Id(kind, found.front()) : "";
}

std::string Resolver::One(Kind kind, const std::vector<Idx>& found, std::string_view cell, std::string_view what,
                          std::string& error) {
  if (found.size() == 1) return graph_.Id(kind, found.front());
  error = found.empty() ? "No " + std::string(what) + " has the id or name \"" + std::string(cell) + "\"."
                        : std::to_string(found.size()) + " records are named \"" + std::string(cell) +
                              "\"; use the id to say which.";
  return {};
}

}  // namespace brm::csv
