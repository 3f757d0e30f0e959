// The SQL of the settings, tactic templates and strategy overrides (migration 2), shared by the store's
// transactions and its readers. Each function runs on the connection it is given.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace brm::sqlite {

std::optional<std::string> FindSetting(Connection& db, std::string_view key);
void PutSetting(Connection& db, std::string_view key, std::string_view json);

std::optional<TacticTemplateRow> FindTacticTemplate(Connection& db, std::string_view strategy, std::string_view owner);
// The company templates and those of `owner`, ordered by strategy, then owner ("" first).
std::vector<TacticTemplateRow> TacticTemplates(Connection& db, std::string_view owner);
void PutTacticTemplate(Connection& db, const TacticTemplateRow& row);
bool DeleteTacticTemplate(Connection& db, std::string_view strategy, std::string_view owner);

std::optional<StrategyOverrideRow> FindStrategyOverride(Connection& db, std::string_view customer);
void ForEachStrategyOverride(Connection& db, const std::function<void(StrategyOverrideRow&&)>& visit);
void PutStrategyOverride(Connection& db, const StrategyOverrideRow& row);
bool DeleteStrategyOverride(Connection& db, std::string_view customer);

}  // namespace brm::sqlite
