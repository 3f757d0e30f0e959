// Mapping between the strategy thresholds (domain/strategy_config.hpp) and JSON, for the API and for the
// stored setting.
#pragma once

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "domain/strategy_config.hpp"

namespace brm::json {

// Reads a complete thresholds object: exactly the keys min_key_persons (whole number 1…100),
// profiled_share (0 < x ≤ 1), drop (0 < x ≤ 4) and drop_months (whole number 1…24). A missing or unknown
// key, a wrong type or a value out of range is kInvalid naming the key.
Result<StrategyThresholds> ParseThresholds(const boost::json::object& object);

// The thresholds as the object ParseThresholds reads.
boost::json::object ThresholdsJson(const StrategyThresholds& thresholds);

}  // namespace brm::json
