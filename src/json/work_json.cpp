#include "json/work_json.hpp"

#include <cmath>

#include "domain/vocab.hpp"
#include "engine/features.hpp"
#include "json/graph_ids.hpp"

namespace brm::json {
namespace bj = boost::json;

namespace {

// A warning's details as an object: {key: value} and {degree: {key: value}}.
bj::object DetailsJson(const std::vector<engine::WarningDetail>& details) {
  using Type = engine::WarningDetail::Type;
  bj::object out;
  for (const engine::WarningDetail& detail : details) {
    bj::value value;
    switch (detail.type) {
      case Type::kAttitude: value = bj::string(engine::AttitudeName(static_cast<int8_t>(detail.value))); break;
      case Type::kMean: value = std::isnan(detail.value) ? bj::value(nullptr) : bj::value(detail.value); break;
      case Type::kNumber: value = detail.value; break;
      case Type::kCount: value = static_cast<int64_t>(detail.value); break;
      case Type::kDate: value = bj::string(FormatDate(Date{static_cast<int32_t>(detail.value)})); break;
      case Type::kFlag: value = detail.value != 0; break;
      case Type::kFeatures: {
        bj::array names;
        for (std::string_view name : engine::FeatureNames(static_cast<uint8_t>(detail.value))) names.emplace_back(name);
        value = std::move(names);
        break;
      }
    }
    if (detail.dimension < 0) {
      out[detail.key] = std::move(value);
    } else {
      bj::value& degree = out[vocab::kDimensions[static_cast<size_t>(detail.dimension)]];
      if (!degree.is_object()) degree = bj::object{};
      degree.as_object()[detail.key] = std::move(value);
    }
  }
  return out;
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
  out["details"] = DetailsJson(warning.details);
  return out;
}

bj::value WarningsJson(const engine::Graph& graph, const std::vector<engine::Warning>& warnings) {
  bj::array out;
  out.reserve(warnings.size());
  for (const engine::Warning& warning : warnings) out.push_back(WarningJson(graph, warning));
  return out;
}

}  // namespace brm::json
