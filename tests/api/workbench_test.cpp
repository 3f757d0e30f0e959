// The workbench's lists (issue 12 items 2 and 4). Suggestions: the next actions of a perspective, ranked by expected effect, computed by
// hand on the fixture (tests/fixtures/small_bundle.json) after three facts added as of 2026-02-15:
//   p2's customer-level closeness oppose, p2's veto vote yes, and an employee link e-rep1 → p2 (weak).
// As of 2026-03-01, rep1's customer c1 (focus) has key persons p1 (closeness strong_support; veto yes;
// activity a1 on 2026-02-01), p2 (oppose; veto yes; no activity) and p3 (nothing known); its focus
// opportunity o1's chain is p1 (decision_maker, veto yes) and p2 (technical_evaluator).
//   customer closeness: p1 +2, p2 −1 → known 2, mean 0.5;  chain closeness (effective): the same → 0.5.
//   ask_veto  o1/p2: veto yes, closeness −1, e-rep1 influences p2 → chain (1 + 1) / 2 = 1, delta 0.5
//   introduce p2: opposes; best path e-staff → p1 → p2 (medium 0.6 × strong 0.9 = 0.54; e-rep1's weak
//             link 0.3 is second) → customer mean 0.5 → 1, delta 0.5
//   contact   o1/p2: no activity in the 90 days to 2026-03-01, never any (days null) → chain delta 0.5
//   introduce p1: un-insighted (solution, price unknown); path e-staff → p1 (0.6); at +2 already → delta 0
//   fill_role o1: approver, business_evaluator, procurement, coach (no effect)
//   profile   p1 [solution, price, approve], p2 [solution, price, approve, orientation],
//             p3 [closeness, solution, price, veto, approve, orientation] (no effect)
// Ranked by delta (equal deltas by kind: ask_veto, introduce, contact), then those without an effect by kind,
// then person id.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class SuggestionsApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    StartServer();
    Client rep1 = As("rep1");
    for (const auto& [collection, body] : std::vector<std::pair<std::string, bj::object>>{
             {"/api/v1/ratings", {{"person", "p2"}, {"dimension", "closeness"}, {"value", "oppose"}, {"date", "2026-02-15"}}},
             {"/api/v1/votes", {{"person", "p2"}, {"kind", "veto"}, {"value", "yes"}, {"date", "2026-02-15"}}},
             {"/api/v1/influence-links", {{"from", "e-rep1"}, {"to", "p2"}, {"strength", "weak"}}},
         }) {
      auto made = rep1.Post(collection, body);
      ASSERT_EQ(made.status, 201) << collection << ": " << made.body;
    }
  }
  static bj::object Page(Client& client, const std::string& query) {
    auto page = client.Get("/api/v1/suggestions?as_of=2026-03-01" + query);
    EXPECT_EQ(page.status, 200) << page.body;
    return page.status == 200 ? page.json.as_object() : bj::object{};
  }
  static std::vector<std::string> Strings(const bj::value& array) {
    std::vector<std::string> out;
    for (const auto& v : array.as_array()) out.emplace_back(v.as_string());
    return out;
  }
};

TEST_F(SuggestionsApi, ARepsSuggestionsAreRankedByTheirHandComputedEffect) {
  Client rep1 = As("rep1");
  const bj::object page = Page(rep1, "&limit=200");
  ASSERT_FALSE(page.empty());
  const auto& items = page.at("items").as_array();
  std::vector<std::string> keys;
  for (const auto& item : items) keys.emplace_back(item.at("key").as_string());
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "ask_veto:c1:o1:p2", "introduce:c1::p2", "contact:c1:o1:p2", "introduce:c1::p1",
                      "fill_role:c1:o1:", "profile:c1::p1", "profile:c1::p2", "profile:c1::p3"}));
  ASSERT_EQ(items.size(), 8u);
  EXPECT_EQ(page.at("total"), 8);
  EXPECT_EQ(page.at("summary").at("total"), 8);
  EXPECT_EQ(page.at("summary").at("kind").at("profile"), 3);
  EXPECT_EQ(page.at("summary").at("kind").at("introduce"), 2);

  const auto& veto = items[0];
  EXPECT_EQ(Strings(veto.at("employees")), std::vector<std::string>{"e-rep1"});
  EXPECT_EQ(veto.at("value"), "oppose");
  const auto& effect = veto.at("effect");
  EXPECT_EQ(effect.at("of"), "chain");
  EXPECT_EQ(effect.at("known"), 2);
  EXPECT_DOUBLE_EQ(effect.at("before").to_number<double>(), 0.5);
  EXPECT_DOUBLE_EQ(effect.at("after").to_number<double>(), 1.0);
  EXPECT_DOUBLE_EQ(effect.at("delta").to_number<double>(), 0.5);
  EXPECT_DOUBLE_EQ(effect.at("percent_before").to_number<double>(), 50.0);
  EXPECT_DOUBLE_EQ(effect.at("percent_delta").to_number<double>(), 50.0);
  EXPECT_EQ(veto.at("names").at("e-rep1"), "张伟");
  EXPECT_EQ(veto.at("names").at("p2"), "钱坤");

  const auto& introduce = items[1];
  EXPECT_EQ(Strings(introduce.at("employees")), std::vector<std::string>{"e-staff"});
  EXPECT_EQ(Strings(introduce.at("via")), std::vector<std::string>{"p1"});
  EXPECT_NEAR(introduce.at("strength").to_number<double>(), 0.54, 1e-12);
  EXPECT_EQ(introduce.at("effect").at("of"), "customer");
  EXPECT_DOUBLE_EQ(introduce.at("effect").at("after").to_number<double>(), 1.0);

  EXPECT_TRUE(items[2].at("days").is_null()) << "p2 has no activity on record";
  EXPECT_EQ(items[2].at("effect").at("of"), "chain");
  EXPECT_DOUBLE_EQ(items[3].at("effect").at("delta").to_number<double>(), 0.0) << "p1 is at strong_support already";
  EXPECT_TRUE(Strings(items[3].at("via")).empty());
  EXPECT_EQ(Strings(items[4].at("roles")),
            (std::vector<std::string>{"approver", "business_evaluator", "procurement", "coach"}));
  EXPECT_TRUE(items[4].at("effect").is_null());
  EXPECT_EQ(Strings(items[5].at("features")), (std::vector<std::string>{"solution", "price", "approve"}));
  EXPECT_EQ(Strings(items[6].at("features")), (std::vector<std::string>{"solution", "price", "approve", "orientation"}));
  EXPECT_EQ(Strings(items[7].at("features")),
            (std::vector<std::string>{"closeness", "solution", "price", "veto", "approve", "orientation"}));
  for (const auto& item : items) EXPECT_FALSE(std::string(item.at("message").as_string()).empty());
}

TEST_F(SuggestionsApi, AContactNamesTheDaysSinceTheLastActivityAndPagesFilterAndStayInTheirScope) {
  Client rep1 = As("rep1"), rep2 = As("rep2"), ceo = As("ceo"), staff = As("staff");
  // As of 2026-06-01, p1's last activity (2026-02-01) is 120 days old: a contact for p1 too.
  auto later = rep1.Get("/api/v1/suggestions?as_of=2026-06-01&kind=contact");
  ASSERT_EQ(later.status, 200) << later.body;
  const auto& contacts = later.json.at("items").as_array();
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].at("person"), "p2");
  EXPECT_EQ(contacts[1].at("person"), "p1");
  EXPECT_EQ(contacts[1].at("days"), 120);
  EXPECT_DOUBLE_EQ(contacts[1].at("effect").at("delta").to_number<double>(), 0.0);

  // Pages tile the list; the kind and customer filters keep their rows; other customers' are not there.
  const bj::object first = Page(rep1, "&limit=3"), second = Page(rep1, "&limit=3&offset=3");
  EXPECT_EQ(first.at("items").as_array().size(), 3u);
  EXPECT_EQ(second.at("items").as_array()[0].at("key"), "introduce:c1::p1");
  EXPECT_EQ(Page(rep1, "&kind=profile,fill_role").at("total"), 4);
  EXPECT_EQ(Page(rep1, "&customer=c2").at("total"), 0);
  // rep2's c2 is not focus and o2 is won; p4, un-insighted, is reached only through rep2's own acquaintance
  // (e-rep2, the owner's person): no introduction to suggest.
  EXPECT_EQ(Page(rep2, "&limit=200").at("total"), 0);
  const bj::object company = Page(ceo, "&scope=company&customer=c1&limit=200");
  EXPECT_EQ(company.at("total"), 8);
  // Bad input is named; employees see no suggestions; a rep sees no other perspective.
  EXPECT_EQ(rep1.Get("/api/v1/suggestions?kind=call").ErrorField(), "kind");
  EXPECT_EQ(rep1.Get("/api/v1/suggestions?colour=red").ErrorField(), "colour");
  EXPECT_EQ(rep1.Get("/api/v1/suggestions?sort=kind").ErrorField(), "sort");
  EXPECT_EQ(rep1.Get("/api/v1/suggestions?scope=company").status, 403);
  EXPECT_EQ(staff.Get("/api/v1/suggestions").status, 403);
}

}  // namespace
}  // namespace brm::testing

namespace brm::testing {
namespace {

// Recent changes (the workbench): as of 2026-02-10, rep1's c1 had in the 14 days from 2026-01-28 the
// ratings r2 (p1 closeness support → strong_support, 2026-02-01) and r3 (p2 solution in o1, first, oppose,
// 2026-02-01); a membership of p3 in o1 added here from 2026-02-05 joined the chain. Over 30 days r4 (p1's
// closeness toward comp1, 2026-01-15) is in too; v1 (2026-01-10) is not.
class ChangesApi : public SharedServerTest {};

TEST_F(ChangesApi, RecentRatingsAndChainChangesNewestFirstWithTheValueBefore) {
  Client rep1 = As("rep1");
  auto joined = rep1.Post("/api/v1/chain-members", boost::json::object{{"opportunity", "o1"}, {"person", "p3"},
                                                                      {"role", "procurement"}, {"since", "2026-02-05"}});
  ASSERT_EQ(joined.status, 201) << joined.body;
  auto page = rep1.Get("/api/v1/changes?as_of=2026-02-10");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json.at("from"), "2026-01-28");
  const auto& items = page.json.at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << page.body;
  EXPECT_EQ(items[0].at("kind"), "joined");
  EXPECT_EQ(items[0].at("date"), "2026-02-05");
  EXPECT_EQ(items[0].at("person"), "p3");
  EXPECT_EQ(items[0].at("opportunity"), "o1");
  EXPECT_EQ(items[0].at("role"), "procurement");
  EXPECT_EQ(items[1].at("kind"), "rating");
  EXPECT_EQ(items[1].at("person"), "p1");
  EXPECT_EQ(items[1].at("dimension"), "closeness");
  EXPECT_EQ(items[1].at("toward"), "ours");
  EXPECT_EQ(items[1].at("value"), "strong_support");
  EXPECT_EQ(items[1].at("previous"), "support");
  EXPECT_TRUE(items[1].at("opportunity").is_null());
  EXPECT_EQ(items[1].at("names").at("p1"), "赵敏");
  EXPECT_EQ(items[2].at("person"), "p2");
  EXPECT_EQ(items[2].at("dimension"), "solution");
  EXPECT_EQ(items[2].at("opportunity"), "o1");
  EXPECT_EQ(items[2].at("value"), "oppose");
  EXPECT_EQ(items[2].at("previous"), "unknown");

  auto month = rep1.Get("/api/v1/changes?as_of=2026-02-10&days=30");
  ASSERT_EQ(month.status, 200) << month.body;
  const auto& longer = month.json.at("items").as_array();
  ASSERT_EQ(longer.size(), 4u) << month.body;
  EXPECT_EQ(longer[3].at("toward"), "comp1");
  EXPECT_EQ(longer[3].at("value"), "neutral");
  EXPECT_EQ(longer[3].at("date"), "2026-01-15");
  // Another team's rep sees none of c1's; bad input is named; employees see nothing.
  EXPECT_EQ(As("rep2").Get("/api/v1/changes?as_of=2026-02-10&days=30").json.at("total"), 0);
  EXPECT_EQ(rep1.Get("/api/v1/changes?days=0").ErrorField(), "days");
  EXPECT_EQ(rep1.Get("/api/v1/changes?days=x").ErrorField(), "days");
  EXPECT_EQ(rep1.Get("/api/v1/changes?kind=rating").ErrorField(), "kind");
  EXPECT_EQ(As("staff").Get("/api/v1/changes").status, 403);
}

}  // namespace
}  // namespace brm::testing
