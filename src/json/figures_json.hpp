// The figures' JSON contract (SPEC.md §11): engine results → JSON with the fixed field names.
// Ids are written as strings, absent references and null figures as null.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "engine/lines.hpp"

namespace brm::json {

boost::json::object StatsJson(const engine::Stats& stats);
boost::json::object DegreesJson(const engine::Degrees& degrees);
// The change of each mean from `earlier` to `now`, as a Delta object (counts are added by callers).
boost::json::object DeltaJson(const engine::Degrees& now, const engine::Degrees& earlier);
// "ours" or the competitor's id.
boost::json::value TowardJson(const engine::Graph& graph, engine::Idx toward);

boost::json::object CustomerMetricsJson(const engine::Graph& graph, const engine::CustomerMetrics& metrics);
boost::json::object ChainJson(const engine::Graph& graph, const engine::ChainFigures& chain);
boost::json::object ProfileJson(const engine::Graph& graph, const engine::Profile& profile);
boost::json::object EmployeeJson(const engine::Graph& graph, const engine::EmployeeMetrics& metrics);
boost::json::object CustomerLineJson(const engine::Graph& graph, const engine::CustomerLine& line,
                                     const std::string& scope);
boost::json::object InfluenceLineJson(const engine::Graph& graph, const engine::InfluenceLine& line,
                                      const std::string& scope);
// A trend series: [{"month": "YYYY-MM", "as_of", "<count_name>", ["key_persons",] "degrees"}].
boost::json::array TrendJson(const std::vector<engine::TrendPoint>& points, const char* count_name,
                             bool with_key_persons);

}  // namespace brm::json
