// PUT /auth/language over HTTP: every user, employees included, sets their own interface language; the
// change is audited as theirs, and nothing else of the user record can ride along.
#include <gtest/gtest.h>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class LanguageApi : public SharedServerTest {
 protected:
  static HttpResult Put(Client& client, const std::string& body) {
    return client.Send("PUT", "/api/v1/auth/language", body);
  }
  static std::string StoredLanguage(const std::string& user) {
    const auto r = As("admin").Get("/api/v1/users/" + user);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.is_object() ? std::string(r.json.at("language").as_string()) : "";
  }
};

TEST_F(LanguageApi, ARepSetsTheirLanguageAndGetsTheSessionBack) {
  Client rep1 = NewClient();
  const auto login = rep1.Login("rep1");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.json.at("user").at("language"), "zh-CN");  // the default
  const auto r = Put(rep1, R"({"language": "en"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("user").at("id"), "u-rep1");
  EXPECT_EQ(r.json.at("user").at("language"), "en");
  EXPECT_EQ(r.json.at("user").at("name"), "张伟");
  EXPECT_EQ(r.json.at("user").at("role"), "rep");
  EXPECT_EQ(r.json.at("csrf"), login.json.at("csrf"));
  EXPECT_TRUE(r.json.at("expires_at").is_int64()) << r.body;
  const auto me = rep1.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json.at("user"), r.json.at("user"));
  EXPECT_EQ(me.json.at("csrf"), r.json.at("csrf"));
  EXPECT_EQ(StoredLanguage("u-rep1"), "en");

  const auto history = As("admin").Get("/api/v1/users/u-rep1/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const auto& items = history.json.at("items").as_array();
  ASSERT_FALSE(items.empty());
  const auto& last = items.back();
  EXPECT_EQ(last.at("actor"), "u-rep1");
  EXPECT_EQ(last.at("field"), "language");
  EXPECT_EQ(last.at("old"), "zh-CN");
  EXPECT_EQ(last.at("new"), "en");

  ASSERT_EQ(Put(rep1, R"({"language": "zh-CN"})").status, 200);
  EXPECT_EQ(StoredLanguage("u-rep1"), "zh-CN");
}

TEST_F(LanguageApi, AnEmployeeSetsTheirsButStillCannotWriteUsers) {
  Client staff = As("staff");
  const auto r = Put(staff, R"({"language": "en"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("user").at("id"), "u-staff");
  EXPECT_EQ(r.json.at("user").at("language"), "en");
  EXPECT_EQ(r.json.at("user").at("name"), "陈静");
  EXPECT_EQ(StoredLanguage("u-staff"), "en");
  // Users stay hidden from employees and closed to every other writer.
  EXPECT_EQ(staff.Patch("/api/v1/users/u-staff", bj::object{{"language", "zh-CN"}}).status, 404);
  EXPECT_EQ(As("rep2").Patch("/api/v1/users/u-rep2", bj::object{{"language", "en"}}).status, 403);
  EXPECT_EQ(StoredLanguage("u-staff"), "en");
  EXPECT_EQ(StoredLanguage("u-rep2"), "zh-CN");
}

TEST_F(LanguageApi, RefusesABadBodyNamingTheField) {
  Client rep2 = As("rep2");
  struct Case {
    const char* body;
    const char* field;
  };
  for (const Case& c : {Case{"{}", "language"}, Case{R"({"language": 5})", "language"},
                        Case{R"({"language": null})", "language"}, Case{R"({"language": "fr"})", "language"},
                        Case{R"({"language": "EN"})", "language"}, Case{R"({"lang": "en"})", "lang"},
                        Case{R"({"language": "en", "role": "admin"})", "role"}}) {
    const auto r = Put(rep2, c.body);
    EXPECT_EQ(r.status, 400) << c.body;
    EXPECT_EQ(r.ErrorField(), c.field) << c.body << " → " << r.body;
  }
  EXPECT_EQ(Put(rep2, "not json").status, 400);
  EXPECT_EQ(Put(rep2, "[]").status, 400);
  EXPECT_EQ(StoredLanguage("u-rep2"), "zh-CN");
  const auto me = rep2.Get("/api/v1/auth/me");
  EXPECT_EQ(me.json.at("user").at("role"), "rep");
}

TEST_F(LanguageApi, ACookieSessionNeedsTheCsrfToken) {
  Client manager = As("manager");
  manager.ForgetCsrf();
  EXPECT_EQ(Put(manager, R"({"language": "en"})").status, 403);
  EXPECT_EQ(StoredLanguage("u-mgr"), "zh-CN");
  EXPECT_EQ(NewClient().Send("PUT", "/api/v1/auth/language", R"({"language": "en"})").status, 401);
  EXPECT_EQ(As("manager").Get("/api/v1/auth/language").status, 404);
}

}  // namespace
}  // namespace brm::testing
