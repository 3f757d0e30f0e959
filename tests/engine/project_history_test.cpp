// Project history (SPEC.md §8.2, §8.3): rhythm, expected dates, a customer's history, the project view
// and the three PBM warnings, on a small tenant whose every figure is worked out by hand below.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "engine/project_history.hpp"
#include "engine/tenant_builder.hpp"
#include "engine/warnings.hpp"
#include "json/project_json.hpp"
#include "json/work_json.hpp"

namespace brm::engine {
namespace {

namespace bj = boost::json;
using namespace fixture;

// The tenant, as of 2025-12-31 unless a test says otherwise.
//
// Models: the company default mm0 = initiation, tender_notice, contract; c2 has its own mm2 with
// budget_approval inserted. c1's history: p1 won (closed 2025-03-01), p2 lost (06-01), p3 abandoned (07-01),
// p4 won (09-01), p5 lost (10-01). c2: q1 won (05-01), q2 lost (08-01). c3: r1 won (04-01).
//
// Interval samples (date(b) − date(a)):
//   c1 p1: initiation→tender_notice 10, tender_notice→contract 30 (m14, a second tender_notice, is retired;
//          m15, award_notice, is not in the model)
//   c1 p2: 20, 10            c1 p3: abandoned, no samples
//   c1 p4: two tender_notice milestones: neither of its pairs gives a sample
//   c2 q1: initiation→budget_approval 14, budget_approval→tender_notice 14, tender_notice→contract 31
//   c2 q2: 7, 2, 30          c3 r1: 7, 53
// Company pools: initiation→tender_notice {7, 10, 20} (c2's model has no such pair) → 10;
//                tender_notice→contract {10, 30, 30, 31, 53} → 30.
Tenant Build() {
  Tenant t;
  t.Add(Org("comp1", "competitor")).Add(Org("comp2", "competitor")).Add(Org("comp3", "competitor"));
  t.Add(Customer("c1")).Add(Customer("c2")).Add(Customer("c3"));
  t.Add(ModelOf("mm0", nullptr, {"initiation", "tender_notice", "contract"}));
  t.Add(ModelOf("mm2", "c2", {"initiation", "budget_approval", "tender_notice", "contract"}));
  t.Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1")).Add(KeyPerson("k3", "c1").Until("2025-05-15"));

  t.Add(Opp("p1", "c1", "2024-12-01", 100, "won", "2025-03-01")
            .Set(f::opp::kMethod, "public_tender").Set(f::opp::kRule, "comprehensive_score")
            .Set(f::opp::kBudget, 100).Set(f::opp::kOurBid, 90).Set(f::opp::kWinningBid, 90).Set(f::opp::kWinner, "us"));
  t.Add(Opp("p2", "c1", "2025-03-15", 200, "lost", "2025-06-01")
            .Set(f::opp::kMethod, "invited_tender").Set(f::opp::kRule, "lowest_price")
            .Set(f::opp::kBudget, 200).Set(f::opp::kOurBid, 180).Set(f::opp::kWinningBid, 150)
            .Set(f::opp::kWinner, "comp1").Set(f::opp::kConditions, JoinList({"annual_budget", "compliance"}))
            .Set(f::opp::kConditionsText, "年度预算").Set(f::opp::kScope, "一期"));
  t.Add(Opp("p3", "c1", "2025-04-15", 0, "abandoned", "2025-07-01")
            .Set(f::opp::kBudget, 100).Set(f::opp::kWinningBid, 10));
  t.Add(Opp("p4", "c1", "2025-06-15", 0, "won", "2025-09-01")
            .Set(f::opp::kRule, "comprehensive_score").Set(f::opp::kBudget, 0).Set(f::opp::kWinningBid, 50));
  t.Add(Opp("p5", "c1", "2025-08-01", 0, "lost", "2025-10-01").Set(f::opp::kOurBid, 100).Set(f::opp::kWinningBid, 80));
  t.Add(Opp("q1", "c2", "2025-01-15", 0, "won", "2025-05-01"));
  t.Add(Opp("q2", "c2", "2025-04-15", 0, "lost", "2025-08-01"));
  t.Add(Opp("r1", "c3", "2024-12-01", 0, "won", "2025-04-01").Set(f::opp::kBudget, 100).Set(f::opp::kWinningBid, 50));

  t.Add(MilestoneOf("m11", "p1", "initiation", "2025-01-01")).Add(MilestoneOf("m12", "p1", "tender_notice", "2025-01-11"));
  t.Add(MilestoneOf("m13", "p1", "contract", "2025-02-10"));
  t.Add(MilestoneOf("m14", "p1", "tender_notice", "2025-01-20").Until("2025-02-01"));
  t.Add(MilestoneOf("m15", "p1", "award_notice", "2025-02-01"));
  t.Add(MilestoneOf("m21", "p2", "initiation", "2025-04-01")).Add(MilestoneOf("m22", "p2", "tender_notice", "2025-04-21"));
  t.Add(MilestoneOf("m23", "p2", "contract", "2025-05-01"));
  t.Add(MilestoneOf("m31", "p3", "initiation", "2025-05-01")).Add(MilestoneOf("m32", "p3", "tender_notice", "2025-05-02"));
  t.Add(MilestoneOf("m41", "p4", "initiation", "2025-07-01")).Add(MilestoneOf("m42", "p4", "tender_notice", "2025-07-05"));
  t.Add(MilestoneOf("m43", "p4", "tender_notice", "2025-07-09")).Add(MilestoneOf("m44", "p4", "contract", "2025-08-01"));
  t.Add(MilestoneOf("n11", "q1", "initiation", "2025-02-01")).Add(MilestoneOf("n12", "q1", "budget_approval", "2025-02-15"));
  t.Add(MilestoneOf("n13", "q1", "tender_notice", "2025-03-01")).Add(MilestoneOf("n14", "q1", "contract", "2025-04-01"));
  t.Add(MilestoneOf("n21", "q2", "initiation", "2025-05-01")).Add(MilestoneOf("n22", "q2", "budget_approval", "2025-05-08"));
  t.Add(MilestoneOf("n23", "q2", "tender_notice", "2025-05-10")).Add(MilestoneOf("n24", "q2", "contract", "2025-06-09"));
  t.Add(MilestoneOf("s11", "r1", "initiation", "2025-01-01")).Add(MilestoneOf("s12", "r1", "tender_notice", "2025-01-08"));
  t.Add(MilestoneOf("s13", "r1", "contract", "2025-03-02"));

  // Chains: k3 (technical evaluator of p2) left on 2025-05-15, before p2's day before close; in p4, k1's
  // membership ends on the closing day (so it counts the day before) and k2's starts then (so it does not).
  t.Add(Member("b11", "p1", "k1", "decision_maker")).Add(Member("b12", "p1", "k2", "user"));
  t.Add(Member("b21", "p2", "k1", "decision_maker")).Add(Member("b22", "p2", "k2", "user"));
  t.Add(Member("b23", "p2", "k3", "technical_evaluator"));
  t.Add(Member("b41", "p4", "k1", "decision_maker").Until("2025-09-01"));
  t.Add(Member("b42", "p4", "k2", "user").Since("2025-09-01"));
  t.Rate("k1", "closeness", "support", "2025-01-01").Rate("k1", "solution", "neutral", "2025-01-01");
  t.Rate("k1", "closeness", "oppose", "2025-05-01", "ours", "p2");
  t.Rate("k1", "closeness", "strong_support", "2025-06-01", "ours", "p2");  // after p2's chain day

  t.Add(VendorOf("v11", "p1", "comp1", "lost", 2)).Add(VendorOf("v12", "p1", "us", "won", 1));
  t.Add(VendorOf("v21", "p2", "comp1", "unknown")).Add(VendorOf("v22", "p2", "comp2", "lost", 2));
  t.Add(VendorOf("v23", "p2", "us", "lost", 3));
  t.Add(VendorOf("v41", "p4", "comp2", "lost")).Add(VendorOf("v42", "p4", "comp3", "unknown"));
  t.Add(VendorOf("v51", "p5", "comp2", "won", 1)).Add(VendorOf("v52", "p5", "comp3", "lost").Until("2025-12-01"));
  t.Add(VendorOf("v31", "p3", "comp3", "won"));

  t.Add(CriterionOf("cr11", "p1", "技术方案", 60)).Add(CriterionOf("cr12", "p1", "价格", 40));
  t.Add(CriterionOf("cr13", "p1", "旧项", 0).Until("2025-01-01"));
  t.Add(CriterionOf("cr21", "p2", "价格", 30));
  t.Add(CriterionOf("cr22", "p2", "技术方案", 50).Set(f::criterion::kOurScore, 40).Set(f::criterion::kBestScore, 45));
  t.Add(CriterionOf("cr23", "p2", "服务", 20)).Add(CriterionOf("cr41", "p4", "价格", 100));

  t.Add(LessonOf("l1", "p1", "win_factor", {"关系", "方案"}, "2025-03-02"));
  t.Add(LessonOf("l2", "p2", "loss_factor", {"价格"}, "2025-06-02"));
  t.Add(LessonOf("l3", "p2", "loss_factor", {"价格", "关系"}, "2026-01-05"));  // after the day
  t.Add(LessonOf("l4", "p4", "win_factor", {"关系"}, "2025-09-02"));
  t.Add(LessonOf("l5", "p3", "win_factor", {"x"}, "2025-07-02"));  // abandoned
  t.Add(LessonOf("l6", "p1", "note", {"备注"}, "2025-03-03"));

  t.Add(DocumentOf("doc-b", "p2", "方案书.pdf", "proposal", "2025-04-20").Set(f::document::kSize, 1024)
            .Set(f::document::kSha256, std::string(64, 'a')));
  t.Add(DocumentOf("doc-a", "p2", "招标文件.pdf", "rfp", "2025-04-01"));
  t.Add(DocumentOf("doc-c", "p2", "旧.pdf", "other", "2025-04-02").Until("2025-12-01"));
  t.Add(QuoteOf("q-a", "p2", 1, "us", 190, "2025-04-25")).Add(QuoteOf("q-b", "p2", 1, "comp1", 170, "2025-04-25"));
  t.Add(QuoteOf("q-c", "p2", 2, "us", 180, "2025-05-10")).Add(QuoteOf("q-d", "p2", 2, "comp1", 150, "2025-05-10"));
  t.Add(QuoteOf("q-e", "p2", 1, "comp2", 200, "2025-04-24")).Add(QuoteOf("q-f", "p2", 3, "us", 175, "2026-02-01"));
  t.Add(ProjectLinkOf("pl1", "p2", "p1", "follow_up_of")).Add(ProjectLinkOf("pl2", "p5", "p2", "phase_of"));
  t.Add(ProjectLinkOf("pl3", "p2", "p4", "related").Until("2025-12-01"));

  // Open opportunities. o3 (c3) reached initiation on 11-03; o4 (c3) reached nothing; o5 (c1) reached
  // initiation on 11-01 and has our quotes (round 2's latest is 90 on 11-10; round 3, 92, comes on 11-15).
  t.Add(Opp("o3", "c3", "2025-11-01").Set(f::opp::kBudget, 100));
  t.Add(MilestoneOf("mo3", "o3", "initiation", "2025-11-03"));
  t.Add(QuoteOf("qo3", "o3", 1, "us", 99, "2025-11-05"));
  t.Add(Opp("o4", "c3", "2025-11-10"));
  t.Add(Opp("o5", "c1", "2025-11-01").Set(f::opp::kBudget, 100));
  t.Add(MilestoneOf("mo5", "o5", "initiation", "2025-11-01"));
  t.Add(QuoteOf("qo1", "o5", 1, "us", 95, "2025-11-05")).Add(QuoteOf("qo2", "o5", 2, "us", 90, "2025-11-10"));
  t.Add(QuoteOf("qo3b", "o5", 2, "us", 91, "2025-11-08")).Add(QuoteOf("qo4", "o5", 3, "us", 92, "2025-11-15"));
  t.Add(QuoteOf("qo5", "o5", 4, "comp1", 10, "2025-11-15"));  // not ours
  return t;
}

std::vector<std::string> Dates(const std::vector<std::optional<Date>>& dates) {
  std::vector<std::string> out;
  for (const auto& date : dates) out.push_back(date ? FormatDate(*date) : "-");
  return out;
}

TEST(ProjectHistory, MedianOfAnEvenCountRoundsHalfUp) {
  EXPECT_EQ(MedianDays({5}), 5);
  EXPECT_EQ(MedianDays({1, 2, 9}), 2);
  EXPECT_EQ(MedianDays({1, 4}), 3) << "2.5 → 3";
  EXPECT_EQ(MedianDays({2, 4}), 3);
  EXPECT_EQ(MedianDays({-5, 0}), -2) << "−2.5 → −2 (toward +∞)";
  EXPECT_EQ(MedianDays({-3, -2}), -2) << "−2.5 → −2";
  EXPECT_EQ(MedianDays({-4, -1}), -2) << "−2.5 → −2";
  EXPECT_EQ(MedianDays({-3, -1}), -2);
  EXPECT_EQ(MedianDays({2, 3, 10, 11}), 7) << "6.5 → 7";
  EXPECT_EQ(MedianDays({0, 0}), 0);
}

TEST(ProjectHistory, CustomerIntervalsThenTheCompanyThenNone) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  const Date day = D("2025-12-31");

  auto c1 = history.Rhythm(t.O("c1"), history.Model(t.O("c1"), day), day);
  ASSERT_EQ(c1.size(), 2u);
  EXPECT_EQ(c1[0].from, "initiation");
  EXPECT_EQ(c1[0].to, "tender_notice");
  EXPECT_EQ(c1[0].days, 15) << "p1 10, p2 20";
  EXPECT_EQ(c1[0].n, 2);
  EXPECT_EQ(c1[0].source, RhythmSource::kCustomer);
  EXPECT_EQ(c1[1].days, 20) << "p1 30, p2 10";
  EXPECT_EQ(c1[1].source, RhythmSource::kCustomer);

  auto c2 = history.Rhythm(t.O("c2"), history.Model(t.O("c2"), day), day);
  ASSERT_EQ(c2.size(), 3u) << "its own model, with budget_approval";
  EXPECT_EQ(c2[0].days, 11) << "14 and 7: 10.5 → 11";
  EXPECT_EQ(c2[1].days, 8) << "14 and 2";
  EXPECT_EQ(c2[2].days, 31) << "31 and 30: 30.5 → 31";

  auto c3 = history.Rhythm(t.O("c3"), history.Model(t.O("c3"), day), day);
  ASSERT_EQ(c3.size(), 2u);
  EXPECT_EQ(c3[0].days, 10) << "one own sample (7): the company's {7, 10, 20}";
  EXPECT_EQ(c3[0].n, 3);
  EXPECT_EQ(c3[0].source, RhythmSource::kCompany);
  ASSERT_EQ(c3[0].own.size(), 1u);
  EXPECT_EQ(c3[0].own[0].second, 7);
  EXPECT_EQ(c3[1].days, 30) << "{10, 30, 30, 31, 53}";
  EXPECT_EQ(c3[1].n, 5);

  // On 2025-05-31 only p1 (c1), r1 (c3) and q1 (c2) are history projects.
  const Date may = D("2025-05-31");
  auto early = history.Rhythm(t.O("c1"), history.Model(t.O("c1"), may), may);
  EXPECT_EQ(early[0].days, 9) << "company {7, 10}: 8.5 → 9";
  EXPECT_EQ(early[0].n, 2);
  EXPECT_EQ(early[0].source, RhythmSource::kCompany);
  EXPECT_EQ(early[1].days, 31) << "company {30, 31, 53}";
  // On 2025-02-01 nothing has closed: no interval anywhere.
  auto none = history.Rhythm(t.O("c1"), history.Model(t.O("c1"), D("2025-02-01")), D("2025-02-01"));
  EXPECT_FALSE(none[0].days.has_value());
  EXPECT_EQ(none[0].n, 0);
  EXPECT_EQ(none[0].source, RhythmSource::kNone);
}

TEST(ProjectHistory, TheCompanyPoolFollowsWritesAndTheScope) {
  Tenant t = Build();
  const Date day = D("2025-12-31");
  {
    const Figures figures = t.Figs();
    const ProjectHistory history(figures);
    EXPECT_EQ(history.Rhythm(t.O("c3"), history.Model(t.O("c3"), day), day)[0].days, 10);
  }
  // A sixth c1 project adds 30 to initiation→tender_notice: c1 {10, 20, 30} → 20; company {7, 10, 20, 30} → 15.
  t.Add(Opp("p6", "c1", "2025-09-15", 0, "won", "2025-11-01"));
  t.Add(MilestoneOf("m61", "p6", "initiation", "2025-10-01")).Add(MilestoneOf("m62", "p6", "tender_notice", "2025-10-31"));
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  EXPECT_EQ(history.Rhythm(t.O("c1"), history.Model(t.O("c1"), day), day)[0].days, 20);
  EXPECT_EQ(history.Rhythm(t.O("c3"), history.Model(t.O("c3"), day), day)[0].days, 15) << "the cached pool was dropped";

  // A rep who owns only c3 pools only what they see: c3's one sample, so no interval.
  t.Add(NonKeyPerson("e3", "us")).Add(UserOf("u3", "e3")).Add(Customer("c3", "u3"));
  const Scope mine = OwnedBy(t.graph, {t.U("u3")});
  const Figures within = t.Figs().Within(mine);
  const ProjectHistory rep(within);
  const auto steps = rep.Rhythm(t.O("c3"), rep.Model(t.O("c3"), day), day);
  EXPECT_FALSE(steps[0].days.has_value());
  EXPECT_EQ(steps[0].source, RhythmSource::kNone);
}

TEST(ProjectHistory, ExpectedDatesStartFromTheLastReachedKindOrFromOpened) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  // o3 reached initiation on 11-03: tender_notice + 10 (company), contract + 30 (company).
  Timeline o3 = history.Timing(t.Opportunity("o3"), D("2025-11-20"));
  EXPECT_EQ(Dates(o3.reached), (std::vector<std::string>{"2025-11-03", "-", "-"}));
  EXPECT_EQ(Dates(o3.expected), (std::vector<std::string>{"-", "2025-11-13", "2025-12-13"}));
  EXPECT_EQ(o3.Next(), 1);
  // On 11-02 its initiation is not reached yet (dated after the day): expected on opened.
  o3 = history.Timing(t.Opportunity("o3"), D("2025-11-02"));
  EXPECT_EQ(Dates(o3.reached), (std::vector<std::string>{"-", "-", "-"}));
  EXPECT_EQ(Dates(o3.expected), (std::vector<std::string>{"2025-11-01", "2025-11-11", "2025-12-11"}));
  // o5 (c1): c1's own intervals, 15 and 20.
  const Timeline o5 = history.Timing(t.Opportunity("o5"), D("2025-11-20"));
  EXPECT_EQ(Dates(o5.expected), (std::vector<std::string>{"-", "2025-11-16", "2025-12-06"}));
  // A closed opportunity has no expected dates; an unopened one neither.
  const Timeline p2 = history.Timing(t.Opportunity("p2"), D("2025-12-31"));
  EXPECT_EQ(Dates(p2.reached), (std::vector<std::string>{"2025-04-01", "2025-04-21", "2025-05-01"}));
  EXPECT_EQ(Dates(p2.expected), (std::vector<std::string>{"-", "-", "-"}));
  EXPECT_EQ(history.Timing(t.Opportunity("o4"), D("2025-11-09")).Next(), -1);
}

TEST(ProjectHistory, ReorderedAndCustomModelsAndAMissingInterval) {
  Tenant t;
  t.Add(Customer("c5"));
  t.Add(ModelOf("mm5", "c5", {"tender_notice", "initiation", "site_visit"}));
  t.Add(Opp("s1", "c5", "2024-12-01", 0, "won", "2025-03-01"));
  t.Add(MilestoneOf("a1", "s1", "tender_notice", "2025-01-01")).Add(MilestoneOf("a2", "s1", "initiation", "2025-01-05"));
  t.Add(MilestoneOf("a3", "s1", "site_visit", "2025-01-15"));
  t.Add(Opp("s2", "c5", "2025-01-15", 0, "lost", "2025-03-01"));
  t.Add(MilestoneOf("b1", "s2", "tender_notice", "2025-02-01")).Add(MilestoneOf("b2", "s2", "initiation", "2025-02-03"));
  t.Add(MilestoneOf("b3", "s2", "site_visit", "2025-02-04"));
  t.Add(Opp("o6", "c5", "2025-11-01"));
  // c6 follows the built-in default (no company model): seven kinds and no history anywhere for most pairs.
  t.Add(Customer("c6")).Add(Opp("o7", "c6", "2025-11-01"));

  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  const Date day = D("2025-11-20");
  const Timeline o6 = history.Timing(t.Opportunity("o6"), day);
  EXPECT_EQ(o6.model, (std::vector<std::string>{"tender_notice", "initiation", "site_visit"}));
  EXPECT_EQ(Dates(o6.expected), (std::vector<std::string>{"2025-11-01", "2025-11-04", "2025-11-10"}))
      << "tender_notice→initiation {4, 2} → 3; initiation→site_visit {10, 1} → 6 (5.5 rounded up)";

  const Timeline o7 = history.Timing(t.Opportunity("o7"), day);
  ASSERT_EQ(o7.model.size(), 7u);
  EXPECT_EQ(o7.model.front(), "initiation");
  EXPECT_EQ(o7.model.back(), "contract");
  EXPECT_EQ(Dates(o7.expected), (std::vector<std::string>{"2025-11-01", "-", "-", "-", "-", "-", "-"}))
      << "once an interval is none, the rest have no expected date";

  // A new model for c5 from 2025-11-15 puts site_visit first: o6 as of 11-20 follows it.
  t.Add(ModelOf("mm5", "c5", {"tender_notice", "initiation", "site_visit"}).Until("2025-11-15"));
  t.Add(ModelOf("mm5b", "c5", {"site_visit", "tender_notice", "initiation"}).Since("2025-11-15"));
  const Figures after = t.Figs();
  const ProjectHistory moved(after);
  const Timeline o6b = moved.Timing(t.Opportunity("o6"), day);
  EXPECT_EQ(o6b.model.front(), "site_visit");
  EXPECT_EQ(Dates(o6b.expected), (std::vector<std::string>{"2025-11-01", "2025-10-24", "2025-10-27"}))
      << "the history is sampled along the new model: site_visit→tender_notice {−14, −3} → −8 (−8.5 rounded "
         "up), tender_notice→initiation {4, 2} → 3";
  EXPECT_EQ(moved.Timing(t.Opportunity("o6"), D("2025-11-14")).model.front(), "tender_notice");
}

TEST(ProjectHistory, TheCustomersHistoryEveryField) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  const CustomerHistory h = history.History(t.O("c1"), D("2025-12-31"));
  EXPECT_EQ(t.IdsOf(Kind::kOpportunity, h.won), (std::vector<std::string>{"p1", "p4"}));
  EXPECT_EQ(t.IdsOf(Kind::kOpportunity, h.lost), (std::vector<std::string>{"p2", "p5"}));
  EXPECT_EQ(t.IdsOf(Kind::kOpportunity, h.abandoned), (std::vector<std::string>{"p3"}));

  const bj::object j = json::CustomerHistoryJson(t.graph, h);
  EXPECT_EQ(j.at("customer"), "c1");
  EXPECT_EQ(j.at("as_of"), "2025-12-31");
  EXPECT_EQ(j.at("model"), bj::parse(R"(["initiation","tender_notice","contract"])"));
  const bj::object& projects = j.at("projects").as_object();
  EXPECT_EQ(projects.at("count"), 5);
  EXPECT_EQ(projects.at("won"), 2);
  EXPECT_EQ(projects.at("lost"), 2);
  EXPECT_EQ(projects.at("abandoned"), 1);
  EXPECT_EQ(projects.at("win_rate").as_double(), 0.5);
  const bj::array& rhythm = j.at("rhythm").as_array();
  ASSERT_EQ(rhythm.size(), 2u);
  EXPECT_EQ(rhythm[0].at("from"), "initiation");
  EXPECT_EQ(rhythm[0].at("to"), "tender_notice");
  EXPECT_EQ(rhythm[0].at("days"), 15);
  EXPECT_EQ(rhythm[0].at("n"), 2);
  EXPECT_EQ(rhythm[0].at("source"), "customer");
  EXPECT_EQ(rhythm[0].at("samples"), bj::parse(R"([{"opportunity":"p1","days":10},{"opportunity":"p2","days":20}])"));
  // Methods: public 1 (p1), invited 1 (p2), unknown 2 (p4, p5): the tie goes to the first in the vocabulary.
  EXPECT_EQ(j.at("methods"), bj::parse(R"({"public_tender":1,"invited_tender":1,"single_source":0,"negotiation":0,
                                          "inquiry":0,"unknown":2})"));
  EXPECT_EQ(j.at("usual_method"), "public_tender");
  EXPECT_EQ(j.at("rules"), bj::parse(R"({"lowest_price":1,"comprehensive_score":2,"unknown":1})"));
  EXPECT_EQ(j.at("usual_rule"), "comprehensive_score");
  // win_to_budget: p1 90/100, p2 150/200 (p4's budget is 0, p5's unknown, p3 abandoned).
  const bj::object& wtb = j.at("prices").at("win_to_budget").as_object();
  EXPECT_EQ(wtb.at("n"), 2);
  EXPECT_DOUBLE_EQ(wtb.at("mean").as_double(), 0.825);
  EXPECT_DOUBLE_EQ(wtb.at("min").as_double(), 0.75);
  EXPECT_DOUBLE_EQ(wtb.at("max").as_double(), 0.9);
  // our_to_winning_lost: p2 180/150, p5 100/80.
  const bj::object& otw = j.at("prices").at("our_to_winning_lost").as_object();
  EXPECT_EQ(otw.at("n"), 2);
  EXPECT_DOUBLE_EQ(otw.at("mean").as_double(), (1.2 + 1.25) / 2);
  // Chains of the day before close: p1 {k1 dm, k2 user}, p2 {k1 dm, k2 user} (k3 left), p4 {k1 dm}.
  EXPECT_EQ(j.at("roles"), bj::parse(R"({"decision_maker":3,"approver":0,"technical_evaluator":0,
      "business_evaluator":0,"user":2,"procurement":0,"influencer":0,"coach":0,"gatekeeper":0,"other":0})"));
  EXPECT_EQ(j.at("people"), bj::parse(R"([{"person":"k1","count":3,"projects":["p1","p2","p4"]},
                                         {"person":"k2","count":2,"projects":["p1","p2"]}])"));
  EXPECT_EQ(j.at("competitors"), bj::parse(R"([
      {"org":"comp2","appearances":3,"wins":1,"we_won":1,"projects":["p2","p4","p5"],"win_projects":["p5"],
       "we_won_projects":["p4"]},
      {"org":"comp1","appearances":2,"wins":1,"we_won":1,"projects":["p1","p2"],"win_projects":["p2"],
       "we_won_projects":["p1"]},
      {"org":"comp3","appearances":1,"wins":0,"we_won":1,"projects":["p4"],"win_projects":[],
       "we_won_projects":["p4"]}])"))
      << "comp1 wins p2 as its winner, comp2 p5 by its result; v52 is retired, p3 abandoned";
  const bj::array& criteria = j.at("criteria").as_array();
  ASSERT_EQ(criteria.size(), 3u);
  EXPECT_EQ(criteria[0].at("item"), "价格");
  EXPECT_EQ(criteria[0].at("projects"), 3);
  EXPECT_DOUBLE_EQ(criteria[0].at("mean_weight").as_double(), 170.0 / 3);
  EXPECT_EQ(criteria[1].at("item"), "技术方案");
  EXPECT_EQ(criteria[1].at("projects"), 2);
  EXPECT_DOUBLE_EQ(criteria[1].at("mean_weight").as_double(), 55);
  EXPECT_EQ(criteria[2].at("item"), "服务");
  EXPECT_DOUBLE_EQ(criteria[2].at("mean_weight").as_double(), 20);
  EXPECT_EQ(j.at("lessons"), bj::parse(R"({"win_factor":{"关系":2,"方案":1},"loss_factor":{"价格":1}})"));
  // The projects behind each count (for the pages' links): as many as counted, each a history project.
  EXPECT_EQ(j.at("method_projects"), bj::parse(R"({"public_tender":["p1"],"invited_tender":["p2"],"single_source":[],
      "negotiation":[],"inquiry":[],"unknown":["p4","p5"]})"));
  EXPECT_EQ(j.at("role_projects").at("decision_maker"), bj::parse(R"(["p1","p2","p4"])"));
  EXPECT_EQ(j.at("role_projects").at("user"), bj::parse(R"(["p1","p2"])"));
  for (const auto& [rule, ids] : j.at("rule_projects").as_object()) {
    EXPECT_EQ(static_cast<int64_t>(ids.as_array().size()), j.at("rules").at(rule).as_int64()) << rule;
  }
  const bj::object& tagged = j.at("lesson_projects").as_object();
  EXPECT_EQ(tagged.at("win_factor").at("关系").as_array().size(), 2u) << "two projects' lessons carry it";
  EXPECT_EQ(tagged.at("win_factor").at("方案").as_array().size(), 1u);
  EXPECT_EQ(tagged.at("loss_factor").at("价格").as_array().size(), 1u);
}

TEST(ProjectHistory, AHistoryEarlierAndWithoutProjects) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  const bj::object early = json::CustomerHistoryJson(t.graph, history.History(t.O("c1"), D("2025-05-31")));
  EXPECT_EQ(early.at("projects").at("count"), 1);
  EXPECT_EQ(early.at("projects").at("win_rate").as_double(), 1.0);
  EXPECT_EQ(early.at("criteria").as_array().size(), 2u);
  EXPECT_EQ(early.at("lessons").at("win_factor"), bj::parse(R"({"关系":1,"方案":1})"));

  const bj::object empty = json::CustomerHistoryJson(t.graph, history.History(t.O("c1"), D("2025-01-31")));
  EXPECT_EQ(empty.at("projects"),
            bj::parse(R"({"count":0,"won":0,"lost":0,"abandoned":0,"win_rate":null,
                          "ids":{"won":[],"lost":[],"abandoned":[]}})"));
  EXPECT_TRUE(empty.at("usual_method").is_null());
  EXPECT_TRUE(empty.at("usual_rule").is_null());
  EXPECT_EQ(empty.at("prices"), bj::parse(R"({"win_to_budget":{"n":0,"mean":null,"min":null,"max":null,"projects":[]},
                                              "our_to_winning_lost":{"n":0,"mean":null,"projects":[]}})"));
  EXPECT_EQ(empty.at("rhythm").at(0).at("days"), nullptr);
  EXPECT_EQ(empty.at("rhythm").at(0).at("source"), nullptr);
}

TEST(ProjectHistory, TheProjectViewOfAClosedOpportunity) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  const bj::object j = json::ProjectViewJson(t.graph, history.Project(t.Opportunity("p2"), D("2025-12-31")));
  const bj::value expected = bj::parse(R"({
    "opportunity": "p2", "as_of": "2025-12-31",
    "people": {
      "chain_as_of": "2025-05-31",
      "chain": [
        {"person":"k1","role":"decision_maker","veto":"unknown","approve":"unknown",
         "closeness":"oppose","solution":"neutral","price":"unknown","inherited":["solution","price"]},
        {"person":"k2","role":"user","veto":"unknown","approve":"unknown",
         "closeness":"unknown","solution":"unknown","price":"unknown","inherited":["closeness","solution","price"]}],
      "vendors": [{"org":"comp1","result":"unknown","rank":null,"id":"v21"},
                  {"org":"comp2","result":"lost","rank":2,"id":"v22"},
                  {"org":"us","result":"lost","rank":3,"id":"v23"}]},
    "money": {"budget":200.0,"our_bid":180.0,"winning_bid":150.0,"winner":"comp1","win_to_budget":0.75,
      "quotes": [{"round":1,"org":"comp1","price":170.0,"date":"2025-04-25","id":"q-b"},
                 {"round":1,"org":"comp2","price":200.0,"date":"2025-04-24","id":"q-e"},
                 {"round":1,"org":"us","price":190.0,"date":"2025-04-25","id":"q-a"},
                 {"round":2,"org":"comp1","price":150.0,"date":"2025-05-10","id":"q-d"},
                 {"round":2,"org":"us","price":180.0,"date":"2025-05-10","id":"q-c"}]},
    "things": {"scope":"一期",
      "documents": [{"id":"doc-a","name":"招标文件.pdf","kind":"rfp","size":null,"sha256":null},
                    {"id":"doc-b","name":"方案书.pdf","kind":"proposal","size":1024.0,
                     "sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}]},
    "situation": {"conditions":["annual_budget","compliance"],"conditions_text":"年度预算","type":"new",
      "method":"invited_tender","rule":"lowest_price",
      "criteria": [{"item":"价格","weight":30.0,"our_score":null,"best_score":null,"id":"cr21"},
                   {"item":"技术方案","weight":50.0,"our_score":40.0,"best_score":45.0,"id":"cr22"},
                   {"item":"服务","weight":20.0,"our_score":null,"best_score":null,"id":"cr23"}],
      "weights_total": 100.0,
      "links": [{"kind":"follow_up_of","opportunity":"p1","direction":"out","id":"pl1"},
                {"kind":"phase_of","opportunity":"p5","direction":"in","id":"pl2"}]},
    "timing": {"model":["initiation","tender_notice","contract"],
      "milestones": [{"kind":"initiation","date":"2025-04-01","expected":null},
                     {"kind":"tender_notice","date":"2025-04-21","expected":null},
                     {"kind":"contract","date":"2025-05-01","expected":null}]}
  })");
  EXPECT_EQ(bj::value(j), expected) << bj::serialize(j);
}

TEST(ProjectHistory, TheProjectViewOfAnOpenOpportunity) {
  const Tenant t = Build();
  const Figures figures = t.Figs();
  const ProjectHistory history(figures);
  // p2 on 2025-05-10, still open: the chain of that day (k3 still in it) and what is dated by then; every
  // kind is reached, so nothing is expected.
  const bj::object j = json::ProjectViewJson(t.graph, history.Project(t.Opportunity("p2"), D("2025-05-10")));
  EXPECT_EQ(j.at("people").at("chain_as_of"), "2025-05-10");
  EXPECT_EQ(j.at("people").at("chain").as_array().size(), 3u);
  EXPECT_EQ(j.at("money").at("quotes").as_array().size(), 5u) << "q-f is dated after the day";
  EXPECT_EQ(j.at("things").at("documents").as_array().size(), 3u) << "doc-c is not retired yet";
  EXPECT_EQ(j.at("situation").at("links").as_array().size(), 3u);
  EXPECT_EQ(j.at("timing").at("milestones"),
            bj::parse(R"([{"kind":"initiation","date":"2025-04-01","expected":null},
                          {"kind":"tender_notice","date":"2025-04-21","expected":null},
                          {"kind":"contract","date":"2025-05-01","expected":null}])"));
  // o4 without criteria: weights_total 0; unknown amounts are null.
  const bj::object o4 = json::ProjectViewJson(t.graph, history.Project(t.Opportunity("o4"), D("2025-11-20")));
  EXPECT_EQ(o4.at("situation").at("weights_total").as_double(), 0);
  EXPECT_EQ(o4.at("situation").at("method"), "unknown");
  EXPECT_EQ(o4.at("situation").at("conditions"), bj::array());
  EXPECT_EQ(o4.at("money").at("budget"), nullptr);
  EXPECT_EQ(o4.at("money").at("win_to_budget"), nullptr);
  EXPECT_EQ(o4.at("timing").at("milestones"),
            bj::parse(R"([{"kind":"initiation","date":null,"expected":"2025-11-10"},
                          {"kind":"tender_notice","date":null,"expected":"2025-11-20"},
                          {"kind":"contract","date":null,"expected":"2025-12-20"}])"));
}

// The PBM warnings of the tenant on a day, as "kind opportunity milestone expected".
std::vector<std::string> PbmWarnings(const Tenant& t, const char* day) {
  const Figures figures = t.Figs();
  std::vector<std::string> out;
  for (const Warning& w : Warnings(figures).Check(Scope::Company(), D(day))) {
    if (w.kind < WarningKind::kMilestoneDue) continue;
    std::string line = std::string(WarningKindName(w.kind)) + " " + t.IdOf(Kind::kOpportunity, w.opportunity);
    if (!w.milestone.empty()) line += " " + w.milestone + " " + FormatDate(*w.expected);
    if (w.ratio) line += " " + std::to_string(*w.ratio).substr(0, 4) + ">" + std::to_string(*w.history_max).substr(0, 4);
    out.push_back(line);
  }
  return out;
}

TEST(ProjectHistory, MilestoneWarningsAtTheirBoundaries) {
  const Tenant t = Build();
  using V = std::vector<std::string>;
  // o3 expects initiation on opened (its 11-03 milestone is after the day): due on the day itself.
  EXPECT_EQ(PbmWarnings(t, "2025-11-01"), (V{"milestone_due o3 initiation 2025-11-01"}))
      << "o5's tender_notice on 11-16 is 15 days away";
  EXPECT_EQ(PbmWarnings(t, "2025-11-02"), (V{"milestone_due o5 tender_notice 2025-11-16"})) << "day + 14";
  // o4 expects initiation on 11-10: not overdue on 11-24 (exactly 14 days), overdue on 11-25.
  // (From 11-15 on, o5's quote is above c1's history: see PriceAboveHistoryAtItsBoundary.)
  const std::string price = "price_above_history o5 0.92>0.90";
  EXPECT_EQ(PbmWarnings(t, "2025-11-24"), (V{price}));
  EXPECT_EQ(PbmWarnings(t, "2025-11-25"), (V{"milestone_overdue o4 initiation 2025-11-10", price}));
  // o3 expects tender_notice on 11-13: overdue from 11-28 on.
  EXPECT_EQ(PbmWarnings(t, "2025-11-27"), (V{"milestone_overdue o4 initiation 2025-11-10", price}));
  EXPECT_EQ(PbmWarnings(t, "2025-11-28"),
            (V{"milestone_overdue o3 tender_notice 2025-11-13", "milestone_overdue o4 initiation 2025-11-10", price}));
}

TEST(ProjectHistory, PriceAboveHistoryAtItsBoundary) {
  const Tenant t = Build();
  using V = std::vector<std::string>;
  // c1's highest winning_bid / budget is 0.9 over p1 and p2. o5's latest quote of ours on 11-14 is round 2's
  // latest (90, 11-10, not 91 of 11-08): 0.9 does not exceed it. Round 3 (92) comes on 11-15.
  EXPECT_EQ(PbmWarnings(t, "2025-11-14"), (V{"milestone_due o5 tender_notice 2025-11-16"}));
  EXPECT_EQ(PbmWarnings(t, "2025-11-15"),
            (V{"milestone_due o5 tender_notice 2025-11-16", "price_above_history o5 0.92>0.90"}))
      << "o3 quotes 99 of 100, but c3 has one history project only";
  const Figures figures = t.Figs();
  const std::vector<Warning> all = Warnings(figures).Check(Scope::Company(), D("2025-11-15"));
  const auto it = std::find_if(all.begin(), all.end(), [](const Warning& w) { return w.kind == WarningKind::kPriceAboveHistory; });
  ASSERT_NE(it, all.end());
  EXPECT_EQ(SeverityName(it->severity), "medium");
  EXPECT_EQ(t.IdOf(Kind::kOrganization, it->customer), "c1");
  const bj::value j = json::WarningJson(t.graph, *it);
  EXPECT_DOUBLE_EQ(j.at("ratio").as_double(), 0.92);
  EXPECT_DOUBLE_EQ(j.at("history_max").as_double(), 0.9);
  EXPECT_EQ(SeverityName(SeverityOf(WarningKind::kMilestoneDue)), "low");
  EXPECT_EQ(SeverityName(SeverityOf(WarningKind::kMilestoneOverdue)), "medium");
}

}  // namespace
}  // namespace brm::engine
