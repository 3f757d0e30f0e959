// Rules that keep records written through the API consistent (found while building the data-management
// pages, issue 12): a record made today starts today; an opportunity's owner is among the writer's owners
// (R9); an opportunity's status and closing day go together; a department is retired only once nothing is
// left in it; the chain says whether the caller may change the opportunity.
// Fixture (tests/fixtures/small_bundle.json): rep1 (team t-east, led by manager) owns c1 (departments d1 and
// its child d2; p1, p2 in d1, p3 in d2; open o1); rep2 (team t-west) owns c2 (d3 with p4; won o2).
#include <gtest/gtest.h>

#include <string>

#include "api/shared_server.hpp"
#include "domain/date.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class RecordRulesApi : public SharedServerTest {};

TEST_F(RecordRulesApi, ARecordMadeTodayStartsTodayAndCountsFromToday) {
  Client admin = As("admin"), rep1 = As("rep1");
  const std::string today = Today(admin);
  const std::string last_month = FormatDate(AddMonths(*ParseDate(today), -1));
  auto before = rep1.Get("/api/v1/lines/customer?scope=me&as_of=" + last_month);
  ASSERT_EQ(before.status, 200) << before.body;
  const int64_t customers_then = before.json.at("trend").at("customers").as_int64();

  auto made = rep1.Post("/api/v1/organizations", bj::object{{"name", "深圳地铁"}, {"kind", "customer"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json.at("since"), bj::value(today));
  const std::string customer(made.json.at("id").as_string());
  auto person = rep1.Post("/api/v1/people", bj::object{{"org", customer}, {"name", "黄工"}});
  ASSERT_EQ(person.status, 201) << person.body;
  EXPECT_EQ(person.json.at("since"), bj::value(today));

  // Today it is one more customer; last month's figures are as they were.
  auto now = rep1.Get("/api/v1/lines/customer?scope=me");
  auto then = rep1.Get("/api/v1/lines/customer?scope=me&as_of=" + last_month);
  ASSERT_EQ(then.status, 200) << then.body;
  EXPECT_EQ(then.json.at("trend").at("customers").as_int64(), customers_then);
  EXPECT_EQ(now.json.at("trend").at("customers").as_int64(), customers_then + 1);
  EXPECT_EQ(now.json.at("trend").at("mom").at("customers").as_int64(), 1);

  // An older fact is entered with its own day, and "since": null means always.
  auto older = rep1.Post("/api/v1/people", bj::object{{"org", customer}, {"name", "林工"}, {"since", "2020-01-01"}});
  EXPECT_EQ(older.json.at("since"), "2020-01-01");
  auto always = rep1.Post("/api/v1/people", bj::object{{"org", customer}, {"name", "郑工"}, {"since", nullptr}});
  EXPECT_TRUE(always.json.at("since").is_null()) << always.body;
}

TEST_F(RecordRulesApi, AnOpportunitysOwnerIsAmongTheWritersOwners) {
  Client rep1 = As("rep1"), manager = As("manager"), admin = As("admin");
  const bj::object other_rep{{"customer", "c1"}, {"name", "移动办公"}, {"owner", "u-rep2"}, {"opened", "2026-01-05"}};
  auto refused = rep1.Post("/api/v1/opportunities", other_rep);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.ErrorField(), "owner");
  EXPECT_EQ(manager.Post("/api/v1/opportunities", other_rep).ErrorField(), "owner") << "rep2 is in another team";
  auto mine = rep1.Post("/api/v1/opportunities", bj::object{{"customer", "c1"}, {"name", "移动办公"}, {"owner", "u-rep1"}, {"opened", "2026-01-05"}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  const std::string id(mine.json.at("id").as_string());
  EXPECT_EQ(rep1.Patch("/api/v1/opportunities/" + id, bj::object{{"owner", "u-mgr"}}).ErrorField(), "owner");
  // A manager gives it to someone of the team; the rep keeps working it (the owner is not changed).
  EXPECT_EQ(manager.Patch("/api/v1/opportunities/" + id, bj::object{{"owner", "u-mgr"}}).status, 200);
  EXPECT_EQ(rep1.Patch("/api/v1/opportunities/" + id, bj::object{{"stage", "方案"}}).status, 200);
  EXPECT_EQ(admin.Patch("/api/v1/opportunities/" + id, bj::object{{"owner", "u-rep2"}}).status, 200);
  EXPECT_EQ(admin.Get("/api/v1/opportunities/" + id).json.at("stage"), "方案");
}

TEST_F(RecordRulesApi, StatusAndClosingDayGoTogether) {
  Client rep1 = As("rep1");
  const std::string today = Today(rep1);
  auto made = rep1.Post("/api/v1/opportunities",
                        bj::object{{"customer", "c1"}, {"name", "数据治理"}, {"owner", "u-rep1"}, {"opened", "2026-01-05"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string path = "/api/v1/opportunities/" + std::string(made.json.at("id").as_string());
  EXPECT_TRUE(made.json.at("closed").is_null());

  auto open_with_day = rep1.Patch(path, bj::object{{"closed", "2026-02-01"}});
  EXPECT_EQ(open_with_day.status, 400);
  EXPECT_EQ(open_with_day.ErrorField(), "closed");
  EXPECT_EQ(rep1.Post("/api/v1/opportunities", bj::object{{"customer", "c1"}, {"name", "x"}, {"opened", "2026-01-05"}, {"closed", "2026-02-01"}})
                .ErrorField(),
            "closed");

  auto lost = rep1.Patch(path, bj::object{{"status", "lost"}});
  ASSERT_EQ(lost.status, 200) << lost.body;
  EXPECT_EQ(lost.json.at("closed"), bj::value(today)) << "closed today when no day is given";
  auto won = rep1.Patch(path, bj::object{{"status", "won"}, {"closed", "2026-03-01"}});
  EXPECT_EQ(won.json.at("closed"), "2026-03-01");
  auto reopened = rep1.Patch(path, bj::object{{"status", "open"}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_TRUE(reopened.json.at("closed").is_null()) << "reopening clears the day";
  EXPECT_EQ(rep1.Patch(path, bj::object{{"status", "open"}, {"closed", "2026-03-01"}}).ErrorField(), "closed");
  EXPECT_TRUE(rep1.Get(path).json.at("closed").is_null()) << "nothing changed";
}

TEST_F(RecordRulesApi, ADepartmentIsRetiredOnceNothingIsLeftInIt) {
  Client rep1 = As("rep1");
  const std::string today = Today(rep1);
  // d1 holds d2 and p1, p2; d2 holds p3.
  auto parent = rep1.Delete("/api/v1/departments/d1");
  EXPECT_EQ(parent.status, 409) << parent.body;
  EXPECT_EQ(parent.ErrorField(), "until");
  EXPECT_NE(parent.body.find("d2"), std::string::npos) << parent.body;
  auto child = rep1.Delete("/api/v1/departments/d2");
  EXPECT_EQ(child.status, 409);
  EXPECT_NE(child.body.find("p3"), std::string::npos) << child.body;
  EXPECT_TRUE(rep1.Get("/api/v1/departments/d2").json.at("until").is_null()) << "nothing changed";

  // Once p3 works elsewhere, d2 retires; d1 still holds p1 and p2.
  ASSERT_EQ(rep1.Patch("/api/v1/people/p3", bj::object{{"department", "d1"}}).status, 200);
  auto retired = rep1.Delete("/api/v1/departments/d2");
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(rep1.Get("/api/v1/departments/d2").json.at("until"), bj::value(today));
  auto still = rep1.Delete("/api/v1/departments/d1");
  EXPECT_EQ(still.status, 409);
  EXPECT_NE(still.body.find("p1"), std::string::npos) << still.body;
  EXPECT_EQ(still.body.find("d2"), std::string::npos) << "a retired sub-department no longer holds it: " << still.body;
}

TEST_F(RecordRulesApi, TheChainSaysWhetherTheCallerMayChangeTheOpportunity) {
  Client rep1 = As("rep1"), ceo = As("ceo");
  auto mine = rep1.Get("/api/v1/opportunities/o1/chain");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("may_write"), true);
  EXPECT_EQ(ceo.Get("/api/v1/opportunities/o2/chain").json.at("may_write"), true);
  EXPECT_EQ(rep1.Get("/api/v1/opportunities/o2/chain").status, 404);
}

}  // namespace
}  // namespace brm::testing
