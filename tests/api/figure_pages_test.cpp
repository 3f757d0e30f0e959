// Pages of the figure lists (docs/api.md "Pages of figure lists"): sizes, bounds, a stable order under
// ties, totals, filters combined with a sort, the names rows carry, and bad page parameters naming
// themselves. Besides the fixture's c1 (rep1, focus; closeness strong_support → 200 %) and c2 (rep2; no
// closeness), the suite adds five customers, each with one key person rated on closeness on 2026-02-15:
//   pa "Page Alpha"   rep1          support        100 %  excellent
//   pb "page beta"    rep1          support        100 %  excellent
//   pc "Page Gamma"   rep1, focus   strong_support 200 %  excellent
//   pd "Page Delta"   rep2          (none)         null   no tier
//   pe "Page Epsilon" rep2          oppose        −100 %  poor
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

constexpr const char* kAsOf = "as_of=2026-03-01";

class FigurePagesApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    StartServer();
    Client admin = As("admin");
    struct Added {
      const char *id, *name, *owner;
      bool focus;
      const char* closeness;  // nullptr: not rated
    };
    const Added added[] = {{"pa", "Page Alpha", "u-rep1", false, "support"},
                           {"pb", "page beta", "u-rep1", false, "support"},
                           {"pc", "Page Gamma", "u-rep1", true, "strong_support"},
                           {"pd", "Page Delta", "u-rep2", false, nullptr},
                           {"pe", "Page Epsilon", "u-rep2", false, "oppose"}};
    for (const Added& a : added) {
      const std::string person = std::string("kp-") + a.id;
      ASSERT_EQ(admin.Post("/api/v1/organizations", bj::object{{"id", a.id}, {"name", a.name}, {"kind", "customer"},
                                                              {"owner", a.owner}, {"focus", a.focus},
                                                              {"since", "2025-01-01"}}).status, 201);
      ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", person}, {"org", a.id}, {"name", std::string("联系人") + a.id},
                                                       {"key", true}, {"since", "2025-01-01"}}).status, 201);
      if (a.closeness) {
        ASSERT_EQ(admin.Post("/api/v1/ratings", bj::object{{"person", person}, {"dimension", "closeness"},
                                                          {"value", a.closeness}, {"date", "2026-02-15"}}).status, 201);
      }
    }
  }

  static std::vector<std::string> Ids(const bj::value& page, const char* key = "customer") {
    std::vector<std::string> ids;
    for (const auto& row : page.at("items").as_array()) ids.emplace_back(row.at(key).as_string());
    return ids;
  }
  using Strings = std::vector<std::string>;
};

TEST_F(FigurePagesApi, CustomerPagesFollowTheSortWithTiesInIdOrderAndUnknownValuesLast) {
  Client ceo = As("ceo");
  const std::string base = std::string("/api/v1/lines/customer?scope=company&") + kAsOf + "&sort=closeness.percent";
  const auto first = ceo.Get(base + "&order=desc&limit=3");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.at("total"), 7);
  EXPECT_EQ(first.json.at("limit"), 3);
  EXPECT_EQ(first.json.at("offset"), 0);
  EXPECT_EQ(Ids(first.json), (Strings{"c1", "pc", "pa"}));  // 200, 200 (tie: id order), 100
  EXPECT_EQ(Ids(ceo.Get(base + "&order=desc&limit=3&offset=3").json), (Strings{"pb", "pe", "c2"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&order=desc&limit=3&offset=6").json), (Strings{"pd"}));
  const auto beyond = ceo.Get(base + "&order=desc&limit=3&offset=9");
  ASSERT_EQ(beyond.status, 200) << beyond.body;
  EXPECT_TRUE(beyond.json.at("items").as_array().empty());
  EXPECT_EQ(beyond.json.at("total"), 7);
  EXPECT_EQ(Ids(ceo.Get(base + "&order=asc&limit=200").json), (Strings{"pe", "pa", "pb", "c1", "pc", "c2", "pd"}));
  // Without a sort: the document's own order (by id); limit 0 is the summary alone.
  EXPECT_EQ(Ids(ceo.Get(std::string("/api/v1/lines/customer?") + kAsOf + "&limit=200").json),
            (Strings{"c1", "c2", "pa", "pb", "pc", "pd", "pe"}));
  const auto summary = ceo.Get(std::string("/api/v1/lines/customer?") + kAsOf + "&limit=0");
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_TRUE(summary.json.at("items").as_array().empty());
  EXPECT_EQ(summary.json.at("total"), 7);
}

TEST_F(FigurePagesApi, CustomerSummaryHasTheLineWithoutItsIdListsAndRowsCarryTheirNames) {
  Client ceo = As("ceo");
  const auto whole = ceo.Get(std::string("/api/v1/lines/customer?scope=company&") + kAsOf);
  const auto page = ceo.Get(std::string("/api/v1/lines/customer?scope=company&") + kAsOf + "&limit=50");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json.at("trend"), whole.json.at("trend"));
  EXPECT_EQ(page.json.at("trend").at("customers"), 7);
  const auto& excellent = page.json.at("tiers").at("closeness").at("excellent").as_object();
  EXPECT_EQ(excellent.at("count"), 4);  // c1, pa, pb, pc
  EXPECT_FALSE(excellent.contains("customers"));
  EXPECT_FALSE(page.json.as_object().contains("customers"));
  EXPECT_EQ(page.json.at("untiered"), (bj::object{{"closeness", 2}, {"solution", 7}, {"price", 6}}));  // c1's solution is project level only; p4 (c2) has a price
  // Each row is the customer's metrics of the whole document, less its departments, plus its names.
  const auto& rows = page.json.at("items").as_array();
  const auto& full = whole.json.at("customers").as_array();
  ASSERT_EQ(rows.size(), full.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    bj::object row = rows[i].as_object();
    EXPECT_TRUE(row.contains("name"));
    row.erase("name");
    row.erase("owner_name");
    bj::object expected = full[i].as_object();
    expected.erase("departments");
    EXPECT_EQ(bj::value(row), bj::value(expected));
  }
  EXPECT_EQ(rows[0].at("name"), "招商银行深圳分行");
  EXPECT_EQ(rows[0].at("owner_name"), "张伟");  // u-rep1's person
  EXPECT_EQ(rows[1].at("owner_name"), "刘洋");
  EXPECT_EQ(rows[2].at("name"), "Page Alpha");
}

TEST_F(FigurePagesApi, CustomerFiltersCombineWithTheSortAndTheTotalCountsTheMatches) {
  Client ceo = As("ceo");
  const std::string base = std::string("/api/v1/lines/customer?scope=company&") + kAsOf;
  const auto search = ceo.Get(base + "&q=PAGE&owner=u-rep1&sort=name&order=desc");
  ASSERT_EQ(search.status, 200) << search.body;
  EXPECT_EQ(search.json.at("total"), 3);
  EXPECT_EQ(Ids(search.json), (Strings{"pb", "pc", "pa"}));  // "page beta" > "Page Gamma" > "Page Alpha" (bytes)
  EXPECT_EQ(Ids(ceo.Get(base + "&tier.closeness=excellent&sort=name").json), (Strings{"pa", "pc", "pb", "c1"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&tier.closeness=none").json), (Strings{"c2", "pd"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&tier.closeness=poor").json), (Strings{"pe"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&focus=true&sort=closeness.percent").json), (Strings{"c1", "pc"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&focus=false&tier.closeness=excellent&limit=1&offset=1").json), (Strings{"pb"}));
  // The strategy filter keeps exactly the customers whose strategy (the override, else the recommendation) is listed.
  const auto whole = ceo.Get(base);
  for (const char* strategy : {"acquire", "grow", "win_back", "wait", "retain"}) {
    SCOPED_TRACE(strategy);
    Strings expected;
    for (const auto& m : whole.json.at("customers").as_array()) {
      const auto& override = m.at("strategy_override");
      const bj::value& effective = override.is_null() ? m.at("strategy") : override.at("strategy");
      if (effective == strategy) expected.emplace_back(m.at("customer").as_string());
    }
    EXPECT_EQ(Ids(ceo.Get(base + "&limit=200&strategy=" + strategy).json), expected);
  }
  // A rep's own perspective pages only their customers.
  const auto rep1 = As("rep1").Get(std::string("/api/v1/lines/customer?") + kAsOf + "&sort=closeness.percent&order=desc");
  ASSERT_EQ(rep1.status, 200) << rep1.body;
  EXPECT_EQ(rep1.json.at("total"), 4);
  EXPECT_EQ(Ids(rep1.json), (Strings{"c1", "pc", "pa", "pb"}));
}

TEST_F(FigurePagesApi, BadPageParametersNameTheParameter) {
  Client ceo = As("ceo");
  const std::string customers = "/api/v1/lines/customer?";
  EXPECT_EQ(ceo.Get(customers + "limit=201").ErrorField(), "limit");
  EXPECT_EQ(ceo.Get(customers + "limit=-1").ErrorField(), "limit");
  EXPECT_EQ(ceo.Get(customers + "limit=").ErrorField(), "limit");
  EXPECT_EQ(ceo.Get(customers + "offset=ten").ErrorField(), "offset");
  EXPECT_EQ(ceo.Get(customers + "offset=1e3").ErrorField(), "offset");
  EXPECT_EQ(ceo.Get(customers + "order=up").ErrorField(), "order");
  EXPECT_EQ(ceo.Get(customers + "sort=colour").ErrorField(), "sort");
  EXPECT_EQ(ceo.Get(customers + "tier.closeness=great").ErrorField(), "tier.closeness");
  EXPECT_EQ(ceo.Get(customers + "strategy=grow,conquer").ErrorField(), "strategy");
  EXPECT_EQ(ceo.Get(customers + "focus=maybe").ErrorField(), "focus");
  EXPECT_EQ(ceo.Get(customers + "owner=u-nobody").ErrorField(), "owner");
  EXPECT_EQ(ceo.Get(customers + "colour=red").ErrorField(), "colour");
  EXPECT_EQ(ceo.Get("/api/v1/lines/influence?sort=name").ErrorField(), "sort");
  EXPECT_EQ(ceo.Get("/api/v1/lines/influence?closeness=warm").ErrorField(), "closeness");
  EXPECT_EQ(ceo.Get("/api/v1/warnings?severity=urgent").ErrorField(), "severity");
  EXPECT_EQ(ceo.Get("/api/v1/warnings?kind=attitude_conflict,").ErrorField(), "kind");
  EXPECT_EQ(ceo.Get("/api/v1/warnings?limit=5&customer=c1&order=upward").ErrorField(), "order");
  // The perspective's rules hold for pages as for the whole documents.
  EXPECT_EQ(As("rep1").Get(customers + "scope=company&limit=5").status, 403);
  EXPECT_EQ(As("staff").Get("/api/v1/warnings?limit=5").status, 403);
}

TEST_F(FigurePagesApi, WarningPagesTileTheWholeListMostSevereFirstWithASummaryAndNames) {
  Client ceo = As("ceo");
  const std::string asked = std::string("scope=company&") + kAsOf;
  const auto whole = ceo.Get("/api/v1/warnings?" + asked);
  ASSERT_EQ(whole.status, 200) << whole.body;
  const auto& all = whole.json.as_array();
  ASSERT_GE(all.size(), 4u);
  // The whole list, most severe first, ties in the list's own order.
  std::vector<bj::value> expected(all.begin(), all.end());
  const std::map<std::string, int> rank{{"high", 0}, {"medium", 1}, {"low", 2}};
  std::stable_sort(expected.begin(), expected.end(), [&](const bj::value& a, const bj::value& b) {
    return rank.at(std::string(a.at("severity").as_string())) < rank.at(std::string(b.at("severity").as_string()));
  });
  std::vector<bj::value> paged;
  for (size_t offset = 0;; offset += 3) {
    const auto page = ceo.Get("/api/v1/warnings?" + asked + "&limit=3&offset=" + std::to_string(offset));
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.json.at("total"), all.size());
    const auto& items = page.json.at("items").as_array();
    for (const auto& item : items) {
      bj::object row = item.as_object();
      ASSERT_TRUE(row.contains("names"));
      row.erase("names");
      EXPECT_EQ(row.at("state"), "new") << "as of a day before any decision";
      EXPECT_TRUE(row.at("decision").is_null());
      row.erase("state");
      row.erase("decision");
      paged.emplace_back(std::move(row));
    }
    if (items.size() < 3) break;
  }
  EXPECT_EQ(paged, expected);
  // The summary counts every warning of the perspective, whatever the filters.
  const auto filtered = ceo.Get("/api/v1/warnings?" + asked + "&severity=high,medium&kind=" +
                                std::string(expected.front().at("kind").as_string()) + "&limit=200");
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  const auto& summary = filtered.json.at("summary");
  EXPECT_EQ(summary.at("total"), all.size());
  std::map<std::string, int64_t> severities, kinds, by_customer;
  for (const auto& w : all) {
    ++severities[std::string(w.at("severity").as_string())];
    ++kinds[std::string(w.at("kind").as_string())];
    if (!w.at("customer").is_null()) ++by_customer[std::string(w.at("customer").as_string())];
  }
  for (const char* s : {"high", "medium", "low"}) EXPECT_EQ(summary.at("severity").at(s), severities[s]) << s;
  EXPECT_EQ(summary.at("kind").as_object().size(), kinds.size());
  for (const auto& [kind, count] : kinds) EXPECT_EQ(summary.at("kind").at(kind), count) << kind;
  EXPECT_EQ(summary.at("customer_count"), by_customer.size());
  for (const auto& row : summary.at("customers").as_array()) {
    EXPECT_EQ(row.at("count"), by_customer[std::string(row.at("customer").as_string())]);
  }
  // The filters keep exactly the matching warnings; each names what it concerns.
  size_t matching = 0;
  for (const auto& w : expected) {
    matching += w.at("kind") == expected.front().at("kind") && w.at("severity") != "low" ? 1 : 0;
  }
  EXPECT_EQ(filtered.json.at("total"), matching);
  for (const auto& item : filtered.json.at("items").as_array()) {
    EXPECT_EQ(item.at("kind"), expected.front().at("kind"));
    if (item.at("customer") == "c1") {
      EXPECT_EQ(item.at("names").at("c1"), "招商银行深圳分行");
    }
    if (item.at("person") == "p1") {
      EXPECT_EQ(item.at("names").at("p1"), "赵敏");
    }
  }
  const auto c2 = ceo.Get("/api/v1/warnings?" + asked + "&customer=c2&limit=200");
  for (const auto& item : c2.json.at("items").as_array()) EXPECT_EQ(item.at("customer"), "c2");
  // A rep's pages hold their own warnings only.
  const auto rep1 = As("rep1").Get(std::string("/api/v1/warnings?") + kAsOf + "&limit=200");
  ASSERT_EQ(rep1.status, 200) << rep1.body;
  EXPECT_EQ(rep1.json.at("total"), As("rep1").Get(std::string("/api/v1/warnings?") + kAsOf).json.as_array().size());
}

TEST_F(FigurePagesApi, InfluencePagesCarryTheNamesTheirRowsShow) {
  Client ceo = As("ceo");
  const std::string base = "/api/v1/lines/influence?scope=company&as_of=2025-12-31";
  const auto page = ceo.Get(base + "&limit=1");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json.at("total"), 2);
  EXPECT_FALSE(page.json.as_object().contains("list"));
  EXPECT_FALSE(page.json.at("analysis").at("closeness").at("supporters").as_object().contains("people"));
  const auto whole = ceo.Get(base);
  EXPECT_EQ(page.json.at("trend"), whole.json.at("trend"));
  EXPECT_EQ(page.json.at("kpi"), whole.json.at("kpi"));
  const auto& row = page.json.at("items").at(0);
  EXPECT_EQ(row.at("person"), "p1");
  EXPECT_EQ(row.at("person_name"), "赵敏");
  EXPECT_EQ(row.at("company_name"), "招商银行深圳分行");
  EXPECT_EQ(row.at("department_name"), "信息中心");
  EXPECT_EQ(row.at("owner_name"), "张伟");
  EXPECT_EQ(row.at("influencers"), (bj::array{"e-staff"}));
  EXPECT_EQ(row.at("influencer_names"), (bj::array{"陈静"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&sort=person&order=desc").json, "person"), (Strings{"p1", "p4"}));  // 赵 U+8D75 > 周 U+5468
  EXPECT_EQ(Ids(ceo.Get(base + "&q=%E5%91%A8").json, "person"), (Strings{"p4"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&q=" + "%E8%A5%BF%E9%83%A8").json, "person"), (Strings{"p4"}));  // 西部 (the company)
  EXPECT_EQ(Ids(ceo.Get(base + "&owner=u-rep1").json, "person"), (Strings{"p1"}));
  EXPECT_EQ(Ids(ceo.Get(base + "&company=c2").json, "person"), (Strings{"p4"}));
  EXPECT_EQ(ceo.Get(base + "&closeness=strong_oppose").json.at("total"), 0);
}

TEST_F(FigurePagesApi, CompetitorInfluencedPagesListThePersonsAStaffCanInfluenceWithTheirCustomers) {
  // A competitor whose one employee influences the key persons of pa, pc (rep1) and pe (rep2).
  Client admin = As("admin");
  ASSERT_EQ(admin.Post("/api/v1/organizations", bj::object{{"id", "rival"}, {"name", "Rival Co"}, {"kind", "competitor"},
                                                          {"since", "2025-01-01"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/people", bj::object{{"id", "rival-1"}, {"org", "rival"}, {"name", "对手甲"},
                                                    {"since", "2025-01-01"}}).status, 201);
  for (const char* to : {"kp-pe", "kp-pa", "kp-pc"}) {
    ASSERT_EQ(admin.Post("/api/v1/influence-links", bj::object{{"from", "rival-1"}, {"to", to}, {"strength", "strong"},
                                                              {"since", "2025-06-01"}}).status, 201);
  }
  const std::string base = std::string("/api/v1/lines/customer/competitor-influenced?toward=rival&") + kAsOf;
  Client ceo = As("ceo");
  const auto first = ceo.Get(base + "&scope=company&limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.at("total"), 3);
  EXPECT_EQ(first.json.at("limit"), 2);
  EXPECT_EQ(Ids(first.json, "person"), (Strings{"kp-pa", "kp-pc"}));  // id order
  const bj::value& row = first.json.at("items").at(0);
  EXPECT_EQ(row.at("name"), "联系人pa");
  EXPECT_EQ(row.at("customer"), "pa");
  EXPECT_EQ(row.at("customer_name"), "Page Alpha");
  EXPECT_EQ(Ids(ceo.Get(base + "&scope=company&limit=2&offset=2").json, "person"), (Strings{"kp-pe"}));
  // The same persons as the line's count; without page parameters a page of 50.
  const auto summary = ceo.Get(std::string("/api/v1/lines/customer?scope=company&toward=rival&limit=0&") + kAsOf);
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_EQ(summary.json.at("competitor_influenced_count"), 3);
  const auto whole = ceo.Get(base + "&scope=company");
  EXPECT_EQ(whole.json.at("limit"), 50);
  EXPECT_EQ(Ids(whole.json, "person"), (Strings{"kp-pa", "kp-pc", "kp-pe"}));
  // A rep's own perspective covers their own customers only.
  EXPECT_EQ(Ids(As("rep1").Get(base).json, "person"), (Strings{"kp-pa", "kp-pc"}));
  EXPECT_EQ(As("rep1").Get(base + "&scope=company").status, 403);

  // Toward ours there is no such list; bad page parameters name themselves.
  const auto ours = ceo.Get(std::string("/api/v1/lines/customer/competitor-influenced?scope=company&toward=ours&") + kAsOf);
  EXPECT_EQ(ours.status, 400);
  EXPECT_EQ(ours.json.at("error").at("field"), "toward");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"&limit=201", "limit"}, {"&offset=-1", "offset"}, {"&sort=name", "sort"}, {"&q=x", "q"},
           {"&toward=nobody", "toward"}}) {
    const auto bad = ceo.Get(base + "&scope=company" + query);
    EXPECT_EQ(bad.status, 400) << query;
    EXPECT_EQ(bad.json.at("error").at("field").as_string(), field) << query;
  }
}

}  // namespace
}  // namespace brm::testing
