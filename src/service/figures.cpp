#include "service/figures.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "domain/schema.hpp"
#include "engine/influence_centres.hpp"
#include "engine/introduction_paths.hpp"
#include "engine/lines.hpp"
#include "engine/project_history.hpp"
#include "engine/warnings.hpp"
#include "json/figures_json.hpp"
#include "json/project_json.hpp"
#include "json/serialize.hpp"
#include "json/work_json.hpp"
#include "service/access_policy.hpp"
#include "service/entities.hpp"

namespace brm {
namespace bj = boost::json;
using engine::Figures;
using engine::Idx;
using engine::kNone;

namespace {

constexpr int kMaxMonths = 120;
constexpr size_t kMetricsArena = 8192;  // bytes; a customer's metrics take about 6 KiB of JSON values

// The influence centres as a figure of the customer (influence_centres.hpp): who they are on the day, their
// pooled degrees, and the change of each mean since a month and a year earlier (the centres of that day).
bj::object CentresJson(const Figures& figures, Idx customer, Idx toward, Date day) {
  const engine::InfluenceCentres centres(figures);
  const auto dates = engine::TrendDates(day);
  std::array<engine::Degrees, engine::kWhens> degrees;
  for (int w = 0; w < engine::kWhens; ++w) degrees[w] = centres.PooledDegrees(customer, toward, dates[w]);
  bj::array persons;
  for (Idx person : centres.PooledCentres(customer, day)) persons.emplace_back(figures.graph().Id(Kind::kPerson, person));
  return {{"top", engine::kPooledCentres},
          {"persons", std::move(persons)},
          {"degrees", json::DegreesJson(degrees[engine::kNow])},
          {"mom", json::DeltaJson(degrees[engine::kNow], degrees[engine::kMonthAgo])},
          {"yoy", json::DeltaJson(degrees[engine::kNow], degrees[engine::kYearAgo])}};
}

}  // namespace

Result<Idx> ResolveToward(const Figures& figures, const std::string& toward) {
  if (toward == "ours") return engine::kOurs;
  const engine::Graph& graph = figures.graph();
  const Idx org = graph.ids(Kind::kOrganization).Find(toward);
  if (org == kNone || graph.orgs[org].kind != engine::OrgKind::kCompetitor) {
    return MakeError(ErrorCode::kInvalid, "\"toward\" must be \"ours\" or the id of a competitor.", "toward");
  }
  return org;
}

Result<Idx> Readable(const Access& access, const engine::Graph& graph, Kind kind, std::string_view id) {
  const Idx index = graph.ids(kind).Find(id);
  if (index == kNone || !access.MayRead(kind, index)) return NotFound(kind, id);
  return index;
}

Result<Idx> ReadableCustomer(const Access& access, const engine::Graph& graph, std::string_view id) {
  const Idx org = graph.ids(Kind::kOrganization).Find(id);
  if (org == kNone || graph.orgs[org].kind != engine::OrgKind::kCustomer || !access.MayRead(Kind::kOrganization, org)) {
    return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + std::string(id) + "\".");
  }
  return org;
}

Result<Idx> ReadableEmployee(const engine::Graph& graph, std::string_view person) {
  const Idx index = graph.ids(Kind::kPerson).Find(person);
  if (index == kNone || graph.people[index].org == kNone || graph.people[index].org != graph.ours) {
    return MakeError(ErrorCode::kNotFound, "No employee has the person id \"" + std::string(person) + "\".");
  }
  return index;
}

namespace {

Result<int> MonthNumber(const std::string& text, const char* field, int* year) {
  auto date = text.size() == 7 ? ParseDate(text + "-01") : std::nullopt;
  if (!date) return MakeError(ErrorCode::kInvalid, std::string("\"") + field + "\" must be a month written YYYY-MM.", field);
  const CivilDate civil = ToCivil(*date);
  *year = civil.year;
  return static_cast<int>(civil.month);
}

}  // namespace

bj::value StrategyOverrideJson(const std::optional<StrategyOverrideRow>& row) {
  if (!row) return nullptr;
  return bj::object{{"strategy", row->strategy}, {"reason", row->reason}, {"by", row->by}, {"at", row->at}};
}

OverrideIndex::OverrideIndex(Store& store) {
  store.ForEachStrategyOverride([&](StrategyOverrideRow&& row) { rows_.emplace(row.customer, std::move(row)); });
}

const StrategyOverrideRow* OverrideIndex::Find(std::string_view customer) const {
  auto it = rows_.find(std::string(customer));
  return it == rows_.end() ? nullptr : &it->second;
}

void OverrideIndex::AddTo(bj::object& metrics) const {
  const StrategyOverrideRow* row = Find(metrics.at("customer").as_string());
  metrics["strategy_override"] = StrategyOverrideJson(row ? std::optional(*row) : std::nullopt);
}

void OverrideIndex::AddTo(bj::array& customers) const {
  for (bj::value& metrics : customers) AddTo(metrics.as_object());
}

// Records handed to the graph at a time (Graph::ApplyBatch prefetches what each will touch).
constexpr size_t kLoadBatch = 64;

std::unique_ptr<engine::Graph> LoadGraph(Store& store) {
  auto graph = std::make_unique<engine::Graph>();
  graph->bulk = true;  // the store holds each record once
  std::vector<Record> batch;
  batch.reserve(kLoadBatch);
  for (const EntitySpec* spec : AllSpecs()) {
    store.ForEach(spec->kind, [&](Record&& record) {
      batch.push_back(std::move(record));
      if (batch.size() < kLoadBatch) return;
      graph->ApplyBatch(batch);
      batch.clear();
    });
  }
  graph->ApplyBatch(batch);
  graph->Compact();
  return graph;
}

Result<MonthRange> ParseMonthRange(const std::string& from, const std::string& to, Date as_of) {
  MonthRange range;
  if (to.empty()) {
    const CivilDate civil = ToCivil(as_of);
    range.to_year = civil.year;
    range.to_month = civil.month;
  } else {
    auto month = MonthNumber(to, "to", &range.to_year);
    if (!month) return month.error();
    range.to_month = static_cast<unsigned>(*month);
  }
  if (from.empty()) {
    const CivilDate start = ToCivil(AddMonths(FromCivil(CivilDate{range.to_year, range.to_month, 1}), -23));
    range.from_year = start.year;
    range.from_month = start.month;
  } else {
    auto month = MonthNumber(from, "from", &range.from_year);
    if (!month) return month.error();
    range.from_month = static_cast<unsigned>(*month);
  }
  const int span = (range.to_year - range.from_year) * 12 + static_cast<int>(range.to_month) -
                   static_cast<int>(range.from_month) + 1;
  if (span < 1) return MakeError(ErrorCode::kInvalid, "\"from\" must not be after \"to\".", "from");
  if (span > kMaxMonths) return MakeError(ErrorCode::kInvalid, "A trend covers at most 120 months.", "from");
  return range;
}

Result<bj::object> FiguresService::CustomerMetrics(const Actor& actor, std::string_view customer,
                                                   const FigureQuery& query) {
  auto metrics = AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto org = ReadableCustomer(access, all.graph(), customer);
    if (!org) return org.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Scope sees = access.Sees();
    // One arena for the whole answer: it is about a hundred small objects and strings, built, written once
    // and dropped.
    bj::object out = json::CustomerMetricsJson(all.graph(), all.Within(sees).Customer(*org, *toward, query.as_of),
                                               bj::make_shared_resource<bj::monotonic_resource>(kMetricsArena));
    out["may_write"] = access.MayWriteCustomer(*org);
    const engine::Figures within = all.Within(sees);
    out["strategy_reason"] =
        StrategyReasonJson(all.graph(), engine::Explainer(within, sees).StrategyOf(*org, query.as_of), all.thresholds());
    out["centres"] = CentresJson(within, *org, *toward, query.as_of);
    return out;
  });
  if (metrics) (*metrics)["strategy_override"] = StrategyOverrideJson(store_.StrategyOverride(customer));
  return metrics;
}

Result<bj::object> FiguresService::Chain(const Actor& actor, std::string_view opportunity, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto opp = Readable(access, all.graph(), Kind::kOpportunity, opportunity);
    if (!opp) return opp.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Scope sees = access.Sees();
    bj::object out = json::ChainJson(all.graph(), all.Within(sees).Chain(*opp, *toward, query.as_of));
    out["may_write"] = access.MayChange(Kind::kOpportunity, *opp);
    return out;
  });
}

Result<bj::object> FiguresService::Profile(const Actor& actor, std::string_view person, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto index = Readable(access, all.graph(), Kind::kPerson, person);
    if (!index) return index.error();
    const engine::Scope sees = access.Sees();
    bj::object out = json::ProfileJson(all.graph(), all.Within(sees).PersonProfile(*index, query.as_of));
    out["may_write"] = access.MayChange(Kind::kPerson, *index);
    return out;
  });
}

Result<bj::object> FiguresService::Employee(const Actor& actor, std::string_view person, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    const engine::Graph& graph = all.graph();
    auto employee = ReadableEmployee(graph, person);
    if (!employee) return employee.error();
    const Idx index = *employee;
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    // Over the customers the caller may see, and only what of them the caller may see (SPEC.md §7).
    const engine::Scope sees = access.Sees();
    return json::EmployeeJson(graph, all.Within(sees).EmployeeInfluence(index, *toward, query.as_of, sees));
  });
}

Result<bj::object> FiguresService::CustomerLine(const Actor& actor, const FigureQuery& query) {
  auto line = AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const Figures figures = all.Within(perspective->scope);
    const engine::Lines lines(figures);
    return json::CustomerLineJson(all.graph(), *lines.CachedCustomers(perspective->scope, *toward, query.as_of),
                                  access.ScopeName(query.scope));
  });
  if (line) OverrideIndex(store_).AddTo((*line)["customers"].as_array());
  return line;
}

Result<bj::object> FiguresService::InfluenceLine(const Actor& actor, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const Figures figures = all.Within(perspective->scope);
    const engine::Lines lines(figures);
    return json::InfluenceLineJson(all.graph(), *lines.CachedInfluence(perspective->scope, *toward, query.as_of),
                                   access.ScopeName(query.scope));
  });
}

Result<bj::array> FiguresService::CustomerLineTrend(const Actor& actor, const FigureQuery& query,
                                                    const MonthRange& months) {
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::array> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const Figures figures = all.Within(perspective->scope);
    const engine::Lines lines(figures);
    return json::TrendJson(lines.CustomerLineTrend(perspective->scope, *toward, days), "customers", true);
  });
}

Result<bj::array> FiguresService::CustomerTrend(const Actor& actor, std::string_view customer, const FigureQuery& query,
                                                const MonthRange& months) {
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::array> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto org = ReadableCustomer(access, all.graph(), customer);
    if (!org) return org.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Scope sees = access.Sees();
    return json::TrendJson(engine::Lines(all.Within(sees)).CustomerTrend(*org, *toward, days), "key_persons", false);
  });
}

Result<bj::object> FiguresService::DepartmentTrends(const Actor& actor, std::string_view customer,
                                                   const FigureQuery& query, const MonthRange& months) {
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  auto answer = AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    const engine::Graph& graph = all.graph();
    auto org = ReadableCustomer(access, graph, customer);
    if (!org) return org.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Scope sees = access.Sees();
    bj::array departments;
    for (const engine::DepartmentTrend& row : engine::Lines(all.Within(sees)).DepartmentTrends(*org, *toward, days)) {
      const engine::Department& dept = graph.departments[row.department];
      departments.push_back(bj::object{
          {"department", graph.Id(Kind::kDepartment, row.department)},
          {"parent", dept.parent == kNone ? bj::value(nullptr) : bj::value(graph.Id(Kind::kDepartment, dept.parent))},
          {"points", json::TrendJson(row.points, "key_persons", false)}});
    }
    return bj::object{{"customer", std::string(customer)},
                      {"as_of", FormatDate(query.as_of)},
                      {"toward", json::TowardJson(graph, *toward)},
                      {"departments", std::move(departments)}};
  });
  if (!answer) return answer;
  // The departments' names, from their records (the graph keeps only what the figures read).
  for (bj::value& row : (*answer)["departments"].as_array()) {
    const auto record = store_.Get(Kind::kDepartment, row.at("department").as_string());
    row.as_object()["name"] = record ? bj::value(record->Text(fields::dept::kName)) : bj::value(nullptr);
  }
  return answer;
}

Result<bj::array> FiguresService::ChainTrend(const Actor& actor, std::string_view opportunity, const FigureQuery& query,
                                             const MonthRange& months) {
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::array> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto opp = Readable(access, all.graph(), Kind::kOpportunity, opportunity);
    if (!opp) return opp.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Scope sees = access.Sees();
    return json::TrendJson(engine::Lines(all.Within(sees)).ChainTrend(*opp, *toward, days), "members", false);
  });
}

Result<bj::value> FiguresService::Warnings(const Actor& actor, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::value> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    const Figures figures = all.Within(perspective->scope);
    return json::WarningsJson(all.graph(),
                              *engine::Warnings(figures).CachedCheck(perspective->scope, query.as_of, perspective->users));
  });
}

Result<bj::value> FiguresService::Paths(const Actor& actor, std::string_view person, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::value> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto index = Readable(access, all.graph(), Kind::kPerson, person);
    if (!index) return index.error();
    const engine::Scope sees = access.Sees();
    return json::IntroductionPathsJson(all.graph(), engine::IntroductionPaths(all.Within(sees)).To(*index, query.as_of));
  });
}

Result<bj::value> FiguresService::InfluenceCentres(const Actor& actor, std::string_view customer,
                                                   const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::value> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto org = ReadableCustomer(access, all.graph(), customer);
    if (!org) return org.error();
    const engine::Scope sees = access.Sees();
    return json::InfluenceCentresJson(all.graph(), engine::InfluenceCentres(all.Within(sees)).Rank(*org, query.as_of));
  });
}

Result<bj::object> FiguresService::History(const Actor& actor, std::string_view customer, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto org = ReadableCustomer(access, all.graph(), customer);
    if (!org) return org.error();
    const engine::Scope sees = access.Sees();
    return json::CustomerHistoryJson(all.graph(), engine::ProjectHistory(all.Within(sees)).History(*org, query.as_of));
  });
}

Result<bj::object> FiguresService::Project(const Actor& actor, std::string_view opportunity, const FigureQuery& query) {
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    auto opp = Readable(access, all.graph(), Kind::kOpportunity, opportunity);
    if (!opp) return opp.error();
    const engine::Scope sees = access.Sees();
    return json::ProjectViewJson(all.graph(), engine::ProjectHistory(all.Within(sees)).Project(*opp, query.as_of));
  });
}

namespace {

// Writes a JSON document piece by piece: one array element at a time, so that the whole document is
// never in memory (a large tenant's report runs to gigabytes).
class ReportWriter {
 public:
  explicit ReportWriter(std::ostream& out) : out_(out) { out_ << '{'; }
  void Key(std::string_view key) {
    if (!first_key_) out_ << ',';
    first_key_ = false;
    out_ << json::Serialize(bj::string(key)) << ':';
  }
  void Value(const bj::value& value) {
    buffer_.clear();
    json::SerializeTo(buffer_, value);
    out_ << buffer_;
  }
  void Field(std::string_view key, const bj::value& value) {
    Key(key);
    Value(value);
  }
  // Writes "key": [ make(item) for each item ].
  template <typename Items, typename Make>
  void Array(std::string_view key, const Items& items, Make&& make) {
    Key(key);
    out_ << '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out_ << ',';
      first = false;
      Value(make(item));
    }
    out_ << ']';
  }
  void End() { out_ << "}\n"; }

 private:
  std::ostream& out_;
  std::string buffer_;
  bool first_key_ = true;
};

}  // namespace

void FiguresService::WriteReport(Date as_of, std::ostream& out, bool project_history) {
  const OverrideIndex overrides(store_);
  auto with_override = [&](bj::object metrics) {
    overrides.AddTo(metrics);
    return metrics;
  };
  engine_.With([&](const Figures& figures) {
    const engine::Graph& graph = figures.graph();
    const engine::Lines lines(figures);
    const engine::Scope company = engine::Scope::Company();
    ReportWriter report(out);
    report.Field("as_of", bj::string(FormatDate(as_of)));
    const engine::CustomerLine customer_line = lines.Customers(company, engine::kOurs, as_of);
    report.Array("customers", customer_line.list, [&](const engine::CustomerMetrics& metrics) {
      return with_override(json::CustomerMetricsJson(graph, metrics));
    });
    std::vector<Idx> opportunities;
    for (Idx opp = 0; opp < graph.opportunities.size(); ++opp) {
      if (graph.opportunities[opp].customer != kNone && graph.opportunities[opp].opened <= as_of) {
        opportunities.push_back(opp);
      }
    }
    figures.SortById(Kind::kOpportunity, opportunities);
    report.Array("opportunities", opportunities,
                 [&](Idx opp) { return json::ChainJson(graph, figures.Chain(opp, engine::kOurs, as_of)); });
    std::vector<Idx> people, employees;
    for (Idx person = 0; person < graph.people.size(); ++person) {
      if (figures.ActiveKeyPerson(person, as_of)) people.push_back(person);
      if (figures.Employee(person, as_of)) employees.push_back(person);
    }
    figures.SortById(Kind::kPerson, people);
    figures.SortById(Kind::kPerson, employees);
    report.Array("people", people,
                 [&](Idx person) { return json::ProfileJson(graph, figures.PersonProfile(person, as_of)); });
    bj::object line = json::CustomerLineJson(graph, customer_line, "company");
    overrides.AddTo(line["customers"].as_array());
    report.Field("customer_line", line);
    line = {};
    report.Field("influence_line",
                 json::InfluenceLineJson(graph, lines.Influence(company, engine::kOurs, as_of), "company"));
    report.Array("employees", employees, [&](Idx person) {
      return json::EmployeeJson(graph, figures.EmployeeInfluence(person, engine::kOurs, as_of, company));
    });
    report.Array("warnings", engine::Warnings(figures).Check(company, as_of),
                 [&](const engine::Warning& warning) { return json::WarningJson(graph, warning); });
    if (!project_history) {
      report.End();
      return;
    }
    const engine::ProjectHistory history(figures);
    std::vector<Idx> customers;
    for (Idx customer : graph.customers) {
      if (graph.orgs[customer].life.On(as_of)) customers.push_back(customer);
    }
    report.Array("histories", customers,
                 [&](Idx customer) { return json::CustomerHistoryJson(graph, history.History(customer, as_of)); });
    report.Array("projects", opportunities,
                 [&](Idx opp) { return json::ProjectViewJson(graph, history.Project(opp, as_of)); });
    report.End();
  });
}

}  // namespace brm
