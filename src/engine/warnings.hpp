// Warnings (預警): the fourth step of relationship work, "verify" (SPEC.md §9.4) — the risks in the
// ratings, chains and coverage of a scope as of a day, each with a reason a person can read.
//
// Always toward ours. The customers concerned are those of the Scope active on the day; the opportunities
// concerned are theirs, "open" and "active" both meaning Opportunity::OpenOn(day). An attitude is
// "supporting" at support or better and "opposing" at oppose or worse; a chain member's effective rating is
// its project-level rating when known, else its customer-level one (SPEC.md §4), and a member's effective
// veto / approve is the member's own field when known, else the person's customer-level vote.
//
// The kinds, in the order warnings are listed, with their severity (high: a deal or relationship is at
// risk now; medium: needs attention soon; low: coverage and housekeeping). The first eight are named by
// the SPEC; the rest are the principle checks of §6.3/§6.4, named here.
//   attitude_conflict (medium)  a key person's customer-level degree supports while the project-level degree
//                               of the same dimension opposes in an open opportunity, or the reverse; one
//                               per (person, opportunity), naming the dimensions.
//   optimistic_forecast (high)  an open opportunity with win_probability ≥ 0.6 where at least half of the
//                               counting members with known effective closeness oppose, or at least half of
//                               the chain's departments with a known mean have a negative mean (members
//                               grouped by their person's department; members without one are in none).
//   veto_opposes (high)         a counting member with effective veto yes whose effective closeness or
//                               solution is opposing.
//   no_decision_maker (high)    an open focus opportunity without a counting member in role decision_maker
//                               or approver and without one whose effective approve is yes.
//   sharp_drop (high)           a customer mean (each degree) that fell by at least the strategy threshold
//                               `drop` since `drop_months` ago (Stats FellBy); one per customer.
//   competitor_leads (high)     an open focus opportunity where a competitor's chain mean is higher than ours
//                               on all three degrees (both means known); one per opportunity, naming them.
//                               The competitors of an opportunity are the competitor organizations some
//                               counting member is rated toward (in it or at customer level) with at least
//                               one known effective rating on the day.
//   stale_contact (medium)      an active key person counting in an open focus chain with no activity
//                               (with anyone, on any matter) in the 90 days ending on the day.
//   champion_left (high)        a chain member of an open opportunity whose effective closeness was
//                               supporting the day before they stopped counting (their membership or the
//                               person ended), that day falling in the 90 days ending on the day, and who
//                               does not count in that chain on the day through another membership.
//   focus_coverage (low)        an active key person of a focus customer not contacted in the last 90 days
//                               (no activity) or not fully profiled; the message names what is missing.
//   no_lead (medium)            an open focus opportunity with a competitor we do not lead on any degree
//                               (we lead on a degree when our chain mean is known and theirs is unknown or
//                               lower); competitors already reported by competitor_leads are left out.
//   opposer_to_neutral (low)    an active key person whose customer-level degree is opposing: raise to neutral.
//   vote_not_supporting (medium) an active key person holding the veto or approval vote (customer-level
//                               vote yes) whose customer-level closeness is not yet supporting (or unknown).
//   mean_falling (medium)       a customer mean, or the scope's pooled mean (customer null), lower than one
//                               month or one year earlier (both known); one per customer, naming degrees.
//   ask_employee (low)          an un-insighted active key person whom an employee can influence: ask them.
//   leverage_employee (medium)  an active key person counting in an open focus chain, with neutral or
//                               opposing effective closeness, whom an employee can influence.
//   undeclared_acquaintances (low) a user (any role) active on the day, whose person is an employee, with
//                               no influence link from that person starting (since) in the 12 months
//                               ending on the day.
// The project-history kinds of SPEC.md §8.3 (project_warnings.cpp), with the timeline of
// project_history.hpp; the next expected milestone is the first kind with an expected date:
//   milestone_due (low)         an open opportunity whose next expected milestone falls within day … day+14.
//   milestone_overdue (medium)  an open opportunity whose next expected milestone was expected before
//                               day−14 (and, being expected, is not reached).
//   price_above_history (medium) an open opportunity whose latest quote of ours (highest round, then latest
//                               date, then last id) divided by its budget (> 0) exceeds the customer's
//                               highest winning_bid / budget over at least 2 history projects.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/vocab.hpp"
#include "engine/figures.hpp"

namespace brm::engine {

enum class WarningKind : uint8_t {
  kAttitudeConflict,
  kOptimisticForecast,
  kVetoOpposes,
  kNoDecisionMaker,
  kSharpDrop,
  kCompetitorLeads,
  kStaleContact,
  kChampionLeft,
  kFocusCoverage,
  kNoLead,
  kOpposerToNeutral,
  kVoteNotSupporting,
  kMeanFalling,
  kAskEmployee,
  kLeverageEmployee,
  kUndeclaredAcquaintances,
  kMilestoneDue,
  kMilestoneOverdue,
  kPriceAboveHistory,
};
inline constexpr int kWarningKinds = 19;
using vocab::kWarningKindNames;  // the kinds' words, in the order of WarningKind
using vocab::kSeverityNames;
static_assert(std::size(kWarningKindNames) == kWarningKinds, "one word per warning kind");

enum class Severity : uint8_t { kHigh, kMedium, kLow };

std::string_view WarningKindName(WarningKind kind);
std::string_view SeverityName(Severity severity);
// The fixed severity of each kind (see the list above).
Severity SeverityOf(WarningKind kind);

// A value a translated message needs (the English `message` writes the same into its text), named by
// `key`: under a degree when `dimension` is one, else of the warning itself.
struct WarningDetail {
  enum class Type : uint8_t { kAttitude, kMean, kNumber, kCount, kDate, kFlag, kFeatures };
  std::string_view key;   // static text
  int8_t dimension = -1;  // a Dimension, or −1
  Type type = Type::kNumber;
  // An attitude (−2 … 2, kUnknown); a mean (NaN: none); a number; a whole count; a day's number; 0 or 1; feature bits
  // (features.hpp).
  double value = 0;
};

struct Warning {
  WarningKind kind = WarningKind::kAttitudeConflict;
  Severity severity = Severity::kMedium;
  Idx customer = kNone, opportunity = kNone, person = kNone;  // what it concerns; kNone when not applicable
  // The details a translated message needs: the degrees concerned, the employees to ask or leverage (by
  // id), and the competitors (organizations, by id).
  std::vector<Dimension> dimensions;
  std::vector<Idx> employees;
  std::vector<Idx> competitors;
  // Project history: the milestone kind and its expected date; our quote's and the history's highest
  // ratio to budget.
  std::string milestone;
  std::optional<Date> expected;
  std::optional<double> ratio, history_max;
  // The values the message states, by kind (docs/api.md "Warning details").
  std::vector<WarningDetail> details;
  std::string message;  // plain English, naming entities by id

  // Adding details (a degree's attitude or mean, the warning's number, count, day, flag or features).
  Warning& Attitude(std::string_view key, Dimension d, int8_t value) {
    return Add(key, static_cast<int8_t>(d), WarningDetail::Type::kAttitude, value);
  }
  Warning& Mean(std::string_view key, Dimension d, std::optional<double> mean) {
    return Add(key, static_cast<int8_t>(d), WarningDetail::Type::kMean, mean.value_or(std::nan("")));
  }
  Warning& Number(std::string_view key, double value) { return Add(key, -1, WarningDetail::Type::kNumber, value); }
  Warning& Count(std::string_view key, int value) { return Add(key, -1, WarningDetail::Type::kCount, value); }
  Warning& Day(std::string_view key, Date day) { return Add(key, -1, WarningDetail::Type::kDate, day.days); }
  Warning& Flag(std::string_view key, bool value) { return Add(key, -1, WarningDetail::Type::kFlag, value); }
  Warning& Features(std::string_view key, uint8_t bits) { return Add(key, -1, WarningDetail::Type::kFeatures, bits); }

  Warning& Add(std::string_view key, int8_t dimension, WarningDetail::Type type, double value) {
    details.push_back(WarningDetail{key, dimension, type, value});
    return *this;
  }
};

class Warnings {
 public:
  explicit Warnings(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  // Every warning for the customers of `scope` as of `day`, ordered by kind (the order above), then
  // customer id, opportunity id and person id (kNone before any id). `users` are the users whose own
  // acquaintance declarations belong to the scope (the scope's users for a person or team scope); with the
  // company scope every user is checked and `users` is ignored.
  std::vector<Warning> Check(const Scope& scope, Date day, const std::vector<Idx>& users = {}) const;
  // The same, kept in the figures' cache until the next write.
  std::shared_ptr<const std::vector<Warning>> CachedCheck(const Scope& scope, Date day,
                                                          const std::vector<Idx>& users = {}) const;

 private:
  struct Context {
    Date day;
    std::vector<Idx> customers;      // customers of the scope active on the day
    std::vector<Idx> opportunities;  // their opportunities open on the day
    std::vector<Idx> focus;          // those of `opportunities` with the focus flag
  };
  using Out = std::vector<Warning>;

  // The SPEC's kinds (warnings.cpp).
  void AttitudeConflicts(const Context& context, Out& out) const;
  void OptimisticForecasts(const Context& context, Out& out) const;
  void VetoOpposes(const Context& context, Out& out) const;
  void NoDecisionMakers(const Context& context, Out& out) const;
  void SharpDrops(const Context& context, Out& out) const;
  // competitor_leads and no_lead, which share the comparison with each competitor.
  void CompetitorComparisons(const Context& context, Out& out) const;
  void StaleContacts(const Context& context, Out& out) const;
  void ChampionsLeft(const Context& context, Out& out) const;
  // The principle checks (principle_checks.cpp).
  void FocusCoverage(const Context& context, Out& out) const;
  void OpposersToNeutral(const Context& context, Out& out) const;
  void VotesNotSupporting(const Context& context, Out& out) const;
  void MeansFalling(const Context& context, const Scope& scope, Out& out) const;
  void AskEmployees(const Context& context, Out& out) const;
  void LeverageEmployees(const Context& context, Out& out) const;
  void UndeclaredAcquaintances(const Context& context, const Scope& scope, const std::vector<Idx>& users,
                               Out& out) const;
  // The project-history kinds (project_warnings.cpp).
  void ProjectHistoryChecks(const Context& context, Out& out) const;

  int8_t Effective(Idx person, Dimension dimension, Idx opportunity, Date day) const;
  int8_t EffectiveVote(Idx member, VoteKind kind, Date day) const;
  // The counting members' distinct persons of an opportunity, by id.
  std::vector<Idx> ChainPersons(Idx opportunity, Date day) const;
  // The competitor organizations some counting member of the opportunity is rated toward (in it or at
  // customer level), by id; the caller keeps those with a known effective rating.
  std::vector<Idx> ChainCompetitors(Idx opportunity, Date day) const;
  // "closeness", "closeness and price", "closeness, solution and price".
  static std::string DimensionList(const std::vector<Dimension>& dimensions);
  // A mean for a message: at most two decimals, trailing zeros dropped ("0.5", "-1.33", "2").
  static std::string MeanText(std::optional<double> mean);
  Warning Make(WarningKind kind, Idx customer, Idx opportunity, Idx person) const;
  const std::string& PersonId(Idx person) const { return graph_.Id(Kind::kPerson, person); }
  const std::string& OrgId(Idx org) const { return graph_.Id(Kind::kOrganization, org); }
  const std::string& OpportunityId(Idx opportunity) const { return graph_.Id(Kind::kOpportunity, opportunity); }

  const Figures& figures_;
  const Graph& graph_;
};

}  // namespace brm::engine
