// The SQLite store: one writer connection behind a mutex, a pool of reader connections (WAL lets them read
// while a write is in progress).
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "domain/schema.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/record_sql.hpp"
#include "store/sqlite/strategy_sql.hpp"
#include "store/store.hpp"

namespace brm {
namespace {

using sqlite::Connection;
using sqlite::Statement;

class SqliteTransaction final : public Transaction {
 public:
  // `overrides_committed`: called once a commit has changed strategy overrides (the store's cache of them).
  SqliteTransaction(Connection& db, std::unique_lock<std::mutex> lock, const StoreConfig& config,
                    std::function<void()> overrides_committed)
      : db_(db), lock_(std::move(lock)), config_(config), overrides_committed_(std::move(overrides_committed)) {
    db_.Exec("BEGIN IMMEDIATE");
  }
  // Inside a transaction that someone else began and ends (a migration).
  SqliteTransaction(Connection& db, const StoreConfig& config) : db_(db), config_(config), done_(true) {}
  ~SqliteTransaction() override {
    if (!done_) {
      try {
        db_.Exec("ROLLBACK");
      } catch (...) {  // nothing more can be done: the connection reports the failure on next use
      }
    }
    if (bulk_) {
      try {
        db_.SetCacheMib(config_.writer_cache_mib);
      } catch (...) {  // the larger cache stays until the next bulk load ends
      }
    }
  }

  std::optional<Record> Find(Kind kind, std::string_view id) override {
    Statement stmt = db_.Prepare(sqlite::SelectByIdSql(kind));
    stmt.Bind(1, id);
    if (!stmt.Step()) return std::nullopt;
    return sqlite::ReadRecord(kind, stmt);
  }

  std::vector<Record> FindBy(Kind kind, int field, std::string_view value) override {
    const std::string column = sqlite::Quote(Spec(kind).fields[field].name);
    Statement stmt = db_.Prepare(sqlite::SelectSql(kind) + " WHERE " +
                                 (value.empty() ? column + " IS NULL" : column + " = ?1") + " ORDER BY rid");
    if (!value.empty()) stmt.Bind(1, value);
    std::vector<Record> out;
    while (stmt.Step()) out.push_back(sqlite::ReadRecord(kind, stmt));
    return out;
  }

  bool Insert(const Record& record) override {
    Statement stmt = db_.Prepare(sqlite::InsertSql(record.kind));
    sqlite::BindRecord(stmt, record);
    stmt.Run();
    return sqlite3_changes(db_.raw()) == 1;
  }

  void Update(const Record& record) override {
    Statement stmt = db_.Prepare(sqlite::UpdateSql(record.kind));
    sqlite::BindRecord(stmt, record);
    stmt.Run();
    if (sqlite3_changes(db_.raw()) != 1) throw StoreError("update of a missing record " + record.id);
  }

  void AddAudit(const AuditEntry& e) override {
    Statement stmt = db_.Prepare(
        "INSERT INTO audit (at, actor, collection, entity_id, field, old_value, new_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    stmt.Bind(1, e.at).Bind(2, e.actor).Bind(3, e.collection).Bind(4, e.entity_id).Bind(5, e.field);
    if (e.old_value) stmt.Bind(6, *e.old_value); else stmt.BindNull(6);
    if (e.new_value) stmt.Bind(7, *e.new_value); else stmt.BindNull(7);
    stmt.Run();
  }

  void SetPasswordHash(std::string_view user, std::string_view hash) override {
    Statement stmt = db_.Prepare(
        "INSERT INTO credentials (user, hash) VALUES (?1, ?2) "
        "ON CONFLICT(user) DO UPDATE SET hash = excluded.hash");
    stmt.Bind(1, user).Bind(2, hash).Run();
  }

  std::optional<std::string> PasswordHash(std::string_view user) override {
    Statement stmt = db_.Prepare("SELECT hash FROM credentials WHERE user = ?1");
    stmt.Bind(1, user);
    if (!stmt.Step()) return std::nullopt;
    return stmt.Text(0);
  }

  void RedactAudit(std::string_view collection, std::string_view entity_id,
                   const std::vector<std::string>& fields) override {
    for (const std::string& field : fields) {
      Statement stmt = db_.Prepare(
          "UPDATE audit SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '\"[erased]\"' END, "
          "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '\"[erased]\"' END "
          "WHERE collection = ?1 AND entity_id = ?2 AND field = ?3");
      stmt.Bind(1, collection).Bind(2, entity_id).Bind(3, field).Run();
    }
    // A creation line holds the whole record as JSON: it is replaced by the record as it now stands.
    Statement stmt = db_.Prepare(
        "UPDATE audit SET new_value = '\"[erased]\"' WHERE collection = ?1 AND entity_id = ?2 AND field = '*'");
    stmt.Bind(1, collection).Bind(2, entity_id).Run();
  }

  void DeleteSessionsOf(std::string_view user) override {
    db_.Prepare("DELETE FROM sessions WHERE user = ?1").Bind(1, user).Run();
  }

  void SuspendIndexes(Kind kind) override {
    std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE statement
    {
      Statement stmt = db_.Prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL");
      stmt.Bind(1, Spec(kind).table);
      while (stmt.Step()) indexes.emplace_back(stmt.Text(0), stmt.Text(1));
    }
    if (!bulk_ && config_.bulk_cache_mib > config_.writer_cache_mib) {
      db_.SetCacheMib(config_.bulk_cache_mib);
      bulk_ = true;
    }
    for (const auto& [name, sql] : indexes) {
      db_.Exec("DROP INDEX " + sqlite::Quote(name));
      suspended_.push_back(sql);
    }
  }

  void RestoreIndexes() override {
    for (const std::string& sql : suspended_) db_.Exec(sql);
    suspended_.clear();
  }

  std::optional<std::string> FindSetting(std::string_view key) override { return sqlite::FindSetting(db_, key); }
  void PutSetting(std::string_view key, std::string_view json) override { sqlite::PutSetting(db_, key, json); }
  std::optional<TacticTemplateRow> FindTacticTemplate(std::string_view strategy, std::string_view owner) override {
    return sqlite::FindTacticTemplate(db_, strategy, owner);
  }
  void PutTacticTemplate(const TacticTemplateRow& row) override { sqlite::PutTacticTemplate(db_, row); }
  bool DeleteTacticTemplate(std::string_view strategy, std::string_view owner) override {
    return sqlite::DeleteTacticTemplate(db_, strategy, owner);
  }
  std::optional<StrategyOverrideRow> FindStrategyOverride(std::string_view customer) override {
    return sqlite::FindStrategyOverride(db_, customer);
  }
  void PutStrategyOverride(const StrategyOverrideRow& row) override {
    overrides_changed_ = true;
    sqlite::PutStrategyOverride(db_, row);
  }
  bool DeleteStrategyOverride(std::string_view customer) override {
    overrides_changed_ = true;
    return sqlite::DeleteStrategyOverride(db_, customer);
  }

  void Commit() override {
    RestoreIndexes();
    db_.Exec("COMMIT");
    done_ = true;
    if (overrides_changed_ && overrides_committed_) overrides_committed_();
  }

 private:
  Connection& db_;
  std::unique_lock<std::mutex> lock_;
  const StoreConfig& config_;
  bool done_ = false;
  bool bulk_ = false;                   // the page cache is config_.bulk_cache_mib until the end
  std::vector<std::string> suspended_;  // CREATE INDEX statements to run again
  std::function<void()> overrides_committed_;
  bool overrides_changed_ = false;
};

constexpr const char* kDeliveryColumns =
    "SELECT id, webhook, event, subject, body, status, attempts, last_status, last_error, created, next_at, delivered "
    "FROM webhook_deliveries";

std::vector<DeliveryRow> ReadDeliveries(Statement& stmt) {
  std::vector<DeliveryRow> out;
  while (stmt.Step()) {
    out.push_back(DeliveryRow{stmt.Int(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4), stmt.Text(5),
                              static_cast<int>(stmt.Int(6)), static_cast<int>(stmt.Int(7)), stmt.Text(8), stmt.Int(9),
                              stmt.Int(10), stmt.Int(11)});
  }
  return out;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const StoreConfig& config) {
    std::filesystem::create_directories(config.data_dir);
    config_ = config;
    path_ = (std::filesystem::path(config.data_dir) / "brm.db").string();
    writer_ = std::make_unique<Connection>(path_, config.busy_timeout_ms, config.writer_cache_mib);
    sqlite::Migrate(*writer_, [this] { ConvertExtras(); });
    for (int i = 0; i < std::max(1, config.read_connections); ++i) {
      readers_.push_back(std::make_unique<Connection>(path_, config.busy_timeout_ms, config.reader_cache_mib));
      free_.push_back(readers_.back().get());
    }
  }

  ~SqliteStore() override {
    readers_.clear();
    try {
      writer_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {  // a checkpoint failure leaves a valid WAL behind; the next open replays it
    }
  }

  std::unique_ptr<Transaction> Begin() override {
    std::unique_lock<std::mutex> lock(write_mutex_);
    return std::make_unique<SqliteTransaction>(*writer_, std::move(lock), config_, [this] { ForgetOverrides(); });
  }

  std::optional<Record> Get(Kind kind, std::string_view id) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(sqlite::SelectByIdSql(kind));
    stmt.BindStatic(1, id);
    if (!stmt.Step()) return std::nullopt;
    return sqlite::ReadRecord(kind, stmt);
  }

  Page List(Kind kind, const ListQuery& query, const OwnerFilter& filter) override {
    Reader reader(*this);
    const std::string where = sqlite::WhereClause(kind, query, filter);
    Page page;
    {
      Statement count = reader->Prepare("SELECT count(*) FROM " + std::string(Spec(kind).table) + " WHERE " + where);
      sqlite::BindQuery(count, kind, query, filter);
      if (count.Step()) page.total = static_cast<size_t>(count.Int(0));
    }
    Statement stmt = reader->Prepare(sqlite::SelectSql(kind) + " WHERE " + where +
                                     " ORDER BY rid LIMIT :limit OFFSET :offset");
    sqlite::BindQuery(stmt, kind, query, filter);
    stmt.Bind(sqlite3_bind_parameter_index(stmt.raw(), ":limit"), static_cast<int64_t>(query.limit));
    stmt.Bind(sqlite3_bind_parameter_index(stmt.raw(), ":offset"), static_cast<int64_t>(query.offset));
    while (stmt.Step()) page.items.push_back(sqlite::ReadRecord(kind, stmt));
    return page;
  }

  void ForEach(Kind kind, const std::function<void(Record&&)>& visit) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(sqlite::SelectSql(kind) + " ORDER BY rid");
    while (stmt.Step()) visit(sqlite::ReadRecord(kind, stmt));
  }

  size_t Count(Kind kind) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("SELECT count(*) FROM " + std::string(Spec(kind).table));
    return stmt.Step() ? static_cast<size_t>(stmt.Int(0)) : 0;
  }

  std::vector<AuditEntry> History(std::string_view collection, std::string_view entity_id) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(
        "SELECT at, actor, collection, entity_id, field, old_value, new_value FROM audit "
        "WHERE collection = ?1 AND entity_id = ?2 ORDER BY seq");
    stmt.Bind(1, collection).Bind(2, entity_id);
    std::vector<AuditEntry> out;
    while (stmt.Step()) {
      AuditEntry e{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4), {}, {}};
      if (!stmt.IsNull(5)) e.old_value = stmt.Text(5);
      if (!stmt.IsNull(6)) e.new_value = stmt.Text(6);
      out.push_back(std::move(e));
    }
    return out;
  }

  std::optional<std::string> PasswordHash(std::string_view user) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("SELECT hash FROM credentials WHERE user = ?1");
    stmt.Bind(1, user);
    if (!stmt.Step()) return std::nullopt;
    return stmt.Text(0);
  }

  std::optional<std::string> Setting(std::string_view key) override {
    Reader reader(*this);
    return sqlite::FindSetting(*reader, key);
  }

  std::vector<TacticTemplateRow> TacticTemplates(std::string_view owner) override {
    Reader reader(*this);
    return sqlite::TacticTemplates(*reader, owner);
  }

  // Every customer's metrics show its override: they are read from memory, all of them read from the store
  // at the first request and again after a commit that changed one (this process is the store's only
  // writer). A read that raced such a commit does not keep what it read.
  std::optional<StrategyOverrideRow> StrategyOverride(std::string_view customer) override {
    std::shared_ptr<const OverrideMap> overrides;
    uint64_t generation = 0;
    {
      std::lock_guard<std::mutex> lock(overrides_mutex_);
      overrides = overrides_;
      generation = overrides_generation_;
    }
    if (!overrides) {
      auto read = std::make_shared<OverrideMap>();
      {
        Reader reader(*this);
        sqlite::ForEachStrategyOverride(*reader, [&](StrategyOverrideRow&& row) {
          std::string key = row.customer;
          read->emplace(std::move(key), std::move(row));
        });
      }
      std::lock_guard<std::mutex> lock(overrides_mutex_);
      if (generation == overrides_generation_) overrides_ = read;
      overrides = std::move(read);
    }
    auto it = overrides->find(customer);
    if (it == overrides->end()) return std::nullopt;
    return it->second;
  }

  void ForEachStrategyOverride(const std::function<void(StrategyOverrideRow&&)>& visit) override {
    Reader reader(*this);
    sqlite::ForEachStrategyOverride(*reader, visit);
  }

  void PutSession(const SessionRow& s) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("INSERT INTO sessions (token_hash, user, csrf, created, last_seen) VALUES (?1, ?2, ?3, ?4, ?5)")
        .Bind(1, s.token_hash).Bind(2, s.user).Bind(3, s.csrf).Bind(4, s.created).Bind(5, s.last_seen).Run();
  }

  std::optional<SessionRow> FindSession(std::string_view token_hash) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("SELECT token_hash, user, csrf, created, last_seen FROM sessions WHERE token_hash = ?1");
    stmt.Bind(1, token_hash);
    if (!stmt.Step()) return std::nullopt;
    return SessionRow{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Int(3), stmt.Int(4)};
  }

  void TouchSession(std::string_view token_hash, int64_t last_seen) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1")
        .Bind(1, token_hash).Bind(2, last_seen).Run();
  }

  void DeleteSession(std::string_view token_hash) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("DELETE FROM sessions WHERE token_hash = ?1").Bind(1, token_hash).Run();
  }

  void DeleteSessionsOf(std::string_view user) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("DELETE FROM sessions WHERE user = ?1").Bind(1, user).Run();
  }

  std::vector<SessionRow> SessionsOf(std::string_view user) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(
        "SELECT token_hash, user, csrf, created, last_seen FROM sessions WHERE user = ?1 ORDER BY created, token_hash");
    stmt.Bind(1, user);
    std::vector<SessionRow> out;
    while (stmt.Step()) out.push_back(SessionRow{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Int(3), stmt.Int(4)});
    return out;
  }

  void PutApiToken(const ApiTokenRow& t) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("INSERT INTO api_tokens (id, user, name, token_hash, created) VALUES (?1, ?2, ?3, ?4, ?5)")
        .Bind(1, t.id).Bind(2, t.user).Bind(3, t.name).Bind(4, t.token_hash).Bind(5, t.created).Run();
  }

  std::optional<ApiTokenRow> FindApiToken(std::string_view token_hash) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("SELECT id, user, name, token_hash, created FROM api_tokens WHERE token_hash = ?1");
    stmt.Bind(1, token_hash);
    if (!stmt.Step()) return std::nullopt;
    return ApiTokenRow{stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Int(4)};
  }

  std::vector<ApiTokenRow> ApiTokensOf(std::string_view user) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("SELECT id, user, name, token_hash, created FROM api_tokens WHERE user = ?1 ORDER BY created, id");
    stmt.Bind(1, user);
    std::vector<ApiTokenRow> out;
    while (stmt.Step()) out.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Int(4)});
    return out;
  }

  bool DeleteApiToken(std::string_view user, std::string_view id) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("DELETE FROM api_tokens WHERE user = ?1 AND id = ?2").Bind(1, user).Bind(2, id).Run();
    return sqlite3_changes(writer_->raw()) > 0;
  }

  int64_t AddDelivery(const DeliveryRow& d) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("INSERT INTO webhook_deliveries (webhook, event, subject, body, status, attempts, last_status, "
                     "last_error, created, next_at, delivered) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
        .Bind(1, d.webhook).Bind(2, d.event).Bind(3, d.subject).Bind(4, d.body).Bind(5, d.status)
        .Bind(6, static_cast<int64_t>(d.attempts)).Bind(7, static_cast<int64_t>(d.last_status)).Bind(8, d.last_error)
        .Bind(9, d.created).Bind(10, d.next_at).Bind(11, d.delivered).Run();
    return sqlite3_last_insert_rowid(writer_->raw());
  }

  std::vector<DeliveryRow> DueDeliveries(int64_t now, size_t limit) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(std::string(kDeliveryColumns) +
                                     " WHERE status = 'pending' AND next_at <= ?1 ORDER BY next_at, id LIMIT ?2");
    stmt.Bind(1, now).Bind(2, static_cast<int64_t>(limit));
    return ReadDeliveries(stmt);
  }

  void SaveDelivery(const DeliveryRow& d) override {
    std::lock_guard<std::mutex> lock(write_mutex_);
    writer_->Prepare("UPDATE webhook_deliveries SET status = ?2, attempts = ?3, last_status = ?4, last_error = ?5, "
                     "next_at = ?6, delivered = ?7 WHERE id = ?1")
        .Bind(1, d.id).Bind(2, d.status).Bind(3, static_cast<int64_t>(d.attempts))
        .Bind(4, static_cast<int64_t>(d.last_status)).Bind(5, d.last_error).Bind(6, d.next_at).Bind(7, d.delivered).Run();
  }

  std::vector<DeliveryRow> DeliveriesOf(std::string_view webhook, size_t limit) override {
    Reader reader(*this);
    Statement stmt = reader->Prepare(std::string(kDeliveryColumns) + " WHERE webhook = ?1 ORDER BY id DESC LIMIT ?2");
    stmt.Bind(1, webhook).Bind(2, static_cast<int64_t>(limit));
    return ReadDeliveries(stmt);
  }

  void Backup(const std::string& path) override {
    // Written beside the target and renamed over it once complete: a backup cut short (a crash, kill -9)
    // leaves the target as it was, an earlier backup included, and never an unfinished file under its name.
    const std::string partial = path + ".partial";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(partial + suffix);
    {
      Connection target(partial, 10000);
      Reader reader(*this);
      sqlite3_backup* backup = sqlite3_backup_init(target.raw(), "main", reader->raw(), "main");
      if (!backup) target.Fail("backup");
      int rc;
      do {
        rc = sqlite3_backup_step(backup, 1024);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE) target.Fail("backup");
      // The copy is a self-contained file: fold its WAL back in (synced, synchronous=FULL).
      target.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    for (const char* suffix : {"-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
    std::filesystem::rename(partial, path);
  }

  std::string IntegrityCheck() override {
    Reader reader(*this);
    Statement stmt = reader->Prepare("PRAGMA integrity_check");
    std::string out;
    while (stmt.Step()) {
      if (!out.empty()) out += "\n";
      out += stmt.Text(0);
    }
    return out;
  }

 private:
  // Borrows a reader connection for the scope, waiting when all are in use.
  class Reader {
   public:
    explicit Reader(SqliteStore& store) : store_(store) {
      std::unique_lock<std::mutex> lock(store_.pool_mutex_);
      store_.pool_ready_.wait(lock, [&] { return !store_.free_.empty(); });
      connection_ = store_.free_.back();
      store_.free_.pop_back();
    }
    ~Reader() {
      {
        std::lock_guard<std::mutex> lock(store_.pool_mutex_);
        store_.free_.push_back(connection_);
      }
      store_.pool_ready_.notify_one();
    }
    Connection* operator->() const { return connection_; }
    Connection& operator*() const { return *connection_; }

   private:
    SqliteStore& store_;
    Connection* connection_;
  };

  // The upgrade to schema 3: every record of bundle_extras through config_.convert_extra, inside the
  // migration's transaction.
  void ConvertExtras() {
    if (!config_.convert_extra) {
      throw StoreError("the data directory holds project-history records kept verbatim by an older brm, and "
                       "this program cannot convert them");
    }
    struct Row {
      std::string array, id, body;
    };
    std::vector<Row> rows;
    {
      Statement stmt = writer_->Prepare(
          "SELECT array, id, body FROM bundle_extras ORDER BY CASE array WHEN 'milestones' THEN 0 "
          "WHEN 'project_links' THEN 1 WHEN 'criteria' THEN 2 WHEN 'vendors' THEN 3 WHEN 'quotes' THEN 4 "
          "WHEN 'documents' THEN 5 WHEN 'lessons' THEN 6 ELSE 7 END, rid");
      while (stmt.Step()) rows.push_back({stmt.Text(0), stmt.Text(1), stmt.Text(2)});
    }
    SqliteTransaction tx(*writer_, config_);
    for (const Row& row : rows) {
      const std::string what = "the project-history record \"" + row.id + "\" of \"" + row.array + "\"";
      auto record = config_.convert_extra(tx, row.array, row.body);
      if (!record) {
        const Error& error = record.error();
        throw StoreError("cannot upgrade the data directory: " + what + " is not valid" +
                         (error.field.empty() ? "" : " (field \"" + error.field + "\")") + ": " + error.message +
                         " Nothing was changed; correct or remove that record with the brm that wrote it.");
      }
      if (!tx.Insert(*record)) {
        throw StoreError("cannot upgrade the data directory: " + what + " has the id of another record. Nothing "
                         "was changed.");
      }
    }
  }

  StoreConfig config_;
  std::string path_;
  void ForgetOverrides() {
    std::lock_guard<std::mutex> lock(overrides_mutex_);
    overrides_.reset();
    ++overrides_generation_;
  }

  using OverrideMap = std::map<std::string, StrategyOverrideRow, std::less<>>;
  std::mutex overrides_mutex_;
  std::shared_ptr<const OverrideMap> overrides_;  // null until read, and after a commit that changed one
  uint64_t overrides_generation_ = 0;             // commits that changed one

  std::mutex write_mutex_;
  std::unique_ptr<Connection> writer_;
  std::mutex pool_mutex_;
  std::condition_variable pool_ready_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> free_;
};

}  // namespace

std::unique_ptr<Store> OpenSqliteStore(const StoreConfig& config) { return std::make_unique<SqliteStore>(config); }

}  // namespace brm
