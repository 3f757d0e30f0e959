#include "http/auth.hpp"

#include "service/secrets.hpp"

namespace brm::http {
namespace {

constexpr char kSessionCookie[] = "brm_session";
constexpr char kCsrfCookie[] = "brm_csrf";

}  // namespace

Result<Caller> Authenticate(SignIn& sign_in, const Request& request) {
  const std::string& authorization = request.Header("authorization");
  const bool bearer = authorization.rfind("Bearer ", 0) == 0;
  const std::string cookie = bearer ? std::string() : request.Cookie(kSessionCookie);
  if (!bearer && cookie.empty()) return MakeError(ErrorCode::kUnauthenticated, "Please sign in.");
  auto caller = bearer ? sign_in.Holder(false, std::string_view(authorization).substr(7)) : sign_in.Holder(true, cookie);
  if (!caller) return caller.error();
  const bool write = request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
  if (caller->cookie && write && !SameSecret(request.Header("x-csrf-token"), caller->csrf)) {
    return MakeError(ErrorCode::kForbidden,
                     "The request lacks the X-CSRF-Token header of your session; reload the page and try again.");
  }
  return caller;
}

std::string SessionToken(const Request& request) { return request.Cookie(kSessionCookie); }

std::vector<std::string> SessionCookies(const SignInConfig& config, const std::string& token, const std::string& csrf) {
  const std::string secure = config.secure_cookie ? "; Secure" : "";
  const std::string age = token.empty() ? "0" : std::to_string(config.session_absolute_s);
  return {std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + age + secure,
          std::string(kCsrfCookie) + "=" + csrf + "; Path=/; SameSite=Strict; Max-Age=" + age + secure};
}

}  // namespace brm::http
