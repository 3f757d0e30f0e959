// The warning workflow (issue 12 item 3): acknowledge, snooze until a day, dismiss with a reason; a
// dismissal holds until a new fact about what the warning concerns, then the warning is new again; undo by
// retiring the decision; the list's state filter, its counts and its rows grouped by customer; who may decide
// and undo; bad input named by field.
// Fixture (tests/fixtures/small_bundle.json): rep1 (team t-east, led by manager) owns the focus customer c1
// (p1–p3, o1); rep2 (team t-west) owns c2; staff is an employee. Every test takes its own warning.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class WarningDecisionsApi : public SharedServerTest {
 protected:
  // rep1's warnings today, limited to `query`.
  static bj::array Rows(Client& client, const std::string& query = "") {
    auto page = client.Get("/api/v1/warnings?limit=200" + query);
    EXPECT_EQ(page.status, 200) << page.body;
    return page.status == 200 ? page.json.at("items").as_array() : bj::array{};
  }
  static std::string Key(const bj::value& w) {
    auto part = [&](const char* name) {
      return w.at(name).is_null() ? std::string() : std::string(w.at(name).as_string());
    };
    return part("kind") + ":" + part("customer") + ":" + part("opportunity") + ":" + part("person");
  }
  // The row of rep1's list with this key, or null.
  static bj::value Find(Client& client, const std::string& key, const std::string& query = "") {
    for (const auto& row : Rows(client, query)) {
      if (Key(row) == key) return row;
    }
    return nullptr;
  }
  // The `n`th of rep1's new warnings about a person of c1 (each test takes another).
  static bj::value PersonWarning(Client& rep1, size_t n) {
    size_t seen = 0;
    for (const auto& row : Rows(rep1, "&state=new&sort=kind")) {
      if (row.at("customer") == "c1" && !row.at("person").is_null() && seen++ == n) return row;
    }
    ADD_FAILURE() << "rep1 has fewer than " << n + 1 << " new warnings about a person of c1";
    return nullptr;
  }
  static bj::object About(const bj::value& w, bj::object extra) {
    bj::object body{{"kind", w.at("kind")}, {"customer", w.at("customer")}, {"opportunity", w.at("opportunity")},
                    {"person", w.at("person")}};
    for (auto& [k, v] : extra) body[k] = v;
    return body;
  }
};

TEST_F(WarningDecisionsApi, ADismissalHoldsUntilANewFactAboutItsPersonThenTheWarningReturns) {
  Client rep1 = As("rep1");
  const bj::value w = PersonWarning(rep1, 0);
  ASSERT_FALSE(w.is_null());
  const std::string key = Key(w);
  EXPECT_EQ(w.at("state"), "new");
  EXPECT_TRUE(w.at("decision").is_null());

  // A dismissal needs a reason.
  auto bare = rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "dismissed"}}));
  EXPECT_EQ(bare.status, 400) << bare.body;
  EXPECT_EQ(bare.ErrorField(), "reason");
  auto made = rep1.Post("/api/v1/warning-decisions",
                        About(w, {{"status", "dismissed"}, {"reason", "客户已口头确认"}, {"severity", "low"}, {"facts", 0}}));
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json.at("by"), "u-rep1");
  EXPECT_EQ(made.json.at("severity"), w.at("severity")) << "the server's, whatever the body said";
  EXPECT_GT(made.json.at("facts").to_number<double>(), 0) << "the person has ratings on record";
  const std::string id(made.json.at("id").as_string());
  EXPECT_EQ(id.rfind("wd-", 0), 0u);

  // Gone from the open list, listed as dismissed with who and why.
  EXPECT_TRUE(Find(rep1, key, "&state=open").is_null());
  const bj::value dismissed = Find(rep1, key, "&state=dismissed");
  ASSERT_FALSE(dismissed.is_null());
  EXPECT_EQ(dismissed.at("state"), "dismissed");
  EXPECT_EQ(dismissed.at("decision").at("id"), bj::value(id));
  EXPECT_EQ(dismissed.at("decision").at("reason"), "客户已口头确认");
  EXPECT_EQ(dismissed.at("decision").at("by_name"), "张伟");
  EXPECT_TRUE(dismissed.at("decision").at("lapsed").is_null());
  // The manager sees the team's decision.
  Client manager = As("manager");
  EXPECT_EQ(Find(manager, key, "&scope=user:u-rep1&state=dismissed").at("state"), "dismissed");

  // A new fact about the person — a rating toward a competitor, which changes none of our warnings — and the
  // warning is new again, saying why.
  auto rated = rep1.Post("/api/v1/ratings", bj::object{{"person", w.at("person")}, {"dimension", "price"},
                                                      {"value", "neutral"}, {"toward", "comp1"}});
  ASSERT_EQ(rated.status, 201) << rated.body;
  const bj::value back = Find(rep1, key, "&state=open");
  ASSERT_FALSE(back.is_null()) << "the dismissal lapsed";
  EXPECT_EQ(back.at("state"), "new");
  EXPECT_EQ(back.at("decision").at("id"), bj::value(id));
  EXPECT_EQ(back.at("decision").at("lapsed"), "facts");
}

TEST_F(WarningDecisionsApi, ASnoozeHoldsUntilItsDayAndAnAcknowledgedWarningStaysOpen) {
  Client rep1 = As("rep1");
  const bj::value w = PersonWarning(rep1, 1);
  ASSERT_FALSE(w.is_null());
  const std::string key = Key(w);
  auto today = rep1.Get("/api/v1/warnings?limit=0");
  ASSERT_EQ(today.status, 200);
  const std::string day(today.json.at("as_of").as_string());
  // snoozed_until: required, after today, and only with a snooze.
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "snoozed"}})).ErrorField(), "snoozed_until");
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "snoozed"}, {"snoozed_until", day}})).ErrorField(),
            "snoozed_until");
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "acknowledged"}, {"snoozed_until", "2099-01-01"}}))
                .ErrorField(),
            "snoozed_until");

  auto ack = rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "acknowledged"}}));
  ASSERT_EQ(ack.status, 201) << ack.body;
  const bj::value acknowledged = Find(rep1, key, "&state=open");
  ASSERT_FALSE(acknowledged.is_null()) << "acknowledged is still open";
  EXPECT_EQ(acknowledged.at("state"), "acknowledged");
  EXPECT_TRUE(Find(rep1, key, "&state=new").is_null());

  auto snooze = rep1.Post("/api/v1/warning-decisions", About(w, {{"status", "snoozed"}, {"snoozed_until", "2099-01-01"}}));
  ASSERT_EQ(snooze.status, 201) << snooze.body;
  EXPECT_TRUE(Find(rep1, key, "&state=open").is_null());
  EXPECT_EQ(Find(rep1, key, "&state=snoozed").at("decision").at("snoozed_until"), "2099-01-01");
  // On its day it is back (as of that day), new, the snooze over.
  const bj::value later = Find(rep1, key, "&as_of=2099-01-01");
  if (!later.is_null()) {  // the warning may no longer be raised that far ahead; when it is, it is back
    EXPECT_EQ(later.at("state"), "new");
    EXPECT_EQ(later.at("decision").at("lapsed"), "snooze_over");
  }
  EXPECT_EQ(Find(rep1, key, "&as_of=2098-12-31&state=snoozed").is_null(), later.is_null());

  // Undo: retiring the snooze brings the acknowledgement back.
  auto undo = rep1.Post("/api/v1/warning-decisions/" + std::string(snooze.json.at("id").as_string()) + "/retire", bj::object{});
  ASSERT_EQ(undo.status, 200) << undo.body;
  EXPECT_EQ(Find(rep1, key).at("state"), "acknowledged");
}

TEST_F(WarningDecisionsApi, TheSummaryCountsStatesAndRowsGroupByCustomer) {
  Client manager = As("manager");
  const std::string scope = "&scope=team:t-east";
  auto all = manager.Get("/api/v1/warnings?limit=200" + scope);
  ASSERT_EQ(all.status, 200) << all.body;
  const auto& state = all.json.at("summary").at("state");
  int64_t sum = 0;
  for (const char* s : {"new", "acknowledged", "snoozed", "dismissed"}) sum += state.at(s).as_int64();
  EXPECT_EQ(sum, all.json.at("summary").at("total").as_int64());
  EXPECT_EQ(state.at("open").as_int64(), state.at("new").as_int64() + state.at("acknowledged").as_int64());
  std::map<std::string, int64_t> counted;
  int64_t high = 0, open = 0, fresh = 0;
  for (const auto& row : all.json.at("items").as_array()) {
    const std::string st(row.at("state").as_string());
    if (st != "new" && st != "acknowledged") continue;
    ++open;
    ++counted[row.at("customer").is_null() ? "" : std::string(row.at("customer").as_string())];
    high += row.at("severity") == "high" ? 1 : 0;
    fresh += st == "new" ? 1 : 0;
  }
  EXPECT_EQ(open, state.at("open").as_int64());
  auto grouped = manager.Get("/api/v1/warnings?group=customer&state=open&limit=200" + scope);
  ASSERT_EQ(grouped.status, 200) << grouped.body;
  EXPECT_EQ(grouped.json.at("total"), counted.size());
  int64_t grouped_high = 0, grouped_new = 0;
  for (const auto& row : grouped.json.at("items").as_array()) {
    const std::string customer = row.at("customer").is_null() ? "" : std::string(row.at("customer").as_string());
    EXPECT_EQ(row.at("count"), counted[customer]) << customer;
    EXPECT_EQ(row.at("count").as_int64(),
              row.at("high").as_int64() + row.at("medium").as_int64() + row.at("low").as_int64());
    if (customer == "c1") {
      EXPECT_EQ(row.at("name"), "招商银行深圳分行");
    }
    // Each group's warnings are those of its customer ("(none)": the perspective's own).
    auto rows = manager.Get("/api/v1/warnings?state=open&limit=0&customer=" + (customer.empty() ? "(none)" : customer) + scope);
    ASSERT_EQ(rows.status, 200) << rows.body;
    EXPECT_EQ(rows.json.at("total"), row.at("count")) << customer;
    grouped_high += row.at("high").as_int64();
    grouped_new += row.at("new").as_int64();
  }
  EXPECT_EQ(grouped_high, high);
  EXPECT_EQ(grouped_new, fresh);
  EXPECT_EQ(manager.Get("/api/v1/warnings?group=person&limit=5").ErrorField(), "group");
  EXPECT_EQ(manager.Get("/api/v1/warnings?group=customer&sort=kind&limit=5").ErrorField(), "sort");
  EXPECT_EQ(manager.Get("/api/v1/warnings?state=closed&limit=5").ErrorField(), "state");
}

TEST_F(WarningDecisionsApi, OnlyThoseWhoSeeAWarningDecideAboutItAndTheAuthorsOwnersUndoIt) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), manager = As("manager"), staff = As("staff"), admin = As("admin");
  const bj::value w = PersonWarning(rep1, 2);
  ASSERT_FALSE(w.is_null());
  // Another team's rep cannot name c1's person; an employee decides nothing.
  EXPECT_EQ(rep2.Post("/api/v1/warning-decisions", About(w, {{"status", "acknowledged"}})).status, 422);
  EXPECT_EQ(staff.Post("/api/v1/warning-decisions", About(w, {{"status", "acknowledged"}})).status, 403);

  auto by_manager = manager.Post("/api/v1/warning-decisions", About(w, {{"status", "dismissed"}, {"reason", "已与客户澄清"}}));
  ASSERT_EQ(by_manager.status, 201) << by_manager.body;
  const std::string id(by_manager.json.at("id").as_string());
  EXPECT_EQ(rep1.Get("/api/v1/warning-decisions/" + id).status, 200) << "read like what it concerns";
  EXPECT_EQ(rep2.Get("/api/v1/warning-decisions/" + id).status, 404);
  // The rep cannot undo the manager's decision (the manager and the admin can); a decision is a fact.
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions/" + id + "/retire", bj::object{}).status, 403);
  EXPECT_EQ(manager.Patch("/api/v1/warning-decisions/" + id, bj::object{{"reason", "改"}}).status, 409);
  EXPECT_EQ(admin.Post("/api/v1/warning-decisions/" + id + "/retire", bj::object{}).status, 200);
  EXPECT_EQ(Find(rep1, Key(w)).at("state"), "new");

  // A decision about a warning that concerns nothing (a perspective's pooled mean) is its author's owners'.
  auto pooled = rep1.Post("/api/v1/warning-decisions", bj::object{{"kind", "mean_falling"}, {"status", "acknowledged"}});
  ASSERT_EQ(pooled.status, 201) << pooled.body;
  const std::string pooled_id(pooled.json.at("id").as_string());
  EXPECT_EQ(manager.Get("/api/v1/warning-decisions/" + pooled_id).status, 200);
  EXPECT_EQ(rep2.Get("/api/v1/warning-decisions/" + pooled_id).status, 404);
  auto listed = rep2.Get("/api/v1/warning-decisions?limit=200");
  ASSERT_EQ(listed.status, 200) << listed.body;
  for (const auto& item : listed.json.at("items").as_array()) EXPECT_NE(std::string(item.at("id").as_string()), pooled_id);
}

TEST_F(WarningDecisionsApi, BadInputIsNamedAndChangesNothing) {
  Client rep1 = As("rep1");
  auto before = rep1.Get("/api/v1/warning-decisions?limit=200");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", bj::object{{"kind", "nonsense"}, {"status", "acknowledged"}}).ErrorField(), "kind");
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", bj::object{{"kind", "stale_contact"}, {"person", "p1"}, {"status", "forgotten"}})
                .ErrorField(),
            "status");
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions", bj::object{{"kind", "stale_contact"}, {"person", "p1"}}).ErrorField(), "status");
  EXPECT_EQ(rep1.Post("/api/v1/warning-decisions",
                      bj::object{{"kind", "stale_contact"}, {"person", 7}, {"status", "acknowledged"}})
                .ErrorField(),
            "person");
  auto wrong = rep1.Post("/api/v1/warning-decisions", bj::object{{"kind", "stale_contact"}, {"customer", "c1"},
                                                                 {"person", "p4"}, {"status", "acknowledged"}});
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  auto unknown = rep1.Post("/api/v1/warning-decisions",
                           bj::object{{"kind", "stale_contact"}, {"person", "p-none"}, {"status", "acknowledged"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.ErrorField(), "person");
  EXPECT_EQ(rep1.Get("/api/v1/warning-decisions?limit=200").json.at("total"), before.json.at("total"));
}

}  // namespace
}  // namespace brm::testing
