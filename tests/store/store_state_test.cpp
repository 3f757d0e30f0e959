// The store contract beyond records: the audit trail, sign-in state, password hashes,
// backup, and reading while a write is in progress. Runs against every backend of store_contract.hpp.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <tuple>

#include "store/store_contract.hpp"

namespace brm {
namespace {
using testing::Org;
using testing::Person;
using testing::TempDir;
using testing::User;
using namespace std::chrono_literals;

// The fields of an audit line, comparable as a whole.
auto Tie(const AuditEntry& e) {
  return std::tie(e.at, e.actor, e.collection, e.entity_id, e.field, e.old_value, e.new_value);
}
auto Tie(const SessionRow& s) { return std::tie(s.token_hash, s.user, s.csrf, s.created, s.last_seen); }
auto Tie(const ApiTokenRow& t) { return std::tie(t.id, t.user, t.name, t.token_hash, t.created); }

class StoreState : public testing::StoreFixture {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreState, ::testing::ValuesIn(testing::StoreBackends()),
                         testing::BackendName);

TEST_P(StoreState, HistoryReturnsAuditLinesInOrderWithOldAndNewValues) {
  const std::vector<AuditEntry> lines = {
      {"2026-01-10T08:00:00Z", "u-rep1", "people", "p1", "*", std::nullopt, R"({"name":"赵敏"})"},
      {"2026-01-11T08:00:00Z", "u-rep1", "people", "p1", "title", "null", "\"信息中心主任\""},
      {"2026-01-09T08:00:00Z", "system", "people", "p2", "*", std::nullopt, R"({"name":"钱坤"})"},
      {"2026-01-01T08:00:00Z", "u-mgr", "people", "p1", "key", "true", "false"},  // recorded last, dated first
  };
  auto tx = store_->Begin();
  for (const AuditEntry& line : lines) tx->AddAudit(line);
  tx->Commit();
  std::vector<AuditEntry> history = store_->History("people", "p1");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(Tie(history[0]), Tie(lines[0]));
  EXPECT_EQ(Tie(history[1]), Tie(lines[1]));
  EXPECT_EQ(Tie(history[2]), Tie(lines[3]));
  EXPECT_TRUE(store_->History("organizations", "p1").empty());
}

TEST_P(StoreState, RedactAuditErasesTheGivenFieldsAndTheCreationLine) {
  auto line = [](std::string id, std::string field, std::optional<std::string> old_value,
                 std::optional<std::string> new_value) {
    return AuditEntry{"2026-01-10T08:00:00Z", "u-rep1", "people", std::move(id), std::move(field),
                      std::move(old_value), std::move(new_value)};
  };
  const std::string erased = "\"[erased]\"";
  auto tx = store_->Begin();
  tx->AddAudit(line("p1", "*", std::nullopt, R"({"name":"赵敏","email":"z@example.com"})"));
  tx->AddAudit(line("p1", "name", "\"赵敏\"", "\"赵敏敏\""));
  tx->AddAudit(line("p1", "email", std::nullopt, "\"z@example.com\""));
  tx->AddAudit(line("p1", "title", "\"主任\"", "\"总监\""));
  tx->AddAudit(line("p2", "name", "\"钱坤\"", "\"钱坤坤\""));
  tx->RedactAudit("people", "p1", {"name", "email"});
  tx->Commit();
  std::vector<AuditEntry> history = store_->History("people", "p1");
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(Tie(history[0]), Tie(line("p1", "*", std::nullopt, erased)));
  EXPECT_EQ(Tie(history[1]), Tie(line("p1", "name", erased, erased)));
  EXPECT_EQ(Tie(history[2]), Tie(line("p1", "email", std::nullopt, erased))) << "a missing value stays missing";
  EXPECT_EQ(Tie(history[3]), Tie(line("p1", "title", "\"主任\"", "\"总监\"")));
  ASSERT_EQ(store_->History("people", "p2").size(), 1u);
  EXPECT_EQ(store_->History("people", "p2")[0].new_value, "\"钱坤坤\"") << "other records keep theirs";
}


TEST_P(StoreState, SessionsArePutFoundTouchedAndDeleted) {
  const SessionRow a{"hash-a", "u1", "csrf-a", 1000, 1000}, b{"hash-b", "u1", "csrf-b", 1100, 1100},
      c{"hash-c", "u2", "csrf-c", 1200, 1200};
  for (const SessionRow& s : {a, b, c}) store_->PutSession(s);
  ASSERT_TRUE(store_->FindSession("hash-a"));
  EXPECT_EQ(Tie(*store_->FindSession("hash-a")), Tie(a));
  EXPECT_FALSE(store_->FindSession("hash-x"));
  store_->TouchSession("hash-a", 1500);
  ASSERT_TRUE(store_->FindSession("hash-a"));
  EXPECT_EQ(Tie(*store_->FindSession("hash-a")), Tie(SessionRow{"hash-a", "u1", "csrf-a", 1000, 1500}));
  EXPECT_EQ(store_->FindSession("hash-b").value().last_seen, 1100) << "only the touched session changes";
  ASSERT_EQ(store_->SessionsOf("u1").size(), 2u);
  EXPECT_EQ(Tie(store_->SessionsOf("u1")[1]), Tie(b)) << "oldest first";
  EXPECT_EQ(store_->SessionsOf("u9").size(), 0u);
  store_->DeleteSession("hash-a");
  EXPECT_FALSE(store_->FindSession("hash-a"));
  store_->DeleteSessionsOf("u1");
  EXPECT_FALSE(store_->FindSession("hash-b"));
  EXPECT_TRUE(store_->FindSession("hash-c")) << "another user's session stays";
}

TEST_P(StoreState, DeletingSessionsInATransactionTakesEffectOnCommit) {
  store_->PutSession({"hash-a", "u1", "csrf-a", 1000, 1000});
  store_->Begin()->DeleteSessionsOf("u1");  // destroyed without Commit
  EXPECT_TRUE(store_->FindSession("hash-a"));
  auto tx = store_->Begin();
  tx->DeleteSessionsOf("u1");
  tx->Commit();
  EXPECT_FALSE(store_->FindSession("hash-a"));
}

TEST_P(StoreState, ApiTokensAreFoundByHashListedPerUserAndDeletedOnlyByTheirOwner) {
  const ApiTokenRow laptop{"t1", "u1", "laptop", "hash-1", 200}, ci{"t2", "u1", "ci", "hash-2", 100},
      other{"t3", "u2", "脚本", "hash-3", 50};
  for (const ApiTokenRow& t : {laptop, ci, other}) store_->PutApiToken(t);
  ASSERT_TRUE(store_->FindApiToken("hash-1"));
  EXPECT_EQ(Tie(*store_->FindApiToken("hash-1")), Tie(laptop));
  EXPECT_FALSE(store_->FindApiToken("t1")) << "found by hash, not by id";
  std::vector<ApiTokenRow> mine = store_->ApiTokensOf("u1");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(Tie(mine[0]), Tie(ci)) << "oldest first";
  EXPECT_EQ(Tie(mine[1]), Tie(laptop));
  EXPECT_FALSE(store_->DeleteApiToken("u2", "t1")) << "another user's token";
  EXPECT_FALSE(store_->DeleteApiToken("u1", "t9")) << "an unknown token";
  EXPECT_TRUE(store_->DeleteApiToken("u1", "t1"));
  EXPECT_FALSE(store_->DeleteApiToken("u1", "t1")) << "already deleted";
  EXPECT_FALSE(store_->FindApiToken("hash-1"));
  ASSERT_EQ(store_->ApiTokensOf("u1").size(), 1u);
  EXPECT_EQ(store_->ApiTokensOf("u1")[0].id, "t2");
  EXPECT_EQ(store_->ApiTokensOf("u2").size(), 1u);
  EXPECT_TRUE(store_->ApiTokensOf("u9").empty());
}

TEST_P(StoreState, SetPasswordHashInsertsOrReplacesOnCommit) {
  CommitAll({Org("org-ours", "华信科技", "ours"), Person("e1", "org-ours", "张伟"), User("u1", "e1")});
  EXPECT_FALSE(store_->PasswordHash("u1"));
  auto tx = store_->Begin();
  tx->SetPasswordHash("u1", "hash-one");
  EXPECT_EQ(tx->PasswordHash("u1"), "hash-one");
  EXPECT_FALSE(store_->PasswordHash("u1")) << "not before Commit";
  tx->Commit();
  tx.reset();  // Begin() waits for the previous transaction to be destroyed
  tx = store_->Begin();
  tx->SetPasswordHash("u1", "hash-two");
  tx->Commit();
  tx.reset();
  EXPECT_EQ(store_->PasswordHash("u1"), "hash-two");
  EXPECT_FALSE(store_->PasswordHash("u2"));
}

TEST_P(StoreState, BackupWritesAStoreWithTheSameCommittedData) {
  CommitAll({Org("org-ours", "华信科技", "ours"), Person("e1", "org-ours", "张伟"), User("u1", "e1"),
             Org("c1", "招商银行"), Person("p1", "c1", "赵敏")});
  auto tx = store_->Begin();
  tx->SetPasswordHash("u1", "$argon2id$hash");
  tx->AddAudit({"2026-01-10T08:00:00Z", "u1", "organizations", "c1", "*", std::nullopt, "{}"});
  tx->Commit();
  tx.reset();
  tx = store_->Begin();
  tx->Insert(Org("c2", "未提交"));  // still open while the backup runs
  TempDir backup_dir;
  {
    std::ofstream earlier(backup_dir / "brm.db");
    earlier << "an earlier backup, replaced only once the new one is complete";
  }
  store_->Backup(backup_dir / "brm.db");  // where the backend's open() finds it
  tx.reset();
  EXPECT_FALSE(std::filesystem::exists(backup_dir / "brm.db.partial")) << "written beside, then renamed";
  EXPECT_EQ(store_->IntegrityCheck(), "ok");
  auto copy = GetParam().open(backup_dir.path());
  EXPECT_EQ(copy->IntegrityCheck(), "ok");
  for (const EntitySpec* spec : AllSpecs()) {
    std::vector<Record> original, copied;
    store_->ForEach(spec->kind, [&](Record&& r) { original.push_back(std::move(r)); });
    copy->ForEach(spec->kind, [&](Record&& r) { copied.push_back(std::move(r)); });
    EXPECT_EQ(copied, original) << spec->collection;
  }
  EXPECT_EQ(copy->Count(Kind::kOrganization), 2u) << "the uncommitted c2 is not in the copy";
  EXPECT_EQ(copy->Count(Kind::kPerson), 2u);
  EXPECT_EQ(copy->PasswordHash("u1"), "$argon2id$hash");
  EXPECT_EQ(copy->History("organizations", "c1").size(), 1u);
}

TEST_P(StoreState, ReadsOnOtherThreadsProceedWhileAWriteTransactionIsOpen) {
  CommitAll({Org("c1", "旧名")});
  auto read_on_another_thread = [&] {
    return std::async(std::launch::async, [&] {
      return std::make_tuple(store_->Get(Kind::kOrganization, "c1"),
                             store_->Get(Kind::kOrganization, "c2"),
                             store_->List(Kind::kOrganization, {}).total);
    });
  };
  auto tx = store_->Begin();
  tx->Update(Org("c1", "新名"));
  tx->Insert(Org("c2", "乙"));
  auto during = read_on_another_thread();
  const bool quick = during.wait_for(2s) == std::future_status::ready;  // a blocked reader would wait 10 s
  EXPECT_TRUE(quick) << "the reader waited for the writer";
  if (!quick) tx.reset();
  auto [c1, c2, total] = during.get();
  EXPECT_EQ(c1, Org("c1", "旧名"));
  EXPECT_FALSE(c2);
  EXPECT_EQ(total, 1u);
  if (!tx) return;
  tx->Commit();
  tx.reset();
  auto [c1_after, c2_after, total_after] = read_on_another_thread().get();
  EXPECT_EQ(c1_after, Org("c1", "新名"));
  EXPECT_EQ(c2_after, Org("c2", "乙"));
  EXPECT_EQ(total_after, 2u);
}

TEST_P(StoreState, ASecondWriteTransactionWaitsForTheFirstToEnd) {
  auto first = store_->Begin();
  first->Insert(Org("c1", "甲"));
  auto second = std::async(std::launch::async, [&] {
    auto tx = store_->Begin();
    const bool saw_first = tx->Find(Kind::kOrganization, "c1").has_value();
    tx->Insert(Org("c2", "乙"));
    tx->Commit();
    return saw_first;
  });
  EXPECT_EQ(second.wait_for(300ms), std::future_status::timeout) << "Begin did not wait for the open transaction";
  first->Commit();
  first.reset();
  EXPECT_TRUE(second.get()) << "the second transaction began after the first committed";
  EXPECT_EQ(store_->Count(Kind::kOrganization), 2u);
}

}  // namespace
}  // namespace brm
