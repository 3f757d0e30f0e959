// Sign-in over HTTP: which credential a request carries (an `Authorization: Bearer` API token, or the
// session cookie, whose writes need the X-CSRF-Token header), and the cookies that start and end a
// session. Who holds a credential is service/sign_in.hpp's to say.
#pragma once

#include <string>
#include <vector>

#include "domain/result.hpp"
#include "http/message.hpp"
#include "service/sign_in.hpp"

namespace brm::http {

// The caller of `request`, from its bearer token or session cookie; kUnauthenticated when neither is
// valid. For cookie callers making a write, checks the X-CSRF-Token header (kForbidden when wrong).
Result<Caller> Authenticate(SignIn& sign_in, const Request& request);

// The session token the request's cookie carries, or "".
std::string SessionToken(const Request& request);

// Set-Cookie values that start (or, with an empty token, end) a session.
std::vector<std::string> SessionCookies(const SignInConfig& config, const std::string& token, const std::string& csrf);

}  // namespace brm::http
