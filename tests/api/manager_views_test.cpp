// Managers' views (issue 13 item 4): the rep comparison (`GET /lines/reps`), each department's trend on a
// customer's page (`GET /customers/{id}/department-trend`) and the influence centres' pooled degrees in a
// customer's metrics (`centres`, and `figure=centres` of the explanation). Values computed by hand from
// tests/fixtures/small_bundle.json: t-east has the manager u-mgr (no customer) and u-rep1 (c1: key persons
// p1, p2 in d1 and p3 in d2 since 2025-06-01; p1's closeness support from 2026-01-10, strong_support from
// 2026-02-01; e-staff knows p1); t-west has u-rep2 (c2: p4, price support; o2 won 2025-11-20 with an
// influence use). c1's influence: p1 → p2 (a link and a reporting line); p3 has none.
#include <gtest/gtest.h>

#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class ManagerViews : public SharedServerTest {};

const bj::object* RowOf(const bj::value& body, const std::string& user) {
  for (const bj::value& row : body.at("reps").as_array()) {
    if (row.at("user") == user.c_str()) return &row.as_object();
  }
  return nullptr;
}

TEST_F(ManagerViews, TheRepComparisonShowsEachRepsOwnFigures) {
  Client manager = As("manager"), rep1 = As("rep1");
  auto got = manager.Get("/api/v1/lines/reps?scope=team:t-east&as_of=2026-02-15");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json.at("scope"), "team:t-east");
  ASSERT_EQ(got.json.at("reps").as_array().size(), 2u) << "the manager and rep1, in user id order";
  EXPECT_EQ(got.json.at("reps").at(0).at("user"), "u-mgr");
  const bj::object* row = RowOf(got.json, "u-rep1");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->at("name"), "张伟");
  EXPECT_EQ(row->at("role"), "rep");
  EXPECT_EQ(row->at("team"), "t-east");
  EXPECT_EQ(row->at("team_name"), "华东大区");
  EXPECT_EQ(row->at("customers"), 1);
  EXPECT_EQ(row->at("key_persons"), 3);
  // p1 is rated in closeness only: nobody is insighted or fully profiled.
  EXPECT_EQ(row->at("insighted"), 0);
  EXPECT_EQ(row->at("insight_rate").to_number<double>(), 0.0);
  EXPECT_EQ(row->at("profiling_rate").to_number<double>(), 0.0);
  EXPECT_EQ(row->at("degrees").at("closeness").at("known"), 1);
  EXPECT_EQ(row->at("degrees").at("closeness").at("mean").to_number<double>(), 2.0);
  // A month earlier p1 was support (mean 1): +1; the key persons and customers did not change.
  EXPECT_EQ(row->at("mom").at("closeness").to_number<double>(), 1.0);
  EXPECT_EQ(row->at("mom").at("key_persons"), 0);
  EXPECT_EQ(row->at("mom").at("customers"), 0);
  // A year earlier p3 was not yet a key person (since 2025-06-01) and nobody was rated.
  EXPECT_EQ(row->at("yoy").at("key_persons"), 1);
  EXPECT_TRUE(row->at("yoy").at("closeness").is_null());
  // e-staff knows p1: one of three key persons is acquainted; nothing won this year.
  EXPECT_NEAR(row->at("value_potential").to_number<double>(), 1.0 / 3, 1e-12);
  EXPECT_TRUE(row->at("contribution_count").is_null());
  // The manager owns no customer: zeros and no rates.
  const bj::object* mgr = RowOf(got.json, "u-mgr");
  EXPECT_EQ(mgr->at("customers"), 0);
  EXPECT_TRUE(mgr->at("insight_rate").is_null());

  // Drilling down: the same figures as rep1's own perspective shows rep1, and as the manager's view of rep1.
  for (Client* client : {&rep1, &manager}) {
    const std::string scope = client == &rep1 ? "me" : "user:u-rep1";
    auto line = client->Get("/api/v1/lines/customer?scope=" + scope + "&as_of=2026-02-15");
    ASSERT_EQ(line.status, 200) << line.body;
    EXPECT_EQ(row->at("degrees"), line.json.at("trend").at("degrees"));
    auto warnings = client->Get("/api/v1/warnings?scope=" + scope + "&as_of=2026-02-15&limit=0");
    ASSERT_EQ(warnings.status, 200) << warnings.body;
    EXPECT_EQ(row->at("warnings").at("open"), warnings.json.at("summary").at("state").at("open"));
    auto influence = client->Get("/api/v1/lines/influence?scope=" + scope + "&as_of=2026-02-15&limit=0");
    EXPECT_EQ(row->at("value_potential"), influence.json.at("kpi").at("value_potential"));
  }
  EXPECT_GT(row->at("warnings").at("open").to_number<int>(), 0) << "c1 has open warnings in the fixture";
  // The team's own row: the team perspective's line.
  auto team_line = manager.Get("/api/v1/lines/customer?scope=team:t-east&as_of=2026-02-15");
  EXPECT_EQ(got.json.at("total").at("degrees"), team_line.json.at("trend").at("degrees"));
  EXPECT_EQ(got.json.at("total").at("customers"), 1);
}

TEST_F(ManagerViews, TheExecutiveComparesEveryRepAndContributionCounts) {
  Client ceo = As("ceo");
  auto got = ceo.Get("/api/v1/lines/reps?scope=company&as_of=2025-12-15");
  ASSERT_EQ(got.status, 200) << got.body;
  ASSERT_EQ(got.json.at("reps").as_array().size(), 3u) << "admins, executives and employees are not reps";
  const bj::object* rep2 = RowOf(got.json, "u-rep2");
  ASSERT_NE(rep2, nullptr);
  EXPECT_EQ(rep2->at("team_name"), "西部大区");
  // o2 won this year with an influence use: every win and all of the amount.
  EXPECT_EQ(rep2->at("contribution_count").to_number<double>(), 1.0);
  EXPECT_EQ(rep2->at("contribution_amount").to_number<double>(), 1.0);
  EXPECT_EQ(rep2->at("degrees").at("price").at("mean").to_number<double>(), 1.0);
  EXPECT_EQ(got.json.at("total").at("customers"), 2);
}

TEST_F(ManagerViews, WhoMayCompareWhom) {
  Client rep1 = As("rep1"), manager = As("manager"), staff = As("staff");
  auto own = rep1.Get("/api/v1/lines/reps");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json.at("scope"), "me");
  ASSERT_EQ(own.json.at("reps").as_array().size(), 1u);
  EXPECT_EQ(own.json.at("reps").at(0).at("user"), "u-rep1");
  EXPECT_EQ(rep1.Get("/api/v1/lines/reps?scope=team:t-east").status, 403);
  EXPECT_EQ(manager.Get("/api/v1/lines/reps?scope=team:t-west").status, 403);
  EXPECT_EQ(manager.Get("/api/v1/lines/reps?scope=company").status, 403);
  EXPECT_EQ(staff.Get("/api/v1/lines/reps").status, 403);
  EXPECT_EQ(manager.Get("/api/v1/lines/reps?scope=team:t-east&sort=name").ErrorField(), "sort");
  EXPECT_EQ(manager.Get("/api/v1/lines/reps?scope=galaxy").ErrorField(), "scope");
  EXPECT_EQ(manager.Get("/api/v1/lines/reps?as_of=yesterday").ErrorField(), "as_of");
}

TEST_F(ManagerViews, EachDepartmentsTrendOnTheCustomersPage) {
  Client rep1 = As("rep1"), rep2 = As("rep2");
  auto got = rep1.Get("/api/v1/customers/c1/department-trend?from=2026-01&to=2026-03&as_of=2026-03-31");
  ASSERT_EQ(got.status, 200) << got.body;
  const bj::array& departments = got.json.at("departments").as_array();
  ASSERT_EQ(departments.size(), 2u);
  EXPECT_EQ(departments[0].at("department"), "d1");
  EXPECT_EQ(departments[0].at("name"), "信息中心");
  EXPECT_TRUE(departments[0].at("parent").is_null());
  EXPECT_EQ(departments[1].at("parent"), "d1");
  const bj::array& d1 = departments[0].at("points").as_array();
  ASSERT_EQ(d1.size(), 3u);
  EXPECT_EQ(d1[0].at("month"), "2026-01");
  EXPECT_EQ(d1[0].at("key_persons"), 2);
  EXPECT_EQ(d1[0].at("degrees").at("closeness").at("mean").to_number<double>(), 1.0);  // support
  EXPECT_EQ(d1[1].at("degrees").at("closeness").at("mean").to_number<double>(), 2.0);  // strong_support
  // March's point is the department figure of the customer's metrics on 03-31.
  auto metrics = rep1.Get("/api/v1/customers/c1/metrics?as_of=2026-03-31");
  for (const bj::value& row : metrics.json.at("departments").as_array()) {
    const size_t i = row.at("department") == "d1" ? 0 : 1;
    EXPECT_EQ(departments[i].at("points").at(2).at("degrees"), row.at("degrees"));
    EXPECT_EQ(departments[i].at("points").at(2).at("key_persons"), row.at("key_persons"));
  }
  EXPECT_EQ(rep2.Get("/api/v1/customers/c1/department-trend").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c1/department-trend?from=2026-13").ErrorField(), "from");
  // 24 months by default.
  EXPECT_EQ(rep1.Get("/api/v1/customers/c1/department-trend").json.at("departments").at(0).at("points").as_array().size(), 24u);
}

TEST_F(ManagerViews, TheInfluenceCentresPooledDegreesAreAFigureOfTheCustomer) {
  Client rep1 = As("rep1");
  auto got = rep1.Get("/api/v1/customers/c1/metrics?as_of=2026-02-15");
  ASSERT_EQ(got.status, 200) << got.body;
  const bj::object& centres = got.json.at("centres").as_object();
  EXPECT_EQ(centres.at("top"), 10);
  // p1 → p2: p2 ranks highest; p1 and p3 tie (by id).
  EXPECT_EQ(centres.at("persons"), (bj::array{"p2", "p1", "p3"}));
  // Fewer than ten key persons: the centres are all of them, and their degrees the customer's.
  EXPECT_EQ(centres.at("degrees"), got.json.at("degrees"));
  EXPECT_EQ(centres.at("mom").at("closeness").to_number<double>(), 1.0);
  auto explained = rep1.Get("/api/v1/explain?figure=centres&id=c1&dimension=closeness&as_of=2026-02-15&compare=mom");
  ASSERT_EQ(explained.status, 200) << explained.body;
  EXPECT_EQ(explained.json.at("figure"), "centres");
  EXPECT_EQ(explained.json.at("stats"), centres.at("degrees").at("closeness"));
  EXPECT_EQ(explained.json.at("compare").at("delta").to_number<double>(), 1.0);
  EXPECT_EQ(As("rep2").Get("/api/v1/explain?figure=centres&id=c1&dimension=closeness").status, 404);
}

}  // namespace
}  // namespace brm::testing
