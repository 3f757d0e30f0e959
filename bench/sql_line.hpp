// The SQL baseline of the figures benchmarks: the company customer line with SQL over the stored tables, as
// a conventional CRM computes it. Per date, one query takes each key person's latest active rating per
// dimension as of the date, counts the active key persons of each active customer, and gives each
// customer's known count, sum, mean and tier per dimension; a thin loop pools them and takes the MoM and
// YoY changes of the means. brm_figures_bench times it against the engine and checks once that both agree.
//
// Threads: nothing here is shared; a Connection is used by one thread at a time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/lines.hpp"
#include "store/sqlite/connection.hpp"

namespace brm::bench {

// How the query finds each key person's latest rating: a window function over the ratings (through the
// indexes, or with a full scan of the table), or a correlated subquery per key person and dimension.
enum class SqlVariant { kWindow, kWindowScan, kCorrelated };

// The SQL text of `variant`, with one named parameter :d (the date, YYYY-MM-DD). Rows, ordered by customer
// id and dimension: customer id, active key persons, dimension word (NULL when no key person has a rating),
// known, total, mean (NULL when nothing is known) and tier (0 … 3, NULL when nothing is known).
std::string SqlFor(SqlVariant variant);

// One customer as the SQL rows give it, per date (engine::When) and dimension.
struct SqlCustomer {
  std::array<bool, engine::kWhens> active{};
  std::array<int, engine::kWhens> key_persons{};
  std::array<std::array<int, engine::kDimensions>, engine::kWhens> known{};
  std::array<std::array<int64_t, engine::kDimensions>, engine::kWhens> total{};
  std::array<std::array<std::optional<double>, engine::kDimensions>, engine::kWhens> mean{};
  std::array<std::array<int, engine::kDimensions>, engine::kWhens> tier{};  // -1: none
};

// The key persons, known ratings and their sum pooled over the customers, for one date and dimension.
struct SqlPool {
  int64_t n = 0, known = 0, total = 0;
};

// The company customer line as the SQL baseline computes it.
struct SqlLine {
  std::array<int, engine::kWhens> customers{};
  std::array<std::array<SqlPool, engine::kDimensions>, engine::kWhens> pooled{};
  std::array<std::array<std::array<int, 4>, engine::kDimensions>, engine::kWhens> tier_count{};
  struct Row {
    std::string id;
    int key_persons = 0;
    std::array<std::optional<double>, engine::kDimensions> mean, mom, yoy;
    std::array<int, engine::kDimensions> tier{};
  };
  std::vector<Row> list;  // customers active on D, by id
  std::unordered_map<std::string, SqlCustomer> by_id;
};

// The customer line on `day` (D, D − 1 month and D − 1 year: one run of `sql`, from SqlFor, per date) over
// the tables of `db`. Throws StoreError when SQLite fails.
SqlLine SqlCustomerLine(sqlite::Connection& db, const std::string& sql, Date day);

// Empty when the SQL line has the same counts, sums, means and tiers as the engine's (`line`, computed over
// `graph`); else the first difference, in words. Assumes both were computed for the same date.
std::string CompareLines(const engine::Graph& graph, const engine::CustomerLine& line, const SqlLine& sql);

// A read-only connection to `data_dir`/brm.db, configured so that the baseline is not held back by its
// configuration. Throws StoreError when the database cannot be opened.
std::unique_ptr<sqlite::Connection> OpenSql(const std::string& data_dir);

}  // namespace brm::bench
