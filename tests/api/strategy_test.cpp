// The customer-strategy settings over HTTP (SPEC.md §6.5): thresholds, tactic templates and overrides.
#include <gtest/gtest.h>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

const bj::object kDefaults{{"min_key_persons", 3}, {"profiled_share", 0.8}, {"drop", 0.5}, {"drop_months", 3}};

class StrategyApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer({"--body-limit", "65536"}); }

  static HttpResult Put(Client& client, const std::string& target, const bj::value& body) {
    return client.Send("PUT", target, bj::serialize(body));
  }
};

TEST_F(StrategyApi, ThresholdsAreReadBySalesRolesAndSetByAdmins) {
  Client rep = As("rep1");
  Client admin = As("admin");
  auto read = rep.Get("/api/v1/strategy/thresholds");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json, kDefaults);
  EXPECT_EQ(read.body, R"({"min_key_persons":3,"profiled_share":0.8,"drop":0.5,"drop_months":3})");
  EXPECT_EQ(NewClient().Get("/api/v1/strategy/thresholds").status, 401);
  EXPECT_EQ(As("staff").Get("/api/v1/strategy/thresholds").status, 403);
  Client ceo = As("ceo");
  EXPECT_EQ(Put(rep, "/api/v1/strategy/thresholds", kDefaults).status, 403);
  EXPECT_EQ(Put(ceo, "/api/v1/strategy/thresholds", kDefaults).status, 403);

  bj::object bad = kDefaults;
  bad["drop"] = 5;
  auto refused = Put(admin, "/api/v1/strategy/thresholds", bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.ErrorField(), "drop");
  bad = kDefaults;
  bad.erase("drop_months");
  EXPECT_EQ(Put(admin, "/api/v1/strategy/thresholds", bad).ErrorField(), "drop_months");
  bad = kDefaults;
  bad["min_key_persons"] = "3";
  EXPECT_EQ(Put(admin, "/api/v1/strategy/thresholds", bad).ErrorField(), "min_key_persons");
  EXPECT_EQ(admin.Send("PUT", "/api/v1/strategy/thresholds", "{\"drop\": ").status, 400);
  EXPECT_EQ(admin.Send("PUT", "/api/v1/strategy/thresholds", "[]").status, 400);
  EXPECT_EQ(admin.Send("POST", "/api/v1/strategy/thresholds", "{}").status, 404);

  const bj::object changed{{"min_key_persons", 4}, {"profiled_share", 0.75}, {"drop", 0.6}, {"drop_months", 6}};
  auto set = Put(admin, "/api/v1/strategy/thresholds", changed);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json, changed);
  EXPECT_EQ(rep.Get("/api/v1/strategy/thresholds").json, changed);
  ASSERT_EQ(Put(admin, "/api/v1/strategy/thresholds", kDefaults).status, 200);
}

TEST_F(StrategyApi, WritesWithTheSessionCookieNeedTheCsrfHeader) {
  Client admin = As("admin");
  admin.ForgetCsrf();
  EXPECT_EQ(Put(admin, "/api/v1/strategy/thresholds", kDefaults).status, 403);
  Client rep = As("rep1");
  rep.ForgetCsrf();
  auto refused = Put(rep, "/api/v1/customers/c1/strategy-override", bj::object{{"strategy", "grow"}, {"reason", "x"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(rep.Get("/api/v1/customers/c1/strategy-override").status, 404) << "nothing was written";
}

TEST_F(StrategyApi, TemplatesListTheFiveStrategiesWithTheSeededTactics) {
  auto list = As("manager").Get("/api/v1/strategy/templates");
  ASSERT_EQ(list.status, 200) << list.body;
  const bj::array& items = list.json.as_array();
  ASSERT_EQ(items.size(), 5u);
  const char* order[] = {"acquire", "grow", "win_back", "wait", "retain"};
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(items[i].at("strategy"), order[i]);
  const bj::object& acquire = items[0].as_object();
  EXPECT_NE(acquire.at("company").at("zh").as_string().find("带领客户参观案例和公司"), bj::string::npos);
  EXPECT_FALSE(acquire.at("company").at("en").as_string().empty());
  EXPECT_TRUE(acquire.at("personal").is_null());
  EXPECT_EQ(NewClient().Get("/api/v1/strategy/templates").status, 401);
  EXPECT_EQ(As("staff").Get("/api/v1/strategy/templates").status, 403);
  EXPECT_EQ(As("rep1").Get("/api/v1/strategy/templates/attack").status, 404);
  EXPECT_EQ(As("rep1").Get("/api/v1/strategy/nothing").status, 404);
  EXPECT_EQ(As("rep1").Get("/api/v1/strategy/templates/grow/other").status, 404);
}

TEST_F(StrategyApi, AnAdminEditsTheCompanyTemplate) {
  Client admin = As("admin");
  auto set = Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", "定期回访。"}, {"en", "Visit regularly."}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("strategy"), "retain");
  EXPECT_EQ(set.json.at("company").at("zh"), "定期回访。");
  EXPECT_EQ(set.json.at("company").at("updated_by"), "u-admin");
  EXPECT_TRUE(set.json.at("company").at("updated_at").is_string());
  auto seen = As("rep2").Get("/api/v1/strategy/templates/retain");
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json.at("company").at("en"), "Visit regularly.");
  EXPECT_EQ(As("rep2").Get("/api/v1/strategy/templates").json.as_array()[4].at("company"), set.json.at("company"));

  const bj::object texts{{"zh", "改"}, {"en", "x"}};
  Client rep = As("rep1");
  EXPECT_EQ(Put(rep, "/api/v1/strategy/templates/retain", texts).status, 403);
  Client ceo = As("ceo");
  EXPECT_EQ(Put(ceo, "/api/v1/strategy/templates/retain", texts).status, 403);
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/attack", texts).status, 404);
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", 5}, {"en", "x"}}).ErrorField(), "zh");
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", "x"}}).ErrorField(), "en");
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", "x"}, {"en", "x"}, {"fr", "x"}})
                .ErrorField(),
            "fr");
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", ""}, {"en", ""}}).status, 400);
  EXPECT_EQ(Put(admin, "/api/v1/strategy/templates/retain", bj::object{{"zh", std::string(10001, 'x')}, {"en", ""}})
                .ErrorField(),
            "zh");
  const std::string huge = R"({"zh": ")" + std::string(70000, 'x') + R"(", "en": ""})";
  EXPECT_EQ(admin.Send("PUT", "/api/v1/strategy/templates/retain", huge).status, 413);
  EXPECT_EQ(admin.Delete("/api/v1/strategy/templates/retain").status, 404) << "no such method";
}

TEST_F(StrategyApi, APersonalVariantBelongsToItsAuthor) {
  Client rep1 = As("rep1");
  const std::string path = "/api/v1/strategy/templates/grow/personal";
  auto set = Put(rep1, path, bj::object{{"zh", "先摸清年度预算。"}, {"en", "Learn the budget first."}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("personal").at("zh"), "先摸清年度预算。");
  EXPECT_TRUE(set.json.at("personal").at("updated_at").is_string());
  EXPECT_EQ(rep1.Get("/api/v1/strategy/templates").json.as_array()[1].at("personal").at("en"),
            "Learn the budget first.");
  EXPECT_TRUE(As("rep2").Get("/api/v1/strategy/templates").json.as_array()[1].at("personal").is_null());
  Client staff = As("staff");
  EXPECT_EQ(Put(staff, path, bj::object{{"zh", "x"}, {"en", "x"}}).status, 403);
  EXPECT_EQ(Put(rep1, path, bj::object{{"zh", "x"}, {"en", nullptr}}).ErrorField(), "en");

  auto deleted = rep1.Delete(path);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_TRUE(deleted.json.at("personal").is_null());
  EXPECT_EQ(rep1.Delete(path).status, 404) << "already deleted";
  EXPECT_EQ(NewClient().Delete(path).status, 401);
}

TEST_F(StrategyApi, ARepOverridesTheirOwnCustomersStrategyWithAReason) {
  Client rep1 = As("rep1");
  const std::string path = "/api/v1/customers/c1/strategy-override";
  EXPECT_EQ(rep1.Get(path).status, 404) << "no override yet";
  auto set = Put(rep1, path, bj::object{{"strategy", "wait"}, {"reason", "客户预算冻结到年底"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("customer"), "c1");
  EXPECT_EQ(set.json.at("strategy"), "wait");
  EXPECT_EQ(set.json.at("reason"), "客户预算冻结到年底");
  EXPECT_EQ(set.json.at("by"), "u-rep1");
  EXPECT_TRUE(set.json.at("at").is_string());
  EXPECT_EQ(rep1.Get(path).json, set.json);
  EXPECT_EQ(As("manager").Get(path).json, set.json) << "the manager of the rep's team";

  Client rep2 = As("rep2");
  auto hidden = rep2.Get(path);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body.find("预算"), std::string::npos);
  EXPECT_EQ(Put(rep2, path, bj::object{{"strategy", "grow"}, {"reason", "想接手"}}).status, 404);
  EXPECT_EQ(rep2.Delete(path).status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c2/strategy-override").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/customers/comp1/strategy-override").status, 404) << "not a customer";
  EXPECT_EQ(As("staff").Get(path).status, 403);
  EXPECT_EQ(NewClient().Get(path).status, 401);

  EXPECT_EQ(Put(rep1, path, bj::object{{"strategy", "attack"}, {"reason", "x"}}).ErrorField(), "strategy");
  EXPECT_EQ(Put(rep1, path, bj::object{{"strategy", "grow"}}).ErrorField(), "reason");
  EXPECT_EQ(Put(rep1, path, bj::object{{"strategy", "grow"}, {"reason", "  "}}).ErrorField(), "reason");
  EXPECT_EQ(Put(rep1, path, bj::object{{"strategy", "grow"}, {"reason", std::string(1001, 'x')}}).ErrorField(),
            "reason");
  EXPECT_EQ(Put(rep1, path, bj::object{{"strategy", 1}, {"reason", "x"}}).ErrorField(), "strategy");
  EXPECT_EQ(rep1.Send("PUT", path, "not json").status, 400);
  EXPECT_EQ(rep1.Send("POST", path, "{}").status, 404);
  EXPECT_EQ(rep1.Get(path).json.at("strategy"), "wait") << "refused writes change nothing";

  auto cleared = rep1.Delete(path);
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.json.at("strategy"), "wait");
  EXPECT_EQ(rep1.Get(path).status, 404);
  EXPECT_EQ(rep1.Delete(path).status, 404) << "nothing left to clear";
}

TEST_F(StrategyApi, ExecutivesAndAdminsOverrideAnyCustomerAndTokensNeedNoCsrf) {
  Client admin = As("admin");
  auto token = admin.Post("/api/v1/auth/tokens", bj::object{{"name", "strategy-test"}});
  ASSERT_EQ(token.status, 201) << token.body;
  Client script = NewClient();
  script.UseToken(std::string(token.json.at("token").as_string()));
  const std::string path = "/api/v1/customers/c2/strategy-override";
  auto set = Put(script, path, bj::object{{"strategy", "retain"}, {"reason", "战略客户"}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json.at("by"), "u-admin");
  Client ceo = As("ceo");
  EXPECT_EQ(Put(ceo, path, bj::object{{"strategy", "grow"}, {"reason", "新项目"}}).json.at("by"), "u-ceo");
  EXPECT_EQ(As("rep2").Get(path).json.at("strategy"), "grow");
  EXPECT_EQ(As("manager").Get(path).status, 404) << "c2 is outside the manager's team";
  EXPECT_EQ(ceo.Delete(path).status, 200);
}

}  // namespace
}  // namespace brm::testing
