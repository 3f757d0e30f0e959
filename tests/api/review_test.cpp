// The review that closes a project (issue 10 item 4, service/review.hpp): one request writes the result,
// the vendors, our final quote, the criteria and the lessons, all or nothing, with errors that name the field
// as the request spells it.
// Fixture (tests/fixtures/small_bundle.json): rep1 owns c1 (no closed project), rep2 owns c2; comp1 is a
// competitor and org-ours is ours. Each test makes its own opportunity of c1.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class ReviewApi : public SharedServerTest {
 protected:
  // An open opportunity of c1 owned by rep1 with comp1 as a vendor, two quote rounds (ours in round 1 only)
  // and two criteria; the ids of what was made, by name.
  static std::map<std::string, std::string> OpenProject(Client& rep1, const std::string& name) {
    std::map<std::string, std::string> ids;
    auto make = [&](const std::string& key, const std::string& collection, bj::object body) {
      auto made = rep1.Post("/api/v1/" + collection, body);
      EXPECT_EQ(made.status, 201) << collection << ": " << made.body;
      ids[key] = made.status == 201 ? std::string(made.json.at("id").as_string()) : "";
    };
    make("opp", "opportunities", {{"customer", "c1"}, {"name", name}, {"opened", "2026-01-10"}, {"budget", 1000000}});
    const std::string opp = ids["opp"];
    make("vendor", "vendors", {{"opportunity", opp}, {"org", "comp1"}});
    make("ours1", "quotes", {{"opportunity", opp}, {"round", 1}, {"org", "org-ours"}, {"price", 990000}, {"date", "2026-02-01"}});
    make("comp1", "quotes", {{"opportunity", opp}, {"round", 1}, {"org", "comp1"}, {"price", 950000}, {"date", "2026-02-01"}});
    make("comp2", "quotes", {{"opportunity", opp}, {"round", 2}, {"org", "comp1"}, {"price", 900000}, {"date", "2026-02-15"}});
    make("tech", "criteria", {{"opportunity", opp}, {"item", "技术方案"}, {"weight", 60}});
    make("service", "criteria", {{"opportunity", opp}, {"item", "服务"}, {"weight", 40}});
    return ids;
  }

  static bj::array ListOf(Client& client, const std::string& collection, const std::string& opp) {
    auto list = client.Get("/api/v1/" + collection + "?opportunity=" + opp + "&limit=100");
    EXPECT_EQ(list.status, 200) << list.body;
    return list.status == 200 ? list.json.at("items").as_array() : bj::array{};
  }
};

bj::object LostReview(const std::map<std::string, std::string>& ids) {
  return {{"status", "lost"},
          {"closed", "2026-03-01"},
          {"winner", "comp1"},
          {"winning_bid", 900000},
          {"vendors", bj::array{bj::object{{"org", "comp1"}, {"result", "won"}, {"rank", 1}},
                                bj::object{{"org", "org-ours"}, {"result", "lost"}, {"rank", 2}}}},
          {"quote", {{"price", 920000}}},
          {"criteria", bj::array{bj::object{{"id", ids.at("tech")}, {"item", "技术方案"}, {"weight", 70}, {"our_score", 55}},
                                 bj::object{{"item", "价格"}, {"weight", 30}, {"our_score", 20}, {"best_score", 30}}}},
          {"lessons", bj::array{bj::object{{"kind", "loss_factor"}, {"tags", bj::array{"价格", "高层"}},
                                           {"text", "第二轮报价高于对手"}}}}};
}

TEST_F(ReviewApi, OneRequestClosesTheProjectWithEveryElement) {
  Client rep1 = As("rep1");
  const auto ids = OpenProject(rep1, "复盘测试一");
  const std::string opp = ids.at("opp");
  auto review = rep1.Post("/api/v1/opportunities/" + opp + "/review", LostReview(ids));
  ASSERT_EQ(review.status, 200) << review.body;
  const bj::value& closed = review.json.at("opportunity");
  EXPECT_EQ(closed.at("status"), "lost");
  EXPECT_EQ(closed.at("closed"), "2026-03-01");
  EXPECT_EQ(closed.at("winner"), "comp1");
  EXPECT_EQ(closed.at("winning_bid").to_number<double>(), 900000);
  EXPECT_EQ(closed.at("our_bid").to_number<double>(), 920000) << "our bid defaults to the final quote";

  // comp1's vendor record is changed in place; ours is new.
  std::map<std::string, bj::value> vendors;
  for (const auto& v : ListOf(rep1, "vendors", opp)) vendors[std::string(v.at("org").as_string())] = v;
  ASSERT_EQ(vendors.size(), 2u);
  EXPECT_EQ(vendors["comp1"].at("id"), bj::value(ids.at("vendor")));
  EXPECT_EQ(vendors["comp1"].at("result"), "won");
  EXPECT_EQ(vendors["comp1"].at("rank").as_int64(), 1);
  EXPECT_EQ(vendors["org-ours"].at("result"), "lost");
  EXPECT_EQ(vendors["org-ours"].at("rank").as_int64(), 2);

  // Our final quote goes into the highest round so far (2), dated the closing day; round 1 is untouched.
  int ours_in_round2 = 0;
  for (const auto& q : ListOf(rep1, "quotes", opp)) {
    if (q.at("org") != "org-ours") continue;
    if (q.at("round").as_int64() == 1) {
      EXPECT_EQ(q.at("price").to_number<double>(), 990000);
    }
    if (q.at("round").as_int64() == 2) {
      ++ours_in_round2;
      EXPECT_EQ(q.at("price").to_number<double>(), 920000);
      EXPECT_EQ(q.at("date"), "2026-03-01");
    }
  }
  EXPECT_EQ(ours_in_round2, 1);

  // The criteria are the set listed: 技术方案 changed, 价格 new, 服务 retired on the closing day.
  double active_total = 0;
  for (const auto& c : ListOf(rep1, "criteria", opp)) {
    if (c.at("id") == bj::value(ids.at("service"))) {
      EXPECT_EQ(c.at("until"), "2026-03-01");
      continue;
    }
    EXPECT_TRUE(c.at("until").is_null()) << bj::serialize(c);
    active_total += c.at("weight").to_number<double>();
    if (c.at("id") == bj::value(ids.at("tech"))) {
      EXPECT_EQ(c.at("weight").to_number<double>(), 70);
    }
  }
  EXPECT_EQ(active_total, 100);

  const bj::array lessons = ListOf(rep1, "lessons", opp);
  ASSERT_EQ(lessons.size(), 1u);
  EXPECT_EQ(lessons[0].at("by"), "u-rep1");
  EXPECT_EQ(lessons[0].at("date"), "2026-03-01");
  EXPECT_EQ(lessons[0].at("tags"), (bj::array{"价格", "高层"}));

  // The customer's history now counts it: c1 had no closed project before.
  auto history = rep1.Get("/api/v1/customers/c1/history?as_of=2026-03-02");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json.at("projects").at("lost").as_int64(), 1);
  EXPECT_EQ(history.json.at("projects").at("ids").at("lost"), (bj::array{bj::value(opp)}));
  const bj::array& competitors = history.json.at("competitors").as_array();
  ASSERT_EQ(competitors.size(), 1u);
  EXPECT_EQ(competitors[0].at("org"), "comp1");
  EXPECT_EQ(competitors[0].at("wins").as_int64(), 1);
  EXPECT_EQ(competitors[0].at("we_won").as_int64(), 0);
  // win_to_budget: 900,000 / 1,000,000; our_to_winning_lost: 920,000 / 900,000.
  EXPECT_DOUBLE_EQ(history.json.at("prices").at("win_to_budget").at("mean").to_number<double>(), 0.9);
  EXPECT_DOUBLE_EQ(history.json.at("prices").at("our_to_winning_lost").at("mean").to_number<double>(),
                   920000.0 / 900000.0);
  EXPECT_EQ(bj::serialize(history.json.at("lessons").at("loss_factor")), R"({"价格":1,"高层":1})");

  // A won review names us the winner when it does not say; the criteria as they stand add up to 100.
  const auto second = OpenProject(rep1, "复盘测试二");
  auto won = rep1.Post("/api/v1/opportunities/" + second.at("opp") + "/review",
                       bj::object{{"status", "won"}, {"closed", "2026-03-05"}});
  ASSERT_EQ(won.status, 200) << won.body;
  EXPECT_EQ(won.json.at("opportunity").at("winner"), "org-ours");
  EXPECT_TRUE(won.json.at("opportunity").at("our_bid").is_null()) << "no final quote given";
}

TEST_F(ReviewApi, AnyWrongPartNamesItsFieldAndWritesNothing) {
  Client rep1 = As("rep1");
  const auto ids = OpenProject(rep1, "复盘测试三");
  const std::string opp = ids.at("opp");
  struct Case {
    std::string what;
    std::function<void(bj::object&)> spoil;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {"no status", [](bj::object& r) { r.erase("status"); }, 400, "status"},
      {"open is not a result", [](bj::object& r) { r["status"] = "open"; }, 400, "status"},
      {"no closing day", [](bj::object& r) { r.erase("closed"); }, 400, "closed"},
      {"a word that is not a date", [](bj::object& r) { r["closed"] = "三月一日"; }, 400, "closed"},
      {"an unknown key", [](bj::object& r) { r["comment"] = "x"; }, 400, "comment"},
      {"an unknown vendor org", [](bj::object& r) { r["vendors"].as_array()[1].as_object()["org"] = "nope"; }, 422,
       "vendors[1].org"},
      {"a vendor twice", [](bj::object& r) { r["vendors"].as_array()[1].as_object()["org"] = "comp1"; }, 400,
       "vendors[1].org"},
      {"a rank of 0", [](bj::object& r) { r["vendors"].as_array()[0].as_object()["rank"] = 0; }, 400,
       "vendors[0].rank"},
      {"a negative price", [](bj::object& r) { r["quote"].as_object()["price"] = -1; }, 400, "quote.price"},
      {"a price beyond any amount", [](bj::object& r) { r["quote"].as_object()["price"] = 1e16; }, 400, "quote.price"},
      {"weights adding up to 90",
       [](bj::object& r) { r["criteria"].as_array()[1].as_object()["weight"] = 20; }, 400, "criteria"},
      {"a criterion of another opportunity",
       [](bj::object& r) { r["criteria"].as_array()[0].as_object()["id"] = "cri-nope"; }, 400, "criteria[0].id"},
      {"a lesson kind that does not exist",
       [](bj::object& r) { r["lessons"].as_array()[0].as_object()["kind"] = "gossip"; }, 400, "lessons[0].kind"},
      {"a winner that is a customer", [](bj::object& r) { r["winner"] = "c1"; }, 422, "winner"},
  };
  for (const Case& c : cases) {
    bj::object request = LostReview(ids);
    c.spoil(request);
    auto review = rep1.Post("/api/v1/opportunities/" + opp + "/review", request);
    EXPECT_EQ(review.status, c.status) << c.what << ": " << review.body;
    EXPECT_EQ(review.ErrorField(), c.field) << c.what << ": " << review.body;
    if (c.field == "criteria") {
      EXPECT_NE(review.body.find("these add up to 90."), std::string::npos) << "the total as people write it: " << review.body;
    }
  }
  // Nothing of any of them was written.
  auto still = rep1.Get("/api/v1/opportunities/" + opp);
  EXPECT_EQ(still.json.at("status"), "open");
  EXPECT_TRUE(still.json.at("closed").is_null());
  EXPECT_EQ(ListOf(rep1, "vendors", opp).size(), 1u);
  EXPECT_EQ(ListOf(rep1, "quotes", opp).size(), 3u);
  EXPECT_EQ(ListOf(rep1, "lessons", opp).size(), 0u);
  for (const auto& c : ListOf(rep1, "criteria", opp)) EXPECT_TRUE(c.at("until").is_null());
  auto trail = rep1.Get("/api/v1/opportunities/" + opp + "/history");
  EXPECT_EQ(trail.json.at("items").as_array().size(), 1u) << "created, never changed";
}

TEST_F(ReviewApi, OnlyWhoMayChangeTheOpportunityReviewsIt) {
  Client rep1 = As("rep1");
  const auto ids = OpenProject(rep1, "复盘测试四");
  const std::string target = "/api/v1/opportunities/" + ids.at("opp") + "/review";
  const bj::object request{{"status", "abandoned"}, {"closed", "2026-03-01"},
                           {"criteria", bj::array{bj::object{{"item", "综合"}, {"weight", 100}}}}};
  Client rep2 = As("rep2");
  EXPECT_EQ(rep2.Post(target, request).status, 404) << "rep2 does not see c1's opportunities";
  EXPECT_EQ(rep2.Post("/api/v1/opportunities/nope/review", request).status, 404);
  Client staff = As("staff");
  const int by_employee = staff.Post(target, request).status;
  EXPECT_TRUE(by_employee == 403 || by_employee == 404) << by_employee;
  Client manager = As("manager");
  auto review = manager.Post(target, request);
  ASSERT_EQ(review.status, 200) << "rep1's manager may: " << review.body;
  EXPECT_EQ(review.json.at("opportunity").at("status"), "abandoned");
  EXPECT_TRUE(review.json.at("opportunity").at("winner").is_null());
}

}  // namespace
}  // namespace brm::testing
