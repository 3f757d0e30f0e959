// The figures' contract (SPEC.md §11) over HTTP: field names, hand-computed values on the fixture,
// the perspectives and their 403, freshness after a write, and `brm report` printing the same figures.
// Fixture (tests/fixtures/small_bundle.json), as of 2026-03-01: c1 (rep1, focus) has key persons p1, p2,
// p3 (departments d1: p1 p2; d2: p3); c2 (rep2) has p4. Customer-level closeness of p1 is strong_support
// (r2, 2026-02-01, after support on 01-10); p2 has only a project-level solution rating (oppose, o1);
// p4 has price support. e-staff knows p1 (i2), e-rep2 knows p4 (i4), competitor staff x1 knows p3.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class FiguresApi : public SharedServerTest {
 protected:
  static std::set<std::string> Keys(const bj::value& value) {
    std::set<std::string> keys;
    for (const auto& [key, unused] : value.as_object()) keys.emplace(key);
    return keys;
  }
  // Every name of `expected` is a key of `value` (more may be added, SPEC.md §11).
  static void HasFields(const bj::value& value, std::initializer_list<const char*> expected) {
    ASSERT_TRUE(value.is_object()) << bj::serialize(value);
    const auto keys = Keys(value);
    for (const char* name : expected) EXPECT_TRUE(keys.count(name)) << "missing \"" << name << "\" in " << bj::serialize(value);
  }
  static void IsStats(const bj::value& stats) {
    HasFields(stats, {"n", "known", "unknown", "strong_support", "support", "neutral", "oppose", "strong_oppose",
                      "supporters", "opposers", "mean", "percent", "tier"});
  }
  static void IsDegrees(const bj::value& degrees) {
    HasFields(degrees, {"closeness", "solution", "price"});
    for (const char* d : {"closeness", "solution", "price"}) IsStats(degrees.at(d));
  }
};

constexpr const char* kAsOf = "as_of=2026-03-01";

TEST_F(FiguresApi, CustomerMetricsHaveTheContractFieldsAndHandComputedValues) {
  Client rep1 = As("rep1");
  const auto r = rep1.Get(std::string("/api/v1/customers/c1/metrics?") + kAsOf);
  ASSERT_EQ(r.status, 200) << r.body;
  const bj::value& m = r.json;
  HasFields(m, {"customer", "as_of", "toward", "key_persons", "insighted", "fully_profiled", "complete", "degrees",
                "mom", "yoy", "open_opportunities", "strategy", "departments"});
  IsDegrees(m.at("degrees"));
  HasFields(m.at("mom"), {"closeness", "solution", "price", "key_persons"});
  HasFields(m.at("yoy"), {"closeness", "solution", "price", "key_persons"});
  HasFields(m.at("open_opportunities"), {"count", "amount"});
  EXPECT_EQ(m.at("customer"), "c1");
  EXPECT_EQ(m.at("as_of"), "2026-03-01");
  EXPECT_EQ(m.at("toward"), "ours");
  EXPECT_EQ(m.at("key_persons"), 3);
  EXPECT_EQ(m.at("insighted"), 0);  // p1 lacks solution, price and the approve vote
  EXPECT_EQ(m.at("complete"), false);
  const auto& closeness = m.at("degrees").at("closeness");
  EXPECT_EQ(closeness.at("n"), 3);
  EXPECT_EQ(closeness.at("known"), 1);
  EXPECT_EQ(closeness.at("strong_support"), 1);
  EXPECT_EQ(closeness.at("mean").to_number<double>(), 2.0);
  EXPECT_EQ(closeness.at("percent").to_number<double>(), 200.0);
  EXPECT_EQ(closeness.at("tier"), "excellent");
  EXPECT_TRUE(m.at("degrees").at("solution").at("mean").is_null());  // p2's only rating is project level
  EXPECT_TRUE(m.at("degrees").at("solution").at("tier").is_null());
  EXPECT_EQ(m.at("mom").at("closeness").to_number<double>(), 0.0);  // 2026-02-01: r2 already counts
  EXPECT_EQ(m.at("mom").at("key_persons"), 0);
  EXPECT_TRUE(m.at("yoy").at("closeness").is_null());  // 2025-03-01: no rating yet
  EXPECT_EQ(m.at("yoy").at("key_persons"), 1);          // p3 joined 2025-06-01
  EXPECT_EQ(m.at("open_opportunities").at("count"), 1);
  EXPECT_EQ(m.at("open_opportunities").at("amount").to_number<double>(), 3500000.0);
  EXPECT_EQ(m.at("strategy"), "grow");  // 3 key persons, none fully profiled: not complete
  const auto& departments = m.at("departments").as_array();
  ASSERT_EQ(departments.size(), 2u);
  HasFields(departments[0], {"department", "key_persons", "degrees"});
  EXPECT_EQ(departments[0].at("department"), "d1");
  EXPECT_EQ(departments[0].at("key_persons"), 2);
  EXPECT_EQ(departments[1].at("department"), "d2");
  EXPECT_EQ(departments[1].at("key_persons"), 1);

  const auto toward = rep1.Get(std::string("/api/v1/customers/c1/metrics?toward=comp1&") + kAsOf);
  ASSERT_EQ(toward.status, 200) << toward.body;
  EXPECT_EQ(toward.json.at("toward"), "comp1");
  EXPECT_EQ(toward.json.at("degrees").at("closeness").at("neutral"), 1);  // r4
}

TEST_F(FiguresApi, ChainMarksInheritedValuesAndMissingRoles) {
  const auto r = As("rep1").Get(std::string("/api/v1/opportunities/o1/chain?") + kAsOf);
  ASSERT_EQ(r.status, 200) << r.body;
  HasFields(r.json, {"opportunity", "as_of", "toward", "members", "degrees", "missing_roles", "mom", "yoy"});
  IsDegrees(r.json.at("degrees"));
  const auto& members = r.json.at("members").as_array();
  ASSERT_EQ(members.size(), 2u);
  for (const auto& member : members) {
    HasFields(member, {"person", "role", "veto", "approve", "closeness", "solution", "price", "inherited"});
  }
  EXPECT_EQ(members[0].at("person"), "p1");
  EXPECT_EQ(members[0].at("role"), "decision_maker");
  EXPECT_EQ(members[0].at("veto"), "yes");
  EXPECT_EQ(members[0].at("approve"), "unknown");
  EXPECT_EQ(members[0].at("closeness"), "strong_support");
  EXPECT_EQ(members[0].at("inherited"), (bj::array{"closeness", "solution", "price"}));
  EXPECT_EQ(members[1].at("person"), "p2");
  EXPECT_EQ(members[1].at("solution"), "oppose");
  EXPECT_EQ(members[1].at("inherited"), (bj::array{"closeness", "price"}));
  EXPECT_EQ(r.json.at("degrees").at("solution").at("tier"), "poor");  // one oppose: mean −1
  EXPECT_EQ(r.json.at("missing_roles"), (bj::array{"approver", "business_evaluator", "procurement", "coach"}));
  HasFields(r.json.at("mom"), {"closeness", "solution", "price"});
}

TEST_F(FiguresApi, ProfileShowsTheSevenFeatures) {
  const auto r = As("rep1").Get(std::string("/api/v1/people/p1/profile?") + kAsOf);
  ASSERT_EQ(r.status, 200) << r.body;
  HasFields(r.json, {"person", "as_of", "features", "insighted", "completeness", "importance", "interaction",
                     "influencers", "chains"});
  HasFields(r.json.at("features"), {"closeness", "solution", "price", "veto", "approve", "acquaintance", "orientation"});
  EXPECT_EQ(r.json.at("features").at("closeness"), "strong_support");
  EXPECT_EQ(r.json.at("features").at("veto"), "yes");
  EXPECT_EQ(r.json.at("features").at("approve"), "unknown");
  EXPECT_EQ(r.json.at("features").at("acquaintance"), true);
  EXPECT_EQ(r.json.at("features").at("orientation"), "technology");
  EXPECT_EQ(r.json.at("insighted"), false);
  EXPECT_DOUBLE_EQ(r.json.at("completeness").to_number<double>(), 4.0 / 7.0);  // closeness, veto, acquaintance, orientation
  EXPECT_EQ(r.json.at("importance"), "high");
  EXPECT_EQ(r.json.at("interaction"), "low");  // a1 on 2026-02-01
  HasFields(r.json.at("influencers"), {"internal", "ours", "competitors"});
  EXPECT_EQ(r.json.at("influencers").at("ours"), (bj::array{"e-staff"}));
  const auto& chains = r.json.at("chains").as_array();
  ASSERT_EQ(chains.size(), 1u);
  HasFields(chains[0], {"opportunity", "role", "closeness", "solution", "price"});
  EXPECT_EQ(chains[0].at("opportunity"), "o1");
  EXPECT_EQ(chains[0].at("role"), "decision_maker");
  EXPECT_EQ(chains[0].at("interaction"), "low");  // a1 (o1) on 2026-02-01, within the 90 days ending 03-01
}

TEST_F(FiguresApi, EmployeeMetricsCountInfluenceAndWins) {
  const auto r = As("ceo").Get("/api/v1/employees/e-rep2/metrics?as_of=2025-12-31");
  ASSERT_EQ(r.status, 200) << r.body;
  HasFields(r.json, {"employee", "as_of", "acquainted", "uninsighted", "degrees", "value_potential", "influence_uses",
                     "contributed_wins"});
  EXPECT_EQ(r.json.at("acquainted"), 1);  // p4
  EXPECT_EQ(r.json.at("uninsighted"), 1);
  EXPECT_DOUBLE_EQ(r.json.at("value_potential").to_number<double>(), 0.25);  // 1 of p1 p2 p3 p4
  EXPECT_EQ(r.json.at("influence_uses"), 1);
  EXPECT_EQ(r.json.at("contributed_wins"), 1);  // o2 won 2025-11-20 with iu1
  EXPECT_EQ(As("ceo").Get("/api/v1/employees/p1/metrics").status, 404);  // not our employee
}

TEST_F(FiguresApi, CustomerLineHasTiersAndTrend) {
  const auto r = As("ceo").Get(std::string("/api/v1/lines/customer?scope=company&") + kAsOf);
  ASSERT_EQ(r.status, 200) << r.body;
  HasFields(r.json, {"scope", "as_of", "toward", "trend", "tiers", "customers"});
  HasFields(r.json.at("trend"), {"customers", "closeness", "solution", "price", "mom", "yoy"});
  HasFields(r.json.at("trend").at("mom"), {"closeness", "solution", "price", "customers"});
  EXPECT_EQ(r.json.at("trend").at("customers"), 2);
  EXPECT_EQ(r.json.at("trend").at("closeness").to_number<double>(), 2.0);
  EXPECT_EQ(r.json.at("trend").at("price").to_number<double>(), 1.0);  // p4 support
  for (const char* d : {"closeness", "solution", "price"}) {
    for (const char* tier : {"excellent", "good", "fair", "poor"}) {
      HasFields(r.json.at("tiers").at(d).at(tier), {"count", "mean", "customers", "mom", "yoy"});
      HasFields(r.json.at("tiers").at(d).at(tier).at("mom"), {"count", "mean"});
    }
  }
  EXPECT_EQ(r.json.at("tiers").at("closeness").at("excellent").at("customers"), (bj::array{"c1"}));
  EXPECT_EQ(r.json.at("tiers").at("price").at("excellent").at("customers"), (bj::array{"c2"}));
  EXPECT_EQ(r.json.at("customers").as_array().size(), 2u);
}

TEST_F(FiguresApi, InfluenceLineListsAcquaintedKeyPersonsWithExactlyTheMaskedFields) {
  const auto r = As("ceo").Get("/api/v1/lines/influence?scope=company&as_of=2025-12-31");
  ASSERT_EQ(r.status, 200) << r.body;
  HasFields(r.json, {"scope", "as_of", "trend", "analysis", "list", "kpi"});
  HasFields(r.json.at("trend"), {"acquainted", "uninsighted", "closeness", "solution", "price", "mom", "yoy"});
  HasFields(r.json.at("trend").at("mom"), {"closeness", "solution", "price", "acquainted", "uninsighted"});
  EXPECT_EQ(r.json.at("trend").at("acquainted"), 2);  // p1 (e-staff) and p4 (e-rep2); x1 is a competitor's
  for (const char* d : {"closeness", "solution", "price"}) {
    for (const char* bucket : {"unknown", "supporters", "opposers", "neutral"}) {
      HasFields(r.json.at("analysis").at(d).at(bucket), {"count", "people", "mom", "yoy"});
    }
  }
  const auto& list = r.json.at("list").as_array();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(Keys(list[0]), (std::set<std::string>{"person", "company", "department", "title", "closeness", "owner",
                                                   "influencers"}));
  EXPECT_EQ(list[0].at("person"), "p1");
  EXPECT_EQ(list[0].at("company"), "c1");
  EXPECT_EQ(list[0].at("owner"), "u-rep1");
  EXPECT_EQ(list[0].at("influencers"), (bj::array{"e-staff"}));
  HasFields(r.json.at("kpi"), {"value_potential", "contribution_count", "contribution_amount"});
  EXPECT_DOUBLE_EQ(r.json.at("kpi").at("value_potential").to_number<double>(), 0.5);
  EXPECT_DOUBLE_EQ(r.json.at("kpi").at("contribution_count").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(r.json.at("kpi").at("contribution_amount").to_number<double>(), 1.0);
  const auto later = As("ceo").Get("/api/v1/lines/influence?scope=company&as_of=2026-03-01");
  EXPECT_TRUE(later.json.at("kpi").at("contribution_count").is_null());  // no win closed in 2026 yet
}

TEST_F(FiguresApi, TrendSeriesGiveOneEntryPerMonthEnd) {
  Client ceo = As("ceo");
  const auto line = ceo.Get("/api/v1/lines/customer/trend?scope=company&from=2026-01&to=2026-03");
  ASSERT_EQ(line.status, 200) << line.body;
  const auto& months = line.json.as_array();
  ASSERT_EQ(months.size(), 3u);
  HasFields(months[0], {"month", "as_of", "customers", "degrees"});
  EXPECT_EQ(months[0].at("as_of"), "2026-01-31");
  EXPECT_EQ(months[1].at("as_of"), "2026-02-28");
  EXPECT_EQ(months[0].at("degrees").at("closeness").at("supporters"), 1);  // p1 support on 01-10
  EXPECT_EQ(months[1].at("degrees").at("closeness").at("percent").to_number<double>(), 200.0);
  const auto customer = ceo.Get("/api/v1/customers/c1/trend?from=2025-12&to=2026-02");
  ASSERT_EQ(customer.status, 200) << customer.body;
  ASSERT_EQ(customer.json.as_array().size(), 3u);
  EXPECT_EQ(customer.json.as_array()[0].at("key_persons"), 3);
  EXPECT_TRUE(customer.json.as_array()[0].at("degrees").at("closeness").at("percent").is_null());
  const auto chain = ceo.Get("/api/v1/opportunities/o1/trend?from=2026-01&to=2026-02");
  ASSERT_EQ(chain.status, 200) << chain.body;
  EXPECT_EQ(chain.json.as_array()[1].at("members"), 2);
  EXPECT_EQ(ceo.Get("/api/v1/lines/customer/trend?from=2026-05&to=2026-01").ErrorField(), "from");
  EXPECT_EQ(ceo.Get("/api/v1/customers/c1/trend?to=2026-13").ErrorField(), "to");
}

TEST_F(FiguresApi, EachPerspectiveIsOpenOnlyToThoseWhoMaySeeIt) {
  struct Case {
    const char* login;
    const char* scope;
    int status;
    std::vector<std::string> customers;
  };
  const Case cases[] = {
      {"rep1", "me", 200, {"c1"}},          {"rep1", "company", 403, {}},
      {"rep1", "user:u-rep2", 403, {}},     {"rep1", "team:t-east", 403, {}},
      {"rep1", "user:u-rep1", 200, {"c1"}}, {"manager", "user:u-rep1", 200, {"c1"}},
      {"manager", "user:u-rep2", 403, {}},  {"manager", "team:t-east", 200, {"c1"}},
      {"manager", "team:t-west", 403, {}},  {"manager", "team:t-root", 403, {}},
      {"manager", "company", 403, {}},      {"ceo", "company", 200, {"c1", "c2"}},
      {"ceo", "team:t-west", 200, {"c2"}},  {"ceo", "me", 200, {}},
      {"admin", "user:u-rep2", 200, {"c2"}}, {"staff", "me", 403, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.login) + " " + c.scope);
    const auto r = As(c.login).Get(std::string("/api/v1/lines/customer?scope=") + c.scope + "&" + kAsOf);
    ASSERT_EQ(r.status, c.status) << r.body;
    if (c.status != 200) {
      if (std::string(c.login) != "staff") {
        EXPECT_EQ(r.ErrorField(), "scope");  // employees see no figure at all, whatever the scope
      }
      continue;
    }
    std::vector<std::string> ids;
    for (const auto& m : r.json.at("customers").as_array()) ids.emplace_back(m.at("customer").as_string());
    EXPECT_EQ(ids, c.customers);
    EXPECT_EQ(r.json.at("scope"), c.scope);
  }
  Client rep1 = As("rep1");
  EXPECT_EQ(rep1.Get("/api/v1/customers/c2/metrics").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/opportunities/o2/chain").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/people/p4/profile").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/lines/influence?scope=company").status, 403);
  EXPECT_EQ(As("staff").Get("/api/v1/customers/c1/metrics").status, 403);
  EXPECT_EQ(As("ceo").Get("/api/v1/lines/customer?scope=team:nope").status, 404);
}

TEST_F(FiguresApi, BadParametersNameTheirField) {
  Client ceo = As("ceo");
  EXPECT_EQ(ceo.Get("/api/v1/customers/c1/metrics?as_of=2026-02-30").ErrorField(), "as_of");
  EXPECT_EQ(ceo.Get("/api/v1/customers/c1/metrics?toward=c2").ErrorField(), "toward");  // a customer, not a competitor
  EXPECT_EQ(ceo.Get("/api/v1/customers/c1/metrics?colour=red").ErrorField(), "colour");
  EXPECT_EQ(ceo.Get("/api/v1/lines/customer?scope=galaxy").ErrorField(), "scope");
  EXPECT_EQ(ceo.Get("/api/v1/customers/nope/metrics").status, 404);
  EXPECT_EQ(ceo.Get("/api/v1/customers/comp1/metrics").status, 404);  // a competitor is not a customer
  EXPECT_EQ(ceo.Send("POST", "/api/v1/lines/customer", "{}").status, 404);
  EXPECT_EQ(NewClient().Get("/api/v1/lines/customer").status, 401);
}

TEST_F(FiguresApi, ARatingWriteShowsInTheNextFigure) {
  Client rep1 = As("rep1");
  const std::string target = "/api/v1/customers/c1/metrics?as_of=2026-06-01";
  const auto before = rep1.Get(target);
  ASSERT_EQ(before.json.at("degrees").at("closeness").at("known"), 1);
  const auto posted = rep1.Post("/api/v1/ratings", bj::object{{"person", "p2"}, {"dimension", "closeness"},
                                                              {"value", "support"}, {"date", "2026-06-01"}});
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto after = rep1.Get(target);
  EXPECT_EQ(after.json.at("degrees").at("closeness").at("known"), 2);
  EXPECT_EQ(after.json.at("degrees").at("closeness").at("mean").to_number<double>(), 1.5);  // (2 + 1) / 2
  EXPECT_EQ(after.json.at("degrees").at("closeness").at("percent").to_number<double>(), 150.0);
}

TEST_F(FiguresApi, StrategyFollowsTheThresholdsAnAdminSets) {
  // c9 (known since 2025-12-01): three fully profiled key persons rated strong_support on all degrees on 2026-01-01; closeness
  // falls to support on 2026-04-01. As of 2026-04-15 closeness fell by 1 (2 → 1) against 2026-01-15.
  Client ceo = As("ceo");
  ASSERT_EQ(ceo.Post("/api/v1/organizations", bj::object{{"id", "c9"}, {"name", "测试客户"}, {"kind", "customer"},
                                                          {"owner", "u-rep1"}, {"since", "2025-12-01"}}).status, 201);
  for (const std::string k : {"k1", "k2", "k3"}) {
    ASSERT_EQ(ceo.Post("/api/v1/people", bj::object{{"id", k}, {"org", "c9"}, {"name", "客户" + k},
                                                     {"orientation", "technology"}, {"since", "2025-12-01"}}).status, 201);
    ASSERT_EQ(ceo.Post("/api/v1/influence-links", bj::object{{"from", "e-staff"}, {"to", k}, {"strength", "weak"}}).status, 201);
    for (const char* kind : {"veto", "approve"}) {
      ASSERT_EQ(ceo.Post("/api/v1/votes", bj::object{{"person", k}, {"kind", kind}, {"value", "no"}, {"date", "2026-01-01"}}).status, 201);
    }
    for (const char* d : {"closeness", "solution", "price"}) {
      ASSERT_EQ(ceo.Post("/api/v1/ratings", bj::object{{"person", k}, {"dimension", d}, {"value", "strong_support"},
                                                       {"date", "2026-01-01"}}).status, 201);
    }
    ASSERT_EQ(ceo.Post("/api/v1/ratings", bj::object{{"person", k}, {"dimension", "closeness"}, {"value", "support"},
                                                     {"date", "2026-04-01"}}).status, 201);
  }
  const std::string target = "/api/v1/customers/c9/metrics?as_of=2026-04-15";
  const auto before = ceo.Get(target);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.json.at("fully_profiled"), 3);
  EXPECT_EQ(before.json.at("complete"), true);
  EXPECT_EQ(before.json.at("strategy"), "win_back");  // fell by 1 ≥ 0.5
  Client admin = As("admin");
  const bj::object raised{{"min_key_persons", 3}, {"profiled_share", 0.8}, {"drop", 1.5}, {"drop_months", 3}};
  ASSERT_EQ(admin.Send("PUT", "/api/v1/strategy/thresholds", bj::serialize(raised)).status, 200);
  EXPECT_EQ(ceo.Get(target).json.at("strategy"), "retain");  // fell by 1 < 1.5; all tiers excellent
  const bj::object defaults{{"min_key_persons", 3}, {"profiled_share", 0.8}, {"drop", 0.5}, {"drop_months", 3}};
  ASSERT_EQ(admin.Send("PUT", "/api/v1/strategy/thresholds", bj::serialize(defaults)).status, 200);
  EXPECT_EQ(ceo.Get(target).json.at("strategy"), "win_back");
  const auto overridden = As("rep1").Send("PUT", "/api/v1/customers/c9/strategy-override",
                                          bj::serialize(bj::object{{"strategy", "wait"}, {"reason", "预算冻结"}}));
  ASSERT_EQ(overridden.status, 200) << overridden.body;
  const auto shown = ceo.Get(target);
  EXPECT_EQ(shown.json.at("strategy"), "win_back");  // the recommendation stays, the override is beside it
  EXPECT_EQ(shown.json.at("strategy_override").at("strategy"), "wait");
  EXPECT_EQ(shown.json.at("strategy_override").at("reason"), "预算冻结");
}

TEST_F(FiguresApi, RelationshipWorkAnswersWithTheContractFields) {
  Client rep1 = As("rep1");
  // c1's influence edges on 2026-03-01: p1 → p2 (link i1, and p2 reports to p1). PageRank with damping
  // 0.85: p1 = p3 = B, p2 = B + 0.85·B with B = 0.05 + 0.85·(p2 + p3)/3 → p2 = 37/77, p1 = p3 = 20/77.
  const auto centres = rep1.Get(std::string("/api/v1/customers/c1/influence-centres?") + kAsOf);
  ASSERT_EQ(centres.status, 200) << centres.body;
  const auto& ranked = centres.json.as_array();
  ASSERT_EQ(ranked.size(), 3u);
  HasFields(ranked[0], {"person", "rank"});
  EXPECT_EQ(ranked[0].at("person"), "p2");
  EXPECT_NEAR(ranked[0].at("rank").to_number<double>(), 37.0 / 77, 1e-9);
  EXPECT_EQ(ranked[1].at("person"), "p1");  // ties with p3, ordered by id
  EXPECT_NEAR(ranked[1].at("rank").to_number<double>(), 20.0 / 77, 1e-9);
  // e-staff knows p1 (medium 0.6); p1 influences p2 (strong 0.9): 0.6 × 0.9 = 0.54 through p1.
  const auto paths = rep1.Get(std::string("/api/v1/people/p2/paths?") + kAsOf);
  ASSERT_EQ(paths.status, 200) << paths.body;
  ASSERT_EQ(paths.json.as_array().size(), 1u);
  HasFields(paths.json.as_array()[0], {"employee", "via", "strength"});
  EXPECT_EQ(paths.json.as_array()[0].at("employee"), "e-staff");
  EXPECT_EQ(paths.json.as_array()[0].at("via"), (bj::array{"p1"}));
  EXPECT_NEAR(paths.json.as_array()[0].at("strength").to_number<double>(), 0.54, 1e-12);
  const auto warnings = As("ceo").Get(std::string("/api/v1/warnings?scope=company&") + kAsOf);
  ASSERT_EQ(warnings.status, 200) << warnings.body;
  ASSERT_FALSE(warnings.json.as_array().empty());
  for (const auto& warning : warnings.json.as_array()) {
    HasFields(warning, {"kind", "severity", "customer", "opportunity", "person", "message"});
  }
  EXPECT_EQ(rep1.Get("/api/v1/warnings?scope=company").status, 403);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c2/influence-centres").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/people/p4/paths").status, 404);
}

TEST_F(FiguresApi, ReportPrintsTheSameFiguresAsTheApi) {
  const std::string out = server_->data_dir() + "/report.json";
  ASSERT_EQ(RunBrm({"report", "--data", server_->data_dir(), "--as-of", "2026-03-01"}, out), 0);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  const bj::value report = bj::parse(text.str());
  HasFields(report, {"as_of", "customers", "opportunities", "people", "customer_line", "influence_line", "employees",
                     "warnings"});
  EXPECT_EQ(report.at("warnings"), As("ceo").Get(std::string("/api/v1/warnings?scope=company&") + kAsOf).json);
  Client ceo = As("ceo");
  EXPECT_EQ(report.at("customer_line"), ceo.Get(std::string("/api/v1/lines/customer?scope=company&") + kAsOf).json);
  EXPECT_EQ(report.at("influence_line"), ceo.Get(std::string("/api/v1/lines/influence?scope=company&") + kAsOf).json);
  bj::value metrics = ceo.Get(std::string("/api/v1/customers/c1/metrics?") + kAsOf).json;
  EXPECT_EQ(metrics.as_object().at("may_write"), true) << "the API tells the caller, the report has no caller";
  metrics.as_object().erase("may_write");
  metrics.as_object().erase("strategy_reason");  // why the strategy: an explanation for the page, not a figure of SPEC §11
  metrics.as_object().erase("centres");  // the influence centres' figure (issue 13), not one of SPEC §11's
  EXPECT_EQ(report.at("customers").as_array()[0], metrics);
  // people: the active key persons by id; opportunities opened on or before the day.
  std::vector<std::string> people;
  for (const auto& p : report.at("people").as_array()) people.emplace_back(p.at("person").as_string());
  EXPECT_TRUE(std::is_sorted(people.begin(), people.end()));
  for (const char* id : {"p1", "p2", "p3", "p4"}) EXPECT_NE(std::find(people.begin(), people.end(), id), people.end());
  EXPECT_EQ(std::find(people.begin(), people.end(), "x1"), people.end());  // a competitor's person is no key person
  EXPECT_EQ(report.at("opportunities").as_array().size(), 2u);
  EXPECT_EQ(report.at("employees").as_array().size(), 6u);
}

}  // namespace
}  // namespace brm::testing
