// Warning states (engine/warning_states.hpp): the decision in force, how it lapses (a new or retired fact
// about the subject, a higher severity, the snooze's day), the undo that brings the one before back,
// decisions dated after the day, and a warning about nothing, which only its reader's decisions touch.
#include <gtest/gtest.h>

#include "domain/schema.hpp"
#include "engine/relationship_work_world.hpp"
#include "engine/warning_states.hpp"

namespace brm::engine {
namespace {

namespace f = fields;
using work_test::World;

const Date kDay = *ParseDate("2026-03-01");

Record Decision(const std::string& id, const std::string& status, const std::string& date, const std::string& by,
                const Graph& graph, bool about_p1 = true, const std::string& severity = "") {
  Record r = BlankRecord(Kind::kWarningDecision);
  r.id = id;
  r.values[f::decision::kKind] = std::string("stale_contact");
  if (about_p1) {
    r.values[f::decision::kCustomer] = std::string("c1");
    r.values[f::decision::kPerson] = std::string("p1");
  } else {
    r.values[f::decision::kKind] = std::string("mean_falling");
  }
  r.values[f::decision::kStatus] = status;
  if (status == "snoozed") r.values[f::decision::kSnoozedUntil] = std::string("2026-03-08");
  r.values[f::decision::kBy] = by;
  r.values[f::decision::kDate] = date;
  StampDecision(graph, r);  // severity (the kind's) and the facts about p1 now
  if (!severity.empty()) r.values[f::decision::kSeverity] = severity;
  return r;
}

struct Fixture {
  World w;
  Warning about_p1, about_nothing;
  Idx u1 = kNone, u2 = kNone;
  Fixture() {
    w.Org("us", "ours").Org("c1", "customer", true);
    w.Person("e1", "us").Person("e2", "us").User("u1", "e1").User("u2", "e2");
    w.Person("p1", "c1").Person("p2", "c1");
    w.Rate("p1", "closeness", "oppose", "2026-01-10").Activity("p2", "2026-01-20");
    const Graph& g = w.graph;
    about_p1.kind = WarningKind::kStaleContact;
    about_p1.severity = SeverityOf(WarningKind::kStaleContact);
    about_p1.customer = g.ids(Kind::kOrganization).Find("c1");
    about_p1.person = g.ids(Kind::kPerson).Find("p1");
    about_nothing.kind = WarningKind::kMeanFalling;
    about_nothing.severity = SeverityOf(WarningKind::kMeanFalling);
    u1 = g.ids(Kind::kUser).Find("u1");
    u2 = g.ids(Kind::kUser).Find("u2");
  }
};

TEST(WarningStates, ADismissalHoldsUntilANewFactAboutItsPersonAndFactsElsewhereDoNotCount) {
  Fixture x;
  Graph& g = x.w.graph;
  EXPECT_EQ(FactsAbout(g, x.about_p1.customer, kNone, x.about_p1.person), 1) << "p1's one rating";
  EXPECT_EQ(FactsAbout(g, x.about_p1.customer, kNone, kNone), 2) << "the customer's persons: p1's rating, p2's activity";
  EXPECT_EQ(StateOf(g, x.about_p1, kDay, x.u1).state, WarningState::kNew);
  g.Apply(Decision("wd1", "dismissed", "2026-02-01", "u1", g));
  DecisionState state = StateOf(g, x.about_p1, kDay, x.u2);
  EXPECT_EQ(state.state, WarningState::kDismissed) << "a decision about a person is everyone's";
  EXPECT_EQ(state.lapse, Lapse::kNone);
  x.w.Activity("p2", "2026-02-10");  // another person: nothing changes for p1's warning
  EXPECT_EQ(StateOf(g, x.about_p1, kDay, x.u1).state, WarningState::kDismissed);
  x.w.Activity("p1", "2026-02-10");
  state = StateOf(g, x.about_p1, kDay, x.u1);
  EXPECT_EQ(state.state, WarningState::kNew);
  EXPECT_EQ(state.lapse, Lapse::kFacts);
  EXPECT_EQ(state.decision, g.ids(Kind::kWarningDecision).Find("wd1"));
  // Before the decision's day it does not count.
  EXPECT_EQ(StateOf(g, x.about_p1, *ParseDate("2026-01-31"), x.u1).decision, kNone);
}

TEST(WarningStates, AHigherSeverityEndsADecisionAndASnoozeEndsOnItsDay) {
  Fixture x;
  Graph& g = x.w.graph;
  g.Apply(Decision("wd1", "acknowledged", "2026-02-01", "u1", g, true, "low"));  // decided when it was low
  DecisionState state = StateOf(g, x.about_p1, kDay, x.u1);
  EXPECT_EQ(state.state, WarningState::kNew);
  EXPECT_EQ(state.lapse, Lapse::kSeverity);
  g.Apply(Decision("wd2", "snoozed", "2026-02-02", "u1", g));
  EXPECT_EQ(StateOf(g, x.about_p1, *ParseDate("2026-03-07"), x.u1).state, WarningState::kSnoozed);
  state = StateOf(g, x.about_p1, *ParseDate("2026-03-08"), x.u1);
  EXPECT_EQ(state.state, WarningState::kNew);
  EXPECT_EQ(state.lapse, Lapse::kSnoozeOver);
}

TEST(WarningStates, RetiringTheDecisionInForceBringsTheOneBeforeBack) {
  Fixture x;
  Graph& g = x.w.graph;
  g.Apply(Decision("wd1", "acknowledged", "2026-02-01", "u1", g));
  Record dismissal = Decision("wd2", "dismissed", "2026-02-05", "u1", g);
  g.Apply(dismissal);
  EXPECT_EQ(StateOf(g, x.about_p1, kDay, x.u1).state, WarningState::kDismissed);
  dismissal.values[f::decision::kUntil] = std::string("2026-02-20");
  g.Apply(dismissal);
  EXPECT_EQ(StateOf(g, x.about_p1, kDay, x.u1).state, WarningState::kAcknowledged);
  EXPECT_EQ(StateOf(g, x.about_p1, *ParseDate("2026-02-19"), x.u1).state, WarningState::kDismissed) << "as of a day before";
}

TEST(WarningStates, AWarningAboutNothingIsTouchedOnlyByItsReadersOwnDecisions) {
  Fixture x;
  Graph& g = x.w.graph;
  g.Apply(Decision("wd1", "acknowledged", "2026-02-01", "u1", g, false));
  EXPECT_EQ(StateOf(g, x.about_nothing, kDay, x.u1).state, WarningState::kAcknowledged);
  EXPECT_EQ(StateOf(g, x.about_nothing, kDay, x.u2).state, WarningState::kNew);
  EXPECT_EQ(StateOf(g, x.about_nothing, kDay, x.u2).decision, kNone);
}

}  // namespace
}  // namespace brm::engine
