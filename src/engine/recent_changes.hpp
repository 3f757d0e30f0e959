// Recent changes (近期变化) on the customers of a scope: what moved in the days up to a day — ratings and votes
// recorded with their value before, and persons joining or leaving decision chains — for a rep's workbench.
//
// Over the persons of the scope's customers active on the day (key or not) and the chains of their
// opportunities. A rating or vote counts when it is dated within the window (the `days` days ending on the
// day) and still on record on the day (not retired by then); `previous` is the value of the same key just
// before it (unknown when none). A membership "joined" when its `since` falls within the window, "left" when
// its `until` does (the membership stopping on that day). Newest first; on a day, ratings, then votes, then
// chain changes, each by person id.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

enum class ChangeKind : uint8_t { kRating, kVote, kJoined, kLeft };
inline constexpr std::string_view kChangeKindNames[] = {"rating", "vote", "joined", "left"};

struct RecentChange {
  ChangeKind kind = ChangeKind::kRating;
  Date date;
  Idx customer = kNone, opportunity = kNone, person = kNone;
  Dimension dimension = Dimension::kCloseness;  // ratings
  Idx toward = kOurs;                           // ratings: kOurs or a competitor
  VoteKind vote = VoteKind::kVeto;              // votes
  int8_t value = kUnknown, previous = kUnknown;  // ratings and votes
  uint8_t role = 9;                             // chain changes: index in vocab::kDecisionRoles
};

// The changes on the customers of `scope` in the `days` days ending on `day`.
std::vector<RecentChange> RecentChanges(const Figures& figures, const Scope& scope, Date day, int days);

}  // namespace brm::engine
