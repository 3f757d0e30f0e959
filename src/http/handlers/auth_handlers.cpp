// /api/v1/auth/*: login, logout, me, password, language, API tokens.
#include "domain/date.hpp"
#include "domain/schema.hpp"
#include "http/api.hpp"
#include "http/errors.hpp"
#include "json/record_json.hpp"

namespace brm::http {
namespace bj = boost::json;
namespace f = fields;

namespace {

// A string member of a request body; kInvalid naming it when absent or not a string.
Result<std::string> StringField(const bj::object& body, const char* name) {
  const bj::value* value = body.if_contains(name);
  if (!value || !value->is_string()) {
    return MakeError(ErrorCode::kInvalid, std::string("\"") + name + "\" is required and must be a string.", name);
  }
  return std::string(value->get_string());
}

bj::object SessionJson(const Caller& caller) {
  bj::object user = json::EncodeRecord(caller.user);
  if (!caller.name.empty()) user["name"] = caller.name;
  bj::object out;
  out["user"] = std::move(user);
  out["csrf"] = caller.cookie ? bj::value(caller.csrf) : bj::value(nullptr);
  out["expires_at"] = caller.expires_at ? bj::value(caller.expires_at) : bj::value(nullptr);
  // The tenant's day (its time zone, `--tz`), which the web app's forms default to rather than the
  // browser's: a user abroad, or working past midnight, records facts on the company's calendar.
  out["today"] = FormatDate(Today());
  return out;
}

}  // namespace

Response Api::LoginHandler(const Request& request) {
  auto body = ParseObject(request.body);
  if (!body) return ErrorResponse(body.error());
  auto login = StringField(*body, "login");
  if (!login) return ErrorResponse(login.error());
  auto password = StringField(*body, "password");
  if (!password) return ErrorResponse(password.error());
  std::string token;
  auto caller = sign_in_.Login(*login, *password, request.remote, token);
  if (!caller) {
    Response response = ErrorResponse(caller.error());
    if (caller.error().code == ErrorCode::kThrottled) {
      response.headers.emplace_back("Retry-After", std::to_string(sign_in_.config().login_window_s));
    }
    return response;
  }
  // A session this browser held before signing in again ends: one browser, one session (ASVS 7.2.4).
  if (const std::string held = SessionToken(request); !held.empty()) sign_in_.EndSession(held);
  Response response = JsonResponse(200, SessionJson(*caller));
  for (std::string& cookie : SessionCookies(sign_in_.config(), token, caller->csrf)) {
    response.headers.emplace_back("Set-Cookie", std::move(cookie));
  }
  return response;
}

Response Api::LogoutHandler(const Caller& caller) {
  sign_in_.Logout(caller);
  Response response = JsonResponse(200, {{"signed_out", true}});
  for (std::string& cookie : SessionCookies(sign_in_.config(), "", "")) response.headers.emplace_back("Set-Cookie", std::move(cookie));
  return response;
}

Response Api::MeHandler(const Caller& caller) { return JsonResponse(200, SessionJson(caller)); }

Response Api::PasswordHandler(const Request& request, const Caller& caller) {
  auto body = ParseObject(request.body);
  if (!body) return ErrorResponse(body.error());
  auto current = StringField(*body, "current");
  if (!current) return ErrorResponse(current.error());
  auto next = StringField(*body, "new");
  if (!next) return ErrorResponse(next.error());
  bool end_others = false;
  if (const bj::value* value = body->if_contains("end_other_sessions"); value && !value->is_null()) {
    if (!value->is_bool()) {
      return ErrorResponse(
          MakeError(ErrorCode::kInvalid, "\"end_other_sessions\" must be true or false.", "end_other_sessions"));
    }
    end_others = value->get_bool();
  }
  auto check = sign_in_.Verify(caller.user.Text(f::user::kLogin), *current, request.remote);
  if (!check) {
    return ErrorResponse(check.error().code == ErrorCode::kThrottled
                             ? check.error()
                             : MakeError(ErrorCode::kForbidden, "The current password is wrong.", "current"));
  }
  if (auto status = entities_.SetPassword(caller.actor, caller.user.id, *next); !status) {
    Error error = status.error();
    if (error.field == "password") error.field = "new";  // name the field of this request's body
    return ErrorResponse(error);
  }
  if (!end_others) return JsonResponse(200, {{"password_changed", true}, {"other_sessions_ended", false}});
  // Whoever else held a session of this user (the old password, a stolen cookie) is signed out; this
  // browser gets a new session in place of its own.
  std::string token;
  const Caller next_caller = sign_in_.EndOtherSessions(caller, token);
  bj::object out = SessionJson(next_caller);
  out["password_changed"] = true;
  out["other_sessions_ended"] = true;
  Response response = JsonResponse(200, out);
  if (!token.empty()) {
    for (std::string& cookie : SessionCookies(sign_in_.config(), token, next_caller.csrf)) {
      response.headers.emplace_back("Set-Cookie", std::move(cookie));
    }
  }
  return response;
}

Response Api::LanguageHandler(const Request& request, const Caller& caller) {
  auto body = ParseObject(request.body);
  if (!body) return ErrorResponse(body.error());
  for (const auto& [key, unused] : *body) {
    if (key != "language") {
      const std::string name(key);
      return ErrorResponse(
          MakeError(ErrorCode::kInvalid, "\"" + name + "\" is not a key of this body; send only \"language\".", name));
    }
  }
  auto language = StringField(*body, "language");
  if (!language) return ErrorResponse(language.error());
  auto user = entities_.SetOwnLanguage(caller.actor, *language);
  if (!user) return ErrorResponse(user.error());
  Caller changed = caller;
  changed.user = std::move(*user);
  return JsonResponse(200, SessionJson(changed));
}

Response Api::TokensHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;
  if (s.size() == 4 && request.method == "GET") {
    bj::array items;
    for (const ApiTokenRow& row : sign_in_.TokensOf(caller.user.id)) {
      items.push_back({{"id", row.id}, {"name", row.name}, {"created", row.created}});
    }
    return JsonResponse(200, {{"items", std::move(items)}});
  }
  if (s.size() == 4 && request.method == "POST") {
    auto body = ParseObject(request.body.empty() ? "{}" : request.body);
    if (!body) return ErrorResponse(body.error());
    std::string name = "api";
    if (const bj::value* value = body->if_contains("name")) {
      if (!value->is_string() || value->get_string().empty() || value->get_string().size() > 100) {
        return ErrorResponse(MakeError(ErrorCode::kInvalid, "\"name\" must be a string of 1 to 100 characters.", "name"));
      }
      name = std::string(value->get_string());
    }
    std::string id;
    const std::string token = sign_in_.CreateApiToken(caller.user.id, name, id);
    return JsonResponse(201, {{"id", id}, {"name", name}, {"token", token}});
  }
  if (s.size() == 5 && request.method == "DELETE") {
    if (!sign_in_.DeleteToken(caller.user.id, s[4])) {
      return ErrorResponse(MakeError(ErrorCode::kNotFound, "You have no API token with the id \"" + s[4] + "\"."));
    }
    return JsonResponse(200, {{"deleted", s[4]}});
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint for this method."));
}

Response Api::SessionsHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;
  if (s.size() == 4 && request.method == "GET") {
    bj::array items;
    for (const SessionInfo& session : sign_in_.SessionsOf(caller)) {
      items.push_back({{"id", session.id}, {"created", session.created}, {"last_seen", session.last_seen},
                       {"expires_at", session.expires_at}, {"current", session.current}});
    }
    return JsonResponse(200, {{"items", std::move(items)}});
  }
  if (s.size() == 5 && s[4] == "end" && request.method == "POST") {
    auto body = ParseObject(request.body);
    if (!body) return ErrorResponse(body.error());
    auto password = StringField(*body, "password");
    if (!password) return ErrorResponse(password.error());
    std::string id;
    if (const bj::value* value = body->if_contains("session"); value && !value->is_null()) {
      if (!value->is_string() || value->get_string().empty()) {
        return ErrorResponse(MakeError(ErrorCode::kInvalid, "\"session\" must be a session id, or null for every other one.",
                                       "session"));
      }
      id = std::string(value->get_string());
    }
    if (auto status = sign_in_.EndSessions(caller, *password, request.remote, id); !status) {
      return ErrorResponse(status.error());
    }
    return JsonResponse(200, {{"ended", id.empty() ? bj::value("others") : bj::value(id)}});
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "Use GET /auth/sessions or POST /auth/sessions/end."));
}

}  // namespace brm::http
