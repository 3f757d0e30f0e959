// The seven features of a key person (SPEC.md §3: the three degrees, the veto and approval votes,
// acquaintance with one of our employees, orientation) and which of them are unknown on a day — for the
// strategy's reason, the profiling suggestions and the focus-coverage warning, which name what is missing.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

// In the order of their bits in FeatureBits.
inline constexpr std::string_view kFeatureNames[] = {"closeness", "solution", "price", "veto", "approve",
                                                     "acquaintance", "orientation"};
inline constexpr int kFeatures = 7;

// Bit i set when feature kFeatureNames[i] of `person` is unknown on `day` (degrees and votes at customer
// level toward ours).
uint8_t UnknownFeatures(const Figures& figures, Idx person, Date day);
// The names of the bits set, in kFeatureNames order.
std::vector<std::string_view> FeatureNames(uint8_t bits);

}  // namespace brm::engine
