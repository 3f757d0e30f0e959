// Tasks (issue 12 item 1): what a task concerns decides who sees it, the assignment rules, status changes
// with what each needs, comments seen with their task, and bad input named by field.
// Fixture (tests/fixtures/small_bundle.json): rep1 (team t-east, led by manager) owns c1 with p1–p3 and o1;
// rep2 (team t-west) owns c2 with p4 and o2; ceo is an executive, admin an administrator, staff an employee.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class TasksApi : public SharedServerTest {
 protected:
  static std::string Make(Client& client, bj::object body) {
    auto made = client.Post("/api/v1/tasks", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return made.status == 201 ? std::string(made.json.at("id").as_string()) : "";
  }
  static std::set<std::string> Listed(Client& client, const std::string& query) {
    auto list = client.Get("/api/v1/tasks?limit=500" + query);
    EXPECT_EQ(list.status, 200) << list.body;
    std::set<std::string> ids;
    if (list.status != 200) return ids;
    for (const auto& item : list.json.at("items").as_array()) ids.insert(std::string(item.at("id").as_string()));
    return ids;
  }
  static void ExpectError(const HttpResult& result, int status, const std::string& field) {
    EXPECT_EQ(result.status, status) << result.body;
    if (result.status == status && !field.empty()) {
      EXPECT_EQ(result.json.at("error").at("field"), bj::value(field)) << result.body;
    }
  }
};

TEST_F(TasksApi, ARepsTaskAboutAPersonTakesItsCustomerAuthorAndDefaults) {
  Client rep1 = As("rep1");
  auto made = rep1.Post("/api/v1/tasks", bj::object{{"title", "约赵敏喝茶"}, {"person", "p1"}, {"assignee", "u-rep1"},
                                                    {"due", "2026-12-20"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const bj::value& task = made.json;
  EXPECT_EQ(task.at("customer"), "c1") << "the person's customer, filled in";
  EXPECT_EQ(task.at("by"), "u-rep1");
  EXPECT_EQ(task.at("status"), "open");
  EXPECT_EQ(task.at("source"), "hand");
  EXPECT_TRUE(task.at("date").is_string());
  EXPECT_EQ(std::string(task.at("id").as_string()).rfind("task-", 0), 0u);

  // An opportunity's task takes its customer too; one that disagrees is refused, naming the field.
  auto about_opp = rep1.Post("/api/v1/tasks", bj::object{{"title", "补齐决策链"}, {"opportunity", "o1"}, {"assignee", "u-rep1"}});
  ASSERT_EQ(about_opp.status, 201) << about_opp.body;
  EXPECT_EQ(about_opp.json.at("customer"), "c1");
  Client admin = As("admin");
  ExpectError(admin.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"customer", "c1"}, {"opportunity", "o2"},
                                                     {"assignee", "u-admin"}}),
              422, "opportunity");
  ExpectError(admin.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"customer", "c1"}, {"person", "p4"},
                                                     {"assignee", "u-admin"}}),
              422, "person");
  ExpectError(admin.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"customer", "comp1"}, {"assignee", "u-admin"}}),
              422, "customer");
}

TEST_F(TasksApi, ATaskIsSeenByWhoeverSeesWhatItConcerns) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), manager = As("manager"), ceo = As("ceo"), staff = As("staff");
  const std::string about_c1 = Make(rep1, {{"title", "拜访孙丽"}, {"person", "p3"}, {"assignee", "u-rep1"}});
  const std::string general = Make(rep1, {{"title", "整理本周拜访记录"}, {"assignee", "u-rep1"}});
  const std::string about_c2 = Make(rep2, {{"title", "拜访周强"}, {"person", "p4"}, {"assignee", "u-rep2"}});

  for (const std::string& id : {about_c1, general}) {
    EXPECT_EQ(rep1.Get("/api/v1/tasks/" + id).status, 200);
    EXPECT_EQ(manager.Get("/api/v1/tasks/" + id).status, 200) << "rep1 is in the manager's team";
    EXPECT_EQ(ceo.Get("/api/v1/tasks/" + id).status, 200);
    ExpectError(rep2.Get("/api/v1/tasks/" + id), 404, "");
    ExpectError(staff.Get("/api/v1/tasks/" + id), 404, "");
  }
  ExpectError(rep1.Get("/api/v1/tasks/" + about_c2), 404, "");
  ExpectError(manager.Get("/api/v1/tasks/" + about_c2), 404, "");  // c2 belongs to another team

  // Lists keep exactly what a read would answer.
  const auto rep1_sees = Listed(rep1, "");
  EXPECT_TRUE(rep1_sees.count(about_c1) && rep1_sees.count(general));
  EXPECT_FALSE(rep1_sees.count(about_c2));
  const auto rep2_sees = Listed(rep2, "");
  EXPECT_TRUE(rep2_sees.count(about_c2));
  EXPECT_FALSE(rep2_sees.count(about_c1) || rep2_sees.count(general));
  const auto manager_sees = Listed(manager, "");
  EXPECT_TRUE(manager_sees.count(about_c1) && manager_sees.count(general));
  EXPECT_FALSE(manager_sees.count(about_c2));
  EXPECT_TRUE(Listed(ceo, "").count(about_c2));
  auto staff_list = staff.Get("/api/v1/tasks");
  ASSERT_EQ(staff_list.status, 200) << staff_list.body;
  EXPECT_EQ(staff_list.json.at("total"), 0);

  // Filters: the assignee's open tasks.
  const auto open_of_rep2 = Listed(ceo, "&assignee=u-rep2&status=open");
  EXPECT_TRUE(open_of_rep2.count(about_c2));
  EXPECT_FALSE(open_of_rep2.count(about_c1));
}

TEST_F(TasksApi, RepsAssignToThemselvesManagersToTheirTeamAndTheAssigneeMustSeeIt) {
  Client rep1 = As("rep1"), manager = As("manager"), admin = As("admin");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"person", "p1"}, {"assignee", "u-mgr"}}), 403,
              "assignee");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep2"}}), 403, "assignee");
  // The manager assigns to a rep of the team; not to a rep of another team.
  const std::string assigned = Make(manager, {{"title", "摸清钱坤的关注点"}, {"person", "p2"}, {"assignee", "u-rep1"}});
  EXPECT_EQ(rep1.Get("/api/v1/tasks/" + assigned).json.at("by"), "u-mgr");
  ExpectError(manager.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep2"}}), 403, "assignee");
  // What the manager cannot see cannot be named at all.
  ExpectError(manager.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"customer", "c2"}, {"assignee", "u-mgr"}}),
              422, "customer");
  // An administrator assigns anyone, but only someone who can see what the task concerns, and no employee.
  ExpectError(admin.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"customer", "c2"}, {"assignee", "u-rep1"}}), 422,
              "assignee");
  ExpectError(admin.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-staff"}}), 422, "assignee");
  const std::string for_rep2 = Make(admin, {{"title", "跟进调度平台"}, {"opportunity", "o2"}, {"assignee", "u-rep2"}});
  EXPECT_EQ(As("rep2").Get("/api/v1/tasks/" + for_rep2).status, 200);
  // Reassigning follows the same rule.
  ExpectError(admin.Patch("/api/v1/tasks/" + for_rep2, bj::object{{"assignee", "u-rep1"}}), 422, "assignee");
  ExpectError(rep1.Patch("/api/v1/tasks/" + assigned, bj::object{{"assignee", "u-mgr"}}), 403, "assignee");
  // Moving a task to what its assignee cannot see is refused as well.
  const std::string about_c1 = Make(admin, {{"title", "回访"}, {"customer", "c1"}, {"assignee", "u-rep1"}});
  ExpectError(admin.Patch("/api/v1/tasks/" + about_c1, bj::object{{"customer", "c2"}}), 422, "assignee");
  EXPECT_EQ(admin.Get("/api/v1/tasks/" + about_c1).json.at("customer"), "c1");
  auto to_manager = manager.Patch("/api/v1/tasks/" + assigned, bj::object{{"assignee", "u-mgr"}});
  ASSERT_EQ(to_manager.status, 200) << to_manager.body;
  EXPECT_EQ(to_manager.json.at("assignee"), "u-mgr");
}

TEST_F(TasksApi, StatusChangesNeedWhatTheyNeedAndOnlyTheAssigneeAuthorOrManagersMakeThem) {
  Client rep1 = As("rep1"), manager = As("manager");
  const std::string id = Make(rep1, {{"title", "发送方案"}, {"opportunity", "o1"}, {"assignee", "u-rep1"}});
  ExpectError(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "snoozed"}}), 400, "snoozed_until");
  ExpectError(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "dismissed"}}), 400, "reason");
  ExpectError(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "dismissed"}, {"reason", "  "}}), 400, "reason");
  ExpectError(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "finished"}}), 400, "status");
  ExpectError(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"by", "u-mgr"}}), 403, "by");
  EXPECT_EQ(rep1.Get("/api/v1/tasks/" + id).json.at("status"), "open") << "nothing changed by a refused change";

  auto snoozed = rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "snoozed"}, {"snoozed_until", "2027-01-05"}});
  ASSERT_EQ(snoozed.status, 200) << snoozed.body;
  EXPECT_EQ(snoozed.json.at("snoozed_until"), "2027-01-05");
  auto done = manager.Patch("/api/v1/tasks/" + id, bj::object{{"status", "done"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("status"), "done");
  auto dismissed = rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "dismissed"}, {"reason", "客户取消了采购"}});
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;

  // Every change is in the record's history.
  auto history = rep1.Get("/api/v1/tasks/" + id + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  int status_changes = 0;
  for (const auto& line : history.json.at("items").as_array()) status_changes += line.at("field") == "status";
  EXPECT_EQ(status_changes, 3);

  // rep1 sees the manager's own task about c1 but does not change it; a task is never retired.
  const std::string managers = Make(manager, {{"title", "与信息中心主任吃饭"}, {"customer", "c1"}, {"assignee", "u-mgr"}});
  EXPECT_EQ(rep1.Get("/api/v1/tasks/" + managers).status, 200);
  ExpectError(rep1.Patch("/api/v1/tasks/" + managers, bj::object{{"status", "done"}}), 403, "");
  ExpectError(As("rep2").Patch("/api/v1/tasks/" + managers, bj::object{{"status", "done"}}), 404, "");
  ExpectError(manager.Delete("/api/v1/tasks/" + managers), 409, "");
}

TEST_F(TasksApi, BadInputIsNamedAndChangesNothing) {
  Client rep1 = As("rep1");
  const size_t before = Listed(rep1, "").size();
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"assignee", "u-rep1"}}), 400, "title");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}}), 400, "assignee");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep1"}, {"due", "2026-13-01"}}), 400,
              "due");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", 5}, {"assignee", "u-rep1"}}), 400, "title");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep1"}, {"source", "magic"}}), 400,
              "source");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep1"}, {"person", "nobody"}}), 422,
              "person");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-rep1"}, {"person", "p4"}}), 422,
              "person");
  ExpectError(rep1.Post("/api/v1/tasks", bj::object{{"title", std::string(201, 'a')}, {"assignee", "u-rep1"}}), 400,
              "title");
  ExpectError(rep1.Get("/api/v1/tasks?status=later"), 400, "status");
  EXPECT_EQ(Listed(rep1, "").size(), before);
  ExpectError(As("staff").Post("/api/v1/tasks", bj::object{{"title", "x"}, {"assignee", "u-staff"}}), 403, "");
}

TEST_F(TasksApi, CommentsAreSeenAndWrittenWithTheirTask) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), manager = As("manager");
  const std::string id = Make(rep1, {{"title", "准备技术交流"}, {"person", "p1"}, {"assignee", "u-rep1"}});
  auto comment = manager.Post("/api/v1/task-comments", bj::object{{"task", id}, {"text", "带上解决方案架构师"}});
  ASSERT_EQ(comment.status, 201) << comment.body;
  EXPECT_EQ(comment.json.at("by"), "u-mgr");
  ExpectError(rep2.Post("/api/v1/task-comments", bj::object{{"task", id}, {"text", "?"}}), 422, "task");
  ExpectError(rep1.Post("/api/v1/task-comments", bj::object{{"task", id}, {"text", " "}}), 400, "text");
  auto listed = rep1.Get("/api/v1/task-comments?task=" + id);
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json.at("total"), 1);
  EXPECT_EQ(listed.json.at("items").at(0).at("text"), "带上解决方案架构师");
  EXPECT_EQ(rep2.Get("/api/v1/task-comments?task=" + id).json.at("total"), 0);
  ExpectError(rep2.Get("/api/v1/task-comments/" + std::string(comment.json.at("id").as_string())), 404, "");
  ExpectError(rep1.Patch("/api/v1/task-comments/" + std::string(comment.json.at("id").as_string()),
                         bj::object{{"text", "改"}}),
              409, "text");
}

}  // namespace
}  // namespace brm::testing
