#include "engine/lines.hpp"

#include <algorithm>
#include <unordered_map>

namespace brm::engine {

namespace {

// Reads one series at ascending days in one forward pass (for trend series).
class SeriesCursor {
 public:
  explicit SeriesCursor(std::span<const FactPoint> points) : points_(points) {}
  int8_t At(Date day) {
    while (next_ < points_.size() && points_[next_].date <= day) ++next_;
    for (size_t i = next_; i > 0; --i) {
      if (day < points_[i - 1].until) return points_[i - 1].value;
    }
    return kUnknown;
  }

 private:
  std::span<const FactPoint> points_;
  size_t next_ = 0;
};

InfluenceLine::Bucket BucketOf(int8_t value) {
  if (value == kUnknown) return InfluenceLine::kUnknownBucket;
  if (value > 0) return InfluenceLine::kSupporters;
  if (value < 0) return InfluenceLine::kOpposers;
  return InfluenceLine::kNeutral;
}

}  // namespace

std::array<Date, kWhens> TrendDates(Date day) { return {day, AddMonths(day, -1), AddMonths(day, -12)}; }

std::vector<Date> MonthEnds(int from_year, unsigned from_month, int to_year, unsigned to_month) {
  std::vector<Date> days;
  int year = from_year;
  unsigned month = from_month;
  while (year < to_year || (year == to_year && month <= to_month)) {
    days.push_back(FromCivil(CivilDate{year, month, static_cast<unsigned>(DaysInMonth(year, month))}));
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return days;
}

std::vector<Idx> Lines::CustomersIn(const Scope& scope) const {
  if (scope.company()) return graph_.customers;
  std::vector<Idx> customers;
  for (Idx org : graph_.customers) {
    if (scope.Has(org)) customers.push_back(org);
  }
  return customers;
}

bool Lines::Fill(Idx customer, Idx toward, const Figures::CustomerDays& days, CustomerMetrics& metrics,
                 std::array<Degrees, kWhens>& degrees) const {
  // The line's dates (TrendDates) are the first three of the customer's days.
  if (graph_.orgs[customer].life.On(days[kNow])) {
    figures_.Customer(customer, toward, days, metrics);
    degrees = {metrics.degrees, metrics.month_ago, metrics.year_ago};
    return true;
  }
  degrees = {};
  degrees[kMonthAgo] = figures_.CustomerDegrees(customer, toward, days[kMonthAgo]);
  degrees[kYearAgo] = figures_.CustomerDegrees(customer, toward, days[kYearAgo]);
  return false;
}

CustomerPart Lines::Part(Idx customer, Idx toward, const Figures::CustomerDays& days) const {
  CustomerPart part;
  part.valid = true;
  part.computed_at = graph_.touches;
  part.active = Fill(customer, toward, days, part.metrics, part.degrees);
  return part;
}

void Lines::Add(CustomerLine& line, Idx customer, const std::array<Degrees, kWhens>& degrees,
                const Organization& org, const std::array<Date, kWhens>& dates) {
  for (int w = 0; w < kWhens; ++w) {
    if (!org.life.On(dates[w])) continue;
    ++line.customers[w];
    for (int d = 0; d < kDimensions; ++d) {
      line.pooled[w][d].Merge(degrees[w][d]);
      const auto tier = degrees[w][d].tier();
      if (!tier) continue;
      CustomerLine::TierRow& row = line.tiers[d][static_cast<int>(*tier)];
      ++row.count[w];
      row.pooled[w].Merge(degrees[w][d]);
      if (w == kNow) row.customers.push_back(customer);
    }
  }
}

CustomerLine Lines::Customers(const Scope& scope, Idx toward, Date day) const {
  CustomerLine line;
  line.as_of = day;
  line.toward = toward;
  const auto dates = TrendDates(day);
  const Figures::CustomerDays days = figures_.DaysOf(day);
  const std::vector<Idx> customers = CustomersIn(scope);
  line.list.reserve(customers.size());
  for (size_t c = 0; c < customers.size(); ++c) {
    // Two customers ahead, their organization record; one ahead, what it points to.
    if (c + 2 < customers.size()) {
      const auto* next = reinterpret_cast<const char*>(&graph_.orgs[customers[c + 2]]);
      for (size_t offset = 0; offset < sizeof(Organization); offset += 64) __builtin_prefetch(next + offset);
    }
    if (c + 1 < customers.size()) {
      const Organization& next = graph_.orgs[customers[c + 1]];
      __builtin_prefetch(next.people.data());
      __builtin_prefetch(next.departments.data());
      __builtin_prefetch(next.open.data());
    }
    const Idx customer = customers[c];
    std::array<Degrees, kWhens> degrees;
    // Computed in the list's next place, given back when the customer is not active on the day.
    if (!Fill(customer, toward, days, line.list.emplace_back(), degrees)) line.list.pop_back();
    Add(line, customer, degrees, graph_.orgs[customer], dates);
  }
  if (toward != kOurs) line.competitor_influenced = CompetitorInfluenced(scope, toward, day);
  return line;
}

std::shared_ptr<const CustomerLine> Lines::CachedCustomers(const Scope& scope, Idx toward, Date day) const {
  LineCache* cache = figures_.cache();
  if (!cache || !scope.comparable()) return std::make_shared<const CustomerLine>(Customers(scope, toward, day));
  const std::shared_ptr<LineCache::Entry> entry = cache->Find(LineCache::Key{scope, toward, day, figures_.thresholds()});
  std::lock_guard lock(entry->mutex);
  const auto dates = TrendDates(day);
  const Figures::CustomerDays days = figures_.DaysOf(day);
  std::vector<Idx> customers = CustomersIn(scope);
  bool changed = !entry->line;
  if (customers != entry->customers) {
    // The parts follow the scope's customers: a customer that stays keeps its part.
    std::unordered_map<Idx, size_t> kept;
    for (size_t c = 0; c < entry->customers.size(); ++c) kept.emplace(entry->customers[c], c);
    std::vector<CustomerPart> parts(customers.size());
    for (size_t c = 0; c < customers.size(); ++c) {
      const auto it = kept.find(customers[c]);
      if (it != kept.end()) parts[c] = std::move(entry->parts[it->second]);
    }
    entry->customers = std::move(customers);
    entry->parts = std::move(parts);
    changed = true;
  }
  const std::vector<Idx>& list = entry->customers;
  for (size_t c = 0; c < list.size(); ++c) {
    const Idx customer = list[c];
    CustomerPart& part = entry->parts[c];
    if (part.valid && part.computed_at >= graph_.TouchedAt(customer)) continue;
    if (c + 1 < list.size()) __builtin_prefetch(graph_.orgs[list[c + 1]].people.data());
    part = Part(customer, toward, days);
    changed = true;
  }
  if (!changed) return entry->line;
  auto line = std::make_shared<CustomerLine>();
  line->as_of = day;
  line->toward = toward;
  line->list.reserve(list.size());
  for (size_t c = 0; c < list.size(); ++c) {
    const CustomerPart& part = entry->parts[c];
    Add(*line, list[c], part.degrees, graph_.orgs[list[c]], dates);
    if (part.active) line->list.push_back(part.metrics);  // the cache keeps its part
  }
  if (toward != kOurs) line->competitor_influenced = CompetitorInfluenced(scope, toward, day);
  entry->line = line;
  return line;
}

std::vector<Idx> Lines::CompetitorInfluenced(const Scope& scope, Idx competitor, Date day) const {
  std::vector<Idx> people;
  for (Idx customer : CustomersIn(scope)) {
    for (Idx person : figures_.KeyPersons(customer, day)) {
      for (Idx link : graph_.people[person].links_in) {
        const Idx from = graph_.links[link].from;
        if (figures_.LinkCounts(link, day) && graph_.people[from].org == competitor) {
          people.push_back(person);
          break;
        }
      }
    }
  }
  figures_.SortById(Kind::kPerson, people);
  return people;
}

std::shared_ptr<const InfluenceLine> Lines::CachedInfluence(const Scope& scope, Idx toward, Date day) const {
  LineCache* cache = figures_.cache();
  if (!cache) return std::make_shared<const InfluenceLine>(Influence(scope, toward, day));
  return cache->Whole<InfluenceLine>(LineCache::WholeKey{"influence", scope, toward, day, figures_.thresholds(), {}},
                                     graph_.touches, [&] { return Influence(scope, toward, day); });
}

InfluenceLine Lines::Influence(const Scope& scope, Idx toward, Date day) const {
  InfluenceLine line;
  line.as_of = day;
  line.toward = toward;
  const auto dates = TrendDates(day);
  int all_key = 0;
  for (Idx customer : CustomersIn(scope)) {
    for (int w = 0; w < kWhens; ++w) {
      for (Idx person : figures_.KeyPersons(customer, dates[w])) {
        if (w == kNow) ++all_key;
        if (!figures_.AcquaintedByEmployee(person, dates[w])) continue;
        const PersonState state = figures_.State(person, toward, dates[w]);
        ++line.acquainted[w];
        line.uninsighted[w] += !state.insighted;
        for (int d = 0; d < kDimensions; ++d) {
          line.pooled[w][d].Add(state.degrees[d]);
          InfluenceLine::BucketRow& row = line.analysis[d][BucketOf(state.degrees[d])];
          ++row.count[w];
          if (w == kNow) row.people.push_back(person);
        }
        if (w != kNow) continue;
        const Person& p = graph_.people[person];
        line.list.push_back(InfluenceLine::Entry{person, p.org, p.department, p.title, state.degrees[0],
                                                 graph_.orgs[customer].owner,
                                                 figures_.InfluencingEmployees(person, day)});
      }
    }
  }
  for (auto& dimension : line.analysis) {
    for (auto& row : dimension) figures_.SortById(Kind::kPerson, row.people);
  }
  const auto& ids = graph_.ids(Kind::kPerson);
  std::sort(line.list.begin(), line.list.end(),
            [&](const auto& a, const auto& b) { return ids.Id(a.person) < ids.Id(b.person); });
  if (all_key > 0) line.value_potential = static_cast<double>(line.acquainted[kNow]) / all_key;
  const std::vector<Idx> won = figures_.WonThisYear(scope, day);
  if (!won.empty()) {
    int with_use = 0;
    double amount = 0, amount_with_use = 0;
    for (Idx opp : won) {
      const bool used = figures_.UsedInfluence(opp, kNone, day);
      with_use += used;
      amount += graph_.opportunities[opp].amount;
      if (used) amount_with_use += graph_.opportunities[opp].amount;
    }
    line.contribution_count = static_cast<double>(with_use) / static_cast<double>(won.size());
    if (amount > 0) line.contribution_amount = amount_with_use / amount;
  }
  if (toward != kOurs) line.competitor_influenced = CompetitorInfluenced(scope, toward, day);
  return line;
}

void Lines::AddCustomer(Idx customer, Idx toward, const std::vector<Date>& days, std::vector<TrendPoint>& points,
                        bool count_customer) const {
  const Organization& org = graph_.orgs[customer];
  if (org.kind != OrgKind::kCustomer) return;
  for (size_t i = 0; i < days.size(); ++i) points[i].count += count_customer && org.life.On(days[i]);
  for (Idx index : org.people) {
    const Person& person = graph_.people[index];
    if (!person.exists || !person.key) continue;
    SeriesCursor cursors[kDimensions] = {
        SeriesCursor(figures_.History(index, Dimension::kCloseness, toward, kNone)),
        SeriesCursor(figures_.History(index, Dimension::kSolution, toward, kNone)),
        SeriesCursor(figures_.History(index, Dimension::kPrice, toward, kNone))};
    for (size_t i = 0; i < days.size(); ++i) {
      if (!org.life.On(days[i]) || !person.life.On(days[i])) continue;
      ++points[i].key_persons;
      for (int d = 0; d < kDimensions; ++d) points[i].degrees[d].Add(cursors[d].At(days[i]));
    }
  }
}

std::vector<TrendPoint> Lines::CustomerLineTrend(const Scope& scope, Idx toward, const std::vector<Date>& days) const {
  std::vector<TrendPoint> points(days.size());
  for (size_t i = 0; i < days.size(); ++i) points[i].as_of = days[i];
  for (Idx customer = 0; customer < graph_.orgs.size(); ++customer) {
    if (scope.Has(customer)) AddCustomer(customer, toward, days, points, true);
  }
  return points;
}

std::vector<TrendPoint> Lines::CustomerTrend(Idx customer, Idx toward, const std::vector<Date>& days) const {
  std::vector<TrendPoint> points(days.size());
  for (size_t i = 0; i < days.size(); ++i) points[i].as_of = days[i];
  AddCustomer(customer, toward, days, points, false);
  for (TrendPoint& point : points) point.count = point.key_persons;
  return points;
}

std::vector<TrendPoint> Lines::ChainTrend(Idx opportunity, Idx toward, const std::vector<Date>& days) const {
  std::vector<TrendPoint> points(days.size());
  for (size_t i = 0; i < days.size(); ++i) {
    points[i].as_of = days[i];
    points[i].degrees = figures_.ChainDegrees(opportunity, toward, days[i], &points[i].count);
  }
  return points;
}

std::vector<DepartmentTrend> Lines::DepartmentTrends(Idx customer, Idx toward, const std::vector<Date>& days) const {
  std::vector<DepartmentTrend> rows;
  const Organization& org = graph_.orgs[customer];
  if (org.kind != OrgKind::kCustomer) return rows;
  std::vector<Idx> departments;
  for (Idx dept : org.departments) {
    const Interval& life = graph_.departments[dept].life;
    if (std::any_of(days.begin(), days.end(), [&](Date day) { return life.On(day); })) departments.push_back(dept);
  }
  figures_.SortById(Kind::kDepartment, departments);
  departments.erase(std::unique(departments.begin(), departments.end()), departments.end());
  for (Idx dept : departments) {
    DepartmentTrend& row = rows.emplace_back(DepartmentTrend{dept, std::vector<TrendPoint>(days.size())});
    for (size_t i = 0; i < days.size(); ++i) row.points[i].as_of = days[i];
  }
  for (Idx person : org.people) {
    const Person& p = graph_.people[person];
    if (!p.exists || !p.key) continue;
    auto row = std::find_if(rows.begin(), rows.end(), [&](const DepartmentTrend& r) { return r.department == p.department; });
    if (row == rows.end()) continue;
    const Interval& life = graph_.departments[row->department].life;
    for (size_t i = 0; i < days.size(); ++i) {
      if (!life.On(days[i]) || !figures_.ActiveKeyPerson(person, days[i])) continue;
      const PersonState state = figures_.State(person, toward, days[i]);
      TrendPoint& point = row->points[i];
      ++point.count;
      for (int d = 0; d < kDimensions; ++d) point.degrees[d].Add(state.degrees[d]);
    }
  }
  return rows;
}

}  // namespace brm::engine
