// Sign-in over HTTP: login, cookies, CSRF, API tokens, logout, throttling, disabled users.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

// Today in Asia/Shanghai, as YYYY-MM-DD.
std::string ShanghaiToday() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  const char* saved = std::getenv("TZ");
  const std::string before = saved ? saved : "";
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  localtime_r(&now, &local);
  if (saved) {
    setenv("TZ", before.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

class AuthApi : public SharedServerTest {
};

TEST_F(AuthApi, HealthNeedsNoLogin) {
  auto result = NewClient().Get("/api/v1/health");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.json.at("status"), "ok");
}

TEST_F(AuthApi, EveryCollectionNeedsALogin) {
  for (const char* collection : {"organizations", "departments", "people", "teams", "users", "reporting-lines",
                                 "influence-links", "opportunities", "chain-members", "ratings", "votes",
                                 "activities", "influence-uses"}) {
    auto result = NewClient().Get(std::string("/api/v1/") + collection);
    EXPECT_EQ(result.status, 401) << collection;
    EXPECT_EQ(result.ErrorCode(), "unauthenticated") << collection;
    EXPECT_FALSE(result.json.at("error").at("message").as_string().empty());
  }
}

TEST_F(AuthApi, LoginSetsAStrictHttpOnlyCookieAndReturnsTheUser) {
  Client client = NewClient();
  auto result = client.Login("rep1");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.json.at("user").at("id"), "u-rep1");
  EXPECT_EQ(result.json.at("user").at("role"), "rep");
  EXPECT_EQ(result.json.at("user").at("name"), "张伟");
  std::string session_cookie;
  for (auto [it, end] = result.headers.equal_range("set-cookie"); it != end; ++it) {
    if (it->second.rfind("brm_session=", 0) == 0) session_cookie = it->second;
  }
  EXPECT_NE(session_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(session_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(session_cookie.find("brm_session=;"), std::string::npos);
  auto me = client.Get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json.at("user").at("login"), "rep1");
  EXPECT_EQ(me.body.find("argon2"), std::string::npos);
  // The tenant's day, in the server's time zone (the default, Asia/Shanghai), whatever this process's is.
  EXPECT_EQ(me.json.at("today").as_string(), ShanghaiToday());
  EXPECT_EQ(result.json.at("today"), me.json.at("today"));
}

TEST_F(AuthApi, WrongPasswordAndUnknownLoginGetTheSame401) {
  auto wrong = NewClient().Login("rep2", "not-the-password");
  auto unknown = NewClient().Login("nobody", "secret-pass-1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json.at("error").at("message"), unknown.json.at("error").at("message"));
  EXPECT_EQ(NewClient().Send("POST", "/api/v1/auth/login", "{\"login\": 5}").ErrorField(), "login");
  EXPECT_EQ(NewClient().Send("POST", "/api/v1/auth/login", "not json").status, 400);
}

TEST_F(AuthApi, CookieWritesNeedTheCsrfToken) {
  Client client = NewClient();
  ASSERT_EQ(client.Login("rep1").status, 200);
  const bj::object activity{{"person", "p1"}, {"kind", "call"}, {"date", "2026-02-02"}};
  client.ForgetCsrf();
  auto refused = client.Post("/api/v1/activities", activity);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(client.Get("/api/v1/activities/a1").status, 200) << "reads need no token";
  ASSERT_EQ(client.Login("rep1").status, 200);
  EXPECT_EQ(client.Post("/api/v1/activities", activity).status, 201);
}

TEST_F(AuthApi, ApiTokensWorkWithoutCookieOrCsrf) {
  Client owner = NewClient();
  ASSERT_EQ(owner.Login("ceo").status, 200);
  auto created = owner.Post("/api/v1/auth/tokens", bj::object{{"name", "报表脚本"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string token(created.json.at("token").as_string());
  Client script = NewClient();
  script.UseToken(token);
  EXPECT_EQ(script.Get("/api/v1/auth/me").json.at("user").at("id"), "u-ceo");
  EXPECT_EQ(script.Post("/api/v1/activities", bj::object{{"person", "p4"}, {"kind", "meal"}}).status, 201);
  auto listed = owner.Get("/api/v1/auth/tokens");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find(token), std::string::npos) << "a token is shown once";
  const std::string id(created.json.at("id").as_string());
  EXPECT_EQ(owner.Delete("/api/v1/auth/tokens/" + id).status, 200);
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);
  Client forged = NewClient();
  forged.UseToken("brm_forged");
  EXPECT_EQ(forged.Get("/api/v1/auth/me").status, 401);
}

TEST_F(AuthApi, LogoutEndsTheSession) {
  Client client = NewClient();
  ASSERT_EQ(client.Login("manager").status, 200);
  EXPECT_EQ(client.Post("/api/v1/auth/logout", bj::object{}).status, 200);
  EXPECT_EQ(client.Get("/api/v1/auth/me").status, 401);
}

// ASVS 7.2.4: signing in again from a browser that holds a session ends that session; the new one works.
TEST_F(AuthApi, SigningInAgainEndsTheSessionTheBrowserHeld) {
  Client client = NewClient();
  ASSERT_EQ(client.Login("manager").status, 200);
  const Client before = client;  // the cookie as it was
  auto again = client.Send("POST", "/api/v1/auth/login", R"({"login":"manager","password":"secret-pass-1"})");
  ASSERT_EQ(again.status, 200) << again.body;
  client.KeepSession(again);
  EXPECT_EQ(Client(before).Get("/api/v1/auth/me").status, 401) << "the held session ended";
  EXPECT_EQ(client.Get("/api/v1/auth/me").status, 200);
  Client other = NewClient();
  ASSERT_EQ(other.Login("manager").status, 200);
  EXPECT_EQ(client.Get("/api/v1/auth/me").status, 200) << "another browser's sign-in ends nothing here";
}

// ASVS 7.5.2: users see their sessions and end one or all the others, giving their password again.
TEST_F(AuthApi, UsersListTheirSessionsAndEndThemWithTheirPassword) {
  Client laptop = NewClient(), phone = NewClient(), tablet = NewClient();
  ASSERT_EQ(laptop.Login("ceo").status, 200);
  ASSERT_EQ(phone.Login("ceo").status, 200);
  ASSERT_EQ(tablet.Login("ceo").status, 200);
  auto listed = laptop.Get("/api/v1/auth/sessions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto& items = listed.json.at("items").as_array();
  ASSERT_GE(items.size(), 3u);
  EXPECT_EQ(std::count_if(items.begin(), items.end(), [](const bj::value& s) { return s.at("current").as_bool(); }), 1);
  EXPECT_EQ(items[0].at("id").as_string().size(), 16u);
  // Sessions started in the same second have no order among them: the tablet finds its own.
  std::string tablet_id;
  const auto own = tablet.Get("/api/v1/auth/sessions");
  for (const bj::value& session : own.json.at("items").as_array()) {
    if (session.at("current").as_bool()) tablet_id = std::string(session.at("id").as_string());
  }
  ASSERT_EQ(tablet_id.size(), 16u);
  EXPECT_EQ(std::count_if(items.begin(), items.end(), [&](const bj::value& s) { return s.at("id").as_string() == tablet_id; }), 1)
      << "the laptop lists the tablet's session";
  auto wrong = laptop.Post("/api/v1/auth/sessions/end", bj::object{{"password", "not-it-at-all"}, {"session", tablet_id}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.ErrorField(), "password");
  EXPECT_EQ(tablet.Get("/api/v1/auth/me").status, 200) << "nothing ended";
  EXPECT_EQ(laptop.Post("/api/v1/auth/sessions/end", bj::object{{"password", "secret-pass-1"}, {"session", "0000000000000000"}})
                .status,
            404);
  auto one = laptop.Post("/api/v1/auth/sessions/end", bj::object{{"password", "secret-pass-1"}, {"session", tablet_id}});
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(tablet.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 200);
  auto others = laptop.Post("/api/v1/auth/sessions/end", bj::object{{"password", "secret-pass-1"}});
  ASSERT_EQ(others.status, 200) << others.body;
  EXPECT_EQ(others.json.at("ended"), "others");
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 200) << "this one stays";
  EXPECT_EQ(laptop.Get("/api/v1/auth/sessions").json.at("items").as_array().size(), 1u);
}

TEST_F(AuthApi, RepeatedFailedLoginsAreThrottled) {
  Client admin = NewClient();
  ASSERT_EQ(admin.Login("admin").status, 200);
  ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", "e-victim"}, {"org", "org-ours"}, {"name", "受害者"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/users", bj::object{{"id", "u-victim"}, {"login", "victim"}, {"person", "e-victim"},
                                                   {"role", "rep"}, {"password", "ample-harbor-71"}}).status, 201);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(NewClient().Login("victim", "wrong-password").status, 401);
  auto throttled = NewClient().Login("victim", "ample-harbor-71");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.ErrorCode(), "throttled");
  EXPECT_EQ(throttled.headers.count("retry-after"), 1u);
  EXPECT_EQ(NewClient().Login("rep2").status, 200) << "other logins are not affected";
}

TEST_F(AuthApi, DisablingAUserEndsTheirSessionsAtOnce) {
  Client admin = NewClient();
  ASSERT_EQ(admin.Login("admin").status, 200);
  ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", "e-leaver"}, {"org", "org-ours"}, {"name", "离职者"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/users", bj::object{{"id", "u-leaver"}, {"login", "leaver"}, {"person", "e-leaver"},
                                                   {"role", "rep"}, {"team", "t-east"}, {"password", "quiet-lantern-52"}}).status, 201);
  Client leaver = NewClient();
  ASSERT_EQ(leaver.Login("leaver", "quiet-lantern-52").status, 200);
  ASSERT_EQ(leaver.Get("/api/v1/auth/me").status, 200);
  ASSERT_EQ(admin.Patch("/api/v1/users/u-leaver", bj::object{{"active", false}}).status, 200);
  EXPECT_EQ(leaver.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(NewClient().Login("leaver", "quiet-lantern-52").status, 401);
}

TEST_F(AuthApi, UsersChangeTheirOwnPassword) {
  Client admin = NewClient();
  ASSERT_EQ(admin.Login("admin").status, 200);
  ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", "e-pw"}, {"org", "org-ours"}, {"name", "改密"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/users", bj::object{{"id", "u-pw"}, {"login", "pw"}, {"person", "e-pw"},
                                                   {"role", "employee"}, {"password", "first-pass-1"}}).status, 201);
  Client user = NewClient();
  ASSERT_EQ(user.Login("pw", "first-pass-1").status, 200);
  EXPECT_EQ(user.Post("/api/v1/auth/password", bj::object{{"current", "wrong-pass"}, {"new", "second-pass-2"}}).status, 403);
  EXPECT_EQ(user.Post("/api/v1/auth/password", bj::object{{"current", "first-pass-1"}, {"new", "short"}}).ErrorField(),
            "new");
  EXPECT_EQ(user.Post("/api/v1/auth/password", bj::object{{"current", "first-pass-1"}, {"new", "second-pass-2"}}).status, 200);
  EXPECT_EQ(NewClient().Login("pw", "second-pass-2").status, 200);
  Client rep = NewClient();
  ASSERT_EQ(rep.Login("rep1").status, 200);
  EXPECT_EQ(rep.Post("/api/v1/users/u-pw/password", bj::object{{"password", "hijacked-1"}}).status, 403);
}

// ASVS 7.4.3: after changing the password, the user may end every other session (a stolen cookie, another
// browser); this browser stays signed in with a new session.
TEST_F(AuthApi, ChangingThePasswordCanEndTheOtherSessions) {
  Client admin = NewClient();
  ASSERT_EQ(admin.Login("admin").status, 200);
  ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", "e-pw2"}, {"org", "org-ours"}, {"name", "改密二"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/users", bj::object{{"id", "u-pw2"}, {"login", "pw2"}, {"person", "e-pw2"},
                                                   {"role", "employee"}, {"password", "first-pass-1"}}).status, 201);
  Client here = NewClient(), elsewhere = NewClient(), kept = NewClient();
  ASSERT_EQ(here.Login("pw2", "first-pass-1").status, 200);
  ASSERT_EQ(elsewhere.Login("pw2", "first-pass-1").status, 200);
  EXPECT_EQ(here.Post("/api/v1/auth/password", bj::object{{"current", "first-pass-1"}, {"new", "second-pass-2"},
                                                          {"end_other_sessions", "yes"}}).ErrorField(),
            "end_other_sessions");
  // Without the option, other sessions stay.
  ASSERT_EQ(kept.Login("pw2", "first-pass-1").status, 200);
  auto plain = kept.Post("/api/v1/auth/password", bj::object{{"current", "first-pass-1"}, {"new", "second-pass-2"}});
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.json.at("other_sessions_ended"), false);
  EXPECT_EQ(elsewhere.Get("/api/v1/auth/me").status, 200);
  auto changed = here.Post("/api/v1/auth/password", bj::object{{"current", "second-pass-2"}, {"new", "third-pass-3"},
                                                               {"end_other_sessions", true}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json.at("other_sessions_ended"), true);
  EXPECT_EQ(changed.json.at("user").at("login"), "pw2");
  EXPECT_EQ(elsewhere.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(kept.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(here.Get("/api/v1/auth/me").status, 401) << "the old cookie of this browser ended too";
  here.KeepSession(changed);
  EXPECT_EQ(here.Get("/api/v1/auth/me").status, 200) << "the new one works";
  EXPECT_EQ(here.Send("PUT", "/api/v1/auth/language", R"({"language":"en"})").status, 200) << "with its CSRF token";
}

}  // namespace
}  // namespace brm::testing
