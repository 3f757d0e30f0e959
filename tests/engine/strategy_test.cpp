// SPEC.md §6.5: the five customer strategies, the first rule that holds, and configurable thresholds.
#include <gtest/gtest.h>

#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

constexpr const char* kDay = "2025-06-30";    // D; D − 3 months = 2025-03-30
constexpr const char* kEarly = "2025-03-01";  // ratings that hold on D − 3 months
constexpr const char* kLate = "2025-06-01";   // ratings that replace them before D

Strategy Recommended(const Tenant& t, StrategyThresholds thresholds = {}, const char* day = kDay) {
  const Figures figs = t.Figs(thresholds);
  const Strategy via_metrics = figs.Customer(t.O("c1"), kOurs, D(day)).strategy;
  EXPECT_EQ(via_metrics, figs.Recommend(t.O("c1"), D(day)));  // both entry points agree
  return via_metrics;
}

// A customer c1 whose key persons are all fully profiled, one per closeness value in `early` (dated kEarly),
// solution and price `support`; `late` (when not empty) re-rates closeness on kLate, person by person.
Tenant Profiled(std::vector<const char*> early, std::vector<const char*> late = {},
                const char* solution = "support", const char* price = "support") {
  Tenant t;
  t.Add(Customer("c1"));
  for (size_t i = 0; i < early.size(); ++i) {
    const std::string id = "k" + std::to_string(i + 1);
    t.Profiled(id.c_str(), "c1", early[i], solution, price, kEarly);
    if (i < late.size()) t.Rate(id.c_str(), "closeness", late[i], kLate);
  }
  return t;
}

TEST(Strategy, AcquireWhenThereAreNoKeyPersons) {
  Tenant t;
  t.Add(Customer("c1"));
  EXPECT_EQ(Recommended(t), Strategy::kAcquire);  // |K| = 0
}

TEST(Strategy, AcquireWhenAtMostTwoKeyPersonsAndNotAllProfiled) {
  Tenant t = Profiled({"support"});
  t.Add(KeyPerson("plain", "c1"));
  EXPECT_EQ(Recommended(t), Strategy::kAcquire);  // |K| = 2 ≤ 2, |F| = 1 < 2
  Tenant one;
  one.Add(Customer("c1")).Add(KeyPerson("k1", "c1"));
  EXPECT_EQ(Recommended(one), Strategy::kAcquire);  // |K| = 1, |F| = 0
}

TEST(Strategy, GrowWhenTwoKeyPersonsAreFullyProfiled) {
  // |F| = |K| = 2: rule 1 fails, and |K| < 3 so the graph is not complete
  EXPECT_EQ(Recommended(Profiled({"support", "support"})), Strategy::kGrow);
}

TEST(Strategy, GrowWhenIncompleteEvenIfPoor) {
  Tenant t = Profiled({"strong_oppose", "strong_oppose"}, {}, "strong_oppose", "strong_oppose");
  t.Add(KeyPerson("k3", "c1")).Rate3("k3", "strong_oppose", "strong_oppose", "strong_oppose", kEarly);
  // |K| = 3, |F| = 2 < 2.4: rule 2 comes before rule 4 (every tier is poor)
  EXPECT_EQ(Recommended(t), Strategy::kGrow);
}

TEST(Strategy, WinBackOnAFallOfExactlyHalf) {
  // closeness on D − 3 months: (1+1+0+0)/4 = 1/2; on D: 0 → a fall of exactly 0.5
  const Tenant t = Profiled({"support", "support", "neutral", "neutral"}, {"neutral", "neutral"});
  EXPECT_EQ(Recommended(t), Strategy::kWinBack);
}

TEST(Strategy, WinBackOnAFallOfHalfBetweenThirdsAndSixths) {
  // (1+1+1+1+0+0)/6 = 2/3 → (1+0+0+0+0+0)/6 = 1/6: 0.5 exactly, though 2/3 − 1/6 is inexact in binary
  const Tenant t = Profiled({"support", "support", "support", "support", "neutral", "neutral"},
                            {"support", "neutral", "neutral", "neutral"});
  EXPECT_EQ(Recommended(t), Strategy::kWinBack);
}

TEST(Strategy, NoWinBackOnAFallOfLessThanHalf) {
  // 1/2 → (1+0+0+0)/4 = 1/4: a fall of 0.25; then tiers good, excellent, excellent → retain
  const Tenant t = Profiled({"support", "support", "neutral", "neutral"}, {"support", "neutral"});
  EXPECT_EQ(Recommended(t), Strategy::kRetain);
}

TEST(Strategy, WinBackComparesWithTheClampedDayThreeMonthsEarlier) {
  // D = 2025-05-31 → D − 3 months = 2025-02-28: closeness 1/2 there, re-rated to 0 on 2025-03-01
  Tenant t;
  t.Add(Customer("c1"));
  const char* early[] = {"support", "support", "neutral", "neutral"};
  for (int i = 0; i < 4; ++i) {
    const std::string id = "k" + std::to_string(i + 1);
    t.Profiled(id.c_str(), "c1", early[i], "support", "support", "2025-02-28");
    t.Rate(id.c_str(), "closeness", "neutral", "2025-03-01");
  }
  EXPECT_EQ(Recommended(t, {}, "2025-05-31"), Strategy::kWinBack);
}

TEST(Strategy, WinBackBeforeWaitWhenFellAndPoor) {
  // closeness 0 → −1: fell by 1 and the tier is poor; rule 3 comes before rule 4
  const Tenant t = Profiled({"neutral", "neutral", "neutral"}, {"oppose", "oppose", "oppose"});
  EXPECT_EQ(Recommended(t), Strategy::kWinBack);
}

TEST(Strategy, WaitWhenATierIsPoor) {
  // closeness mean exactly −1 (poor), no earlier ratings to fall from
  const Tenant t = Profiled({"oppose", "oppose", "oppose"});
  EXPECT_EQ(Recommended(t), Strategy::kWait);
}

TEST(Strategy, RetainWhenEveryTierIsGoodOrExcellent) {
  // closeness 1 (excellent), solution 1 (excellent), price (1+0+0)/3 = 1/3 (good); the price re-ratings
  // share kEarly's date and were recorded last, so they hold on D − 3 months too (no fall)
  Tenant t = Profiled({"support", "support", "support"});
  t.Rate("k2", "price", "neutral", kEarly).Rate("k3", "price", "neutral", kEarly);
  EXPECT_EQ(Recommended(t), Strategy::kRetain);
}

TEST(Strategy, GrowOtherwise) {
  // closeness mean 0 (fair): complete, no fall, nothing poor, not all good
  EXPECT_EQ(Recommended(Profiled({"neutral", "neutral", "neutral"})), Strategy::kGrow);
  // a mean rising is no fall: −1 → 0 (fair)
  EXPECT_EQ(Recommended(Profiled({"oppose", "oppose", "oppose"}, {"neutral", "neutral", "neutral"})),
            Strategy::kGrow);
}

TEST(Strategy, ThresholdMinKeyPersons) {
  const Tenant t = Profiled({"support", "support"});
  EXPECT_EQ(Recommended(t), Strategy::kGrow);  // default: |K| = 2 < 3
  EXPECT_EQ(Recommended(t, StrategyThresholds{.min_key_persons = 2}), Strategy::kRetain);
}

TEST(Strategy, ThresholdProfiledShare) {
  Tenant t = Profiled({"support", "support", "support"});
  t.Add(KeyPerson("k4", "c1")).Rate3("k4", "support", "support", "support", kEarly);
  t.Add(KeyPerson("k5", "c1")).Rate3("k5", "support", "support", "support", kEarly);
  EXPECT_EQ(Recommended(t), Strategy::kGrow);  // 3 < 0.8 × 5
  EXPECT_EQ(Recommended(t, StrategyThresholds{.profiled_share = 0.6}), Strategy::kRetain);  // 3 ≥ 0.6 × 5
}

TEST(Strategy, ThresholdDrop) {
  const Tenant t = Profiled({"support", "support", "neutral", "neutral"}, {"support", "neutral"});
  EXPECT_EQ(Recommended(t), Strategy::kRetain);  // fall 0.25 < 0.5
  EXPECT_EQ(Recommended(t, StrategyThresholds{.drop = 0.25}), Strategy::kWinBack);  // 0.25 ≥ 0.25
}

TEST(Strategy, ThresholdDropMonths) {
  // closeness 1 until 2025-04-15, then 0: on D − 3 months (03-30) it was 1, on D − 1 month (05-30) 0
  Tenant t = Profiled({"support", "support", "support"});
  for (const char* id : {"k1", "k2", "k3"}) t.Rate(id, "closeness", "neutral", "2025-04-15");
  EXPECT_EQ(Recommended(t), Strategy::kWinBack);
  EXPECT_EQ(Recommended(t, StrategyThresholds{.drop_months = 1}), Strategy::kGrow);  // no fall; fair
}

TEST(Strategy, Names) {
  EXPECT_EQ(StrategyName(Strategy::kAcquire), "acquire");
  EXPECT_EQ(StrategyName(Strategy::kGrow), "grow");
  EXPECT_EQ(StrategyName(Strategy::kWinBack), "win_back");
  EXPECT_EQ(StrategyName(Strategy::kWait), "wait");
  EXPECT_EQ(StrategyName(Strategy::kRetain), "retain");
}

}  // namespace
}  // namespace brm::engine
