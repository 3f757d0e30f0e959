// Introduction paths (引薦路徑): the second step of relationship work, "use" (SPEC.md §9.2) — how our
// employees can reach a target key person.
//
// A path is an employee of ours followed by one to three influence links ending at the target:
//   employee → target, employee → a → target, or employee → b → a → target.
// Decisions (the SPEC names the links "influence links (internal or reporting)"):
// - The first link is a counting influence link from an active employee (Figures::Employee). Every later
//   link stays inside the target's customer: an internal influence link that counts on the day, or an
//   active reporting line read as manager → report, as for the influence centres. So the intermediate
//   persons (`via`) are active persons of the target's customer — key or not: an assistant can introduce.
//   A report is not taken to influence their manager.
// - Strengths are strong 0.9, medium 0.6, weak 0.3; a reporting line counts as strong (0.9): a manager can
//   direct a report, the deepest influence the link strengths describe.
// - A path is a sequence of distinct persons; when several links join the same two persons in the same
//   direction, the strongest one is that step's strength. The path's strength is the product of its steps.
// - Every path is listed, not only the best of each employee: the SPEC ranks "the introduction paths",
//   and a second route through another colleague is worth knowing when the first is closed.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <functional>
#include <unordered_map>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

struct IntroductionPath {
  Idx employee = kNone;
  std::vector<Idx> via;  // intermediate persons, from the employee's side towards the target; empty when direct
  double strength = 0;   // product of the link strengths (0.9 × 0.6 = 0.54)
  int links() const { return static_cast<int>(via.size()) + 1; }
};

class IntroductionPaths {
 public:
  static constexpr int kMaxLinks = 3;

  explicit IntroductionPaths(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  // Every path of at most kMaxLinks links from an employee active on `day` to `target`, best first:
  // strength descending, then fewer links, then employee id, then the via ids in order. Strengths are
  // compared exactly (as products of tenths), so equal products tie whatever their order of factors.
  // Empty when `target` is not an active key person on `day`.
  std::vector<IntroductionPath> To(Idx target, Date day) const;

  // The active reporting lines on `day` inside each organization `wanted` answers true for, by report (their
  // managers): what To reads of the reporting lines, which are not indexed by person. Made once, it serves
  // the paths to every person of those organizations (the suggestions ask for thousands).
  using Managers = std::unordered_map<Idx, std::vector<Idx>>;
  Managers ManagersOn(Date day, const std::function<bool(Idx)>& wanted) const;
  // To, with the reporting lines of the target's organization from ManagersOn.
  std::vector<IntroductionPath> To(Idx target, Date day, const Managers& managers) const;

 private:
  const Figures& figures_;
  const Graph& graph_;
};

}  // namespace brm::engine
