#include "json/work_json.hpp"

#include "domain/vocab.hpp"
#include "json/graph_ids.hpp"

namespace brm::json {
namespace bj = boost::json;

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
  bj::object out{{"kind", engine::WarningKindName(warning.kind)},
                    {"severity", engine::SeverityName(warning.severity)},
                    {"customer", IdOrNull(graph, Kind::kOrganization, warning.customer)},
                    {"opportunity", IdOrNull(graph, Kind::kOpportunity, warning.opportunity)},
                    {"person", IdOrNull(graph, Kind::kPerson, warning.person)},
                    {"message", warning.message},
                    {"dimensions", std::move(dimensions)},
                    {"employees", Ids(graph, Kind::kPerson, warning.employees)},
                    {"competitors", Ids(graph, Kind::kOrganization, warning.competitors)}};
  if (!warning.milestone.empty()) out["milestone"] = warning.milestone;
  if (warning.expected) out["expected"] = FormatDate(*warning.expected);
  if (warning.ratio) out["ratio"] = *warning.ratio;
  if (warning.history_max) out["history_max"] = *warning.history_max;
  return out;
}

bj::value WarningsJson(const engine::Graph& graph, const std::vector<engine::Warning>& warnings) {
  bj::array out;
  out.reserve(warnings.size());
  for (const engine::Warning& warning : warnings) out.push_back(WarningJson(graph, warning));
  return out;
}

}  // namespace brm::json
