#include "engine/features.hpp"

namespace brm::engine {
namespace {

constexpr uint8_t kNoOrientation = 6;  // "unknown" in vocab::kOrientation

}  // namespace

uint8_t UnknownFeatures(const Figures& figures, Idx person, Date day) {
  uint8_t bits = 0;
  for (Dimension d : kAllDimensions) {
    if (figures.Rating(person, d, kOurs, kNone, day) == kUnknown) bits |= 1u << static_cast<int>(d);
  }
  if (figures.Vote(person, VoteKind::kVeto, day) == kUnknown) bits |= 1u << 3;
  if (figures.Vote(person, VoteKind::kApprove, day) == kUnknown) bits |= 1u << 4;
  if (!figures.Acquainted(person, day)) bits |= 1u << 5;
  if (figures.graph().people[person].orientation == kNoOrientation) bits |= 1u << 6;
  return bits;
}

std::vector<std::string_view> FeatureNames(uint8_t bits) {
  std::vector<std::string_view> names;
  for (int i = 0; i < kFeatures; ++i) {
    if (bits & (1u << i)) names.push_back(kFeatureNames[i]);
  }
  return names;
}

}  // namespace brm::engine
