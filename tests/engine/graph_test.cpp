// SPEC.md §2 (validity intervals, until exclusive; facts' business dates, last recorded wins) and §4
// (ratings as of a date; who counts on a date).
#include "engine/graph.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT
constexpr Dimension kClose = Dimension::kCloseness;

// A customer "c1" with one key person "k1" and a competitor "rival".
Tenant OnePerson() {
  Tenant t;
  t.Add(Customer("c1")).Add(Org("rival", "competitor")).Add(KeyPerson("k1", "c1"));
  return t;
}

int8_t Closeness(const Tenant& t, const char* day, Idx toward = kOurs, Idx opp = kNone) {
  return t.Figs().Rating(t.P("k1"), kClose, toward, opp, D(day));
}

TEST(GraphRatings, LatestFactOnOrBeforeTheDay) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "support", "2025-01-10").Rate("k1", "closeness", "oppose", "2025-02-10");
  EXPECT_EQ(Closeness(t, "2025-01-09"), kUnknown);  // no fact dated ≤ D yet
  EXPECT_EQ(Closeness(t, "2025-01-10"), 1);         // dated exactly D counts
  EXPECT_EQ(Closeness(t, "2025-02-09"), 1);
  EXPECT_EQ(Closeness(t, "2025-02-10"), -1);
  EXPECT_EQ(Closeness(t, "2030-01-01"), -1);
}

TEST(GraphRatings, UnknownFactResetsValue) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "strong_support", "2025-01-10").Rate("k1", "closeness", "unknown", "2025-02-01");
  EXPECT_EQ(Closeness(t, "2025-01-31"), 2);
  EXPECT_EQ(Closeness(t, "2025-02-01"), kUnknown);  // the later `unknown` fact wins
  t.Rate("k1", "closeness", "neutral", "2025-03-01");
  EXPECT_EQ(Closeness(t, "2025-03-01"), 0);
}

TEST(GraphRatings, SameDateLastRecordedWinsWhateverOrderTheDatesArriveIn) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "support", "2025-03-01")       // recorded 1st
      .Rate("k1", "closeness", "neutral", "2025-02-01")    // recorded 2nd, earlier business date
      .Rate("k1", "closeness", "oppose", "2025-03-01")     // recorded 3rd, same date as the 1st
      .Rate("k1", "closeness", "strong_support", "2025-01-01");  // recorded 4th, earliest date
  EXPECT_EQ(Closeness(t, "2025-01-15"), 2);   // only the 01-01 fact is dated ≤ D
  EXPECT_EQ(Closeness(t, "2025-02-15"), 0);   // 02-01 is the latest date ≤ D
  EXPECT_EQ(Closeness(t, "2025-03-01"), -1);  // two facts on 03-01: the one recorded last (oppose)
}

TEST(GraphRatings, LaterRecordedFactWithEarlierDateDoesNotOverrideLaterDate) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "oppose", "2025-03-01").Rate("k1", "closeness", "support", "2025-02-01");
  EXPECT_EQ(Closeness(t, "2025-03-01"), -1);  // analysis uses the business date, not the recording order
  EXPECT_EQ(Closeness(t, "2025-02-28"), 1);
}

TEST(GraphRatings, RetiredFactCountsOnlyBeforeUntil) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "support", "2025-01-01");
  t.Add(Rating("retired", "k1", "closeness", "oppose", "2025-02-01").Until("2025-03-01"));
  EXPECT_EQ(Closeness(t, "2025-02-01"), -1);
  EXPECT_EQ(Closeness(t, "2025-02-28"), -1);  // the day before until
  EXPECT_EQ(Closeness(t, "2025-03-01"), 1);   // until is exclusive: the retired fact is gone, 01-01 applies
}

TEST(GraphRatings, ProjectLevelIsSeparateFromCustomerLevel) {
  Tenant t = OnePerson();
  t.Add(Opp("o1", "c1", "2025-01-01")).Add(Opp("o2", "c1", "2025-01-01"));
  t.Rate("k1", "closeness", "support", "2025-01-05");
  t.Rate("k1", "closeness", "strong_oppose", "2025-01-06", "ours", "o1");
  EXPECT_EQ(Closeness(t, "2025-02-01"), 1);                                    // customer level
  EXPECT_EQ(Closeness(t, "2025-02-01", kOurs, t.Opportunity("o1")), -2);       // project level in o1
  EXPECT_EQ(Closeness(t, "2025-02-01", kOurs, t.Opportunity("o2")), kUnknown);  // nothing in o2
}

TEST(GraphRatings, TowardCompetitorIsSeparateFromTowardOurs) {
  Tenant t = OnePerson();
  t.Rate("k1", "closeness", "support", "2025-01-05");
  t.Rate("k1", "closeness", "strong_oppose", "2025-01-05", "rival");
  EXPECT_EQ(Closeness(t, "2025-01-05"), 1);
  EXPECT_EQ(Closeness(t, "2025-01-05", t.O("rival")), -2);
  EXPECT_EQ(t.Figs().Rating(t.P("k1"), Dimension::kSolution, t.O("rival"), kNone, D("2025-01-05")), kUnknown);
}

TEST(GraphRatings, VotesAsOfADay) {
  Tenant t = OnePerson();
  t.Add(Vote("v1", "k1", "veto", "yes", "2025-01-01")).Add(Vote("v2", "k1", "veto", "unknown", "2025-02-01"));
  t.Add(Vote("v3", "k1", "approve", "no", "2025-01-15"));
  const Figures figs = t.Figs();
  EXPECT_EQ(figs.Vote(t.P("k1"), VoteKind::kVeto, D("2024-12-31")), kUnknown);
  EXPECT_EQ(figs.Vote(t.P("k1"), VoteKind::kVeto, D("2025-01-31")), 1);
  EXPECT_EQ(figs.Vote(t.P("k1"), VoteKind::kVeto, D("2025-02-01")), kUnknown);
  EXPECT_EQ(figs.Vote(t.P("k1"), VoteKind::kApprove, D("2025-01-15")), 0);
}

// ValuesAt (four days in one vector register, one pass, used by the customer figures) and ValueAt (a scan
// for short histories) agree with the binary search on every day, for histories with same-day points,
// retired points (until) and unknown values, short and long.
TEST(GraphRatings, ValuesAtGivesValueAtOfEachDay) {
  std::mt19937 random(20261206);
  for (int trial = 0; trial < 2000; ++trial) {
    const size_t length = trial % 40;  // past kScannedHistory too, where ValuesAt searches
    std::vector<FactPoint> points;
    for (size_t i = 0; i < length; ++i) {
      FactPoint point;
      point.date = Date{static_cast<int32_t>(random() % 60)};
      point.seq = static_cast<uint32_t>(i + 1);
      point.until = random() % 4 == 0 ? Date{point.date.days + static_cast<int32_t>(random() % 20)} : kMaxDate;
      const int value = static_cast<int>(random() % 6);
      point.value = value == 5 ? kUnknown : static_cast<int8_t>(value - 2);
      points.push_back(point);
    }
    std::stable_sort(points.begin(), points.end(), [](const FactPoint& a, const FactPoint& b) {
      return a.date < b.date;  // (date, seq): seq ascends in recording order
    });
    const Lanes days = {static_cast<int32_t>(random() % 70) - 5, static_cast<int32_t>(random() % 70),
                        static_cast<int32_t>(random() % 70), static_cast<int32_t>(random() % 70)};
    const Lanes values = ValuesAt(std::span<const FactPoint>(points), days);
    for (int w = 0; w < 4; ++w) {
      const int8_t searched = SearchedValueAt(points, Date{days[w]});
      ASSERT_EQ(values[w], searched) << "trial " << trial << ", day " << days[w];
      ASSERT_EQ(ValueAt(points, Date{days[w]}), searched) << "trial " << trial << ", day " << days[w];
    }
  }
  // By hand: support on day 10, retired on day 15; oppose on day 12; unknown on day 20.
  const std::vector<FactPoint> points = {{Date{10}, 1, Date{15}, 1}, {Date{12}, 2, kMaxDate, -1}, {Date{20}, 3, kMaxDate, kUnknown}};
  const Lanes values = ValuesAt(std::span<const FactPoint>(points), Lanes{9, 11, 14, 25});
  EXPECT_EQ(values[0], kUnknown);
  EXPECT_EQ(values[1], 1);
  EXPECT_EQ(values[2], -1);
  EXPECT_EQ(values[3], kUnknown);
}

TEST(GraphActivity, PersonActiveFromSinceUntilExclusive) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1").Since("2025-01-01").Until("2025-06-01"));
  const Figures figs = t.Figs();
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("k1"), D("2024-12-31")));
  EXPECT_TRUE(figs.ActiveKeyPerson(t.P("k1"), D("2025-01-01")));
  EXPECT_TRUE(figs.ActiveKeyPerson(t.P("k1"), D("2025-05-31")));
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("k1"), D("2025-06-01")));
}

TEST(GraphActivity, KeyPersonNeedsKeyFlagAndAnActiveCustomer) {
  Tenant t;
  t.Add(Customer("c1").Since("2025-01-01").Until("2025-06-01")).Add(Org("rival", "competitor"))
      .Add(Org("partner", "partner"));
  t.Add(KeyPerson("k1", "c1")).Add(NonKeyPerson("n1", "c1"));
  t.Add(KeyPerson("x1", "rival")).Add(KeyPerson("p1", "partner"));
  const Figures figs = t.Figs();
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("k1"), D("2024-12-31")));  // customer not yet active
  EXPECT_TRUE(figs.ActiveKeyPerson(t.P("k1"), D("2025-01-01")));
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("k1"), D("2025-06-01")));  // customer's until is exclusive
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("n1"), D("2025-03-01")));  // key = false
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("x1"), D("2025-03-01")));  // competitor's person
  EXPECT_FALSE(figs.ActiveKeyPerson(t.P("p1"), D("2025-03-01")));  // partner's person
  EXPECT_EQ(figs.KeyPersons(t.O("c1"), D("2025-03-01")).size(), 1u);
  EXPECT_TRUE(figs.KeyPersons(t.O("c1"), D("2025-06-01")).empty());
}

TEST(GraphActivity, EmployeeIsAnActivePersonOfOurs) {
  Tenant t;
  t.Add(Customer("c1")).Add(NonKeyPerson("n1", "c1"));
  t.Add(NonKeyPerson("e1", "us").Since("2025-01-01").Until("2025-03-01"));
  const Figures figs = t.Figs();
  EXPECT_FALSE(figs.Employee(t.P("e1"), D("2024-12-31")));
  EXPECT_TRUE(figs.Employee(t.P("e1"), D("2025-01-01")));
  EXPECT_TRUE(figs.Employee(t.P("e1"), D("2025-02-28")));
  EXPECT_FALSE(figs.Employee(t.P("e1"), D("2025-03-01")));
  EXPECT_FALSE(figs.Employee(t.P("n1"), D("2025-02-01")));  // a customer's person
}

TEST(GraphActivity, InfluenceLinkCountsWhenItAndBothPersonsAreActive) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1").Until("2025-04-01"));
  t.Add(NonKeyPerson("e1", "us"));
  t.Add(Link("l1", "e1", "k1").Since("2025-02-01").Until("2025-03-01")).Add(Link("l2", "e1", "k2"));
  const Figures figs = t.Figs();
  EXPECT_FALSE(figs.LinkCounts(t.L("l1"), D("2025-01-31")));
  EXPECT_TRUE(figs.LinkCounts(t.L("l1"), D("2025-02-01")));
  EXPECT_TRUE(figs.LinkCounts(t.L("l1"), D("2025-02-28")));
  EXPECT_FALSE(figs.LinkCounts(t.L("l1"), D("2025-03-01")));
  EXPECT_TRUE(figs.LinkCounts(t.L("l2"), D("2025-03-31")));
  EXPECT_FALSE(figs.LinkCounts(t.L("l2"), D("2025-04-01")));  // its target left
  EXPECT_TRUE(figs.Acquainted(t.P("k1"), D("2025-02-15")));
  EXPECT_FALSE(figs.Acquainted(t.P("k1"), D("2025-03-01")));
}

TEST(GraphActivity, ChainMemberCountsWhenMembershipAndPersonAreActive) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1").Since("2025-03-01"));
  t.Add(Opp("o1", "c1", "2025-01-01"));
  t.Add(Member("m1", "o1", "k1", "decision_maker").Since("2025-02-01").Until("2025-04-01"));
  t.Add(Member("m2", "o1", "k2", "approver"));
  const Figures figs = t.Figs();
  EXPECT_FALSE(figs.MemberCounts(t.M("m1"), D("2025-01-31")));
  EXPECT_TRUE(figs.MemberCounts(t.M("m1"), D("2025-02-01")));
  EXPECT_TRUE(figs.MemberCounts(t.M("m1"), D("2025-03-31")));
  EXPECT_FALSE(figs.MemberCounts(t.M("m1"), D("2025-04-01")));
  EXPECT_FALSE(figs.MemberCounts(t.M("m2"), D("2025-02-28")));  // its person not yet active
  EXPECT_TRUE(figs.MemberCounts(t.M("m2"), D("2025-03-01")));
}

// Over the whole company, "acquainted" is read from what the graph keeps with each person's hot histories
// (kHotAcquainted); within a scope, from the links themselves. A scope of every organization must agree
// with the company on every person and day, after every write of random links (made, moved to another
// person, ended, from a placeholder) and persons (arriving, leaving, coming back, changing organization),
// and a graph loaded in bulk (kept only at Compact) must agree with one written record by record.
TEST(GraphActivity, AcquaintedKeptWithThePersonAgreesWithTheLinks) {
  const char* const days[] = {"2024-12-31", "2025-01-01", "2025-03-15", "2025-06-01", "2025-09-30", "2026-01-01"};
  const char* const bounds[] = {nullptr, "2025-01-01", "2025-03-15", "2025-06-01", "2025-09-30"};
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 random(seed);
    auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    auto life = [&](Rec rec) {
      const int since = uniform(0, 4), until = uniform(0, 4);
      if (bounds[since]) rec.Since(bounds[since]);
      if (bounds[until] && until > since) rec.Until(bounds[until]);
      return rec;
    };
    const char* const persons[] = {"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7"};
    Tenant t;
    std::vector<Record> written{Org("us", "ours")};
    auto add = [&](const Record& record) {
      t.Add(record);
      written.push_back(record);
    };
    add(Customer("c1"));
    add(Customer("c2"));
    auto check = [&](const Graph& graph, const std::string& when) {
      std::vector<bool> all(graph.orgs.size(), true);
      const Scope every = Scope::Of(all);
      const Figures company(graph, {});
      const Figures within = company.Within(every);
      for (const char* id : persons) {
        const Idx person = graph.ids(Kind::kPerson).Find(id);
        if (person == kNone) continue;
        for (const char* day : days) {
          ASSERT_EQ(company.Acquainted(person, D(day)), within.Acquainted(person, D(day)))
              << id << " on " << day << " " << when;
        }
      }
    };
    for (int write = 0; write < 120; ++write) {
      const char* person = persons[uniform(0, 7)];
      if (uniform(0, 2) == 0) {
        const char* org = uniform(0, 1) ? "c1" : "c2";
        add(life(uniform(0, 1) ? KeyPerson(person, org) : NonKeyPerson(person, "us")));
      } else {
        const std::string id = "l" + std::to_string(uniform(0, 11));  // some links are written again
        add(life(Link(id.c_str(), persons[uniform(0, 7)], person)));
      }
      check(t.graph, "after write " + std::to_string(write));
    }
    Graph bulk;
    bulk.bulk = true;
    // A store holds each record once: its latest version.
    std::map<std::pair<Kind, std::string>, size_t> latest;
    for (size_t i = 0; i < written.size(); ++i) latest[{written[i].kind, written[i].id}] = i;
    std::vector<size_t> order;
    for (const auto& [key, index] : latest) order.push_back(index);
    std::sort(order.begin(), order.end());
    for (size_t index : order) bulk.Apply(written[index]);
    bulk.Compact();
    check(bulk, "after a bulk load");
  }
}

TEST(GraphPlaceholders, RatingAppliedBeforeItsPersonCounts) {
  Tenant t;
  t.Rate("k1", "closeness", "support", "2025-01-01");  // the person does not exist yet
  t.Add(Link("l1", "e1", "k1"));                        // nor does either end of this link
  t.Add(Member("m1", "o1", "k1", "coach"));             // nor the opportunity
  EXPECT_FALSE(t.Figs().ActiveKeyPerson(t.P("k1"), D("2025-02-01")));
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(NonKeyPerson("e1", "us")).Add(Opp("o1", "c1", "2025-01-01"));
  const Figures figs = t.Figs();
  EXPECT_TRUE(figs.ActiveKeyPerson(t.P("k1"), D("2025-02-01")));
  EXPECT_EQ(figs.Rating(t.P("k1"), kClose, kOurs, kNone, D("2025-02-01")), 1);
  EXPECT_TRUE(figs.AcquaintedByEmployee(t.P("k1"), D("2025-02-01")));
  const Degrees degrees = figs.CustomerDegrees(t.O("c1"), kOurs, D("2025-02-01"));
  EXPECT_EQ(degrees[kC].known(), 1);
  EXPECT_EQ(figs.Chain(t.Opportunity("o1"), kOurs, D("2025-02-01")).members.size(), 1u);
}

TEST(GraphFacts, ReapplyingAFactOnlyChangesItsUntil) {
  Tenant t = OnePerson();
  t.Add(Rating("r1", "k1", "closeness", "support", "2025-01-01"));
  t.Add(Rating("r1", "k1", "closeness", "strong_oppose", "2025-01-01"));  // facts are never edited
  EXPECT_EQ(Closeness(t, "2025-02-01"), 1);
  t.Add(Rating("r1", "k1", "closeness", "support", "2025-01-01").Until("2025-02-01"));  // retire it
  EXPECT_EQ(Closeness(t, "2025-01-31"), 1);
  EXPECT_EQ(Closeness(t, "2025-02-01"), kUnknown);
}

}  // namespace
}  // namespace brm::engine
