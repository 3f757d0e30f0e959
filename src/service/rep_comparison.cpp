// `GET /api/v1/lines/reps` (issue 13 item 4): a manager's comparison of the sales users of a perspective,
// one row per rep or manager, each made of the figures that user's own perspective shows (the customer line
// and influence line of `scope=user:<id>`, and its open warnings), so that drilling down from a row to the
// rep's individual view shows the same numbers. Every row's perspective is opened through the access policy,
// as the caller would open it; a row the caller may not open is left out.
#include <algorithm>
#include <map>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/lines.hpp"
#include "engine/warning_states.hpp"
#include "engine/warnings.hpp"
#include "json/figures_json.hpp"
#include "service/figures.hpp"

namespace brm {
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;

namespace {

bj::value Share(int part, int whole) {
  if (whole <= 0) return nullptr;
  return static_cast<double>(part) / static_cast<double>(whole);
}

bj::value Number(std::optional<double> value) { return value ? bj::value(*value) : bj::value(nullptr); }

// The row of one perspective: its customers and key persons, the three degrees now with their changes, the
// insight and profiling rates, the influence KPIs and the open warnings.
bj::object RowOf(const engine::Figures& all, const Perspective& perspective, Idx toward, Date day, Idx reader) {
  using engine::kMonthAgo, engine::kNow, engine::kYearAgo;
  const engine::Graph& graph = all.graph();
  const engine::Figures figures = all.Within(perspective.scope);
  const engine::Lines lines(figures);
  const auto customer_line = lines.CachedCustomers(perspective.scope, toward, day);
  const auto influence_line = lines.CachedInfluence(perspective.scope, toward, day);
  int key_persons = 0, insighted = 0, fully_profiled = 0, month_ago = 0, year_ago = 0;
  for (const engine::CustomerMetrics& metrics : customer_line->list) {
    key_persons += metrics.key_persons;
    insighted += metrics.insighted;
    fully_profiled += metrics.fully_profiled;
    month_ago += metrics.key_persons_month_ago;
    year_ago += metrics.key_persons_year_ago;
  }
  const auto& pooled = customer_line->pooled;
  const auto& customers = customer_line->customers;
  bj::object mom = json::DeltaJson(pooled[kNow], pooled[kMonthAgo]);
  mom["customers"] = customers[kNow] - customers[kMonthAgo];
  mom["key_persons"] = key_persons - month_ago;
  bj::object yoy = json::DeltaJson(pooled[kNow], pooled[kYearAgo]);
  yoy["customers"] = customers[kNow] - customers[kYearAgo];
  yoy["key_persons"] = key_persons - year_ago;

  int open = 0, high = 0;
  const auto warnings =
      engine::Warnings(figures).CachedCheck(perspective.scope, day, perspective.users);
  for (const engine::Warning& warning : *warnings) {
    const engine::WarningState state = engine::StateOf(graph, warning, day, reader).state;
    if (state != engine::WarningState::kNew && state != engine::WarningState::kAcknowledged) continue;
    ++open;
    high += warning.severity == engine::Severity::kHigh;
  }
  return {{"customers", customers[kNow]},
          {"key_persons", key_persons},
          {"insighted", insighted},
          {"fully_profiled", fully_profiled},
          {"insight_rate", Share(insighted, key_persons)},
          {"profiling_rate", Share(fully_profiled, key_persons)},
          {"degrees", json::DegreesJson(pooled[kNow])},
          {"mom", std::move(mom)},
          {"yoy", std::move(yoy)},
          {"value_potential", Number(influence_line->value_potential)},
          {"contribution_count", Number(influence_line->contribution_count)},
          {"contribution_amount", Number(influence_line->contribution_amount)},
          {"warnings", bj::object{{"open", open}, {"high", high}}}};
}

bool Sales(const engine::User& user) {
  const std::string_view role = vocab::kUserRoles[user.role];
  return role == "rep" || role == "manager";
}

}  // namespace

Result<bj::object> FiguresService::RepComparison(const Actor& actor, const FigureQuery& query) {
  auto answer = AsActor(actor, [&](const Access& access, const engine::Figures& all) -> Result<bj::object> {
    auto perspective = access.Open(query.scope);
    if (!perspective) return perspective.error();
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    const engine::Graph& graph = all.graph();
    const Idx reader = graph.ids(Kind::kUser).Find(actor.user);
    // The company perspective covers every user; the others, the users they were opened for.
    std::vector<Idx> users = perspective->users;
    if (users.empty() && !perspective->owners) {
      for (Idx user = 0; user < graph.users.size(); ++user) users.push_back(user);
    }
    bj::array reps;
    for (Idx user : users) {
      const engine::User& u = graph.users[user];
      if (!Sales(u) || !u.active || !u.life.On(query.as_of)) continue;
      const std::string id(graph.Id(Kind::kUser, user));
      auto own = access.Open("user:" + id);
      if (!own) continue;  // the policy keeps this rep's view from the caller
      bj::object row = RowOf(all, *own, *toward, query.as_of, reader);
      row["user"] = id;
      row["name"] = UserName(graph, user);
      row["role"] = vocab::kUserRoles[u.role];
      row["team"] = u.team == kNone ? bj::value(nullptr) : bj::value(graph.Id(Kind::kTeam, u.team));
      reps.push_back(std::move(row));
    }
    std::sort(reps.begin(), reps.end(), [](const bj::value& a, const bj::value& b) {
      return a.at("user").as_string() < b.at("user").as_string();
    });
    return bj::object{{"scope", access.ScopeName(query.scope)},
                      {"as_of", FormatDate(query.as_of)},
                      {"toward", json::TowardJson(graph, *toward)},
                      {"total", RowOf(all, *perspective, *toward, query.as_of, reader)},
                      {"reps", std::move(reps)}};
  });
  if (!answer) return answer;
  // The teams' names, from their records (the graph keeps only what the figures read), each read once.
  std::map<std::string, bj::value, std::less<>> team_names;
  for (bj::value& row : (*answer)["reps"].as_array()) {
    bj::object& o = row.as_object();
    const bj::value& team = o["team"];
    if (!team.is_string()) {
      o["team_name"] = nullptr;
      continue;
    }
    auto [it, fresh] = team_names.try_emplace(std::string(team.as_string()));
    if (fresh) {
      const auto record = store_.Get(Kind::kTeam, it->first);
      it->second = record ? bj::value(record->Text(fields::team::kName)) : bj::value(nullptr);
    }
    o["team_name"] = it->second;
  }
  return answer;
}

}  // namespace brm
