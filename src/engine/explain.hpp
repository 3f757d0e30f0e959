// Explanations (issue 13 item 2): the persons and rating facts behind a figure of SPEC.md §5, and the
// attribution of its change between two days to the persons whose value or membership changed.
//
// A figure is one degree of one of the six quantifications over a set of persons: a key person (the set
// of one), a decision chain (effective project ratings), a department or a customer (customer-level
// ratings of its active key persons), an employee (the active key persons they can influence) or the
// company (the active key persons of the customers in a scope) or a customer's influence centres (its
// kPooledCentres highest-ranked key persons, influence_centres.hpp); toward ours or a competitor. The set and
// the values are read exactly as the figure reads them, so the Stats recomputed from the listed values
// are the figure's.
//
// Attribution of a mean's change from day E (earlier) to day D, with K_E and K_D the persons of known
// value and m_E the earlier mean: every person contributes
//   (v_D − v_E) / |K_D|   when known on both days,
//   (v_D − m_E) / |K_D|   when known on D only (entered the known set: above the old mean raises it),
//  −(v_E − m_E) / |K_D|   when known on E only (left it: below the old mean, its leaving raises it),
// and these parts add up to m_D − m_E exactly (in exact arithmetic; in doubles within 1e-12). A person whose
// value did not change contributes 0 and is not listed. With no known value on either day there is no
// delta and no contribution (null), but the changes are listed.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <optional>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

enum class FigureKind : uint8_t { kPerson, kChain, kDepartment, kCustomer, kEmployee, kCompany, kCentres };

// What a figure is of: a person, opportunity, department, customer (also for its centres) or employee
// (person) index; the
// company figure takes the customers of `scope` instead.
struct FigureSubject {
  FigureKind kind = FigureKind::kCustomer;
  Idx index = kNone;
};

// One person of the set on a day, with the value the figure counts and where it comes from.
struct ExplainedValue {
  Idx person = kNone;
  Idx member = kNone;    // a chain's member (a person may be in a chain twice), else kNone
  int8_t value = kUnknown;
  Idx fact = kNone;       // the rating that gives the value (Kind::kRating index), kNone when none was recorded
  Date fact_date;         // its date, when there is one
  bool project = false;   // the fact is project level (chains)
  bool inherited = false;  // a chain member's customer-level value standing in for an unknown project one
};

struct Explanation {
  Date as_of;
  std::vector<ExplainedValue> persons;  // by person id (then member)
  Stats stats;                          // recomputed from `persons`
};

struct Attribution {
  Date as_of, earlier;
  Stats now, before;
  std::optional<double> delta;  // mean now − mean before
  struct Part {
    Idx person = kNone;
    Idx member = kNone;
    std::optional<int8_t> before, now;  // nullopt: not in the set that day (kUnknown: in it, value unknown)
    std::optional<double> contribution;
  };
  std::vector<Part> parts;  // persons whose value or membership changed, by person id
};

// Why a customer gets its recommended strategy (SPEC.md §6.5, toward ours) and what would change it: the
// rule that held with its numbers against the thresholds, the key persons not yet fully profiled (with the
// features they miss), and the means to lift.
struct StrategyReason {
  Strategy strategy = Strategy::kAcquire;
  // acquire: no key person, or at most two not all profiled; incomplete: the graph is not complete;
  // fell: a mean fell by the threshold; poor: a tier is poor; all_good: every tier good or better;
  // otherwise: none of these (grow).
  enum class Rule : uint8_t { kAcquire, kIncomplete, kFell, kPoor, kAllGood, kOtherwise } rule = Rule::kAcquire;
  int key_persons = 0, fully_profiled = 0;
  int profiled_needed = 0;  // fully profiled key persons a complete graph needs with today's key persons
  Date before_day;          // the day the fall is measured from (drop_months earlier)
  Degrees now{}, before{};
  std::array<bool, kDimensions> fell{}, poor{};
  struct ToProfile {
    Idx person = kNone;
    std::vector<std::string_view> missing;  // features: closeness solution price veto approve acquaintance orientation
  };
  std::vector<ToProfile> to_profile;  // active key persons not fully profiled, by id
};
std::string_view RuleName(StrategyReason::Rule rule);

class Explainer {
 public:
  // `figures` as the figure itself is computed (Within the caller's scope); `scope` the customers of a
  // company figure and the scope of an employee's (the caller's, as the employee figure takes it).
  Explainer(const Figures& figures, const Scope& scope) : figures_(figures), graph_(figures.graph()), scope_(scope) {}

  Explanation Explain(FigureSubject subject, Dimension dimension, Idx toward, Date day) const;
  Attribution Attribute(FigureSubject subject, Dimension dimension, Idx toward, Date day, Date earlier) const;
  // Gives the same strategy as Figures::Recommend(customer, day).
  StrategyReason StrategyOf(Idx customer, Date day) const;

 private:
  const Figures& figures_;
  const Graph& graph_;
  const Scope& scope_;
};

}  // namespace brm::engine
