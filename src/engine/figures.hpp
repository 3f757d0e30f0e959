// Figures: every per-entity figure of SPEC.md §3–6 as of a date — ratings as of D, the seven features,
// the customer, decision-chain, key-person and employee quantifications, and the strategy rule.
// Pure reads of a Graph; the lines over many customers are in lines.hpp.
//
// Threads: a Figures only reads its Graph; several may run at once while no one writes the graph.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "domain/strategy_config.hpp"
#include "engine/graph.hpp"
#include "engine/stats.hpp"

namespace brm::engine {

enum class Strategy : uint8_t { kAcquire, kGrow, kWinBack, kWait, kRetain };
std::string_view StrategyName(Strategy strategy);

// Interaction level (交互程度) from a 90-day activity count.
std::string_view InteractionName(int activities);

// What the seven features and the rule inputs need of one key person as of a day.
struct PersonState {
  std::array<int8_t, kDimensions> degrees{kUnknown, kUnknown, kUnknown};  // toward the asked target
  bool insighted = false;
  bool fully_profiled = false;
};

// The customer figures (`GET /customers/{id}/metrics`).
struct CustomerMetrics {
  Idx customer = kNone;
  Date as_of;
  Idx toward = kOurs;
  int key_persons = 0, insighted = 0, fully_profiled = 0;
  bool complete = false;
  Degrees degrees{};
  // The same figures one month and one year earlier (deltas are taken when shown).
  Degrees month_ago{}, year_ago{};
  int key_persons_month_ago = 0, key_persons_year_ago = 0;
  int open_count = 0;
  double open_amount = 0;
  Strategy strategy = Strategy::kAcquire;
  struct Department {
    Idx department = kNone;
    int key_persons = 0;
    Degrees degrees{};
  };
  // Active departments, in id order. Held inline up to six (a large tenant's customers have three to six):
  // a line of 10,000 customers otherwise spends a fifth of its time allocating and freeing these.
  boost::container::small_vector<Department, 6> departments;
};

// A decision chain (`GET /opportunities/{id}/chain`).
struct ChainFigures {
  Idx opportunity = kNone;
  Date as_of;
  Idx toward = kOurs;
  struct Member {
    Idx member = kNone;
    Idx person = kNone;
    uint8_t role = 0;
    int8_t veto = kUnknown, approve = kUnknown;
    std::array<int8_t, kDimensions> degrees{};
    std::array<bool, kDimensions> inherited{};
    int interaction = 0;  // activities of the last 90 days linked to the opportunity
  };
  std::vector<Member> members;  // counting members, by person id
  Degrees degrees{};
  Degrees month_ago{}, year_ago{};
  std::vector<uint8_t> missing_roles;  // indexes in vocab::kDecisionRoles
};

// A key person's profile (`GET /people/{id}/profile`), always toward ours.
struct Profile {
  Idx person = kNone;
  Date as_of;
  std::array<int8_t, kDimensions> degrees{};
  int8_t veto = kUnknown, approve = kUnknown;
  bool acquaintance = false;
  uint8_t orientation = 6;
  bool insighted = false;
  int known_features = 0;
  uint8_t importance = 3;
  int interaction = 0;
  std::vector<Idx> internal, ours, competitors;  // influencers, sorted by id
  struct Chain {
    Idx opportunity = kNone;
    uint8_t role = 0;
    std::array<int8_t, kDimensions> degrees{};  // project level
    int interaction = 0;                        // activities of the last 90 days linked to the opportunity
  };
  std::vector<Chain> chains;  // by opportunity id
};

// An employee's influence (`GET /employees/{person}/metrics`).
struct EmployeeMetrics {
  Idx employee = kNone;
  Date as_of;
  int acquainted = 0, uninsighted = 0;
  Degrees degrees{};
  std::optional<double> value_potential;
  int influence_uses = 0, contributed_wins = 0;
};

// The organizations a figure may use (SPEC.md §7): the whole company, or a set that the access policy
// (service/access_policy.hpp) decides. Figures over customers take the customers of the set; within a
// Figures made Within(scope), a chain member, an influence link, an activity or an influence use counts
// only when every organization it reaches is in the set.
class LineCache;

class Scope {
 public:
  static Scope Company() { return Scope(); }
  // The organizations marked true, by organization index.
  static Scope Of(std::vector<bool> orgs) {
    Scope scope;
    scope.company_ = false;
    scope.orgs_ = std::move(orgs);
    return scope;
  }
  // The organizations for which `has` answers true, asked only for the organizations a figure reaches: a
  // scope opened this way costs nothing however many organizations the tenant has (a figure of one
  // customer asks a handful). `has` is never called with kNone; what it reads must outlive the scope.
  static Scope Where(std::function<bool(Idx)> has) {
    Scope scope;
    scope.company_ = false;
    scope.has_ = std::move(has);
    return scope;
  }
  bool Has(Idx org) const {
    if (company_) return true;
    if (org == kNone) return false;
    if (has_) return has_(org);
    return org < orgs_.size() && orgs_[org];
  }
  bool company() const { return company_; }
  // Whether the scope can be compared (a cache key): the company and scopes made Of can, a scope made
  // Where cannot.
  bool comparable() const { return !has_; }
  // The same organizations, for comparable scopes; false whenever either is not comparable.
  bool operator==(const Scope& other) const {
    return comparable() && other.comparable() && company_ == other.company_ && orgs_ == other.orgs_;
  }

 private:
  bool company_ = true;
  std::vector<bool> orgs_;        // by organization index, unless has_
  std::function<bool(Idx)> has_;  // the membership test of a scope made Where
};

class Figures {
 public:
  // `cache` (optional) keeps lines between calls (line_cache.hpp); the Engine hands its own.
  Figures(const Graph& graph, StrategyThresholds thresholds, LineCache* cache = nullptr)
      : graph_(graph), thresholds_(thresholds), cache_(cache) {}
  // The same figures over only what `scope` holds (SPEC.md §7: "a figure for a scope is computed only from
  // data visible in that scope"). `scope` must outlive the copy.
  Figures Within(const Scope& scope) const {
    Figures figures(graph_, thresholds_, cache_);
    if (!scope.company()) figures.within_ = &scope;
    return figures;
  }
  // Whether the organization is in the scope these figures are limited to (always, without one).
  bool Sees(Idx org) const { return !within_ || within_->Has(org); }
  // Whether these figures see the whole company (no Within).
  bool WholeCompany() const { return !within_; }

  const Graph& graph() const { return graph_; }
  // The strategy thresholds these figures use (SPEC.md §6.5; also the sharp_drop warning of §9).
  const StrategyThresholds& thresholds() const { return thresholds_; }
  LineCache* cache() const { return cache_; }

  // SPEC.md §4: who counts on a day.
  bool ActiveKeyPerson(Idx person, Date day) const;
  bool Employee(Idx person, Date day) const;
  bool LinkCounts(Idx link, Date day) const;
  bool MemberCounts(Idx member, Date day) const;

  // rating(person, dimension, toward, scope, D); `opportunity` kNone is the customer level.
  int8_t Rating(Idx person, Dimension dimension, Idx toward, Idx opportunity, Date day) const;
  int8_t Vote(Idx person, VoteKind kind, Date day) const;
  // Activities dated day−89 … day (linked to `opportunity` unless it is kNone).
  int Activities(Idx person, Idx opportunity, Date day) const;
  // Some counting influence link points to the person. Over the whole company the graph keeps the answer
  // with the person's hot histories (kHotAcquainted); within a scope, the links are read.
  bool Acquainted(Idx person, Date day) const {
    if (!within_) return ValueAt(graph_.people[person].Hot(kHotAcquainted), day) != kUnknown;
    return AcquaintedWithin(person, day);
  }
  bool AcquaintedByEmployee(Idx person, Date day) const;
  // Sorted ids of the employees with a counting link to the person.
  std::vector<Idx> InfluencingEmployees(Idx person, Date day) const;
  PersonState State(Idx person, Idx toward, Date day) const;
  // The state given the person's three customer-level degrees toward ours on the day.
  // (Inline: the customer figures ask it of every key person.)
  PersonState StateFrom(Idx person, const std::array<int8_t, kDimensions>& ours, Date day) const {
    const Person& p = graph_.people[person];
    PersonState state;
    state.degrees = ours;
    const bool degrees_known = ours[0] != kUnknown && ours[1] != kUnknown && ours[2] != kUnknown;
    state.insighted = degrees_known && ValueAt(p.Hot(HotVote(VoteKind::kVeto)), day) != kUnknown &&
                      ValueAt(p.Hot(HotVote(VoteKind::kApprove)), day) != kUnknown;
    state.fully_profiled = state.insighted && p.orientation != 6 && Acquainted(person, day);
    return state;
  }
  // The history of (person, dimension, toward, opportunity), sorted by (date, recording order); empty when
  // nothing was ever recorded.
  std::span<const FactPoint> History(Idx person, Dimension dimension, Idx toward, Idx opportunity) const;

  // The active key persons of a customer on a day (none when the customer is not active).
  std::vector<Idx> KeyPersons(Idx customer, Date day) const;
  Degrees CustomerDegrees(Idx customer, Idx toward, Date day, int* key_persons = nullptr) const;

  CustomerMetrics Customer(Idx customer, Idx toward, Date day) const;
  // The days a customer's figures read: the day, one month and one year earlier (MoM, YoY), and the
  // strategy's drop_months earlier.
  using CustomerDays = std::array<Date, 4>;
  CustomerDays DaysOf(Date day) const;
  // The same figures into `m`, which must be as a CustomerMetrics is made: a line fills its list in place,
  // with the days worked out once.
  void Customer(Idx customer, Idx toward, const CustomerDays& days, CustomerMetrics& m) const;
  Strategy Recommend(Idx customer, Date day) const;
  // The rule of SPEC.md §6.5 given the day's key persons (k), fully profiled (profiled), and the customer's
  // degrees toward ours on the day (now) and drop_months earlier (before).
  Strategy Recommend(int k, int profiled, const Degrees& now, const Degrees& before) const;
  ChainFigures Chain(Idx opportunity, Idx toward, Date day) const;
  Degrees ChainDegrees(Idx opportunity, Idx toward, Date day, int* members = nullptr) const;
  Profile PersonProfile(Idx person, Date day) const;
  EmployeeMetrics EmployeeInfluence(Idx employee, Idx toward, Date day, const Scope& scope) const;

  // Won opportunities of customers in scope closed from 1 January of day's year up to day.
  std::vector<Idx> WonThisYear(const Scope& scope, Date day) const;
  // Whether an influence use of the opportunity (by `employee`, or anyone when kNone) is dated on or before day.
  bool UsedInfluence(Idx opportunity, Idx employee, Date day) const;
  // Whether an influence use counts within the scope these figures are limited to.
  bool Counts(const InfluenceUse& use) const;
  // Sorts indexes of `kind` by their ids.
  void SortById(Kind kind, std::vector<Idx>& items) const;

 private:
  bool AcquaintedWithin(Idx person, Date day) const;  // Acquainted, from the links

  const Graph& graph_;
  StrategyThresholds thresholds_;
  LineCache* cache_ = nullptr;
  const Scope* within_ = nullptr;  // nullptr: the whole company
};

}  // namespace brm::engine
