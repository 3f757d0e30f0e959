#include "json/figures_json.hpp"

#include "domain/vocab.hpp"
#include "json/graph_ids.hpp"

namespace brm::json {
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;

namespace {

constexpr const char* kDimensionNames[] = {"closeness", "solution", "price"};

bj::value Word(vocab::Words words, uint8_t index) {
  return bj::string(words[index]);
}

// The change of a count; both sides are always known.
int64_t CountChange(int now, int earlier) { return static_cast<int64_t>(now) - earlier; }

}  // namespace

bj::object StatsJson(const engine::Stats& s, bj::storage_ptr sp) {
  bj::object o(std::move(sp));
  o.reserve(14);
  o["n"] = s.n;
  o["known"] = s.known();
  o["unknown"] = s.unknown();
  o["strong_support"] = s.counts[0];
  o["support"] = s.counts[1];
  o["neutral"] = s.counts[2];
  o["oppose"] = s.counts[3];
  o["strong_oppose"] = s.counts[4];
  o["supporters"] = s.supporters();
  o["opposers"] = s.opposers();
  o["mean"] = Number(s.mean());
  o["percent"] = Number(s.percent());
  const auto tier = s.tier();
  o["tier"] = tier ? bj::value(bj::string(engine::kTierNames[static_cast<int>(*tier)])) : bj::value(nullptr);
  return o;
}

bj::object DegreesJson(const engine::Degrees& degrees, bj::storage_ptr sp) {
  bj::object o(std::move(sp));
  o.reserve(engine::kDimensions);
  for (int d = 0; d < engine::kDimensions; ++d) o[kDimensionNames[d]] = StatsJson(degrees[d], o.storage());
  return o;
}

bj::object DeltaJson(const engine::Degrees& now, const engine::Degrees& earlier, bj::storage_ptr sp) {
  bj::object o(std::move(sp));
  o.reserve(engine::kDimensions + 1);  // callers add a count
  for (int d = 0; d < engine::kDimensions; ++d) o[kDimensionNames[d]] = Number(engine::Change(now[d].mean(), earlier[d].mean()));
  return o;
}

bj::value TowardJson(const engine::Graph& graph, Idx toward) {
  if (toward == engine::kOurs) return "ours";
  return bj::string(graph.Id(Kind::kOrganization, toward));
}

bj::object CustomerMetricsJson(const engine::Graph& graph, const engine::CustomerMetrics& m, bj::storage_ptr sp) {
  bj::object o(std::move(sp));
  o.reserve(20);  // with what the service adds: may_write, strategy_reason, strategy_override
  o["customer"] = IdOrNull(graph, Kind::kOrganization, m.customer);
  o["as_of"] = FormatDate(m.as_of);
  o["toward"] = TowardJson(graph, m.toward);
  o["key_persons"] = m.key_persons;
  o["insighted"] = m.insighted;
  o["fully_profiled"] = m.fully_profiled;
  o["complete"] = m.complete;
  o["degrees"] = DegreesJson(m.degrees, o.storage());
  bj::object mom = DeltaJson(m.degrees, m.month_ago, o.storage());
  mom["key_persons"] = CountChange(m.key_persons, m.key_persons_month_ago);
  o["mom"] = std::move(mom);
  bj::object yoy = DeltaJson(m.degrees, m.year_ago, o.storage());
  yoy["key_persons"] = CountChange(m.key_persons, m.key_persons_year_ago);
  o["yoy"] = std::move(yoy);
  o["open_opportunities"] = {{"count", m.open_count}, {"amount", m.open_amount}};
  o["strategy"] = engine::StrategyName(m.strategy);
  o["focus"] = m.customer == kNone ? false : graph.orgs[m.customer].focus;
  o["owner"] = m.customer == kNone ? bj::value(nullptr) : IdOrNull(graph, Kind::kUser, graph.orgs[m.customer].owner);
  bj::array departments(o.storage());
  departments.reserve(m.departments.size());
  for (const auto& row : m.departments) {
    departments.push_back(bj::object({{"department", IdOrNull(graph, Kind::kDepartment, row.department)},
                                      {"key_persons", row.key_persons},
                                      {"degrees", DegreesJson(row.degrees, o.storage())}},
                                     o.storage()));
  }
  o["departments"] = std::move(departments);
  return o;
}

bj::object ChainJson(const engine::Graph& graph, const engine::ChainFigures& c) {
  bj::object o;
  o["opportunity"] = IdOrNull(graph, Kind::kOpportunity, c.opportunity);
  o["as_of"] = FormatDate(c.as_of);
  o["toward"] = TowardJson(graph, c.toward);
  bj::array members;
  for (const auto& m : c.members) {
    bj::object row;
    row["person"] = IdOrNull(graph, Kind::kPerson, m.person);
    row["role"] = Word(vocab::kDecisionRoles, m.role);
    row["veto"] = engine::YesNoName(m.veto);
    row["approve"] = engine::YesNoName(m.approve);
    bj::array inherited;
    for (int d = 0; d < engine::kDimensions; ++d) {
      row[kDimensionNames[d]] = engine::AttitudeName(m.degrees[d]);
      if (m.inherited[d]) inherited.emplace_back(kDimensionNames[d]);
    }
    row["inherited"] = std::move(inherited);
    row["interaction"] = engine::InteractionName(m.interaction);
    row["member"] = IdOrNull(graph, Kind::kChainMember, m.member);
    members.push_back(std::move(row));
  }
  o["members"] = std::move(members);
  o["degrees"] = DegreesJson(c.degrees);
  bj::array missing;
  for (uint8_t role : c.missing_roles) missing.push_back(Word(vocab::kDecisionRoles, role));
  o["missing_roles"] = std::move(missing);
  o["mom"] = DeltaJson(c.degrees, c.month_ago);
  o["yoy"] = DeltaJson(c.degrees, c.year_ago);
  return o;
}

bj::object ProfileJson(const engine::Graph& graph, const engine::Profile& p) {
  bj::object o;
  o["person"] = IdOrNull(graph, Kind::kPerson, p.person);
  o["as_of"] = FormatDate(p.as_of);
  bj::object features;
  for (int d = 0; d < engine::kDimensions; ++d) features[kDimensionNames[d]] = engine::AttitudeName(p.degrees[d]);
  features["veto"] = engine::YesNoName(p.veto);
  features["approve"] = engine::YesNoName(p.approve);
  features["acquaintance"] = p.acquaintance;
  features["orientation"] = Word(vocab::kOrientation, p.orientation);
  o["features"] = std::move(features);
  o["insighted"] = p.insighted;
  o["fully_profiled"] = p.known_features == 7;
  o["completeness"] = static_cast<double>(p.known_features) / 7.0;
  o["importance"] = Word(vocab::kImportance, p.importance);
  o["interaction"] = engine::InteractionName(p.interaction);
  o["influencers"] = {{"internal", Ids(graph, Kind::kPerson, p.internal)},
                      {"ours", Ids(graph, Kind::kPerson, p.ours)},
                      {"competitors", Ids(graph, Kind::kPerson, p.competitors)}};
  bj::array chains;
  for (const auto& chain : p.chains) {
    bj::object row;
    row["opportunity"] = IdOrNull(graph, Kind::kOpportunity, chain.opportunity);
    row["role"] = Word(vocab::kDecisionRoles, chain.role);
    for (int d = 0; d < engine::kDimensions; ++d) row[kDimensionNames[d]] = engine::AttitudeName(chain.degrees[d]);
    row["interaction"] = engine::InteractionName(chain.interaction);  // the project interaction level
    chains.push_back(std::move(row));
  }
  o["chains"] = std::move(chains);
  return o;
}

bj::object EmployeeJson(const engine::Graph& graph, const engine::EmployeeMetrics& m) {
  bj::object o;
  o["employee"] = IdOrNull(graph, Kind::kPerson, m.employee);
  o["as_of"] = FormatDate(m.as_of);
  o["acquainted"] = m.acquainted;
  o["uninsighted"] = m.uninsighted;
  o["degrees"] = DegreesJson(m.degrees);
  o["value_potential"] = Number(m.value_potential);
  o["influence_uses"] = m.influence_uses;
  o["contributed_wins"] = m.contributed_wins;
  return o;
}

bj::object InfluenceEntryJson(const engine::Graph& graph, const engine::InfluenceLine::Entry& entry) {
  // Exactly these fields: the list is what a viewer who may not see the customer gets (SPEC.md §6.4).
  return bj::object{{"person", IdOrNull(graph, Kind::kPerson, entry.person)},
                    {"company", IdOrNull(graph, Kind::kOrganization, entry.company)},
                    {"department", IdOrNull(graph, Kind::kDepartment, entry.department)},
                    {"title", entry.title},
                    {"closeness", engine::AttitudeName(entry.closeness)},
                    {"owner", IdOrNull(graph, Kind::kUser, entry.owner)},
                    {"influencers", Ids(graph, Kind::kPerson, entry.influencers)}};
}

namespace {

// Toward a competitor: the key persons its staff can influence, as ids (whole) or as their count (summary).
void CompetitorInfluencedJson(const engine::Graph& graph, Idx toward, const std::vector<Idx>& people, Shape shape,
                              bj::object& o) {
  if (toward == engine::kOurs) return;
  if (shape == Shape::kWhole) o["competitor_influenced"] = Ids(graph, Kind::kPerson, people);
  else o["competitor_influenced_count"] = people.size();
}

}  // namespace

bj::object CustomerLineJson(const engine::Graph& graph, const engine::CustomerLine& line, const std::string& scope,
                            Shape shape) {
  const bool whole = shape == Shape::kWhole;
  using engine::kMonthAgo, engine::kNow, engine::kYearAgo;
  bj::object o;
  o["scope"] = scope;
  o["as_of"] = FormatDate(line.as_of);
  o["toward"] = TowardJson(graph, line.toward);
  bj::object trend;
  trend["customers"] = line.customers[kNow];
  for (int d = 0; d < engine::kDimensions; ++d) trend[kDimensionNames[d]] = Number(line.pooled[kNow][d].mean());
  bj::object mom = DeltaJson(line.pooled[kNow], line.pooled[kMonthAgo]);
  mom["customers"] = CountChange(line.customers[kNow], line.customers[kMonthAgo]);
  bj::object yoy = DeltaJson(line.pooled[kNow], line.pooled[kYearAgo]);
  yoy["customers"] = CountChange(line.customers[kNow], line.customers[kYearAgo]);
  trend["mom"] = std::move(mom);
  trend["yoy"] = std::move(yoy);
  trend["degrees"] = DegreesJson(line.pooled[kNow]);
  o["trend"] = std::move(trend);
  bj::object tiers;
  for (int d = 0; d < engine::kDimensions; ++d) {
    bj::object by_tier;
    for (int t = 0; t < 4; ++t) {
      const auto& row = line.tiers[d][t];
      bj::object cell;
      cell["count"] = row.count[kNow];
      cell["mean"] = Number(row.pooled[kNow].mean());
      if (whole) cell["customers"] = Ids(graph, Kind::kOrganization, row.customers);
      cell["mom"] = {{"count", CountChange(row.count[kNow], row.count[kMonthAgo])},
                     {"mean", Number(engine::Change(row.pooled[kNow].mean(), row.pooled[kMonthAgo].mean()))}};
      cell["yoy"] = {{"count", CountChange(row.count[kNow], row.count[kYearAgo])},
                     {"mean", Number(engine::Change(row.pooled[kNow].mean(), row.pooled[kYearAgo].mean()))}};
      by_tier[engine::kTierNames[t]] = std::move(cell);
    }
    tiers[kDimensionNames[d]] = std::move(by_tier);
  }
  o["tiers"] = std::move(tiers);
  if (whole) {
    bj::array customers;
    customers.reserve(line.list.size());
    for (const auto& metrics : line.list) customers.push_back(CustomerMetricsJson(graph, metrics));
    o["customers"] = std::move(customers);
  }
  CompetitorInfluencedJson(graph, line.toward, line.competitor_influenced, shape, o);
  return o;
}

bj::object InfluenceLineJson(const engine::Graph& graph, const engine::InfluenceLine& line, const std::string& scope,
                             Shape shape) {
  const bool whole = shape == Shape::kWhole;
  using engine::kMonthAgo, engine::kNow, engine::kYearAgo;
  static constexpr const char* kBuckets[] = {"unknown", "supporters", "opposers", "neutral"};
  bj::object o;
  o["scope"] = scope;
  o["as_of"] = FormatDate(line.as_of);
  o["toward"] = TowardJson(graph, line.toward);
  bj::object trend;
  trend["acquainted"] = line.acquainted[kNow];
  trend["uninsighted"] = line.uninsighted[kNow];
  for (int d = 0; d < engine::kDimensions; ++d) trend[kDimensionNames[d]] = Number(line.pooled[kNow][d].mean());
  for (const auto& [name, w] : {std::pair{"mom", kMonthAgo}, std::pair{"yoy", kYearAgo}}) {
    bj::object delta = DeltaJson(line.pooled[kNow], line.pooled[w]);
    delta["acquainted"] = CountChange(line.acquainted[kNow], line.acquainted[w]);
    delta["uninsighted"] = CountChange(line.uninsighted[kNow], line.uninsighted[w]);
    trend[name] = std::move(delta);
  }
  o["trend"] = std::move(trend);
  bj::object analysis;
  for (int d = 0; d < engine::kDimensions; ++d) {
    bj::object buckets;
    for (int b = 0; b < 4; ++b) {
      const auto& row = line.analysis[d][b];
      bj::object bucket{{"count", row.count[kNow]},
                        {"mom", CountChange(row.count[kNow], row.count[kMonthAgo])},
                        {"yoy", CountChange(row.count[kNow], row.count[kYearAgo])}};
      if (whole) bucket["people"] = Ids(graph, Kind::kPerson, row.people);
      buckets[kBuckets[b]] = std::move(bucket);
    }
    analysis[kDimensionNames[d]] = std::move(buckets);
  }
  o["analysis"] = std::move(analysis);
  if (whole) {
    bj::array list;
    list.reserve(line.list.size());
    for (const auto& entry : line.list) list.push_back(InfluenceEntryJson(graph, entry));
    o["list"] = std::move(list);
  }
  o["kpi"] = {{"value_potential", Number(line.value_potential)},
              {"contribution_count", Number(line.contribution_count)},
              {"contribution_amount", Number(line.contribution_amount)}};
  CompetitorInfluencedJson(graph, line.toward, line.competitor_influenced, shape, o);
  return o;
}

bj::array TrendJson(const std::vector<engine::TrendPoint>& points, const char* count_name, bool with_key_persons) {
  bj::array out;
  for (const auto& point : points) {
    bj::object o;
    o["month"] = FormatDate(point.as_of).substr(0, 7);
    o["as_of"] = FormatDate(point.as_of);
    o[count_name] = point.count;
    if (with_key_persons) o["key_persons"] = point.key_persons;
    o["degrees"] = DegreesJson(point.degrees);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace brm::json
