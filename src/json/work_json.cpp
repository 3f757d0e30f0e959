#include "json/work_json.hpp"

#include "domain/vocab.hpp"

namespace brm::json {
namespace bj = boost::json;

namespace {

bj::value IdOrNull(const engine::Graph& graph, Kind kind, engine::Idx index) {
  if (index == engine::kNone) return nullptr;
  return bj::string(graph.Id(kind, index));
}

bj::array Ids(const engine::Graph& graph, Kind kind, const std::vector<engine::Idx>& indexes) {
  bj::array ids;
  ids.reserve(indexes.size());
  for (engine::Idx index : indexes) ids.emplace_back(bj::string(graph.Id(kind, index)));
  return ids;
}

}  // namespace

bj::value InfluenceCentresJson(const engine::Graph& graph, const std::vector<engine::InfluenceCentre>& centres) {
  bj::array out;
  out.reserve(centres.size());
  for (const engine::InfluenceCentre& centre : centres) {
    out.emplace_back(bj::object{{"person", graph.Id(Kind::kPerson, centre.person)},
                                {"rank", centre.rank},
                                {"key", centre.key}});
  }
  return out;
}

bj::value IntroductionPathsJson(const engine::Graph& graph, const std::vector<engine::IntroductionPath>& paths) {
  bj::array out;
  out.reserve(paths.size());
  for (const engine::IntroductionPath& path : paths) {
    out.emplace_back(bj::object{{"employee", graph.Id(Kind::kPerson, path.employee)},
                                {"via", Ids(graph, Kind::kPerson, path.via)},
                                {"strength", path.strength}});
  }
  return out;
}

bj::value WarningJson(const engine::Graph& graph, const engine::Warning& warning) {
  bj::array dimensions;
  for (engine::Dimension d : warning.dimensions) {
    dimensions.emplace_back(bj::string(vocab::kDimensions[static_cast<size_t>(d)]));
  }
  return bj::object{{"kind", engine::WarningKindName(warning.kind)},
                    {"severity", engine::SeverityName(warning.severity)},
                    {"customer", IdOrNull(graph, Kind::kOrganization, warning.customer)},
                    {"opportunity", IdOrNull(graph, Kind::kOpportunity, warning.opportunity)},
                    {"person", IdOrNull(graph, Kind::kPerson, warning.person)},
                    {"message", warning.message},
                    {"dimensions", std::move(dimensions)},
                    {"employees", Ids(graph, Kind::kPerson, warning.employees)},
                    {"competitors", Ids(graph, Kind::kOrganization, warning.competitors)}};
}

bj::value WarningsJson(const engine::Graph& graph, const std::vector<engine::Warning>& warnings) {
  bj::array out;
  out.reserve(warnings.size());
  for (const engine::Warning& warning : warnings) out.push_back(WarningJson(graph, warning));
  return out;
}

}  // namespace brm::json
