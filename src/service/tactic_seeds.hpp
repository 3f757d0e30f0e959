// The company tactic templates a new installation starts with, one per customer strategy, taken from the
// tactic examples of the BRM articles (客户主线 · 客户策略战术). An admin may replace them (StrategySettings).
#pragma once

#include <span>
#include <string_view>

namespace brm {

struct TacticSeed {
  std::string_view strategy;  // a word of kStrategies
  std::string_view zh;        // goal, then one tactic per line starting "- "
  std::string_view en;        // the same in English
};

// One seed per strategy, in the order of kStrategies.
std::span<const TacticSeed> TacticSeeds();

// The seed of `strategy`; nullptr for a word that is not a strategy.
const TacticSeed* FindTacticSeed(std::string_view strategy);

}  // namespace brm
