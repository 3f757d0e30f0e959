// Explanations (issue 13 item 2): the persons and facts listed reproduce the figure exactly, and an
// attribution's parts add up to the delta — on hand-made cases (values computed by hand from SPEC.md §4–5)
// and on random tenants against the figures themselves.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "engine/explain.hpp"
#include "engine/figures.hpp"
#include "engine/influence_centres.hpp"
#include "engine/lines.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

void ExpectSameStats(const Stats& got, const Stats& want, const std::string& what) {
  EXPECT_EQ(got.n, want.n) << what;
  EXPECT_EQ(got.counts, want.counts) << what;
}

double Sum(const Attribution& a) {
  double sum = 0;
  for (const auto& part : a.parts) sum += part.contribution.value_or(0);
  return sum;
}

// c1: k1 (d1) support since Jan, moved to strong_support in May; k2 (d1) oppose throughout; k3 (d2)
// becomes key person of record on 2025-05-10 (since) with neutral; k4 leaves on 2025-05-20 (until) having
// been strong_oppose. As of 2025-06-15, one month earlier is 2025-05-15.
Tenant Hand() {
  Tenant t;
  t.Add(Customer("c1")).Add(Dept("d1", "c1")).Add(Dept("d2", "c1"));
  t.Add(KeyPerson("k1", "c1", "d1")).Add(KeyPerson("k2", "c1", "d1"));
  t.Add(KeyPerson("k3", "c1", "d2").Since("2025-05-10")).Add(KeyPerson("k4", "c1", "d2").Until("2025-05-20"));
  t.Rate("k1", "closeness", "support", "2025-01-01");            // r1
  t.Rate("k2", "closeness", "oppose", "2025-01-01");             // r2
  t.Rate("k4", "closeness", "strong_oppose", "2025-01-01");      // r3
  t.Rate("k1", "closeness", "strong_support", "2025-05-30");     // r4
  t.Rate("k3", "closeness", "neutral", "2025-05-10");            // r5
  return t;
}

TEST(Explain, ACustomersPersonsAndFactsReproduceItsFigure) {
  const Tenant t = Hand();
  const Figures figures = t.Figs();
  const Scope company = Scope::Company();
  const Explainer explainer(figures, company);
  const Explanation e = explainer.Explain({FigureKind::kCustomer, t.O("c1")}, Dimension::kCloseness, kOurs, D("2025-06-15"));
  // On 2025-06-15: k1 +2 (r4), k2 −1 (r2), k3 0 (r5); k4 has left. Mean (2 − 1 + 0) / 3 = 1/3.
  ASSERT_EQ(e.persons.size(), 3u);
  EXPECT_EQ(t.graph.Id(Kind::kPerson, e.persons[0].person), "k1");
  EXPECT_EQ(e.persons[0].value, 2);
  EXPECT_EQ(t.graph.Id(Kind::kRating, e.persons[0].fact), "r4");
  EXPECT_EQ(e.persons[0].fact_date, D("2025-05-30"));
  EXPECT_EQ(t.graph.Id(Kind::kRating, e.persons[1].fact), "r2");
  EXPECT_EQ(t.graph.Id(Kind::kRating, e.persons[2].fact), "r5");
  EXPECT_DOUBLE_EQ(*e.stats.mean(), 1.0 / 3);
  const CustomerMetrics m = figures.Customer(t.O("c1"), kOurs, D("2025-06-15"));
  ExpectSameStats(e.stats, m.degrees[kC], "customer");
  // Its department d1: k1 and k2, mean 1/2; d2: k3 alone, 0.
  const Explanation d1 = explainer.Explain({FigureKind::kDepartment, t.Dep("d1")}, Dimension::kCloseness, kOurs, D("2025-06-15"));
  EXPECT_EQ(d1.persons.size(), 2u);
  EXPECT_DOUBLE_EQ(*d1.stats.mean(), 0.5);
  for (const auto& row : m.departments) {
    const Explanation d = explainer.Explain({FigureKind::kDepartment, row.department}, Dimension::kCloseness, kOurs, D("2025-06-15"));
    ExpectSameStats(d.stats, row.degrees[kC], "department");
  }
  // A person without any fact of a dimension is listed with no fact.
  const Explanation solution = explainer.Explain({FigureKind::kCustomer, t.O("c1")}, Dimension::kSolution, kOurs, D("2025-06-15"));
  EXPECT_EQ(solution.stats.unknown(), 3);
  EXPECT_EQ(solution.persons[0].fact, kNone);
}

TEST(Explain, AMonthOverMonthChangeIsAttributedToWhoChangedEnteredAndLeft) {
  const Tenant t = Hand();
  const Figures figures = t.Figs();
  const Scope company = Scope::Company();
  const Explainer explainer(figures, company);
  const Attribution a = explainer.Attribute({FigureKind::kCustomer, t.O("c1")}, Dimension::kCloseness, kOurs,
                                            D("2025-06-15"), D("2025-05-15"));
  // 2025-05-15: k1 +1, k2 −1, k3 0 (since 05-10, rated 05-10), k4 −2 → mean −2/4 = −0.5.
  // 2025-06-15: mean 1/3. Delta 1/3 + 1/2 = 5/6.
  EXPECT_DOUBLE_EQ(*a.before.mean(), -0.5);
  ASSERT_TRUE(a.delta.has_value());
  EXPECT_NEAR(*a.delta, 5.0 / 6, 1e-12);
  // k1 changed +1 → +2: (2 − 1) / 3; k4 left at −2: −(−2 − (−0.5)) / 3 = 1.5 / 3; k2 and k3 unchanged.
  ASSERT_EQ(a.parts.size(), 2u);
  EXPECT_EQ(t.graph.Id(Kind::kPerson, a.parts[0].person), "k1");
  EXPECT_EQ(a.parts[0].before, std::optional<int8_t>(1));
  EXPECT_EQ(a.parts[0].now, std::optional<int8_t>(2));
  EXPECT_NEAR(*a.parts[0].contribution, 1.0 / 3, 1e-12);
  EXPECT_EQ(t.graph.Id(Kind::kPerson, a.parts[1].person), "k4");
  EXPECT_EQ(a.parts[1].before, std::optional<int8_t>(-2));
  EXPECT_FALSE(a.parts[1].now.has_value()) << "k4 left the set";
  EXPECT_NEAR(*a.parts[1].contribution, 0.5, 1e-12);
  EXPECT_NEAR(Sum(a), *a.delta, 1e-12);

  // Over a year: on 2024-06-15 nobody was rated → no mean, no delta, no contributions. k1 and k2 became
  // known, k3 entered the set, k4 (unknown then) left it.
  const Attribution year = explainer.Attribute({FigureKind::kCustomer, t.O("c1")}, Dimension::kCloseness, kOurs,
                                               D("2025-06-15"), D("2024-06-15"));
  EXPECT_FALSE(year.delta.has_value());
  ASSERT_EQ(year.parts.size(), 4u);
  EXPECT_EQ(year.parts[2].before, std::nullopt) << "k3 was not in the set";
  EXPECT_EQ(year.parts[3].before, std::optional<int8_t>(kUnknown));
  EXPECT_EQ(year.parts[3].now, std::nullopt) << "k4 left it";
  for (const auto& part : year.parts) EXPECT_FALSE(part.contribution.has_value());
}

TEST(Explain, AChainListsProjectFactsAndInheritedOnes) {
  Tenant t;
  t.Add(Customer("c1")).Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1"));
  t.Add(Opp("o1", "c1", "2025-01-01")).Add(Member("m1", "o1", "k1", "decision_maker")).Add(Member("m2", "o1", "k2", "user"));
  t.Rate("k1", "closeness", "support", "2025-01-01");                          // r1, customer level
  t.Rate("k1", "closeness", "oppose", "2025-02-01", "ours", "o1");             // r2, project level
  t.Rate("k2", "closeness", "strong_support", "2025-01-01");                   // r3, inherited
  const Figures figures = t.Figs();
  const Scope company = Scope::Company();
  const Explainer explainer(figures, company);
  const Explanation e = explainer.Explain({FigureKind::kChain, t.Opportunity("o1")}, Dimension::kCloseness, kOurs, D("2025-03-01"));
  ASSERT_EQ(e.persons.size(), 2u);
  EXPECT_EQ(e.persons[0].value, -1);
  EXPECT_TRUE(e.persons[0].project);
  EXPECT_FALSE(e.persons[0].inherited);
  EXPECT_EQ(t.graph.Id(Kind::kRating, e.persons[0].fact), "r2");
  EXPECT_EQ(e.persons[1].value, 2);
  EXPECT_TRUE(e.persons[1].inherited);
  EXPECT_EQ(t.graph.Id(Kind::kRating, e.persons[1].fact), "r3");
  EXPECT_EQ(t.graph.Id(Kind::kChainMember, e.persons[1].member), "m2");
  ExpectSameStats(e.stats, figures.Chain(t.Opportunity("o1"), kOurs, D("2025-03-01")).degrees[kC], "chain");
  EXPECT_DOUBLE_EQ(*e.stats.mean(), 0.5);
}

TEST(Explain, TheStrategySaysWhichRuleHeldAndWhomToProfile) {
  Tenant t;
  t.Add(Customer("c1"));
  t.Profiled("ka", "c1", "support", "support", "neutral", "2025-01-01");  // all seven features known
  t.Add(KeyPerson("kb", "c1")).Rate3("kb", "support", "neutral", "oppose", "2025-01-01");  // no votes, link, orientation
  t.Add(KeyPerson("kc", "c1")).Rate("kc", "closeness", "oppose", "2025-01-01");
  const Figures figures = t.Figs();
  const Scope company = Scope::Company();
  const Explainer explainer(figures, company);
  const StrategyReason r = explainer.StrategyOf(t.O("c1"), D("2025-06-30"));
  // |K| = 3, |F| = 1 < 0.8 × 3 = 2.4: the graph is not complete → grow; 3 fully profiled would be needed.
  EXPECT_EQ(r.rule, StrategyReason::Rule::kIncomplete);
  EXPECT_EQ(RuleName(r.rule), "incomplete");
  EXPECT_EQ(r.strategy, Strategy::kGrow);
  EXPECT_EQ(r.strategy, figures.Customer(t.O("c1"), kOurs, D("2025-06-30")).strategy);
  EXPECT_EQ(r.key_persons, 3);
  EXPECT_EQ(r.fully_profiled, 1);
  EXPECT_EQ(r.profiled_needed, 3);
  ASSERT_EQ(r.to_profile.size(), 2u);
  EXPECT_EQ(t.graph.Id(Kind::kPerson, r.to_profile[0].person), "kb");
  EXPECT_EQ(r.to_profile[0].missing, (std::vector<std::string_view>{"veto", "approve", "acquaintance", "orientation"}));
  EXPECT_EQ(r.to_profile[1].missing,
            (std::vector<std::string_view>{"solution", "price", "veto", "approve", "acquaintance", "orientation"}));
  // 21 key persons of whom 5 fully profiled: 17 are needed (0.8 × 21 = 16.8).
  Tenant big;
  big.Add(Customer("c2"));
  for (int i = 0; i < 21; ++i) {
    const std::string id = "p" + std::to_string(i);
    if (i < 5) {
      big.Profiled(id.c_str(), "c2", "support", "support", "support", "2025-01-01");
    } else {
      big.Add(KeyPerson(id.c_str(), "c2"));
    }
  }
  const Figures big_figures = big.Figs();
  const StrategyReason b = Explainer(big_figures, company).StrategyOf(big.O("c2"), D("2025-06-30"));
  EXPECT_EQ(b.profiled_needed, 17);
  EXPECT_EQ(b.to_profile.size(), 16u);
}

// Random tenants: every customer's (and its centres'), department's, chain's, employee's and the company's
// explanation gives the figure's Stats, and every attribution adds up to its delta.
TEST(Explain, RandomTenantsReproduceEveryFigureAndEveryDelta) {
  static const char* kValues[] = {"strong_support", "support", "neutral", "oppose", "strong_oppose", "unknown"};
  static const char* kDimensions[] = {"closeness", "solution", "price"};
  for (unsigned seed = 1; seed <= 20; ++seed) {
    std::mt19937 rng(seed);
    Tenant t;
    t.Add(NonKeyPerson("e1", "us")).Add(NonKeyPerson("e2", "us")).Add(Org("comp", "competitor"));
    std::vector<std::string> people;
    for (int c = 0; c < 4; ++c) {
      const std::string customer = "c" + std::to_string(c);
      t.Add(Customer(customer.c_str()));
      t.Add(Dept((customer + "-d").c_str(), customer.c_str()));
      const std::string opp = customer + "-o";
      t.Add(Opp(opp.c_str(), customer.c_str(), "2024-01-01"));
      for (int p = 0; p < 14; ++p) {  // more than the ten centres pooled
        const std::string person = customer + "-p" + std::to_string(p);
        Rec rec = KeyPerson(person.c_str(), customer.c_str(), rng() % 2 ? (customer + "-d").c_str() : nullptr);
        if (rng() % 4 == 0) rec.Since(rng() % 2 ? "2025-03-10" : "2024-09-01");
        if (rng() % 5 == 0) rec.Until(rng() % 2 ? "2025-05-01" : "2025-06-20");
        t.Add(rec);
        people.push_back(person);
        if (rng() % 2) t.Add(Member((person + "-m").c_str(), opp.c_str(), person.c_str(), "user"));
        if (rng() % 3 == 0) t.Add(Link((person + "-l").c_str(), rng() % 2 ? "e1" : "e2", person.c_str()));
        // Influence inside the customer, which ranks its centres.
        if (p > 0 && rng() % 2) {
          const std::string from = customer + "-p" + std::to_string(rng() % p);
          t.Add(Link((person + "-i").c_str(), from.c_str(), person.c_str()));
        }
      }
    }
    for (int i = 0; i < 120; ++i) {
      const std::string& person = people[rng() % people.size()];
      const std::string date = "2024-" + std::to_string(10 + rng() % 3) + "-0" + std::to_string(1 + rng() % 9);
      const std::string date2 = "2025-0" + std::to_string(1 + rng() % 6) + "-1" + std::to_string(rng() % 9);
      const std::string opp = person.substr(0, 2) + "-o";
      t.Rate(person.c_str(), kDimensions[rng() % 3], kValues[rng() % 6], (rng() % 2 ? date : date2).c_str(),
             rng() % 4 == 0 ? "comp" : "ours", rng() % 3 == 0 ? opp.c_str() : nullptr);
    }
    const Figures figures = t.Figs();
    const Scope company = Scope::Company();
    const Explainer explainer(figures, company);
    const Date day = D("2025-06-30");
    const Date month = AddMonths(day, -1), year = AddMonths(day, -12);
    for (const Idx toward : {kOurs, t.O("comp")}) {
      std::vector<std::pair<FigureSubject, Degrees>> figures_now;
      for (int c = 0; c < 4; ++c) {
        const std::string customer = "c" + std::to_string(c);
        const CustomerMetrics m = figures.Customer(t.O(customer.c_str()), toward, day);
        if (toward == kOurs) {
          const StrategyReason reason = explainer.StrategyOf(t.O(customer.c_str()), day);
          EXPECT_EQ(reason.strategy, m.strategy) << "seed " << seed << " " << customer;
          EXPECT_EQ(reason.key_persons - reason.fully_profiled, static_cast<int>(reason.to_profile.size()));
        }
        figures_now.push_back({{FigureKind::kCustomer, t.O(customer.c_str())}, m.degrees});
        figures_now.push_back({{FigureKind::kCentres, t.O(customer.c_str())},
                               InfluenceCentres(figures).PooledDegrees(t.O(customer.c_str()), toward, day)});
        for (const auto& row : m.departments) figures_now.push_back({{FigureKind::kDepartment, row.department}, row.degrees});
        const Idx opp = t.Opportunity((customer + "-o").c_str());
        figures_now.push_back({{FigureKind::kChain, opp}, figures.Chain(opp, toward, day).degrees});
      }
      for (const char* employee : {"e1", "e2"}) {
        figures_now.push_back({{FigureKind::kEmployee, t.P(employee)},
                               figures.EmployeeInfluence(t.P(employee), toward, day, company).degrees});
      }
      figures_now.push_back({{FigureKind::kCompany, kNone}, Lines(figures).Customers(company, toward, day).pooled[kNow]});
      for (const auto& [subject, degrees] : figures_now) {
        for (Dimension d : kAllDimensions) {
          const std::string what = "seed " + std::to_string(seed) + " kind " + std::to_string(static_cast<int>(subject.kind)) +
                                   " dimension " + std::to_string(static_cast<int>(d));
          const Explanation e = explainer.Explain(subject, d, toward, day);
          ExpectSameStats(e.stats, degrees[static_cast<int>(d)], what);
          for (const ExplainedValue& row : e.persons) {
            if (row.fact == kNone) {
              EXPECT_EQ(row.value, kUnknown) << what;
            } else {
              EXPECT_LE(row.fact_date, day) << what;
            }
          }
          for (const Date earlier : {month, year}) {
            const Attribution a = explainer.Attribute(subject, d, toward, day, earlier);
            ExpectSameStats(a.before, explainer.Explain(subject, d, toward, earlier).stats, what);
            if (a.delta) {
              EXPECT_NEAR(Sum(a), *a.delta, 1e-12) << what;
            } else {
              for (const auto& part : a.parts) EXPECT_FALSE(part.contribution.has_value()) << what;
            }
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace brm::engine
