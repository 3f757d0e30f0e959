// The SQL baseline of the figures benchmarks (sql_line.hpp): the SQL texts and the loop that pools their rows.
#include "sql_line.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/graph.hpp"
#include "engine/lines.hpp"
#include "engine/stats.hpp"
#include "store/sqlite/connection.hpp"

namespace brm::bench {

namespace eng = brm::engine;

namespace {

// In the engine's dimension order (engine::kDimensions).
constexpr const char* kDimensionWords[] = {"closeness", "solution", "price"};

// Active on :d, for a table with nullable since/until (the interval is [since, until)).
#define BRM_ACTIVE(t) "(" t "since IS NULL OR " t "since <= :d) AND (" t "until IS NULL OR :d < " t "until)"
#define BRM_NUMBER(v)                                                                                     \
  "CASE " v " WHEN 'strong_support' THEN 2 WHEN 'support' THEN 1 WHEN 'neutral' THEN 0 WHEN 'oppose' THEN -1 " \
  "WHEN 'strong_oppose' THEN -2 END"

constexpr const char* kSqlHead =
    "WITH\n"
    "c AS (SELECT id FROM organizations WHERE kind = 'customer' AND " BRM_ACTIVE("") "),\n"
    "kp AS (SELECT org, count(*) AS key_persons FROM people\n"
    "       WHERE \"key\" = 1 AND " BRM_ACTIVE("") " GROUP BY org),\n";

// agg(org, dimension, known, total) with a window function over the ratings: each person's latest rating
// per dimension is the first of its partition. `%s` is a table hint (empty, or NOT INDEXED for a full scan).
constexpr const char* kSqlWindowAgg =
    "latest AS (\n"
    "  SELECT person, dimension, value FROM (\n"
    "    SELECT person, dimension, value,\n"
    "           row_number() OVER (PARTITION BY person, dimension ORDER BY date DESC, rid DESC) AS rn\n"
    "    FROM ratings %s\n"
    "    WHERE toward = 'ours' AND opportunity IS NULL AND date <= :d AND (until IS NULL OR :d < until))\n"
    "  WHERE rn = 1),\n"
    "agg AS (\n"
    "  SELECT p.org AS org, l.dimension AS dimension, count(" BRM_NUMBER("l.value") ") AS known,\n"
    "         coalesce(sum(" BRM_NUMBER("l.value") "), 0) AS total\n"
    "  FROM latest l JOIN people p ON p.id = l.person\n"
    "  WHERE p.\"key\" = 1 AND " BRM_ACTIVE("p.") "\n"
    "  GROUP BY p.org, l.dimension)\n";

// agg with a correlated subquery per key person and dimension, through the index on ratings(person).
constexpr const char* kSqlCorrelatedAgg =
    "dims(dimension) AS (VALUES ('closeness'), ('solution'), ('price')),\n"
    "agg AS (\n"
    "  SELECT org, dimension, count(" BRM_NUMBER("value") ") AS known,\n"
    "         coalesce(sum(" BRM_NUMBER("value") "), 0) AS total\n"
    "  FROM (SELECT p.org AS org, dims.dimension AS dimension,\n"
    "               (SELECT r.value FROM ratings r\n"
    "                WHERE r.person = p.id AND r.dimension = dims.dimension AND r.toward = 'ours'\n"
    "                  AND r.opportunity IS NULL AND r.date <= :d AND (r.until IS NULL OR :d < r.until)\n"
    "                ORDER BY r.date DESC, r.rid DESC LIMIT 1) AS value\n"
    "        FROM people p CROSS JOIN dims\n"
    "        WHERE p.\"key\" = 1 AND " BRM_ACTIVE("p.") ")\n"
    "  GROUP BY org, dimension)\n";

constexpr const char* kSqlTail =
    "SELECT c.id, coalesce(kp.key_persons, 0), agg.dimension, agg.known, agg.total,\n"
    "       CASE WHEN agg.known > 0 THEN 1.0 * agg.total / agg.known END AS mean,\n"
    "       CASE WHEN agg.known IS NULL OR agg.known = 0 THEN NULL WHEN agg.total >= agg.known THEN 0\n"
    "            WHEN agg.total > 0 THEN 1 WHEN agg.total > -agg.known THEN 2 ELSE 3 END AS tier\n"
    "FROM c LEFT JOIN kp ON kp.org = c.id LEFT JOIN agg ON agg.org = c.id\n"
    "ORDER BY c.id, agg.dimension";

#undef BRM_ACTIVE
#undef BRM_NUMBER

int DimensionIndex(const std::string& word) {
  for (int d = 0; d < eng::kDimensions; ++d) {
    if (word == kDimensionWords[d]) return d;
  }
  return -1;
}

}  // namespace

std::string SqlFor(SqlVariant variant) {
  std::string agg;
  if (variant == SqlVariant::kCorrelated) {
    agg = kSqlCorrelatedAgg;
  } else {
    agg = kSqlWindowAgg;
    agg.replace(agg.find("%s"), 2, variant == SqlVariant::kWindowScan ? "NOT INDEXED" : "");
  }
  return std::string(kSqlHead) + agg + kSqlTail;
}

SqlLine SqlCustomerLine(sqlite::Connection& db, const std::string& sql, Date day) {
  SqlLine line;
  const auto dates = eng::TrendDates(day);
  for (int w = 0; w < eng::kWhens; ++w) {
    const std::string date = brm::FormatDate(dates[w]);
    sqlite::Statement stmt = db.Prepare(sql);
    stmt.Bind(":d", date);
    while (stmt.Step()) {
      SqlCustomer& c = line.by_id[stmt.Text(0)];
      if (!c.active[w]) {
        c.active[w] = true;
        c.tier[w].fill(-1);
      }
      c.key_persons[w] = static_cast<int>(stmt.Int(1));
      if (stmt.IsNull(2)) continue;
      const int d = DimensionIndex(stmt.Text(2));
      c.known[w][d] = static_cast<int>(stmt.Int(3));
      c.total[w][d] = stmt.Int(4);
      if (!stmt.IsNull(5)) c.mean[w][d] = stmt.Real(5);
      if (!stmt.IsNull(6)) c.tier[w][d] = static_cast<int>(stmt.Int(6));
    }
  }
  for (const auto& [id, c] : line.by_id) {
    for (int w = 0; w < eng::kWhens; ++w) {
      if (!c.active[w]) continue;
      ++line.customers[w];
      for (int d = 0; d < eng::kDimensions; ++d) {
        SqlPool& pool = line.pooled[w][d];
        pool.n += c.key_persons[w];
        pool.known += c.known[w][d];
        pool.total += c.total[w][d];
        if (c.tier[w][d] >= 0) ++line.tier_count[w][d][c.tier[w][d]];
      }
    }
    if (!c.active[eng::kNow]) continue;
    SqlLine::Row row;
    row.id = id;
    row.key_persons = c.key_persons[eng::kNow];
    for (int d = 0; d < eng::kDimensions; ++d) {
      row.mean[d] = c.mean[eng::kNow][d];
      row.tier[d] = c.tier[eng::kNow][d];
      row.mom[d] = eng::Change(c.mean[eng::kNow][d], c.mean[eng::kMonthAgo][d]);
      row.yoy[d] = eng::Change(c.mean[eng::kNow][d], c.mean[eng::kYearAgo][d]);
    }
    line.list.push_back(std::move(row));
  }
  std::sort(line.list.begin(), line.list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return line;
}

// Empty when the SQL line has the same counts, sums, means and tiers as the engine's; else the first difference.
std::string CompareLines(const eng::Graph& graph, const eng::CustomerLine& line, const SqlLine& sql) {
  const auto& ids = graph.ids(Kind::kOrganization);
  for (int w = 0; w < eng::kWhens; ++w) {
    const std::string when = std::to_string(w);
    if (line.customers[w] != sql.customers[w]) return "customers[" + when + "]";
    for (int d = 0; d < eng::kDimensions; ++d) {
      const eng::Stats& s = line.pooled[w][d];
      const SqlPool& p = sql.pooled[w][d];
      if (s.n != p.n || s.known() != p.known || s.sum() != p.total) {
        return "pooled[" + when + "][" + kDimensionWords[d] + "]: engine n=" + std::to_string(s.n) + " known=" +
               std::to_string(s.known()) + " sum=" + std::to_string(s.sum()) + ", SQL n=" + std::to_string(p.n) +
               " known=" + std::to_string(p.known) + " sum=" + std::to_string(p.total);
      }
      for (int t = 0; t < 4; ++t) {
        if (line.tiers[d][t].count[w] != sql.tier_count[w][d][t]) {
          return "tier count [" + when + "][" + kDimensionWords[d] + "]";
        }
      }
    }
  }
  if (line.list.size() != sql.list.size()) return "customers listed";
  for (size_t i = 0; i < line.list.size(); ++i) {
    const eng::CustomerMetrics& m = line.list[i];
    const SqlLine::Row& row = sql.list[i];
    const std::string& id = ids.Id(m.customer);
    if (id != row.id) return "customer order at " + std::to_string(i) + ": " + id + " / " + row.id;
    if (m.key_persons != row.key_persons) return id + ": key persons";
    const SqlCustomer& c = sql.by_id.at(id);
    const std::array<const eng::Degrees*, eng::kWhens> degrees = {&m.degrees, &m.month_ago, &m.year_ago};
    for (int w = 0; w < eng::kWhens; ++w) {
      for (int d = 0; d < eng::kDimensions; ++d) {
        const eng::Stats& s = (*degrees[w])[d];
        if (s.known() != c.known[w][d] || s.sum() != c.total[w][d] || s.mean() != c.mean[w][d]) {
          return id + ": degrees [" + std::to_string(w) + "][" + kDimensionWords[d] + "]";
        }
      }
    }
    for (int d = 0; d < eng::kDimensions; ++d) {
      const auto tier = m.degrees[d].tier();
      if ((tier ? static_cast<int>(*tier) : -1) != row.tier[d]) return id + ": tier " + kDimensionWords[d];
      if (eng::Change(m.degrees[d].mean(), m.month_ago[d].mean()) != row.mom[d]) return id + ": MoM";
      if (eng::Change(m.degrees[d].mean(), m.year_ago[d].mean()) != row.yoy[d]) return id + ": YoY";
    }
  }
  return {};
}

std::unique_ptr<sqlite::Connection> OpenSql(const std::string& data_dir) {
  // A generous read connection: 256 MiB of page cache (the size of the store's writer cache) and sorts in
  // memory, so that the baseline is not held back by its configuration.
  auto db = std::make_unique<sqlite::Connection>(data_dir + "/brm.db", 10000, 256);
  db->Exec("PRAGMA temp_store=MEMORY; PRAGMA query_only=1;");
  return db;
}

}  // namespace brm::bench
