// Pages of the figure lists that grow with the tenant (docs/api.md "Pages of figure lists"): the customer
// line's customers, the influence list and the warnings, filtered, sorted and cut to a page on the server,
// each row carrying the names it shows — the names the caller may read, decided by the access policy.
#include <algorithm>
#include <charconv>
#include <optional>
#include <unordered_map>

#include "domain/strategy_config.hpp"
#include "domain/vocab.hpp"
#include "engine/lines.hpp"
#include "engine/warning_states.hpp"
#include "engine/warnings.hpp"
#include "json/figures_json.hpp"
#include "json/work_json.hpp"
#include "service/figures.hpp"
#include "service/pages.hpp"

namespace brm {
namespace bj = boost::json;
using pages::AddPaging;
using pages::BadFilter;
using pages::CheckNames;
using pages::Contains;
using pages::Flag;
using pages::Folded;
using pages::Has;
using pages::PageBounds;
using pages::SortRows;
using pages::SortValue;
using pages::WordList;
using engine::Figures;
using engine::Idx;
using engine::kNone;

namespace {

constexpr const char* kDimensionNames[] = {"closeness", "solution", "price"};

// The decision a warning row shows (engine/warning_states.hpp): {"id", "status", "reason", "snoozed_until",
// "by", "by_name", "date", "lapsed"} — "lapsed" is why it no longer holds ("facts", "severity",
// "snooze_over") or null while it does; null when nobody decided about the warning.
bj::value DecisionJson(const engine::Graph& graph, const engine::DecisionState& state) {
  if (state.decision == kNone) return nullptr;
  const engine::WarningDecision& d = graph.decisions[state.decision];
  auto date = [](Date day) { return day == engine::kMaxDate ? bj::value(nullptr) : bj::value(bj::string(FormatDate(day))); };
  return bj::object{
      {"id", graph.Id(Kind::kWarningDecision, state.decision)},
      {"status", vocab::kDecisionStatus[d.status]},
      {"reason", d.reason.empty() ? bj::value(nullptr) : bj::value(bj::string(d.reason))},
      {"snoozed_until", date(d.snoozed_until)},
      {"by", d.by == kNone ? bj::value(nullptr) : bj::value(bj::string(graph.Id(Kind::kUser, d.by)))},
      {"by_name", d.by == kNone ? bj::value(nullptr) : bj::value(bj::string(UserName(graph, d.by)))},
      {"date", FormatDate(d.date)},
      {"lapsed", state.lapse == engine::Lapse::kNone ? bj::value(nullptr)
                                                     : bj::value(bj::string(engine::kLapseNames[static_cast<int>(state.lapse)]))},
  };
}

}  // namespace

std::string UserName(const engine::Graph& graph, Idx user) {
  if (user == kNone || user >= graph.users.size()) return {};
  const Idx person = graph.users[user].person;
  if (person != kNone && person < graph.people.size() && !graph.people[person].name.empty()) {
    return graph.people[person].name;
  }
  return graph.users[user].login;
}

Result<bj::object> FiguresService::CustomerLinePage(const Actor& actor, const FigureQuery& query,
                                                    const PageQuery& page) {
  static const std::vector<std::string_view> kFilters = {"q", "strategy", "tier.closeness", "tier.solution",
                                                         "tier.price", "focus", "owner"};
  static const std::vector<std::string_view> kSorts = {
      "name", "key_persons", "insighted", "fully_profiled", "closeness.percent", "closeness.mom",
      "solution.percent", "solution.mom", "price.percent", "price.mom", "open_count", "open_amount"};
  if (auto status = CheckNames(page, kFilters, kSorts, "as_of, toward, scope"); !status) return status.error();
  const OverrideIndex overrides(store_);  // the strategies users set

  auto result = AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Graph& graph = all.graph();

    // The filters, checked before any figure is computed.
    std::string needle;
    std::vector<std::string> strategies;
    std::array<std::optional<std::string>, engine::kDimensions> tiers;
    std::optional<bool> focus;
    Idx owner = kNone;
    bool by_owner = false;
    for (const auto& [name, value] : page.filters) {
      if (name == "q") {
        needle = Folded(value);
      } else if (name == "strategy") {
        auto words = WordList(name, value, kStrategies);
        if (!words) return words.error();
        strategies = std::move(*words);
      } else if (name == "focus") {
        auto flag = Flag(name, value);
        if (!flag) return flag.error();
        focus = *flag;
      } else if (name == "owner") {
        owner = graph.ids(Kind::kUser).Find(value);
        if (owner == kNone) return BadFilter(name, "must be the id of a user; no user has the id \"" + value + "\".");
        by_owner = true;
      } else {  // tier.<dimension>
        static const std::vector<std::string_view> kTiers = {"excellent", "good", "fair", "poor", "none"};
        if (!Has(kTiers, value)) return BadFilter(name, "must be one of: excellent, good, fair, poor, none.");
        for (int d = 0; d < engine::kDimensions; ++d) {
          if (name == std::string("tier.") + kDimensionNames[d]) tiers[d] = value;
        }
      }
    }

    const std::shared_ptr<const engine::CustomerLine> cached =
        engine::Lines(all.Within(perspective->scope)).CachedCustomers(perspective->scope, *toward, query.as_of);
    const engine::CustomerLine& line = *cached;
    auto strategy_of = [&](const engine::CustomerMetrics& m) -> std::string {
      const StrategyOverrideRow* set = overrides.Find(graph.Id(Kind::kOrganization, m.customer));
      return set ? set->strategy : std::string(engine::StrategyName(m.strategy));
    };
    std::vector<const engine::CustomerMetrics*> rows;
    std::array<int, engine::kDimensions> untiered{};
    for (const engine::CustomerMetrics& m : line.list) {
      for (int d = 0; d < engine::kDimensions; ++d) untiered[d] += m.degrees[d].tier() ? 0 : 1;
      const engine::Organization& org = graph.orgs[m.customer];
      if (!needle.empty() && !Contains(org.name, needle) && !Contains(graph.Id(Kind::kOrganization, m.customer), needle)) {
        continue;
      }
      if (!strategies.empty() && !Has(strategies, strategy_of(m))) continue;
      if (focus && org.focus != *focus) continue;
      if (by_owner && org.owner != owner) continue;
      bool tier_ok = true;
      for (int d = 0; d < engine::kDimensions && tier_ok; ++d) {
        if (!tiers[d]) continue;
        const auto tier = m.degrees[d].tier();
        tier_ok = *tiers[d] == "none" ? !tier : tier && engine::kTierNames[static_cast<int>(*tier)] == *tiers[d];
      }
      if (tier_ok) rows.push_back(&m);
    }
    if (!page.sort.empty()) {
      const std::string& key = page.sort;
      SortRows(rows, page.descending, [&](const engine::CustomerMetrics* m) -> SortValue {
        if (key == "name") return {std::nullopt, std::string_view(graph.orgs[m->customer].name)};
        if (key == "key_persons") return {m->key_persons, std::nullopt};
        if (key == "insighted") return {m->insighted, std::nullopt};
        if (key == "fully_profiled") return {m->fully_profiled, std::nullopt};
        if (key == "open_count") return {m->open_count, std::nullopt};
        if (key == "open_amount") return {m->open_amount, std::nullopt};
        for (int d = 0; d < engine::kDimensions; ++d) {
          if (key == std::string(kDimensionNames[d]) + ".percent") return {m->degrees[d].percent(), std::nullopt};
          if (key == std::string(kDimensionNames[d]) + ".mom") {
            return {engine::Change(m->degrees[d].mean(), m->month_ago[d].mean()), std::nullopt};
          }
        }
        return {};
      });
    }

    bj::object out = json::CustomerLineJson(graph, line, access.ScopeName(query.scope), json::Shape::kSummary);
    bj::object untiered_json;
    for (int d = 0; d < engine::kDimensions; ++d) untiered_json[kDimensionNames[d]] = untiered[d];
    out["untiered"] = std::move(untiered_json);
    const auto [begin, end] = PageBounds(rows, page);
    bj::array items;
    items.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
      const engine::CustomerMetrics& m = *rows[i];
      bj::object row = json::CustomerMetricsJson(graph, m);
      row.erase("departments");
      row["name"] = graph.orgs[m.customer].name;
      const Idx row_owner = graph.orgs[m.customer].owner;
      row["owner_name"] = row_owner == kNone ? bj::value(nullptr) : bj::value(bj::string(UserName(graph, row_owner)));
      overrides.AddTo(row);
      items.push_back(std::move(row));
    }
    out["items"] = std::move(items);
    AddPaging(out, rows.size(), page);
    return out;
  });
  return result;
}

Result<bj::object> FiguresService::InfluenceLinePage(const Actor& actor, const FigureQuery& query,
                                                     const PageQuery& page) {
  static const std::vector<std::string_view> kFilters = {"q", "closeness", "company", "owner"};
  static const std::vector<std::string_view> kSorts = {"person", "company", "closeness", "influencers"};
  if (auto status = CheckNames(page, kFilters, kSorts, "as_of, toward, scope"); !status) return status.error();
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Graph& graph = all.graph();

    std::string needle;
    std::vector<int8_t> closeness;
    std::optional<std::string> company, owner;
    for (const auto& [name, value] : page.filters) {
      if (name == "q") {
        needle = Folded(value);
      } else if (name == "closeness") {
        static const std::vector<std::string_view> kAttitudes = {"strong_support", "support", "neutral",
                                                                 "oppose", "strong_oppose", "unknown"};
        auto words = WordList(name, value, kAttitudes);
        if (!words) return words.error();
        for (const std::string& word : *words) {
          for (int8_t v : {int8_t{2}, int8_t{1}, int8_t{0}, int8_t{-1}, int8_t{-2}, engine::kUnknown}) {
            if (engine::AttitudeName(v) == word) closeness.push_back(v);
          }
        }
      } else if (name == "company") {
        company = value;
      } else {  // owner
        if (graph.ids(Kind::kUser).Find(value) == kNone) {
          return BadFilter(name, "must be the id of a user; no user has the id \"" + value + "\".");
        }
        owner = value;
      }
    }

    const std::shared_ptr<const engine::InfluenceLine> cached =
        engine::Lines(all.Within(perspective->scope)).CachedInfluence(perspective->scope, *toward, query.as_of);
    const engine::InfluenceLine& line = *cached;
    // The names a row shows: the person's and department's when the caller may read the person, the
    // company's when they may see it (SPEC.md §6.4: the list itself is shown to every viewer of the line).
    struct Row {
      const engine::InfluenceLine::Entry* entry;
      bool readable, company_seen;
    };
    std::vector<Row> rows;
    for (const auto& entry : line.list) {
      Row row{&entry, access.MayRead(Kind::kPerson, entry.person), access.SeesOrg(entry.company)};
      if (!closeness.empty() && !Has(closeness, entry.closeness)) continue;
      if (company && (entry.company == kNone || graph.Id(Kind::kOrganization, entry.company) != *company)) continue;
      if (owner && (entry.owner == kNone || graph.Id(Kind::kUser, entry.owner) != *owner)) continue;
      if (!needle.empty() && !(row.readable && Contains(graph.people[entry.person].name, needle)) &&
          !(row.company_seen && Contains(graph.orgs[entry.company].name, needle)) && !Contains(entry.title, needle)) {
        continue;
      }
      rows.push_back(row);
    }
    if (!page.sort.empty()) {
      const std::string& key = page.sort;
      SortRows(rows, page.descending, [&](const Row& row) -> SortValue {
        const auto& e = *row.entry;
        if (key == "person") {
          if (!row.readable) return {};
          return {std::nullopt, std::string_view(graph.people[e.person].name)};
        }
        if (key == "company") {
          if (!row.company_seen) return {};
          return {std::nullopt, std::string_view(graph.orgs[e.company].name)};
        }
        if (key == "closeness") return {e.closeness == engine::kUnknown ? std::nullopt : std::optional<double>(e.closeness), std::nullopt};
        return {static_cast<double>(e.influencers.size()), std::nullopt};
      });
    }

    bj::object out = json::InfluenceLineJson(graph, line, access.ScopeName(query.scope), json::Shape::kSummary);
    const auto [begin, end] = PageBounds(rows, page);
    bj::array items;
    items.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
      const Row& row = rows[i];
      const auto& e = *row.entry;
      bj::object item = json::InfluenceEntryJson(graph, e);
      item["person_name"] = row.readable ? bj::value(bj::string(graph.people[e.person].name)) : bj::value(nullptr);
      item["company_name"] =
          row.company_seen ? bj::value(bj::string(graph.orgs[e.company].name)) : bj::value(nullptr);
      item["department_name"] = row.readable && e.department != kNone
                                    ? bj::value(bj::string(graph.departments[e.department].name))
                                    : bj::value(nullptr);
      item["owner_name"] = e.owner == kNone ? bj::value(nullptr) : bj::value(bj::string(UserName(graph, e.owner)));
      bj::array influencer_names;
      for (Idx employee : e.influencers) influencer_names.emplace_back(bj::string(graph.people[employee].name));
      item["influencer_names"] = std::move(influencer_names);
      items.push_back(std::move(item));
    }
    out["items"] = std::move(items);
    AddPaging(out, rows.size(), page);
    return out;
  });
}

Result<bj::object> FiguresService::CompetitorInfluencedPage(const Actor& actor, const FigureQuery& query,
                                                            const PageQuery& page) {
  if (auto status = CheckNames(page, {}, {}, "as_of, toward, scope"); !status) return status.error();
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    if (*toward == engine::kOurs) {
      return MakeError(ErrorCode::kInvalid,
                       "\"toward\" must be the id of a competitor: this list is of the key persons a competitor's "
                       "staff can influence.",
                       "toward");
    }
    const engine::Graph& graph = all.graph();
    const std::shared_ptr<const engine::CustomerLine> line =
        engine::Lines(all.Within(perspective->scope)).CachedCustomers(perspective->scope, *toward, query.as_of);
    const std::vector<Idx>& people = line->competitor_influenced;
    bj::object out;
    const auto [begin, end] = PageBounds(people, page);
    bj::array items;
    items.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
      const Idx person = people[i];
      const Idx customer = graph.people[person].org;
      const bool readable = access.MayRead(Kind::kPerson, person);
      items.push_back(bj::object{
          {"person", graph.Id(Kind::kPerson, person)},
          {"name", readable ? bj::value(bj::string(graph.people[person].name)) : bj::value(nullptr)},
          {"customer", customer == kNone ? bj::value(nullptr) : bj::value(bj::string(graph.Id(Kind::kOrganization, customer)))},
          {"customer_name", customer != kNone && access.SeesOrg(customer) ? bj::value(bj::string(graph.orgs[customer].name))
                                                                          : bj::value(nullptr)},
      });
    }
    out["items"] = std::move(items);
    AddPaging(out, people.size(), page);
    return out;
  });
}

Result<bj::object> FiguresService::WarningsPage(const Actor& actor, const FigureQuery& query, const PageQuery& page) {
  static const std::vector<std::string_view> kFilters = {"severity", "kind", "customer", "opportunity", "person",
                                                         "state", "group"};
  static const std::vector<std::string_view> kSorts = {"severity", "kind", "customer"};
  static const std::vector<std::string_view> kStates = {"open", "new", "acknowledged", "snoozed", "dismissed"};
  if (auto status = CheckNames(page, kFilters, kSorts, "as_of, scope"); !status) return status.error();
  return AsActor(actor, [&](const Access& access, const Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    const engine::Graph& graph = all.graph();
    std::vector<std::string> severities, kinds, states;
    std::optional<std::string> customer, opportunity, person;
    bool by_customer_rows = false;
    for (const auto& [name, value] : page.filters) {
      if (name == "severity") {
        auto words = WordList(name, value, engine::kSeverityNames);
        if (!words) return words.error();
        severities = std::move(*words);
      } else if (name == "kind") {
        auto words = WordList(name, value, engine::kWarningKindNames);
        if (!words) return words.error();
        kinds = std::move(*words);
      } else if (name == "state") {
        auto words = WordList(name, value, kStates);
        if (!words) return words.error();
        states = std::move(*words);
        if (Has(states, "open")) states.insert(states.end(), {"new", "acknowledged"});
      } else if (name == "group") {
        if (value != "customer") return BadFilter(name, "must be \"customer\" (a row per customer, with its counts).");
        by_customer_rows = true;
      } else if (name == "customer") {
        customer = value;
      } else if (name == "opportunity") {
        opportunity = value;
      } else {
        person = value;
      }
    }
    if (by_customer_rows && !page.sort.empty()) {
      return BadFilter("sort", "does not apply to rows grouped by customer (most high warnings first, then most warnings).");
    }
    const std::shared_ptr<const std::vector<engine::Warning>> cached = engine::Warnings(all.Within(perspective->scope))
                                                                        .CachedCheck(perspective->scope, query.as_of,
                                                                                     perspective->users);
    const std::vector<engine::Warning>& warnings = *cached;
    const Idx reader = graph.ids(Kind::kUser).Find(actor.user);

    // The summary, over every warning of the perspective.
    std::array<int, 3> by_severity{};
    std::array<int, engine::kWarningKinds> by_kind{};
    std::array<int, 4> by_state{};
    struct CustomerCounts {
      std::array<int, 3> severity{};
      int count = 0, fresh = 0;  // warnings (of the rows kept), new ones among them
    };
    std::unordered_map<Idx, std::pair<int, int>> by_customer;  // customer → (warnings, high ones)
    std::unordered_map<Idx, CustomerCounts> grouped;            // the rows kept, per customer
    // "(none)", which no id can be: the warnings that concern none (a customer filter's perspective's own).
    auto id_is = [&](Kind kind, Idx index, const std::optional<std::string>& wanted) {
      if (wanted && *wanted == "(none)") return index == kNone;
      return !wanted || (index != kNone && graph.Id(kind, index) == *wanted);
    };
    struct Row {
      const engine::Warning* warning;
      engine::DecisionState state;
    };
    std::vector<Row> rows;
    for (const engine::Warning& w : warnings) {
      const engine::DecisionState state = engine::StateOf(graph, w, query.as_of, reader);
      ++by_severity[static_cast<int>(w.severity)];
      ++by_kind[static_cast<int>(w.kind)];
      ++by_state[static_cast<int>(state.state)];
      if (w.customer != kNone) {
        auto& counts = by_customer[w.customer];
        ++counts.first;
        counts.second += w.severity == engine::Severity::kHigh ? 1 : 0;
      }
      if (!severities.empty() && !Has(severities, engine::SeverityName(w.severity))) continue;
      if (!kinds.empty() && !Has(kinds, engine::WarningKindName(w.kind))) continue;
      if (!states.empty() && !Has(states, engine::kWarningStateNames[static_cast<int>(state.state)])) continue;
      if (!id_is(Kind::kOrganization, w.customer, customer) || !id_is(Kind::kOpportunity, w.opportunity, opportunity) ||
          !id_is(Kind::kPerson, w.person, person)) {
        continue;
      }
      if (by_customer_rows) {
        CustomerCounts& counts = grouped[w.customer];
        ++counts.count;
        ++counts.severity[static_cast<int>(w.severity)];
        counts.fresh += state.state == engine::WarningState::kNew ? 1 : 0;
      }
      rows.push_back(Row{&w, state});
    }

    bj::object out;
    out["scope"] = access.ScopeName(query.scope);
    out["as_of"] = FormatDate(query.as_of);
    bj::object summary;
    summary["total"] = warnings.size();
    bj::object severity_json, kind_json, state_json;
    for (int s = 0; s < 3; ++s) severity_json[engine::kSeverityNames[s]] = by_severity[s];
    for (int k = 0; k < engine::kWarningKinds; ++k) {
      if (by_kind[k] > 0) kind_json[engine::kWarningKindNames[k]] = by_kind[k];
    }
    for (int s = 0; s < 4; ++s) state_json[engine::kWarningStateNames[s]] = by_state[s];
    state_json["open"] = by_state[0] + by_state[1];
    summary["severity"] = std::move(severity_json);
    summary["kind"] = std::move(kind_json);
    summary["state"] = std::move(state_json);
    std::vector<std::pair<Idx, std::pair<int, int>>> customers(by_customer.begin(), by_customer.end());
    auto most_first = [&](Idx a, int high_a, int count_a, Idx b, int high_b, int count_b) {
      if (high_a != high_b) return high_a > high_b;
      if (count_a != count_b) return count_a > count_b;
      if (a == kNone || b == kNone) return b == kNone && a != kNone;  // the scope's own warnings last
      return graph.Id(Kind::kOrganization, a) < graph.Id(Kind::kOrganization, b);
    };
    std::sort(customers.begin(), customers.end(), [&](const auto& a, const auto& b) {
      return most_first(a.first, a.second.second, a.second.first, b.first, b.second.second, b.second.first);
    });
    summary["customer_count"] = customers.size();
    bj::array top;
    for (size_t i = 0; i < customers.size() && i < 10; ++i) {
      const auto& [org, counts] = customers[i];
      top.push_back(bj::object{{"customer", graph.Id(Kind::kOrganization, org)},
                               {"name", graph.orgs[org].name},
                               {"count", counts.first},
                               {"high", counts.second}});
    }
    summary["customers"] = std::move(top);
    out["summary"] = std::move(summary);

    if (by_customer_rows) {
      std::vector<std::pair<Idx, CustomerCounts>> groups(grouped.begin(), grouped.end());
      std::sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        return most_first(a.first, a.second.severity[0], a.second.count, b.first, b.second.severity[0], b.second.count);
      });
      const auto [begin, end] = PageBounds(groups, page);
      bj::array items;
      for (size_t i = begin; i < end; ++i) {
        const auto& [org, counts] = groups[i];
        bj::object item;
        item["customer"] = org == kNone ? bj::value(nullptr) : bj::value(bj::string(graph.Id(Kind::kOrganization, org)));
        item["name"] = org == kNone ? bj::value(nullptr) : bj::value(bj::string(graph.orgs[org].name));
        item["count"] = counts.count;
        for (int s = 0; s < 3; ++s) item[engine::kSeverityNames[s]] = counts.severity[s];
        item["new"] = counts.fresh;
        items.push_back(std::move(item));
      }
      out["items"] = std::move(items);
      AddPaging(out, groups.size(), page);
      return out;
    }

    const std::string key = page.sort.empty() ? "severity" : page.sort;
    SortRows(rows, page.descending, [&](const Row& row) -> SortValue {
      const engine::Warning* w = row.warning;
      if (key == "severity") return {static_cast<double>(w->severity), std::nullopt};
      if (key == "kind") return {static_cast<double>(w->kind), std::nullopt};
      if (w->customer == kNone) return {};
      return {std::nullopt, std::string_view(graph.orgs[w->customer].name)};
    });

    const auto [begin, end] = PageBounds(rows, page);
    bj::array items;
    items.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
      const engine::Warning& w = *rows[i].warning;
      bj::value item = json::WarningJson(graph, w);
      bj::object names;
      auto name = [&](Kind kind, Idx index, const std::string& text) {
        if (index != kNone && access.MayRead(kind, index)) names[graph.Id(kind, index)] = text;
      };
      if (w.customer != kNone) name(Kind::kOrganization, w.customer, graph.orgs[w.customer].name);
      if (w.opportunity != kNone) name(Kind::kOpportunity, w.opportunity, graph.opportunities[w.opportunity].name);
      if (w.person != kNone) name(Kind::kPerson, w.person, graph.people[w.person].name);
      for (Idx employee : w.employees) name(Kind::kPerson, employee, graph.people[employee].name);
      for (Idx competitor : w.competitors) name(Kind::kOrganization, competitor, graph.orgs[competitor].name);
      item.as_object()["names"] = std::move(names);
      item.as_object()["state"] = engine::kWarningStateNames[static_cast<int>(rows[i].state.state)];
      item.as_object()["decision"] = DecisionJson(graph, rows[i].state);
      items.push_back(std::move(item));
    }
    out["items"] = std::move(items);
    AddPaging(out, rows.size(), page);
    return out;
  });
}

}  // namespace brm
