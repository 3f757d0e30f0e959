// The figures' JSON contract (SPEC.md §11): engine results → JSON with the fixed field names.
// Ids are written as strings, absent references and null figures as null.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "engine/lines.hpp"

namespace brm::json {

// The objects below are made with the memory resource `sp` (the default one when omitted), and so is
// every object and array inside them: a caller that answers one request can hand them a per-request
// arena (boost::json::monotonic_resource) and spare the allocator a hundred small allocations.
boost::json::object StatsJson(const engine::Stats& stats, boost::json::storage_ptr sp = {});
boost::json::object DegreesJson(const engine::Degrees& degrees, boost::json::storage_ptr sp = {});
// The change of each mean from `earlier` to `now`, as a Delta object (counts are added by callers).
boost::json::object DeltaJson(const engine::Degrees& now, const engine::Degrees& earlier,
                              boost::json::storage_ptr sp = {});
// "ours" or the competitor's id.
boost::json::value TowardJson(const engine::Graph& graph, engine::Idx toward);

boost::json::object CustomerMetricsJson(const engine::Graph& graph, const engine::CustomerMetrics& metrics,
                                        boost::json::storage_ptr sp = {});
boost::json::object ChainJson(const engine::Graph& graph, const engine::ChainFigures& chain);
boost::json::object ProfileJson(const engine::Graph& graph, const engine::Profile& profile);
boost::json::object EmployeeJson(const engine::Graph& graph, const engine::EmployeeMetrics& metrics);
// The lines of SPEC.md §11. Their `Shape` is kWhole for the contract's document, kSummary for the head of
// a page of the list (docs/api.md "Pages of figure lists"): every count and mean, without the id lists
// that grow with the tenant (the tiers' customers, the buckets' people, the list itself,
// competitor_influenced, which becomes a count).
enum class Shape { kWhole, kSummary };
boost::json::object CustomerLineJson(const engine::Graph& graph, const engine::CustomerLine& line,
                                     const std::string& scope, Shape shape = Shape::kWhole);
boost::json::object InfluenceLineJson(const engine::Graph& graph, const engine::InfluenceLine& line,
                                      const std::string& scope, Shape shape = Shape::kWhole);
// One row of the influence list, exactly as the whole document carries it.
boost::json::object InfluenceEntryJson(const engine::Graph& graph, const engine::InfluenceLine::Entry& entry);
// A trend series: [{"month": "YYYY-MM", "as_of", "<count_name>", ["key_persons",] "degrees"}].
boost::json::array TrendJson(const std::vector<engine::TrendPoint>& points, const char* count_name,
                             bool with_key_persons);

}  // namespace brm::json
