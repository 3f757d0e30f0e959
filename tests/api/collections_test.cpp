// CRUD over every collection: success, validation errors naming the field, unknown ids, bad input.
#include <gtest/gtest.h>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class CollectionsApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    StartServer({"--body-limit", "65536"});
  }
  void SetUp() override {
    admin_ = std::make_unique<Client>(server_->port());
    ASSERT_EQ(admin_->Login("admin").status, 200);
  }
  std::unique_ptr<Client> admin_;
};

struct CollectionCase {
  const char* collection;
  const char* known_id;
  bj::object valid;         // a body that creates a record
  bj::object invalid;       // a body with one bad field …
  const char* bad_field;    // … named here
};

std::vector<CollectionCase> Cases() {
  return {
      {"organizations", "c1", {{"name", "华南航空"}, {"kind", "customer"}, {"owner", "u-rep1"}},
       {{"name", "坏"}, {"kind", "supplier"}}, "kind"},
      {"departments", "d1", {{"org", "c1"}, {"name", "风险管理部"}, {"parent", "d1"}}, {{"org", "c1"}}, "name"},
      {"people", "p1", {{"org", "c1"}, {"department", "d2"}, {"name", "李娜"}, {"title", "采购专员"}},
       {{"org", "c1"}, {"name", "李娜"}, {"importance", "huge"}}, "importance"},
      {"teams", "t-east", {{"name", "华南大区"}, {"parent", "t-root"}}, {{"name", "x"}, {"parent", "t-none"}}, "parent"},
      {"users", "u-rep1", {{"login", "rep9"}, {"person", "e-staff"}, {"role", "rep"}, {"team", "t-east"}},
       {{"login", "rep8"}, {"person", "p1"}, {"role", "rep"}}, "person"},
      {"reporting-lines", "rl1", {{"person", "p1"}, {"manager", "p3"}}, {{"person", "p1"}, {"manager", "p4"}}, "manager"},
      {"influence-links", "i1", {{"from", "e-rep1"}, {"to", "p2"}, {"strength", "weak"}},
       {{"from", "e-rep1"}, {"to", "p2"}, {"strength", "huge"}}, "strength"},
      {"opportunities", "o1", {{"customer", "c1"}, {"name", "二期扩容"}, {"opened", "2026-01-05"}, {"amount", 800000}},
       {{"customer", "comp1"}, {"name", "x"}, {"opened", "2026-01-05"}}, "customer"},
      {"chain-members", "m1", {{"opportunity", "o1"}, {"person", "p3"}, {"role", "procurement"}},
       {{"opportunity", "o1"}, {"person", "p3"}, {"role", "boss"}}, "role"},
      {"ratings", "r1", {{"person", "p2"}, {"dimension", "price"}, {"value", "neutral"}, {"date", "2026-02-03"}},
       {{"person", "p2"}, {"dimension", "price"}, {"value", "love"}}, "value"},
      {"votes", "v1", {{"person", "p2"}, {"kind", "approve"}, {"value", "no"}},
       {{"person", "p2"}, {"kind", "approve"}, {"value", "no"}, {"date", "2026-02-30"}}, "date"},
      {"activities", "a1", {{"person", "p2"}, {"kind", "meeting"}, {"note", "技术交流"}},
       {{"person", "p2"}, {"kind", "party"}}, "kind"},
      {"influence-uses", "iu1", {{"opportunity", "o1"}, {"employee", "e-staff"}, {"person", "p1"}},
       {{"opportunity", "o1"}, {"employee", "p2"}, {"person", "p1"}}, "employee"},
  };
}

TEST_F(CollectionsApi, EveryCollectionListsReadsCreatesAndRefusesBadInput) {
  for (const CollectionCase& c : Cases()) {
    const std::string base = std::string("/api/v1/") + c.collection;
    SCOPED_TRACE(c.collection);
    auto list = admin_->Get(base);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_GE(list.json.at("total").as_int64(), 1);
    EXPECT_EQ(list.json.at("limit").as_int64(), 50);

    auto known = admin_->Get(base + "/" + c.known_id);
    ASSERT_EQ(known.status, 200) << known.body;
    EXPECT_EQ(known.json.at("id"), c.known_id);

    auto missing = admin_->Get(base + "/no-such-id");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.ErrorCode(), "not_found");

    auto created = admin_->Post(base, c.valid);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id(created.json.at("id").as_string());
    EXPECT_FALSE(id.empty());
    EXPECT_EQ(admin_->Get(base + "/" + id).json, created.json);

    auto duplicate = c.valid;
    duplicate["id"] = id;
    EXPECT_EQ(admin_->Post(base, duplicate).status, 409);

    auto invalid = admin_->Post(base, c.invalid);
    EXPECT_TRUE(invalid.status == 400 || invalid.status == 422) << invalid.body;
    EXPECT_EQ(invalid.ErrorField(), c.bad_field) << invalid.body;

    EXPECT_EQ(admin_->Post(base, bj::object{{"id", 5}}).ErrorField(), "id");
    EXPECT_EQ(admin_->Post(base, bj::object{{"colour", "red"}}).ErrorField(), "colour");
    EXPECT_EQ(admin_->Send("POST", base, "{\"name\": ").status, 400);
    EXPECT_EQ(admin_->Send("POST", base, "[]").status, 400);
    EXPECT_EQ(admin_->Get(base + "?limit=abc").ErrorField(), "limit");
    EXPECT_EQ(admin_->Get(base + "?nonsense=1").ErrorField(), "nonsense");

    auto history = admin_->Get(base + "/" + id + "/history");
    ASSERT_EQ(history.status, 200);
    EXPECT_EQ(history.json.at("items").as_array().at(0).at("field"), "*");
  }
}

TEST_F(CollectionsApi, RetiringSetsUntilAndDeletesNothing) {
  auto retired = admin_->Send("DELETE", "/api/v1/influence-links/i3?date=2026-02-10");
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(retired.json.at("until"), "2026-02-10");
  EXPECT_EQ(admin_->Get("/api/v1/influence-links/i3").json.at("until"), "2026-02-10");
  EXPECT_EQ(admin_->Send("DELETE", "/api/v1/influence-links/i3").status, 409) << "already retired";
  auto active = admin_->Get("/api/v1/influence-links?active_on=2026-03-01&limit=1000");
  for (const auto& item : active.json.at("items").as_array()) EXPECT_NE(item.at("id"), "i3");
  auto earlier = admin_->Get("/api/v1/influence-links?active_on=2026-02-09&to=p3");
  EXPECT_EQ(earlier.json.at("total").as_int64(), 1);
}

TEST_F(CollectionsApi, FactsAreAppendOnly) {
  auto changed = admin_->Patch("/api/v1/ratings/r2", bj::object{{"value", "oppose"}});
  EXPECT_EQ(changed.status, 409);
  EXPECT_EQ(changed.ErrorField(), "value");
  auto retired = admin_->Post("/api/v1/ratings/r2/retire", bj::object{{"date", "2026-02-05"}});
  EXPECT_EQ(retired.status, 200);
  EXPECT_EQ(retired.json.at("value"), "strong_support");
  EXPECT_EQ(retired.json.at("until"), "2026-02-05");
}

TEST_F(CollectionsApi, ChangesAreAuditedFieldByField) {
  ASSERT_EQ(admin_->Patch("/api/v1/people/p2", bj::object{{"title", "首席架构师"}, {"importance", "high"}}).status, 200);
  auto history = admin_->Get("/api/v1/people/p2/history");
  ASSERT_EQ(history.status, 200);
  const auto& items = history.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("field"), "title");
  EXPECT_EQ(items[0].at("old"), "架构师");
  EXPECT_EQ(items[0].at("new"), "首席架构师");
  EXPECT_EQ(items[0].at("actor"), "u-admin");
  EXPECT_EQ(items[1].at("field"), "importance");
}

TEST_F(CollectionsApi, SearchFindsChineseSubstringsAndFiltersByField) {
  auto found = admin_->Get("/api/v1/people?search=" + Encode("赵"));
  ASSERT_EQ(found.status, 200);
  ASSERT_EQ(found.json.at("total").as_int64(), 1);
  EXPECT_EQ(found.json.at("items").as_array()[0].at("id"), "p1");
  auto in_org = admin_->Get("/api/v1/people?org=c1&limit=2");
  EXPECT_GE(in_org.json.at("total").as_int64(), 3);
  EXPECT_EQ(in_org.json.at("items").as_array().size(), 2u);
  auto competitors = admin_->Get("/api/v1/organizations?kind=competitor");
  EXPECT_EQ(competitors.json.at("total").as_int64(), 1);
  EXPECT_EQ(admin_->Get("/api/v1/organizations?kind=villain").ErrorField(), "kind");
  EXPECT_EQ(admin_->Get("/api/v1/people?name=x").ErrorField(), "name");
  auto hostile = admin_->Get("/api/v1/people?search=" + Encode("'; DROP TABLE people; --"));
  EXPECT_EQ(hostile.status, 200);
  EXPECT_EQ(hostile.json.at("total").as_int64(), 0);
}

TEST_F(CollectionsApi, RulesAcrossRecordsAreEnforced) {
  auto second_ours = admin_->Post("/api/v1/organizations", bj::object{{"name", "另一个我司"}, {"kind", "ours"}});
  EXPECT_EQ(second_ours.status, 409);
  EXPECT_EQ(second_ours.ErrorField(), "kind");
  auto two_managers = admin_->Post("/api/v1/reporting-lines", bj::object{{"person", "p2"}, {"manager", "p3"}});
  EXPECT_EQ(two_managers.status, 409);
  auto taken = admin_->Post("/api/v1/users", bj::object{{"login", "rep1"}, {"person", "e-staff"}, {"role", "rep"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.ErrorField(), "login");
}

TEST_F(CollectionsApi, OversizedBodiesGet413AndUnknownPaths404) {
  const std::string huge = "{\"name\": \"" + std::string(70000, 'x') + "\"}";
  auto result = admin_->Send("POST", "/api/v1/people", huge);
  EXPECT_EQ(result.status, 413);
  EXPECT_EQ(admin_->Get("/api/v1/widgets").status, 404);
  EXPECT_EQ(admin_->Get("/api/v2/people").status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/people/p1/nothing").status, 404);
}

TEST_F(CollectionsApi, ARatingCarriesANoteThatIsHistoryLikeTheRating) {
  auto rated = admin_->Post("/api/v1/ratings", bj::object{{"person", "p2"}, {"dimension", "price"}, {"value", "oppose"},
                                                          {"date", "2026-11-02"}, {"note", "嫌报价比东方软件高 15%"}});
  ASSERT_EQ(rated.status, 201) << rated.body;
  const std::string id(rated.json.at("id").as_string());
  EXPECT_EQ(admin_->Get("/api/v1/ratings/" + id).json.at("note"), "嫌报价比东方软件高 15%");
  EXPECT_EQ(admin_->Patch("/api/v1/ratings/" + id, bj::object{{"note", "改"}}).status, 409) << "a fact is not corrected";
  EXPECT_EQ(admin_->Post("/api/v1/ratings", bj::object{{"person", "p2"}, {"dimension", "price"}, {"value", "oppose"},
                                                       {"note", std::string(2001, 'x')}}).ErrorField(), "note");
  auto plain = admin_->Post("/api/v1/ratings", bj::object{{"person", "p2"}, {"dimension", "solution"}, {"value", "support"}});
  ASSERT_EQ(plain.status, 201);
  EXPECT_TRUE(plain.json.at("note").is_null());
}

TEST_F(CollectionsApi, AdminErasesAPersonAndTheFiguresInputsStay) {
  ASSERT_EQ(admin_->Patch("/api/v1/people/p3", bj::object{{"email", "sunli@example.com"}}).status, 200);
  auto rated = admin_->Post("/api/v1/ratings", bj::object{{"person", "p3"}, {"dimension", "closeness"}, {"value", "support"},
                                                          {"note", "孙丽说下周见"}});
  ASSERT_EQ(rated.status, 201) << rated.body;
  const std::string rating(rated.json.at("id").as_string());
  auto erased = admin_->Post("/api/v1/people/p3/erase", bj::object{});
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(erased.json.at("name"), "[erased]");
  EXPECT_TRUE(erased.json.at("email").is_null());
  EXPECT_EQ(erased.json.at("org"), "c1");
  EXPECT_EQ(erased.json.at("key"), true);
  const auto history = admin_->Get("/api/v1/people/p3/history");
  EXPECT_EQ(history.body.find("sunli@example.com"), std::string::npos);
  EXPECT_EQ(history.body.find("孙丽"), std::string::npos);
  auto kept = admin_->Get("/api/v1/ratings/" + rating);
  EXPECT_TRUE(kept.json.at("note").is_null()) << "the rating stays, its note about the person goes";
  EXPECT_EQ(kept.json.at("value"), "support");
  EXPECT_EQ(admin_->Get("/api/v1/ratings/" + rating + "/history").body.find("孙丽说下周见"), std::string::npos);
  Client rep = Client(server_->port());
  ASSERT_EQ(rep.Login("rep1").status, 200);
  EXPECT_EQ(rep.Post("/api/v1/people/p1/erase", bj::object{}).status, 403);
}

}  // namespace
}  // namespace brm::testing
