// GET /customers/{id}/graph over HTTP: the org chart and influence graph of a customer as of a day.
// Fixture (tests/fixtures/graph_bundle.json), on 2026-03-01 and on 2026-01-20:
// c1 (rep1, t-east) has departments d1, d2 (under d1) and d3 (under d1, closed 2026-02-01); persons p1 (d1,
// key, high, technology), p2 (d2, not key), p3 (d2, since 2025-06-01) and p5 (d3, left 2026-02-01).
// Reporting: rl1 p2→p1 always, rl2 p3→p1 until 2026-02-01, rl3 p3→p2 from 2026-02-01, rl4 p5→p1.
// Links: i1 p1→p2, i2 e-staff (ours)→p1, i3 x1 (comp1)→p3, i5 p4 (c2, rep2's)→p1, i6 y1 (partner)→p2,
// i7 e-rep1→p2 until 2026-02-01; i4 e-rep2→p4 stays inside c2.
// Ratings toward ours: p1 closeness support (01-10) then strong_support (02-01), solution support (2025-12-01);
// p2 price oppose (02-10), solution strong_oppose at project level only; p3 closeness support (2025-12-01,
// retired 02-20). Toward comp1: p1 closeness neutral (01-15) then oppose (02-15); p3 price strong_support
// (01-01). Votes: p1 veto yes (01-10), p2 approve no (02-20).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class CustomerGraphApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(std::string(BRM_FIXTURES) + "/graph_bundle.json");
    server_->Start();
  }

  // The ids of an array of objects, in order.
  static std::vector<std::string> IdsOf(const bj::value& rows) {
    std::vector<std::string> ids;
    for (const bj::value& row : rows.as_array()) ids.emplace_back(row.at("id").as_string());
    return ids;
  }
  static const bj::value& Row(const bj::value& rows, const std::string& id) {
    for (const bj::value& row : rows.as_array()) {
      if (row.at("id") == id.c_str()) return row;
    }
    static const bj::value kMissing;
    ADD_FAILURE() << "no row " << id << " in " << bj::serialize(rows);
    return kMissing;
  }
  using Ids = std::vector<std::string>;
};

TEST_F(CustomerGraphApi, ShowsTheOrgChartAndAttitudesTowardOursOnTheDay) {
  const auto r = As("rep1").Get("/api/v1/customers/c1/graph?as_of=2026-03-01");
  ASSERT_EQ(r.status, 200) << r.body;
  const bj::value& g = r.json;
  EXPECT_EQ(g.at("customer"), (bj::object{{"id", "c1"}, {"name", "招商银行深圳分行"}, {"owner", "u-rep1"},
                                          {"focus", true}, {"industry", "金融"}, {"region", "华东"}}));
  EXPECT_EQ(g.at("as_of"), "2026-03-01");
  EXPECT_EQ(g.at("toward"), "ours");
  // d3 closed on 2026-02-01.
  EXPECT_EQ(g.at("departments"), (bj::array{bj::object{{"id", "d1"}, {"name", "信息中心"}, {"parent", nullptr}},
                                            bj::object{{"id", "d2"}, {"name", "采购部"}, {"parent", "d1"}}}));
  EXPECT_EQ(IdsOf(g.at("people")), (Ids{"p1", "p2", "p3"}));  // p5 left on 2026-02-01
  EXPECT_EQ(Row(g.at("people"), "p1"),
            (bj::object{{"id", "p1"}, {"name", "赵敏"}, {"title", "信息中心主任"}, {"department", "d1"}, {"key", true},
                        {"importance", "high"}, {"orientation", "technology"}, {"closeness", "strong_support"},
                        {"solution", "support"}, {"price", "unknown"}, {"veto", "yes"}, {"approve", "unknown"}}));
  const bj::value& p2 = Row(g.at("people"), "p2");
  EXPECT_EQ(p2.at("key"), false);
  EXPECT_EQ(p2.at("importance"), "unknown");
  EXPECT_EQ(p2.at("orientation"), "unknown");
  EXPECT_EQ(p2.at("closeness"), "unknown");
  EXPECT_EQ(p2.at("solution"), "unknown");  // r7 is project level
  EXPECT_EQ(p2.at("price"), "oppose");
  EXPECT_EQ(p2.at("veto"), "unknown");
  EXPECT_EQ(p2.at("approve"), "no");
  const bj::value& p3 = Row(g.at("people"), "p3");
  EXPECT_TRUE(p3.at("title").is_null());
  EXPECT_EQ(p3.at("closeness"), "unknown");  // r8 retired on 2026-02-20
  EXPECT_EQ(p3.at("price"), "unknown");      // r9 is toward comp1
  // rl2 ended on 2026-02-01 and rl4's p5 has left.
  EXPECT_EQ(g.at("reporting"), (bj::array{bj::object{{"id", "rl1"}, {"person", "p2"}, {"manager", "p1"}},
                                          bj::object{{"id", "rl3"}, {"person", "p3"}, {"manager", "p2"}}}));
  // i5 comes from a person of rep2's customer; i7 ended on 2026-02-01; i4 does not touch c1.
  EXPECT_EQ(IdsOf(g.at("links")), (Ids{"i1", "i2", "i3", "i6"}));
  EXPECT_EQ(Row(g.at("links"), "i2"),
            (bj::object{{"id", "i2"}, {"from", "e-staff"}, {"to", "p1"}, {"strength", "medium"}}));
  EXPECT_EQ(g.at("outsiders"),
            (bj::array{bj::object{{"id", "e-staff"}, {"name", "陈静"}, {"org", "org-ours"}, {"org_name", "华信科技"},
                                  {"kind", "ours"}},
                       bj::object{{"id", "x1"}, {"name", "吴销售"}, {"org", "comp1"}, {"org_name", "东方软件"},
                                  {"kind", "competitor"}},
                       bj::object{{"id", "y1"}, {"name", "冯伙伴"}, {"org", "part1"}, {"org_name", "蓝海集成"},
                                  {"kind", "partner"}}}));
}

TEST_F(CustomerGraphApi, AnEarlierDayHasItsOwnStructureAndAttitudes) {
  const auto r = As("rep1").Get("/api/v1/customers/c1/graph?as_of=2026-01-20");
  ASSERT_EQ(r.status, 200) << r.body;
  const bj::value& g = r.json;
  EXPECT_EQ(IdsOf(g.at("departments")), (Ids{"d1", "d2", "d3"}));
  EXPECT_EQ(IdsOf(g.at("people")), (Ids{"p1", "p2", "p3", "p5"}));
  EXPECT_EQ(Row(g.at("people"), "p1").at("closeness"), "support");  // r2 is dated 2026-02-01
  EXPECT_EQ(Row(g.at("people"), "p1").at("solution"), "support");
  EXPECT_EQ(Row(g.at("people"), "p1").at("veto"), "yes");
  EXPECT_EQ(Row(g.at("people"), "p2").at("price"), "unknown");    // r6 is dated 2026-02-10
  EXPECT_EQ(Row(g.at("people"), "p2").at("approve"), "unknown");  // v2 is dated 2026-02-20
  EXPECT_EQ(Row(g.at("people"), "p3").at("closeness"), "support");
  EXPECT_EQ(Row(g.at("people"), "p5").at("department"), "d3");
  EXPECT_EQ(IdsOf(g.at("reporting")), (Ids{"rl1", "rl2", "rl4"}));  // rl3 starts on 2026-02-01
  EXPECT_EQ(IdsOf(g.at("links")), (Ids{"i1", "i2", "i3", "i6", "i7"}));
  EXPECT_EQ(IdsOf(g.at("outsiders")), (Ids{"e-rep1", "e-staff", "x1", "y1"}));
}

TEST_F(CustomerGraphApi, TowardACompetitorShowsTheAttitudesTowardIt) {
  Client rep1 = As("rep1");
  const auto now = rep1.Get("/api/v1/customers/c1/graph?as_of=2026-03-01&toward=comp1");
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(now.json.at("toward"), "comp1");
  const bj::value& p1 = Row(now.json.at("people"), "p1");
  EXPECT_EQ(p1.at("closeness"), "oppose");   // r5, 2026-02-15
  EXPECT_EQ(p1.at("solution"), "unknown");   // r3 is toward ours
  EXPECT_EQ(p1.at("veto"), "yes");           // votes have no target
  EXPECT_EQ(Row(now.json.at("people"), "p2").at("price"), "unknown");
  EXPECT_EQ(Row(now.json.at("people"), "p3").at("price"), "strong_support");
  const auto before = rep1.Get("/api/v1/customers/c1/graph?as_of=2026-01-20&toward=comp1");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(Row(before.json.at("people"), "p1").at("closeness"), "neutral");  // r4, 2026-01-15
}

TEST_F(CustomerGraphApi, ExecutivesSeeLinksFromEveryCustomer) {
  const auto r = As("ceo").Get("/api/v1/customers/c1/graph?as_of=2026-03-01");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(IdsOf(r.json.at("links")), (Ids{"i1", "i2", "i3", "i5", "i6"}));
  EXPECT_EQ(IdsOf(r.json.at("outsiders")), (Ids{"e-staff", "p4", "x1", "y1"}));
  EXPECT_EQ(Row(r.json.at("outsiders"), "p4"),
            (bj::object{{"id", "p4"}, {"name", "周强"}, {"org", "c2"}, {"org_name", "西部电网"}, {"kind", "customer"}}));
  // The manager of t-east sees rep1's customers only, so not p4.
  const auto manager = As("manager").Get("/api/v1/customers/c1/graph?as_of=2026-03-01");
  ASSERT_EQ(manager.status, 200) << manager.body;
  EXPECT_EQ(IdsOf(manager.json.at("links")), (Ids{"i1", "i2", "i3", "i6"}));
}

TEST_F(CustomerGraphApi, ARepSeesNeitherAnotherRepsCustomerNorLinksToIt) {
  Client rep2 = As("rep2");
  EXPECT_EQ(rep2.Get("/api/v1/customers/c1/graph").status, 404);
  const auto own = rep2.Get("/api/v1/customers/c2/graph?as_of=2026-03-01");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(IdsOf(own.json.at("people")), (Ids{"p4"}));
  EXPECT_EQ(IdsOf(own.json.at("links")), (Ids{"i4"}));  // i5 leads to p1 of rep1's c1
  EXPECT_EQ(IdsOf(own.json.at("outsiders")), (Ids{"e-rep2"}));
}

TEST_F(CustomerGraphApi, RefusesEmployeesOtherOrganizationsAndBadParameters) {
  EXPECT_EQ(As("staff").Get("/api/v1/customers/c1/graph").status, 403);
  Client rep1 = As("rep1");
  EXPECT_EQ(rep1.Get("/api/v1/customers/comp1/graph").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/customers/nobody/graph").status, 404);
  const auto unknown = rep1.Get("/api/v1/customers/c1/graph?depth=2");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.ErrorField(), "depth");
  const auto toward = rep1.Get("/api/v1/customers/c1/graph?toward=c2");
  EXPECT_EQ(toward.status, 400);
  EXPECT_EQ(toward.ErrorField(), "toward");
  const auto as_of = rep1.Get("/api/v1/customers/c1/graph?as_of=2026-13-01");
  EXPECT_EQ(as_of.status, 400);
  EXPECT_EQ(as_of.ErrorField(), "as_of");
  EXPECT_EQ(rep1.Send("POST", "/api/v1/customers/c1/graph", "{}").status, 404);
}

TEST_F(CustomerGraphApi, AsOfDefaultsToToday) {
  const auto r = As("rep1").Get("/api/v1/customers/c1/graph");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto today = As("rep1").Get("/api/v1/customers/c1/metrics");
  EXPECT_EQ(r.json.at("as_of"), today.json.at("as_of"));
  EXPECT_EQ(IdsOf(r.json.at("people")), (Ids{"p1", "p2", "p3"}));
}

}  // namespace
}  // namespace brm::testing
