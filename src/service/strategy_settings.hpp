// StrategySettings: what users configure about the five customer strategies (SPEC.md §6.5): the thresholds
// of the recommendation rules, the tactic templates (the company's, seeded from the articles and edited by
// admins, and each user's personal variant), and a user's override of a customer's recommendation.
// Employees (role `employee`) may use none of it (kForbidden).
// Threads: safe to share once OnThresholdsChanged() has been called (or never); each call runs its own
// store read or write transaction.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "domain/strategy_config.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

// The tactics of one strategy as a user sees them.
struct StrategyTactics {
  std::string strategy;
  // The company template; until an admin edits it, the seed (tactic_seeds.hpp) with empty updated_at and
  // updated_by.
  TacticTemplateRow company;
  std::optional<TacticTemplateRow> personal;  // the user's own variant, if they keep one
};

class StrategySettings {
 public:
  // `engine` decides, through the access policy, who may read and write which customer's override; without
  // it only the thresholds and templates may be used.
  explicit StrategySettings(Store& store, engine::Engine* engine = nullptr) : store_(store), engine_(engine) {}

  // The thresholds in force: the stored ones, or the defaults of StrategyThresholds when never set.
  StrategyThresholds Thresholds();
  // Replaces the thresholds with a complete object (json::ParseThresholds: kInvalid naming the key).
  // Admins only, else kForbidden. Audited; then calls the listener with the new value.
  Result<StrategyThresholds> SetThresholds(const Actor& actor, const boost::json::object& body);
  // `listener` is called (on the writing thread, after commit) with every new value SetThresholds stores.
  // Call once at start-up, before the object is shared.
  void OnThresholdsChanged(std::function<void(const StrategyThresholds&)> listener) {
    on_thresholds_changed_ = std::move(listener);
  }

  // The tactics of every strategy in the order of kStrategies, with the actor's personal variants.
  Result<std::vector<StrategyTactics>> Templates(const Actor& actor);
  // The tactics of one strategy; kNotFound (field "strategy") when it is not a strategy word.
  Result<StrategyTactics> Template(const Actor& actor, std::string_view strategy);
  // Replaces the company template of `strategy`. Admins only (kForbidden). zh and en are texts of at most
  // 10000 bytes, not both empty (kInvalid naming "zh" or "en"). Audited as collection "tactic-templates".
  Result<StrategyTactics> SetCompanyTemplate(const Actor& actor, std::string_view strategy, std::string_view zh,
                                             std::string_view en);
  // Sets the actor's own variant of `strategy`, with the same checks on the texts.
  Result<StrategyTactics> SetPersonalTemplate(const Actor& actor, std::string_view strategy, std::string_view zh,
                                              std::string_view en);
  // Removes the actor's own variant; kNotFound when they keep none.
  Result<StrategyTactics> DeletePersonalTemplate(const Actor& actor, std::string_view strategy);

  // The override of a customer the actor may see; kNotFound when there is none, or the customer does not
  // exist, is not of kind customer, or is hidden from the actor (SPEC.md §7).
  Result<StrategyOverrideRow> Override(const Actor& actor, std::string_view customer);
  // Sets (or replaces) the override of a customer the actor may write: a rep their own customers, a manager
  // their team's, executives and admins all; others get kNotFound. `strategy` must be a strategy word and
  // `reason` a non-blank text of at most 1000 bytes (kInvalid naming the field). Every change is audited
  // as collection "strategy-overrides", id the customer, fields "strategy" and "reason".
  Result<StrategyOverrideRow> SetOverride(const Actor& actor, std::string_view customer, std::string_view strategy,
                                          std::string_view reason);
  // Removes the override and returns it; kNotFound as for Override. Audited like SetOverride.
  Result<StrategyOverrideRow> ClearOverride(const Actor& actor, std::string_view customer);

 private:
  // The tactics of `strategy` for `owner` from committed state.
  StrategyTactics TacticsOf(std::string_view strategy, std::string_view owner);
  // A write transaction in which `customer` is a customer the actor may write; kNotFound when it is not
  // a customer, is hidden from the actor or is not theirs to change, kForbidden for employees.
  Result<std::unique_ptr<Transaction>> BeginCustomerWrite(const Actor& actor, std::string_view customer);
  // Whether `customer` is a customer the actor may read (or, with `write`, change).
  bool CustomerAllows(const Actor& actor, std::string_view customer, bool write);

  Store& store_;
  engine::Engine* engine_;
  std::function<void(const StrategyThresholds&)> on_thresholds_changed_;
};

// The longest override reason and template text, in bytes.
inline constexpr size_t kMaxOverrideReason = 1000;
inline constexpr size_t kMaxTemplateText = 10000;

}  // namespace brm
