// The workbench's lists a page at a time: the suggestions (engine/suggestions.hpp), filtered by kind and
// customer, in the engine's rank, each row with its key (what a task made of it keeps) and its expected
// effect in mean and percent; and the recent changes (engine/recent_changes.hpp). Each row carries the names
// it shows that the caller may read.
#include <charconv>
#include <cmath>

#include "domain/vocab.hpp"
#include "engine/recent_changes.hpp"
#include "engine/suggestions.hpp"
#include "service/figures.hpp"
#include "service/pages.hpp"

namespace brm {
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;
using pages::AddPaging;
using pages::CheckNames;
using pages::Has;
using pages::PageBounds;
using pages::WordList;

namespace {

// A mean as a percent, rounded to one decimal (SPEC.md §5).
double Percent(double mean) { return std::round(mean * 1000.0) / 10.0; }

bj::value IdOrNull(const engine::Graph& graph, Kind kind, Idx index) {
  return index == kNone ? bj::value(nullptr) : bj::value(bj::string(graph.Id(kind, index)));
}

bj::array Ids(const engine::Graph& graph, Kind kind, const std::vector<Idx>& items) {
  bj::array out;
  for (Idx item : items) out.emplace_back(bj::string(graph.Id(kind, item)));
  return out;
}

// The names of the ids a row shows that the caller may read.
class RowNames {
 public:
  RowNames(const Access& access, const engine::Graph& graph) : access_(access), graph_(graph) {}
  void Org(Idx index) {
    if (index != kNone && access_.MayRead(Kind::kOrganization, index)) names_[graph_.Id(Kind::kOrganization, index)] = graph_.orgs[index].name;
  }
  void Opportunity(Idx index) {
    if (index != kNone && access_.MayRead(Kind::kOpportunity, index)) {
      names_[graph_.Id(Kind::kOpportunity, index)] = graph_.opportunities[index].name;
    }
  }
  void Person(Idx index) {
    if (index != kNone && access_.MayRead(Kind::kPerson, index)) names_[graph_.Id(Kind::kPerson, index)] = graph_.people[index].name;
  }
  bj::object Take() { return std::move(names_); }

 private:
  const Access& access_;
  const engine::Graph& graph_;
  bj::object names_;
};

}  // namespace

Result<bj::object> FiguresService::SuggestionsPage(const Actor& actor, const FigureQuery& query, const PageQuery& page) {
  static const std::vector<std::string_view> kFilters = {"kind", "customer"};
  if (auto status = CheckNames(page, kFilters, {}, "as_of, scope"); !status) return status.error();
  return AsActor(actor, [&](const Access& access, const engine::Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    const engine::Graph& graph = all.graph();
    std::vector<std::string> kinds;
    std::optional<std::string> customer;
    for (const auto& [name, value] : page.filters) {
      if (name == "kind") {
        auto words = WordList(name, value, engine::kSuggestionKindNames);
        if (!words) return words.error();
        kinds = std::move(*words);
      } else {
        customer = value;
      }
    }
    const engine::Figures figures = all.Within(perspective->scope);
    const auto cached = engine::Suggestions(figures).CachedFor(perspective->scope, query.as_of);
    std::array<int, engine::kSuggestionKinds> by_kind{};
    std::vector<const engine::Suggestion*> rows;
    for (const engine::Suggestion& s : *cached) {
      ++by_kind[static_cast<int>(s.kind)];
      if (!kinds.empty() && !Has(kinds, engine::kSuggestionKindNames[static_cast<int>(s.kind)])) continue;
      if (customer && (s.customer == kNone || graph.Id(Kind::kOrganization, s.customer) != *customer)) continue;
      rows.push_back(&s);
    }
    bj::object out;
    out["scope"] = access.ScopeName(query.scope);
    out["as_of"] = FormatDate(query.as_of);
    bj::object kind_json;
    for (int k = 0; k < engine::kSuggestionKinds; ++k) kind_json[engine::kSuggestionKindNames[k]] = by_kind[k];
    out["summary"] = bj::object{{"total", cached->size()}, {"kind", std::move(kind_json)}};

    const auto [begin, end] = PageBounds(rows, page);
    bj::array items;
    for (size_t i = begin; i < end; ++i) {
      const engine::Suggestion& s = *rows[i];
      bj::object item;
      item["kind"] = engine::kSuggestionKindNames[static_cast<int>(s.kind)];
      item["customer"] = IdOrNull(graph, Kind::kOrganization, s.customer);
      item["opportunity"] = IdOrNull(graph, Kind::kOpportunity, s.opportunity);
      item["person"] = IdOrNull(graph, Kind::kPerson, s.person);
      auto part = [&](Kind kind, Idx index) { return index == kNone ? std::string() : graph.Id(kind, index); };
      item["key"] = std::string(item["kind"].as_string()) + ":" + part(Kind::kOrganization, s.customer) + ":" +
                    part(Kind::kOpportunity, s.opportunity) + ":" + part(Kind::kPerson, s.person);
      item["value"] = s.value == engine::kUnknown ? bj::value(nullptr) : bj::value(engine::AttitudeName(s.value));
      item["employees"] = Ids(graph, Kind::kPerson, s.employees);
      item["via"] = Ids(graph, Kind::kPerson, s.via);
      item["strength"] = s.kind == engine::SuggestionKind::kIntroduce ? bj::value(s.strength) : bj::value(nullptr);
      bj::array roles, features;
      for (uint8_t role : s.roles) roles.emplace_back(vocab::kDecisionRoles[role]);
      for (std::string_view feature : s.features) features.emplace_back(feature);
      item["roles"] = std::move(roles);
      item["features"] = std::move(features);
      item["days"] = s.days ? bj::value(*s.days) : bj::value(nullptr);
      if (s.effect) {
        const engine::Effect& e = *s.effect;
        item["effect"] = bj::object{{"of", e.chain ? "chain" : "customer"},
                                    {"dimension", "closeness"},
                                    {"known", e.known},
                                    {"before", e.before},
                                    {"after", e.after},
                                    {"delta", e.delta()},
                                    {"percent_before", Percent(e.before)},
                                    {"percent_after", Percent(e.after)},
                                    {"percent_delta", Percent(e.after) - Percent(e.before)}};
      } else {
        item["effect"] = nullptr;
      }
      item["message"] = s.message;
      RowNames names(access, graph);
      names.Org(s.customer);
      names.Opportunity(s.opportunity);
      names.Person(s.person);
      for (Idx p : s.employees) names.Person(p);
      for (Idx p : s.via) names.Person(p);
      item["names"] = names.Take();
      items.push_back(std::move(item));
    }
    out["items"] = std::move(items);
    AddPaging(out, rows.size(), page);
    return out;
  });
}

Result<bj::object> FiguresService::ChangesPage(const Actor& actor, const FigureQuery& query, const PageQuery& page) {
  static const std::vector<std::string_view> kFilters = {"days"};
  if (auto status = CheckNames(page, kFilters, {}, "as_of, scope"); !status) return status.error();
  int days = 14;
  for (const auto& [name, value] : page.filters) {
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), days);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() || days < 1 || days > 366) {
      return pages::BadFilter(name, "must be a whole number of days from 1 to 366.");
    }
  }
  return AsActor(actor, [&](const Access& access, const engine::Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    const engine::Graph& graph = all.graph();
    const std::vector<engine::RecentChange> changes =
        engine::RecentChanges(all.Within(perspective->scope), perspective->scope, query.as_of, days);
    bj::object out;
    out["scope"] = access.ScopeName(query.scope);
    out["as_of"] = FormatDate(query.as_of);
    out["from"] = FormatDate(AddDays(query.as_of, -(days - 1)));
    const auto [begin, end] = PageBounds(changes, page);
    bj::array items;
    for (size_t i = begin; i < end; ++i) {
      const engine::RecentChange& c = changes[i];
      bj::object item;
      item["kind"] = engine::kChangeKindNames[static_cast<int>(c.kind)];
      item["date"] = FormatDate(c.date);
      item["customer"] = IdOrNull(graph, Kind::kOrganization, c.customer);
      item["opportunity"] = IdOrNull(graph, Kind::kOpportunity, c.opportunity);
      item["person"] = IdOrNull(graph, Kind::kPerson, c.person);
      auto word = [&](int8_t value) -> bj::value {
        if (value == engine::kUnknown) return bj::value("unknown");
        if (c.kind == engine::ChangeKind::kVote) return bj::value(value == 1 ? "yes" : "no");
        return bj::value(engine::AttitudeName(value));
      };
      if (c.kind == engine::ChangeKind::kRating) {
        item["dimension"] = vocab::kDimensions[static_cast<int>(c.dimension)];
        item["toward"] = c.toward == engine::kOurs ? bj::value("ours") : bj::value(bj::string(graph.Id(Kind::kOrganization, c.toward)));
      }
      if (c.kind == engine::ChangeKind::kVote) item["vote"] = vocab::kVoteKinds[static_cast<int>(c.vote)];
      if (c.kind == engine::ChangeKind::kRating || c.kind == engine::ChangeKind::kVote) {
        item["value"] = word(c.value);
        item["previous"] = word(c.previous);
      } else {
        item["role"] = vocab::kDecisionRoles[c.role];
      }
      RowNames names(access, graph);
      names.Org(c.customer);
      names.Opportunity(c.opportunity);
      names.Person(c.person);
      if (c.kind == engine::ChangeKind::kRating && c.toward != engine::kOurs) names.Org(c.toward);
      item["names"] = names.Take();
      items.push_back(std::move(item));
    }
    out["items"] = std::move(items);
    AddPaging(out, changes.size(), page);
    return out;
  });
}

}  // namespace brm
