// Sign-in: password login with throttling, session cookies (stored only as hashes), CSRF tokens for
// cookie-authenticated writes, and API tokens sent as `Authorization: Bearer`.
// Threads: safe to share; the throttle table has its own mutex.
#pragma once

#include <atomic>
#include <optional>
#include <chrono>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "domain/result.hpp"
#include "http/message.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm::http {

struct AuthConfig {
  int64_t session_idle_s = 8 * 3600;           // a session unused this long ends
  int64_t session_absolute_s = 7 * 24 * 3600;  // a session ends this long after login, used or not
  int64_t touch_every_s = 60;                  // how stale a session's last-seen time may get in the store
  int64_t cache_s = 5;                         // how long a checked credential is trusted without the store
  int login_failures = 5;                      // failed logins allowed per login and per address …
  int64_t login_window_s = 15 * 60;            // … within this window, before further tries get 429
  size_t throttle_entries = 10000;             // most logins and addresses whose failures are remembered
  bool secure_cookie = false;                  // add `Secure` to cookies (serve behind HTTPS)
};

// The signed-in caller of a request.
struct Caller {
  Actor actor;
  Record user;
  bool cookie = false;      // authenticated by the session cookie (so writes need the CSRF token)
  std::string csrf;         // the session's CSRF token
  std::string token_hash;   // the session's hash, for logout
  int64_t expires_at = 0;   // unix seconds when the session ends if left idle (capped by the absolute limit)
};

class Auth {
 public:
  Auth(Store& store, AuthConfig config) : store_(store), config_(config) {}

  // Checks a login and password. On success creates a session and returns the caller with the raw token
  // (for the cookie) in `token`. Failures are counted per login and per address.
  Result<Caller> Login(const std::string& login, const std::string& password, const std::string& remote,
                       std::string& token);
  // Checks a login and password, counting failures like Login, without starting a session.
  Result<Caller> Verify(const std::string& login, const std::string& password, const std::string& remote);
  // The caller of `request`, from its bearer token or session cookie; kUnauthenticated when neither is
  // valid. For cookie callers making a write, checks the X-CSRF-Token header (kForbidden when wrong).
  Result<Caller> Authenticate(const Request& request);
  void Logout(const Caller& caller);
  // Forgets every cached credential check. Called after each successful write, so that a disabled user,
  // a deleted token or a changed role takes effect with the next request.
  void Invalidate();

  // Set-Cookie values that start (or, with an empty token, end) a session.
  std::vector<std::string> SessionCookies(const std::string& token, const std::string& csrf) const;

  // A new API token for `user`, returned once in clear ("brm_…").
  std::string CreateApiToken(const std::string& user, const std::string& name, std::string& id);

  const AuthConfig& config() const { return config_; }
  // How many logins and addresses have failures remembered (for tests of its bound).
  size_t ThrottleEntries();

 private:
  Result<Caller> CallerFor(const std::string& user_id);
  // The caller for a session or token hash, from the store; `session` tells which.
  Result<Caller> Check(const std::string& hash, bool session, int64_t now);
  bool Throttled(const std::string& key, int64_t now);
  void CountFailure(const std::string& key, int64_t now);

  Store& store_;
  AuthConfig config_;
  std::mutex throttle_mutex_;
  // Failed sign-ins per "login:<name>" and "ip:<address>": how many since the window began. Bounded by
  // config_.throttle_entries; logins longer than any account's are refused before they get here.
  struct Failures {
    int count = 0;
    int64_t first = 0;  // unix seconds of the window's first failure
  };
  std::unordered_map<std::string, Failures> failures_;

  // Credential checks of the last cache_s seconds: most requests then need no store lookup to authenticate.
  struct Cached {
    Caller caller;
    int64_t checked_at;
    uint64_t generation;
  };
  std::shared_mutex cache_mutex_;
  std::unordered_map<std::string, Cached> cache_;  // "s"/"t" + hash → caller
  std::atomic<uint64_t> generation_{0};
};

}  // namespace brm::http
