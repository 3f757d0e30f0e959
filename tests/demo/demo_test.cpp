#include "demo/demo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "domain/schema.hpp"
#include "domain/strategy_config.hpp"
#include "domain/validate.hpp"
#include "domain/vocab.hpp"
#include "engine/figures.hpp"
#include "engine/graph.hpp"

namespace brm {
namespace {

namespace f = fields;

// A month end, so that "three months earlier" exercises the clamping of AddMonths.
const Date kEnd = FromCivil({2026, 3, 31});

DemoConfig Config(uint64_t seed = 20260101) {
  DemoConfig config;
  config.seed = seed;
  config.end = kEnd;
  return config;
}

// Built once: the normal scale takes a moment under the sanitizers.
const MemoryBundle& Demo() {
  static const MemoryBundle bundle = BuildDemo(Config());
  return bundle;
}

bool SameBundle(const MemoryBundle& a, const MemoryBundle& b) {
  for (int k = 0; k < kKindCount; ++k) {
    const auto& x = a.items[k];
    const auto& y = b.items[k];
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (!(x[i].record == y[i].record) || !x[i].password != !y[i].password) return false;
      if (x[i].password && *x[i].password != *y[i].password) return false;
    }
  }
  return true;
}

// Answers from the bundle alone, as an import into an empty tenant would.
class BundleLookup : public Lookup {
 public:
  explicit BundleLookup(const MemoryBundle& bundle) {
    for (int k = 0; k < kKindCount; ++k) {
      for (const BundleItem& item : bundle.items[k]) index_[k].emplace(item.record.id, &item.record);
    }
  }
  const Record* Find(Kind kind, std::string_view id) override {
    auto& index = index_[static_cast<size_t>(kind)];
    auto it = index.find(std::string(id));
    return it == index.end() ? nullptr : it->second;
  }
  size_t Size(Kind kind) const { return index_[static_cast<size_t>(kind)].size(); }

 private:
  std::array<std::unordered_map<std::string, const Record*>, kKindCount> index_;
};

size_t Count(Kind kind, int field, std::string_view value) {
  size_t n = 0;
  for (const BundleItem& item : Demo().of(kind)) n += item.record.Text(field) == value;
  return n;
}

TEST(Demo, SameConfigGivesTheSameBundle) {
  EXPECT_TRUE(SameBundle(Demo(), BuildDemo(Config())));
  EXPECT_FALSE(SameBundle(Demo(), BuildDemo(Config(7))));
}

TEST(Demo, NormalScaleHasThePlannedSizes) {
  const MemoryBundle& b = Demo();
  EXPECT_EQ(Count(Kind::kOrganization, f::org::kKind, "ours"), 1u);
  EXPECT_EQ(Count(Kind::kOrganization, f::org::kKind, "competitor"), 3u);
  EXPECT_NEAR(static_cast<double>(Count(Kind::kOrganization, f::org::kKind, "customer")), 40, 5);
  size_t employees = 0, keys = 0;
  for (const BundleItem& item : b.of(Kind::kPerson)) {
    employees += item.record.Text(f::person::kOrg) == "org-ours";
    keys += item.record.Bool(f::person::kKey);
  }
  EXPECT_NEAR(static_cast<double>(employees), 60, 10);
  EXPECT_NEAR(static_cast<double>(keys), 600, 60);
  EXPECT_EQ(Count(Kind::kTeam, f::team::kParent, "team-root"), 4u);
  for (std::string_view role : vocab::kUserRoles) EXPECT_GT(Count(Kind::kUser, f::user::kRole, role), 0u) << role;
  EXPECT_EQ(Count(Kind::kUser, f::user::kRole, "rep"), 16u);
  EXPECT_EQ(Count(Kind::kUser, f::user::kRole, "manager"), 4u);
  EXPECT_EQ(b.of(Kind::kOpportunity).size(), 220u);
  EXPECT_GE(b.of(Kind::kRating).size(), 20'000u);
  EXPECT_LE(b.of(Kind::kRating).size(), 40'000u);
  for (Kind kind : {Kind::kDepartment, Kind::kReporting, Kind::kInfluence, Kind::kChainMember, Kind::kVote,
                    Kind::kActivity, Kind::kInfluenceUse}) {
    EXPECT_GT(b.of(kind).size(), 0u) << Spec(kind).bundle;
  }
  for (std::string_view status : {"open", "won", "lost", "abandoned"}) {
    EXPECT_GT(Count(Kind::kOpportunity, f::opp::kStatus, status), 0u) << status;
  }
}

TEST(Demo, LoginsCarryTheConfiguredPassword) {
  const auto logins = DemoLogins(Demo());
  std::map<std::string, std::string> roles(logins.begin(), logins.end());
  EXPECT_EQ(roles.size(), logins.size()) << "logins are unique";
  EXPECT_EQ(roles["admin"], "admin");
  EXPECT_EQ(roles["ceo"], "executive");
  EXPECT_EQ(roles["manager4"], "manager");
  EXPECT_EQ(roles["rep16"], "rep");
  EXPECT_EQ(roles["staff01"], "employee");
  for (const BundleItem& item : Demo().of(Kind::kUser)) {
    ASSERT_TRUE(item.password);
    EXPECT_EQ(*item.password, "brm-demo-2026");
  }
}

TEST(Demo, EveryRecordPassesFieldValidation) {
  for (int k = 0; k < kKindCount; ++k) {
    std::set<std::string> ids;
    for (const BundleItem& item : Demo().items[k]) {
      const Status status = ValidateFields(item.record);
      ASSERT_TRUE(status.ok()) << item.record.id << ": " << status.error().field << ": " << status.error().message;
      ASSERT_TRUE(ids.insert(item.record.id).second) << "duplicate id " << item.record.id;
    }
  }
}

TEST(Demo, EveryReferenceResolvesWithinTheBundle) {
  BundleLookup lookup(Demo());
  for (int k = 0; k < kKindCount; ++k) {
    for (const BundleItem& item : Demo().items[k]) {
      if (item.record.kind == Kind::kPerson) {
        ASSERT_FALSE(item.record.IsNull(f::person::kKey)) << item.record.id;
      }
      Record copy = item.record;
      const Status status = ValidateReferences(copy, lookup);
      ASSERT_TRUE(status.ok()) << item.record.id << ": " << status.error().field << ": " << status.error().message;
      ASSERT_EQ(copy, item.record) << "no derived default was needed for " << item.record.id;
    }
  }
}

TEST(Demo, CrossRecordRulesHold) {
  BundleLookup lookup(Demo());
  const MemoryBundle& b = Demo();
  // At most one active manager per person: a person's reporting intervals never overlap.
  std::map<std::string, std::vector<std::pair<int32_t, int32_t>>> lines;
  for (const BundleItem& item : b.of(Kind::kReporting)) {
    const Record& r = item.record;
    lines[r.Text(f::reporting::kPerson)].emplace_back(r.DateAt(f::reporting::kSince).value_or(Date{INT32_MIN}).days,
                                                      r.DateAt(f::reporting::kUntil).value_or(Date{INT32_MAX}).days);
  }
  for (auto& [person, spans] : lines) {
    std::sort(spans.begin(), spans.end());
    for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].second, spans[i].first) << person;
  }
  // Chains and project-level ratings stay within the opportunity's customer and chain.
  std::set<std::pair<std::string, std::string>> chain;
  for (const BundleItem& item : b.of(Kind::kChainMember)) {
    const Record& m = item.record;
    const Record* opp = lookup.Find(Kind::kOpportunity, m.Text(f::chain::kOpportunity));
    const Record* person = lookup.Find(Kind::kPerson, m.Text(f::chain::kPerson));
    EXPECT_EQ(person->Text(f::person::kOrg), opp->Text(f::opp::kCustomer)) << m.id;
    EXPECT_TRUE(chain.emplace(m.Text(f::chain::kOpportunity), m.Text(f::chain::kPerson)).second) << m.id;
  }
  for (const BundleItem& item : b.of(Kind::kRating)) {
    const Record& r = item.record;
    if (!r.IsNull(f::rating::kOpportunity)) {
      EXPECT_TRUE(chain.count({r.Text(f::rating::kOpportunity), r.Text(f::rating::kPerson)})) << r.id;
    }
    const Record* person = lookup.Find(Kind::kPerson, r.Text(f::rating::kPerson));
    const Record* org = lookup.Find(Kind::kOrganization, person->Text(f::person::kOrg));
    EXPECT_EQ(r.Text(f::rating::kBy), org->Text(f::org::kOwner)) << r.id;
  }
  // An influence use leans on a declared link from that employee to that person.
  std::set<std::pair<std::string, std::string>> links;
  for (const BundleItem& item : b.of(Kind::kInfluence)) {
    links.emplace(item.record.Text(f::influence::kFrom), item.record.Text(f::influence::kTo));
  }
  for (const BundleItem& item : b.of(Kind::kInfluenceUse)) {
    EXPECT_TRUE(links.count({item.record.Text(f::use::kEmployee), item.record.Text(f::use::kPerson)}));
  }
  for (const BundleItem& item : b.of(Kind::kOpportunity)) {
    const Record& o = item.record;
    const bool closed = o.Text(f::opp::kStatus) != "open";
    EXPECT_EQ(closed, !o.IsNull(f::opp::kClosed)) << o.id;
    if (closed) {
      EXPECT_LE(*o.DateAt(f::opp::kClosed), kEnd) << o.id;
    }
  }
  const Record* root = lookup.Find(Kind::kTeam, "team-root");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(lookup.Find(Kind::kUser, root->Text(f::team::kManager))->Text(f::user::kRole), "executive");
}

TEST(Demo, FactsAreDatedWithinTheHistoryInDateOrder) {
  const Date start = AddMonths(kEnd, -24);
  for (Kind kind : {Kind::kRating, Kind::kVote, Kind::kActivity, Kind::kInfluenceUse}) {
    const int field = Spec(kind).Index("date");
    Date previous = start;
    for (const BundleItem& item : Demo().of(kind)) {
      const Date day = *item.record.DateAt(field);
      ASSERT_LE(previous, day) << item.record.id << " is out of date order";
      ASSERT_LE(day, kEnd) << item.record.id;
      previous = day;
    }
  }
}

// SPEC §4: per customer, the pooled mean of the latest customer-level closeness toward us as of `day`.
std::map<std::string, double> ClosenessMeans(const MemoryBundle& b, Date day) {
  std::unordered_map<std::string, int> latest;          // person → attitude number, or a sentinel for unknown
  for (const BundleItem& item : b.of(Kind::kRating)) {  // in date order: later facts overwrite earlier ones
    const Record& r = item.record;
    if (*r.DateAt(f::rating::kDate) > day) break;
    if (r.Text(f::rating::kDimension) != "closeness" || r.Text(f::rating::kToward) != "ours" ||
        !r.IsNull(f::rating::kOpportunity)) {
      continue;
    }
    latest[r.Text(f::rating::kPerson)] = vocab::AttitudeNumber(r.Text(f::rating::kValue)).value_or(99);
  }
  std::map<std::string, std::pair<double, int>> sums;
  for (const BundleItem& item : b.of(Kind::kPerson)) {
    const Record& p = item.record;
    if (!p.Bool(f::person::kKey) || !ActiveOn(p, day)) continue;
    auto it = latest.find(p.id);
    if (it == latest.end() || it->second == 99) continue;
    auto& [sum, n] = sums[p.Text(f::person::kOrg)];
    sum += it->second;
    ++n;
  }
  std::map<std::string, double> means;
  for (const auto& [org, s] : sums) means[org] = s.first / s.second;
  return means;
}

TEST(Demo, TrajectoriesRiseFallAndStayPoor) {
  const auto early = ClosenessMeans(Demo(), AddMonths(kEnd, -21));
  const auto before = ClosenessMeans(Demo(), AddMonths(kEnd, -3));
  const auto now = ClosenessMeans(Demo(), kEnd);
  double best_rise = -9, worst_fall = 9, lowest = 9;
  for (const auto& [org, mean] : now) {
    if (early.count(org)) best_rise = std::max(best_rise, mean - early.at(org));
    if (before.count(org)) worst_fall = std::min(worst_fall, mean - before.at(org));
    lowest = std::min(lowest, mean);
  }
  EXPECT_GE(best_rise, 1.0) << "some customer goes from about -50% to about +95%";
  EXPECT_LE(worst_fall, -0.5) << "some customer falls enough in three months to trigger win_back";
  EXPECT_LE(lowest, -1.0) << "some customer stays poor";
}

TEST(Demo, SomeKeyPersonsStayUninsighted) {
  std::set<std::string> rated;
  size_t unknown = 0;
  for (const BundleItem& item : Demo().of(Kind::kRating)) {
    rated.insert(item.record.Text(f::rating::kPerson));
    unknown += item.record.Text(f::rating::kValue) == "unknown";
  }
  size_t never = 0;
  for (const BundleItem& item : Demo().of(Kind::kPerson))
    never += item.record.Bool(f::person::kKey) && !rated.count(item.record.id);
  EXPECT_GT(never, 10u);
  EXPECT_GT(unknown, 100u);
}

// SPEC §6.5: the recommended strategy of every customer as of `day`, counted per strategy, from the bundle
// loaded into an engine graph as the service loads its store.
std::map<std::string, int> StrategyCounts(const MemoryBundle& b, Date day) {
  engine::Graph graph;
  for (const EntitySpec* spec : AllSpecs()) {
    for (const BundleItem& item : b.of(spec->kind)) graph.Apply(item.record);
  }
  const engine::Figures figures(graph, StrategyThresholds{});
  std::map<std::string, int> counts;
  for (const BundleItem& item : b.of(Kind::kOrganization)) {
    if (item.record.Text(f::org::kKind) != "customer") continue;
    const engine::Idx customer = graph.ids(Kind::kOrganization).Find(item.record.id);
    ++counts[std::string(engine::StrategyName(figures.Recommend(customer, day)))];
  }
  return counts;
}

std::string Describe(const std::map<std::string, int>& counts) {
  std::string text;
  for (const auto& [strategy, n] : counts) text += strategy + "=" + std::to_string(n) + " ";
  return text;
}

TEST(Demo, EveryStrategyIsRecommendedForSeveralCustomers) {
  const auto counts = StrategyCounts(Demo(), kEnd);
  for (std::string_view strategy : kStrategies) {
    EXPECT_GE(counts.count(std::string(strategy)) ? counts.at(std::string(strategy)) : 0, 2)
        << strategy << " in " << Describe(counts);
  }
}

// The benchmark company shows the same mix; slow, so run on demand (--gtest_also_run_disabled_tests).
TEST(Demo, DISABLED_LargeScaleRecommendsEveryStrategy) {
  DemoConfig config = Config();
  config.scale = DemoConfig::Scale::kLarge;
  const auto counts = StrategyCounts(BuildDemo(config), kEnd);
  std::cout << Describe(counts) << "\n";
  for (std::string_view strategy : kStrategies) {
    EXPECT_GE(counts.count(std::string(strategy)) ? counts.at(std::string(strategy)) : 0, 500)
        << strategy << " in " << Describe(counts);
  }
}

TEST(Demo, ReportsProgress) {
  std::set<std::string> seen;
  BuildDemo(Config(), [&](std::string_view what, size_t done, size_t total) {
    EXPECT_LE(done, total);
    seen.emplace(what);
  });
  EXPECT_TRUE(seen.count("ratings"));
  EXPECT_TRUE(seen.count("opportunities"));
}

TEST(DemoPlan, LargeScaleMatchesTheBenchmarkSizes) {
  const DemoPlan plan = DemoPlanFor(DemoConfig::Scale::kLarge);
  EXPECT_EQ(plan.customers, 10'000u);
  EXPECT_EQ(plan.key_persons, 200'000u);
  EXPECT_EQ(plan.employees, 5'000u);
  EXPECT_EQ(plan.opportunities, 50'000u);
  EXPECT_EQ(plan.ratings, 2'000'000u);
  // Users stay a few hundred: each password is hashed with argon2id at import.
  const size_t users =
      2 + 4 * (1 + plan.districts_per_region) + 4 * plan.districts_per_region * plan.reps_per_team + plan.staff_users;
  EXPECT_LT(users, 500u);
}

}  // namespace
}  // namespace brm
