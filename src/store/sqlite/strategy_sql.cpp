#include "store/sqlite/strategy_sql.hpp"

namespace brm::sqlite {
namespace {

constexpr char kTemplateColumns[] = "SELECT strategy, owner, zh, en, updated_at, updated_by FROM tactic_templates";
constexpr char kOverrideColumns[] = "SELECT customer, strategy, reason, \"by\", at FROM strategy_overrides";

TacticTemplateRow ReadTemplate(const Statement& stmt) {
  return {stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4), stmt.Text(5)};
}

StrategyOverrideRow ReadOverride(const Statement& stmt) {
  return {stmt.Text(0), stmt.Text(1), stmt.Text(2), stmt.Text(3), stmt.Text(4)};
}

}  // namespace

std::optional<std::string> FindSetting(Connection& db, std::string_view key) {
  Statement stmt = db.Prepare("SELECT value FROM settings WHERE key = ?1");
  stmt.Bind(1, key);
  if (!stmt.Step()) return std::nullopt;
  return stmt.Text(0);
}

void PutSetting(Connection& db, std::string_view key, std::string_view json) {
  db.Prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .Bind(1, key).Bind(2, json).Run();
}

std::optional<TacticTemplateRow> FindTacticTemplate(Connection& db, std::string_view strategy, std::string_view owner) {
  Statement stmt = db.Prepare(std::string(kTemplateColumns) + " WHERE strategy = ?1 AND owner = ?2");
  stmt.Bind(1, strategy).Bind(2, owner);
  if (!stmt.Step()) return std::nullopt;
  return ReadTemplate(stmt);
}

std::vector<TacticTemplateRow> TacticTemplates(Connection& db, std::string_view owner) {
  Statement stmt =
      db.Prepare(std::string(kTemplateColumns) + " WHERE owner = '' OR owner = ?1 ORDER BY strategy, owner");
  stmt.Bind(1, owner);
  std::vector<TacticTemplateRow> out;
  while (stmt.Step()) out.push_back(ReadTemplate(stmt));
  return out;
}

void PutTacticTemplate(Connection& db, const TacticTemplateRow& row) {
  db.Prepare("INSERT INTO tactic_templates (strategy, owner, zh, en, updated_at, updated_by) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(strategy, owner) DO UPDATE SET "
             "zh = excluded.zh, en = excluded.en, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
      .Bind(1, row.strategy).Bind(2, row.owner).Bind(3, row.zh).Bind(4, row.en).Bind(5, row.updated_at)
      .Bind(6, row.updated_by).Run();
}

bool DeleteTacticTemplate(Connection& db, std::string_view strategy, std::string_view owner) {
  db.Prepare("DELETE FROM tactic_templates WHERE strategy = ?1 AND owner = ?2").Bind(1, strategy).Bind(2, owner).Run();
  return sqlite3_changes(db.raw()) > 0;
}

std::optional<StrategyOverrideRow> FindStrategyOverride(Connection& db, std::string_view customer) {
  Statement stmt = db.Prepare(std::string(kOverrideColumns) + " WHERE customer = ?1");
  stmt.Bind(1, customer);
  if (!stmt.Step()) return std::nullopt;
  return ReadOverride(stmt);
}

void ForEachStrategyOverride(Connection& db, const std::function<void(StrategyOverrideRow&&)>& visit) {
  Statement stmt = db.Prepare(std::string(kOverrideColumns) + " ORDER BY customer");
  while (stmt.Step()) visit(ReadOverride(stmt));
}

void PutStrategyOverride(Connection& db, const StrategyOverrideRow& row) {
  db.Prepare("INSERT INTO strategy_overrides (customer, strategy, reason, \"by\", at) VALUES (?1, ?2, ?3, ?4, ?5) "
             "ON CONFLICT(customer) DO UPDATE SET strategy = excluded.strategy, reason = excluded.reason, "
             "\"by\" = excluded.\"by\", at = excluded.at")
      .Bind(1, row.customer).Bind(2, row.strategy).Bind(3, row.reason).Bind(4, row.by).Bind(5, row.at).Run();
}

bool DeleteStrategyOverride(Connection& db, std::string_view customer) {
  db.Prepare("DELETE FROM strategy_overrides WHERE customer = ?1").Bind(1, customer).Run();
  return sqlite3_changes(db.raw()) > 0;
}

}  // namespace brm::sqlite
