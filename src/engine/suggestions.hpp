// Suggestions (關係活動建議): the next relationship actions for the customers of a scope as of a day, ranked
// by their expected effect (SPEC.md §9.4 "warnings and suggestions, each with a reason a person can read").
//
// The customers are those of the scope active on the day; "open" opportunities are open on the day; a chain
// member's effective closeness is its project-level closeness when known, else its customer-level one
// (SPEC.md §4), and its effective veto its own when known, else the person's customer-level vote. Always
// toward ours. The kinds, in the order they rank on equal effect:
//   ask_veto    a counting member of an open chain whose effective veto is yes and whose effective
//               closeness is not supporting (below support, or unknown), whom an employee can influence:
//               ask that employee (every such employee is named, by id). One per (opportunity, person).
//   introduce   an active key person whose customer-level closeness is opposing, or who is un-insighted,
//               and who has an introduction path (introduction_paths.hpp) starting from someone other than the
//               customer's owner (their own acquaintance is no introduction): introduce via the best such
//               path (its employee and intermediate persons are named).
//   contact     an active key person counting in an open focus chain with no activity in the 90 days ending
//               on the day: contact them (the days since their last activity, null when never).
//   fill_role   an open focus opportunity whose chain misses roles (SPEC.md §6.2): fill them (named).
//   profile     an active key person of a focus customer who is not fully profiled: profile the unknown
//               features (named, in the order of SPEC.md §3).
// The expected effect: how far a mean of closeness would move if the person moved one step toward support
// (their value + 1, at most strong_support): the customer's (introduce) or the chain's (ask_veto, contact),
// the mean over the same set as its figure (SPEC.md §5) — delta = (min(v + 1, 2) − v) / known. None when
// the person's value there is unknown (no step to take from unknown), and for fill_role and profile, which
// concern no known value.
// Ranked: effect delta descending (none last), then kind in the order above, then customer, opportunity
// and person id.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

enum class SuggestionKind : uint8_t { kAskVeto, kIntroduce, kContact, kFillRole, kProfile };
inline constexpr int kSuggestionKinds = 5;
inline constexpr std::string_view kSuggestionKindNames[kSuggestionKinds] = {"ask_veto", "introduce", "contact",
                                                                           "fill_role", "profile"};

// The move of one mean (toward ours, closeness) if the person moved one step toward support.
struct Effect {
  bool chain = false;  // the chain's mean (of the suggestion's opportunity), else the customer's
  double before = 0, after = 0;
  int known = 0;       // the known values the mean is over
  double delta() const { return after - before; }
};

struct Suggestion {
  SuggestionKind kind = SuggestionKind::kProfile;
  Idx customer = kNone, opportunity = kNone, person = kNone;
  int8_t value = kUnknown;       // the person's closeness the effect starts from (effective in a chain)
  std::vector<Idx> employees;    // ask_veto: who can influence; introduce: the path's employee
  std::vector<Idx> via;          // introduce: the path's intermediate persons
  double strength = 0;           // introduce: the path's strength
  std::vector<uint8_t> roles;    // fill_role: indexes in vocab::kDecisionRoles
  std::vector<std::string_view> features;  // profile: the unknown features
  std::optional<int> days;       // contact: days since the last activity (none: never)
  std::optional<Effect> effect;
  std::string message;           // plain English, naming entities by id
};

class Suggestions {
 public:
  explicit Suggestions(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  // Every suggestion for the customers of `scope` as of `day`, ranked.
  std::vector<Suggestion> For(const Scope& scope, Date day) const;
  // The same, kept in the figures' cache until the next write.
  std::shared_ptr<const std::vector<Suggestion>> CachedFor(const Scope& scope, Date day) const;

 private:
  int8_t Effective(Idx person, Idx opportunity, Date day) const;
  int8_t EffectiveVeto(Idx member, Date day) const;
  static std::optional<Effect> Step(const Stats& set, int8_t value, bool chain);

  const Figures& figures_;
  const Graph& graph_;
};

}  // namespace brm::engine
