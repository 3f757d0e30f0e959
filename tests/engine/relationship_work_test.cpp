// Relationship work, steps 1 and 2 (SPEC.md §9.1–9.2): influence centres and introduction paths, and
// their JSON.
#include <gtest/gtest.h>

#include "engine/influence_centres.hpp"
#include "engine/introduction_paths.hpp"
#include "json/serialize.hpp"
#include "json/work_json.hpp"
#include "engine/relationship_work_world.hpp"

namespace brm::engine {
namespace {

using work_test::World;

const Date kDay = *ParseDate("2025-06-30");

std::vector<std::string> PersonIds(const World& world, const std::vector<InfluenceCentre>& centres) {
  std::vector<std::string> ids;
  for (const auto& centre : centres) ids.push_back(world.graph.Id(Kind::kPerson, centre.person));
  return ids;
}

// A manager with two reports; the reporting lines are the only edges.
World ManagerAndReports() {
  World w;
  w.Org("us", "ours").Org("c1", "customer");
  w.Person("boss", "c1").Person("a", "c1").Person("b", "c1", /*key=*/false);
  w.Reports("r1", "a", "boss").Reports("r2", "b", "boss");
  return w;
}

TEST(InfluenceCentres, RankFlowsAlongTheEdgesFromManagerToReports) {
  World w = ManagerAndReports();
  const Figures figures(w.graph, {});
  const auto centres = InfluenceCentres(figures).Rank(w.O("c1"), kDay);
  // Edges boss → a, boss → b; a and b have no outgoing edge and spread their rank over all three:
  // r_boss = 0.05 + 0.85·(r_a + r_b)/3, r_a = r_boss + 0.85·r_boss/2, r_boss + 2·r_a = 1
  // give r_a = r_b = 57/154 and r_boss = 40/154.
  ASSERT_EQ(PersonIds(w, centres), (std::vector<std::string>{"a", "b", "boss"}));  // a and b tie: by id
  EXPECT_NEAR(centres[0].rank, 57.0 / 154, 1e-9);
  EXPECT_NEAR(centres[2].rank, 40.0 / 154, 1e-9);
  EXPECT_EQ(centres[0].rank, centres[1].rank);
  EXPECT_TRUE(centres[0].key);
  EXPECT_FALSE(centres[1].key);  // listed, but not flagged: b is not a key person
}

TEST(InfluenceCentres, ChainOfInfluenceCountsOnlyInternalLinksActiveOnTheDay) {
  World w;
  w.Org("us", "ours").Org("c1", "customer").Org("k", "competitor");
  w.Person("x", "c1").Person("y", "c1").Person("z", "c1").Person("gone", "c1", true, {}, "2025-01-01");
  w.Person("k1", "k").Person("e1", "us");
  w.Influence("l1", "x", "y", "strong").Influence("l2", "y", "z", "weak");
  // Not counted: a parallel reporting line (one edge x → y), a competitor's and an employee's links, a
  // retired link, and a person no longer active.
  w.Reports("r1", "y", "x");
  w.Influence("l3", "k1", "z", "strong").Influence("l4", "e1", "x", "strong");
  w.Influence("l5", "z", "x", "strong", {}, "2025-06-01").Influence("l6", "gone", "x", "strong");
  const Figures figures(w.graph, {});
  const auto centres = InfluenceCentres(figures).Rank(w.O("c1"), kDay);
  // x → y → z: x passes all its rank to y, y to z, and z (influencing nobody) spreads its rank evenly.
  // With b = 0.05 + 0.85·r_z/3: r_x = b, r_y = b + 0.85·r_x = 1.85·b, r_z = b + 0.85·r_y = 2.5725·b, and the
  // ranks sum to 1, so b = 1/5.4225: r_z = 1029/2169, r_y = 740/2169, r_x = 400/2169.
  ASSERT_EQ(PersonIds(w, centres), (std::vector<std::string>{"z", "y", "x"}));
  EXPECT_NEAR(centres[0].rank, 1029.0 / 2169, 1e-9);
  EXPECT_NEAR(centres[1].rank, 740.0 / 2169, 1e-9);
  EXPECT_NEAR(centres[2].rank, 400.0 / 2169, 1e-9);
}

TEST(InfluenceCentres, PersonsWithoutLinksShareTheRankEvenly) {
  World w;
  w.Org("c1", "customer").Person("p2", "c1").Person("p1", "c1");
  const Figures figures(w.graph, {});
  const auto centres = InfluenceCentres(figures).Rank(w.O("c1"), kDay);
  ASSERT_EQ(PersonIds(w, centres), (std::vector<std::string>{"p1", "p2"}));
  EXPECT_DOUBLE_EQ(centres[0].rank, 0.5);
  EXPECT_DOUBLE_EQ(centres[1].rank, 0.5);
}

TEST(InfluenceCentres, NoneForACustomerNotActiveOrNotACustomer) {
  World w;
  w.Org("us", "ours").Org("old", "customer", false, {}, "2025-01-01");
  w.Person("e1", "us").Person("p1", "old");
  const Figures figures(w.graph, {});
  EXPECT_TRUE(InfluenceCentres(figures).Rank(w.O("old"), kDay).empty());
  EXPECT_TRUE(InfluenceCentres(figures).Rank(w.O("us"), kDay).empty());
}

// The centres as a figure of the customer (issue 13 item 4): "boss", not a key person, is influenced by
// twelve key persons k01 … k12 and ranks highest; the twelve tie, so the ten pooled are k01 … k10 (by id).
// k01 strong_support and k02 oppose are pooled (closeness mean (2 − 1) / 2 = 0.5); k11's strong_oppose is
// not (the customer's own mean, over all twelve, is (2 − 1 − 2) / 3 = −1/3).
TEST(InfluenceCentres, TheTenHighestRankedKeyPersonsArePooled) {
  World w;
  w.Org("us", "ours").Org("c1", "customer").Person("boss", "c1", /*key=*/false);
  for (int i = 1; i <= 12; ++i) {
    const std::string id = (i < 10 ? "k0" : "k") + std::to_string(i);
    w.Person(id, "c1").Influence("l" + id, id, "boss", "strong");
  }
  w.Rate("k01", "closeness", "strong_support", "2025-01-01").Rate("k02", "closeness", "oppose", "2025-01-01");
  w.Rate("k11", "closeness", "strong_oppose", "2025-01-01");
  const Figures figures(w.graph, {});
  const InfluenceCentres centres(figures);
  EXPECT_EQ(PersonIds(w, centres.Rank(w.O("c1"), kDay)).front(), "boss");
  EXPECT_EQ(work_test::Ids(w, Kind::kPerson, centres.PooledCentres(w.O("c1"), kDay)),
            (std::vector<std::string>{"k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10"}));
  const Degrees pooled = centres.PooledDegrees(w.O("c1"), kOurs, kDay);
  EXPECT_EQ(pooled[0].n, 10);
  EXPECT_EQ(pooled[0].known(), 2);
  EXPECT_EQ(pooled[0].mean(), 0.5);
  EXPECT_EQ(pooled[1].known(), 0);
  EXPECT_NEAR(*figures.Customer(w.O("c1"), kOurs, kDay).degrees[0].mean(), -1.0 / 3, 1e-12);
  // Before the ratings there is nothing known; with no person active, no centre.
  EXPECT_EQ(centres.PooledDegrees(w.O("c1"), kOurs, *ParseDate("2024-12-31"))[0].known(), 0);
  EXPECT_TRUE(centres.PooledCentres(w.O("us"), kDay).empty());
}

// Employees e1, e2 (and e3, who has left) of ours; the target t of customer c1 with a and b around them:
//   e1 → t weak; e1 → b medium; b is t's manager (strong); e2 → a strong (and weak); a → t medium;
//   a → b weak; b → a weak; t → a medium (never a step: paths do not pass the target).
World PathsWorld() {
  World w;
  w.Org("us", "ours").Org("c1", "customer").Org("k", "competitor");
  w.Person("e1", "us").Person("e2", "us").Person("e3", "us", true, {}, "2025-01-01");
  w.Person("t", "c1").Person("a", "c1", /*key=*/false).Person("b", "c1").Person("k1", "k");
  w.Influence("l1", "e1", "t", "weak").Influence("l2", "e1", "b", "medium");
  w.Reports("r1", "t", "b");
  w.Influence("l3", "e2", "a", "strong").Influence("l4", "e2", "a", "weak").Influence("l5", "a", "t", "medium");
  w.Influence("l6", "a", "b", "weak").Influence("l7", "b", "a", "weak").Influence("l8", "t", "a", "medium");
  // Not paths: a competitor's person in between, a retired link, a former employee.
  w.Influence("l9", "e1", "k1", "strong").Influence("l10", "k1", "t", "strong");
  w.Influence("l11", "e2", "t", "strong", {}, "2025-06-01").Influence("l12", "e3", "t", "strong");
  return w;
}

struct ExpectedPath {
  std::string employee;
  std::vector<std::string> via;
  double strength;
};

TEST(IntroductionPaths, RanksEveryPathByTheProductOfItsStrengths) {
  World w = PathsWorld();
  const Figures figures(w.graph, {});
  const auto paths = IntroductionPaths(figures).To(w.P("t"), kDay);
  const std::vector<ExpectedPath> expected = {
      {"e1", {"b"}, 0.54},        // 0.6 × 0.9 (reporting line b → t counts as strong)
      {"e2", {"a"}, 0.54},        // 0.9 (the stronger of e2's two links to a) × 0.6; ties with e1's: by employee
      {"e1", {}, 0.3},            // direct, weak
      {"e2", {"a", "b"}, 0.243},  // 0.9 × 0.3 × 0.9
      {"e1", {"b", "a"}, 0.108},  // 0.6 × 0.3 × 0.6
  };
  ASSERT_EQ(paths.size(), expected.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(w.graph.Id(Kind::kPerson, paths[i].employee), expected[i].employee);
    std::vector<std::string> via;
    for (Idx person : paths[i].via) via.push_back(w.graph.Id(Kind::kPerson, person));
    EXPECT_EQ(via, expected[i].via);
    EXPECT_EQ(paths[i].strength, expected[i].strength);  // exact: computed as tenths / 10^links
    EXPECT_EQ(paths[i].links(), static_cast<int>(expected[i].via.size()) + 1);
  }
}

TEST(IntroductionPaths, AtMostThreeLinks) {
  World w;
  w.Org("us", "ours").Org("c1", "customer");
  w.Person("e1", "us").Person("t", "c1").Person("a", "c1").Person("b", "c1").Person("c", "c1");
  w.Influence("l1", "e1", "c", "strong").Influence("l2", "c", "b", "strong");
  w.Influence("l3", "b", "a", "strong").Influence("l4", "a", "t", "strong");
  const Figures figures(w.graph, {});
  EXPECT_TRUE(IntroductionPaths(figures).To(w.P("t"), kDay).empty());  // e1 → c → b → a → t is four links
  const auto paths = IntroductionPaths(figures).To(w.P("a"), kDay);    // e1 → c → b → a is three
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0].strength, 0.729);
}

TEST(IntroductionPaths, NoneToAPersonWhoIsNotAnActiveKeyPerson) {
  World w = PathsWorld();
  const Figures figures(w.graph, {});
  EXPECT_TRUE(IntroductionPaths(figures).To(w.P("a"), kDay).empty());  // not key
  EXPECT_TRUE(IntroductionPaths(figures).To(w.P("e1"), kDay).empty());  // ours
}

TEST(WorkJson, CentresAndPathsUseIdsAndTheSpecFieldNames) {
  World w = ManagerAndReports();
  const Figures figures(w.graph, {});
  const auto centres = json::InfluenceCentresJson(w.graph, InfluenceCentres(figures).Rank(w.O("c1"), kDay));
  ASSERT_TRUE(centres.is_array());
  ASSERT_EQ(centres.as_array().size(), 3u);
  const auto& first = centres.as_array()[0].as_object();
  EXPECT_EQ(first.at("person"), "a");
  EXPECT_NEAR(first.at("rank").as_double(), 57.0 / 154, 1e-9);
  EXPECT_EQ(first.at("key"), true);
  EXPECT_EQ(first.size(), 3u);

  World p = PathsWorld();
  const Figures path_figures(p.graph, {});
  const auto paths = json::IntroductionPathsJson(p.graph, IntroductionPaths(path_figures).To(p.P("t"), kDay));
  ASSERT_EQ(paths.as_array().size(), 5u);
  EXPECT_EQ(json::Serialize(paths.as_array()[0]), R"({"employee":"e1","via":["b"],"strength":0.54})");
  EXPECT_EQ(json::Serialize(paths.as_array()[2]), R"({"employee":"e1","via":[],"strength":0.3})");
}

}  // namespace
}  // namespace brm::engine
