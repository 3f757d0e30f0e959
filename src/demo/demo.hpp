// The demo company: a deterministic, realistic tenant (Chinese names, 24 months of history) for
// `brm demo`, `make run`, screenshots and benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/date.hpp"
#include "service/bundle.hpp"

namespace brm {

struct DemoConfig {
  enum class Scale { kNormal, kLarge };
  Scale scale = Scale::kNormal;            // kLarge: 10,000 customers and about 2,000,000 ratings, for benchmarks
  uint64_t seed = 20260101;                // same seed + same end date → identical bundle
  Date end;                                // last day of the 24 months of history (callers pass today or a fixed date)
  std::string password = "brm-demo-2026";  // every demo user's plain password (BundleItem::password)
};

// The sizes a scale produces. Counts of persons, customers, opportunities and ratings are met exactly;
// the other kinds follow from them.
struct DemoPlan {
  size_t customers = 0;
  size_t key_persons = 0;  // persons with key = true, spread over the customers
  size_t employees = 0;    // persons of our company, users included
  size_t opportunities = 0;
  size_t closed_min = 0, closed_max = 0;  // closed projects per customer on its rhythm; 0: drawn at random
  size_t ratings = 0;
  size_t competitors = 0;
  size_t competitor_staff_min = 0, competitor_staff_max = 0;  // persons per competitor
  size_t districts_per_region = 0;                            // 0: reps sit in the four regional teams
  size_t reps_per_team = 0;          // per regional team, or per district when there are districts
  size_t staff_users = 0;            // users with role `employee`
  size_t research_groups = 0;        // sub-departments of our R&D centre
  double activities_per_person = 0;  // mean number of activities per key person over the 24 months
};

// The plan of a scale. Pure.
DemoPlan DemoPlanFor(DemoConfig::Scale scale);

// Builds the demo company. Deterministic: depends only on the config (no clock, no files). Calls
// progress now and then (per kind, and every 100,000 facts) with (what, done, total). Every record
// passes ValidateFields and every reference resolves within the bundle. Facts are in date order. As of
// `end`, the customers show all five strategies of SPEC.md §6.5 (about 1/8 acquire, 3/8 grow, 1/8
// win_back, 1/8 wait, 1/4 retain).
// Thread-safe: shares no state between calls.
MemoryBundle BuildDemo(const DemoConfig& config, const Progress& progress = {});

// The demo users' logins with their roles, in bundle order, for printing by `make run`: {login, role}.
std::vector<std::pair<std::string, std::string>> DemoLogins(const MemoryBundle& bundle);

}  // namespace brm
