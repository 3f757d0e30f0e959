// SPEC.md §5 (pooled means), §6.3 (customer line: trend, three-degree analysis by tier, list), §7 (scope)
// and §11 (`GET /lines/customer`).
#include <gtest/gtest.h>

#include "engine/lines.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

constexpr const char* kDay = "2025-06-30";  // month ago 2025-05-30, year ago 2024-06-30

// c1 (owner u1): k1 strong_support. c2 (owner u2, since 2024-07-01): k2 k3 k4 neutral. c3 (no owner, until
// 2025-06-01): k5 strong_oppose. All closeness ratings dated 2025-01-01; no solution or price ratings.
Tenant LineTenant() {
  Tenant t;
  t.Add(NonKeyPerson("e1", "us")).Add(UserOf("u1", "e1")).Add(UserOf("u2", "e1"));
  t.Add(Customer("c1", "u1")).Add(Customer("c2", "u2").Since("2024-07-01")).Add(Customer("c3").Until("2025-06-01"));
  t.Add(Org("rival", "competitor")).Add(KeyPerson("x1", "rival"));  // not a customer: never counted
  t.Add(KeyPerson("k1", "c1")).Rate("k1", "closeness", "strong_support", "2025-01-01");
  for (const char* id : {"k2", "k3", "k4"}) t.Add(KeyPerson(id, "c2")).Rate(id, "closeness", "neutral", "2025-01-01");
  t.Add(KeyPerson("k5", "c3")).Rate("k5", "closeness", "strong_oppose", "2025-01-01");
  t.Rate("x1", "closeness", "strong_oppose", "2025-01-01");
  return t;
}

CustomerLine LineOf(const Tenant& t, const Scope& scope, const char* day = kDay) {
  const Figures figs = t.Figs();
  return Lines(figs).Customers(scope, kOurs, D(day));
}

std::vector<std::string> TierCustomers(const Tenant& t, const CustomerLine& line, int dimension, Tier tier) {
  return t.IdsOf(Kind::kOrganization, line.tiers[dimension][static_cast<int>(tier)].customers);
}

TEST(CustomerLine, PoolsKeyPersonsAcrossCustomers) {
  const CustomerLine line = LineOf(LineTenant(), Scope::Company());
  const Stats& now = line.pooled[kNow][kC];
  EXPECT_EQ(now.n, 4);  // k1 + k2 k3 k4 (c3 ended on 06-01)
  // (2+0+0+0)/4 = 0.5 over persons; the mean of customer means would be (2+0)/2 = 1
  EXPECT_DOUBLE_EQ(*now.mean(), 0.5);
  EXPECT_DOUBLE_EQ(*now.percent(), 50.0);
  // month ago (2025-05-30) c3 still counts: (2+0+0+0−2)/5 = 0
  EXPECT_EQ(line.pooled[kMonthAgo][kC].n, 5);
  EXPECT_DOUBLE_EQ(*line.pooled[kMonthAgo][kC].mean(), 0.0);
  // year ago (2024-06-30): c1 and c3 (c2 not yet), nothing rated
  EXPECT_EQ(line.pooled[kYearAgo][kC].n, 2);
  EXPECT_FALSE(line.pooled[kYearAgo][kC].mean().has_value());
  // no solution ratings anywhere: known 0, mean null
  EXPECT_EQ(line.pooled[kNow][kS].n, 4);
  EXPECT_FALSE(line.pooled[kNow][kS].mean().has_value());
}

TEST(CustomerLine, CustomersCountNowMonthAgoYearAgo) {
  const CustomerLine line = LineOf(LineTenant(), Scope::Company());
  EXPECT_EQ(line.customers[kNow], 2);       // c1 c2
  EXPECT_EQ(line.customers[kMonthAgo], 3);  // c1 c2 c3
  EXPECT_EQ(line.customers[kYearAgo], 2);   // c1 c3
}

TEST(CustomerLine, TiersByEachCustomersOwnMean) {
  const Tenant t = LineTenant();
  const CustomerLine line = LineOf(t, Scope::Company());
  const auto& closeness = line.tiers[kC];
  const auto& excellent = closeness[static_cast<int>(Tier::kExcellent)];
  const auto& fair = closeness[static_cast<int>(Tier::kFair)];
  const auto& poor = closeness[static_cast<int>(Tier::kPoor)];
  const auto& good = closeness[static_cast<int>(Tier::kGood)];
  EXPECT_EQ(TierCustomers(t, line, kC, Tier::kExcellent), (std::vector<std::string>{"c1"}));  // mean 2
  EXPECT_EQ(TierCustomers(t, line, kC, Tier::kFair), (std::vector<std::string>{"c2"}));       // mean 0
  EXPECT_TRUE(good.customers.empty());
  EXPECT_TRUE(poor.customers.empty());
  EXPECT_EQ(excellent.count, (std::array<int, 3>{1, 1, 0}));
  EXPECT_EQ(fair.count, (std::array<int, 3>{1, 1, 0}));
  EXPECT_EQ(poor.count, (std::array<int, 3>{0, 1, 0}));  // c3 (−2) a month ago
  EXPECT_EQ(good.count, (std::array<int, 3>{0, 0, 0}));
  EXPECT_DOUBLE_EQ(*excellent.pooled[kNow].mean(), 2.0);
  EXPECT_EQ(fair.pooled[kNow].n, 3);
  EXPECT_DOUBLE_EQ(*fair.pooled[kNow].mean(), 0.0);
  EXPECT_DOUBLE_EQ(*poor.pooled[kMonthAgo].mean(), -2.0);
  EXPECT_FALSE(poor.pooled[kNow].mean().has_value());
  // a customer with no known value has no tier: solution tiers are all empty
  for (const auto& row : line.tiers[kS]) EXPECT_EQ(row.count, (std::array<int, 3>{0, 0, 0}));
}

TEST(CustomerLine, TierPoolsPersonsOfItsCustomers) {
  // two good customers: (1+0)/2 = 0.5 and (1+1+0)/3 = 2/3; pooled over their persons 3/5, not 7/12
  Tenant t;
  t.Add(Customer("c1")).Add(Customer("c2"));
  t.Add(KeyPerson("a1", "c1")).Add(KeyPerson("a2", "c1"));
  t.Rate("a1", "closeness", "support", "2025-01-01").Rate("a2", "closeness", "neutral", "2025-01-01");
  t.Add(KeyPerson("b1", "c2")).Add(KeyPerson("b2", "c2")).Add(KeyPerson("b3", "c2"));
  t.Rate("b1", "closeness", "support", "2025-01-01").Rate("b2", "closeness", "support", "2025-01-01")
      .Rate("b3", "closeness", "neutral", "2025-01-01");
  const CustomerLine line = LineOf(t, Scope::Company());
  const auto& good = line.tiers[kC][static_cast<int>(Tier::kGood)];
  EXPECT_EQ(good.count[kNow], 2);
  EXPECT_DOUBLE_EQ(*good.pooled[kNow].mean(), 0.6);
  EXPECT_DOUBLE_EQ(*line.pooled[kNow][kC].mean(), 0.6);
}

TEST(CustomerLine, ListHoldsTheCustomersActiveOnDByIdWithTheirMetrics) {
  const Tenant t = LineTenant();
  const CustomerLine line = LineOf(t, Scope::Company());
  ASSERT_EQ(line.list.size(), 2u);  // c3 is not active on D
  EXPECT_EQ(t.IdOf(Kind::kOrganization, line.list[0].customer), "c1");
  EXPECT_EQ(t.IdOf(Kind::kOrganization, line.list[1].customer), "c2");
  EXPECT_EQ(line.list[1].key_persons, 3);
  EXPECT_EQ(line.list[1].key_persons_year_ago, 0);  // c2 not yet active on 2024-06-30
}

TEST(CustomerLine, ScopeOwnedByRestrictsToCustomersOfThoseUsers) {
  const Tenant t = LineTenant();
  const CustomerLine mine = LineOf(t, OwnedBy(t.graph, {t.U("u1")}));
  ASSERT_EQ(mine.list.size(), 1u);
  EXPECT_EQ(t.IdOf(Kind::kOrganization, mine.list[0].customer), "c1");
  EXPECT_EQ(mine.customers, (std::array<int, 3>{1, 1, 1}));
  EXPECT_DOUBLE_EQ(*mine.pooled[kNow][kC].mean(), 2.0);
  const CustomerLine both = LineOf(t, OwnedBy(t.graph, {t.U("u1"), t.U("u2")}));
  EXPECT_EQ(both.list.size(), 2u);
  EXPECT_EQ(both.customers[kMonthAgo], 2);  // c3 has no owner: outside every user's scope
  const Figures figs = t.Figs();
  EXPECT_EQ(t.IdsOf(Kind::kOrganization, Lines(figs).CustomersIn(OwnedBy(t.graph, {t.U("u2")}))),
            (std::vector<std::string>{"c2"}));
  EXPECT_EQ(t.IdsOf(Kind::kOrganization, Lines(figs).CustomersIn(Scope::Company())),
            (std::vector<std::string>{"c1", "c2", "c3"}));
}

TEST(CustomerLine, TrendDatesClampToMonthEnds) {
  const auto dates = TrendDates(D("2024-02-29"));
  EXPECT_EQ(FormatDate(dates[kNow]), "2024-02-29");
  EXPECT_EQ(FormatDate(dates[kMonthAgo]), "2024-01-29");
  EXPECT_EQ(FormatDate(dates[kYearAgo]), "2023-02-28");
  EXPECT_EQ(FormatDate(TrendDates(D("2025-03-31"))[kMonthAgo]), "2025-02-28");
}

}  // namespace
}  // namespace brm::engine
