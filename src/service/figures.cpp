#include "service/figures.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "domain/schema.hpp"
#include "engine/influence_centres.hpp"
#include "engine/introduction_paths.hpp"
#include "engine/lines.hpp"
#include "engine/warnings.hpp"
#include "json/figures_json.hpp"
#include "json/serialize.hpp"
#include "json/work_json.hpp"
#include "service/access.hpp"
#include "service/entities.hpp"

namespace brm {
namespace bj = boost::json;
using engine::Figures;
using engine::Idx;
using engine::kNone;

namespace {

constexpr int kMaxMonths = 120;

Error Forbidden(std::string message) { return MakeError(ErrorCode::kForbidden, std::move(message), "scope"); }

Status NotForEmployees(const Actor& actor) {
  if (actor.role == Role::kEmployee) {
    return MakeError(ErrorCode::kForbidden, "Figures are for sales users; employees declare their acquaintances.");
  }
  return {};
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

namespace {

std::vector<Idx> UserIndexes(const engine::Graph& graph, const std::optional<std::vector<std::string>>& owners) {
  std::vector<Idx> users;
  if (!owners) return users;
  for (const std::string& owner : *owners) {
    const Idx user = graph.ids(Kind::kUser).Find(owner);
    if (user != kNone) users.push_back(user);
  }
  return users;
}

engine::Scope MakeScope(const engine::Graph& graph, const std::optional<std::vector<std::string>>& owners) {
  if (!owners) return engine::Scope::Company();
  return engine::Scope::OwnedBy(graph, UserIndexes(graph, owners));
}

Result<int> MonthNumber(const std::string& text, const char* field, int* year) {
  auto date = text.size() == 7 ? ParseDate(text + "-01") : std::nullopt;
  if (!date) return MakeError(ErrorCode::kInvalid, std::string("\"") + field + "\" must be a month written YYYY-MM.", field);
  const CivilDate civil = ToCivil(*date);
  *year = civil.year;
  return static_cast<int>(civil.month);
}

// The scope as shown in answers: the default made explicit.
std::string ScopeName(const Actor& actor, const std::string& scope) {
  if (!scope.empty()) return scope;
  return actor.sees_everything() ? "company" : "me";
}

bj::value OverrideJson(const std::optional<StrategyOverrideRow>& row) {
  if (!row) return nullptr;
  return bj::object{{"strategy", row->strategy}, {"reason", row->reason}, {"by", row->by}, {"at", row->at}};
}

// Every customer's strategy override, to show beside its recommendation (SPEC.md §6.5).
class OverrideIndex {
 public:
  explicit OverrideIndex(Store& store) {
    store.ForEachStrategyOverride([&](StrategyOverrideRow&& row) { rows_.emplace(row.customer, std::move(row)); });
  }
  // Sets "strategy_override" of a customer metrics object (null when none).
  void AddTo(bj::object& metrics) const {
    auto it = rows_.find(std::string(metrics.at("customer").as_string()));
    metrics["strategy_override"] = OverrideJson(it == rows_.end() ? std::nullopt : std::optional(it->second));
  }
  void AddTo(bj::array& customers) const {
    for (bj::value& metrics : customers) AddTo(metrics.as_object());
  }

 private:
  std::unordered_map<std::string, StrategyOverrideRow> rows_;
};

}  // namespace

std::unique_ptr<engine::Graph> LoadGraph(Store& store) {
  auto graph = std::make_unique<engine::Graph>();
  for (const EntitySpec* spec : AllSpecs()) {
    store.ForEach(spec->kind, [&](Record&& record) { graph->Apply(record); });
  }
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

std::optional<std::vector<std::string>> FiguresService::HomeOwners(const Actor& actor) {
  if (actor.sees_everything()) return std::nullopt;
  return VisibilityFor(store_, actor).owners;
}

Result<std::optional<std::vector<std::string>>> FiguresService::ResolveScope(const Actor& actor,
                                                                          const std::string& scope) {
  if (auto status = NotForEmployees(actor); !status) return status.error();
  using Owners = std::optional<std::vector<std::string>>;
  if (scope.empty()) return ResolveScope(actor, ScopeName(actor, scope));
  if (scope == "company") {
    if (!actor.sees_everything()) return Forbidden("Only executives and administrators see the company perspective.");
    return Owners(std::nullopt);
  }
  if (scope == "me") return Owners(std::vector<std::string>{actor.user});
  if (scope.rfind("user:", 0) == 0) {
    const std::string user = scope.substr(5);
    if (user == actor.user) return Owners(std::vector<std::string>{user});
    const bool exists = store_.Get(Kind::kUser, user, Visibility{}).has_value();
    if (actor.sees_everything()) {
      if (!exists) return MakeError(ErrorCode::kNotFound, "No user has the id \"" + user + "\".", "scope");
      return Owners(std::vector<std::string>{user});
    }
    if (actor.role == Role::kManager && exists) {
      const auto owners = VisibilityFor(store_, actor).owners;
      if (std::binary_search(owners.begin(), owners.end(), user)) return Owners(std::vector<std::string>{user});
    }
    return Forbidden("You can open the individual perspective only of users in your team.");
  }
  if (scope.rfind("team:", 0) == 0) {
    const std::string team = scope.substr(5);
    auto record = store_.Get(Kind::kTeam, team, Visibility{});
    if (actor.sees_everything()) {
      if (!record) return MakeError(ErrorCode::kNotFound, "No team has the id \"" + team + "\".", "scope");
      return Owners(TeamSubtreeUsers(store_, team));
    }
    if (actor.role == Role::kManager && record) {
      // Allowed when the team is the manager's own team, a team they manage, or below one of those.
      std::optional<Record> current = record;
      for (int depth = 0; current && depth < 64; ++depth) {
        if (current->id == actor.team || current->Text(fields::team::kManager) == actor.user) {
          return Owners(TeamSubtreeUsers(store_, team));
        }
        if (current->IsNull(fields::team::kParent)) break;
        current = store_.Get(Kind::kTeam, current->Text(fields::team::kParent), Visibility{});
      }
    }
    return Forbidden("You can open the team perspective only of your own teams.");
  }
  return MakeError(ErrorCode::kInvalid, "\"scope\" must be me, user:<id>, team:<id> or company.", "scope");
}

Status FiguresService::CheckVisible(const Actor& actor, Kind kind, std::string_view id) {
  if (auto status = NotForEmployees(actor); !status) return status;
  if (!store_.Get(kind, id, VisibilityFor(store_, actor))) return NotFound(kind, id);
  return {};
}

Result<Record> FiguresService::FindVisible(const Actor& actor, const Visibility& visibility, Kind kind,
                                           std::string_view id) {
  if (auto status = NotForEmployees(actor); !status) return status.error();
  auto record = store_.Get(kind, id, visibility);
  if (!record) return NotFound(kind, id);
  return std::move(*record);
}

Result<bj::object> FiguresService::CustomerMetrics(const Actor& actor, std::string_view customer,
                                                   const FigureQuery& query) {
  if (auto status = CheckVisible(actor, Kind::kOrganization, customer); !status) return status.error();
  auto metrics = engine_.With([&](const Figures& figures) -> Result<bj::object> {
    const Idx org = figures.graph().ids(Kind::kOrganization).Find(customer);
    if (org == kNone || figures.graph().orgs[org].kind != engine::OrgKind::kCustomer) {
      return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + std::string(customer) + "\".");
    }
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    return json::CustomerMetricsJson(figures.graph(), figures.Customer(org, *toward, query.as_of));
  });
  if (metrics) (*metrics)["strategy_override"] = OverrideJson(store_.StrategyOverride(customer));
  return metrics;
}

Result<bj::object> FiguresService::Chain(const Actor& actor, std::string_view opportunity, const FigureQuery& query) {
  if (auto status = CheckVisible(actor, Kind::kOpportunity, opportunity); !status) return status.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::object> {
    const Idx opp = figures.graph().ids(Kind::kOpportunity).Find(opportunity);
    if (opp == kNone) return NotFound(Kind::kOpportunity, opportunity);
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    return json::ChainJson(figures.graph(), figures.Chain(opp, *toward, query.as_of));
  });
}

Result<bj::object> FiguresService::Profile(const Actor& actor, std::string_view person, const FigureQuery& query) {
  if (auto status = CheckVisible(actor, Kind::kPerson, person); !status) return status.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::object> {
    const Idx index = figures.graph().ids(Kind::kPerson).Find(person);
    if (index == kNone) return NotFound(Kind::kPerson, person);
    return json::ProfileJson(figures.graph(), figures.PersonProfile(index, query.as_of));
  });
}

Result<bj::object> FiguresService::Employee(const Actor& actor, std::string_view person, const FigureQuery& query) {
  if (auto status = NotForEmployees(actor); !status) return status.error();
  const auto owners = HomeOwners(actor);
  return engine_.With([&](const Figures& figures) -> Result<bj::object> {
    const engine::Graph& graph = figures.graph();
    const Idx index = graph.ids(Kind::kPerson).Find(person);
    if (index == kNone || graph.people[index].org == kNone || graph.people[index].org != graph.ours) {
      return MakeError(ErrorCode::kNotFound, "No employee has the person id \"" + std::string(person) + "\".");
    }
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    return json::EmployeeJson(graph, figures.EmployeeInfluence(index, *toward, query.as_of, MakeScope(graph, owners)));
  });
}

Result<bj::object> FiguresService::CustomerLine(const Actor& actor, const FigureQuery& query) {
  auto owners = ResolveScope(actor, query.scope);
  if (!owners) return owners.error();
  auto line = engine_.With([&](const Figures& figures) -> Result<bj::object> {
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    const engine::Lines lines(figures);
    return json::CustomerLineJson(figures.graph(),
                                  lines.Customers(MakeScope(figures.graph(), *owners), *toward, query.as_of),
                                  ScopeName(actor, query.scope));
  });
  if (line) OverrideIndex(store_).AddTo((*line)["customers"].as_array());
  return line;
}

Result<bj::object> FiguresService::InfluenceLine(const Actor& actor, const FigureQuery& query) {
  auto owners = ResolveScope(actor, query.scope);
  if (!owners) return owners.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::object> {
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    const engine::Lines lines(figures);
    return json::InfluenceLineJson(figures.graph(),
                                   lines.Influence(MakeScope(figures.graph(), *owners), *toward, query.as_of),
                                   ScopeName(actor, query.scope));
  });
}

Result<bj::array> FiguresService::CustomerLineTrend(const Actor& actor, const FigureQuery& query,
                                                    const MonthRange& months) {
  auto owners = ResolveScope(actor, query.scope);
  if (!owners) return owners.error();
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return engine_.With([&](const Figures& figures) -> Result<bj::array> {
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    const engine::Lines lines(figures);
    return json::TrendJson(lines.CustomerLineTrend(MakeScope(figures.graph(), *owners), *toward, days), "customers",
                           true);
  });
}

Result<bj::array> FiguresService::CustomerTrend(const Actor& actor, std::string_view customer, const FigureQuery& query,
                                                const MonthRange& months) {
  if (auto status = CheckVisible(actor, Kind::kOrganization, customer); !status) return status.error();
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return engine_.With([&](const Figures& figures) -> Result<bj::array> {
    const Idx org = figures.graph().ids(Kind::kOrganization).Find(customer);
    if (org == kNone || figures.graph().orgs[org].kind != engine::OrgKind::kCustomer) {
      return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + std::string(customer) + "\".");
    }
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    return json::TrendJson(engine::Lines(figures).CustomerTrend(org, *toward, days), "key_persons", false);
  });
}

Result<bj::array> FiguresService::ChainTrend(const Actor& actor, std::string_view opportunity, const FigureQuery& query,
                                             const MonthRange& months) {
  if (auto status = CheckVisible(actor, Kind::kOpportunity, opportunity); !status) return status.error();
  const auto days = engine::MonthEnds(months.from_year, months.from_month, months.to_year, months.to_month);
  return engine_.With([&](const Figures& figures) -> Result<bj::array> {
    const Idx opp = figures.graph().ids(Kind::kOpportunity).Find(opportunity);
    if (opp == kNone) return NotFound(Kind::kOpportunity, opportunity);
    auto toward = ResolveToward(figures, query.toward);
    if (!toward) return toward.error();
    return json::TrendJson(engine::Lines(figures).ChainTrend(opp, *toward, days), "members", false);
  });
}

Result<bj::value> FiguresService::Warnings(const Actor& actor, const FigureQuery& query) {
  auto owners = ResolveScope(actor, query.scope);
  if (!owners) return owners.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::value> {
    const engine::Graph& graph = figures.graph();
    return json::WarningsJson(
        graph, engine::Warnings(figures).Check(MakeScope(graph, *owners), query.as_of, UserIndexes(graph, *owners)));
  });
}

Result<bj::value> FiguresService::Paths(const Actor& actor, std::string_view person, const FigureQuery& query) {
  if (auto status = CheckVisible(actor, Kind::kPerson, person); !status) return status.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::value> {
    const Idx index = figures.graph().ids(Kind::kPerson).Find(person);
    if (index == kNone) return NotFound(Kind::kPerson, person);
    return json::IntroductionPathsJson(figures.graph(), engine::IntroductionPaths(figures).To(index, query.as_of));
  });
}

Result<bj::value> FiguresService::InfluenceCentres(const Actor& actor, std::string_view customer,
                                                   const FigureQuery& query) {
  if (auto status = CheckVisible(actor, Kind::kOrganization, customer); !status) return status.error();
  return engine_.With([&](const Figures& figures) -> Result<bj::value> {
    const Idx org = figures.graph().ids(Kind::kOrganization).Find(customer);
    if (org == kNone || figures.graph().orgs[org].kind != engine::OrgKind::kCustomer) {
      return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + std::string(customer) + "\".");
    }
    return json::InfluenceCentresJson(figures.graph(), engine::InfluenceCentres(figures).Rank(org, query.as_of));
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

void FiguresService::WriteReport(Date as_of, std::ostream& out) {
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
    report.End();
  });
}

}  // namespace brm
