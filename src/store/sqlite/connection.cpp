#include "store/sqlite/connection.hpp"

#include <mutex>
#include <string>

#include "store/store.hpp"

namespace brm::sqlite {
namespace {

// SQLite keeps memory statistics (sqlite3_memory_used) under one process-wide mutex that every one of its
// allocations takes, a dozen per row read; BRM never reads them, and the server's threads would contend
// on that lock. The setting only takes before SQLite initialises, which the first connection does; a
// later call fails harmlessly.
void TurnOffMemoryStatistics() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::Bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) {
    connection_->Fail("bind");
  }
  return *this;
}

Statement& Statement::BindStatic(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK) {
    connection_->Fail("bind");
  }
  return *this;
}

Statement& Statement::Bind(int index, int64_t number) {
  if (sqlite3_bind_int64(stmt_, index, number) != SQLITE_OK) connection_->Fail("bind");
  return *this;
}

Statement& Statement::Bind(int index, double number) {
  if (sqlite3_bind_double(stmt_, index, number) != SQLITE_OK) connection_->Fail("bind");
  return *this;
}

Statement& Statement::BindNull(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) connection_->Fail("bind");
  return *this;
}

Statement& Statement::Bind(const char* name, std::string_view text) {
  const int index = sqlite3_bind_parameter_index(stmt_, name);
  if (index > 0) Bind(index, text);
  return *this;
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_->Fail("step");
}

void Statement::Run() {
  while (Step()) {
  }
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }

Connection::Connection(const std::string& path, int busy_timeout_ms, int cache_mib) {
  TurnOffMemoryStatistics();
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open " + path + ": " + message);
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  SetCacheMib(cache_mib);
}

void Connection::SetCacheMib(int mib) {
  Exec("PRAGMA cache_size=-" + std::to_string(static_cast<long>(mib) * 1024) + "; PRAGMA shrink_memory;");
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Statement Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
      Fail("prepare " + sql);
    }
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(*this, it->second);
}

void Connection::Exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw StoreError("sqlite: " + text + " in: " + sql.substr(0, 200));
  }
}

void Connection::Fail(const std::string& what) const {
  throw StoreError("sqlite " + what.substr(0, 300) + ": " + sqlite3_errmsg(db_));
}

}  // namespace brm::sqlite
