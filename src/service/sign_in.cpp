#include "service/sign_in.hpp"

#include <algorithm>
#include <ctime>

#include "domain/schema.hpp"
#include "service/secrets.hpp"

namespace brm {
namespace f = fields;

namespace {

constexpr int kAddressFactor = 10;  // an address may fail ten times as often as one login (shared offices)
constexpr size_t kMaxLogin = 64;      // the catalogue's longest login
constexpr size_t kMaxPassword = 1024;  // the longest password PasswordRules accepts

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

Error Unauthenticated(std::string message = "Please sign in.") {
  return MakeError(ErrorCode::kUnauthenticated, std::move(message));
}

// A dummy argon2id hash so that an unknown login costs as much time as a wrong password.
const std::string& DummyHash() {
  static const std::string hash = HashPassword("not a password of anyone");
  return hash;
}

}  // namespace

bool SignIn::Throttled(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(throttle_mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return false;
  if (now - it->second.first >= config_.login_window_s) {
    failures_.erase(it);
    return false;
  }
  const int limit = key.rfind("ip:", 0) == 0 ? config_.login_failures * kAddressFactor : config_.login_failures;
  return it->second.count >= limit;
}

void SignIn::CountFailure(const std::string& key, int64_t now) {
  std::lock_guard<std::mutex> lock(throttle_mutex_);
  auto it = failures_.find(key);
  if (it != failures_.end() && now - it->second.first < config_.login_window_s) {
    ++it->second.count;
    return;
  }
  if (it != failures_.end()) failures_.erase(it);
  if (failures_.size() >= config_.throttle_entries) {
    // Forget what has expired; when nothing has, the oldest window (the table's size stays bounded whatever
    // is sent, and an address that fills it is throttled long before).
    std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.first >= config_.login_window_s; });
    if (failures_.size() >= config_.throttle_entries) {
      failures_.erase(std::min_element(failures_.begin(), failures_.end(), [](const auto& a, const auto& b) {
        return a.second.first < b.second.first;
      }));
    }
  }
  failures_.emplace(key, Failures{1, now});
}

size_t SignIn::ThrottleEntries() {
  std::lock_guard<std::mutex> lock(throttle_mutex_);
  return failures_.size();
}

Result<Caller> SignIn::CallerFor(const std::string& user_id) {
  auto user = store_.Get(Kind::kUser, user_id);
  if (!user || !user->Bool(f::user::kActive) || !ActiveOn(*user, Today())) {
    return Unauthenticated("This account is disabled.");
  }
  Caller caller;
  caller.actor = Actor{user->id, user->Text(f::user::kPerson), user->Text(f::user::kTeam),
                       RoleFromWord(user->Text(f::user::kRole))};
  if (auto person = store_.Get(Kind::kPerson, user->Text(f::user::kPerson))) {
    caller.name = person->Text(f::person::kName);
  }
  caller.user = std::move(*user);
  return caller;
}

Result<Caller> SignIn::Verify(const std::string& login, const std::string& password, const std::string& remote) {
  // Nothing longer can match an account, so nothing of it is hashed or remembered.
  if (login.size() > kMaxLogin) return MakeError(ErrorCode::kInvalid, "A login has at most 64 bytes.", "login");
  if (password.size() > kMaxPassword) {
    return MakeError(ErrorCode::kInvalid, "A password has at most 1024 bytes.", "password");
  }
  const int64_t now = Now();
  const std::string login_key = "login:" + login, address_key = "ip:" + remote;
  if (Throttled(login_key, now) || Throttled(address_key, now)) {
    return MakeError(ErrorCode::kThrottled, "Too many failed sign-ins. Wait a few minutes and try again.");
  }
  ListQuery query;
  query.equals.emplace_back(f::user::kLogin, login);
  auto page = store_.List(Kind::kUser, query);
  const std::optional<std::string> hash = page.items.empty() ? std::nullopt : store_.PasswordHash(page.items[0].id);
  const bool matches = VerifyPassword(hash ? *hash : DummyHash(), password) && hash.has_value();
  if (!matches) {
    CountFailure(login_key, now);
    CountFailure(address_key, now);
    return Unauthenticated("The login or the password is wrong.");
  }
  {
    std::lock_guard<std::mutex> lock(throttle_mutex_);
    failures_.erase(login_key);
  }
  return CallerFor(page.items[0].id);
}

Result<Caller> SignIn::Login(const std::string& login, const std::string& password, const std::string& remote,
                           std::string& token) {
  auto caller = Verify(login, password, remote);
  if (!caller) return caller.error();
  StartSession(*caller, token);
  return caller;
}

void SignIn::StartSession(Caller& caller, std::string& token) {
  const int64_t now = Now();
  token = RandomToken();
  caller.cookie = true;
  caller.csrf = RandomToken(16);
  caller.token_hash = Sha256Hex(token);
  caller.expires_at = std::min(now + config_.session_idle_s, now + config_.session_absolute_s);
  store_.PutSession(SessionRow{caller.token_hash, caller.user.id, caller.csrf, now, now});
}

Caller SignIn::EndOtherSessions(const Caller& caller, std::string& token) {
  store_.DeleteSessionsOf(caller.user.id);
  Invalidate();
  Caller next = caller;
  token.clear();
  if (caller.cookie) StartSession(next, token);
  return next;
}

Result<Caller> SignIn::Check(const std::string& hash, bool session, int64_t now) {
  if (!session) {
    auto token = store_.FindApiToken(hash);
    if (!token) return Unauthenticated("The API token is not valid.");
    return CallerFor(token->user);
  }
  auto row = store_.FindSession(hash);
  if (!row) return Unauthenticated("Your session has ended. Please sign in again.");
  if (now - row->last_seen >= config_.session_idle_s || now - row->created >= config_.session_absolute_s) {
    store_.DeleteSession(hash);
    return Unauthenticated("Your session has expired. Please sign in again.");
  }
  auto caller = CallerFor(row->user);
  if (!caller) {
    store_.DeleteSession(hash);
    return caller.error();
  }
  if (now - row->last_seen >= config_.touch_every_s) {
    store_.TouchSession(hash, now);
    row->last_seen = now;
  }
  caller->cookie = true;
  caller->csrf = row->csrf;
  caller->token_hash = hash;
  caller->expires_at = std::min(row->last_seen + config_.session_idle_s, row->created + config_.session_absolute_s);
  return caller;
}

Result<Caller> SignIn::Holder(bool session, std::string_view secret) {
  const int64_t now = Now();
  const std::string key = (session ? "s" : "t") + Sha256Hex(secret);
  const uint64_t generation = generation_.load();
  {
    std::shared_lock<std::shared_mutex> lock(cache_mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second.generation == generation && now - it->second.checked_at < config_.cache_s) {
      return it->second.caller;
    }
  }
  auto checked = Check(key.substr(1), session, now);
  if (!checked) return checked.error();
  std::unique_lock<std::shared_mutex> lock(cache_mutex_);
  // A write that finished while the store was read may have made this answer stale: keep it only if not.
  if (generation_.load() == generation) cache_[key] = Cached{*checked, now, generation};
  return checked;
}

void SignIn::Invalidate() {
  ++generation_;
  std::unique_lock<std::shared_mutex> lock(cache_mutex_);
  cache_.clear();
}

std::vector<SessionInfo> SignIn::SessionsOf(const Caller& caller) {
  const int64_t now = Now();
  std::vector<SessionInfo> out;
  for (const SessionRow& row : store_.SessionsOf(caller.user.id)) {
    const int64_t expires = std::min(row.last_seen + config_.session_idle_s, row.created + config_.session_absolute_s);
    if (expires <= now) continue;
    out.push_back(SessionInfo{row.token_hash.substr(0, 16), row.created, row.last_seen, expires,
                              caller.cookie && row.token_hash == caller.token_hash});
  }
  std::reverse(out.begin(), out.end());
  return out;
}

Status SignIn::EndSessions(const Caller& caller, const std::string& password, const std::string& remote,
                           const std::string& id) {
  auto check = Verify(caller.user.Text(f::user::kLogin), password, remote);
  if (!check) {
    if (check.error().code == ErrorCode::kThrottled) return check.error();
    return MakeError(ErrorCode::kForbidden, "The password is wrong.", "password");
  }
  bool found = false;
  for (const SessionRow& row : store_.SessionsOf(caller.user.id)) {
    const bool mine = caller.cookie && row.token_hash == caller.token_hash;
    if (id.empty() ? !mine : row.token_hash.substr(0, 16) == id) {
      store_.DeleteSession(row.token_hash);
      found = true;
    }
  }
  Invalidate();
  if (!id.empty() && !found) return MakeError(ErrorCode::kNotFound, "You have no session with the id \"" + id + "\".");
  return {};
}

void SignIn::EndSession(std::string_view token) {
  store_.DeleteSession(Sha256Hex(token));
  Invalidate();
}

void SignIn::Logout(const Caller& caller) {
  if (!caller.token_hash.empty()) store_.DeleteSession(caller.token_hash);
  Invalidate();
}

std::string SignIn::CreateApiToken(const std::string& user, const std::string& name, std::string& id) {
  const std::string token = "brm_" + RandomToken();
  id = NewId("tok");
  store_.PutApiToken(ApiTokenRow{id, user, name, Sha256Hex(token), Now()});
  return token;
}

std::vector<ApiTokenRow> SignIn::TokensOf(const std::string& user) { return store_.ApiTokensOf(user); }

bool SignIn::DeleteToken(const std::string& user, const std::string& id) { return store_.DeleteApiToken(user, id); }

}  // namespace brm
