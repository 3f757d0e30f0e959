// The upgrade of a data directory written by a build that kept the project-history arrays verbatim
// (schema 2, table bundle_extras) to records of their own (schema 3; issue 10).
#include "service/upgrade.hpp"

#include <gtest/gtest.h>

#include "domain/schema.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "support/temp_dir.hpp"

namespace brm {
namespace {

// A schema-2 data directory: one customer with a won opportunity, the competitor, and `extras` as
// bundle_extras rows (array, id, JSON body).
void WriteSchema2(const testing::TempDir& dir, const std::vector<std::array<std::string, 3>>& extras) {
  sqlite::Connection db(dir / "brm.db", 1000);
  sqlite::Migrate(db, {}, 2);
  db.Exec(R"sql(
INSERT INTO organizations (id, name, kind, focus) VALUES ('c1', '西部电网', 'customer', 0);
INSERT INTO organizations (id, name, kind, focus) VALUES ('comp1', '东方软件', 'competitor', 0);
INSERT INTO opportunities (id, customer, name, status, type, opened, closed, focus)
  VALUES ('o2', 'c1', '调度平台', 'won', 'new', '2025-03-01', '2025-11-20', 0);
)sql");
  for (const auto& [array, id, body] : extras) {
    sqlite::Statement stmt = db.Prepare("INSERT INTO bundle_extras (array, id, body) VALUES (?1, ?2, ?3)");
    stmt.Bind(1, array).Bind(2, id).Bind(3, body).Run();
  }
}

int SchemaVersion(const testing::TempDir& dir) {
  sqlite::Connection db(dir / "brm.db", 1000);
  sqlite::Statement stmt = db.Prepare("PRAGMA user_version");
  return stmt.Step() ? static_cast<int>(stmt.Int(0)) : -1;
}

int ExtrasLeft(const testing::TempDir& dir) {
  sqlite::Connection db(dir / "brm.db", 1000);
  sqlite::Statement stmt = db.Prepare("SELECT count(*) FROM bundle_extras");
  return stmt.Step() ? static_cast<int>(stmt.Int(0)) : -1;
}

TEST(Upgrade, VerbatimProjectHistoryRecordsBecomeRecords) {
  testing::TempDir dir;
  WriteSchema2(dir, {
      {"milestones", "ms1", R"({"id":"ms1","opportunity":"o2","kind":"contract","date":"2025-11-20"})"},
      {"quotes", "q1", R"({"id":"q1","opportunity":"o2","round":1,"org":"comp1","price":980000,"date":"2025-09-01"})"},
      {"lessons", "l1", R"({"id":"l1","opportunity":"o2","kind":"win_factor","tags":["教练","方案"],"date":"2025-11-25"})"},
      {"criteria", "k1", R"({"id":"k1","opportunity":"o2","item":"技术方案","weight":100})"},
  });
  auto store = OpenSqliteStore(WithUpgrades(StoreConfig{.data_dir = dir.path()}));
  auto milestone = store->Get(Kind::kMilestone, "ms1");
  ASSERT_TRUE(milestone);
  EXPECT_EQ(milestone->Text(fields::milestone::kKind), "contract");
  auto quote = store->Get(Kind::kQuote, "q1");
  ASSERT_TRUE(quote);
  EXPECT_EQ(quote->Number(fields::quote::kPrice), 980000);
  EXPECT_EQ(quote->Number(fields::quote::kRound), 1);
  auto lesson = store->Get(Kind::kLesson, "l1");
  ASSERT_TRUE(lesson);
  EXPECT_EQ(ListItems(lesson->Text(fields::lesson::kTags)), (std::vector<std::string_view>{"教练", "方案"}));
  EXPECT_EQ(store->Count(Kind::kCriterion), 1u);
  auto opp = store->Get(Kind::kOpportunity, "o2");
  ASSERT_TRUE(opp);
  EXPECT_EQ(opp->Text(fields::opp::kMethod), "unknown") << "the new opportunity fields take their defaults";
  EXPECT_EQ(opp->Text(fields::opp::kConditions), "");
  store.reset();
  EXPECT_EQ(SchemaVersion(dir), sqlite::LatestSchemaVersion());
}

TEST(Upgrade, ARecordThatDoesNotValidateStopsTheUpgradeNamingItAndChangesNothing) {
  testing::TempDir dir;
  WriteSchema2(dir, {
      {"milestones", "ms1", R"({"id":"ms1","opportunity":"o2","kind":"contract","date":"2025-11-20"})"},
      {"quotes", "q-bad", R"({"id":"q-bad","opportunity":"o2","round":1,"org":"c1","price":5,"date":"2025-09-01"})"},
  });
  try {
    OpenSqliteStore(WithUpgrades(StoreConfig{.data_dir = dir.path()}));
    FAIL() << "the upgrade went through";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot upgrade the data directory: the project-history record \"q-bad\" of \"quotes\" is not valid "
              "(field \"org\"): A quote is ours or a competitor's. Nothing was changed; correct or remove that "
              "record with the brm that wrote it.");
  }
  EXPECT_EQ(SchemaVersion(dir), 2) << "an older brm still opens it";
  EXPECT_EQ(ExtrasLeft(dir), 2);
}

TEST(Upgrade, AMilestoneOfAKindOutsideTheDefaultModelIsRefused) {
  testing::TempDir dir;
  WriteSchema2(dir, {{"milestones", "ms9", R"({"id":"ms9","opportunity":"o2","kind":"kickoff","date":"2025-04-01"})"}});
  EXPECT_THROW(OpenSqliteStore(WithUpgrades(StoreConfig{.data_dir = dir.path()})), StoreError);
  EXPECT_EQ(SchemaVersion(dir), 2);
}

TEST(Upgrade, WithoutTheConverterADirectoryWithVerbatimRecordsIsRefused) {
  testing::TempDir dir;
  WriteSchema2(dir, {{"milestones", "ms1", R"({"id":"ms1","opportunity":"o2","kind":"contract","date":"2025-11-20"})"}});
  EXPECT_THROW(OpenSqliteStore(StoreConfig{.data_dir = dir.path()}), StoreError);
  EXPECT_EQ(SchemaVersion(dir), 2);
}

TEST(Upgrade, AnEmptySchema2DirectoryUpgradesWithoutAConverter) {
  testing::TempDir dir;
  WriteSchema2(dir, {});
  auto store = OpenSqliteStore(StoreConfig{.data_dir = dir.path()});
  EXPECT_EQ(store->Count(Kind::kOpportunity), 1u);
  store.reset();
  EXPECT_EQ(SchemaVersion(dir), sqlite::LatestSchemaVersion());
}

}  // namespace
}  // namespace brm
