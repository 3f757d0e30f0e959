// Stats: the quantification of one degree over a set of persons (SPEC.md §5), kept as exact integer
// counts so that means, tiers and rule thresholds are compared without rounding error.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/graph.hpp"

namespace brm::engine {

enum class Tier : uint8_t { kExcellent, kGood, kFair, kPoor };
inline constexpr std::string_view kTierNames[] = {"excellent", "good", "fair", "poor"};

// The word of an attitude number (+2 … −2, kUnknown).
std::string_view AttitudeName(int8_t value);
// "yes", "no" or "unknown".
std::string_view YesNoName(int8_t value);

struct Stats {
  int n = 0;
  std::array<int, 5> counts{};  // strong_support, support, neutral, oppose, strong_oppose

  void Add(int8_t value) {  // inline: the figures' innermost loop
    ++n;
    if (value == kUnknown) return;
    ++counts[2 - value];
  }
  // The sum of the known values' numbers (+2 … −2).
  int64_t sum() const {
    return 2 * static_cast<int64_t>(counts[0]) + counts[1] - counts[3] - 2 * static_cast<int64_t>(counts[4]);
  }
  void Merge(const Stats& other) {  // inline: every line merges each customer's
    n += other.n;
    for (size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
  }
  int known() const { return counts[0] + counts[1] + counts[2] + counts[3] + counts[4]; }
  int unknown() const { return n - known(); }
  int supporters() const { return counts[0] + counts[1]; }
  int opposers() const { return counts[3] + counts[4]; }
  int neutral() const { return counts[2]; }
  std::optional<double> mean() const;
  // mean × 100 rounded to one decimal, half away from zero, computed from the integers.
  std::optional<double> percent() const;
  std::optional<Tier> tier() const {  // inline: every line tiers each customer's
    const int64_t k = known();
    if (k == 0) return std::nullopt;
    const int64_t total = sum();
    if (total >= k) return Tier::kExcellent;
    if (total > 0) return Tier::kGood;
    if (total > -k) return Tier::kFair;
    return Tier::kPoor;
  }
};

using Degrees = std::array<Stats, kDimensions>;

// value(now) − value(earlier); nullopt when either is null.
std::optional<double> Change(std::optional<double> now, std::optional<double> earlier);

// Whether the mean fell from `earlier` to `now` by at least `drop`, compared exactly when possible and
// otherwise with 1e-9 in the fall's favour.
bool FellBy(const Stats& now, const Stats& earlier, double drop);

}  // namespace brm::engine
