// The defects found when the product was attacked (issue 9), each with a test named after what broke.
// Fixture (tests/fixtures/small_bundle.json): rep1 owns c1 (p1–p3, opportunity o1 with chain m1 = p1,
// m2 = p2; p2 reports to p1 by rl1); rep2 owns c2 (p4, opportunity o2, influence use iu1 of e-rep2 on
// p4); comp1 is a competitor with x1, toward whom p1 has rating r4. The tests share one server; what a
// test adds is dated so that the others, reading on 2026-03-01, do not see it, or is counted relative.
#include <gtest/gtest.h>

#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class AttackedApi : public SharedServerTest {
 protected:
  static std::string Message(const HttpResult& result) {
    return std::string(result.json.at("error").at("message").as_string());
  }
};

// Defect 2: a rep turned a shared competitor into their own customer (and back), or moved a competitor's
// person into their customer.
TEST_F(AttackedApi, RepsCannotChangeAnOrganizationsKindOrAPersonsOrganization) {
  Client rep1 = As("rep1"), admin = As("admin");
  auto grab = rep1.Patch("/api/v1/organizations/comp1", bj::object{{"kind", "customer"}, {"owner", "u-rep1"}});
  EXPECT_EQ(grab.status, 403);
  EXPECT_EQ(grab.ErrorField(), "kind");
  auto expose = rep1.Patch("/api/v1/organizations/c1", bj::object{{"kind", "competitor"}, {"owner", nullptr}});
  EXPECT_EQ(expose.status, 403);
  EXPECT_EQ(expose.ErrorField(), "kind");
  auto move = rep1.Patch("/api/v1/people/x1", bj::object{{"org", "c1"}});
  EXPECT_EQ(move.status, 403);
  EXPECT_EQ(move.ErrorField(), "org");
  EXPECT_EQ(admin.Get("/api/v1/organizations/comp1").json.at("kind"), "competitor");
  EXPECT_EQ(admin.Get("/api/v1/organizations/c1").json.at("kind"), "customer");
  EXPECT_EQ(admin.Get("/api/v1/people/x1").json.at("org"), "comp1");
  EXPECT_EQ(As("rep2").Get("/api/v1/people/x1").status, 200) << "the competitor's staff stay visible to everyone";
  // What they may change of the same records still works.
  EXPECT_EQ(rep1.Patch("/api/v1/organizations/comp1", bj::object{{"industry", "软件"}}).status, 200);
}

// Defect 2, whoever asks: a change that would leave records inconsistent is refused naming what depends on it.
TEST_F(AttackedApi, AKindChangeWithDependentsIsAConflictNamingThem) {
  Client admin = As("admin");
  auto competitor = admin.Patch("/api/v1/organizations/comp1", bj::object{{"kind", "partner"}});
  EXPECT_EQ(competitor.status, 409);
  EXPECT_EQ(competitor.ErrorField(), "kind");
  EXPECT_NE(Message(competitor).find("r4"), std::string::npos) << Message(competitor);
  auto customer = admin.Patch("/api/v1/organizations/c2", bj::object{{"kind", "competitor"}, {"owner", nullptr}});
  EXPECT_EQ(customer.status, 409);
  EXPECT_EQ(customer.ErrorField(), "kind");
  EXPECT_NE(Message(customer).find("o2"), std::string::npos) << Message(customer);
  EXPECT_EQ(admin.Get("/api/v1/customers/c2/metrics").status, 200) << "c2 is still a customer";
  // Without dependents the kind may change.
  auto fresh = admin.Post("/api/v1/organizations", bj::object{{"name", "新竞争对手"}, {"kind", "competitor"}});
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  const std::string id(fresh.json.at("id").as_string());
  EXPECT_EQ(admin.Patch("/api/v1/organizations/" + id, bj::object{{"kind", "partner"}}).status, 200);
}

TEST_F(AttackedApi, MovingAPersonWithReportingLinesIsAConflictNamingThem) {
  Client admin = As("admin");
  auto moved = admin.Patch("/api/v1/people/p2", bj::object{{"org", "c2"}, {"department", nullptr}});
  EXPECT_EQ(moved.status, 409);
  EXPECT_EQ(moved.ErrorField(), "org");
  EXPECT_NE(Message(moved).find("rl1"), std::string::npos) << Message(moved);
  EXPECT_EQ(admin.Get("/api/v1/people/p2").json.at("org"), "c1");
}

// Defect 3: an employee's influence uses were counted over the whole company.
TEST_F(AttackedApi, EmployeeMetricsCountOnlyInfluenceUsesTheCallerMaySee) {
  const std::string path = "/api/v1/employees/e-rep2/metrics?as_of=2026-03-01";
  auto own = As("rep2").Get(path);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json.at("influence_uses"), 1) << "iu1, on rep2's opportunity o2";
  EXPECT_EQ(As("ceo").Get(path).json.at("influence_uses"), 1);
  auto other = As("rep1").Get(path);
  ASSERT_EQ(other.status, 200) << other.body;
  EXPECT_EQ(other.json.at("influence_uses"), 0) << "o2 is rep2's customer's";
  EXPECT_EQ(As("manager").Get(path).json.at("influence_uses"), 0) << "rep2 is not in the manager's team";
}

// Defect 4: the same person could be in one chain twice at once, and was counted twice.
TEST_F(AttackedApi, APersonIsInAChainOnceAtATime) {
  Client admin = As("admin");
  auto twice = admin.Post("/api/v1/chain-members", bj::object{{"opportunity", "o1"}, {"person", "p1"}, {"role", "user"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.ErrorField(), "person");
  EXPECT_NE(Message(twice).find("m1"), std::string::npos) << Message(twice);
  auto chain = admin.Get("/api/v1/opportunities/o1/chain?as_of=2026-03-01");
  ASSERT_EQ(chain.status, 200);
  EXPECT_EQ(chain.json.at("members").as_array().size(), 2u);
  EXPECT_EQ(chain.json.at("degrees").at("closeness").at("n"), 2);
  // Moving m2 onto p1 is the same duplicate.
  EXPECT_EQ(admin.Patch("/api/v1/chain-members/m2", bj::object{{"person", "p1"}}).status, 409);
  // Once the first membership has ended, the person may join again. (Dated after 2026-03-01, the date the
  // other tests read the chain on.)
  auto p3 = admin.Post("/api/v1/chain-members", bj::object{{"opportunity", "o1"}, {"person", "p3"}, {"role", "user"},
                                                           {"since", "2027-01-01"}, {"until", "2027-02-01"}});
  ASSERT_EQ(p3.status, 201) << p3.body;
  auto again = admin.Post("/api/v1/chain-members",
                          bj::object{{"opportunity", "o1"}, {"person", "p3"}, {"role", "user"}, {"since", "2027-02-01"}});
  EXPECT_EQ(again.status, 201) << again.body;
  auto overlapping = admin.Post("/api/v1/chain-members",
                                bj::object{{"opportunity", "o1"}, {"person", "p3"}, {"role", "user"}, {"since", "2027-01-10"},
                                           {"until", "2027-01-20"}});
  EXPECT_EQ(overlapping.status, 409) << "inside the first membership";
}

// Defect 5: reporting-line cycles were accepted.
TEST_F(AttackedApi, ReportingLinesCannotFormACycle) {
  Client admin = As("admin");
  auto back = admin.Post("/api/v1/reporting-lines", bj::object{{"person", "p1"}, {"manager", "p2"}});
  EXPECT_EQ(back.status, 422) << "p2 already reports to p1";
  EXPECT_EQ(back.ErrorField(), "manager");
  auto self = admin.Post("/api/v1/reporting-lines", bj::object{{"person", "p3"}, {"manager", "p3"}});
  EXPECT_EQ(self.status, 422);
  // A 3-cycle made by a PATCH: p3 → p2 → p1 (rl1, since 2024), then p1 → p5 changed to p1 → p3.
  auto three = admin.Post("/api/v1/reporting-lines", bj::object{{"person", "p3"}, {"manager", "p2"}});
  ASSERT_EQ(three.status, 201) << three.body;
  auto p5 = admin.Post("/api/v1/people", bj::object{{"name", "郑浩"}, {"org", "c1"}});
  ASSERT_EQ(p5.status, 201);
  auto line = admin.Post("/api/v1/reporting-lines",
                         bj::object{{"person", "p1"}, {"manager", p5.json.at("id")}, {"since", "2025-01-01"}});
  ASSERT_EQ(line.status, 201) << line.body;
  const std::string line_path = "/api/v1/reporting-lines/" + std::string(line.json.at("id").as_string());
  auto cycle = admin.Patch(line_path, bj::object{{"manager", "p3"}});
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(cycle.ErrorField(), "manager");
  // A line that ended before the other began is no cycle.
  auto past = admin.Post("/api/v1/reporting-lines",
                         bj::object{{"person", "p1"}, {"manager", "p2"}, {"since", "2020-01-01"}, {"until", "2023-12-31"}});
  EXPECT_EQ(past.status, 201) << past.body;
  EXPECT_EQ(admin.Send("DELETE", line_path + "?date=2026-06-01").status, 200);
  auto later = admin.Post("/api/v1/reporting-lines", bj::object{{"person", "p1"}, {"manager", "p2"}, {"since", "2030-01-01"}});
  EXPECT_EQ(later.status, 422) << "from 2024 on, p2 reports to p1: " << later.body;
  EXPECT_EQ(later.ErrorField(), "manager");
}

// Defect 7: a chain member from another rep's customer showed that person's attitudes to the first rep,
// and the person's profile showed the opportunity to the second.
TEST_F(AttackedApi, ARecordCrossingCustomersIsSeenOnlyByWhoSeesBoth) {
  Client admin = As("admin"), rep1 = As("rep1"), rep2 = As("rep2");
  auto member = admin.Post("/api/v1/chain-members", bj::object{{"opportunity", "o1"}, {"person", "p4"}, {"role", "user"}});
  ASSERT_EQ(member.status, 201) << member.body;
  const std::string id(member.json.at("id").as_string());
  const std::string chain = "/api/v1/opportunities/o1/chain?as_of=2026-03-01";
  auto all = admin.Get(chain);
  EXPECT_EQ(all.json.at("members").as_array().size(), 3u) << "m1, m2 and p4";
  auto mine = rep1.Get(chain);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json.at("members").as_array().size(), 2u) << "p4 is rep2's customer's";
  EXPECT_EQ(mine.json.at("degrees").at("closeness").at("n"), 2);
  EXPECT_EQ(mine.body.find("p4"), std::string::npos);
  EXPECT_EQ(rep1.Get("/api/v1/chain-members/" + id).status, 404);
  EXPECT_EQ(rep2.Get("/api/v1/chain-members/" + id).status, 404) << "o1 is rep1's customer's";
  auto profile = rep2.Get("/api/v1/people/p4/profile?as_of=2026-03-01");
  ASSERT_EQ(profile.status, 200);
  EXPECT_EQ(profile.json.at("chains").as_array().size(), 0u) << "o1 is hidden from rep2";
  EXPECT_EQ(admin.Get("/api/v1/people/p4/profile?as_of=2026-03-01").json.at("chains").as_array().size(), 1u);
  EXPECT_EQ(admin.Get("/api/v1/chain-members?opportunity=o1").json.at("total").as_int64(),
            rep1.Get("/api/v1/chain-members?opportunity=o1").json.at("total").as_int64() + 1);
}

// Found by the access model (tests/http/access_model_test.cpp): an employee could not retire their own
// link to someone who had left (the link's `to` was answered as a person that does not exist).
TEST_F(AttackedApi, AnEmployeeRetiresTheirLinkToSomeoneWhoHasLeft) {
  Client admin = As("admin"), staff = As("staff");
  auto person = admin.Post("/api/v1/people", bj::object{{"name", "离职者"}, {"org", "c1"}, {"since", "2020-01-01"}});
  ASSERT_EQ(person.status, 201) << person.body;
  const std::string id(person.json.at("id").as_string());
  auto link = staff.Post("/api/v1/influence-links", bj::object{{"from", "e-staff"}, {"to", id}, {"strength", "weak"}});
  ASSERT_EQ(link.status, 201) << link.body;
  ASSERT_EQ(admin.Send("DELETE", "/api/v1/people/" + id).status, 200) << "the person leaves today";
  const std::string link_path = "/api/v1/influence-links/" + std::string(link.json.at("id").as_string());
  auto retired = staff.Send("DELETE", link_path);
  EXPECT_EQ(retired.status, 200) << retired.body;
  // A new link to them is refused: they are no longer someone to declare.
  auto again = staff.Post("/api/v1/influence-links", bj::object{{"from", "e-staff"}, {"to", id}, {"strength", "weak"}});
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.ErrorField(), "to");
}

// Defect 9: passwords of spaces or control characters, an unknown currency, ids "." and "a b".
TEST_F(AttackedApi, WeakPasswordsUnknownCurrenciesAndOddIdsAreRefused) {
  Client admin = As("admin");
  auto user = [&](const std::string& password) {
    return admin.Post("/api/v1/users", bj::object{{"login", "newcomer"}, {"person", "e-staff"}, {"role", "employee"},
                                                  {"password", password}});
  };
  for (const std::string& weak : {std::string(8, ' '), std::string(8, '\0'), std::string("password"),
                                  std::string("12345678"), std::string("newcomer-2026"), std::string("short")}) {
    auto refused = user(weak);
    EXPECT_EQ(refused.status, 400) << "\"" << weak << "\"";
    EXPECT_EQ(refused.ErrorField(), "password");
  }
  EXPECT_EQ(admin.Get("/api/v1/users?search=newcomer").json.at("total"), 0) << "nothing stored";
  auto currency = admin.Post("/api/v1/opportunities", bj::object{{"customer", "c1"}, {"name", "x"}, {"opened", "2026-01-01"}, {"currency", "zzz"}});
  EXPECT_EQ(currency.status, 400);
  EXPECT_EQ(currency.ErrorField(), "currency");
  auto euro = admin.Post("/api/v1/opportunities", bj::object{{"customer", "c1"}, {"name", "x"}, {"opened", "2026-01-01"}, {"currency", "EUR"}});
  EXPECT_EQ(euro.status, 201) << euro.body;
  for (const char* id : {".", "..", "a b", "a/b", "a\tb"}) {
    auto odd = admin.Post("/api/v1/organizations", bj::object{{"id", id}, {"name", "x"}, {"kind", "partner"}});
    EXPECT_EQ(odd.status, 400) << id;
    EXPECT_EQ(odd.ErrorField(), "id") << id;
  }
  EXPECT_EQ(admin.Post("/api/v1/organizations", bj::object{{"id", "伙伴-1"}, {"name", "x"}, {"kind", "partner"}}).status,
            201);
}

}  // namespace
}  // namespace brm::testing
