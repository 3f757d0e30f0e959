#include "service/strategy_settings.hpp"

#include <span>
#include <stdexcept>

#include "domain/date.hpp"
#include "domain/schema.hpp"
#include "json/serialize.hpp"
#include "json/strategy_json.hpp"
#include "service/access_policy.hpp"
#include "service/rules.hpp"
#include "service/tactic_seeds.hpp"
#include "service/tx_lookup.hpp"

namespace brm {
namespace bj = boost::json;
namespace f = fields;

namespace {

constexpr char kThresholdsKey[] = "strategy-thresholds";
constexpr char kOverrides[] = "strategy-overrides";

Status CheckUsesStrategies(const Actor& actor) {
  if (actor.role == Role::kEmployee) {
    return MakeError(ErrorCode::kForbidden, "Customer strategies are for sales roles, executives and admins.");
  }
  return {};
}

Status CheckAdmin(const Actor& actor, std::string_view what) {
  if (actor.role == Role::kAdmin || actor.role == Role::kSystem) return {};
  return MakeError(ErrorCode::kForbidden, "Only administrators change " + std::string(what) + ".");
}

Status CheckStrategyWord(std::string_view strategy, ErrorCode code) {
  if (IsStrategy(strategy)) return {};
  return MakeError(code,
                   "\"" + std::string(strategy) +
                       "\" is not a strategy; the strategies are acquire, grow, win_back, wait and retain.",
                   "strategy");
}

Status CheckTemplateTexts(std::string_view zh, std::string_view en) {
  if (zh.size() > kMaxTemplateText) return MakeError(ErrorCode::kInvalid, "\"zh\" has at most 10000 bytes.", "zh");
  if (en.size() > kMaxTemplateText) return MakeError(ErrorCode::kInvalid, "\"en\" has at most 10000 bytes.", "en");
  if (zh.empty() && en.empty()) {
    return MakeError(ErrorCode::kInvalid, "A template needs a text in at least one language.", "zh");
  }
  return {};
}

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string TextJson(std::string_view text) { return ValueJson(Value{std::string(text)}); }

Error NoOverride(std::string_view customer) {
  return MakeError(ErrorCode::kNotFound, "The customer \"" + std::string(customer) + "\" has no strategy override.");
}

Error NoCustomer(std::string_view customer) {
  return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + std::string(customer) + "\".");
}

// Audit lines for the change of an override from `before` to `after` (either may be absent).
std::vector<AuditEntry> OverrideAudit(const std::string& actor, std::string_view customer,
                                      const std::optional<StrategyOverrideRow>& before,
                                      const std::optional<StrategyOverrideRow>& after) {
  const std::string at = NowTimestamp();
  std::vector<AuditEntry> out;
  auto line = [&](const char* field, auto member) {
    const std::string old_value = before ? TextJson((*before).*member) : "null";
    const std::string new_value = after ? TextJson((*after).*member) : "null";
    if (old_value == new_value) return;
    out.push_back(AuditEntry{at, actor, kOverrides, std::string(customer), field, old_value, new_value});
  };
  line("strategy", &StrategyOverrideRow::strategy);
  line("reason", &StrategyOverrideRow::reason);
  return out;
}

// The tactics of `strategies` from `rows` (company templates and one user's variants); the seed stands in
// for a company template nobody has stored.
std::vector<StrategyTactics> Assemble(std::span<const std::string_view> strategies,
                                      std::vector<TacticTemplateRow> rows) {
  std::vector<StrategyTactics> out;
  for (std::string_view strategy : strategies) {
    StrategyTactics& tactics = out.emplace_back();
    tactics.strategy = std::string(strategy);
    const TacticSeed* seed = FindTacticSeed(strategy);
    tactics.company = TacticTemplateRow{tactics.strategy, "", std::string(seed->zh), std::string(seed->en), "", ""};
  }
  for (TacticTemplateRow& row : rows) {
    for (StrategyTactics& tactics : out) {
      if (tactics.strategy != row.strategy) continue;
      if (row.owner.empty()) {
        tactics.company = std::move(row);
      } else {
        tactics.personal = std::move(row);
      }
      break;
    }
  }
  return out;
}

// The thresholds of a stored setting; the defaults when there is none. Only SetThresholds writes the
// setting, after ParseThresholds: a text that does not parse means a hand-edited database.
StrategyThresholds StoredThresholds(const std::optional<std::string>& stored) {
  if (!stored) return StrategyThresholds{};
  boost::system::error_code ec;
  bj::value value = bj::parse(*stored, ec);
  if (ec || !value.is_object()) return StrategyThresholds{};
  auto parsed = json::ParseThresholds(value.get_object());
  return parsed ? *parsed : StrategyThresholds{};
}

}  // namespace

StrategyThresholds StrategySettings::Thresholds() { return StoredThresholds(store_.Setting(kThresholdsKey)); }

Result<StrategyThresholds> StrategySettings::SetThresholds(const Actor& actor, const bj::object& body) {
  if (auto status = CheckAdmin(actor, "the strategy thresholds"); !status) return status.error();
  auto thresholds = json::ParseThresholds(body);
  if (!thresholds) return thresholds.error();
  {
    auto tx = store_.Begin();
    const bj::object before = json::ThresholdsJson(StoredThresholds(tx->FindSetting(kThresholdsKey)));
    const bj::object after = json::ThresholdsJson(*thresholds);
    tx->PutSetting(kThresholdsKey, json::Serialize(after));
    const std::string at = NowTimestamp();
    for (const auto& [key, value] : after) {
      if (before.at(key) == value) continue;
      tx->AddAudit(AuditEntry{at, actor.user, "settings", kThresholdsKey, std::string(key),
                              json::Serialize(before.at(key)), json::Serialize(value)});
    }
    tx->Commit();
  }
  if (on_thresholds_changed_) on_thresholds_changed_(*thresholds);
  return *thresholds;
}

StrategyTactics StrategySettings::TacticsOf(std::string_view strategy, std::string_view owner) {
  const std::string_view one[] = {strategy};
  return std::move(Assemble(one, store_.TacticTemplates(owner)).front());
}

Result<std::vector<StrategyTactics>> StrategySettings::Templates(const Actor& actor) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  return Assemble(kStrategies, store_.TacticTemplates(actor.user));
}

Result<StrategyTactics> StrategySettings::Template(const Actor& actor, std::string_view strategy) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  if (auto status = CheckStrategyWord(strategy, ErrorCode::kNotFound); !status) return status.error();
  return TacticsOf(strategy, actor.user);
}

Result<StrategyTactics> StrategySettings::SetCompanyTemplate(const Actor& actor, std::string_view strategy,
                                                             std::string_view zh, std::string_view en) {
  if (auto status = CheckAdmin(actor, "the company's tactic templates"); !status) return status.error();
  if (auto status = CheckStrategyWord(strategy, ErrorCode::kNotFound); !status) return status.error();
  if (auto status = CheckTemplateTexts(zh, en); !status) return status.error();
  {
    auto tx = store_.Begin();
    const std::optional<TacticTemplateRow> stored = tx->FindTacticTemplate(strategy, "");
    const TacticSeed* seed = FindTacticSeed(strategy);
    const std::string at = NowTimestamp();
    tx->PutTacticTemplate(
        TacticTemplateRow{std::string(strategy), "", std::string(zh), std::string(en), at, actor.user});
    auto audit = [&](const char* field, std::string_view old_text, std::string_view new_text) {
      if (old_text == new_text) return;
      tx->AddAudit(AuditEntry{at, actor.user, "tactic-templates", std::string(strategy), field, TextJson(old_text),
                              TextJson(new_text)});
    };
    audit("zh", stored ? std::string_view(stored->zh) : seed->zh, zh);
    audit("en", stored ? std::string_view(stored->en) : seed->en, en);
    tx->Commit();
  }
  return TacticsOf(strategy, actor.user);
}

Result<StrategyTactics> StrategySettings::SetPersonalTemplate(const Actor& actor, std::string_view strategy,
                                                              std::string_view zh, std::string_view en) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  if (auto status = CheckStrategyWord(strategy, ErrorCode::kNotFound); !status) return status.error();
  if (auto status = CheckTemplateTexts(zh, en); !status) return status.error();
  {
    auto tx = store_.Begin();
    tx->PutTacticTemplate(
        TacticTemplateRow{std::string(strategy), actor.user, std::string(zh), std::string(en), NowTimestamp(),
                          actor.user});
    tx->Commit();
  }
  return TacticsOf(strategy, actor.user);
}

Result<StrategyTactics> StrategySettings::DeletePersonalTemplate(const Actor& actor, std::string_view strategy) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  if (auto status = CheckStrategyWord(strategy, ErrorCode::kNotFound); !status) return status.error();
  {
    auto tx = store_.Begin();
    if (!tx->DeleteTacticTemplate(strategy, actor.user)) {
      return MakeError(ErrorCode::kNotFound, "You keep no personal template for \"" + std::string(strategy) + "\".");
    }
    tx->Commit();
  }
  return TacticsOf(strategy, actor.user);
}

bool StrategySettings::CustomerAllows(const Actor& actor, std::string_view customer, bool write) {
  if (!engine_) throw std::logic_error("StrategySettings needs the engine to decide access to customers");
  return engine_->With([&](const engine::Figures& figures) {
    const engine::Graph& graph = figures.graph();
    const Access access(actor, graph);
    const engine::Idx org = graph.ids(Kind::kOrganization).Find(customer);
    if (org == engine::kNone || graph.orgs[org].kind != engine::OrgKind::kCustomer) return false;
    return write ? access.MayWriteCustomer(org) : access.MayRead(Kind::kOrganization, org);
  });
}

Result<std::unique_ptr<Transaction>> StrategySettings::BeginCustomerWrite(const Actor& actor,
                                                                          std::string_view customer) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  auto tx = store_.Begin();
  // Inside the write transaction the graph is current (writes apply to it before they release the lock).
  if (!CustomerAllows(actor, customer, true)) return NoCustomer(customer);
  return tx;
}

Result<StrategyOverrideRow> StrategySettings::Override(const Actor& actor, std::string_view customer) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  if (!CustomerAllows(actor, customer, false)) return NoCustomer(customer);
  auto row = store_.StrategyOverride(customer);
  if (!row) return NoOverride(customer);
  return std::move(*row);
}

Result<StrategyOverrideRow> StrategySettings::SetOverride(const Actor& actor, std::string_view customer,
                                                          std::string_view strategy, std::string_view reason) {
  if (auto status = CheckUsesStrategies(actor); !status) return status.error();
  if (auto status = CheckStrategyWord(strategy, ErrorCode::kInvalid); !status) return status.error();
  if (Blank(reason)) return MakeError(ErrorCode::kInvalid, "An override needs a reason.", "reason");
  if (reason.size() > kMaxOverrideReason) {
    return MakeError(ErrorCode::kInvalid, "\"reason\" has at most 1000 bytes.", "reason");
  }
  auto tx = BeginCustomerWrite(actor, customer);
  if (!tx) return tx.error();
  const std::optional<StrategyOverrideRow> before = (*tx)->FindStrategyOverride(customer);
  if (before && before->strategy == strategy && before->reason == reason) return *before;  // nothing changed
  StrategyOverrideRow row{std::string(customer), std::string(strategy), std::string(reason), actor.user,
                          NowTimestamp()};
  (*tx)->PutStrategyOverride(row);
  for (const AuditEntry& entry : OverrideAudit(actor.user, customer, before, row)) (*tx)->AddAudit(entry);
  (*tx)->Commit();
  return row;
}

Result<StrategyOverrideRow> StrategySettings::ClearOverride(const Actor& actor, std::string_view customer) {
  auto tx = BeginCustomerWrite(actor, customer);
  if (!tx) return tx.error();
  std::optional<StrategyOverrideRow> before = (*tx)->FindStrategyOverride(customer);
  if (!before) return NoOverride(customer);
  (*tx)->DeleteStrategyOverride(customer);
  for (const AuditEntry& entry : OverrideAudit(actor.user, customer, before, std::nullopt)) (*tx)->AddAudit(entry);
  (*tx)->Commit();
  return std::move(*before);
}

}  // namespace brm
