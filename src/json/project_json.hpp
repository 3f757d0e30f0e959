// The project-history figures' JSON (SPEC.md §11): `GET /customers/{id}/history` and
// `GET /opportunities/{id}/project`, with the contract's field names. Beyond the contract, each figure
// carries the ids behind it, so that a page can link a number to its projects: "ids" in `projects`, the
// customer's own "samples" of each rhythm step, "projects" in prices, people and competitors,
// "opportunities" in criteria; and the record "id" of each vendor, quote, criterion and link.
//
// Threads: reads the graph; call it inside Engine::With, like the figures that produced the results.
#pragma once

#include <boost/json.hpp>

#include "engine/project_history.hpp"

namespace brm::json {

boost::json::object CustomerHistoryJson(const engine::Graph& graph, const engine::CustomerHistory& history);
boost::json::object ProjectViewJson(const engine::Graph& graph, const engine::ProjectView& view);

}  // namespace brm::json
