// Owner handover (issue 12 item 6): a user's customers, their open opportunities and the open tasks about
// them pass to another user in one audited step; the key persons only the leaver could influence become
// tasks for the new owner; a leaver is deactivated and their person ends, their influence links stay (the
// figures before the leaving day still count them); who may hand over; bad input named, nothing written.
// Fixture (tests/fixtures/small_bundle.json): rep1 (team t-east, led by manager) owns c1 (p1–p3, open o1;
// e-staff knows p1); rep2 (team t-west) owns c2 (p4, won o2) and their person e-rep2 is the only employee who
// knows p4 (strong).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "api/shared_server.hpp"
#include "domain/date.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class HandoverApi : public SharedServerTest {
 protected:
  static bj::array Strings(std::initializer_list<const char*> items) {
    bj::array out;
    for (const char* item : items) out.emplace_back(item);
    return out;
  }
};

// First: only errors and previews, nothing written.
TEST_F(HandoverApi, WhoMayHandOverAndBadInputNamedChangeNothing) {
  Client admin = As("admin"), ceo = As("ceo"), manager = As("manager"), rep1 = As("rep1");
  const std::string path = "/api/v1/users/u-rep2/handover";
  EXPECT_EQ(rep1.Post("/api/v1/users/u-rep1/handover", bj::object{{"to", "u-mgr"}, {"preview", true}}).status, 403);
  // A manager hands over between the users of their own teams only.
  auto other_team = manager.Post(path, bj::object{{"to", "u-rep1"}, {"preview", true}});
  EXPECT_EQ(other_team.status, 403);
  EXPECT_EQ(other_team.ErrorField(), "from");
  auto own_team = manager.Post("/api/v1/users/u-rep1/handover", bj::object{{"to", "u-mgr"}, {"preview", true}});
  ASSERT_EQ(own_team.status, 200) << own_team.body;
  EXPECT_EQ(own_team.json.at("customers"), Strings({"c1"}));
  EXPECT_EQ(own_team.json.at("opportunities"), (bj::array{bj::object{{"id", "o1"}, {"owner", "u-mgr"}}}));
  EXPECT_EQ(own_team.json.at("only_theirs"), bj::array{}) << "p1 is known by e-staff, not by rep1's person";
  // Marking a leaver changes a user: administrators only.
  EXPECT_EQ(ceo.Post(path, bj::object{{"to", "u-rep1"}, {"leaves", true}}).ErrorField(), "leaves");
  EXPECT_EQ(ceo.Post(path, bj::object{{"to", "u-rep1"}, {"preview", true}}).status, 200);

  EXPECT_EQ(admin.Post(path, bj::object{}).ErrorField(), "to");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", 7}}).ErrorField(), "to");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-rep1"}, {"whom", "x"}}).ErrorField(), "whom");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-rep1"}, {"leaves", "yes"}}).ErrorField(), "leaves");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-rep1"}, {"date", "2026-13-01"}}).ErrorField(), "date");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-rep1"}, {"customers", "c2"}}).ErrorField(), "customers");
  auto not_theirs = admin.Post(path, bj::object{{"to", "u-rep1"}, {"customers", Strings({"c2", "c1"})}});
  EXPECT_EQ(not_theirs.status, 422);
  EXPECT_EQ(not_theirs.ErrorField(), "customers[1]");
  auto employee = admin.Post(path, bj::object{{"to", "u-staff"}});
  EXPECT_EQ(employee.status, 422);
  EXPECT_EQ(employee.ErrorField(), "to");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-rep2"}}).ErrorField(), "to");
  EXPECT_EQ(admin.Post(path, bj::object{{"to", "u-nobody"}}).status, 422);
  EXPECT_EQ(admin.Post("/api/v1/users/u-nobody/handover", bj::object{{"to", "u-rep1"}}).status, 404);
  auto keeps = admin.Post("/api/v1/users/u-rep1/handover",
                          bj::object{{"to", "u-mgr"}, {"customers", bj::array{}}, {"leaves", true}});
  EXPECT_EQ(keeps.status, 409) << "a leaver would keep c1";
  EXPECT_EQ(keeps.ErrorField(), "customers");

  // Nothing of it was written.
  EXPECT_EQ(admin.Get("/api/v1/organizations/c2").json.at("owner"), "u-rep2");
  EXPECT_EQ(admin.Get("/api/v1/organizations/c1").json.at("owner"), "u-rep1");
  EXPECT_EQ(admin.Get("/api/v1/users/u-rep2").json.at("active"), true);
  EXPECT_EQ(admin.Get("/api/v1/tasks?source=handover").json.at("total"), 0);
}

TEST_F(HandoverApi, ALeaversCustomersOpportunitiesAndTasksPassInOneAuditedStep) {
  Client admin = As("admin"), rep1 = As("rep1"), rep2 = As("rep2");
  const std::string today = Today(admin);
  const std::string yesterday = FormatDate(AddDays(*ParseDate(today), -1));
  // rep2's open work at c2: an opportunity and a task.
  auto opp = rep2.Post("/api/v1/opportunities", bj::object{{"customer", "c2"}, {"name", "配网改造"}, {"owner", "u-rep2"}, {"opened", today}});
  ASSERT_EQ(opp.status, 201) << opp.body;
  const std::string o3(opp.json.at("id").as_string());
  auto task = rep2.Post("/api/v1/tasks", bj::object{{"title", "回访周强"}, {"customer", "c2"}, {"assignee", "u-rep2"}});
  ASSERT_EQ(task.status, 201) << task.body;
  const std::string t1(task.json.at("id").as_string());
  // And one about nothing: it goes to the successor too, when rep2 leaves.
  auto loose = rep2.Post("/api/v1/tasks", bj::object{{"title", "整理名片"}, {"assignee", "u-rep2"}});
  ASSERT_EQ(loose.status, 201) << loose.body;
  const std::string t2(loose.json.at("id").as_string());
  EXPECT_EQ(rep1.Get("/api/v1/organizations/c2").status, 404);
  auto before = admin.Get("/api/v1/people/p4/profile?as_of=" + today);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.json.at("features").at("acquaintance"), true);

  // The preview lists what will move and writes nothing.
  const std::string path = "/api/v1/users/u-rep2/handover";
  auto preview = admin.Post(path, bj::object{{"to", "u-rep1"}, {"leaves", true}, {"preview", true}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("customers"), Strings({"c2"}));
  EXPECT_EQ(preview.json.at("opportunities"), (bj::array{bj::object{{"id", o3}, {"owner", "u-rep1"}}}))
      << "the won o2 stays rep2's: history";
  std::set<std::pair<std::string, std::string>> tasks;
  for (const auto& passed : preview.json.at("tasks").as_array()) {
    tasks.emplace(passed.at("id").as_string(), passed.at("assignee").as_string());
  }
  EXPECT_EQ(tasks, (std::set<std::pair<std::string, std::string>>{{t1, "u-rep1"}, {t2, "u-rep1"}})) << preview.body;
  EXPECT_EQ(preview.json.at("only_theirs"),
            (bj::array{bj::object{{"person", "p4"}, {"customer", "c2"}, {"strength", "strong"}, {"task", nullptr}}}));
  EXPECT_EQ(admin.Get("/api/v1/organizations/c2").json.at("owner"), "u-rep2");

  auto done = admin.Post(path, bj::object{{"to", "u-rep1"}, {"leaves", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("preview"), false);
  EXPECT_EQ(done.json.at("date"), bj::value(today));
  const bj::value& only = done.json.at("only_theirs").at(0);
  ASSERT_TRUE(only.at("task").is_string()) << done.body;

  // Written: owners, the task's assignee, the new task for the new owner.
  EXPECT_EQ(admin.Get("/api/v1/organizations/c2").json.at("owner"), "u-rep1");
  EXPECT_EQ(admin.Get("/api/v1/opportunities/" + o3).json.at("owner"), "u-rep1");
  EXPECT_EQ(admin.Get("/api/v1/opportunities/o2").json.at("owner"), "u-rep2");
  EXPECT_EQ(admin.Get("/api/v1/tasks/" + t1).json.at("assignee"), "u-rep1");
  EXPECT_EQ(admin.Get("/api/v1/tasks/" + t2).json.at("assignee"), "u-rep1");
  auto made = rep1.Get("/api/v1/tasks/" + std::string(only.at("task").as_string()));
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.json.at("assignee"), "u-rep1");
  EXPECT_EQ(made.json.at("person"), "p4");
  EXPECT_EQ(made.json.at("customer"), "c2");
  EXPECT_EQ(made.json.at("source"), "handover");
  EXPECT_EQ(made.json.at("by"), "u-admin");
  EXPECT_EQ(made.json.at("title"), "建立与周强的关系（此前只有刘洋能影响）") << "in rep1's language";
  EXPECT_EQ(made.json.at("due"), bj::value(FormatDate(AddDays(*ParseDate(today), 14))));

  // The leaver: deactivated and signed out; their person ends today; their declaration stays as it was.
  auto user = admin.Get("/api/v1/users/u-rep2");
  EXPECT_EQ(user.json.at("active"), false);
  EXPECT_EQ(rep2.Get("/api/v1/organizations/c2").status, 401);
  EXPECT_EQ(admin.Get("/api/v1/people/e-rep2").json.at("until"), bj::value(today));
  auto link = admin.Get("/api/v1/influence-links/i4");
  ASSERT_EQ(link.status, 200) << link.body;
  EXPECT_TRUE(link.json.at("until").is_null());
  // So p4 was acquainted until yesterday and is not from today.
  EXPECT_EQ(admin.Get("/api/v1/people/p4/profile?as_of=" + yesterday).json.at("features").at("acquaintance"), true);
  EXPECT_EQ(admin.Get("/api/v1/people/p4/profile?as_of=" + today).json.at("features").at("acquaintance"), false);

  // The figures follow the new owner: c2 is in rep1's own view.
  auto mine = rep1.Get("/api/v1/lines/customer?scope=me&limit=50");
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::vector<std::string> customers;
  for (const auto& row : mine.json.at("items").as_array()) customers.emplace_back(row.at("customer").as_string());
  EXPECT_EQ(customers.size(), 2u);
  EXPECT_NE(std::find(customers.begin(), customers.end(), "c2"), customers.end());

  // Audited as the admin: each record's change, and the handover on the leaver's user record.
  auto org_history = admin.Get("/api/v1/organizations/c2/history");
  const bj::value& owner_line = org_history.json.at("items").as_array().back();
  EXPECT_EQ(owner_line.at("field"), "owner");
  EXPECT_EQ(owner_line.at("actor"), "u-admin");
  EXPECT_EQ(owner_line.at("old"), "u-rep2");
  EXPECT_EQ(owner_line.at("new"), "u-rep1");
  auto user_history = admin.Get("/api/v1/users/u-rep2/history");
  bool handover_line = false;
  for (const auto& line : user_history.json.at("items").as_array()) {
    if (line.at("field") != "handover") continue;
    handover_line = true;
    EXPECT_EQ(line.at("actor"), "u-admin");
    EXPECT_EQ(line.at("new").at("to"), "u-rep1");
    EXPECT_EQ(line.at("new").at("customers"), 1);
    EXPECT_EQ(line.at("new").at("only_theirs"), 1);
  }
  EXPECT_TRUE(handover_line) << user_history.body;

  // Again: nothing left to hand over, and no second task for p4.
  auto again = admin.Post(path, bj::object{{"to", "u-rep1"}, {"preview", true}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("customers"), bj::array{});
  EXPECT_EQ(admin.Get("/api/v1/tasks?source=handover").json.at("total"), 1);
}

}  // namespace
}  // namespace brm::testing
