#include "domain/vocab.hpp"

#include <algorithm>

namespace brm::vocab {
namespace {
constexpr std::string_view kOrgKindsData[] = {"customer", "ours", "competitor", "partner"};
constexpr std::string_view kImportanceData[] = {"high", "medium", "low", "unknown"};
constexpr std::string_view kOrientationData[] = {"technology", "business",    "relationship", "price",
                                                 "risk_averse", "innovation", "unknown"};
constexpr std::string_view kUserRolesData[] = {"rep", "manager", "executive", "admin", "employee"};
constexpr std::string_view kStrengthsData[] = {"strong", "medium", "weak"};
constexpr std::string_view kStatusData[] = {"open", "won", "lost", "abandoned"};
constexpr std::string_view kTypeData[] = {"new", "phase", "upgrade", "maintenance"};
constexpr std::string_view kDecisionRolesData[] = {
    "decision_maker", "approver",   "technical_evaluator", "business_evaluator", "user",
    "procurement",    "influencer", "coach",               "gatekeeper",         "other"};
constexpr std::string_view kYesNoUnknownData[] = {"yes", "no", "unknown"};
constexpr std::string_view kDimensionsData[] = {"closeness", "solution", "price"};
constexpr std::string_view kAttitudesData[] = {"strong_support", "support",       "neutral",
                                               "oppose",         "strong_oppose", "unknown"};
constexpr std::string_view kVoteKindsData[] = {"veto", "approve"};
constexpr std::string_view kActivityKindsData[] = {"visit", "meeting", "call", "message",
                                                   "meal",  "event",   "other"};
constexpr std::string_view kLanguagesData[] = {"zh-CN", "en"};
constexpr std::string_view kConditionsData[] = {"legacy_limits", "transformation", "annual_budget", "compliance",
                                                "expansion",     "replacement",    "other"};
constexpr std::string_view kTenderMethodsData[] = {"public_tender", "invited_tender", "single_source",
                                                   "negotiation",   "inquiry",        "unknown"};
constexpr std::string_view kAwardRulesData[] = {"lowest_price", "comprehensive_score", "unknown"};
constexpr std::string_view kLinkKindsData[] = {"phase_of", "follow_up_of", "replaces", "related"};
constexpr std::string_view kVendorResultsData[] = {"won", "lost", "disqualified", "unknown"};
constexpr std::string_view kDocumentKindsData[] = {"rfp",      "requirements", "proposal", "presentation",
                                                   "contract", "minutes",      "other"};
constexpr std::string_view kLessonKindsData[] = {"win_factor", "loss_factor", "note"};
constexpr std::string_view kMilestoneKindsData[] = {"initiation", "budget_approval", "tender_notice", "bid_submission",
                                                    "evaluation", "award_notice",    "contract"};
constexpr std::string_view kTaskStatusData[] = {"open", "done", "snoozed", "dismissed"};
constexpr std::string_view kTaskSourcesData[] = {"hand", "warning", "tactic", "suggestion", "handover", "introduction"};
constexpr std::string_view kDecisionStatusData[] = {"acknowledged", "snoozed", "dismissed"};
constexpr std::string_view kIntroductionStatusData[] = {"pending", "accepted", "declined", "withdrawn"};
constexpr std::string_view kWebhookFormatsData[] = {"wecom", "dingtalk", "json"};
constexpr std::string_view kWebhookEventsData[] = {"introduction_request", "introduction_answered", "task_assigned"};
// ISO 4217 alphabetic codes, current ones and those withdrawn recently enough to be in old data (HRK),
// sorted for binary search.
constexpr std::string_view kCurrenciesData[] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF",
    "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD",
    "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK",
    "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP",
    "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW",
    "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD",
    "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
    "ZWL",
};
}  // namespace

const Words kOrgKinds{kOrgKindsData};
const Words kImportance{kImportanceData};
const Words kOrientation{kOrientationData};
const Words kUserRoles{kUserRolesData};
const Words kStrengths{kStrengthsData};
const Words kOpportunityStatus{kStatusData};
const Words kOpportunityType{kTypeData};
const Words kDecisionRoles{kDecisionRolesData};
const Words kYesNoUnknown{kYesNoUnknownData};
const Words kDimensions{kDimensionsData};
const Words kAttitudes{kAttitudesData};
const Words kVoteKinds{kVoteKindsData};
const Words kActivityKinds{kActivityKindsData};
const Words kLanguages{kLanguagesData};
const Words kConditions{kConditionsData};
const Words kTenderMethods{kTenderMethodsData};
const Words kAwardRules{kAwardRulesData};
const Words kLinkKinds{kLinkKindsData};
const Words kVendorResults{kVendorResultsData};
const Words kDocumentKinds{kDocumentKindsData};
const Words kLessonKinds{kLessonKindsData};
const Words kMilestoneKinds{kMilestoneKindsData};
const Words kTaskStatus{kTaskStatusData};
const Words kTaskSources{kTaskSourcesData};
const Words kWarningKinds{kWarningKindNames};
const Words kSeverities{kSeverityNames};
const Words kDecisionStatus{kDecisionStatusData};
const Words kIntroductionStatus{kIntroductionStatusData};
const Words kWebhookFormats{kWebhookFormatsData};
const Words kWebhookEvents{kWebhookEventsData};

const Words kCurrencies{kCurrenciesData};

bool IsCurrency(std::string_view code) {
  return std::binary_search(std::begin(kCurrenciesData), std::end(kCurrenciesData), code);
}

bool Contains(Words words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::optional<int> AttitudeNumber(std::string_view attitude) {
  if (attitude == "strong_support") return 2;
  if (attitude == "support") return 1;
  if (attitude == "neutral") return 0;
  if (attitude == "oppose") return -1;
  if (attitude == "strong_oppose") return -2;
  return std::nullopt;
}

}  // namespace brm::vocab
