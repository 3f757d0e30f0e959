// Relationship work, step 4 (SPEC.md §9.4): the principle checks of §6.3/§6.4 as warnings, the scope and
// order of the list, and the JSON of a warning.
#include <gtest/gtest.h>

#include "engine/warnings.hpp"
#include "json/serialize.hpp"
#include "json/work_json.hpp"
#include "engine/relationship_work_world.hpp"
#include "engine/tenant_builder.hpp"

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

const Date kDay = *ParseDate("2025-06-30");  // D − 1 month is 2025-05-30, D − 1 year 2024-06-30

std::vector<Warning> Check(const World& w) {
  const Figures figures(w.graph, {});
  return Warnings(figures).Check(Scope::Company(), kDay);
}

// Ours with employee e1, the competitor k and the customer c1 (focus when asked).
World Base(bool focus_customer = false) {
  World w;
  w.Org("us", "ours").Org("k", "competitor").Org("c1", "customer", focus_customer).Person("e1", "us");
  return w;
}

// Every feature known but orientation (a person field): three degrees, two votes, and e1 knows them.
void Profile(World& w, const std::string& person) {
  w.RateAll(person, "support", "2025-01-01").Vote(person, "veto", "no", "2025-01-01");
  w.Vote(person, "approve", "no", "2025-01-01").Influence("l-" + person, "e1", person, "medium");
}

TEST(PrincipleChecks, FocusCoverageWantsEveryKeyPersonContactedAndFullyProfiled) {
  World w = Base(/*focus_customer=*/true);
  w.Org("c2", "customer");
  w.Person("p1", "c1", true, {}, {}, "technology").Person("p2", "c1").Person("p3", "c1", true, {}, {}, "price");
  w.Person("p4", "c2");
  for (const char* p : {"p1", "p2", "p3"}) Profile(w, p);
  w.Activity("p1", "2025-06-01").Activity("p2", "2025-06-01").Activity("p3", "2025-03-01");
  const auto warnings = Check(w);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kFocusCoverage),
            (std::vector<Seen>{{"c1", "-", "p2"}, {"c1", "-", "p3"}}));  // c2 is not a focus customer
  const auto coverage = OfKind(warnings, WarningKind::kFocusCoverage);
  EXPECT_EQ(coverage[0].message, "Key person p2 of focus customer c1 is not fully profiled (unknown: orientation).");
  EXPECT_EQ(coverage[1].message, "Key person p3 of focus customer c1 has had no activity in the last 90 days.");
  EXPECT_EQ(Details(w, coverage[0]), bj::parse(R"({"contacted":true,"days":90,"unknown":["orientation"]})"));
  EXPECT_EQ(Details(w, coverage[1]), bj::parse(R"({"contacted":false,"days":90,"unknown":[]})"));
}

TEST(PrincipleChecks, OpposersToRaiseToNeutral) {
  World w = Base();
  w.Person("p1", "c1").Person("p2", "c1").Person("p3", "c1", /*key=*/false);
  w.Rate("p1", "closeness", "oppose", "2025-01-01").Rate("p1", "price", "strong_oppose", "2025-01-01");
  w.Rate("p1", "solution", "support", "2025-01-01");
  w.RateAll("p2", "neutral", "2025-01-01").RateAll("p3", "oppose", "2025-01-01");
  const auto warnings = Check(w);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kOpposerToNeutral), (std::vector<Seen>{{"c1", "-", "p1"}}));
  const Warning warning = OfKind(warnings, WarningKind::kOpposerToNeutral)[0];
  EXPECT_EQ(warning.dimensions, (std::vector<Dimension>{Dimension::kCloseness, Dimension::kPrice}));
  EXPECT_EQ(warning.message,
            "Key person p1 opposes us (closeness oppose and price strong_oppose); raise them to neutral.");
  EXPECT_EQ(Details(w, warning), bj::parse(R"({"closeness":{"attitude":"oppose"},"price":{"attitude":"strong_oppose"}})"));
}

TEST(PrincipleChecks, VetoAndApprovalPersonsNotYetSupporting) {
  World w = Base();
  for (const char* p : {"p1", "p2", "p3", "p4", "p5"}) w.Person(p, "c1");
  w.Vote("p1", "veto", "yes", "2025-01-01").Rate("p1", "closeness", "neutral", "2025-01-01");
  w.Vote("p2", "approve", "yes", "2025-01-01").Rate("p2", "closeness", "support", "2025-01-01");
  w.Vote("p3", "approve", "yes", "2025-01-01");  // closeness unknown
  w.Vote("p4", "veto", "no", "2025-01-01").Vote("p4", "approve", "no", "2025-01-01");
  w.Rate("p4", "closeness", "oppose", "2025-01-01");
  w.Vote("p5", "veto", "yes", "2025-01-01").Vote("p5", "approve", "yes", "2025-01-01");
  w.Rate("p5", "closeness", "oppose", "2025-01-01");
  const auto warnings = Check(w);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kVoteNotSupporting),
            (std::vector<Seen>{{"c1", "-", "p1"}, {"c1", "-", "p3"}, {"c1", "-", "p5"}}));
  const auto votes = OfKind(warnings, WarningKind::kVoteNotSupporting);
  EXPECT_EQ(votes[1].message, "Key person p3 holds the approval vote but does not support us yet (closeness unknown).");
  EXPECT_EQ(votes[2].message,
            "Key person p5 holds the veto and approval votes but does not support us yet (closeness oppose).");
  EXPECT_EQ(Details(w, votes[1]), bj::parse(R"({"veto":false,"approve":true,"closeness":{"attitude":"unknown"}})"));
  EXPECT_EQ(Details(w, votes[2]), bj::parse(R"({"veto":true,"approve":true,"closeness":{"attitude":"oppose"}})"));
}

TEST(PrincipleChecks, MeansFallingMonthOverMonthOrYearOverYear) {
  World w = Base();
  w.Org("c2", "customer");
  w.Person("p1", "c1").Person("p2", "c2").Person("p3", "c2");
  w.Rate("p1", "closeness", "strong_support", "2024-06-01").Rate("p1", "closeness", "support", "2025-05-15");
  w.Rate("p1", "closeness", "neutral", "2025-06-10");
  w.Rate("p2", "closeness", "support", "2024-01-01");
  w.Rate("p3", "solution", "support", "2025-06-20");  // new this month: nothing to compare with
  const auto warnings = Check(w);
  // Pooled closeness: now (0 + 1)/2, a month ago (1 + 1)/2, a year ago (2 + 1)/2. c1: 0 against 1 and 2.
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kMeanFalling), (std::vector<Seen>{{"-", "-", "-"}, {"c1", "-", "-"}}));
  const auto falling = OfKind(warnings, WarningKind::kMeanFalling);
  EXPECT_EQ(falling[0].message,
            "The pooled means of the scope's customers are falling: closeness fell month over month from 1 and year "
            "over year from 1.5 to 0.5.");
  EXPECT_EQ(falling[1].message,
            "Customer c1's means are falling: closeness fell month over month from 1 and year over year from 2 to 0.");
  EXPECT_EQ(Details(w, falling[1]), bj::parse(R"({"closeness":{"now":0.0,"month_ago":1.0,"year_ago":2.0}})"));
}

TEST(PrincipleChecks, AskTheEmployeeWhoKnowsAnUninsightedKeyPerson) {
  World w = Base();
  w.Person("e2", "us", true, {}, "2025-01-01");  // has left
  w.Person("p1", "c1").Person("p2", "c1").Person("p3", "c1");
  w.Influence("l1", "e1", "p1", "weak").Influence("l2", "e2", "p1", "strong");
  Profile(w, "p3");  // insighted
  const auto warnings = Check(w);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kAskEmployee), (std::vector<Seen>{{"c1", "-", "p1"}}));
  const Warning warning = OfKind(warnings, WarningKind::kAskEmployee)[0];
  EXPECT_EQ(Ids(w, Kind::kPerson, warning.employees), std::vector<std::string>{"e1"});
  EXPECT_EQ(warning.message, "Key person p1 is not yet insighted; ask e1, who can influence them.");
}

TEST(PrincipleChecks, LeverageTheEmployeeWhoKnowsANeutralOrOpposingFocusChainMember) {
  World w = Base();
  w.Person("e2", "us");
  for (const char* p : {"p1", "p2", "p3", "p4", "p5"}) w.Person(p, "c1");
  w.Rate("p1", "closeness", "neutral", "2025-01-01").Rate("p2", "closeness", "oppose", "2025-01-01");
  w.Rate("p3", "closeness", "support", "2025-01-01").Rate("p5", "closeness", "support", "2025-01-01");
  w.Rate("p5", "closeness", "oppose", "2025-02-01", "o1");  // opposes in o1: effective closeness
  w.Influence("l1", "e2", "p1", "weak").Influence("l2", "e1", "p1", "weak").Influence("l3", "e1", "p3", "strong");
  w.Influence("l4", "e1", "p4", "strong").Influence("l5", "e1", "p5", "strong");
  w.Opportunity("o1", "c1", 0, true);
  for (const char* p : {"p1", "p2", "p3", "p4", "p5"}) w.Member(std::string("m-") + p, "o1", p);
  w.Opportunity("o2", "c1", 0, false).Member("m6", "o2", "p1");
  const auto warnings = Check(w);
  ASSERT_EQ(Concerns(w, warnings, WarningKind::kLeverageEmployee),
            (std::vector<Seen>{{"c1", "o1", "p1"}, {"c1", "o1", "p5"}}));
  const Warning warning = OfKind(warnings, WarningKind::kLeverageEmployee)[0];
  EXPECT_EQ(Ids(w, Kind::kPerson, warning.employees), (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(warning.message,
            "Key person p1 is neutral in the chain of focus opportunity o1; leverage e1 and e2, who can influence "
            "them.");
}

World DeclarationsWorld() {
  World w = Base();
  for (const char* p : {"e2", "e3", "e4", "e5"}) w.Person(p, "us");
  w.Person("x", "c1");
  w.User("u1", "e1").User("u2", "e2").User("u3", "e3").User("u4", "e4", /*active=*/false).User("u5", "x");
  w.Influence("l1", "e1", "x", "weak", "2025-01-10");
  w.Influence("l2", "e2", "x", "weak", "2024-06-30");  // exactly 12 months before D: outside the window
  return w;
}

TEST(PrincipleChecks, UsersWhoHaveNotDeclaredAcquaintancesForTwelveMonths) {
  World w = DeclarationsWorld();
  // e4's user is inactive, e5 has no user, u5's person is not an employee.
  EXPECT_EQ(Concerns(w, Check(w), WarningKind::kUndeclaredAcquaintances),
            (std::vector<Seen>{{"-", "-", "e2"}, {"-", "-", "e3"}}));
  const Figures figures(w.graph, {});
  const std::vector<Idx> users = {w.U("u1"), w.U("u3")};
  const auto scoped = Warnings(figures).Check(fixture::OwnedBy(w.graph, users), kDay, users);
  EXPECT_EQ(Concerns(w, scoped, WarningKind::kUndeclaredAcquaintances), (std::vector<Seen>{{"-", "-", "e3"}}));
}

TEST(Warnings, OnlyTheScopesCustomersInKindThenIdOrder) {
  World w;
  w.Org("us", "ours").Person("e1", "us").Person("e2", "us").User("u1", "e1").User("u2", "e2");
  w.Org("c2", "customer", false, "u1").Org("c1", "customer", false, "u1").Org("c3", "customer", false, "u2");
  for (const char* c : {"c1", "c2", "c3"}) {
    const std::string b = std::string(c) + "-b", a = std::string(c) + "-a";
    w.Person(b, c).Person(a, c).RateAll(b, "oppose", "2025-01-01").RateAll(a, "oppose", "2025-01-01");
    w.Vote(a, "veto", "yes", "2025-01-01");
  }
  const Figures figures(w.graph, {});
  const std::vector<Idx> users = {w.U("u1")};
  const auto warnings = Warnings(figures).Check(fixture::OwnedBy(w.graph, users), kDay, users);
  std::vector<std::pair<std::string_view, Seen>> seen;
  for (const Warning& warning : warnings) {
    seen.emplace_back(WarningKindName(warning.kind),
                      Seen{warning.customer == kNone ? "-" : w.graph.Id(Kind::kOrganization, warning.customer), "-",
                           warning.person == kNone ? "-" : w.graph.Id(Kind::kPerson, warning.person)});
  }
  const std::vector<std::pair<std::string_view, Seen>> expected = {
      {"opposer_to_neutral", {"c1", "-", "c1-a"}},     {"opposer_to_neutral", {"c1", "-", "c1-b"}},
      {"opposer_to_neutral", {"c2", "-", "c2-a"}},     {"opposer_to_neutral", {"c2", "-", "c2-b"}},
      {"vote_not_supporting", {"c1", "-", "c1-a"}},    {"vote_not_supporting", {"c2", "-", "c2-a"}},
      {"undeclared_acquaintances", {"-", "-", "e1"}},  // u2 (e2) is not in the scope, nor is c3
  };
  EXPECT_EQ(seen, expected);
}

TEST(WorkJson, WarningNamesWhatItConcernsAndNullsTheRest) {
  World w = Base();
  w.Person("p1", "c1").Vote("p1", "veto", "yes", "2025-01-01").Rate("p1", "closeness", "neutral", "2025-01-01");
  w.Person("p2", "c1").Influence("l1", "e1", "p2", "weak");
  const Figures figures(w.graph, {});
  const auto warnings = Warnings(figures).Check(Scope::Company(), kDay);
  const auto vote = OfKind(warnings, WarningKind::kVoteNotSupporting);
  ASSERT_EQ(vote.size(), 1u);
  EXPECT_EQ(json::Serialize(json::WarningJson(w.graph, vote[0])),
            R"({"kind":"vote_not_supporting","severity":"medium","customer":"c1","opportunity":null,"person":"p1",)"
            R"("message":"Key person p1 holds the veto vote but does not support us yet (closeness neutral).",)"
            R"("dimensions":["closeness"],"employees":[],"competitors":[],)"
            R"("details":{"veto":true,"approve":false,"closeness":{"attitude":"neutral"}}})");
  const auto ask = OfKind(warnings, WarningKind::kAskEmployee);
  ASSERT_EQ(ask.size(), 1u);
  const auto all = json::WarningsJson(w.graph, warnings);
  ASSERT_EQ(all.as_array().size(), warnings.size());
  bool found = false;
  for (const auto& item : all.as_array()) {
    if (item.as_object().at("kind") != "ask_employee") continue;
    found = true;
    EXPECT_EQ(json::Serialize(item.as_object().at("employees")), R"(["e1"])");
    EXPECT_EQ(item.as_object().at("severity"), "low");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace brm::engine
