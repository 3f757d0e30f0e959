#include "engine/stats.hpp"

#include <cstdlib>

namespace brm::engine {

std::string_view AttitudeName(int8_t value) {
  switch (value) {
    case 2: return "strong_support";
    case 1: return "support";
    case 0: return "neutral";
    case -1: return "oppose";
    case -2: return "strong_oppose";
    default: return "unknown";
  }
}

std::string_view YesNoName(int8_t value) {
  if (value == 1) return "yes";
  if (value == 0) return "no";
  return "unknown";
}

std::optional<double> Stats::mean() const {
  const int k = known();
  if (k == 0) return std::nullopt;
  return static_cast<double>(sum()) / k;
}

std::optional<double> Stats::percent() const {
  const int64_t k = known();
  if (k == 0) return std::nullopt;
  // tenths of a percent = sum × 1000 / k, rounded half away from zero.
  const int64_t scaled = sum() * 1000;
  const int64_t magnitude = (std::llabs(scaled) * 2 + k) / (2 * k);
  return static_cast<double>(scaled < 0 ? -magnitude : magnitude) / 10.0;
}

std::optional<double> Change(std::optional<double> now, std::optional<double> earlier) {
  if (!now || !earlier) return std::nullopt;
  return *now - *earlier;
}

bool FellBy(const Stats& now, const Stats& earlier, double drop) {
  const int64_t k1 = now.known(), k0 = earlier.known();
  if (k1 == 0 || k0 == 0) return false;
  // earlier − now ≥ drop  ⇔  (sum0·k1 − sum1·k0) ≥ drop·k0·k1; the left side is an exact integer.
  const double fall = static_cast<double>(earlier.sum() * k1 - now.sum() * k0);
  return fall >= drop * static_cast<double>(k0 * k1) - 1e-9 * static_cast<double>(k0 * k1);
}

}  // namespace brm::engine
