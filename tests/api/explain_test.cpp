// `GET /api/v1/explain` (issue 13 item 2): every figure kind lists the persons and rating facts behind it,
// a MoM change its attribution, with the figure's visibility (404 and 403 as the figure answers) and bad
// input named. Values computed by hand from tests/fixtures/small_bundle.json: c1 (rep1's) has key persons
// p1, p2 (department d1) and p3 (d2); p1's closeness is support from 2026-01-10 (r1) and strong_support from
// 2026-02-01 (r2), neutral toward comp1 (r4); p2's solution is oppose at project level in o1 (r3); e-staff
// knows p1; c2 (rep2's) has p4, price support (r5).
#include <gtest/gtest.h>

#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class ExplainApi : public SharedServerTest {
 protected:
  static std::string Path(const std::string& query) { return "/api/v1/explain?" + query; }
};

TEST_F(ExplainApi, ACustomersPercentOpensItsPersonsAndFacts) {
  Client rep1 = As("rep1");
  auto got = rep1.Get(Path("figure=customer&id=c1&dimension=closeness&as_of=2026-03-01"));
  ASSERT_EQ(got.status, 200) << got.body;
  const bj::object& body = got.json.as_object();
  EXPECT_EQ(body.at("stats").at("n"), 3);
  EXPECT_EQ(body.at("stats").at("known"), 1);
  EXPECT_EQ(body.at("stats").at("mean").to_number<double>(), 2.0);
  EXPECT_EQ(body.at("stats").at("percent").to_number<double>(), 200.0);
  // The same Stats as the figure itself.
  EXPECT_EQ(body.at("stats"), rep1.Get("/api/v1/customers/c1/metrics?as_of=2026-03-01").json.at("degrees").at("closeness"));
  const bj::array& persons = body.at("persons").as_array();
  ASSERT_EQ(persons.size(), 3u);
  EXPECT_EQ(persons[0].at("person"), "p1");
  EXPECT_EQ(persons[0].at("name"), "赵敏");
  EXPECT_EQ(persons[0].at("value"), "strong_support");
  EXPECT_EQ(persons[0].at("fact"), (bj::object{{"id", "r2"}, {"date", "2026-02-01"}, {"level", "customer"}, {"by", "u-rep1"}}));
  EXPECT_EQ(persons[1].at("person"), "p2");
  EXPECT_EQ(persons[1].at("value"), "unknown");
  EXPECT_TRUE(persons[1].at("fact").is_null());
  EXPECT_TRUE(body.at("compare").is_null());
}

TEST_F(ExplainApi, AMonthOverMonthChangeOpensItsAttribution) {
  Client rep1 = As("rep1");
  // 2026-01-15: p1 support (+1), mean 1; 2026-02-15: strong_support (+2), mean 2. p1 moved the whole +1.
  auto got = rep1.Get(Path("figure=customer&id=c1&dimension=closeness&as_of=2026-02-15&compare=mom"));
  ASSERT_EQ(got.status, 200) << got.body;
  const bj::object& compare = got.json.at("compare").as_object();
  EXPECT_EQ(compare.at("kind"), "mom");
  EXPECT_EQ(compare.at("as_of"), "2026-01-15");
  EXPECT_EQ(compare.at("before").at("mean").to_number<double>(), 1.0);
  EXPECT_EQ(compare.at("delta").to_number<double>(), 1.0);
  ASSERT_EQ(compare.at("parts").as_array().size(), 1u);
  const bj::value& part = compare.at("parts").at(0);
  EXPECT_EQ(part.at("person"), "p1");
  EXPECT_EQ(part.at("name"), "赵敏");
  EXPECT_EQ(part.at("before"), "support");
  EXPECT_EQ(part.at("now"), "strong_support");
  EXPECT_EQ(part.at("contribution").to_number<double>(), 1.0);
  // A year earlier nobody was rated: no delta; p1 became known and p3 entered the set (since 2025-06-01),
  // p2 stayed unknown.
  auto year = rep1.Get(Path("figure=customer&id=c1&dimension=closeness&as_of=2026-02-15&compare=yoy"));
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_TRUE(year.json.at("compare").at("delta").is_null());
  EXPECT_EQ(year.json.at("compare").at("parts_total"), 2);
  EXPECT_EQ(year.json.at("compare").at("parts").at(1),
            (bj::object{{"person", "p3"}, {"name", "孙丽"}, {"before", nullptr}, {"now", "unknown"}, {"contribution", nullptr}}));
}

TEST_F(ExplainApi, EveryFigureKindListsItsSet) {
  Client rep1 = As("rep1"), ceo = As("ceo");
  const std::string day = "&as_of=2026-03-01";
  // The chain: p1 inherits nothing (no solution at all), p2's project-level oppose.
  auto chain = rep1.Get(Path("figure=chain&id=o1&dimension=solution" + day));
  ASSERT_EQ(chain.status, 200) << chain.body;
  EXPECT_EQ(chain.json.at("stats").at("known"), 1);
  EXPECT_EQ(chain.json.at("stats").at("mean").to_number<double>(), -1.0);
  EXPECT_EQ(chain.json.at("persons").at(0).at("member"), "m1");
  EXPECT_EQ(chain.json.at("persons").at(0).at("inherited"), true);
  EXPECT_EQ(chain.json.at("persons").at(1).at("fact").at("level"), "project");
  EXPECT_EQ(chain.json.at("persons").at(1).at("fact").at("id"), "r3");
  EXPECT_EQ(chain.json.at("stats"), rep1.Get("/api/v1/opportunities/o1/chain?as_of=2026-03-01").json.at("degrees").at("solution"));
  // A department: p1 and p2.
  auto dept = rep1.Get(Path("figure=department&id=d1&dimension=closeness" + day));
  ASSERT_EQ(dept.status, 200) << dept.body;
  EXPECT_EQ(dept.json.at("stats").at("n"), 2);
  EXPECT_EQ(dept.json.at("total"), 2);
  // A person toward a competitor.
  auto person = rep1.Get(Path("figure=person&id=p1&dimension=closeness&toward=comp1" + day));
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_EQ(person.json.at("persons").at(0).at("value"), "neutral");
  EXPECT_EQ(person.json.at("persons").at(0).at("fact").at("id"), "r4");
  EXPECT_TRUE(person.json.at("persons").at(0).at("fact").at("by").is_null());
  // An employee: the key persons e-staff can influence.
  auto employee = rep1.Get(Path("figure=employee&id=e-staff&dimension=closeness" + day));
  ASSERT_EQ(employee.status, 200) << employee.body;
  EXPECT_EQ(employee.json.at("total"), 1);
  EXPECT_EQ(employee.json.at("stats"), rep1.Get("/api/v1/employees/e-staff/metrics?as_of=2026-03-01").json.at("degrees").at("closeness"));
  // The company of a perspective: rep1's own customers, or the executive's whole company.
  auto mine = rep1.Get(Path("figure=company&scope=me&dimension=closeness" + day));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json.at("total"), 3);
  EXPECT_EQ(mine.json.at("scope"), "me");
  auto all = ceo.Get(Path("figure=company&scope=company&dimension=price" + day + "&limit=1"));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("total"), 4);
  EXPECT_EQ(all.json.at("persons").as_array().size(), 1u) << "a page";
  EXPECT_EQ(all.json.at("stats"), ceo.Get("/api/v1/lines/customer?scope=company&as_of=2026-03-01").json.at("trend").at("degrees").at("price"));
}

TEST_F(ExplainApi, WhatTheFigureHidesTheExplanationHidesAndBadInputIsNamed) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), staff = As("staff");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c2&dimension=closeness")).status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c2/metrics").status, 404);
  EXPECT_EQ(rep2.Get(Path("figure=chain&id=o1&dimension=closeness")).status, 404);
  EXPECT_EQ(rep1.Get(Path("figure=department&id=d3&dimension=closeness")).status, 404);
  EXPECT_EQ(rep1.Get(Path("figure=employee&id=p1&dimension=closeness")).status, 404) << "p1 is not our employee";
  EXPECT_EQ(rep1.Get(Path("figure=company&scope=company&dimension=closeness")).status, 403);
  EXPECT_EQ(staff.Get(Path("figure=person&id=p1&dimension=closeness")).status, 403);
  // rep2 sees e-staff's influence only over rep2's customers: nobody.
  EXPECT_EQ(rep2.Get(Path("figure=employee&id=e-staff&dimension=closeness")).json.at("total"), 0);

  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1")).ErrorField(), "dimension");
  EXPECT_EQ(rep1.Get(Path("id=c1&dimension=closeness")).ErrorField(), "figure");
  EXPECT_EQ(rep1.Get(Path("figure=planet&id=c1&dimension=closeness")).ErrorField(), "figure");
  EXPECT_EQ(rep1.Get(Path("figure=customer&dimension=closeness")).ErrorField(), "id");
  EXPECT_EQ(rep1.Get(Path("figure=company&id=c1&dimension=closeness")).ErrorField(), "id");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1&dimension=warmth")).ErrorField(), "dimension");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1&dimension=closeness&compare=qoq")).ErrorField(), "compare");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1&dimension=closeness&colour=red")).ErrorField(), "colour");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1&dimension=closeness&toward=c2")).ErrorField(), "toward");
  EXPECT_EQ(rep1.Get(Path("figure=customer&id=c1&dimension=closeness&limit=-1")).ErrorField(), "limit");
}

}  // namespace
}  // namespace brm::testing
