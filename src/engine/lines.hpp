// Lines: the figures over every customer or key person of a scope (SPEC.md §6.3, §6.4) and the monthly
// trend series.
//
// Threads: like Figures, pure reads of the graph.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/figures.hpp"
#include "engine/line_cache.hpp"

namespace brm::engine {

// A figure now, one month earlier and one year earlier (SPEC.md §5 trends).
enum When { kNow = 0, kMonthAgo = 1, kYearAgo = 2 };
inline constexpr int kWhens = 3;
// D, D − 1 month, D − 1 year (clamped to the month's last day).
std::array<Date, kWhens> TrendDates(Date day);

struct CustomerLine {
  Date as_of;
  Idx toward = kOurs;
  std::array<int, kWhens> customers{};
  std::array<Degrees, kWhens> pooled{};
  struct TierRow {
    std::array<int, kWhens> count{};
    std::array<Stats, kWhens> pooled{};
    std::vector<Idx> customers;  // now, by id
  };
  std::array<std::array<TierRow, 4>, kDimensions> tiers{};  // [dimension][Tier]
  std::vector<CustomerMetrics> list;                         // customers active on D, by id
  std::vector<Idx> competitor_influenced;  // toward a competitor: key persons in scope its staff can influence
};

struct InfluenceLine {
  Date as_of;
  Idx toward = kOurs;
  std::array<int, kWhens> acquainted{}, uninsighted{};
  std::array<Degrees, kWhens> pooled{};
  enum Bucket { kUnknownBucket, kSupporters, kOpposers, kNeutral };
  struct BucketRow {
    std::array<int, kWhens> count{};
    std::vector<Idx> people;  // now, by id
  };
  std::array<std::array<BucketRow, 4>, kDimensions> analysis{};
  struct Entry {
    Idx person = kNone, company = kNone, department = kNone;
    std::string title;
    int8_t closeness = kUnknown;
    Idx owner = kNone;
    std::vector<Idx> influencers;  // employees, by id
  };
  std::vector<Entry> list;  // by person id
  std::optional<double> value_potential, contribution_count, contribution_amount;
  std::vector<Idx> competitor_influenced;
};

// One month of a trend series: the figure at the month's last day.
struct TrendPoint {
  Date as_of;
  int count = 0;        // customers (line), key persons (customer) or members (chain)
  int key_persons = 0;  // line only: key persons of those customers
  Degrees degrees{};
};

// One department's trend series (`GET /customers/{id}/departments/trend`).
struct DepartmentTrend {
  Idx department = kNone;
  std::vector<TrendPoint> points;  // count: the department's active key persons that day (0 when it is not active)
};

// The last day of each month from (from_year, from_month) to (to_year, to_month), inclusive.
std::vector<Date> MonthEnds(int from_year, unsigned from_month, int to_year, unsigned to_month);

class Lines {
 public:
  explicit Lines(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  CustomerLine Customers(const Scope& scope, Idx toward, Date day) const;
  // The same line, kept in the figures' cache (line_cache.hpp) when they have one: the same line at the
  // same data version is not computed again, and a write makes only the parts it concerns computed again.
  std::shared_ptr<const CustomerLine> CachedCustomers(const Scope& scope, Idx toward, Date day) const;
  InfluenceLine Influence(const Scope& scope, Idx toward, Date day) const;
  // The same, kept in the figures' cache until the next write.
  std::shared_ptr<const InfluenceLine> CachedInfluence(const Scope& scope, Idx toward, Date day) const;

  std::vector<TrendPoint> CustomerLineTrend(const Scope& scope, Idx toward, const std::vector<Date>& days) const;
  std::vector<TrendPoint> CustomerTrend(Idx customer, Idx toward, const std::vector<Date>& days) const;
  std::vector<TrendPoint> ChainTrend(Idx opportunity, Idx toward, const std::vector<Date>& days) const;
  // Each department of `customer` active on any of `days`, by id: on each day the customer-level degrees of
  // its active key persons, as the customer's metrics give a department's (seed 003, figure 6).
  std::vector<DepartmentTrend> DepartmentTrends(Idx customer, Idx toward, const std::vector<Date>& days) const;

  // Customers of the scope (kind customer), by id.
  std::vector<Idx> CustomersIn(const Scope& scope) const;

 private:
  // One customer's part of a customer line: its degrees on the line's dates, and its figures into `metrics`
  // (as a CustomerMetrics is made) when it is active on the day, which Fill returns. Then adding its counts
  // and tiers to the line (the caller adds its metrics to the list).
  bool Fill(Idx customer, Idx toward, const Figures::CustomerDays& days, CustomerMetrics& metrics,
            std::array<Degrees, kWhens>& degrees) const;
  CustomerPart Part(Idx customer, Idx toward, const Figures::CustomerDays& days) const;
  static void Add(CustomerLine& line, Idx customer, const std::array<Degrees, kWhens>& degrees,
                  const Organization& org, const std::array<Date, kWhens>& dates);
  // Adds the key persons of `customer` on each of `days` (ascending) to points[i].degrees.
  void AddCustomer(Idx customer, Idx toward, const std::vector<Date>& days, std::vector<TrendPoint>& points,
                   bool count_customer) const;
  std::vector<Idx> CompetitorInfluenced(const Scope& scope, Idx competitor, Date day) const;

  const Figures& figures_;
  const Graph& graph_;
};

}  // namespace brm::engine
