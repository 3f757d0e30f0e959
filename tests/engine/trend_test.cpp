// SPEC.md §5 "Trends": a trend series is the figure at each month end over a range of months.
#include <gtest/gtest.h>

#include "engine/lines.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

std::vector<std::string> Formatted(const std::vector<Date>& days) {
  std::vector<std::string> out;
  for (Date day : days) out.push_back(FormatDate(day));
  return out;
}

TEST(Trend, MonthEndsIncludeLeapDay) {
  EXPECT_EQ(Formatted(MonthEnds(2024, 1, 2024, 3)),
            (std::vector<std::string>{"2024-01-31", "2024-02-29", "2024-03-31"}));
}

TEST(Trend, MonthEndsCrossAYear) {
  EXPECT_EQ(Formatted(MonthEnds(2024, 11, 2025, 2)),
            (std::vector<std::string>{"2024-11-30", "2024-12-31", "2025-01-31", "2025-02-28"}));
  EXPECT_EQ(Formatted(MonthEnds(2025, 4, 2025, 4)), (std::vector<std::string>{"2025-04-30"}));
  EXPECT_TRUE(MonthEnds(2025, 5, 2025, 4).empty());
}

// c1: k1 support (01-15) → oppose (02-29, a month end) with a strong_oppose that held only 03-10 … 03-19;
// k2 from 2024-03-01, strong_support on 03-31; k3 until 2024-02-29, neutral.
// c2 (owner u1, since 2024-02-01): k4 neutral on 02-01.
Tenant TrendTenant() {
  Tenant t;
  t.Add(NonKeyPerson("e1", "us")).Add(UserOf("u1", "e1"));
  t.Add(Customer("c1")).Add(Customer("c2", "u1").Since("2024-02-01")).Add(Org("rival", "competitor"));
  t.Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1").Since("2024-03-01"));
  t.Add(KeyPerson("k3", "c1").Until("2024-02-29"));
  t.Rate("k1", "closeness", "support", "2024-01-15").Rate("k1", "closeness", "oppose", "2024-02-29");
  t.Add(Rating("brief", "k1", "closeness", "strong_oppose", "2024-03-10").Until("2024-03-20"));
  t.Rate("k2", "closeness", "strong_support", "2024-03-31").Rate("k3", "closeness", "neutral", "2024-01-01");
  t.Add(KeyPerson("k4", "c2")).Rate("k4", "closeness", "neutral", "2024-02-01");
  return t;
}

TEST(Trend, CustomerTrendPerMonthEnd) {
  const Tenant t = TrendTenant();
  const Figures figs = t.Figs();
  const auto points = Lines(figs).CustomerTrend(t.O("c1"), kOurs, MonthEnds(2024, 1, 2024, 3));
  ASSERT_EQ(points.size(), 3u);
  // 01-31: k1 +1, k3 0 → 2 key persons, mean 1/2
  EXPECT_EQ(FormatDate(points[0].as_of), "2024-01-31");
  EXPECT_EQ(points[0].count, 2);
  EXPECT_DOUBLE_EQ(*points[0].degrees[kC].mean(), 0.5);
  // 02-29: k1's oppose dated that day applies; k3 ended on 02-29; k2 not yet → 1, mean −1
  EXPECT_EQ(points[1].count, 1);
  EXPECT_DOUBLE_EQ(*points[1].degrees[kC].mean(), -1.0);
  // 03-31: the retired strong_oppose is gone, k1 −1; k2 +2 → 2, mean 1/2
  EXPECT_EQ(points[2].count, 2);
  EXPECT_DOUBLE_EQ(*points[2].degrees[kC].mean(), 0.5);
  EXPECT_FALSE(points[2].degrees[kS].mean().has_value());
}

TEST(Trend, CustomerTrendMatchesTheCustomerFiguresOnEachDay) {
  const Tenant t = TrendTenant();
  const Figures figs = t.Figs();
  const auto days = MonthEnds(2023, 12, 2024, 4);
  const auto points = Lines(figs).CustomerTrend(t.O("c1"), kOurs, days);
  for (size_t i = 0; i < days.size(); ++i) {
    int key_persons = 0;
    const Degrees d = figs.CustomerDegrees(t.O("c1"), kOurs, days[i], &key_persons);
    EXPECT_EQ(points[i].count, key_persons) << FormatDate(days[i]);
    EXPECT_EQ(points[i].degrees[kC].sum(), d[kC].sum()) << FormatDate(days[i]);
    EXPECT_EQ(points[i].degrees[kC].counts, d[kC].counts) << FormatDate(days[i]);
  }
}

TEST(Trend, CustomerLineTrendCountsCustomersAndPoolsPersons) {
  const Tenant t = TrendTenant();
  const Figures figs = t.Figs();
  const auto points = Lines(figs).CustomerLineTrend(Scope::Company(), kOurs, MonthEnds(2024, 1, 2024, 3));
  ASSERT_EQ(points.size(), 3u);
  // 01-31: c1 only (c2 from 02-01); k1 +1, k3 0
  EXPECT_EQ(points[0].count, 1);
  EXPECT_EQ(points[0].key_persons, 2);
  EXPECT_DOUBLE_EQ(*points[0].degrees[kC].mean(), 0.5);
  // 02-29: c1 c2; k1 −1, k4 0 → −1/2
  EXPECT_EQ(points[1].count, 2);
  EXPECT_EQ(points[1].key_persons, 2);
  EXPECT_DOUBLE_EQ(*points[1].degrees[kC].mean(), -0.5);
  // 03-31: k1 −1, k2 +2, k4 0 → 1/3
  EXPECT_EQ(points[2].count, 2);
  EXPECT_EQ(points[2].key_persons, 3);
  EXPECT_DOUBLE_EQ(*points[2].degrees[kC].mean(), 1.0 / 3.0);
  const auto mine = Lines(figs).CustomerLineTrend(OwnedBy(t.graph, {t.U("u1")}), kOurs,
                                                  MonthEnds(2024, 1, 2024, 3));
  EXPECT_EQ(mine[0].count, 0);  // c2 not yet active
  EXPECT_EQ(mine[2].count, 1);
  EXPECT_DOUBLE_EQ(*mine[2].degrees[kC].mean(), 0.0);
}

TEST(Trend, ChainTrendPerMonthEnd) {
  Tenant t;
  t.Add(Customer("c1")).Add(Opp("o1", "c1", "2024-01-01"));
  t.Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "decision_maker").Since("2024-02-01"));
  t.Rate("k1", "closeness", "support", "2024-02-10", "ours", "o1");
  t.Add(KeyPerson("k2", "c1")).Add(Member("m2", "o1", "k2", "approver").Until("2024-03-31"));
  t.Rate("k2", "closeness", "oppose", "2024-01-01");  // customer level: inherited in the chain
  const Figures figs = t.Figs();
  const auto points = Lines(figs).ChainTrend(t.Opportunity("o1"), kOurs, MonthEnds(2024, 1, 2024, 3));
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].count, 1);  // 01-31: k2 only
  EXPECT_DOUBLE_EQ(*points[0].degrees[kC].mean(), -1.0);
  EXPECT_EQ(points[1].count, 2);  // 02-29: +1, −1
  EXPECT_DOUBLE_EQ(*points[1].degrees[kC].mean(), 0.0);
  EXPECT_EQ(points[2].count, 1);  // 03-31: m2 ended that day
  EXPECT_DOUBLE_EQ(*points[2].degrees[kC].mean(), 1.0);
}

// A department's trend (issue 13 item 4, seed 003 figure 6): c1 has d1 (k1 support from 2025-01-15, k2
// oppose from 2025-03-10) and d2 (from 2025-03-01, retired 2025-05-15: k3 strong_support from its start);
// k4 has no department. Month ends January to June 2025.
TEST(Trend, EachDepartmentOverTheMonths) {
  Tenant t;
  t.Add(Customer("c1")).Add(Dept("d1", "c1")).Add(Dept("d2", "c1").Since("2025-03-01").Until("2025-05-15"));
  t.Add(KeyPerson("k1", "c1", "d1")).Add(KeyPerson("k2", "c1", "d1")).Add(KeyPerson("k3", "c1", "d2"));
  t.Add(KeyPerson("k4", "c1"));
  t.Rate("k1", "closeness", "support", "2025-01-15").Rate("k2", "closeness", "oppose", "2025-03-10");
  t.Rate("k3", "closeness", "strong_support", "2025-03-01").Rate("k4", "closeness", "strong_oppose", "2025-01-01");
  const Figures figures = t.Figs();
  const auto rows = Lines(figures).DepartmentTrends(t.O("c1"), kOurs, MonthEnds(2025, 1, 2025, 6));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(t.IdOf(Kind::kDepartment, rows[0].department), "d1");
  EXPECT_EQ(t.IdOf(Kind::kDepartment, rows[1].department), "d2");
  std::vector<int> counts, known;
  std::vector<std::optional<double>> means;
  for (const TrendPoint& p : rows[0].points) {
    counts.push_back(p.count);
    known.push_back(p.degrees[kC].known());
    means.push_back(p.degrees[kC].mean());
  }
  EXPECT_EQ(counts, (std::vector<int>{2, 2, 2, 2, 2, 2}));
  EXPECT_EQ(known, (std::vector<int>{1, 1, 2, 2, 2, 2}));
  EXPECT_EQ(means, (std::vector<std::optional<double>>{1.0, 1.0, 0.0, 0.0, 0.0, 0.0}));
  counts.clear();
  means.clear();
  for (const TrendPoint& p : rows[1].points) {
    counts.push_back(p.count);
    means.push_back(p.degrees[kC].mean());
  }
  // Not active in January, February, May (retired on the 15th) and June: no key persons then.
  EXPECT_EQ(counts, (std::vector<int>{0, 0, 1, 1, 0, 0}));
  EXPECT_EQ(means, (std::vector<std::optional<double>>{std::nullopt, std::nullopt, 2.0, 2.0, std::nullopt, std::nullopt}));
  // The last point is the department figure of the customer's metrics on that day.
  const CustomerMetrics march = figures.Customer(t.O("c1"), kOurs, D("2025-03-31"));
  ASSERT_EQ(march.departments.size(), 2u);
  const auto rows_march = Lines(figures).DepartmentTrends(t.O("c1"), kOurs, MonthEnds(2025, 3, 2025, 3));
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(rows_march[i].points[0].count, march.departments[i].key_persons);
    EXPECT_EQ(rows_march[i].points[0].degrees[kC].counts, march.departments[i].degrees[kC].counts);
  }
}

}  // namespace
}  // namespace brm::engine

