// Sign-in: password login with throttling, sessions (stored only as hashes) with their CSRF tokens, and
// API tokens; who the holder of a session or token is. The HTTP side (cookies, headers, the CSRF header
// check) is http/auth.hpp.
// Threads: safe to share; the throttle table and the credential cache have their own mutexes.
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
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

struct SignInConfig {
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
  std::string name;         // the user's person's name
  bool cookie = false;      // authenticated by the session cookie (so writes need the CSRF token)
  std::string csrf;         // the session's CSRF token
  std::string token_hash;   // the session's hash, for logout
  int64_t expires_at = 0;   // unix seconds when the session ends if left idle (capped by the absolute limit)
};

// One of a user's sessions as they may see it: `id` is the first 16 hex digits of the token's hash.
struct SessionInfo {
  std::string id;
  int64_t created = 0, last_seen = 0, expires_at = 0;  // unix seconds
  bool current = false;                                // the session of the request
};

class SignIn {
 public:
  SignIn(Store& store, SignInConfig config) : store_(store), config_(config) {}

  // Checks a login and password. On success creates a session and returns the caller with the raw token
  // (for the cookie) in `token`. Failures are counted per login and per address.
  Result<Caller> Login(const std::string& login, const std::string& password, const std::string& remote,
                       std::string& token);
  // Checks a login and password, counting failures like Login, without starting a session.
  Result<Caller> Verify(const std::string& login, const std::string& password, const std::string& remote);
  // The holder of a session token (`session`) or of an API token; kUnauthenticated when it is not valid.
  Result<Caller> Holder(bool session, std::string_view secret);
  void Logout(const Caller& caller);
  // The caller's user's sessions that have not expired, newest first (ASVS 7.5.2).
  std::vector<SessionInfo> SessionsOf(const Caller& caller);
  // Ends one of them (`id`), or every one but the caller's (`id` empty), once the password is given
  // again: kForbidden naming "password" when it is wrong (counted as a failed sign-in), kNotFound for an
  // id that is not one of the user's sessions.
  Status EndSessions(const Caller& caller, const std::string& password, const std::string& remote,
                     const std::string& id);
  // Ends the session whose token is `token`, if there is one (a browser signing in again).
  void EndSession(std::string_view token);
  // Ends every session of the caller's user, this one included, and for a caller signed in by a session
  // starts a new one in its place: the new caller, with the raw token in `token` (empty for API tokens).
  Caller EndOtherSessions(const Caller& caller, std::string& token);
  // Forgets every cached credential check. Called after each successful write, so that a disabled user,
  // a deleted token or a changed role takes effect with the next request.
  void Invalidate();

  // A new API token for `user`, returned once in clear ("brm_…"); its id in `id`.
  std::string CreateApiToken(const std::string& user, const std::string& name, std::string& id);
  // The user's API tokens, without their secrets; and deleting one of them (false when it is not theirs).
  std::vector<ApiTokenRow> TokensOf(const std::string& user);
  bool DeleteToken(const std::string& user, const std::string& id);

  const SignInConfig& config() const { return config_; }
  // How many logins and addresses have failures remembered (for tests of its bound).
  size_t ThrottleEntries();

 private:
  Result<Caller> CallerFor(const std::string& user_id);
  // Starts a session for `caller`: its token in `token`, its hash and CSRF token in the caller.
  void StartSession(Caller& caller, std::string& token);
  // The caller for a session or token hash, from the store; `session` tells which.
  Result<Caller> Check(const std::string& hash, bool session, int64_t now);
  bool Throttled(const std::string& key, int64_t now);
  void CountFailure(const std::string& key, int64_t now);

  Store& store_;
  SignInConfig config_;
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

}  // namespace brm
