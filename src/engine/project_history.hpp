// Project history (PBM, SPEC.md §8.2–8.3): a customer's milestone model and rhythm, the expected dates of
// an open opportunity, the project view (人 財 物 情 節) and a customer's history as of a day.
//
// Counting on day D: a milestone, quote, document or lesson counts when it is active on D and dated ≤ D
// (SPEC.md §8.1); a criterion, vendor or project link when it is active on D (the SPEC names no date for
// them). A history project of a customer is one of its opportunities with status won or lost and
// closed ≤ D; abandoned ones (closed ≤ D) are counted and used nowhere else. The chain of a closed project
// is the one of the day before it closed, counted as in Figures::Chain.
//
// Within a limited Scope (Figures::Within) the company interval pools only the history projects of the
// customers the scope sees (SPEC.md §7: a figure of a scope uses only what the scope sees); with the
// company scope it pools every customer's, active or not, and is cached per day in the Graph until a
// write that may change it.
//
// Threads: pure reads of the graph, like Figures; one ProjectHistory is used by one thread at a time (it
// keeps its scope's company rhythm).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

// Where an interval comes from (SPEC.md §8.2).
enum class RhythmSource : uint8_t { kNone, kCustomer, kCompany };
std::string_view RhythmSourceName(RhythmSource source);  // "customer", "company"; "" for none

// The median of sorted day counts; an even count takes the mean of the middle two rounded half up.
int MedianDays(const std::vector<int>& sorted);

// The interval samples of every consecutive pair of kinds over many history projects, each sorted.
struct CompanyRhythm {
  std::map<std::pair<std::string, std::string>, std::vector<int>> samples;
};

// One consecutive pair of a model with its interval.
struct RhythmStep {
  std::string from, to;
  std::optional<int> days;  // none when source is kNone
  int n = 0;                // the samples behind `days` (0 when none)
  RhythmSource source = RhythmSource::kNone;
  // The customer's own samples (opportunity, days), by opportunity id, whichever source `days` has.
  std::vector<std::pair<Idx, int>> own;
};

// An opportunity's milestones along its customer's model: the reached date of each kind and, for an open
// opportunity, the expected one (SPEC.md §8.2).
struct Timeline {
  std::vector<std::string> model;
  std::vector<std::optional<Date>> reached, expected;  // by model kind
  // The first kind with an expected date (the next milestone), or −1.
  int Next() const;
};

// `GET /customers/{id}/history`.
struct CustomerHistory {
  Idx customer = kNone;
  Date as_of;
  std::vector<std::string> model;
  std::vector<Idx> won, lost, abandoned;  // opportunities, by id
  std::vector<RhythmStep> rhythm;
  std::vector<int> methods, rules;         // counts by index in vocab::kTenderMethods / kAwardRules
  std::vector<std::vector<Idx>> method_projects, rule_projects;  // the projects behind each count, by id
  int usual_method = -1, usual_rule = -1;  // index, or −1 when no known value
  struct Ratios {
    int n = 0;
    double mean = 0, min = 0, max = 0;
    std::vector<Idx> projects;  // by id
  };
  Ratios win_to_budget, our_to_winning_lost;
  std::vector<int> roles;  // by index in vocab::kDecisionRoles
  std::vector<std::vector<Idx>> role_projects;
  struct PersonCount {
    Idx person = kNone;
    int count = 0;
    std::vector<Idx> projects;
  };
  std::vector<PersonCount> people;  // most first, ties by id
  struct Competitor {
    Idx org = kNone;
    int appearances = 0, wins = 0, we_won = 0;
    std::vector<Idx> projects, win_projects, we_won_projects;
  };
  std::vector<Competitor> competitors;  // most appearances first, ties by id
  struct Item {
    std::string item;
    int projects = 0;
    double mean_weight = 0;
    std::vector<Idx> opportunities;
  };
  std::vector<Item> criteria;  // by item
  std::map<std::string, int> win_factors, loss_factors;
  std::map<std::string, std::vector<Idx>> win_factor_projects, loss_factor_projects;  // projects with the tag

  int count() const { return static_cast<int>(won.size() + lost.size() + abandoned.size()); }
};

// `GET /opportunities/{id}/project`.
struct ProjectView {
  Idx opportunity = kNone;
  Date as_of;
  Date chain_as_of;
  ChainFigures chain;  // toward ours on chain_as_of
  std::vector<Idx> vendors;    // by organization id, then id
  std::vector<Idx> quotes;     // by (round, organization id, date, id)
  std::vector<Idx> documents;  // by id
  std::vector<Idx> criteria;   // by item, then id
  double weights_total = 0;
  struct Link {
    Idx link = kNone;
    Idx other = kNone;  // the opportunity at the other end
    bool out = false;   // this opportunity is the link's `from`
  };
  std::vector<Link> links;  // by (kind, other opportunity id)
  std::optional<double> win_to_budget;
  Timeline timeline;
};

class ProjectHistory {
 public:
  explicit ProjectHistory(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  // The kinds of the customer's model on the day: its active model, else the active company default, else
  // the built-in default.
  std::vector<std::string> Model(Idx customer, Date day) const;
  // A history project on the day: won or lost with closed ≤ day.
  bool IsHistory(Idx opportunity, Date day) const;
  // The intervals of each consecutive pair of the customer's model on the day.
  std::vector<RhythmStep> Rhythm(Idx customer, const std::vector<std::string>& model, Date day) const;
  Timeline Timing(Idx opportunity, Date day) const;
  // The same, given the customer's rhythm on the day (for many opportunities of one customer).
  Timeline Timing(Idx opportunity, Date day, const std::vector<std::string>& model,
                  const std::vector<RhythmStep>& rhythm) const;

  CustomerHistory History(Idx customer, Date day) const;
  ProjectView Project(Idx opportunity, Date day) const;

  // Our latest counting quote of the opportunity on the day (highest round, then latest date, then the
  // last id), or kNone.
  Idx OurLatestQuote(Idx opportunity, Date day) const;
  // The counting members' persons and roles of the chain on a day, as Figures::Chain counts them.
  template <typename Visit>
  void ForEachMember(Idx opportunity, Date day, Visit&& visit) const {
    for (Idx member : graph_.opportunities[opportunity].members) {
      if (figures_.MemberCounts(member, day)) visit(graph_.members[member]);
    }
  }

 private:
  bool Counts(const Interval& life, Date dated, Date day) const { return life.On(day) && dated <= day; }
  // The samples of each consecutive pair of `model` from one history project.
  template <typename Add>
  void Samples(Idx opportunity, const std::vector<std::string>& model, Date day, Add&& add) const;
  // The company's samples on the day, over the customers the figures see: kept in the graph's cache for the
  // whole company, and in this object within a scope (a scope's warnings ask for it once per customer with
  // an open opportunity, and each time it goes over every customer of the tenant).
  std::shared_ptr<const CompanyRhythm> Company(Date day) const;

  const Figures& figures_;
  const Graph& graph_;
  mutable std::shared_ptr<const CompanyRhythm> scoped_;  // Company(scoped_day_) within a scope
  mutable Date scoped_day_;
};

}  // namespace brm::engine
