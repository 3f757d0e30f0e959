// `GET /api/v1/explain`: the persons and rating facts behind one figure, and the attribution of its MoM or
// YoY change (engine/explain.hpp), with the figure's own visibility: a customer, department, chain, person
// or employee the actor may read (404 otherwise, as the figure answers), the company figure of a
// perspective the actor may open (403 otherwise), computed within what the actor may see.
#include <algorithm>
#include <cmath>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/explain.hpp"
#include "json/figures_json.hpp"
#include "service/figures.hpp"

namespace brm {
namespace bj = boost::json;
namespace f = fields;
using engine::Idx;
using engine::kNone;

namespace {

constexpr std::string_view kFigureKinds[] = {"person", "chain", "department", "customer", "employee", "company", "centres"};

struct ExplainRequest {
  engine::FigureKind kind = engine::FigureKind::kCustomer;
  std::string id;
  engine::Dimension dimension = engine::Dimension::kCloseness;
  std::string compare;  // "", "mom" or "yoy"
};

Result<ExplainRequest> ReadRequest(const PageQuery& page) {
  ExplainRequest request;
  bool has_figure = false, has_dimension = false;
  for (const auto& [name, value] : page.filters) {
    if (name == "figure") {
      const auto* it = std::find(std::begin(kFigureKinds), std::end(kFigureKinds), value);
      if (it == std::end(kFigureKinds)) {
        return MakeError(ErrorCode::kInvalid,
                         "\"figure\" must be person, chain, department, customer, employee, company or centres.", "figure");
      }
      request.kind = static_cast<engine::FigureKind>(it - std::begin(kFigureKinds));
      has_figure = true;
    } else if (name == "id") {
      request.id = value;
    } else if (name == "dimension") {
      const auto found = std::find(vocab::kDimensions.begin(), vocab::kDimensions.end(), value);
      const auto index = found - vocab::kDimensions.begin();
      if (found == vocab::kDimensions.end()) return MakeError(ErrorCode::kInvalid, "\"dimension\" must be closeness, solution or price.", "dimension");
      request.dimension = static_cast<engine::Dimension>(index);
      has_dimension = true;
    } else if (name == "compare") {
      if (value != "mom" && value != "yoy") return MakeError(ErrorCode::kInvalid, "\"compare\" must be mom or yoy.", "compare");
      request.compare = value;
    } else {
      return MakeError(ErrorCode::kInvalid,
                       "Unknown parameter \"" + name +
                           "\"; an explanation takes figure, id, dimension, compare, as_of, toward, scope, limit and offset.",
                       name);
    }
  }
  if (!page.sort.empty()) return MakeError(ErrorCode::kInvalid, "An explanation is listed by person; leave \"sort\" out.", "sort");
  if (!has_figure) return MakeError(ErrorCode::kInvalid, "\"figure\" is required.", "figure");
  if (!has_dimension) return MakeError(ErrorCode::kInvalid, "\"dimension\" is required.", "dimension");
  const bool company = request.kind == engine::FigureKind::kCompany;
  if (company && !request.id.empty()) {
    return MakeError(ErrorCode::kInvalid, "The company figure takes \"scope\", not \"id\".", "id");
  }
  if (!company && request.id.empty()) return MakeError(ErrorCode::kInvalid, "\"id\" is required.", "id");
  return request;
}

bj::value AttitudeOrAbsent(std::optional<int8_t> value) {
  if (!value) return nullptr;
  return bj::string(engine::AttitudeName(*value));
}

bj::value Number(std::optional<double> value) { return value ? bj::value(*value) : bj::value(nullptr); }

}  // namespace

bj::object StrategyReasonJson(const engine::Graph& graph, const engine::StrategyReason& reason,
                              const StrategyThresholds& thresholds) {
  using Rule = engine::StrategyReason::Rule;
  bj::object means;
  bj::array to_lift;
  for (int d = 0; d < engine::kDimensions; ++d) {
    const engine::Stats& now = reason.now[d];
    const auto tier = now.tier();
    means[vocab::kDimensions[d]] = bj::object{
        {"now", Number(now.mean())},
        {"before", Number(reason.before[d].mean())},
        {"tier", tier ? bj::value(engine::kTierNames[static_cast<size_t>(*tier)]) : bj::value(nullptr)},
        {"fell", reason.fell[d]},
        {"poor", reason.poor[d]}};
    // What to lift, and above what: back within the allowed fall, out of poor, or into good.
    std::optional<double> target;
    const char* because = nullptr;
    if (reason.rule == Rule::kFell && reason.fell[d]) {
      target = *reason.before[d].mean() - thresholds.drop;
      because = "fell";
    } else if (reason.rule == Rule::kPoor && reason.poor[d]) {
      target = -1;
      because = "poor";
    } else if (reason.rule == Rule::kOtherwise && (!tier || *tier == engine::Tier::kFair)) {
      target = 0;
      because = tier ? "fair" : "unknown";
    }
    if (because) {
      to_lift.push_back(bj::object{{"dimension", vocab::kDimensions[d]}, {"mean", Number(now.mean())},
                                   {"above", *target}, {"because", because}});
    }
  }
  bj::array to_profile;
  for (const auto& row : reason.to_profile) {
    bj::array missing;
    for (std::string_view feature : row.missing) missing.emplace_back(feature);
    to_profile.push_back(bj::object{{"person", graph.Id(Kind::kPerson, row.person)},
                                    {"name", graph.people[row.person].name},
                                    {"missing", std::move(missing)}});
  }
  return {{"rule", engine::RuleName(reason.rule)},
          {"strategy", engine::StrategyName(reason.strategy)},
          {"key_persons", reason.key_persons},
          {"fully_profiled", reason.fully_profiled},
          {"profiled_needed", reason.profiled_needed},
          {"key_persons_needed", std::max(0, thresholds.min_key_persons - reason.key_persons)},
          {"thresholds", bj::object{{"min_key_persons", thresholds.min_key_persons},
                                    {"profiled_share", thresholds.profiled_share},
                                    {"drop", thresholds.drop},
                                    {"drop_months", thresholds.drop_months}}},
          {"drop_since", FormatDate(reason.before_day)},
          {"means", std::move(means)},
          {"to_profile", std::move(to_profile)},
          {"to_lift", std::move(to_lift)}};
}

Result<bj::object> FiguresService::Explain(const Actor& actor, const FigureQuery& query, const PageQuery& page) {
  auto request = ReadRequest(page);
  if (!request) return request.error();
  auto answer = AsActor(actor, [&](const Access& access, const engine::Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    const engine::Graph& graph = all.graph();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    // The subject, readable as its figure is.
    engine::FigureSubject subject{request->kind, kNone};
    Result<Idx> index = kNone;
    switch (request->kind) {
      case engine::FigureKind::kPerson: index = Readable(access, graph, Kind::kPerson, request->id); break;
      case engine::FigureKind::kChain: index = Readable(access, graph, Kind::kOpportunity, request->id); break;
      case engine::FigureKind::kDepartment: index = Readable(access, graph, Kind::kDepartment, request->id); break;
      case engine::FigureKind::kCustomer:
      case engine::FigureKind::kCentres: index = ReadableCustomer(access, graph, request->id); break;
      case engine::FigureKind::kEmployee: index = ReadableEmployee(graph, request->id); break;
      case engine::FigureKind::kCompany: break;
    }
    if (!index) return index.error();
    subject.index = *index;
    // The company figure over the perspective's customers; the rest within what the actor may see (the
    // employee figure over those customers, as `GET /employees/{person}/metrics` takes it).
    engine::Scope scope = access.Sees();
    if (request->kind == engine::FigureKind::kCompany) {
      auto perspective = access.Open(query.scope);
      if (!perspective) return perspective.error();
      scope = perspective->scope;
    }
    const engine::Figures figures = all.Within(scope);
    const engine::Explainer explainer(figures, scope);
    const engine::Explanation explained = explainer.Explain(subject, request->dimension, *toward, query.as_of);

    bj::object out;
    out["figure"] = kFigureKinds[static_cast<size_t>(request->kind)];
    out["id"] = request->kind == engine::FigureKind::kCompany ? bj::value(nullptr) : bj::value(request->id);
    if (request->kind == engine::FigureKind::kCompany) out["scope"] = access.ScopeName(query.scope);
    out["dimension"] = vocab::kDimensions[static_cast<size_t>(request->dimension)];
    out["as_of"] = FormatDate(query.as_of);
    out["toward"] = json::TowardJson(graph, *toward);
    out["stats"] = json::StatsJson(explained.stats);
    out["total"] = explained.persons.size();
    out["offset"] = page.offset;
    out["limit"] = page.limit;
    bj::array persons;
    const size_t from = std::min(explained.persons.size(), static_cast<size_t>(page.offset));
    const size_t to = std::min(explained.persons.size(), from + static_cast<size_t>(page.limit));
    for (size_t i = from; i < to; ++i) {
      const engine::ExplainedValue& row = explained.persons[i];
      bj::object item;
      item["person"] = graph.Id(Kind::kPerson, row.person);
      item["name"] = graph.people[row.person].name;
      item["member"] = row.member == kNone ? bj::value(nullptr) : bj::value(graph.Id(Kind::kChainMember, row.member));
      item["value"] = engine::AttitudeName(row.value);
      if (row.fact == kNone) {
        item["fact"] = nullptr;
      } else {
        item["fact"] = bj::object{{"id", graph.Id(Kind::kRating, row.fact)},
                                  {"date", FormatDate(row.fact_date)},
                                  {"level", row.project ? "project" : "customer"}};
      }
      item["inherited"] = row.inherited;
      persons.push_back(std::move(item));
    }
    out["persons"] = std::move(persons);

    if (request->compare.empty()) {
      out["compare"] = nullptr;
      return out;
    }
    const Date earlier = AddMonths(query.as_of, request->compare == "mom" ? -1 : -12);
    engine::Attribution attribution =
        explainer.Attribute(subject, request->dimension, *toward, query.as_of, earlier);
    // The largest moves first (falls and rises alike), then by person id: "who fell" reads from the top.
    std::stable_sort(attribution.parts.begin(), attribution.parts.end(), [](const auto& a, const auto& b) {
      return std::fabs(a.contribution.value_or(0)) > std::fabs(b.contribution.value_or(0));
    });
    bj::array parts;
    for (size_t i = 0; i < attribution.parts.size() && i < static_cast<size_t>(page.limit); ++i) {
      const engine::Attribution::Part& part = attribution.parts[i];
      parts.push_back(bj::object{{"person", graph.Id(Kind::kPerson, part.person)},
                                 {"name", graph.people[part.person].name},
                                 {"before", AttitudeOrAbsent(part.before)},
                                 {"now", AttitudeOrAbsent(part.now)},
                                 {"contribution", Number(part.contribution)}});
    }
    out["compare"] = bj::object{{"kind", request->compare},
                                {"as_of", FormatDate(earlier)},
                                {"before", json::StatsJson(attribution.before)},
                                {"delta", Number(attribution.delta)},
                                {"parts_total", attribution.parts.size()},
                                {"parts", std::move(parts)}};
    return out;
  });
  if (!answer) return answer;
  // Who recorded each listed fact, from its record (the graph keeps only what the figures read).
  for (bj::value& item : (*answer)["persons"].as_array()) {
    bj::value& fact = item.as_object()["fact"];
    if (!fact.is_object()) continue;
    const auto record = store_.Get(Kind::kRating, fact.at("id").as_string());
    fact.as_object()["by"] = record && !record->IsNull(f::rating::kBy) ? bj::value(record->Text(f::rating::kBy)) : bj::value(nullptr);
  }
  return answer;
}

}  // namespace brm
