// The five customer strategies of SPEC.md §6.5 and the thresholds that choose between them.
// Plain values: the JSON mapping is json/strategy_json.hpp, the stored settings service/strategy_settings.hpp.
#pragma once

#include <algorithm>
#include <string_view>

namespace brm {

// The strategy words in the order of the rules (and of every list shown to users):
// acquire 客户获取, grow 客户提升, win_back 亡羊补牢, wait 以静制动, retain 客户维系.
inline constexpr std::string_view kStrategies[] = {"acquire", "grow", "win_back", "wait", "retain"};

inline bool IsStrategy(std::string_view word) {
  return std::find(std::begin(kStrategies), std::end(kStrategies), word) != std::end(kStrategies);
}

// The numbers of the recommendation rules. The defaults are the specification's; an admin may change them.
struct StrategyThresholds {
  int min_key_persons = 3;      // a customer's graph is complete only with at least this many active key persons …
  double profiled_share = 0.8;  // … of whom at least this share (0 < x ≤ 1) is fully profiled
  double drop = 0.5;            // win_back when a customer mean fell by at least this much (means lie in −2 … +2) …
  int drop_months = 3;          // … compared with the as-of day minus this many calendar months

  bool operator==(const StrategyThresholds&) const = default;
};

}  // namespace brm
