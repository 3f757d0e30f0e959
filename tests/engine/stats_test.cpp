// SPEC.md §5 (the quantification of one degree over a set) and §11 (Stats: null mean/percent/tier when
// known = 0; percent rounds half away from zero).
#include "engine/stats.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <vector>

namespace brm::engine {
namespace {

constexpr int8_t U = kUnknown;

Stats Of(const std::vector<int8_t>& values) {
  Stats stats;
  for (int8_t v : values) stats.Add(v);
  return stats;
}

// `count` copies of `value` followed by `rest`.
Stats Repeat(int8_t value, int count, std::initializer_list<int8_t> rest = {}) {
  Stats stats;
  for (int i = 0; i < count; ++i) stats.Add(value);
  for (int8_t v : rest) stats.Add(v);
  return stats;
}

TEST(Stats, CountsEachAttitudeKnownAndUnknown) {
  const Stats s = Of({2, 1, 1, 0, -1, -2, U, U});
  EXPECT_EQ(s.n, 8);
  EXPECT_EQ(s.known(), 6);
  EXPECT_EQ(s.unknown(), 2);
  EXPECT_EQ(s.counts, (std::array<int, 5>{1, 2, 1, 1, 1}));
  EXPECT_EQ(s.supporters(), 3);  // strong_support 1 + support 2
  EXPECT_EQ(s.opposers(), 2);    // oppose 1 + strong_oppose 1
  EXPECT_EQ(s.neutral(), 1);
  // (2+1+1+0−1−2)/6 = 1/6; ×100 = 16.666… → 16.7
  EXPECT_DOUBLE_EQ(*s.mean(), 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(*s.percent(), 16.7);
  EXPECT_EQ(s.tier(), Tier::kGood);  // 0 < 1/6 < 1
}

TEST(Stats, MeanAndPercentOfTwoThirds) {
  const Stats up = Of({1, 1, 0});
  EXPECT_DOUBLE_EQ(*up.mean(), 2.0 / 3.0);  // (1+1+0)/3
  EXPECT_DOUBLE_EQ(*up.percent(), 66.7);    // 66.666… → 66.7
  const Stats down = Of({-1, -1, 0});
  EXPECT_DOUBLE_EQ(*down.mean(), -2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*down.percent(), -66.7);  // −66.666… → −66.7
  EXPECT_EQ(down.tier(), Tier::kFair);       // −1 < −2/3 ≤ 0
}

struct PercentCase {
  const char* name;
  int8_t value;
  int count_value;
  int zeros;
  double percent;
};

TEST(Stats, PercentRoundsHalfAwayFromZero) {
  const PercentCase cases[] = {
      {"sum 1 over 8 = 12.5 exactly", 1, 1, 7, 12.5},
      {"sum 1 over 16 = 6.25 → 6.3", 1, 1, 15, 6.3},
      {"sum −1 over 16 = −6.25 → −6.3", -1, 1, 15, -6.3},
      {"sum 3 over 16 = 18.75 → 18.8", 1, 3, 13, 18.8},
      {"sum −3 over 16 = −18.75 → −18.8", -1, 3, 13, -18.8},
      {"sum 1 over 2000 = 0.05 → 0.1", 1, 1, 1999, 0.1},
      {"sum −1 over 2000 = −0.05 → −0.1", -1, 1, 1999, -0.1},
      {"sum 1 over 3 = 33.33… → 33.3", 1, 1, 2, 33.3},
      {"sum 2 over 1 = 200", 2, 1, 0, 200.0},
      {"sum −2 over 1 = −200", -2, 1, 0, -200.0},
      {"sum 0 over 4 = 0", 0, 4, 0, 0.0},
  };
  for (const PercentCase& c : cases) {
    Stats s = Repeat(c.value, c.count_value);
    for (int i = 0; i < c.zeros; ++i) s.Add(0);
    ASSERT_TRUE(s.percent().has_value()) << c.name;
    EXPECT_DOUBLE_EQ(*s.percent(), c.percent) << c.name;
  }
}

TEST(Stats, UnknownValuesDoNotDiluteTheMean) {
  const Stats s = Of({2, U, U, U});
  EXPECT_DOUBLE_EQ(*s.mean(), 2.0);  // 2 / known 1, not 2 / n 4
  EXPECT_DOUBLE_EQ(*s.percent(), 200.0);
  EXPECT_EQ(s.tier(), Tier::kExcellent);
}

struct TierCase {
  const char* name;
  std::vector<int8_t> values;
  Tier tier;
};

TEST(Stats, TiersAtTheirBoundaries) {
  const TierCase cases[] = {
      {"mean 2", {2}, Tier::kExcellent},
      {"mean exactly 1 (2,0)", {2, 0}, Tier::kExcellent},
      {"mean exactly 1 (1)", {1}, Tier::kExcellent},
      {"mean 2/3 just under 1", {2, 0, 0}, Tier::kGood},
      {"mean 1/3 just over 0", {1, 0, 0}, Tier::kGood},
      {"mean exactly 0 (1,−1)", {1, -1}, Tier::kFair},
      {"mean exactly 0 (0)", {0}, Tier::kFair},
      {"mean −2/3 just over −1", {-1, -1, 0}, Tier::kFair},
      {"mean exactly −1 (−2,0)", {-2, 0}, Tier::kPoor},
      {"mean exactly −1 (−1)", {-1}, Tier::kPoor},
      {"mean −1.5", {-2, -1}, Tier::kPoor},
  };
  for (const TierCase& c : cases) {
    const Stats s = Of(c.values);
    ASSERT_TRUE(s.tier().has_value()) << c.name;
    EXPECT_EQ(*s.tier(), c.tier) << c.name;
  }
}

TEST(Stats, NullMeanPercentTierWhenNothingIsKnown) {
  const Stats all_unknown = Of({U, U, U});
  EXPECT_EQ(all_unknown.n, 3);
  EXPECT_EQ(all_unknown.known(), 0);
  EXPECT_EQ(all_unknown.unknown(), 3);
  EXPECT_FALSE(all_unknown.mean().has_value());
  EXPECT_FALSE(all_unknown.percent().has_value());
  EXPECT_FALSE(all_unknown.tier().has_value());

  const Stats empty;
  EXPECT_EQ(empty.n, 0);
  EXPECT_FALSE(empty.mean().has_value());
  EXPECT_FALSE(empty.percent().has_value());
  EXPECT_FALSE(empty.tier().has_value());
}

TEST(Stats, MergePoolsPersonsNotMeans) {
  Stats pooled = Of({2});  // a customer of one person, mean 2
  pooled.Merge(Of({0, 0, 0, U}));  // a customer of four, mean 0
  EXPECT_EQ(pooled.n, 5);
  EXPECT_EQ(pooled.known(), 4);
  EXPECT_DOUBLE_EQ(*pooled.mean(), 0.5);  // (2+0+0+0)/4, not (2+0)/2 = 1
}

TEST(Stats, ChangeIsNullWhenEitherSideIsNull) {
  EXPECT_DOUBLE_EQ(*Change(0.5, -0.25), 0.75);
  EXPECT_FALSE(Change(std::nullopt, 1.0).has_value());
  EXPECT_FALSE(Change(1.0, std::nullopt).has_value());
}

TEST(Stats, FellByComparesExactly) {
  // 1/2 → 0 is a fall of exactly 0.5
  EXPECT_TRUE(FellBy(Of({0, 0}), Of({1, 0}), 0.5));
  // 1/2 → 1/4 is a fall of 0.25
  EXPECT_FALSE(FellBy(Of({1, 0, 0, 0}), Of({1, 1, 0, 0}), 0.5));
  // 4/6 → 1/6 = 0.5 exactly, although 2/3 − 1/6 is not exact in binary
  EXPECT_TRUE(FellBy(Of({1, 0, 0, 0, 0, 0}), Of({1, 1, 1, 1, 0, 0}), 0.5));
  // 1/3 → −1/6 = 0.5 with different known counts (3 then 6)
  EXPECT_TRUE(FellBy(Of({-1, 0, 0, 0, 0, 0}), Of({1, 0, 0}), 0.5));
  // 1/3 → −1/7 ≈ 0.476 < 0.5
  EXPECT_FALSE(FellBy(Of({-1, 0, 0, 0, 0, 0, 0}), Of({1, 0, 0}), 0.5));
  // 6/5 → 1/10 is a fall of exactly 1.1, but 1.1 × 5 × 10 = 55.00000000000001 and 1.2 − 0.1 < 1.1 in binary:
  // only an exact comparison (or the 1e-9 tolerance in the rule's favour) sees the threshold reached
  EXPECT_TRUE(FellBy(Of({1, 0, 0, 0, 0, 0, 0, 0, 0, 0}), Of({2, 2, 2, 0, 0}), 1.1));
  EXPECT_FALSE(FellBy(Of({1, 0, 0, 0, 0, 0, 0, 0, 0, 0}), Of({2, 2, 1, 0, 0}), 1.1));  // 1 → 0.1: 0.9
  // a rise is no fall
  EXPECT_FALSE(FellBy(Of({2}), Of({-2}), 0.5));
  // nothing known on either side: no fall
  EXPECT_FALSE(FellBy(Of({U}), Of({2}), 0.5));
  EXPECT_FALSE(FellBy(Of({-2}), Of({U}), 0.5));
}

TEST(Stats, AttitudeAndVoteNames) {
  EXPECT_EQ(AttitudeName(2), "strong_support");
  EXPECT_EQ(AttitudeName(1), "support");
  EXPECT_EQ(AttitudeName(0), "neutral");
  EXPECT_EQ(AttitudeName(-1), "oppose");
  EXPECT_EQ(AttitudeName(-2), "strong_oppose");
  EXPECT_EQ(AttitudeName(kUnknown), "unknown");
  EXPECT_EQ(YesNoName(1), "yes");
  EXPECT_EQ(YesNoName(0), "no");
  EXPECT_EQ(YesNoName(kUnknown), "unknown");
}

}  // namespace
}  // namespace brm::engine
