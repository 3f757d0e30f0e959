// How a customer's attitude toward us moves over the 24 months: a target mean per day that each key
// person's ratings are drawn around (the articles' examples: a customer going from −50% to +95%, one
// that drops sharply, one that stays poor).
#pragma once

#include <array>
#include <cstdint>

#include "demo/random.hpp"

namespace brm::demo {

enum class Trend : uint8_t {
  kMild,     // varies mildly around a base
  kImprove,  // from about −0.5 to about +0.95
  kDrop,     // about +1 until the last months, then down to about −0.5 (triggers win_back)
  kPoor,     // stays at or below −1
};

struct Trajectory {
  Trend trend = Trend::kMild;
  float from = 0, to = 0;         // means at the start and the end (kMild: base and wave amplitude)
  float phase = 0;                // kMild: where in its wave the customer starts
  std::array<float, 3> offset{};  // per dimension (closeness, solution, price), added to the mean
};

Trajectory DrawTrajectory(Rng& rng, Trend trend);

// The customer's target mean toward us for dimension `dim` (0 closeness, 1 solution, 2 price) on `day`,
// for a history running from `start` to `end` (day numbers).
double TargetMean(const Trajectory& trajectory, int dim, int32_t day, int32_t start, int32_t end);

// The days before `end` over which a kDrop customer falls, and the days before `end` it reaches the bottom.
inline constexpr int32_t kDropBegins = 100;
inline constexpr int32_t kDropEnds = 20;

// An attitude number −2 … +2 drawn around `mean`: mean plus noise, rounded, clamped.
int DrawAttitude(Rng& rng, double mean, double noise);

// Index into vocab::kAttitudes of an attitude number (strong_support is first).
inline uint8_t AttitudeIndex(int value) { return static_cast<uint8_t>(2 - value); }
inline constexpr uint8_t kUnknownAttitude = 5;

}  // namespace brm::demo
