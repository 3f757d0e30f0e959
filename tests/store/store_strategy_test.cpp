// The store contract for settings, tactic templates and strategy overrides (SPEC.md §6.5). Runs against
// every backend of store_contract.hpp.
#include <gtest/gtest.h>

#include <tuple>

#include "store/store_contract.hpp"

namespace brm {
namespace {
using testing::Org;

auto Tie(const TacticTemplateRow& t) { return std::tie(t.strategy, t.owner, t.zh, t.en, t.updated_at, t.updated_by); }
auto Tie(const StrategyOverrideRow& o) { return std::tie(o.customer, o.strategy, o.reason, o.by, o.at); }

TacticTemplateRow Template(std::string strategy, std::string owner, std::string zh) {
  return {std::move(strategy), std::move(owner), std::move(zh), "en text", "2026-03-01T08:00:00Z", "u-admin"};
}

class StoreStrategy : public testing::StoreFixture {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreStrategy, ::testing::ValuesIn(testing::StoreBackends()),
                         testing::BackendName);

TEST_P(StoreStrategy, SettingsAreUpsertedAndReadAfterCommit) {
  EXPECT_FALSE(store_->Setting("strategy-thresholds"));
  auto tx = store_->Begin();
  EXPECT_FALSE(tx->FindSetting("strategy-thresholds"));
  tx->PutSetting("strategy-thresholds", R"({"drop":0.5})");
  tx->PutSetting("strategy-thresholds", R"({"drop":0.7})");
  tx->PutSetting("other", "true");
  EXPECT_EQ(tx->FindSetting("strategy-thresholds"), R"({"drop":0.7})");
  EXPECT_FALSE(store_->Setting("strategy-thresholds")) << "not before Commit";
  tx->Commit();
  EXPECT_EQ(store_->Setting("strategy-thresholds"), R"({"drop":0.7})");
  EXPECT_EQ(store_->Setting("other"), "true");
}

TEST_P(StoreStrategy, TemplatesAreKeyedByStrategyAndOwner) {
  auto tx = store_->Begin();
  tx->PutTacticTemplate(Template("wait", "", "公司·等待"));
  tx->PutTacticTemplate(Template("acquire", "u-rep1", "张伟·获取"));
  tx->PutTacticTemplate(Template("acquire", "", "公司·获取"));
  tx->PutTacticTemplate(Template("acquire", "u-rep2", "刘洋·获取"));
  TacticTemplateRow replaced = Template("wait", "", "公司·等待（新）");
  replaced.updated_by = "u-admin2";
  tx->PutTacticTemplate(replaced);
  ASSERT_TRUE(tx->FindTacticTemplate("acquire", "u-rep1"));
  EXPECT_EQ(Tie(*tx->FindTacticTemplate("acquire", "u-rep1")), Tie(Template("acquire", "u-rep1", "张伟·获取")));
  EXPECT_FALSE(tx->FindTacticTemplate("grow", ""));
  tx->Commit();
  tx.reset();

  // The company's and one user's, by strategy and with the company's first; other users' never.
  std::vector<TacticTemplateRow> mine = store_->TacticTemplates("u-rep1");
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(Tie(mine[0]), Tie(Template("acquire", "", "公司·获取")));
  EXPECT_EQ(Tie(mine[1]), Tie(Template("acquire", "u-rep1", "张伟·获取")));
  EXPECT_EQ(Tie(mine[2]), Tie(replaced));
  EXPECT_EQ(store_->TacticTemplates("u-none").size(), 2u) << "only the company's";
  EXPECT_EQ(store_->TacticTemplates("").size(), 2u);

  tx = store_->Begin();
  EXPECT_TRUE(tx->DeleteTacticTemplate("acquire", "u-rep1"));
  EXPECT_FALSE(tx->DeleteTacticTemplate("acquire", "u-rep1")) << "already deleted";
  EXPECT_FALSE(tx->DeleteTacticTemplate("grow", "u-rep2"));
  tx->Commit();
  tx.reset();
  EXPECT_EQ(store_->TacticTemplates("u-rep1").size(), 2u);
  EXPECT_EQ(store_->TacticTemplates("u-rep2").size(), 3u) << "another user's variant stays";
}

TEST_P(StoreStrategy, OverridesArePutReplacedListedAndDeleted) {
  CommitAll({Org("c1", "招商银行"), Org("c2", "西部电网"), Org("c3", "华南航空")});
  const StrategyOverrideRow first{"c2", "wait", "预算冻结到年底", "u-rep2", "2026-03-01T08:00:00Z"};
  const StrategyOverrideRow second{"c1", "grow", "新领导上任", "u-rep1", "2026-03-02T08:00:00Z"};
  const StrategyOverrideRow changed{"c2", "win_back", "竞争对手进入", "u-mgr", "2026-03-03T08:00:00Z"};
  EXPECT_FALSE(store_->StrategyOverride("c1")) << "none yet (and the store remembers that it read none)";
  auto tx = store_->Begin();
  tx->PutStrategyOverride(first);
  tx->PutStrategyOverride(second);
  tx->PutStrategyOverride(changed);
  ASSERT_TRUE(tx->FindStrategyOverride("c2"));
  EXPECT_EQ(Tie(*tx->FindStrategyOverride("c2")), Tie(changed));
  tx->Commit();
  tx.reset();

  ASSERT_TRUE(store_->StrategyOverride("c1"));
  EXPECT_EQ(Tie(*store_->StrategyOverride("c1")), Tie(second));
  EXPECT_FALSE(store_->StrategyOverride("c3"));
  std::vector<StrategyOverrideRow> all;
  store_->ForEachStrategyOverride([&](StrategyOverrideRow&& row) { all.push_back(std::move(row)); });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(Tie(all[0]), Tie(second)) << "ordered by customer";
  EXPECT_EQ(Tie(all[1]), Tie(changed));

  tx = store_->Begin();
  EXPECT_TRUE(tx->DeleteStrategyOverride("c2"));
  EXPECT_FALSE(tx->DeleteStrategyOverride("c2"));
  EXPECT_FALSE(tx->DeleteStrategyOverride("c3"));
  tx->Commit();
  tx.reset();
  EXPECT_FALSE(store_->StrategyOverride("c2"));
  EXPECT_TRUE(store_->StrategyOverride("c1"));

  // What a transaction that does not commit wrote is never read, before or after it ends.
  tx = store_->Begin();
  tx->PutStrategyOverride({"c3", "retain", "原因", "u1", "2026-03-04T08:00:00Z"});
  EXPECT_FALSE(store_->StrategyOverride("c3"));
  tx.reset();
  EXPECT_FALSE(store_->StrategyOverride("c3"));
  // A change committed after a read is read.
  tx = store_->Begin();
  tx->PutStrategyOverride({"c1", "wait", "预算冻结", "u1", "2026-03-05T08:00:00Z"});
  tx->Commit();
  tx.reset();
  ASSERT_TRUE(store_->StrategyOverride("c1"));
  EXPECT_EQ(store_->StrategyOverride("c1")->strategy, "wait");
}

TEST_P(StoreStrategy, AnOverrideOfAMissingOrganizationIsRefusedAtCommit) {
  auto tx = store_->Begin();
  tx->PutStrategyOverride({"c-missing", "grow", "原因", "u1", "2026-03-01T08:00:00Z"});
  EXPECT_THROW(tx->Commit(), StoreError);
  tx.reset();
  EXPECT_FALSE(store_->StrategyOverride("c-missing"));
}

TEST_P(StoreStrategy, AnUncommittedTransactionLeavesNoSettingTemplateOrOverride) {
  CommitAll({Org("c1", "招商银行")});
  {
    auto tx = store_->Begin();
    tx->PutSetting("strategy-thresholds", "{}");
    tx->PutTacticTemplate(Template("grow", "", "公司·提升"));
    tx->PutStrategyOverride({"c1", "grow", "原因", "u1", "2026-03-01T08:00:00Z"});
  }
  EXPECT_FALSE(store_->Setting("strategy-thresholds"));
  EXPECT_TRUE(store_->TacticTemplates("").empty());
  EXPECT_FALSE(store_->StrategyOverride("c1"));
}

}  // namespace
}  // namespace brm
