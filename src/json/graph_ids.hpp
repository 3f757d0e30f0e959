// Helpers of the figures' JSON: ids of graph indexes as strings (an absent reference as null) and
// optional numbers. Internal to the json layer.
#pragma once

#include <optional>
#include <vector>

#include <boost/json.hpp>

#include "engine/graph.hpp"

namespace brm::json {

inline boost::json::value IdOrNull(const engine::Graph& graph, Kind kind, engine::Idx index) {
  if (index == engine::kNone) return nullptr;
  return boost::json::string(graph.Id(kind, index));
}

inline boost::json::array Ids(const engine::Graph& graph, Kind kind, const std::vector<engine::Idx>& indexes) {
  boost::json::array ids;
  ids.reserve(indexes.size());
  for (engine::Idx index : indexes) ids.emplace_back(boost::json::string(graph.Id(kind, index)));
  return ids;
}

inline boost::json::value Number(std::optional<double> value) {
  if (!value) return nullptr;
  return *value;
}

}  // namespace brm::json
