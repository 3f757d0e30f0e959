// The JSON of relationship work (SPEC.md §9, §11): influence centres, introduction paths and warnings.
// Ids are written as strings (graph.Id), an absent reference as null.
//
// Threads: reads the graph; call it under the same lock as the figures that produced the results
// (inside Engine::With).
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "engine/influence_centres.hpp"
#include "engine/introduction_paths.hpp"
#include "engine/warnings.hpp"

namespace brm::json {

// `GET /customers/{id}/influence-centres`: [{"person", "rank", "key"}], in the given order (highest first).
boost::json::value InfluenceCentresJson(const engine::Graph& graph,
                                        const std::vector<engine::InfluenceCentre>& centres);

// `GET /people/{id}/paths`: [{"employee", "via": [person id…], "strength"}], in the given order (best first).
boost::json::value IntroductionPathsJson(const engine::Graph& graph,
                                         const std::vector<engine::IntroductionPath>& paths);

// One warning: {"kind", "severity", "customer", "opportunity", "person", "message"} (null where the
// warning does not concern one), plus the details a translation needs: "dimensions": [dimension…],
// "employees": [person id…], "competitors": [organization id…] (empty when they do not apply); the
// project-history kinds add "milestone" and "expected" (milestone_due, milestone_overdue) or "ratio" and
// "history_max" (price_above_history).
boost::json::value WarningJson(const engine::Graph& graph, const engine::Warning& warning);
// `GET /warnings?scope=`: the warnings in the given order.
boost::json::value WarningsJson(const engine::Graph& graph, const std::vector<engine::Warning>& warnings);

}  // namespace brm::json
