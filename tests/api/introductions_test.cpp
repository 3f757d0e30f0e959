// Introduction requests and the inbox (issue 12 item 5): a rep asks an employee on an introduction path;
// the employee (any role) finds it in their inbox and accepts or declines with a note; accepting records an
// activity and, for an opportunity, an influence use; the requester's inbox shows the answer; items are
// marked read; who may ask, read, answer and withdraw; bad input named.
// Fixture (tests/fixtures/small_bundle.json): rep1 owns c1 (p1–p3, o1) in team t-east led by manager; e-staff
// (user staff, an employee) knows p1; rep2 owns c2; e-ceo is the executive's person.
#include <gtest/gtest.h>

#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class IntroductionsApi : public SharedServerTest {
 protected:
  static std::string Ask(Client& client, bj::object body) {
    auto made = client.Post("/api/v1/introductions", body);
    EXPECT_EQ(made.status, 201) << made.body;
    return made.status == 201 ? std::string(made.json.at("id").as_string()) : "";
  }
  static bj::object Inbox(Client& client) {
    auto inbox = client.Get("/api/v1/inbox");
    EXPECT_EQ(inbox.status, 200) << inbox.body;
    return inbox.status == 200 ? inbox.json.as_object() : bj::object{};
  }
  static const bj::value* Item(const bj::object& inbox, const std::string& key) {
    for (const auto& item : inbox.at("items").as_array()) {
      if (item.at("key") == bj::value(key)) return &item;
    }
    return nullptr;
  }
};

TEST_F(IntroductionsApi, AnEmployeeAcceptsARequestInTheirInboxAndTheActivityAndUseAreRecorded) {
  Client rep1 = As("rep1"), staff = As("staff"), rep2 = As("rep2"), manager = As("manager");
  const std::string id = Ask(rep1, {{"person", "p1"}, {"employee", "e-staff"}, {"opportunity", "o1"},
                                    {"note", "想请你引荐赵主任，聊聊核心系统升级"}});
  ASSERT_FALSE(id.empty());
  auto request = rep1.Get("/api/v1/introductions/" + id);
  ASSERT_EQ(request.status, 200);
  EXPECT_EQ(request.json.at("status"), "pending");
  EXPECT_EQ(request.json.at("customer"), "c1");
  EXPECT_EQ(request.json.at("by"), "u-rep1");

  // The employee's inbox: the request, unread, with the names it needs.
  const bj::object inbox = Inbox(staff);
  const bj::value* item = Item(inbox, "introduction:" + id + ":pending");
  ASSERT_NE(item, nullptr) << bj::serialize(inbox);
  EXPECT_EQ(item->at("kind"), "introduction_request");
  EXPECT_EQ(item->at("read"), false);
  EXPECT_EQ(item->at("names").at("p1"), "赵敏");
  EXPECT_EQ(item->at("by_name"), "张伟");
  EXPECT_GE(inbox.at("unread").as_int64(), 1);
  EXPECT_EQ(staff.Get("/api/v1/introductions/" + id).status, 200) << "the employee asked reads it";
  EXPECT_EQ(manager.Get("/api/v1/introductions/" + id).status, 200);
  EXPECT_EQ(rep2.Get("/api/v1/introductions/" + id).status, 404);
  // Only the employee asked answers; the requester cannot, nor can they accept through a change.
  EXPECT_EQ(rep1.Post("/api/v1/introductions/" + id + "/answer", bj::object{{"accept", true}}).status, 403);
  EXPECT_EQ(rep1.Patch("/api/v1/introductions/" + id, bj::object{{"status", "accepted"}}).status, 403);
  EXPECT_EQ(staff.Post("/api/v1/introductions/" + id + "/answer", bj::object{{"accept", "yes"}}).ErrorField(), "accept");

  auto answered = staff.Post("/api/v1/introductions/" + id + "/answer",
                             bj::object{{"accept", true}, {"note", "周四一起吃饭，我来约"}});
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json.at("status"), "accepted");
  EXPECT_EQ(answered.json.at("answer"), "周四一起吃饭，我来约");
  const std::string activity(answered.json.at("activity").as_string());
  const std::string use(answered.json.at("use").as_string());
  auto recorded = rep1.Get("/api/v1/activities/" + activity);
  ASSERT_EQ(recorded.status, 200) << recorded.body;
  EXPECT_EQ(recorded.json.at("person"), "p1");
  EXPECT_EQ(recorded.json.at("opportunity"), "o1");
  EXPECT_EQ(recorded.json.at("by"), "u-staff");
  auto used = rep1.Get("/api/v1/influence-uses/" + use);
  ASSERT_EQ(used.status, 200) << used.body;
  EXPECT_EQ(used.json.at("employee"), "e-staff");
  EXPECT_EQ(used.json.at("person"), "p1");
  // Audited as the employee.
  auto history = rep1.Get("/api/v1/introductions/" + id + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.json.at("items").as_array().back().at("actor"), "u-staff");
  EXPECT_EQ(staff.Post("/api/v1/introductions/" + id + "/answer", bj::object{{"accept", false}}).status, 409);

  // The request leaves the employee's inbox; the answer reaches the requester's, unread until marked.
  EXPECT_EQ(Item(Inbox(staff), "introduction:" + id + ":pending"), nullptr);
  const std::string key = "introduction:" + id + ":accepted";
  const bj::object mine = Inbox(rep1);
  const bj::value* answer = Item(mine, key);
  ASSERT_NE(answer, nullptr) << bj::serialize(mine);
  EXPECT_EQ(answer->at("kind"), "introduction_answered");
  EXPECT_EQ(answer->at("read"), false);
  const int64_t unread = mine.at("unread").as_int64();
  auto marked = rep1.Post("/api/v1/inbox/read", bj::object{{"keys", bj::array{bj::value(key)}}});
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_EQ(marked.json.at("unread"), unread - 1);
  EXPECT_EQ(Item(Inbox(rep1), key)->at("read"), true);
  EXPECT_EQ(rep1.Post("/api/v1/inbox/read", bj::object{{"keys", 3}}).ErrorField(), "keys");
  auto all = rep1.Post("/api/v1/inbox/read", bj::object{{"all", true}});
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json.at("unread"), 0);
  // Marks are their user's only.
  auto marks = staff.Get("/api/v1/inbox-marks?limit=200");
  ASSERT_EQ(marks.status, 200) << marks.body;
  EXPECT_EQ(marks.json.at("total"), 0);
}

TEST_F(IntroductionsApi, DeclinedWithdrawnAndTheRulesOfWhoMayAsk) {
  Client rep1 = As("rep1"), staff = As("staff"), rep2 = As("rep2"), admin = As("admin");
  const std::string declined = Ask(rep1, {{"person", "p2"}, {"employee", "e-staff"}, {"via", bj::array{"p1"}}});
  auto no = staff.Post("/api/v1/introductions/" + declined + "/answer", bj::object{{"accept", false}, {"note", "不熟"}});
  ASSERT_EQ(no.status, 200) << no.body;
  EXPECT_EQ(no.json.at("status"), "declined");
  EXPECT_TRUE(no.json.at("activity").is_null());

  const std::string withdrawn = Ask(rep1, {{"person", "p3"}, {"employee", "e-staff"}});
  EXPECT_EQ(rep2.Patch("/api/v1/introductions/" + withdrawn, bj::object{{"status", "withdrawn"}}).status, 404);
  auto back = rep1.Patch("/api/v1/introductions/" + withdrawn, bj::object{{"status", "withdrawn"}});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(staff.Post("/api/v1/introductions/" + withdrawn + "/answer", bj::object{{"accept", true}}).status, 409);

  // Bad requests: the employee must be ours with a user; the person a customer's; a new one is pending;
  // an employee user asks nobody; another team's customer is hidden.
  auto not_ours = rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "p2"}});
  EXPECT_EQ(not_ours.status, 422);
  EXPECT_EQ(not_ours.ErrorField(), "employee");
  auto competitor = rep1.Post("/api/v1/introductions", bj::object{{"person", "x1"}, {"employee", "e-staff"}});
  EXPECT_EQ(competitor.status, 422);
  EXPECT_EQ(competitor.ErrorField(), "person");
  EXPECT_EQ(rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "e-staff"}, {"status", "accepted"}})
                .ErrorField(),
            "status");
  EXPECT_EQ(rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "e-staff"}, {"activity", "a1"}})
                .ErrorField(),
            "activity");
  EXPECT_EQ(rep1.Post("/api/v1/introductions", bj::object{{"person", "p4"}, {"employee", "e-staff"}}).ErrorField(), "person");
  EXPECT_EQ(staff.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "e-staff"}}).status, 403);
  EXPECT_EQ(rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}}).ErrorField(), "employee");
  // An admin may answer for an employee.
  const std::string third = Ask(rep1, {{"person", "p1"}, {"employee", "e-staff"}});
  EXPECT_EQ(admin.Post("/api/v1/introductions/" + third + "/answer", bj::object{{"accept", false}}).status, 200);
}

TEST_F(IntroductionsApi, TasksAssignedByOthersReachTheInbox) {
  Client manager = As("manager"), rep1 = As("rep1");
  auto task = manager.Post("/api/v1/tasks", bj::object{{"title", "周五前补齐孙丽画像"}, {"person", "p3"}, {"assignee", "u-rep1"}});
  ASSERT_EQ(task.status, 201) << task.body;
  const std::string id(task.json.at("id").as_string());
  const bj::object inbox = Inbox(rep1);
  const bj::value* item = Item(inbox, "task:" + id);
  ASSERT_NE(item, nullptr) << bj::serialize(inbox);
  EXPECT_EQ(item->at("kind"), "task_assigned");
  EXPECT_EQ(item->at("by_name"), "李经理");
  // Done, it leaves the inbox; one's own tasks never enter it.
  ASSERT_EQ(rep1.Patch("/api/v1/tasks/" + id, bj::object{{"status", "done"}}).status, 200);
  EXPECT_EQ(Item(Inbox(rep1), "task:" + id), nullptr);
  auto own = rep1.Post("/api/v1/tasks", bj::object{{"title", "自己的待办"}, {"assignee", "u-rep1"}});
  ASSERT_EQ(own.status, 201);
  EXPECT_EQ(Item(Inbox(rep1), "task:" + std::string(own.json.at("id").as_string())), nullptr);
  EXPECT_EQ(rep1.Get("/api/v1/inbox?limit=500").ErrorField(), "limit");
  EXPECT_EQ(rep1.Get("/api/v1/inbox?colour=red").ErrorField(), "colour");
}

}  // namespace
}  // namespace brm::testing
