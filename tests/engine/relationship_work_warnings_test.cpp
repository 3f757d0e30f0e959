// Relationship work, step 4 (SPEC.md §9.4): the eight warning kinds the SPEC names, each triggered and not.
#include <gtest/gtest.h>

#include "engine/warnings.hpp"
#include "json/work_json.hpp"
#include "engine/relationship_work_world.hpp"

namespace brm::engine {
namespace {

using work_test::Concerns;
using work_test::Ids;
using work_test::OfKind;
using work_test::Seen;
using work_test::World;
namespace bj = boost::json;

// The details of a warning as the API answers them.
bj::value Details(const World& w, const Warning& warning) {
  return json::WarningJson(w.graph, warning).as_object().at("details");
}

// D − 89 is 2025-04-02, D − 1 month 2025-05-30, D − 3 months 2025-03-30.
const Date kDay = *ParseDate("2025-06-30");

std::vector<Warning> Check(const World& w, const StrategyThresholds& thresholds = {}) {
  const Figures figures(w.graph, thresholds);
  return Warnings(figures).Check(Scope::Company(), kDay);
}

// Ours, the competitor k and the customer c1 (focus when asked).
World Base(bool focus_customer = false) {
  World w;
  w.Org("us", "ours").Org("k", "competitor").Org("c1", "customer", focus_customer);
  return w;
}

TEST(Warnings, KindNamesAndSeverities) {
  EXPECT_EQ(WarningKindName(WarningKind::kAttitudeConflict), "attitude_conflict");
  EXPECT_EQ(WarningKindName(WarningKind::kChampionLeft), "champion_left");
  EXPECT_EQ(WarningKindName(WarningKind::kUndeclaredAcquaintances), "undeclared_acquaintances");
  EXPECT_EQ(SeverityName(SeverityOf(WarningKind::kVetoOpposes)), "high");
  EXPECT_EQ(SeverityName(SeverityOf(WarningKind::kStaleContact)), "medium");
  EXPECT_EQ(SeverityName(SeverityOf(WarningKind::kFocusCoverage)), "low");
}

TEST(Warnings, AttitudeConflictBetweenCustomerAndOpenProjectLevel) {
  World w = Base();
  w.Opportunity("o1", "c1").Opportunity("o2", "c1", 0, false, "2025-06-01");  // o2 closed before D
  w.Person("p1", "c1").Person("p2", "c1").Person("p3", "c1").Person("p4", "c1");
  w.Rate("p1", "closeness", "support", "2025-01-01").Rate("p1", "closeness", "oppose", "2025-02-01", "o1");
  w.Rate("p2", "price", "strong_oppose", "2025-01-01").Rate("p2", "price", "support", "2025-02-01", "o1");
  w.Rate("p2", "closeness", "support", "2025-01-01").Rate("p2", "closeness", "support", "2025-02-01", "o1");
  w.Rate("p3", "closeness", "support", "2025-01-01").Rate("p3", "closeness", "neutral", "2025-02-01", "o1");
  w.Rate("p4", "closeness", "support", "2025-01-01").Rate("p4", "closeness", "oppose", "2025-02-01", "o2");
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kAttitudeConflict),
            (std::vector<Seen>{{"c1", "o1", "p1"}, {"c1", "o1", "p2"}}));
  const auto conflicts = OfKind(warnings, WarningKind::kAttitudeConflict);
  EXPECT_EQ(conflicts[1].dimensions, std::vector<Dimension>{Dimension::kPrice});
  EXPECT_EQ(conflicts[0].message,
            "Key person p1 has conflicting ratings for opportunity o1: closeness is support at customer level but "
            "oppose in the opportunity.");
}

TEST(Warnings, OptimisticForecastWhenHalfTheChainOrHalfItsDepartmentsOppose) {
  World w = Base();
  w.Dept("d1", "c1").Dept("d2", "c1");
  w.Person("p1", "c1", true, "d1").Person("p2", "c1", true, "d2").Person("p3", "c1", true, "d1");
  w.Person("p4", "c1", true, "d1").Person("p5", "c1", true, "d2");
  w.Rate("p1", "closeness", "support", "2025-01-01").Rate("p2", "closeness", "support", "2025-01-01");
  w.Rate("p4", "closeness", "strong_oppose", "2025-01-01").Rate("p5", "closeness", "strong_support", "2025-01-01");
  // o1 (70%): p1 (d1) is effectively opposing (project level), p2 (d2) supports, p3 (d1) unknown: 1 of 2
  // known oppose, and d1's mean is negative: 1 of 2 departments.
  w.Opportunity("o1", "c1", 0.7).Member("m1", "o1", "p1").Member("m2", "o1", "p2").Member("m3", "o1", "p3");
  w.Rate("p1", "closeness", "oppose", "2025-02-01", "o1");
  // o2: the same chain at 50% is not a forecast to doubt.
  w.Opportunity("o2", "c1", 0.5).Member("m4", "o2", "p1").Member("m5", "o2", "p2");
  w.Rate("p1", "closeness", "oppose", "2025-02-01", "o2");
  // o3 (exactly 60%): 1 of 4 oppose, but d1's mean is (1 − 2)/2 < 0 while d2's is (1 + 2)/2: 1 of 2 departments.
  w.Opportunity("o3", "c1", 0.6);
  w.Member("m6", "o3", "p1").Member("m7", "o3", "p4").Member("m8", "o3", "p2").Member("m9", "o3", "p5");
  // o4 (90%): everyone supports.
  w.Opportunity("o4", "c1", 0.9).Member("m10", "o4", "p2").Member("m11", "o4", "p5");
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kOptimisticForecast),
            (std::vector<Seen>{{"c1", "o1", "-"}, {"c1", "o3", "-"}}));
  const auto forecasts = OfKind(warnings, WarningKind::kOptimisticForecast);
  EXPECT_EQ(forecasts[0].message,
            "Opportunity o1 is forecast at 70% win probability, but 1 of 2 chain members with known closeness "
            "oppose us, and 1 of 2 departments in the chain have a negative mean closeness.");
  EXPECT_EQ(forecasts[1].message,
            "Opportunity o3 is forecast at 60% win probability, but 1 of 2 departments in the chain have a negative "
            "mean closeness.");
  EXPECT_EQ(Details(w, forecasts[0]),
            bj::parse(R"({"probability":0.7,"opposers":1,"known":2,"negative_departments":1,"known_departments":2})"));
  EXPECT_EQ(Details(w, forecasts[1]),
            bj::parse(R"({"probability":0.6,"opposers":1,"known":4,"negative_departments":1,"known_departments":2})"));
}

TEST(Warnings, VetoOpposesUsesTheMembersVetoElseTheCustomerLevelVote) {
  World w = Base();
  w.Opportunity("o1", "c1");
  for (const char* p : {"p1", "p2", "p3", "p4"}) w.Person(p, "c1");
  w.Member("m1", "o1", "p1", "influencer", "yes").Rate("p1", "solution", "oppose", "2025-01-01", "o1");
  w.Member("m2", "o1", "p2").Vote("p2", "veto", "yes", "2025-01-01");
  w.Rate("p2", "closeness", "strong_oppose", "2025-01-01");
  w.Member("m3", "o1", "p3", "influencer", "no").Vote("p3", "veto", "yes", "2025-01-01");
  w.Rate("p3", "closeness", "oppose", "2025-01-01");
  w.Member("m4", "o1", "p4", "influencer", "yes").RateAll("p4", "support", "2025-01-01");
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kVetoOpposes),
            (std::vector<Seen>{{"c1", "o1", "p1"}, {"c1", "o1", "p2"}}));
  const auto vetoes = OfKind(warnings, WarningKind::kVetoOpposes);
  EXPECT_EQ(vetoes[0].dimensions, std::vector<Dimension>{Dimension::kSolution});
  EXPECT_EQ(vetoes[1].message, "p2 holds a veto in opportunity o1 and opposes us (closeness strong_oppose).");
  EXPECT_EQ(Details(w, vetoes[0]), bj::parse(R"({"solution":{"attitude":"oppose"}})"));
}

TEST(Warnings, NoDecisionMakerInAnOpenFocusChain) {
  World w = Base();
  for (const char* p : {"p1", "p2", "p3", "p4"}) w.Person(p, "c1");
  w.Opportunity("o1", "c1", 0, true).Member("m1", "o1", "p1", "influencer");
  w.Opportunity("o2", "c1", 0, true).Member("m2", "o2", "p2", "approver");
  w.Opportunity("o3", "c1", 0, true).Member("m3", "o3", "p3", "user", "unknown", "yes");
  w.Opportunity("o4", "c1", 0, false).Member("m4", "o4", "p1", "influencer");
  w.Opportunity("o5", "c1", 0, true).Member("m5", "o5", "p4", "decision_maker", "unknown", "unknown", {}, "2025-06-01");
  w.Opportunity("o6", "c1", 0, true);
  w.Opportunity("o7", "c1", 0, true).Member("m7", "o7", "p4").Vote("p4", "approve", "yes", "2025-01-01");
  const auto warnings = Check(w);
  // o5's decision maker left the chain; o6 has no chain at all; o7's member approves at customer level.
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kNoDecisionMaker),
            (std::vector<Seen>{{"c1", "o1", "-"}, {"c1", "o5", "-"}, {"c1", "o6", "-"}}));
}

// c1: three key persons supporting on closeness until p1 turns; c2: two, one turning neutral; c3: three,
// one turning neutral.
World DropWorld() {
  World w = Base();
  w.Org("c2", "customer").Org("c3", "customer");
  for (const char* p : {"p1", "p2", "p3"}) w.Person(p, "c1").Rate(p, "closeness", "support", "2025-01-01");
  w.Rate("p1", "closeness", "oppose", "2025-05-01");
  for (const char* p : {"q1", "q2"}) w.Person(p, "c2").Rate(p, "closeness", "support", "2025-01-01");
  w.Rate("q2", "closeness", "neutral", "2025-05-01");
  for (const char* p : {"r1", "r2", "r3"}) w.Person(p, "c3").Rate(p, "closeness", "support", "2025-01-01");
  w.Rate("r3", "closeness", "neutral", "2025-05-01");
  return w;
}

TEST(Warnings, SharpDropByTheStrategyThreshold) {
  World w = DropWorld();
  // Since 2025-03-30: c1 1 → 1/3 (fell 2/3), c2 1 → 0.5 (exactly 0.5: counts), c3 1 → 2/3 (fell 1/3).
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kSharpDrop), (std::vector<Seen>{{"c1", "-", "-"}, {"c2", "-", "-"}}));
  EXPECT_EQ(OfKind(warnings, WarningKind::kSharpDrop)[0].message,
            "Customer c1's mean fell sharply since 2025-03-30 (closeness from 1 to 0.33; the threshold is a fall of "
            "0.5).");
  const bj::value drop = Details(w, OfKind(warnings, WarningKind::kSharpDrop)[0]);
  EXPECT_EQ(drop.at("closeness").at("before"), 1.0);
  EXPECT_DOUBLE_EQ(drop.at("closeness").at("now").as_double(), 1.0 / 3);
  EXPECT_EQ(drop.at("since"), "2025-03-30");
  EXPECT_EQ(drop.at("threshold"), 0.5);
  StrategyThresholds strict;
  strict.drop = 0.6;
  EXPECT_EQ(Concerns(w, Check(w, strict), WarningKind::kSharpDrop), (std::vector<Seen>{{"c1", "-", "-"}}));
  StrategyThresholds short_window;
  short_window.drop_months = 1;  // since 2025-05-30 nothing changed
  EXPECT_TRUE(OfKind(Check(w, short_window), WarningKind::kSharpDrop).empty());
}

TEST(Warnings, CompetitorLeadsOnAllThreeDegreesAndNoLead) {
  World w = Base();
  w.Org("k2", "competitor").Org("k3", "competitor");
  w.Person("p1", "c1").Person("p2", "c1");
  w.RateAll("p1", "neutral", "2025-01-01").RateAll("p2", "neutral", "2025-01-01");
  for (const char* dimension : {"closeness", "solution", "price"}) {
    w.Rate("p1", dimension, "support", "2025-01-01", {}, "k");  // k: 0.5 > 0 on every degree
  }
  w.Rate("p1", "closeness", "support", "2025-01-01", {}, "k2");  // k2 leads on closeness only; we lead elsewhere
  // k3, rated in o1 only: higher on closeness, level on solution and price — we lead on none.
  w.Rate("p2", "closeness", "support", "2025-01-01", "o1", "k3");
  w.Rate("p2", "solution", "neutral", "2025-01-01", "o1", "k3");
  w.Rate("p2", "price", "neutral", "2025-01-01", "o1", "k3");
  w.Opportunity("o1", "c1", 0, true).Member("m1", "o1", "p1").Member("m2", "o1", "p2");
  w.Opportunity("o2", "c1", 0, false).Member("m3", "o2", "p1").Member("m4", "o2", "p2");
  const auto warnings = Check(w);
  const auto leads = OfKind(warnings, WarningKind::kCompetitorLeads);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kCompetitorLeads), (std::vector<Seen>{{"c1", "o1", "-"}}));
  EXPECT_EQ(Ids(w, Kind::kOrganization, leads[0].competitors), std::vector<std::string>{"k"});
  const auto no_lead = OfKind(warnings, WarningKind::kNoLead);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kNoLead), (std::vector<Seen>{{"c1", "o1", "-"}}));
  EXPECT_EQ(Ids(w, Kind::kOrganization, no_lead[0].competitors), std::vector<std::string>{"k3"});  // k is in leads
}

TEST(Warnings, StaleContactInAFocusChainAfterNinetyDays) {
  World w = Base();
  w.Person("p1", "c1").Person("p2", "c1").Person("p3", "c1").Person("p4", "c1", /*key=*/false);
  w.Activity("p1", "2025-04-02").Activity("p2", "2025-04-01");
  w.Opportunity("o1", "c1", 0, true);
  for (const char* p : {"p1", "p2", "p3", "p4"}) w.Member(std::string("m-") + p, "o1", p);
  w.Opportunity("o2", "c1", 0, false).Member("m5", "o2", "p3");
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kStaleContact),
            (std::vector<Seen>{{"c1", "o1", "p2"}, {"c1", "o1", "p3"}}));
}

TEST(Warnings, ChampionLeftAnOpenChainInTheLastNinetyDays) {
  World w = Base();
  for (const char* p : {"p1", "p3", "p4", "p5", "p6", "p7", "p8"}) w.Person(p, "c1");
  w.Person("p2", "c1", true, {}, "2025-05-15");  // p2 left the customer
  for (const char* p : {"p1", "p2", "p3", "p5", "p6", "p7", "p8"}) w.Rate(p, "closeness", "support", "2025-01-01");
  w.Rate("p4", "closeness", "neutral", "2025-01-01");
  w.Opportunity("o1", "c1");
  w.Member("m1", "o1", "p1", "coach", "unknown", "unknown", {}, "2025-06-01");
  w.Member("m2", "o1", "p2");
  w.Member("m3", "o1", "p3", "coach", "unknown", "unknown", {}, "2025-03-01");  // too long ago
  w.Member("m4", "o1", "p4", "coach", "unknown", "unknown", {}, "2025-06-01");  // not a supporter
  w.Member("m5", "o1", "p5", "coach", "unknown", "unknown", {}, "2025-06-10");  // changed role, still in
  w.Member("m5b", "o1", "p5", "user", "unknown", "unknown", "2025-06-10");
  w.Member("m6", "o1", "p6", "coach", "unknown", "unknown", {}, "2025-07-15");  // still in on D
  w.Member("m7", "o1", "p7", "coach", "unknown", "unknown", {}, "2025-04-02");  // first day of the window
  w.Member("m8", "o1", "p8", "coach", "unknown", "unknown", {}, "2025-04-01");  // the day before it
  w.Opportunity("o2", "c1", 0, false, "2025-06-20");  // closed: its chain is not open
  w.Member("m9", "o2", "p1", "coach", "unknown", "unknown", {}, "2025-06-01");
  const auto warnings = Check(w);
  EXPECT_EQ(Concerns(w, warnings, WarningKind::kChampionLeft),
            (std::vector<Seen>{{"c1", "o1", "p1"}, {"c1", "o1", "p2"}, {"c1", "o1", "p7"}}));
  EXPECT_EQ(OfKind(warnings, WarningKind::kChampionLeft)[1].message,
            "Supporter p2 (closeness support) left the chain of open opportunity o1 on 2025-05-15.");
}

}  // namespace
}  // namespace brm::engine
