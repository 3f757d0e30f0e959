// What each of the five roles may and may not see and change (SPEC.md §7), over HTTP.
// Fixture: rep1 (team 华东) owns c1 (people p1–p3, opportunity o1); rep2 (team 西部) owns c2 (p4, o2);
// manager leads 华东; ceo is an executive; staff is an employee who knows p1 (link i2).
#include <gtest/gtest.h>

#include <set>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class VisibilityApi : public SharedServerTest {
 protected:
  static std::set<std::string> Ids(const HttpResult& list) {
    std::set<std::string> ids;
    for (const auto& item : list.json.at("items").as_array()) ids.emplace(item.at("id").as_string());
    return ids;
  }
};

struct Probe {
  const char* path;
  bool rep1, rep2, manager, executive;  // whether each may read it (admin reads everything)
};

TEST_F(VisibilityApi, EachRoleReadsExactlyItsCustomers) {
  const Probe probes[] = {
      {"/api/v1/organizations/c1", true, false, true, true},
      {"/api/v1/organizations/c2", false, true, false, true},
      {"/api/v1/organizations/comp1", true, true, true, true},
      {"/api/v1/departments/d2", true, false, true, true},
      {"/api/v1/departments/d3", false, true, false, true},
      {"/api/v1/people/p1", true, false, true, true},
      {"/api/v1/people/p4", false, true, false, true},
      {"/api/v1/people/e-staff", true, true, true, true},
      {"/api/v1/people/x1", true, true, true, true},
      {"/api/v1/reporting-lines/rl1", true, false, true, true},
      {"/api/v1/influence-links/i1", true, false, true, true},
      {"/api/v1/influence-links/i2", true, false, true, true},
      {"/api/v1/influence-links/i4", false, true, false, true},
      {"/api/v1/opportunities/o1", true, false, true, true},
      {"/api/v1/opportunities/o2", false, true, false, true},
      {"/api/v1/chain-members/m1", true, false, true, true},
      {"/api/v1/ratings/r1", true, false, true, true},
      {"/api/v1/ratings/r5", false, true, false, true},
      {"/api/v1/votes/v1", true, false, true, true},
      {"/api/v1/activities/a1", true, false, true, true},
      {"/api/v1/influence-uses/iu1", false, true, false, true},
      {"/api/v1/users/u-rep2", true, true, true, true},
      {"/api/v1/teams/t-west", true, true, true, true},
  };
  Client rep1 = As("rep1"), rep2 = As("rep2"), manager = As("manager"), ceo = As("ceo"), admin = As("admin");
  for (const Probe& probe : probes) {
    SCOPED_TRACE(probe.path);
    const auto hidden = rep1.Get(probe.path);
    EXPECT_EQ(hidden.status, probe.rep1 ? 200 : 404);
    if (!probe.rep1) {
      EXPECT_EQ(hidden.body.find("招商"), std::string::npos);
      EXPECT_EQ(hidden.body.find("西部电网"), std::string::npos) << "a hidden record leaks nothing";
    }
    EXPECT_EQ(rep2.Get(probe.path).status, probe.rep2 ? 200 : 404);
    EXPECT_EQ(manager.Get(probe.path).status, probe.manager ? 200 : 404);
    EXPECT_EQ(ceo.Get(probe.path).status, probe.executive ? 200 : 404);
    EXPECT_EQ(admin.Get(probe.path).status, 200);
  }
}

TEST_F(VisibilityApi, ListsHoldOnlyVisibleRecords) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), manager = As("manager"), ceo = As("ceo");
  EXPECT_EQ(Ids(rep1.Get("/api/v1/organizations?kind=customer")), (std::set<std::string>{"c1"}));
  EXPECT_EQ(Ids(rep2.Get("/api/v1/organizations?kind=customer")), (std::set<std::string>{"c2"}));
  EXPECT_EQ(Ids(manager.Get("/api/v1/organizations?kind=customer")), (std::set<std::string>{"c1"}));
  EXPECT_EQ(Ids(ceo.Get("/api/v1/organizations?kind=customer")), (std::set<std::string>{"c1", "c2"}));
  EXPECT_EQ(Ids(rep1.Get("/api/v1/ratings")), (std::set<std::string>{"r1", "r2", "r3", "r4"}));
  EXPECT_EQ(Ids(rep2.Get("/api/v1/ratings")), (std::set<std::string>{"r5"}));
  EXPECT_EQ(Ids(rep1.Get("/api/v1/people?org=c2")), (std::set<std::string>{}));
  EXPECT_EQ(rep1.Get("/api/v1/people?org=c2").json.at("total").as_int64(), 0) << "the total leaks no count";
}

TEST_F(VisibilityApi, RepsWriteOnlyForTheirOwnCustomers) {
  Client rep1 = As("rep1");
  auto own = rep1.Post("/api/v1/ratings", bj::object{{"person", "p1"}, {"dimension", "solution"}, {"value", "support"}});
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.json.at("by"), "u-rep1") << "a rating is recorded by whoever entered it";
  auto other = rep1.Post("/api/v1/ratings", bj::object{{"person", "p4"}, {"dimension", "solution"}, {"value", "support"}});
  EXPECT_EQ(other.status, 422) << "a hidden person is answered as no person at all";
  EXPECT_EQ(other.ErrorField(), "person");
  EXPECT_EQ(rep1.Patch("/api/v1/organizations/c2", bj::object{{"focus", true}}).status, 404);
  EXPECT_EQ(rep1.Patch("/api/v1/opportunities/o1", bj::object{{"stage", "商务谈判"}}).status, 200);
  auto mine = rep1.Post("/api/v1/organizations", bj::object{{"name", "新客户"}, {"kind", "customer"}});
  ASSERT_EQ(mine.status, 201);
  EXPECT_EQ(mine.json.at("owner"), "u-rep1") << "a rep's new customer is theirs";
  EXPECT_EQ(rep1.Post("/api/v1/organizations", bj::object{{"name", "送人"}, {"kind", "customer"}, {"owner", "u-rep2"}}).status,
            403);
  EXPECT_EQ(rep1.Patch("/api/v1/organizations/c1", bj::object{{"owner", "u-rep2"}}).status, 403);
  EXPECT_EQ(rep1.Post("/api/v1/users", bj::object{{"login", "x"}, {"person", "e-staff"}, {"role", "admin"}}).status, 403);
  EXPECT_EQ(rep1.Patch("/api/v1/people/e-staff", bj::object{{"title", "x"}}).status, 403);
}

TEST_F(VisibilityApi, ManagersWriteForTheirTeamsCustomers) {
  Client manager = As("manager");
  EXPECT_EQ(manager.Post("/api/v1/votes", bj::object{{"person", "p2"}, {"kind", "approve"}, {"value", "yes"}}).status, 201);
  EXPECT_EQ(manager.Post("/api/v1/votes", bj::object{{"person", "p4"}, {"kind", "approve"}, {"value", "yes"}}).status, 422);
  EXPECT_EQ(manager.Post("/api/v1/teams", bj::object{{"name", "新团队"}}).status, 403);
}

// The access policy's scope is asked organization by organization while a figure runs (not marked once
// per tenant, nor kept between requests): a change of owner is the rule of the very next read.
TEST_F(VisibilityApi, AChangeOfOwnerIsTheRuleOfTheNextRead) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), admin = As("admin");
  auto line_has_c1 = [](Client& client) {
    const auto line = client.Get("/api/v1/lines/customer?scope=me");
    EXPECT_EQ(line.status, 200) << line.body;
    for (const auto& customer : line.json.at("customers").as_array()) {
      if (customer.at("customer") == "c1") return true;
    }
    return false;
  };
  ASSERT_EQ(rep1.Get("/api/v1/customers/c1/metrics").status, 200);
  ASSERT_EQ(rep1.Get("/api/v1/people/p1").status, 200);
  ASSERT_EQ(rep1.Get("/api/v1/people/p1/profile").status, 200);
  ASSERT_TRUE(line_has_c1(rep1));
  ASSERT_EQ(rep2.Get("/api/v1/customers/c1/metrics").status, 404);

  ASSERT_EQ(admin.Patch("/api/v1/organizations/c1", bj::object{{"owner", "u-rep2"}}).status, 200);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c1/metrics").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/people/p1").status, 404);
  EXPECT_EQ(rep1.Get("/api/v1/people/p1/profile").status, 404);
  EXPECT_FALSE(line_has_c1(rep1));
  EXPECT_EQ(rep2.Get("/api/v1/customers/c1/metrics").status, 200);
  EXPECT_EQ(rep2.Get("/api/v1/people/p1").status, 200);
  EXPECT_TRUE(line_has_c1(rep2));

  ASSERT_EQ(admin.Patch("/api/v1/organizations/c1", bj::object{{"owner", "u-rep1"}}).status, 200);
  EXPECT_EQ(rep1.Get("/api/v1/customers/c1/metrics").status, 200);
  EXPECT_EQ(rep1.Get("/api/v1/people/p1").status, 200);
  EXPECT_TRUE(line_has_c1(rep1));
  EXPECT_EQ(rep2.Get("/api/v1/customers/c1/metrics").status, 404);
}

TEST_F(VisibilityApi, EmployeesSearchTheDirectoryAndKeepTheirOwnLinks) {
  Client staff = As("staff");
  auto found = staff.Get("/api/v1/people?search=" + Encode("赵"));
  ASSERT_EQ(found.status, 200);
  ASSERT_EQ(found.json.at("total").as_int64(), 1);
  const auto& person = found.json.at("items").as_array()[0].as_object();
  std::set<std::string> keys;
  for (const auto& [key, value] : person) keys.emplace(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "name", "org", "org_name", "department", "department_name", "title"}));
  EXPECT_EQ(person.at("org_name"), "招商银行深圳分行");
  EXPECT_EQ(person.at("department_name"), "信息中心");
  EXPECT_EQ(staff.Get("/api/v1/people/p1").body.find("zhaomin@example.com"), std::string::npos);
  EXPECT_EQ(staff.Get("/api/v1/people?org=c2").json.at("total").as_int64(), 1) << "search by organization";
  // A person is found by their organization's name too: "招商" is part of c1's name only.
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=" + Encode("招商"))), (std::set<std::string>{"p1", "p2", "p3"}));
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=" + Encode("电网"))), (std::set<std::string>{"p4"}));
  // And by the pinyin of their name or of their organization's (赵敏 zhaomin, 招商银行 zhaoshangyinxing).
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=ZhaoMin")), (std::set<std::string>{"p1"}));
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=zm")), (std::set<std::string>{"p1"}));
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=zhaoshang")), (std::set<std::string>{"p1", "p2", "p3"}));
  EXPECT_EQ(Ids(staff.Get("/api/v1/people?search=zhaoshang&org=c2")), (std::set<std::string>{}));
  EXPECT_EQ(Ids(staff.Get("/api/v1/organizations?search=xibu")), (std::set<std::string>{"c2"}));
  // A rep finds only what they may see, whatever the organizations are called: rep2 owns c2, not c1.
  EXPECT_EQ(As("rep2").Get("/api/v1/people?search=" + Encode("招商")).json.at("total").as_int64(), 0);
  EXPECT_EQ(Ids(As("rep2").Get("/api/v1/people?search=" + Encode("电网"))), (std::set<std::string>{"p4"}));

  EXPECT_EQ(Ids(staff.Get("/api/v1/influence-links")), (std::set<std::string>{"i2"}));
  EXPECT_EQ(staff.Get("/api/v1/ratings").json.at("total").as_int64(), 0);
  EXPECT_EQ(staff.Get("/api/v1/opportunities").json.at("total").as_int64(), 0);
  EXPECT_EQ(staff.Get("/api/v1/ratings/r1").status, 404);

  auto declared = staff.Post("/api/v1/influence-links", bj::object{{"from", "e-staff"}, {"to", "p4"}, {"strength", "weak"}});
  ASSERT_EQ(declared.status, 201) << declared.body;
  const std::string id(declared.json.at("id").as_string());
  EXPECT_EQ(staff.Post("/api/v1/influence-links", bj::object{{"from", "e-rep1"}, {"to", "p4"}, {"strength", "weak"}}).status,
            403);
  EXPECT_EQ(staff.Post("/api/v1/ratings", bj::object{{"person", "p1"}, {"dimension", "price"}, {"value", "support"}}).status,
            403);
  EXPECT_EQ(staff.Post("/api/v1/organizations", bj::object{{"name", "x"}, {"kind", "partner"}}).status, 403);
  EXPECT_EQ(staff.Send("DELETE", "/api/v1/influence-links/" + id).status, 200);
  EXPECT_EQ(staff.Send("DELETE", "/api/v1/influence-links/i1").status, 404) << "others' links are invisible";
}

}  // namespace
}  // namespace brm::testing
