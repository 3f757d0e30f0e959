#include "service/strategy_settings.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "service/bundle.hpp"
#include "service/figures.hpp"
#include "service/tactic_seeds.hpp"
#include "support/temp_dir.hpp"

namespace brm {
namespace {
namespace bj = boost::json;

// The fixture's users (tests/fixtures/small_bundle.json): u-mgr manages t-east (u-mgr, u-rep1); c1 is
// u-rep1's customer, c2 u-rep2's; comp1 is a competitor.
const Actor kAdmin{"u-admin", "e-admin", "", Role::kAdmin};
const Actor kCeo{"u-ceo", "e-ceo", "t-root", Role::kExecutive};
const Actor kManager{"u-mgr", "e-mgr", "t-east", Role::kManager};
const Actor kRep1{"u-rep1", "e-rep1", "t-east", Role::kRep};
const Actor kRep2{"u-rep2", "e-rep2", "t-west", Role::kRep};
const Actor kStaff{"u-staff", "e-staff", "", Role::kEmployee};

class StrategySettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(BRM_FIXTURES) + "/small_bundle.json");
    std::stringstream text;
    text << in.rdbuf();
    // Without passwords: hashing them would only slow every test down.
    auto source = ParseBundle(std::regex_replace(text.str(), std::regex(R"(, "password": "[^"]*")"), ""));
    ASSERT_TRUE(source.ok()) << source.error().message;
    auto report = ImportBundle(*store_, "system", **source);
    ASSERT_TRUE(report.ok()) << report.error().message;
    engine_.Replace(LoadGraph(*store_));
  }

  template <typename T>
  static ErrorCode Code(const Result<T>& result) {
    EXPECT_FALSE(result.ok());
    return result.ok() ? ErrorCode::kInvalid : result.error().code;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_ = OpenSqliteStore(StoreConfig{.data_dir = dir_.path()});
  engine::Engine engine_;
  StrategySettings settings_{*store_, &engine_};
};

TEST_F(StrategySettingsTest, TheSeedsCoverTheFiveStrategiesInOrder) {
  ASSERT_EQ(TacticSeeds().size(), std::size(kStrategies));
  for (size_t i = 0; i < std::size(kStrategies); ++i) {
    EXPECT_EQ(TacticSeeds()[i].strategy, kStrategies[i]);
    EXPECT_FALSE(TacticSeeds()[i].zh.empty());
    EXPECT_FALSE(TacticSeeds()[i].en.empty());
    EXPECT_EQ(FindTacticSeed(kStrategies[i]), &TacticSeeds()[i]);
  }
  EXPECT_EQ(FindTacticSeed("attack"), nullptr);
}

TEST_F(StrategySettingsTest, ThresholdsAreTheSpecificationsUntilAnAdminSetsThem) {
  EXPECT_EQ(settings_.Thresholds(), (StrategyThresholds{3, 0.8, 0.5, 3}));
  std::vector<StrategyThresholds> told;
  settings_.OnThresholdsChanged([&](const StrategyThresholds& t) { told.push_back(t); });
  const bj::object body{{"min_key_persons", 4}, {"profiled_share", 0.8}, {"drop", 0.75}, {"drop_months", 6}};
  auto set = settings_.SetThresholds(kAdmin, body);
  ASSERT_TRUE(set.ok()) << set.error().message;
  const StrategyThresholds expected{4, 0.8, 0.75, 6};
  EXPECT_EQ(*set, expected);
  EXPECT_EQ(settings_.Thresholds(), expected);
  EXPECT_EQ(told, std::vector<StrategyThresholds>{expected});
  // Three keys changed, profiled_share did not.
  const std::vector<AuditEntry> history = store_->History("settings", "strategy-thresholds");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].field, "min_key_persons");
  EXPECT_EQ(history[0].old_value, "3");
  EXPECT_EQ(history[0].new_value, "4");
  EXPECT_EQ(history[1].field, "drop");
  EXPECT_EQ(history[2].actor, "u-admin");
}

TEST_F(StrategySettingsTest, OnlyAdminsSetThresholdsAndBadValuesNameTheirKey) {
  int told = 0;
  settings_.OnThresholdsChanged([&](const StrategyThresholds&) { ++told; });
  const bj::object body{{"min_key_persons", 4}, {"profiled_share", 0.8}, {"drop", 0.5}, {"drop_months", 3}};
  for (const Actor& actor : {kCeo, kManager, kRep1, kStaff}) {
    EXPECT_EQ(Code(settings_.SetThresholds(actor, body)), ErrorCode::kForbidden) << actor.user;
  }
  auto bad = settings_.SetThresholds(kAdmin, {{"min_key_persons", 4}, {"profiled_share", 0.8}, {"drop", 0.5}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().field, "drop_months");
  EXPECT_EQ(settings_.Thresholds(), StrategyThresholds{});
  EXPECT_EQ(told, 0);
}

TEST_F(StrategySettingsTest, EveryStrategyStartsWithTheSeededCompanyTemplate) {
  auto templates = settings_.Templates(kRep1);
  ASSERT_TRUE(templates.ok());
  ASSERT_EQ(templates->size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const StrategyTactics& tactics = (*templates)[i];
    EXPECT_EQ(tactics.strategy, kStrategies[i]);
    EXPECT_EQ(tactics.company.zh, TacticSeeds()[i].zh);
    EXPECT_EQ(tactics.company.en, TacticSeeds()[i].en);
    EXPECT_EQ(tactics.company.updated_at, "") << "never edited";
    EXPECT_FALSE(tactics.personal);
  }
  EXPECT_NE((*templates)[0].company.zh.find("带领客户参观案例和公司"), std::string::npos) << "the article's tactic";
  EXPECT_EQ(Code(settings_.Templates(kStaff)), ErrorCode::kForbidden);
}

TEST_F(StrategySettingsTest, AnAdminEditsTheCompanyTemplateForEveryone) {
  auto set = settings_.SetCompanyTemplate(kAdmin, "wait", "保持联系，等待时机。", "Keep in touch; wait.");
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->company.updated_by, "u-admin");
  EXPECT_FALSE(set->company.updated_at.empty());
  auto seen = settings_.Template(kRep2, "wait");
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->company.zh, "保持联系，等待时机。");
  EXPECT_EQ(seen->company.en, "Keep in touch; wait.");
  const std::vector<AuditEntry> history = store_->History("tactic-templates", "wait");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].field, "zh");
  EXPECT_EQ(history[1].new_value, "\"Keep in touch; wait.\"");

  for (const Actor& actor : {kCeo, kManager, kRep1, kStaff}) {
    EXPECT_EQ(Code(settings_.SetCompanyTemplate(actor, "wait", "改", "x")), ErrorCode::kForbidden) << actor.user;
  }
  auto unknown = settings_.SetCompanyTemplate(kAdmin, "attack", "进攻", "Attack");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "strategy");
  auto empty = settings_.SetCompanyTemplate(kAdmin, "wait", "", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "zh");
  auto longer = settings_.SetCompanyTemplate(kAdmin, "wait", "短", std::string(kMaxTemplateText + 1, 'x'));
  ASSERT_FALSE(longer.ok());
  EXPECT_EQ(longer.error().field, "en");
  EXPECT_TRUE(settings_.SetCompanyTemplate(kAdmin, "wait", "", "English only").ok()) << "one language is enough";
}

TEST_F(StrategySettingsTest, APersonalVariantIsSeenOnlyByItsOwnerUntilDeleted) {
  auto set = settings_.SetPersonalTemplate(kRep1, "grow", "先摸清年度预算。", "Learn the budget first.");
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_TRUE(set->personal);
  EXPECT_EQ(set->personal->zh, "先摸清年度预算。");
  EXPECT_EQ(set->company.zh, FindTacticSeed("grow")->zh) << "the company template is unchanged";
  auto mine = settings_.Templates(kRep1);
  ASSERT_TRUE(mine.ok());
  ASSERT_TRUE((*mine)[1].personal);
  EXPECT_EQ((*mine)[1].personal->en, "Learn the budget first.");
  EXPECT_FALSE((*mine)[0].personal);
  auto theirs = settings_.Templates(kRep2);
  ASSERT_TRUE(theirs.ok());
  EXPECT_FALSE((*theirs)[1].personal);

  EXPECT_TRUE(settings_.SetPersonalTemplate(kCeo, "grow", "高层拜访", "Executive visit").ok());
  EXPECT_EQ(Code(settings_.SetPersonalTemplate(kStaff, "grow", "x", "x")), ErrorCode::kForbidden);
  EXPECT_EQ(Code(settings_.SetPersonalTemplate(kRep1, "Grow", "x", "x")), ErrorCode::kNotFound);

  auto deleted = settings_.DeletePersonalTemplate(kRep1, "grow");
  ASSERT_TRUE(deleted.ok());
  EXPECT_FALSE(deleted->personal);
  EXPECT_EQ(Code(settings_.DeletePersonalTemplate(kRep1, "grow")), ErrorCode::kNotFound) << "already deleted";
  EXPECT_TRUE(settings_.Template(kCeo, "grow")->personal) << "another user's variant stays";
}

TEST_F(StrategySettingsTest, AnOverrideIsSetByWhoeverMayWriteTheCustomer) {
  auto set = settings_.SetOverride(kRep1, "c1", "wait", "客户预算冻结到年底");
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->customer, "c1");
  EXPECT_EQ(set->strategy, "wait");
  EXPECT_EQ(set->by, "u-rep1");
  EXPECT_FALSE(set->at.empty());
  for (const Actor& actor : {kRep1, kManager, kCeo, kAdmin}) {
    auto seen = settings_.Override(actor, "c1");
    ASSERT_TRUE(seen.ok()) << actor.user;
    EXPECT_EQ(seen->reason, "客户预算冻结到年底");
  }
  // Hidden customers, and organizations that are not customers, are not found.
  EXPECT_EQ(Code(settings_.Override(kRep2, "c1")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.SetOverride(kRep2, "c1", "grow", "想接手")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.ClearOverride(kRep2, "c1")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.SetOverride(kManager, "c2", "grow", "理由")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.SetOverride(kAdmin, "comp1", "grow", "理由")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.SetOverride(kAdmin, "no-such", "grow", "理由")), ErrorCode::kNotFound);
  EXPECT_EQ(Code(settings_.SetOverride(kStaff, "c1", "grow", "理由")), ErrorCode::kForbidden);
  EXPECT_EQ(Code(settings_.Override(kStaff, "c1")), ErrorCode::kForbidden);

  EXPECT_TRUE(settings_.SetOverride(kManager, "c1", "win_back", "竞争对手进入").ok());
  EXPECT_EQ(settings_.Override(kRep1, "c1")->by, "u-mgr");
  EXPECT_TRUE(settings_.SetOverride(kCeo, "c2", "retain", "战略客户").ok());
  EXPECT_EQ(Code(settings_.Override(kRep1, "c2")), ErrorCode::kNotFound);
  EXPECT_EQ(settings_.Override(kRep2, "c2")->strategy, "retain");
}

TEST_F(StrategySettingsTest, AnOverrideNeedsAStrategyWordAndAReason) {
  auto check = [&](std::string_view strategy, std::string_view reason, const char* field) {
    auto result = settings_.SetOverride(kRep1, "c1", strategy, reason);
    ASSERT_FALSE(result.ok()) << field;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(result.error().field, field);
  };
  check("attack", "理由", "strategy");
  check("", "理由", "strategy");
  check("grow", "", "reason");
  check("grow", " \n\t", "reason");
  check("grow", std::string(kMaxOverrideReason + 1, 'x'), "reason");
  EXPECT_TRUE(settings_.SetOverride(kRep1, "c1", "grow", std::string(kMaxOverrideReason, 'x')).ok());
}

TEST_F(StrategySettingsTest, OverridesKeepTheirHistoryInTheAuditTrail) {
  EXPECT_EQ(Code(settings_.ClearOverride(kRep1, "c1")), ErrorCode::kNotFound) << "nothing to clear";
  ASSERT_TRUE(settings_.SetOverride(kRep1, "c1", "wait", "预算冻结").ok());
  ASSERT_TRUE(settings_.SetOverride(kRep1, "c1", "wait", "预算冻结").ok());  // the same again: no new lines
  ASSERT_TRUE(settings_.SetOverride(kRep1, "c1", "grow", "预算冻结").ok());
  auto cleared = settings_.ClearOverride(kManager, "c1");
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->strategy, "grow");
  EXPECT_EQ(Code(settings_.Override(kRep1, "c1")), ErrorCode::kNotFound);

  const std::vector<AuditEntry> history = store_->History("strategy-overrides", "c1");
  ASSERT_EQ(history.size(), 5u);
  auto line = [](const AuditEntry& e) {
    return e.actor + " " + e.field + " " + e.old_value.value_or("-") + " → " + e.new_value.value_or("-");
  };
  EXPECT_EQ(line(history[0]), "u-rep1 strategy null → \"wait\"");
  EXPECT_EQ(line(history[1]), "u-rep1 reason null → \"预算冻结\"");
  EXPECT_EQ(line(history[2]), "u-rep1 strategy \"wait\" → \"grow\"");
  EXPECT_EQ(line(history[3]), "u-mgr strategy \"grow\" → null");
  EXPECT_EQ(line(history[4]), "u-mgr reason \"预算冻结\" → null");
}

}  // namespace
}  // namespace brm
