// SPEC.md §4 (effective project rating, counting chain members), §5 (decision chain quantification),
// §6.2 (missing roles in a fixed order) and §11 (`GET /opportunities/{id}/chain`).
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/vocab.hpp"
#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

// c1 with opportunity o1 (opened 2024-01-01), competitor "rival".
Tenant Base() {
  Tenant t;
  t.Add(Customer("c1")).Add(Org("rival", "competitor")).Add(Opp("o1", "c1", "2024-01-01"));
  return t;
}

ChainFigures ChainOf(const Tenant& t, const char* day, Idx toward = kOurs) {
  return t.Figs().Chain(t.Opportunity("o1"), toward, D(day));
}

std::vector<uint8_t> Roles(std::initializer_list<const char*> words) {
  std::vector<uint8_t> out;
  for (const char* word : words) {
    out.push_back(static_cast<uint8_t>(std::find(vocab::kDecisionRoles.begin(), vocab::kDecisionRoles.end(), word) -
                                       vocab::kDecisionRoles.begin()));
  }
  return out;
}

TEST(ChainFigures, EffectiveRatingInheritsCustomerLevelWhenProjectLevelUnknown) {
  Tenant t = Base();
  t.Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "decision_maker"));
  t.Rate3("k1", "strong_support", "support", "neutral", "2025-01-01");      // customer level
  t.Rate("k1", "closeness", "oppose", "2025-01-02", "ours", "o1");          // project level, known
  t.Rate("k1", "solution", "strong_oppose", "2025-01-02", "ours", "o1")
      .Rate("k1", "solution", "unknown", "2025-01-03", "ours", "o1");       // project level reset to unknown
  t.Add(KeyPerson("k2", "c1")).Add(Member("m2", "o1", "k2", "approver"));
  t.Rate("k2", "closeness", "support", "2025-01-02", "ours", "o1");
  const ChainFigures c = ChainOf(t, "2025-06-30");
  ASSERT_EQ(c.members.size(), 2u);
  const auto& m1 = c.members[0];
  EXPECT_EQ(t.IdOf(Kind::kPerson, m1.person), "k1");
  EXPECT_EQ(m1.degrees, (std::array<int8_t, 3>{-1, 1, 0}));  // project closeness; solution, price inherited
  EXPECT_FALSE(m1.inherited[kC]);
  EXPECT_TRUE(m1.inherited[kS]);
  EXPECT_TRUE(m1.inherited[kP]);
  const auto& m2 = c.members[1];
  EXPECT_EQ(m2.degrees[kC], 1);
  EXPECT_FALSE(m2.inherited[kC]);
  EXPECT_EQ(m2.degrees[kS], kUnknown);  // unknown at both levels
  // closeness −1, +1 → mean 0 (fair); solution +1, unknown; price 0, unknown
  EXPECT_DOUBLE_EQ(*c.degrees[kC].mean(), 0.0);
  EXPECT_EQ(c.degrees[kC].tier(), Tier::kFair);
  EXPECT_EQ(c.degrees[kC].supporters(), 1);
  EXPECT_EQ(c.degrees[kC].opposers(), 1);
  EXPECT_EQ(c.degrees[kS].known(), 1);
  EXPECT_EQ(c.degrees[kS].unknown(), 1);
  EXPECT_DOUBLE_EQ(*c.degrees[kS].mean(), 1.0);
  EXPECT_DOUBLE_EQ(*c.degrees[kP].mean(), 0.0);
}

TEST(ChainFigures, ChainDegreesUseEffectiveRatings) {
  Tenant t = Base();
  t.Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "user"));
  t.Rate("k1", "closeness", "strong_support", "2025-01-01");  // inherited: +2
  const Degrees d = t.Figs().ChainDegrees(t.Opportunity("o1"), kOurs, D("2025-06-30"));
  EXPECT_DOUBLE_EQ(*d[kC].mean(), 2.0);
}

TEST(ChainFigures, MissingRolesInTheFixedOrder) {
  Tenant t = Base();
  EXPECT_EQ(ChainOf(t, "2025-06-30").missing_roles,
            Roles({"decision_maker", "approver", "technical_evaluator", "business_evaluator", "procurement", "coach"}));
  t.Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1")).Add(KeyPerson("k3", "c1")).Add(KeyPerson("k4", "c1"));
  t.Add(Member("m1", "o1", "k1", "procurement")).Add(Member("m2", "o1", "k2", "decision_maker"));
  t.Add(Member("m3", "o1", "k3", "user")).Add(Member("m4", "o1", "k4", "influencer"));
  t.Add(Member("m5", "o1", "k4", "coach").Until("2025-06-30"));  // ended on D: the coach is missing again
  EXPECT_EQ(ChainOf(t, "2025-06-30").missing_roles,
            Roles({"approver", "technical_evaluator", "business_evaluator", "coach"}));
  EXPECT_EQ(ChainOf(t, "2025-06-29").missing_roles,
            Roles({"approver", "technical_evaluator", "business_evaluator"}));
}

TEST(ChainFigures, CountsOnlyActiveMembershipsOfActivePersonsSortedByPerson) {
  Tenant t = Base();
  t.Add(KeyPerson("kb", "c1")).Add(KeyPerson("ka", "c1")).Add(KeyPerson("kc", "c1"))
      .Add(KeyPerson("kd", "c1").Until("2025-06-30"));
  t.Add(Member("m1", "o1", "kb", "coach")).Add(Member("m2", "o1", "ka", "approver"));
  t.Add(Member("m3", "o1", "kc", "user").Until("2025-06-30"));     // membership ended on D
  t.Add(Member("m4", "o1", "kc", "user").Since("2025-07-01"));     // starts after D
  t.Add(Member("m5", "o1", "kd", "user"));                         // person left on D
  t.Add(Member("m6", "o1", "ka", "gatekeeper").Set(f::chain::kVeto, "yes").Set(f::chain::kApprove, "no"));
  const ChainFigures c = ChainOf(t, "2025-06-30");
  ASSERT_EQ(c.members.size(), 3u);  // ka (m2, m6), kb (m1)
  EXPECT_EQ(t.IdOf(Kind::kPerson, c.members[0].person), "ka");
  EXPECT_EQ(t.IdOf(Kind::kPerson, c.members[1].person), "ka");
  EXPECT_EQ(t.IdOf(Kind::kPerson, c.members[2].person), "kb");
  EXPECT_EQ(t.IdOf(Kind::kChainMember, c.members[1].member), "m6");
  EXPECT_EQ(c.members[1].veto, 1);
  EXPECT_EQ(c.members[1].approve, 0);
  EXPECT_EQ(c.members[0].veto, kUnknown);
  EXPECT_EQ(c.degrees[kC].n, 3);
  int members = 0;
  t.Figs().ChainDegrees(t.Opportunity("o1"), kOurs, D("2025-06-29"), &members);
  EXPECT_EQ(members, 5);  // m1 m2 m3 m5 m6 on the day before
}

TEST(ChainFigures, MonthAgoAndYearAgo) {
  Tenant t = Base();
  t.Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "decision_maker"));
  t.Add(KeyPerson("k2", "c1")).Add(Member("m2", "o1", "k2", "approver").Since("2025-03-01"));
  t.Rate("k1", "closeness", "support", "2025-02-28", "ours", "o1")
      .Rate("k1", "closeness", "strong_support", "2025-03-15", "ours", "o1");
  const ChainFigures c = ChainOf(t, "2025-03-31");
  EXPECT_EQ(c.degrees[kC].n, 2);
  EXPECT_DOUBLE_EQ(*c.degrees[kC].mean(), 2.0);
  EXPECT_EQ(c.month_ago[kC].n, 1);                  // 2025-02-28: m2 not yet a member
  EXPECT_DOUBLE_EQ(*c.month_ago[kC].mean(), 1.0);   // the 02-28 rating
  EXPECT_EQ(c.year_ago[kC].n, 1);                   // 2024-03-31
  EXPECT_FALSE(c.year_ago[kC].mean().has_value());  // nothing rated then
}

TEST(ChainFigures, TowardCompetitor) {
  Tenant t = Base();
  t.Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "decision_maker"));
  t.Rate("k1", "closeness", "strong_support", "2025-01-01", "ours", "o1");
  t.Rate("k1", "closeness", "oppose", "2025-01-01", "rival", "o1");
  t.Rate("k1", "solution", "support", "2025-01-01", "rival");  // customer level toward rival: inherited
  const ChainFigures c = ChainOf(t, "2025-06-30", t.O("rival"));
  EXPECT_EQ(c.members[0].degrees[kC], -1);
  EXPECT_EQ(c.members[0].degrees[kS], 1);
  EXPECT_TRUE(c.members[0].inherited[kS]);
  EXPECT_DOUBLE_EQ(*c.degrees[kC].mean(), -1.0);
  EXPECT_DOUBLE_EQ(*ChainOf(t, "2025-06-30").degrees[kC].mean(), 2.0);
}

TEST(ChainFigures, MemberInteractionCountsActivitiesOfThatOpportunity) {
  Tenant t = Base();
  t.Add(Opp("o2", "c1", "2024-01-01")).Add(KeyPerson("k1", "c1")).Add(Member("m1", "o1", "k1", "coach"));
  t.Act("k1", "2025-06-01", "o1").Act("k1", "2025-06-30", "o1");  // counted
  t.Act("k1", "2025-06-15", "o2").Act("k1", "2025-06-15");        // other opportunity, no opportunity
  t.Act("k1", "2025-04-01", "o1");                                // D − 90: outside the window
  EXPECT_EQ(ChainOf(t, "2025-06-30").members[0].interaction, 2);
  EXPECT_EQ(t.Figs().Activities(t.P("k1"), kNone, D("2025-06-30")), 4);  // person level: all but 04-01
}

}  // namespace
}  // namespace brm::engine
