// SPEC.md §6.4 (influence line: acquainted key persons, analysis, list, KPIs), §7 (competitor perspective)
// and §11 (`GET /lines/influence`).
#include <gtest/gtest.h>

#include "engine/lines.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

constexpr const char* kDay = "2025-06-30";  // month ago 2025-05-30, year ago 2024-06-30

// Employees e1, e2 (left on 2025-06-01), e3 (links since 2025-01-01); competitors rival (x1) and other (x2);
// c1 (owner u1, department d1) with k1…k7, c2 (owner u2) with k8. Who reaches whom is noted per person.
Tenant InfluenceTenant() {
  Tenant t;
  t.Add(NonKeyPerson("e1", "us")).Add(NonKeyPerson("e2", "us").Until("2025-06-01")).Add(NonKeyPerson("e3", "us"));
  t.Add(UserOf("u1", "e1")).Add(UserOf("u2", "e3"));
  t.Add(Org("rival", "competitor")).Add(NonKeyPerson("x1", "rival"));
  t.Add(Org("other", "competitor")).Add(NonKeyPerson("x2", "other"));
  t.Add(Customer("c1", "u1")).Add(Customer("c2", "u2")).Add(Dept("d1", "c1"));
  // k1: reached by e1 and e3; insighted
  t.Add(KeyPerson("k1", "c1", "d1").Set(f::person::kTitle, "CTO"));
  t.Add(Link("l1", "e1", "k1")).Add(Link("l1b", "e3", "k1").Since("2025-01-01"));
  t.Rate3("k1", "support", "neutral", "oppose", "2025-01-01").Votes("k1", "yes", "yes", "2025-01-01");
  t.Rate("k1", "closeness", "oppose", "2025-01-01", "rival");
  t.Add(KeyPerson("k2", "c1")).Add(Link("l2", "x1", "k2"));   // competitor staff only
  t.Add(KeyPerson("k3", "c1")).Add(Link("l3", "k1", "k3"));   // internal link only
  t.Add(Link("l3b", "x2", "k3"));                             // the other competitor's staff
  t.Add(KeyPerson("k4", "c1")).Add(Link("l4", "e2", "k4"));   // an employee who left on 06-01
  t.Add(KeyPerson("k5", "c1")).Add(Link("l5", "e1", "k5").Until("2025-06-01"));  // retired link
  t.Add(KeyPerson("k6", "c1")).Add(Link("l6", "e1", "k6")).Rate("k6", "closeness", "strong_oppose", "2025-01-01");
  t.Add(Link("l6b", "x1", "k6").Until("2025-06-01"));         // rival's link, retired
  t.Add(KeyPerson("k7", "c1")).Add(Link("l7", "e3", "k7").Since("2025-01-01"))
      .Rate("k7", "closeness", "neutral", "2025-01-01");
  t.Add(KeyPerson("k8", "c2")).Add(Link("l8", "e1", "k8"));
  return t;
}

InfluenceLine LineOf(const Tenant& t, const Scope& scope, Idx toward = kOurs, const char* day = kDay) {
  const Figures figs = t.Figs();
  return Lines(figs).Influence(scope, toward, D(day));
}

std::vector<std::string> People(const Tenant& t, const InfluenceLine& line, InfluenceLine::Bucket bucket) {
  return t.IdsOf(Kind::kPerson, line.analysis[kC][bucket].people);
}

TEST(InfluenceLine, AcquaintedOnlyThroughActiveLinksFromActiveEmployees) {
  const Tenant t = InfluenceTenant();
  const InfluenceLine line = LineOf(t, Scope::Company());
  EXPECT_EQ(line.acquainted[kNow], 4);        // k1 k6 k7 k8
  EXPECT_EQ(line.uninsighted[kNow], 3);       // k6 k7 k8
  EXPECT_EQ(line.acquainted[kMonthAgo], 6);   // 05-30: e2 and the l5 link still active → + k4 k5
  EXPECT_EQ(line.uninsighted[kMonthAgo], 5);  // all but k1
  EXPECT_EQ(line.acquainted[kYearAgo], 5);    // 2024-06-30: e3's links not yet → k1 k4 k5 k6 k8
  EXPECT_EQ(line.uninsighted[kYearAgo], 5);   // nothing rated before 2025
}

TEST(InfluenceLine, PooledDegreesOverTheAcquainted) {
  const InfluenceLine line = LineOf(InfluenceTenant(), Scope::Company());
  const Stats& c = line.pooled[kNow][kC];  // k1 +1, k6 −2, k7 0, k8 unknown
  EXPECT_EQ(c.n, 4);
  EXPECT_EQ(c.known(), 3);
  EXPECT_DOUBLE_EQ(*c.mean(), -1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*c.percent(), -33.3);
  EXPECT_DOUBLE_EQ(*line.pooled[kNow][kS].mean(), 0.0);  // only k1: neutral
  EXPECT_FALSE(line.pooled[kYearAgo][kC].mean().has_value());
}

TEST(InfluenceLine, AnalysisBucketsWithCountsAndPeople) {
  const Tenant t = InfluenceTenant();
  const InfluenceLine line = LineOf(t, Scope::Company());
  using B = InfluenceLine::Bucket;
  EXPECT_EQ(People(t, line, B::kUnknownBucket), (std::vector<std::string>{"k8"}));
  EXPECT_EQ(People(t, line, B::kSupporters), (std::vector<std::string>{"k1"}));
  EXPECT_EQ(People(t, line, B::kOpposers), (std::vector<std::string>{"k6"}));
  EXPECT_EQ(People(t, line, B::kNeutral), (std::vector<std::string>{"k7"}));
  const auto& a = line.analysis[kC];
  // month ago: k4 k5 k8 unknown, k1 supports, k6 opposes, k7 neutral
  EXPECT_EQ(a[B::kUnknownBucket].count, (std::array<int, 3>{1, 3, 5}));
  EXPECT_EQ(a[B::kSupporters].count, (std::array<int, 3>{1, 1, 0}));
  EXPECT_EQ(a[B::kOpposers].count, (std::array<int, 3>{1, 1, 0}));
  EXPECT_EQ(a[B::kNeutral].count, (std::array<int, 3>{1, 1, 0}));
}

TEST(InfluenceLine, ListEntriesCarryCompanyDepartmentTitleClosenessOwnerInfluencers) {
  const Tenant t = InfluenceTenant();
  const InfluenceLine line = LineOf(t, Scope::Company());
  ASSERT_EQ(line.list.size(), 4u);
  const InfluenceLine::Entry& k1 = line.list[0];
  EXPECT_EQ(t.IdOf(Kind::kPerson, k1.person), "k1");
  EXPECT_EQ(k1.company, t.O("c1"));
  EXPECT_EQ(k1.department, t.Dep("d1"));
  EXPECT_EQ(k1.title, "CTO");
  EXPECT_EQ(k1.closeness, 1);
  EXPECT_EQ(k1.owner, t.U("u1"));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, k1.influencers), (std::vector<std::string>{"e1", "e3"}));
  EXPECT_EQ(t.IdOf(Kind::kPerson, line.list[1].person), "k6");
  EXPECT_EQ(line.list[1].department, kNone);
  EXPECT_EQ(line.list[1].closeness, -2);
  EXPECT_EQ(t.IdOf(Kind::kPerson, line.list[2].person), "k7");
  EXPECT_EQ(t.IdsOf(Kind::kPerson, line.list[2].influencers), (std::vector<std::string>{"e3"}));
  const InfluenceLine::Entry& k8 = line.list[3];
  EXPECT_EQ(t.IdOf(Kind::kPerson, k8.person), "k8");
  EXPECT_EQ(k8.company, t.O("c2"));
  EXPECT_EQ(k8.owner, t.U("u2"));
  EXPECT_EQ(k8.closeness, kUnknown);
  EXPECT_EQ(t.IdsOf(Kind::kPerson, k8.influencers), (std::vector<std::string>{"e1"}));
}

TEST(InfluenceLine, ValuePotentialIsAcquaintedOverKeyPersonsInScope) {
  const Tenant t = InfluenceTenant();
  EXPECT_DOUBLE_EQ(*LineOf(t, Scope::Company()).value_potential, 0.5);  // 4 of k1…k8
  const InfluenceLine mine = LineOf(t, OwnedBy(t.graph, {t.U("u1")}));
  EXPECT_EQ(mine.acquainted[kNow], 3);                   // k1 k6 k7 (c1 only)
  EXPECT_DOUBLE_EQ(*mine.value_potential, 3.0 / 7.0);    // of k1…k7
  EXPECT_EQ(mine.list.size(), 3u);
  Tenant empty;
  EXPECT_FALSE(LineOf(empty, Scope::Company()).value_potential.has_value());  // no key persons
}

TEST(InfluenceLine, CompetitorTargetListsWhomItsStaffInfluences) {
  const Tenant t = InfluenceTenant();
  const InfluenceLine line = LineOf(t, Scope::Company(), t.O("rival"));
  EXPECT_EQ(line.toward, t.O("rival"));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, line.competitor_influenced), (std::vector<std::string>{"k2"}));  // l6b retired
  EXPECT_EQ(line.acquainted[kNow], 4);  // acquaintance is still through our employees
  using B = InfluenceLine::Bucket;
  EXPECT_EQ(People(t, line, B::kOpposers), (std::vector<std::string>{"k1"}));  // k1 opposes rival
  EXPECT_EQ(People(t, line, B::kUnknownBucket), (std::vector<std::string>{"k6", "k7", "k8"}));
  EXPECT_EQ(line.list[0].closeness, -1);
  EXPECT_EQ(t.IdsOf(Kind::kPerson, LineOf(t, Scope::Company(), t.O("other")).competitor_influenced),
            (std::vector<std::string>{"k3"}));
  EXPECT_TRUE(LineOf(t, Scope::Company()).competitor_influenced.empty());  // toward ours: none
}

TEST(CustomerLine, CompetitorTargetComputesTowardItAndListsWhomItsStaffInfluences) {
  const Tenant t = InfluenceTenant();
  const Figures figs = t.Figs();
  const CustomerLine line = Lines(figs).Customers(Scope::Company(), t.O("rival"), D(kDay));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, line.competitor_influenced), (std::vector<std::string>{"k2"}));
  EXPECT_EQ(line.pooled[kNow][kC].known(), 1);            // only k1 is rated toward rival
  EXPECT_DOUBLE_EQ(*line.pooled[kNow][kC].mean(), -1.0);
}

// Won opportunities of c1, D = 2025-06-30.
Tenant ContributionTenant() {
  Tenant t;
  t.Add(Customer("c1")).Add(NonKeyPerson("e1", "us")).Add(KeyPerson("k1", "c1"));
  t.Add(Opp("w1", "c1", "2024-06-01", 100, "won", "2025-02-01")).UseOf("w1", "e1", "k1", "2025-01-15");
  t.Add(Opp("w2", "c1", "2024-06-01", 300, "won", "2025-03-01")).UseOf("w2", "e1", "k1", "2025-07-15");
  t.Add(Opp("w5", "c1", "2024-06-01", 100, "won", "2025-06-30"));                    // no use
  t.Add(Opp("w3", "c1", "2024-06-01", 1000, "won", "2024-12-31")).UseOf("w3", "e1", "k1", "2024-12-01");
  t.Add(Opp("w4", "c1", "2024-06-01", 1000, "won", "2025-07-01")).UseOf("w4", "e1", "k1", "2025-05-01");
  t.Add(Opp("l1", "c1", "2024-06-01", 1000, "lost", "2025-03-01")).UseOf("l1", "e1", "k1", "2025-02-01");
  t.Add(Opp("o1", "c1", "2024-06-01", 1000)).UseOf("o1", "e1", "k1", "2025-02-01");
  return t;
}

TEST(InfluenceLine, ContributionByCountAndAmountOverThisYearsWinsUpToD) {
  const Tenant t = ContributionTenant();
  // wins closed 2025-01-01 … 2025-06-30: w1 (use 01-15), w2 (use dated after D), w5 (no use)
  const InfluenceLine line = LineOf(t, Scope::Company());
  EXPECT_DOUBLE_EQ(*line.contribution_count, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(*line.contribution_amount, 0.2);  // 100 / (100 + 300 + 100)
  // on 2025-07-20 w2's use counts and w4 (closed 07-01) joins: (w1 w2 w4) of (w1 w2 w5 w4)
  const InfluenceLine later = LineOf(t, Scope::Company(), kOurs, "2025-07-20");
  EXPECT_DOUBLE_EQ(*later.contribution_count, 0.75);
  EXPECT_DOUBLE_EQ(*later.contribution_amount, 1400.0 / 1500.0);
}

TEST(InfluenceLine, ContributionIsNullWithoutWonOpportunities) {
  const Tenant t = ContributionTenant();
  const InfluenceLine line = LineOf(t, Scope::Company(), kOurs, "2025-01-31");  // w3 was last year
  EXPECT_FALSE(line.contribution_count.has_value());
  EXPECT_FALSE(line.contribution_amount.has_value());
}

}  // namespace
}  // namespace brm::engine
