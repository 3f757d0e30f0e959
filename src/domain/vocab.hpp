// The closed vocabularies of SPEC.md §2–3 and the attitude scale.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace brm::vocab {

using Words = std::span<const std::string_view>;

extern const Words kOrgKinds;       // customer ours competitor partner
extern const Words kImportance;     // high medium low unknown
extern const Words kOrientation;    // technology business relationship price risk_averse innovation unknown
extern const Words kUserRoles;      // rep manager executive admin employee
extern const Words kStrengths;      // strong medium weak
extern const Words kOpportunityStatus;  // open won lost abandoned
extern const Words kOpportunityType;    // new phase upgrade maintenance
extern const Words kDecisionRoles;  // decision_maker approver ... other
extern const Words kYesNoUnknown;   // yes no unknown
extern const Words kDimensions;     // closeness solution price
extern const Words kAttitudes;      // strong_support support neutral oppose strong_oppose unknown
extern const Words kVoteKinds;      // veto approve
extern const Words kActivityKinds;  // visit meeting call message meal event other
extern const Words kLanguages;      // zh-CN en
// Project history (SPEC.md §8.1).
extern const Words kConditions;     // legacy_limits transformation annual_budget compliance expansion replacement other
extern const Words kTenderMethods;  // public_tender invited_tender single_source negotiation inquiry unknown
extern const Words kAwardRules;     // lowest_price comprehensive_score unknown
extern const Words kLinkKinds;      // phase_of follow_up_of replaces related
extern const Words kVendorResults;  // won lost disqualified unknown
extern const Words kDocumentKinds;  // rfp requirements proposal presentation contract minutes other
extern const Words kLessonKinds;    // win_factor loss_factor note
extern const Words kMilestoneKinds; // the company default model: initiation budget_approval … contract
// Work (tasks).
extern const Words kTaskStatus;     // open done snoozed dismissed
extern const Words kTaskSources;    // hand warning tactic suggestion handover introduction
// Warnings (engine/warnings.hpp lists what each kind means) and what a user decides about one.
inline constexpr std::string_view kWarningKindNames[] = {
    "attitude_conflict", "optimistic_forecast", "veto_opposes",       "no_decision_maker",
    "sharp_drop",        "competitor_leads",    "stale_contact",      "champion_left",
    "focus_coverage",    "no_lead",             "opposer_to_neutral", "vote_not_supporting",
    "mean_falling",      "ask_employee",        "leverage_employee",  "undeclared_acquaintances",
    "milestone_due",     "milestone_overdue",   "price_above_history"};
inline constexpr std::string_view kSeverityNames[] = {"high", "medium", "low"};
extern const Words kWarningKinds;     // the words of kWarningKindNames
extern const Words kSeverities;       // high medium low
extern const Words kDecisionStatus;   // acknowledged snoozed dismissed
extern const Words kIntroductionStatus;  // pending accepted declined withdrawn
extern const Words kWebhookFormats;  // wecom dingtalk json
extern const Words kWebhookEvents;   // introduction_request introduction_answered task_assigned

extern const Words kCurrencies;     // ISO 4217 codes: CNY USD EUR …

bool Contains(Words words, std::string_view word);
// Whether `code` is an ISO 4217 currency code (upper case, as the standard writes it).
bool IsCurrency(std::string_view code);

// The number of an attitude (+2 … −2); nullopt for `unknown` or a word outside the scale.
std::optional<int> AttitudeNumber(std::string_view attitude);

}  // namespace brm::vocab
