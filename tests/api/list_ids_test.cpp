// The `ids` list parameter: only the records with those ids, among those the caller may see, combined with
// the other filters and paged like any list. Fixture: rep1 owns c1 (people p1–p3; p3 since 2025-06-01),
// rep2 owns c2 (p4), x1 works at competitor comp1, staff is an employee who knows p1 (link i2).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class ListIdsApi : public SharedServerTest {
 protected:
  // The ids of a list's items, in the order the server gave them.
  static std::vector<std::string> Listed(const HttpResult& list) {
    std::vector<std::string> ids;
    if (list.status != 200) return {"status " + std::to_string(list.status) + ": " + list.body};
    for (const auto& item : list.json.at("items").as_array()) ids.emplace_back(item.at("id").as_string());
    return ids;
  }
  static int64_t Total(const HttpResult& list) { return list.json.at("total").as_int64(); }

  // "n-0001,n-0002,…": `count` ids of records that do not exist.
  static std::string Missing(int count) {
    std::string out;
    for (int i = 1; i <= count; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "n-%04d", i);
      out += (out.empty() ? "" : ",") + std::string(id);
    }
    return out;
  }
};

using Ids = std::vector<std::string>;

TEST_F(ListIdsApi, ARepGetsOnlyTheIdsTheyMaySeeAndAnAdminGetsEveryOne) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), admin = As("admin");
  // p1 is rep1's customer's, p4 rep2's; nope exists nowhere: absent, not an error.
  auto mine = rep1.Get("/api/v1/people?ids=p1,p4,nope");
  EXPECT_EQ(Listed(mine), (Ids{"p1"}));
  EXPECT_EQ(Total(mine), 1) << "the total counts only what rep1 may see";
  EXPECT_EQ(mine.body.find("周强"), std::string::npos) << "p4 leaks nothing";
  EXPECT_EQ(Listed(rep2.Get("/api/v1/people?ids=p1,p4,nope")), (Ids{"p4"}));
  auto all = admin.Get("/api/v1/people?ids=p1,p4,nope");
  EXPECT_EQ(Listed(all), (Ids{"p1", "p4"}));
  EXPECT_EQ(Total(all), 2);
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p4,p1")), (Ids{"p1", "p4"})) << "recording order, not asking order";
  auto repeated = admin.Get("/api/v1/people?ids=p4,p1,p4,p1");
  EXPECT_EQ(Listed(repeated), (Ids{"p1", "p4"})) << "a duplicate comes back once";
  EXPECT_EQ(Total(repeated), 2);
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p1&ids=p4")), (Ids{"p1", "p4"})) << "repeated ids= add up";
  EXPECT_EQ(Listed(rep1.Get("/api/v1/organizations?ids=c1,c2,comp1")), (Ids{"c1", "comp1"}));
  EXPECT_EQ(Listed(rep1.Get("/api/v1/ratings?ids=r1,r5")), (Ids{"r1"})) << "facts of hidden persons are hidden too";
}

TEST_F(ListIdsApi, IdsCombineWithTheOtherFiltersByAnd) {
  Client admin = As("admin");
  // A customer's people are key by default, others not; p2 stops being key.
  ASSERT_EQ(admin.Patch("/api/v1/people/p2", bj::object{{"key", false}}).status, 200);
  auto key = admin.Get("/api/v1/people?ids=p1,p2,x1&key=true");
  EXPECT_EQ(Listed(key), (Ids{"p1"}));
  EXPECT_EQ(Total(key), 1);
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p1,p2,x1&key=false")), (Ids{"p2", "x1"}));
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p1,p2,p3,p4&department=d1")), (Ids{"p1", "p2"}));
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p1,p2,p4&search=" + Encode("赵"))), (Ids{"p1"}));
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p1,p3&active_on=2025-01-01")), (Ids{"p1"})) << "p3 begins 2025-06-01";
  EXPECT_EQ(Listed(admin.Get("/api/v1/people?ids=p4&org=c1")), (Ids{}));
}

TEST_F(ListIdsApi, LimitAndOffsetPageTheMatchesAndTheTotalCountsThemAll) {
  Client admin = As("admin");
  const std::string five = "/api/v1/people?ids=x1,p4,p3,p2,p1";
  auto page = admin.Get(five + "&limit=2&offset=1");
  EXPECT_EQ(Listed(page), (Ids{"p2", "p3"}));
  EXPECT_EQ(Total(page), 5);
  auto last = admin.Get(five + "&limit=2&offset=4");
  EXPECT_EQ(Listed(last), (Ids{"x1"}));
  EXPECT_EQ(Total(last), 5);
  auto count = admin.Get(five + "&limit=0");
  EXPECT_EQ(Listed(count), (Ids{}));
  EXPECT_EQ(Total(count), 5);
  // The most a request may ask for: 1000 ids (two real ones among them) and a page of 1000.
  auto most = admin.Get("/api/v1/people?limit=1000&ids=" + Missing(998) + ",p4,p1");
  EXPECT_EQ(Listed(most), (Ids{"p1", "p4"}));
  EXPECT_EQ(Total(most), 2);
}

TEST_F(ListIdsApi, TheEmployeeDirectoryTakesIdsToo) {
  Client staff = As("staff");
  auto people = staff.Get("/api/v1/people?ids=p1,p4,e-rep1,nope");
  ASSERT_EQ(Listed(people), (Ids{"e-rep1", "p1", "p4"})) << "the directory spans every organization";
  EXPECT_EQ(Total(people), 3);
  const auto& p1 = people.json.at("items").as_array()[1].as_object();
  std::set<std::string> keys;
  for (const auto& [k, v] : p1) keys.emplace(k);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "name", "org", "org_name", "department", "department_name", "title"}))
      << "the projection, not the record";
  EXPECT_EQ(p1.at("org_name"), "招商银行深圳分行");
  EXPECT_EQ(people.body.find("zhaomin@example.com"), std::string::npos);
  EXPECT_EQ(Listed(staff.Get("/api/v1/people?ids=p1,p3&active_on=2025-01-01")), (Ids{"p1"})) << "p3 begins 2025-06-01";
  EXPECT_EQ(Listed(staff.Get("/api/v1/people?ids=p1,p2,p4&org=c1")), (Ids{"p1", "p2"}));
  EXPECT_EQ(staff.Get("/api/v1/people?ids=p1&key=true").status, 400) << "the directory still hides key";

  auto orgs = staff.Get("/api/v1/organizations?ids=c2,comp1,nope");
  EXPECT_EQ(Listed(orgs), (Ids{"c2", "comp1"}));
  EXPECT_EQ(orgs.json.at("items").as_array()[0].as_object().size(), 3u) << "id, name and kind only";
  EXPECT_EQ(Listed(staff.Get("/api/v1/influence-links?ids=i1,i2")), (Ids{"i2"})) << "only the employee's own link";
}

TEST_F(ListIdsApi, AnEmptyOverlongOrBadListIsRefusedNamingIds) {
  Client admin = As("admin");
  const std::string bad_ids[] = {
      "",                        // no id at all
      "p1,,p2",                  // an empty id between commas
      "p1,",                     // a trailing comma
      "p1,a%2Fb",                // '/'
      "p1,a%01b",                // a control character
      std::string(129, 'x'),     // longer than 128 bytes
      Missing(1001),             // more than 1000
  };
  for (const std::string& ids : bad_ids) {
    SCOPED_TRACE(ids.substr(0, 40));
    auto refused = admin.Get("/api/v1/people?ids=" + ids);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.ErrorField(), "ids");
  }
  EXPECT_EQ(admin.Get("/api/v1/people?ids=" + std::string(128, 'x')).status, 200) << "128 bytes is an id";
  EXPECT_EQ(admin.Get("/api/v1/people?ids=" + Missing(1000)).status, 200);
  auto unknown = admin.Get("/api/v1/people?idz=p1");
  EXPECT_EQ(unknown.ErrorField(), "idz");
  EXPECT_NE(unknown.body.find("ids"), std::string::npos) << "the list parameters are named: " << unknown.body;
}

}  // namespace
}  // namespace brm::testing
