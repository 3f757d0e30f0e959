// /api/v1/strategy/{thresholds,templates[/{strategy}[/personal]]} and
// /api/v1/customers/{id}/strategy-override: the customer-strategy settings of SPEC.md §6.5.
#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "http/api.hpp"
#include "http/errors.hpp"
#include "json/strategy_json.hpp"

namespace brm::http {
namespace bj = boost::json;

namespace {

Response NoMethod(const char* methods) {
  return ErrorResponse(MakeError(ErrorCode::kNotFound, std::string("Use ") + methods + " on this path."));
}

// The string members `names` of a body that may hold nothing else; kInvalid naming the key otherwise.
Result<std::vector<std::string>> StringMembers(const bj::object& body, std::initializer_list<const char*> names) {
  for (const auto& member : body) {
    const std::string_view key = member.key();
    if (std::find_if(names.begin(), names.end(), [&](const char* name) { return key == name; }) == names.end()) {
      return MakeError(ErrorCode::kInvalid, "\"" + std::string(key) + "\" is not accepted here.", std::string(key));
    }
  }
  std::vector<std::string> out;
  for (const char* name : names) {
    const bj::value* value = body.if_contains(name);
    if (!value || !value->is_string()) {
      return MakeError(ErrorCode::kInvalid, std::string("\"") + name + "\" is required and must be a string.", name);
    }
    out.emplace_back(value->get_string());
  }
  return out;
}

// The text, or null for "" (the time and author of a seeded template nobody has edited).
bj::value TextOrNull(const std::string& text) { return text.empty() ? bj::value(nullptr) : bj::value(text); }

bj::object TacticsJson(const StrategyTactics& tactics) {
  bj::object out;
  out["strategy"] = tactics.strategy;
  out["company"] = {{"zh", tactics.company.zh},
                    {"en", tactics.company.en},
                    {"updated_at", TextOrNull(tactics.company.updated_at)},
                    {"updated_by", TextOrNull(tactics.company.updated_by)}};
  if (tactics.personal) {
    out["personal"] = {{"zh", tactics.personal->zh},
                       {"en", tactics.personal->en},
                       {"updated_at", tactics.personal->updated_at}};
  } else {
    out["personal"] = nullptr;
  }
  return out;
}

Response TacticsResponse(const Result<StrategyTactics>& tactics) {
  if (!tactics) return ErrorResponse(tactics.error());
  return JsonResponse(200, TacticsJson(*tactics));
}

Response OverrideResponse(const Result<StrategyOverrideRow>& row) {
  if (!row) return ErrorResponse(row.error());
  return JsonResponse(200, {{"customer", row->customer},
                            {"strategy", row->strategy},
                            {"reason", row->reason},
                            {"by", row->by},
                            {"at", row->at}});
}

}  // namespace

Response Api::StrategyHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;  // api v1 strategy …
  const Actor& actor = caller.actor;
  if (s.size() == 4 && s[3] == "thresholds") {
    if (actor.role == Role::kEmployee) {
      return ErrorResponse(
          MakeError(ErrorCode::kForbidden, "Customer strategies are for sales roles, executives and admins."));
    }
    if (request.method == "GET") return JsonResponse(200, json::ThresholdsJson(strategies_.Thresholds()));
    if (request.method != "PUT") return NoMethod("GET or PUT");
    auto body = ParseObject(request.body);
    if (!body) return ErrorResponse(body.error());
    auto thresholds = strategies_.SetThresholds(actor, *body);
    if (!thresholds) return ErrorResponse(thresholds.error());
    return JsonResponse(200, json::ThresholdsJson(*thresholds));
  }
  if (s.size() < 4 || s[3] != "templates" || s.size() > 6 || (s.size() == 6 && s[5] != "personal")) {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint: " + request.path + "."));
  }
  if (s.size() == 4) {
    if (request.method != "GET") return NoMethod("GET");
    auto templates = strategies_.Templates(actor);
    if (!templates) return ErrorResponse(templates.error());
    bj::array items;
    for (const StrategyTactics& tactics : *templates) items.push_back(TacticsJson(tactics));
    return JsonResponse(200, items);
  }
  const std::string& strategy = s[4];
  const bool personal = s.size() == 6;
  if (request.method == "GET") return TacticsResponse(strategies_.Template(actor, strategy));
  if (request.method == "DELETE" && personal) {
    return TacticsResponse(strategies_.DeletePersonalTemplate(actor, strategy));
  }
  if (request.method != "PUT") return NoMethod(personal ? "GET, PUT or DELETE" : "GET or PUT");
  auto body = ParseObject(request.body);
  if (!body) return ErrorResponse(body.error());
  auto texts = StringMembers(*body, {"zh", "en"});
  if (!texts) return ErrorResponse(texts.error());
  const std::string& zh = (*texts)[0];
  const std::string& en = (*texts)[1];
  return TacticsResponse(personal ? strategies_.SetPersonalTemplate(actor, strategy, zh, en)
                                  : strategies_.SetCompanyTemplate(actor, strategy, zh, en));
}

Response Api::StrategyOverrideHandler(const Request& request, const Caller& caller, const std::string& customer) {
  if (request.method == "GET") return OverrideResponse(strategies_.Override(caller.actor, customer));
  if (request.method == "DELETE") return OverrideResponse(strategies_.ClearOverride(caller.actor, customer));
  if (request.method != "PUT") return NoMethod("GET, PUT or DELETE");
  auto body = ParseObject(request.body);
  if (!body) return ErrorResponse(body.error());
  auto members = StringMembers(*body, {"strategy", "reason"});
  if (!members) return ErrorResponse(members.error());
  return OverrideResponse(strategies_.SetOverride(caller.actor, customer, (*members)[0], (*members)[1]));
}

}  // namespace brm::http
