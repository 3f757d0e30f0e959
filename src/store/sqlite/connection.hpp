// A thin RAII layer over the SQLite C API: one connection with a cache of prepared statements.
// Threads: a Connection is used by one thread at a time (the store hands them out).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace brm::sqlite {

class Connection;

// A prepared statement borrowed from the connection's cache; reset when the Statement goes away.
class Statement {
 public:
  Statement(Connection& connection, sqlite3_stmt* stmt) : connection_(&connection), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  // Binds `text` without copying it: it must outlive the statement's execution.
  Statement& BindStatic(int index, std::string_view text);
  Statement& Bind(int index, int64_t number);
  Statement& Bind(int index, double number);
  Statement& BindNull(int index);
  Statement& Bind(const char* name, std::string_view text);
  // Steps once; true while a row is available. Throws StoreError on failure.
  bool Step();
  // Steps to completion, for statements without rows.
  void Run();

  bool IsNull(int column) const;
  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  Connection* connection_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens `path` (creating it), with WAL, synchronous=FULL, foreign keys on, the busy timeout and a page
  // cache of `cache_mib` MiB.
  Connection(const std::string& path, int busy_timeout_ms, int cache_mib = 8);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A cached prepared statement for `sql`.
  Statement Prepare(const std::string& sql);
  // Runs one or more statements without results.
  void Exec(const std::string& sql);
  // Sets the page cache to `mib` MiB; a smaller cache gives the pages above it back at once.
  void SetCacheMib(int mib);
  sqlite3* raw() const { return db_; }
  [[noreturn]] void Fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace brm::sqlite
