// The project-history collections of SPEC.md §8.1 through the API (issue 10): create, read, change and
// list them, with the visibility of their opportunity and validation errors that name the field.
// Fixture (tests/fixtures/small_bundle.json): rep1 owns c1 with the open opportunity o1; rep2 owns c2 with
// o2, won and closed on 2025-11-20, whose milestone ms1 (contract) came from the bundle; comp1 is a
// competitor. Ids made here start with "ph-" so that other suites' counts are not disturbed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class ProjectHistoryApi : public SharedServerTest {};

TEST_F(ProjectHistoryApi, TheOwnerRecordsEveryElementAndReadsItBack) {
  Client rep1 = As("rep1");
  auto phase2 = rep1.Post("/api/v1/opportunities", bj::object{{"customer", "c1"}, {"name", "核心系统二期"},
                                                              {"type", "phase"}, {"opened", "2026-02-01"}});
  ASSERT_EQ(phase2.status, 201) << phase2.body;
  const std::string later(phase2.json.at("id").as_string());
  const std::pair<std::string, bj::object> created[] = {
      {"milestones", {{"opportunity", "o1"}, {"kind", "tender_notice"}, {"date", "2026-02-10"}}},
      {"quotes", {{"opportunity", "o1"}, {"round", 1}, {"org", "comp1"}, {"price", 3200000}, {"date", "2026-02-20"}}},
      {"quotes", {{"opportunity", "o1"}, {"round", 1}, {"org", "org-ours"}, {"price", 3400000}, {"date", "2026-02-20"}}},
      {"vendors", {{"opportunity", "o1"}, {"org", "comp1"}}},
      {"criteria", {{"opportunity", "o1"}, {"item", "技术方案"}, {"weight", 60}, {"our_score", 50}}},
      {"lessons", {{"opportunity", "o1"}, {"kind", "note"}, {"tags", bj::array{"教练", "高层"}}, {"text", "先找教练"},
                   {"date", "2026-02-21"}}},
      {"project-links", {{"from", later}, {"to", "o1"}, {"kind", "phase_of"}}},
  };
  std::vector<std::string> ids;
  for (const auto& [collection, body] : created) {
    auto result = rep1.Post("/api/v1/" + collection, body);
    EXPECT_EQ(result.status, 201) << collection << ": " << result.body;
    ids.push_back(result.status == 201 ? std::string(result.json.at("id").as_string()) : "");
  }
  EXPECT_EQ(ids[1].rfind("quo-", 0), 0u) << ids[1];
  auto vendor = rep1.Get("/api/v1/vendors/" + ids[3]);
  ASSERT_EQ(vendor.status, 200);
  EXPECT_EQ(vendor.json.at("result"), "unknown") << "the default result";
  EXPECT_TRUE(vendor.json.at("rank").is_null());
  auto lesson = rep1.Get("/api/v1/lessons/" + ids[5]);
  EXPECT_EQ(lesson.json.at("tags"), (bj::array{"教练", "高层"}));
  EXPECT_EQ(lesson.json.at("by"), "u-rep1") << "the author is who recorded it";
  auto changed = rep1.Patch("/api/v1/quotes/" + ids[1], bj::object{{"price", 3100000}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json.at("price").as_int64(), 3100000);
  auto history = rep1.Get("/api/v1/quotes/" + ids[1] + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json.at("items").as_array().size(), 2u) << "created, then the price changed";
  auto opp = rep1.Patch("/api/v1/opportunities/o1",
                        bj::object{{"budget", 3600000}, {"conditions", bj::array{"legacy_limits", "compliance"}},
                                   {"method", "public_tender"}, {"rule", "comprehensive_score"}, {"scope", "核心账务"}});
  ASSERT_EQ(opp.status, 200) << opp.body;
  EXPECT_EQ(opp.json.at("conditions"), (bj::array{"legacy_limits", "compliance"}));
  EXPECT_EQ(opp.json.at("method"), "public_tender");
  // Lists filter by opportunity and by customer.
  EXPECT_EQ(rep1.Get("/api/v1/quotes?opportunity=o1").json.at("total").as_int64(), 2);
  EXPECT_EQ(rep1.Get("/api/v1/quotes?customer=c1").json.at("total").as_int64(), 2);
  EXPECT_EQ(rep1.Get("/api/v1/quotes?customer=c2").json.at("total").as_int64(), 0);
  EXPECT_EQ(As("admin").Get("/api/v1/milestones?customer=c2").json.at("total").as_int64(), 1) << "ms1 of o2";
}

TEST_F(ProjectHistoryApi, ARepWhoMayNotSeeTheOpportunityGetsNotFound) {
  Client rep1 = As("rep1"), rep2 = As("rep2");
  auto quote = rep1.Post("/api/v1/quotes", bj::object{{"opportunity", "o1"}, {"round", 2}, {"org", "comp1"},
                                                      {"price", 1}, {"date", "2026-02-25"}});
  ASSERT_EQ(quote.status, 201) << quote.body;
  const std::string id(quote.json.at("id").as_string());
  EXPECT_EQ(rep2.Get("/api/v1/quotes/" + id).status, 404);
  EXPECT_EQ(rep2.Patch("/api/v1/quotes/" + id, bj::object{{"price", 2}}).status, 404);
  EXPECT_EQ(rep2.Get("/api/v1/quotes?opportunity=o1").json.at("total").as_int64(), 0);
  EXPECT_EQ(rep2.Get("/api/v1/milestones/ms1").status, 200) << "o2 is rep2's";
  EXPECT_EQ(rep1.Get("/api/v1/milestones/ms1").status, 404);
  auto foreign = rep2.Post("/api/v1/milestones", bj::object{{"opportunity", "o1"}, {"kind", "evaluation"},
                                                            {"date", "2026-02-01"}});
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_EQ(foreign.ErrorField(), "opportunity") << "as for an opportunity that does not exist";
}

TEST_F(ProjectHistoryApi, ValidationNamesTheField) {
  Client rep1 = As("rep1");
  struct Case {
    std::string collection;
    bj::object body;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {"milestones", {{"opportunity", "o1"}, {"kind", "kickoff"}, {"date", "2026-02-01"}}, 422, "kind"},
      {"quotes", {{"opportunity", "o1"}, {"round", 1}, {"org", "c1"}, {"price", 5}, {"date", "2026-02-01"}}, 422, "org"},
      {"quotes", {{"opportunity", "o1"}, {"round", 0}, {"org", "comp1"}, {"price", 5}, {"date", "2026-02-01"}}, 400, "round"},
      {"quotes", {{"opportunity", "o1"}, {"round", 1}, {"org", "comp1"}, {"date", "2026-02-01"}}, 400, "price"},
      {"vendors", {{"opportunity", "o1"}, {"org", "comp1"}, {"rank", 1.5}}, 400, "rank"},
      {"criteria", {{"opportunity", "o1"}, {"item", "价格"}, {"weight", 20}, {"our_score", 30}}, 422, "our_score"},
      {"criteria", {{"opportunity", "o1"}, {"item", "价格"}, {"weight", 120}}, 400, "weight"},
      {"lessons", {{"opportunity", "o1"}, {"kind", "win_factor"}, {"tags", "教练"}, {"date", "2026-02-01"}}, 400, "tags"},
      {"lessons", {{"opportunity", "o1"}, {"kind", "win_factor"}, {"tags", bj::array{"a", "a"}}, {"date", "2026-02-01"}},
       400, "tags"},
      {"project-links", {{"from", "o1"}, {"to", "o1"}, {"kind", "related"}}, 422, "to"},
      {"documents", {{"opportunity", "o1"}, {"name", "招标文件.pdf"}, {"kind", "tender"}, {"date", "2026-02-01"}}, 400, "kind"},
      {"milestone-models", {{"customer", "c1"}, {"kinds", bj::array{bj::object{{"kind", "custom_step"}}}}}, 400, "kinds"},
      {"milestone-models", {{"customer", "comp1"}, {"kinds", bj::array{bj::object{{"kind", "initiation"}}}}}, 422, "customer"},
  };
  for (const Case& c : cases) {
    auto result = rep1.Post("/api/v1/" + c.collection, c.body);
    EXPECT_EQ(result.status, c.status) << c.collection << " " << bj::serialize(c.body) << ": " << result.body;
    EXPECT_EQ(result.ErrorField(), c.field) << c.collection << " " << bj::serialize(c.body);
  }
  auto conditions = rep1.Patch("/api/v1/opportunities/o1", bj::object{{"conditions", bj::array{"cheap"}}});
  EXPECT_EQ(conditions.status, 400);
  EXPECT_EQ(conditions.ErrorField(), "conditions");
  auto winner = rep1.Patch("/api/v1/opportunities/o1", bj::object{{"winner", "c1"}});
  EXPECT_EQ(winner.status, 422);
  EXPECT_EQ(winner.ErrorField(), "winner");
}

TEST_F(ProjectHistoryApi, ACustomersModelDecidesItsMilestoneKindsAndOnlyAdminsChangeTheDefault) {
  Client rep1 = As("rep1"), manager = As("manager"), admin = As("admin");
  auto model = rep1.Post("/api/v1/milestone-models",
                         bj::object{{"customer", "c1"},
                                    {"since", "2026-01-01"},
                                    {"kinds", bj::array{bj::object{{"kind", "initiation"}},
                                                        bj::object{{"kind", "kickoff"}, {"name", "启动会"}}}}});
  ASSERT_EQ(model.status, 201) << model.body;
  EXPECT_EQ(model.json.at("kinds"), (bj::array{bj::object{{"kind", "initiation"}, {"name", nullptr}},
                                               bj::object{{"kind", "kickoff"}, {"name", "启动会"}}}));
  EXPECT_EQ(rep1.Post("/api/v1/milestones", bj::object{{"opportunity", "o1"}, {"kind", "kickoff"}, {"date", "2026-02-02"}})
                .status,
            201);
  auto before_model = rep1.Post("/api/v1/milestones",
                                bj::object{{"opportunity", "o1"}, {"kind", "kickoff"}, {"date", "2025-12-31"}});
  EXPECT_EQ(before_model.status, 422) << "the company default held on that day";
  auto second = rep1.Post("/api/v1/milestone-models", bj::object{{"customer", "c1"},
                                                                  {"kinds", bj::array{bj::object{{"kind", "contract"}}}}});
  EXPECT_EQ(second.status, 409) << "one model per customer at a time";
  EXPECT_EQ(second.ErrorField(), "customer");
  EXPECT_EQ(As("rep2").Get("/api/v1/milestone-models/" + std::string(model.json.at("id").as_string())).status, 404);
  bj::object company{{"since", "2030-01-01"},
                     {"kinds", bj::array{bj::object{{"kind", "initiation"}}, bj::object{{"kind", "contract"}}}}};
  for (Client* who : {&rep1, &manager}) {
    auto refused = who->Post("/api/v1/milestone-models", company);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.ErrorField(), "customer");
  }
  company["id"] = "ph-default";
  EXPECT_EQ(admin.Post("/api/v1/milestone-models", company).status, 201);
  EXPECT_EQ(rep1.Get("/api/v1/milestone-models/ph-default").status, 200) << "everyone reads the company default";
}

TEST_F(ProjectHistoryApi, AClosedOpportunitysCriteriaWeighOneHundred) {
  Client admin = As("admin");
  auto partial = admin.Post("/api/v1/criteria", bj::object{{"id", "ph-k60"}, {"opportunity", "o2"}, {"item", "价格"},
                                                           {"weight", 60}});
  EXPECT_EQ(partial.status, 409) << partial.body;
  EXPECT_EQ(partial.ErrorField(), "weight");
  EXPECT_EQ(admin.Get("/api/v1/criteria/ph-k60").status, 404) << "nothing was stored";
  auto whole = admin.Post("/api/v1/criteria", bj::object{{"id", "ph-k100"}, {"opportunity", "o2"}, {"item", "价格"},
                                                         {"weight", 100}});
  EXPECT_EQ(whole.status, 201) << whole.body;
  EXPECT_EQ(admin.Patch("/api/v1/criteria/ph-k100", bj::object{{"weight", 90}}).status, 409);
}

// Every field the contract (SPEC.md §11) names is there.
void ExpectFields(const bj::value& object, std::initializer_list<const char*> names, const std::string& where) {
  ASSERT_TRUE(object.is_object()) << where;
  for (const char* name : names) EXPECT_TRUE(object.as_object().contains(name)) << where << " lacks " << name;
}

TEST_F(ProjectHistoryApi, TheHistoryAndTheProjectViewFollowTheContract) {
  Client rep2 = As("rep2");
  auto history = rep2.Get("/api/v1/customers/c2/history?as_of=2025-12-31");
  ASSERT_EQ(history.status, 200) << history.body;
  const bj::value& h = history.json;
  ExpectFields(h, {"customer", "as_of", "model", "projects", "rhythm", "methods", "rules", "usual_method",
                   "usual_rule", "prices", "roles", "people", "competitors", "criteria", "lessons"}, "history");
  ExpectFields(h.at("projects"), {"count", "won", "lost", "abandoned", "win_rate"}, "projects");
  ExpectFields(h.at("prices"), {"win_to_budget", "our_to_winning_lost"}, "prices");
  ExpectFields(h.at("prices").at("win_to_budget"), {"n", "mean", "min", "max"}, "win_to_budget");
  ExpectFields(h.at("prices").at("our_to_winning_lost"), {"n", "mean"}, "our_to_winning_lost");
  ExpectFields(h.at("lessons"), {"win_factor", "loss_factor"}, "lessons");
  EXPECT_EQ(h.at("customer"), "c2");
  EXPECT_EQ(h.at("projects").at("won"), 1) << "o2, closed 2025-11-20";
  EXPECT_EQ(h.at("projects").at("win_rate").to_number<double>(), 1.0);
  EXPECT_EQ(h.at("model").as_array().size(), 7u) << "the built-in default";
  EXPECT_EQ(h.at("methods").as_object().size(), 6u) << "every tender method, 0 when absent";
  EXPECT_EQ(h.at("roles").as_object().size(), 10u);
  ASSERT_EQ(h.at("rhythm").as_array().size(), 6u);
  ExpectFields(h.at("rhythm").at(0), {"from", "to", "days", "n", "source"}, "rhythm");

  auto project = rep2.Get("/api/v1/opportunities/o2/project?as_of=2025-12-31");
  ASSERT_EQ(project.status, 200) << project.body;
  const bj::value& p = project.json;
  ExpectFields(p, {"opportunity", "as_of", "people", "money", "things", "situation", "timing"}, "project");
  ExpectFields(p.at("people"), {"chain_as_of", "chain", "vendors"}, "people");
  ExpectFields(p.at("money"), {"budget", "our_bid", "winning_bid", "winner", "win_to_budget", "quotes"}, "money");
  ExpectFields(p.at("things"), {"scope", "documents"}, "things");
  ExpectFields(p.at("situation"), {"conditions", "conditions_text", "type", "method", "rule", "criteria",
                                   "weights_total", "links"}, "situation");
  ExpectFields(p.at("timing"), {"model", "milestones"}, "timing");
  EXPECT_EQ(p.at("people").at("chain_as_of"), "2025-11-19") << "the day before o2 closed";
  const bj::array& milestones = p.at("timing").at("milestones").as_array();
  ASSERT_EQ(milestones.size(), 7u);
  EXPECT_EQ(milestones[6], (bj::object{{"kind", "contract"}, {"date", "2025-11-20"}, {"expected", nullptr}}))
      << "ms1 from the bundle; a closed opportunity expects nothing";
  for (const auto& member : p.at("people").at("chain").as_array()) {
    ExpectFields(member, {"person", "role", "veto", "approve", "closeness", "solution", "price"}, "chain member");
  }

  // Visibility: as the records (404 for what the caller may not see), and employees see no figures.
  EXPECT_EQ(As("rep1").Get("/api/v1/customers/c2/history").status, 404);
  EXPECT_EQ(As("rep1").Get("/api/v1/opportunities/o2/project").status, 404);
  EXPECT_EQ(As("rep1").Get("/api/v1/opportunities/nope/project").status, 404);
  EXPECT_EQ(As("staff").Get("/api/v1/opportunities/o2/project").status, 403);
  EXPECT_EQ(As("ceo").Get("/api/v1/customers/c2/history").status, 200);
  EXPECT_EQ(rep2.Get("/api/v1/customers/comp1/history").status, 404) << "a competitor has no history";
  auto bad = rep2.Get("/api/v1/customers/c2/history?as_of=2025-13-01");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "as_of");
}

}  // namespace
}  // namespace brm::testing
