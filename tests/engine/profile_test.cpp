// SPEC.md §3 (seven features, insight, interaction level), §6.1 (key person line) and §11
// (`GET /people/{id}/profile`: influencers sorted, chains in opportunities opened ≤ D).
#include <gtest/gtest.h>

#include "domain/vocab.hpp"
#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

Profile ProfileOf(const Tenant& t, const char* person, const char* day = "2025-06-30") {
  return t.Figs().PersonProfile(t.P(person), D(day));
}

TEST(Profile, SevenFeaturesAndCompleteness) {
  Tenant t;
  t.Add(Customer("c1")).Add(NonKeyPerson("e1", "us"));
  // k1: closeness, price, veto, acquaintance, orientation known; solution and approve unknown
  t.Add(KeyPerson("k1", "c1").Set(f::person::kOrientation, "technology").Set(f::person::kImportance, "high"));
  t.Rate("k1", "closeness", "support", "2025-01-01").Rate("k1", "price", "neutral", "2025-01-01");
  t.Add(Vote("v1", "k1", "veto", "yes", "2025-01-01")).Add(Link("l1", "e1", "k1"));
  const Profile p = ProfileOf(t, "k1");
  EXPECT_EQ(p.degrees, (std::array<int8_t, 3>{1, kUnknown, 0}));
  EXPECT_EQ(p.veto, 1);
  EXPECT_EQ(p.approve, kUnknown);
  EXPECT_TRUE(p.acquaintance);
  EXPECT_EQ(p.orientation, 0);  // technology
  EXPECT_EQ(p.known_features, 5);  // completeness 5/7
  EXPECT_FALSE(p.insighted);       // solution and approve unknown
  EXPECT_EQ(p.importance, 0);      // high
}

TEST(Profile, InsightedNeedsTheThreeDegreesAndTwoVotesOnly) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1"));
  t.Rate3("k1", "oppose", "neutral", "strong_oppose", "2025-01-01").Votes("k1", "no", "no", "2025-01-01");
  const Profile p = ProfileOf(t, "k1");
  EXPECT_TRUE(p.insighted);
  EXPECT_FALSE(p.acquaintance);    // nobody links to k1
  EXPECT_EQ(p.orientation, 6);     // unknown
  EXPECT_EQ(p.known_features, 5);  // 3 degrees + 2 votes; negative values are known values
  EXPECT_EQ(p.importance, 3);      // unknown (the default)
  EXPECT_FALSE(t.Figs().State(t.P("k1"), kOurs, D("2025-06-30")).fully_profiled);
}

TEST(Profile, AllSevenKnownIsFullyProfiled) {
  Tenant t;
  t.Add(Customer("c1")).Profiled("k1", "c1", "support", "support", "support", "2025-01-01");
  const Profile p = ProfileOf(t, "k1");
  EXPECT_EQ(p.known_features, 7);
  EXPECT_TRUE(p.insighted);
  EXPECT_TRUE(t.Figs().State(t.P("k1"), kOurs, D("2025-06-30")).fully_profiled);
  // the day before the ratings, nothing but acquaintance and orientation is known
  EXPECT_EQ(ProfileOf(t, "k1", "2024-12-31").known_features, 2);
}

TEST(Profile, AcquaintanceComesFromAnyCountingLink) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1"));
  t.Add(Link("l1", "k2", "k1").Until("2025-06-30"));  // an internal link, ended on D
  EXPECT_TRUE(ProfileOf(t, "k1", "2025-06-29").acquaintance);
  EXPECT_FALSE(ProfileOf(t, "k1", "2025-06-30").acquaintance);
}

TEST(Profile, InfluencersSplitInternalOursCompetitorsSortedById) {
  Tenant t;
  t.Add(Customer("c1")).Add(Customer("c2")).Add(Org("rival", "competitor")).Add(Org("friend", "partner"));
  t.Add(KeyPerson("k1", "c1")).Add(KeyPerson("i2", "c1")).Add(NonKeyPerson("i1", "c1")).Add(KeyPerson("i3", "c1"));
  t.Add(NonKeyPerson("e2", "us")).Add(NonKeyPerson("e1", "us")).Add(NonKeyPerson("e3", "us").Until("2025-06-01"));
  t.Add(NonKeyPerson("x1", "rival")).Add(NonKeyPerson("p1", "friend")).Add(KeyPerson("o1", "c2"));
  t.Add(Link("l1", "i2", "k1")).Add(Link("l2", "i1", "k1")).Add(Link("l3", "e2", "k1")).Add(Link("l4", "e1", "k1"));
  t.Add(Link("l5", "e1", "k1", "weak"));                   // a second link from e1: listed once
  t.Add(Link("l6", "x1", "k1")).Add(Link("l7", "p1", "k1")).Add(Link("l8", "o1", "k1"));
  t.Add(Link("l9", "i3", "k1").Until("2025-06-01"));       // retired link
  t.Add(Link("l10", "e3", "k1"));                          // from an employee who left
  t.Add(Link("l11", "k1", "i2"));                          // outgoing: not an influencer of k1
  const Profile p = ProfileOf(t, "k1");
  EXPECT_EQ(t.IdsOf(Kind::kPerson, p.internal), (std::vector<std::string>{"i1", "i2"}));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, p.ours), (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, p.competitors), (std::vector<std::string>{"x1"}));
}

TEST(Profile, InteractionCountsTheNinetyDaysEndingOnD) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(Opp("o1", "c1", "2025-01-01"));
  // D = 2025-06-30, D − 89 = 2025-04-02 (April 2–30: 29 days, May 31, June 30 = 90 days)
  t.Act("k1", "2025-04-01");          // D − 90: outside
  t.Act("k1", "2025-04-02");          // D − 89: inside
  t.Act("k1", "2025-05-01", "o1");    // linked to an opportunity: still counts at person level
  t.Act("k1", "2025-06-30");          // D
  t.Act("k1", "2025-07-01");          // after D
  t.Add(Activity("gone", "k1", "2025-06-01").Until("2025-06-15"));  // retired before D
  const Profile p = ProfileOf(t, "k1");
  EXPECT_EQ(p.interaction, 3);
  EXPECT_EQ(InteractionName(p.interaction), "medium");
  EXPECT_EQ(ProfileOf(t, "k1", "2025-06-29").interaction, 3);  // window 04-01 … 06-29: 04-01 04-02 05-01
}

TEST(Profile, InteractionLevels) {
  EXPECT_EQ(InteractionName(0), "none");
  EXPECT_EQ(InteractionName(1), "low");
  EXPECT_EQ(InteractionName(2), "low");
  EXPECT_EQ(InteractionName(3), "medium");
  EXPECT_EQ(InteractionName(5), "medium");
  EXPECT_EQ(InteractionName(6), "high");
  EXPECT_EQ(InteractionName(40), "high");
}

TEST(Profile, ChainsWithProjectLevelValues) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1"));
  t.Add(Opp("o2", "c1", "2025-01-01")).Add(Opp("o1", "c1", "2025-06-30")).Add(Opp("o3", "c1", "2025-07-01"))
      .Add(Opp("o4", "c1", "2025-01-01"));
  t.Add(Member("m2", "o2", "k1", "decision_maker")).Add(Member("m1", "o1", "k1", "coach"));
  t.Add(Member("m3", "o3", "k1", "user"));                          // opportunity opened after D
  t.Add(Member("m4", "o4", "k1", "user").Until("2025-06-30"));      // membership ended on D
  t.Rate("k1", "closeness", "oppose", "2025-02-01", "ours", "o2");
  t.Rate("k1", "closeness", "support", "2025-02-01");  // customer level: not a chain value
  const Profile p = ProfileOf(t, "k1");
  ASSERT_EQ(p.chains.size(), 2u);
  EXPECT_EQ(t.IdOf(Kind::kOpportunity, p.chains[0].opportunity), "o1");
  EXPECT_EQ(vocab::kDecisionRoles[p.chains[0].role], "coach");
  EXPECT_EQ(p.chains[0].degrees, (std::array<int8_t, 3>{kUnknown, kUnknown, kUnknown}));
  EXPECT_EQ(t.IdOf(Kind::kOpportunity, p.chains[1].opportunity), "o2");
  EXPECT_EQ(vocab::kDecisionRoles[p.chains[1].role], "decision_maker");
  EXPECT_EQ(p.chains[1].degrees, (std::array<int8_t, 3>{-1, kUnknown, kUnknown}));
  EXPECT_EQ(p.degrees[kC], 1);
}

}  // namespace
}  // namespace brm::engine
