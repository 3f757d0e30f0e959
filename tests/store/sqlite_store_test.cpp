// The SQLite backend's own promises about its file (pragmas, schema version, tables), and the store
// contract for records (transactions and list queries), run against every backend of store_contract.hpp.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "domain/schema.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/store_contract.hpp"
#include "support/temp_dir.hpp"

namespace brm {
namespace {
namespace f = fields;
using testing::Org;
using testing::Person;
using testing::TempDir;

// A plain sqlite3 connection to the store's file, to inspect what the Store interface does not expose.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK) << path;
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Column `column` of every row `sql` returns, as text.
  std::vector<std::string> Rows(const std::string& sql, int column = 0) {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
      out.emplace_back(text ? text : "");
    }
    sqlite3_finalize(stmt);
    return out;
  }
  std::string One(const std::string& sql) {
    auto rows = Rows(sql);
    return rows.empty() ? "<no row>" : rows.front();
  }

 private:
  sqlite3* db_ = nullptr;
};

// ---- SQLite's own file ----

TEST(SqliteStore, OpeningCreatesTheDataDirAndAWalDatabaseAtTheLatestSchemaVersion) {
  TempDir dir;
  const std::string data_dir = dir / "nested/data";
  auto store = OpenSqliteStore(StoreConfig{.data_dir = data_dir});
  ASSERT_TRUE(std::filesystem::exists(data_dir + "/brm.db"));
  RawDb raw(data_dir + "/brm.db");
  EXPECT_EQ(raw.One("PRAGMA journal_mode"), "wal") << "WAL is a property of the file";
  EXPECT_EQ(raw.One("PRAGMA user_version"), std::to_string(sqlite::LatestSchemaVersion()));
  EXPECT_GE(sqlite::LatestSchemaVersion(), 1);
}

TEST(SqliteStore, EveryConnectionHasFullSyncAndForeignKeysOn) {
  // synchronous and foreign_keys are per connection, so they are read on a Connection, the class the
  // store opens all of its connections with (the contract test CommitRefusesADanglingReference checks
  // that the store's own connections enforce foreign keys).
  TempDir dir;
  auto store = OpenSqliteStore(StoreConfig{.data_dir = dir.path()});
  sqlite::Connection connection(dir / "brm.db", 1000);
  auto pragma = [&](const std::string& name) {
    sqlite::Statement stmt = connection.Prepare("PRAGMA " + name);
    EXPECT_TRUE(stmt.Step()) << name;
    return stmt.Text(0);
  };
  EXPECT_EQ(pragma("journal_mode"), "wal");
  EXPECT_EQ(pragma("synchronous"), "2") << "FULL";
  EXPECT_EQ(pragma("foreign_keys"), "1");
}

TEST(SqliteStore, EveryKindsTableHasExactlyRidIdAndTheCatalogueFieldsWithMatchingTypes) {
  TempDir dir;
  OpenSqliteStore(StoreConfig{.data_dir = dir.path()}).reset();
  RawDb raw(dir / "brm.db");
  // The declared type fixes the column's affinity: a TEXT column keeps "0755" as text, a REAL one 3500000.0.
  auto declared = [](FieldType type) {
    return type == FieldType::kBool ? "INTEGER" : type == FieldType::kNumber ? "REAL" : "TEXT";
  };
  for (const EntitySpec* spec : AllSpecs()) {
    std::vector<std::string> names = {"rid", "id"}, types = {"INTEGER", "TEXT"};
    for (const FieldSpec& field : spec->fields) {
      names.emplace_back(field.name);
      types.emplace_back(declared(field.type));
    }
    const std::string sql = "PRAGMA table_info(" + std::string(spec->table) + ")";
    EXPECT_EQ(raw.Rows(sql, 1), names) << spec->table;
    EXPECT_EQ(raw.Rows(sql, 2), types) << spec->table;
  }
}

TEST(SqliteStore, ReopeningKeepsTheDataAndDoesNotRerunMigrations) {
  TempDir dir;
  auto store = OpenSqliteStore(StoreConfig{.data_dir = dir.path()});
  auto tx = store->Begin();
  tx->Insert(Org("c1", "招商银行"));
  tx->Commit();
  tx.reset();
  store.reset();
  std::vector<std::string> schema = RawDb(dir / "brm.db").Rows("SELECT sql FROM sqlite_master ORDER BY name");
  // Migration 1 uses plain CREATE TABLE: running it again would throw instead of opening.
  store = OpenSqliteStore(StoreConfig{.data_dir = dir.path()});
  EXPECT_EQ(store->Get(Kind::kOrganization, "c1"), Org("c1", "招商银行"));
  RawDb raw(dir / "brm.db");
  EXPECT_EQ(raw.One("PRAGMA user_version"), std::to_string(sqlite::LatestSchemaVersion()));
  EXPECT_EQ(raw.Rows("SELECT sql FROM sqlite_master ORDER BY name"), schema);
}

TEST(SqliteStore, AVersionOneDatabaseGetsTheStrategyTablesAndKeepsItsData) {
  TempDir dir;
  {
    // What a build before migration 2 left behind.
    sqlite::Connection db(dir / "brm.db", 1000);
    sqlite::Migrate(db, {}, 1);
    db.Exec("INSERT INTO organizations (id, name, kind, focus) VALUES ('c1', '招商银行', 'customer', 0)");
  }
  auto store = OpenSqliteStore(StoreConfig{.data_dir = dir.path()});
  EXPECT_EQ(RawDb(dir / "brm.db").One("PRAGMA user_version"), std::to_string(sqlite::LatestSchemaVersion()));
  EXPECT_EQ(store->Get(Kind::kOrganization, "c1"), Org("c1", "招商银行"));
  auto tx = store->Begin();
  tx->PutSetting("strategy-thresholds", "{}");
  tx->PutStrategyOverride({"c1", "grow", "新领导上任", "u1", "2026-03-01T08:00:00Z"});
  tx->Commit();
  tx.reset();
  EXPECT_EQ(store->Setting("strategy-thresholds"), "{}");
  EXPECT_TRUE(store->StrategyOverride("c1"));
}

TEST(SqliteStore, ADatabaseFromANewerBuildIsRefused) {
  TempDir dir;
  OpenSqliteStore(StoreConfig{.data_dir = dir.path()}).reset();
  RawDb(dir / "brm.db").Rows("PRAGMA user_version = " + std::to_string(sqlite::LatestSchemaVersion() + 1));
  EXPECT_THROW(OpenSqliteStore(StoreConfig{.data_dir = dir.path()}), StoreError);
}

// ---- The contract for records, for every backend ----

class StoreRecords : public testing::StoreFixture {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreRecords, ::testing::ValuesIn(testing::StoreBackends()),
                         testing::BackendName);

TEST_P(StoreRecords, InsertThenFindReturnsAnEqualRecord) {
  Record org = Org("c1", "招商银行深圳分行");
  org.values[f::org::kRegion] = std::string("华东");
  org.values[f::org::kFocus] = true;
  org.values[f::org::kSince] = std::string("2024-01-01");
  Record person = Person("p1", "c1", "赵敏");
  person.values[f::person::kKey] = false;
  person.values[f::person::kPhone] = std::string("0755");  // text that looks like a number stays text
  person.values[f::person::kNotes] = std::string("他说:\"好\"\n下周见");
  Record opp = BlankRecord(Kind::kOpportunity);
  opp.id = "o1";
  opp.values[f::opp::kCustomer] = std::string("c1");
  opp.values[f::opp::kName] = std::string("调度平台");
  opp.values[f::opp::kAmount] = 1200000.5;
  opp.values[f::opp::kWinProbability] = 0.6;
  opp.values[f::opp::kOpened] = std::string("2025-03-01");
  opp.values[f::opp::kFocus] = true;
  ASSERT_TRUE(opp.IsNull(f::opp::kClosed) && opp.IsNull(f::opp::kOwner));

  auto tx = store_->Begin();
  for (const Record& r : {org, person, opp}) tx->Insert(r);
  EXPECT_EQ(tx->Find(Kind::kOrganization, "c1"), org);
  EXPECT_EQ(tx->Find(Kind::kPerson, "p1"), person);
  EXPECT_EQ(tx->Find(Kind::kOpportunity, "o1"), opp);
  EXPECT_EQ(tx->Find(Kind::kPerson, "p9"), std::nullopt);
  EXPECT_EQ(tx->Find(Kind::kOrganization, "p1"), std::nullopt) << "ids are looked up within one kind";
  tx->Commit();
  EXPECT_EQ(store_->Get(Kind::kOpportunity, "o1"), opp);
  EXPECT_EQ(store_->Get(Kind::kPerson, "p1"), person);
}

TEST_P(StoreRecords, FindByReturnsEveryMatchInRecordingOrder) {
  auto tx = store_->Begin();
  for (const Record& r : {Org("c1", "甲"), Org("c2", "乙"), Person("p2", "c1", "钱坤"), Person("p1", "c1", "赵敏"),
                          Person("p3", "c2", "周强")}) {
    tx->Insert(r);
  }
  std::vector<Record> found = tx->FindBy(Kind::kPerson, f::person::kOrg, "c1");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], Person("p2", "c1", "钱坤"));
  EXPECT_EQ(found[1], Person("p1", "c1", "赵敏"));
  EXPECT_TRUE(tx->FindBy(Kind::kPerson, f::person::kOrg, "c9").empty());
}

TEST_P(StoreRecords, UpdateReplacesEveryField) {
  Record org = Org("c1", "旧名");
  org.values[f::org::kIndustry] = std::string("金融");
  CommitAll({org});
  org.values[f::org::kName] = std::string("新名");
  org.values[f::org::kIndustry] = Value{};
  org.values[f::org::kFocus] = true;
  org.values[f::org::kUntil] = std::string("2026-01-01");
  auto tx = store_->Begin();
  tx->Update(org);
  EXPECT_EQ(tx->Find(Kind::kOrganization, "c1"), org);
  EXPECT_THROW(tx->Update(Org("c9", "无")), StoreError) << "updating a missing record";
  tx->Commit();
  EXPECT_EQ(store_->Get(Kind::kOrganization, "c1"), org);
}

TEST_P(StoreRecords, ATransactionDestroyedWithoutCommitRollsBack) {
  CommitAll({Org("c1", "甲")});
  {
    auto tx = store_->Begin();
    tx->Insert(Org("c2", "乙"));
    tx->Update(Org("c1", "改"));
  }
  EXPECT_EQ(store_->Count(Kind::kOrganization), 1u);
  EXPECT_EQ(store_->Get(Kind::kOrganization, "c1"), Org("c1", "甲"));
  EXPECT_EQ(store_->Get(Kind::kOrganization, "c2"), std::nullopt);
  CommitAll({Org("c3", "丙")});  // the writer is free again
  EXPECT_EQ(store_->Count(Kind::kOrganization), 2u);
}

TEST_P(StoreRecords, CommitMakesRecordsVisibleToGetAndList) {
  auto tx = store_->Begin();
  tx->Insert(Org("c1", "甲"));
  EXPECT_EQ(store_->Get(Kind::kOrganization, "c1"), std::nullopt) << "not before Commit";
  EXPECT_EQ(store_->List(Kind::kOrganization, {}).total, 0u);
  tx->Commit();
  EXPECT_EQ(store_->Get(Kind::kOrganization, "c1"), Org("c1", "甲"));
  Page page = store_->List(Kind::kOrganization, {});
  EXPECT_EQ(page.total, 1u);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0], Org("c1", "甲"));
}

TEST_P(StoreRecords, CommitRefusesADanglingReference) {
  auto tx = store_->Begin();
  tx->Insert(Person("p1", "c-missing", "赵敏"));
  EXPECT_THROW(tx->Commit(), StoreError);
  tx.reset();
  EXPECT_EQ(store_->Count(Kind::kPerson), 0u);
  CommitAll({Person("p1", "c1", "赵敏"), Org("c1", "甲")});  // a reference may point forward within a transaction
  EXPECT_EQ(store_->Count(Kind::kPerson), 1u);
}

TEST_P(StoreRecords, ListPagesInRecordingOrderAndCountsBeforePaging) {
  const std::vector<std::string> ids = {"z", "b", "y", "a", "x", "c", "m"};  // not alphabetical
  for (const std::string& id : ids) CommitAll({Org(id, "公司" + id)});
  size_t total = 0;
  EXPECT_EQ(ListIds(Kind::kOrganization, {.offset = 0, .limit = 3}, &total), (std::vector<std::string>{"z", "b", "y"}));
  EXPECT_EQ(total, 7u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.offset = 3, .limit = 3}), (std::vector<std::string>{"a", "x", "c"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.offset = 6, .limit = 3}, &total), (std::vector<std::string>{"m"}));
  EXPECT_EQ(total, 7u);
  EXPECT_TRUE(ListIds(Kind::kOrganization, {.offset = 9, .limit = 3}, &total).empty());
  EXPECT_EQ(total, 7u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.limit = 50}), ids);
}

TEST_P(StoreRecords, ListFiltersByEqualTextAndBoolFields) {
  Record c1 = Org("c1", "甲"), c2 = Org("c2", "乙"), comp = Org("comp1", "丙", "competitor");
  c2.values[f::org::kFocus] = true;
  comp.values[f::org::kFocus] = true;
  CommitAll({c1, c2, comp});
  using Ids = std::vector<std::string>;
  size_t total = 0;
  EXPECT_EQ(ListIds(Kind::kOrganization, {.equals = {{f::org::kKind, "customer"}}}, &total), (Ids{"c1", "c2"}));
  EXPECT_EQ(total, 2u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.equals = {{f::org::kFocus, "true"}}}), (Ids{"c2", "comp1"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.equals = {{f::org::kFocus, "false"}}}), (Ids{"c1"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.equals = {{f::org::kKind, "customer"}, {f::org::kFocus, "true"}}}),
            (Ids{"c2"}));
  EXPECT_TRUE(ListIds(Kind::kOrganization, {.equals = {{f::org::kKind, "partner"}}}).empty());
}

TEST_P(StoreRecords, ListSearchesNamesBySubstringIgnoringAsciiCase) {
  CommitAll({Org("c1", "招商银行深圳分行"), Org("c2", "西部电网"), Org("c3", "Acme Bank"), Org("c4", "ACME Insurance"),
             Org("c5", "100%_Corp")});
  using Ids = std::vector<std::string>;
  size_t total = 0;
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "深圳"}, &total), (Ids{"c1"}));
  EXPECT_EQ(total, 1u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "电网"}), (Ids{"c2"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "acme"}, &total), (Ids{"c3", "c4"}));
  EXPECT_EQ(total, 2u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "BANK"}), (Ids{"c3"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "%_"}), (Ids{"c5"})) << "no wildcards";
  EXPECT_TRUE(ListIds(Kind::kOrganization, {.search = "北京"}).empty());
}

TEST_P(StoreRecords, ListByIdsKeepsRecordingOrderSkipsUnknownIdsAndCombinesWithTheOtherFilters) {
  Record quoted = Org("q\"1", "引号", "partner"), slashed = Org("b\\2", "反斜杠");
  CommitAll({Org("z", "甲"), Org("b", "乙", "competitor"), quoted, Org("a", "丙"), slashed});
  using Ids = std::vector<std::string>;
  size_t total = 0;
  EXPECT_EQ(ListIds(Kind::kOrganization, {.ids = {"a", "z", "nope", "a"}}, &total), (Ids{"z", "a"}));
  EXPECT_EQ(total, 2u) << "a duplicate counts once, an unknown id not at all";
  EXPECT_EQ(ListIds(Kind::kOrganization, {.ids = {"b\\2", "q\"1"}}), (Ids{"q\"1", "b\\2"}))
      << "ids are bound, not written into the SQL";
  EXPECT_EQ(ListIds(Kind::kOrganization, {.ids = {"x' OR '1'='1"}}), (Ids{}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.equals = {{f::org::kKind, "customer"}}, .ids = {"z", "b", "a"}}, &total),
            (Ids{"z", "a"}));
  EXPECT_EQ(total, 2u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.search = "乙", .ids = {"z", "b"}}), (Ids{"b"}));
  EXPECT_EQ(ListIds(Kind::kOrganization, {.ids = {"z", "b", "a"}, .offset = 1, .limit = 1}, &total), (Ids{"b"}));
  EXPECT_EQ(total, 3u);
  EXPECT_EQ(ListIds(Kind::kOrganization, {.ids = {}}).size(), 5u) << "no ids: no id filter";
}

TEST_P(StoreRecords, ListActiveOnIncludesSinceExcludesUntilAndTreatsNullAsOpen) {
  auto dated = [](std::string id, Value since, Value until) {
    Record r = Org(std::move(id), "公司");
    r.values[f::org::kSince] = std::move(since);
    r.values[f::org::kUntil] = std::move(until);
    return r;
  };
  const Value none{};
  CommitAll({dated("a", std::string("2025-01-01"), std::string("2025-06-01")), dated("b", none, std::string("2025-03-01")),
             dated("c", std::string("2025-03-01"), none), dated("d", none, none)});
  auto on = [&](const char* day) { return ListIds(Kind::kOrganization, {.active_on = ParseDate(day)}); };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(on("2024-12-31"), (Ids{"b", "d"}));            // before a and c begin
  EXPECT_EQ(on("2025-01-01"), (Ids{"a", "b", "d"}));       // a's since is inclusive
  EXPECT_EQ(on("2025-02-28"), (Ids{"a", "b", "d"}));
  EXPECT_EQ(on("2025-03-01"), (Ids{"a", "c", "d"}));       // b's until is exclusive, c begins
  EXPECT_EQ(on("2025-06-01"), (Ids{"c", "d"}));            // a's until is exclusive
}

}  // namespace
}  // namespace brm
