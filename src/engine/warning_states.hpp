// Warning states: what users decided about the warnings (warnings.hpp), read as of a day.
//
// A decision (graph.hpp, WarningDecision) is a fact about one warning's key — its kind, customer,
// opportunity and person. The one in force is the latest recorded that is not retired (retiring it is the
// undo, and brings the one before back); for a warning that concerns nothing (a scope's pooled mean, whose
// key is the same in every perspective) only the reader's own decisions count. It holds until what raised
// the warning changes:
//   acknowledged, dismissed  until a new fact (or a retired one) about what the warning concerns, or a higher
//                            severity than when decided;
//   snoozed                  until its snoozed_until day, or a higher severity.
// A lapsed decision leaves the warning new again, and says why.
//
// "What the warning concerns" is its most specific subject: its person when it names one; else its
// opportunity, meaning the persons of its chain (every membership, counting or not) and its influence
// uses; else its customer's persons. Their facts are the ratings, votes and activities of those persons
// (and the uses), each counted once, and once more when retired: a number that only grows (FactsAbout),
// taken when the decision is recorded (StampDecision) and compared when it is read.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include "domain/record.hpp"
#include "engine/graph.hpp"
#include "engine/warnings.hpp"

namespace brm::engine {

enum class WarningState : uint8_t { kNew, kAcknowledged, kSnoozed, kDismissed };
inline constexpr std::string_view kWarningStateNames[] = {"new", "acknowledged", "snoozed", "dismissed"};
enum class Lapse : uint8_t { kNone, kFacts, kSeverity, kSnoozeOver };
inline constexpr std::string_view kLapseNames[] = {"", "facts", "severity", "snooze_over"};

struct DecisionState {
  WarningState state = WarningState::kNew;
  Idx decision = kNone;     // the decision read (in force, or lapsed); kNone when there is none
  Lapse lapse = Lapse::kNone;  // why `decision` no longer holds
};

// The count of facts about a warning's subject (see above); 0 when it concerns nothing.
double FactsAbout(const Graph& graph, Idx customer, Idx opportunity, Idx person);

// The state of `warning` for the user `reader` on `day`.
DecisionState StateOf(const Graph& graph, const Warning& warning, Date day, Idx reader);

// Sets a new decision's severity (the kind's) and facts (FactsAbout now), whatever the body said.
void StampDecision(const Graph& graph, Record& record);

}  // namespace brm::engine
