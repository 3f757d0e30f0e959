// SPEC.md §3 (insighted, fully profiled), §5 (customer quantification, trends with clamping), §6.3 (open
// opportunities), §6.5 (complete) and §11 (`GET /customers/{id}/metrics`).
#include <gtest/gtest.h>

#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

CustomerMetrics Metrics(const Tenant& t, const char* customer, const char* day, Idx toward = kOurs) {
  return t.Figs().Customer(t.O(customer), toward, D(day));
}

TEST(CustomerFigures, NoKeyPersonsGivesNullMeansAndAcquire) {
  Tenant t;
  t.Add(Customer("c1")).Add(NonKeyPerson("n1", "c1")).Rate("n1", "closeness", "support", "2025-01-01");
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.key_persons, 0);  // n1 is not key
  EXPECT_EQ(m.insighted, 0);
  EXPECT_EQ(m.fully_profiled, 0);
  EXPECT_FALSE(m.complete);
  for (const Stats& s : m.degrees) {
    EXPECT_EQ(s.n, 0);
    EXPECT_FALSE(s.mean().has_value());
    EXPECT_FALSE(s.percent().has_value());
    EXPECT_FALSE(s.tier().has_value());
  }
  EXPECT_EQ(m.strategy, Strategy::kAcquire);  // |K| = 0
  EXPECT_EQ(StrategyName(m.strategy), "acquire");
}

TEST(CustomerFigures, AllRatingsUnknown) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1"));
  t.Rate("k1", "closeness", "support", "2025-01-01").Rate("k1", "closeness", "unknown", "2025-02-01");
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.key_persons, 2);
  for (const Stats& s : m.degrees) {
    EXPECT_EQ(s.n, 2);
    EXPECT_EQ(s.known(), 0);
    EXPECT_EQ(s.unknown(), 2);
    EXPECT_FALSE(s.mean().has_value());
    EXPECT_FALSE(s.tier().has_value());
  }
  EXPECT_EQ(m.strategy, Strategy::kAcquire);  // |K| = 2 ≤ 2 and |F| = 0 < 2
}

TEST(CustomerFigures, CountsKeyPersonsInsightedAndFullyProfiled) {
  Tenant t;
  t.Add(Customer("c1"));
  t.Profiled("ka", "c1", "strong_support", "support", "neutral", "2025-01-01");  // all seven known
  // kb: degrees and votes, linked, but orientation unknown → insighted, not fully profiled
  t.Add(KeyPerson("kb", "c1")).Add(Link("lb", "staff", "kb")).Rate3("kb", "support", "support", "support", "2025-01-01")
      .Votes("kb", "yes", "no", "2025-01-01");
  // kc: degrees, votes, orientation, but nobody links to it → insighted, not fully profiled
  t.Add(KeyPerson("kc", "c1").Set(f::person::kOrientation, "price"))
      .Rate3("kc", "oppose", "neutral", "neutral", "2025-01-01").Votes("kc", "no", "no", "2025-01-01");
  // kd: no closeness and no approve vote → not insighted
  t.Add(KeyPerson("kd", "c1").Set(f::person::kOrientation, "business")).Add(Link("ld", "staff", "kd"))
      .Rate("kd", "solution", "neutral", "2025-01-01").Rate("kd", "price", "neutral", "2025-01-01")
      .Add(Vote("vd", "kd", "veto", "yes", "2025-01-01"));
  t.Add(NonKeyPerson("n1", "c1")).Add(KeyPerson("gone", "c1").Until("2025-06-01"));  // neither counts on D
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.key_persons, 4);      // ka kb kc kd
  EXPECT_EQ(m.insighted, 3);        // ka kb kc
  EXPECT_EQ(m.fully_profiled, 1);   // ka
  EXPECT_FALSE(m.complete);         // |F| = 1 < 0.8 × 4
  const Stats& c = m.degrees[kC];   // closeness: +2 +1 −1 unknown
  EXPECT_EQ(c.n, 4);
  EXPECT_EQ(c.known(), 3);
  EXPECT_EQ(c.supporters(), 2);
  EXPECT_EQ(c.opposers(), 1);
  EXPECT_DOUBLE_EQ(*c.mean(), 2.0 / 3.0);  // (2+1−1)/3
  EXPECT_DOUBLE_EQ(*c.percent(), 66.7);
  EXPECT_EQ(c.tier(), Tier::kGood);
  EXPECT_EQ(m.degrees[kP].neutral(), 3);  // price: ka kc kd neutral, kb support
  EXPECT_EQ(m.strategy, Strategy::kGrow);  // |K| = 4 > 2, graph not complete
}

TEST(CustomerFigures, CompleteNeedsThreeKeyPersonsAndEightyPercentProfiled) {
  Tenant t;
  t.Add(Customer("c1"));
  for (const char* id : {"k1", "k2", "k3", "k4"}) t.Profiled(id, "c1", "support", "support", "support", "2025-01-01");
  t.Add(KeyPerson("k5", "c1"));
  EXPECT_TRUE(Metrics(t, "c1", "2025-06-30").complete);  // 4 ≥ 0.8 × 5 = 4
  t.Add(KeyPerson("k6", "c1"));
  EXPECT_FALSE(Metrics(t, "c1", "2025-06-30").complete);  // 4 < 0.8 × 6 = 4.8

  Tenant two;
  two.Add(Customer("c1"));
  two.Profiled("k1", "c1", "support", "support", "support", "2025-01-01")
      .Profiled("k2", "c1", "support", "support", "support", "2025-01-01");
  const CustomerMetrics m = Metrics(two, "c1", "2025-06-30");
  EXPECT_EQ(m.fully_profiled, 2);
  EXPECT_FALSE(m.complete);  // |K| = 2 < 3
}

TEST(CustomerFigures, OpenOpportunitiesWhateverTheirStatus) {
  Tenant t;
  t.Add(Customer("c1")).Add(Customer("c2"));
  t.Add(Opp("o1", "c1", "2025-01-01", 100));                               // open, never closed: counts
  t.Add(Opp("o2", "c1", "2025-01-01", 200, "won", "2025-07-01"));          // D < closed: counts though won
  t.Add(Opp("o3", "c1", "2025-01-01", 400, "lost", "2025-06-30"));         // closed on D: not open
  t.Add(Opp("o4", "c1", "2025-07-01", 800));                               // opened after D
  t.Add(Opp("o5", "c1", "2025-06-30", 50));                                // opened on D: counts
  t.Add(Opp("o6", "c2", "2025-01-01", 1000));                              // another customer's
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.open_count, 3);              // o1 o2 o5
  EXPECT_DOUBLE_EQ(m.open_amount, 350.0);  // 100 + 200 + 50

  // The graph keeps each customer's open spans as its opportunities are written again: o1 moves to c2 with
  // a new amount, o3 is reopened, o4's opening moves before D.
  t.Add(Opp("o1", "c2", "2025-01-01", 150));
  t.Add(Opp("o3", "c1", "2025-01-01", 400));
  t.Add(Opp("o4", "c1", "2025-06-01", 800));
  const CustomerMetrics after = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(after.open_count, 4);                // o2 o3 o4 o5
  EXPECT_DOUBLE_EQ(after.open_amount, 1450.0);   // 200 + 400 + 800 + 50
  const CustomerMetrics c2 = Metrics(t, "c2", "2025-06-30");
  EXPECT_EQ(c2.open_count, 2);                   // o6 o1
  EXPECT_DOUBLE_EQ(c2.open_amount, 1150.0);      // 1000 + 150
}

TEST(CustomerFigures, DepartmentsBreakdownIncludesEmptyActiveDepartments) {
  Tenant t;
  t.Add(Customer("c1")).Add(Customer("c2"));
  t.Add(Dept("d2", "c1")).Add(Dept("d1", "c1")).Add(Dept("d3", "c1"));
  t.Add(Dept("d0", "c1").Until("2025-06-01")).Add(Dept("d4", "c1").Since("2025-07-01")).Add(Dept("dx", "c2"));
  t.Add(KeyPerson("k1", "c1", "d1")).Rate("k1", "closeness", "support", "2025-01-01");
  t.Add(KeyPerson("k2", "c1", "d2")).Rate("k2", "closeness", "oppose", "2025-01-01");
  t.Add(KeyPerson("k3", "c1", "d2"));
  t.Add(NonKeyPerson("n1", "c1").Set(f::person::kDepartment, "d3"));
  t.Add(KeyPerson("k0", "c1", "d0")).Add(KeyPerson("k4", "c1"));
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.key_persons, 5);  // k0 k1 k2 k3 k4: an inactive department does not remove its key person
  ASSERT_EQ(m.departments.size(), 3u);  // active departments of c1, by id: d1 d2 d3
  EXPECT_EQ(t.IdOf(Kind::kDepartment, m.departments[0].department), "d1");
  EXPECT_EQ(t.IdOf(Kind::kDepartment, m.departments[1].department), "d2");
  EXPECT_EQ(t.IdOf(Kind::kDepartment, m.departments[2].department), "d3");
  EXPECT_EQ(m.departments[0].key_persons, 1);
  EXPECT_DOUBLE_EQ(*m.departments[0].degrees[kC].mean(), 1.0);   // k1 support
  EXPECT_EQ(m.departments[1].key_persons, 2);
  EXPECT_EQ(m.departments[1].degrees[kC].known(), 1);
  EXPECT_DOUBLE_EQ(*m.departments[1].degrees[kC].mean(), -1.0);  // k2 oppose, k3 unknown
  EXPECT_EQ(m.departments[2].key_persons, 0);                    // only a non-key person: n = 0
  EXPECT_EQ(m.departments[2].degrees[kC].n, 0);
  EXPECT_FALSE(m.departments[2].degrees[kC].mean().has_value());
}

TEST(CustomerFigures, MonthAgoOfMarch31IsFebruary28) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1").Since("2025-03-01"));
  t.Rate("k1", "closeness", "support", "2025-02-28").Rate("k1", "closeness", "neutral", "2025-03-01");
  const CustomerMetrics m = Metrics(t, "c1", "2025-03-31");
  // 2025-03-31 − 1 month = 2025-02-28: k2 not active yet and k1's 02-28 rating applies
  EXPECT_EQ(m.key_persons_month_ago, 1);
  EXPECT_DOUBLE_EQ(*m.month_ago[kC].mean(), 1.0);
  EXPECT_EQ(m.key_persons, 2);
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), 0.0);  // k1 neutral, k2 unknown
  // 2024-03-31: k1 active (no since) but not rated yet
  EXPECT_EQ(m.key_persons_year_ago, 1);
  EXPECT_EQ(m.year_ago[kC].known(), 0);
}

TEST(CustomerFigures, YearAgoOfLeapDayIsFebruary28) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1").Since("2023-03-01"));
  t.Rate("k1", "closeness", "support", "2023-02-28").Rate("k1", "closeness", "oppose", "2023-03-01")
      .Rate("k1", "closeness", "strong_support", "2024-02-29");
  const CustomerMetrics m = Metrics(t, "c1", "2024-02-29");
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), 2.0);
  // 2024-02-29 − 1 year = 2023-02-28 (not 03-01): support, and k2 not active yet
  EXPECT_DOUBLE_EQ(*m.year_ago[kC].mean(), 1.0);
  EXPECT_EQ(m.key_persons_year_ago, 1);
  // 2024-02-29 − 1 month = 2024-01-29: the 2023-03-01 oppose applies; k2 active
  EXPECT_DOUBLE_EQ(*m.month_ago[kC].mean(), -1.0);
  EXPECT_EQ(m.key_persons_month_ago, 2);
}

TEST(CustomerFigures, TowardCompetitorUsesItsRatingsButStrategyStaysOurs) {
  Tenant t;
  t.Add(Customer("c1")).Add(Org("rival", "competitor"));
  for (const char* id : {"k1", "k2", "k3"}) {
    t.Profiled(id, "c1", "support", "support", "support", "2025-01-01");
    t.Rate(id, "closeness", "oppose", "2025-01-01", "rival");
  }
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30", t.O("rival"));
  EXPECT_EQ(m.toward, t.O("rival"));
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), -1.0);  // three opposes toward rival
  EXPECT_EQ(m.degrees[kC].tier(), Tier::kPoor);
  EXPECT_EQ(m.degrees[kS].known(), 0);            // no solution ratings toward rival
  EXPECT_EQ(m.insighted, 3);                      // insight is about the degrees toward ours
  EXPECT_EQ(m.strategy, Strategy::kRetain);       // toward ours: complete, all excellent
  EXPECT_EQ(Metrics(t, "c1", "2025-06-30").strategy, Strategy::kRetain);
}

TEST(CustomerFigures, InactiveCustomerHasNoKeyPersons) {
  Tenant t;
  t.Add(Customer("c1").Until("2025-06-01")).Add(KeyPerson("k1", "c1")).Add(Dept("d1", "c1"));
  const CustomerMetrics m = Metrics(t, "c1", "2025-06-30");
  EXPECT_EQ(m.key_persons, 0);
  EXPECT_EQ(m.key_persons_month_ago, 1);  // 2025-05-30: still active
  EXPECT_TRUE(m.departments.empty());
}

}  // namespace
}  // namespace brm::engine
