// A small deterministic random source for the demo generator. The standard distributions are
// implementation-defined, so the same seed could give another company on another standard library;
// these helpers give the same numbers everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace brm::demo {

// splitmix64 (Steele, Lea, Flood 2014): one 64-bit state, good enough for synthetic data.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  // An independent stream for one part of the generator, so that changing one part leaves the
  // numbers of the others alone.
  static Rng Stream(uint64_t seed, std::string_view name) {
    uint64_t hash = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : name) hash = (hash ^ c) * 1099511628211ull;
    Rng mixer(seed ^ hash);
    return Rng(mixer.Next());
  }

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0. The modulo bias is below n / 2^64, far under anything visible here.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Uniform in [lo, hi]; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  bool Chance(double p) { return Unit() < p; }
  // Roughly normal with mean 0 and deviation 1 (Irwin–Hall of four uniforms): no libm needed.
  double Normal() { return (Unit() + Unit() + Unit() + Unit() - 2.0) * 1.7320508075688772; }

  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // Index drawn with probability proportional to its weight; weights are non-negative, not all zero.
  size_t Weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double at = Unit() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (at < weights[i]) return i;
      at -= weights[i];
    }
    return weights.size() - 1;
  }

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Below(i)]);
  }

 private:
  uint64_t state_;
};

}  // namespace brm::demo
