#include "demo/trajectory.hpp"

#include <algorithm>
#include <cmath>

namespace brm::demo {

Trajectory DrawTrajectory(Rng& rng, Trend trend) {
  Trajectory t;
  t.trend = trend;
  switch (trend) {
    case Trend::kImprove:
      t.from = static_cast<float>(rng.Uniform(-0.7, -0.35));
      t.to = static_cast<float>(rng.Uniform(0.85, 1.15));
      break;
    case Trend::kDrop:
      t.from = static_cast<float>(rng.Uniform(0.9, 1.2));
      t.to = static_cast<float>(rng.Uniform(-0.7, -0.35));
      break;
    case Trend::kPoor:
      t.from = static_cast<float>(rng.Uniform(-1.65, -1.35));
      t.to = t.from;
      break;
    case Trend::kMild:
      t.from = static_cast<float>(rng.Uniform(-0.4, 1.1));
      t.to = static_cast<float>(rng.Uniform(0.1, 0.35));
      t.phase = static_cast<float>(rng.Unit());
      break;
  }
  // Solution acceptance usually runs a little ahead of the relationship, price acceptance behind it.
  t.offset = {0.0f, static_cast<float>(rng.Uniform(-0.2, 0.3)), static_cast<float>(rng.Uniform(-0.5, 0.1))};
  if (trend == Trend::kPoor) t.offset = {0.0f, static_cast<float>(rng.Uniform(-0.2, 0.2)), -0.1f};
  return t;
}

double TargetMean(const Trajectory& t, int dim, int32_t day, int32_t start, int32_t end) {
  const double span = std::max(1, end - start);
  const double u = std::clamp((day - start) / span, 0.0, 1.0);
  double mean = t.from;
  switch (t.trend) {
    case Trend::kImprove: {
      const double s = u * u * (3 - 2 * u);  // smoothstep: slow start, steady middle, settling end
      mean = t.from + (t.to - t.from) * s;
      break;
    }
    case Trend::kDrop: {
      // A slight rise until the fall, so the customer looks healthy three months before the end.
      const int32_t fall = end - kDropBegins, bottom = end - kDropEnds;
      if (day <= fall) {
        mean = t.from - 0.2 + 0.2 * u;
      } else if (day < bottom) {
        const double f = static_cast<double>(day - fall) / (bottom - fall);
        mean = t.from + (t.to - t.from) * f;
      } else {
        mean = t.to;
      }
      break;
    }
    case Trend::kPoor: mean = t.from + 0.1 * u; break;
    case Trend::kMild: {
      // A triangle wave with a period of about a year: no trigonometry, so no libm differences.
      const double x = u * 2.0 + t.phase;
      const double frac = x - std::floor(x);
      const double wave = frac < 0.5 ? 4 * frac - 1 : 3 - 4 * frac;
      mean = t.from + t.to * wave;
      break;
    }
  }
  return mean + t.offset[static_cast<size_t>(dim)];
}

int DrawAttitude(Rng& rng, double mean, double noise) {
  const double value = std::floor(mean + noise * rng.Normal() + 0.5);
  return static_cast<int>(std::clamp(value, -2.0, 2.0));
}

}  // namespace brm::demo
