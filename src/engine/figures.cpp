#include "engine/figures.hpp"

#include <algorithm>

namespace brm::engine {

namespace {
constexpr uint8_t kNeededRoles[] = {0, 1, 2, 3, 5, 7};  // decision_maker approver technical_evaluator
                                                        // business_evaluator procurement coach
constexpr int kInteractionDays = 90;
}  // namespace

std::string_view StrategyName(Strategy strategy) {
  return kStrategies[static_cast<size_t>(strategy)];
}

std::string_view InteractionName(int activities) {
  if (activities == 0) return "none";
  if (activities <= 2) return "low";
  if (activities <= 5) return "medium";
  return "high";
}

bool Figures::ActiveKeyPerson(Idx person, Date day) const {
  const Person& p = graph_.people[person];
  if (!p.exists || !p.key || !p.life.On(day) || p.org == kNone) return false;
  const Organization& org = graph_.orgs[p.org];
  return org.kind == OrgKind::kCustomer && org.life.On(day);
}

bool Figures::Employee(Idx person, Date day) const {
  const Person& p = graph_.people[person];
  return p.exists && p.org != kNone && p.org == graph_.ours && p.life.On(day);
}

bool Figures::LinkCounts(Idx link, Date day) const {
  const InfluenceLink& l = graph_.links[link];
  if (!l.life.On(day) || l.from == kNone || l.to == kNone) return false;
  const Person& from = graph_.people[l.from];
  const Person& to = graph_.people[l.to];
  return from.exists && to.exists && from.life.On(day) && to.life.On(day) && Sees(from.org) && Sees(to.org);
}

bool Figures::MemberCounts(Idx member, Date day) const {
  const ChainMember& m = graph_.members[member];
  if (!m.life.On(day) || m.person == kNone) return false;
  const Person& p = graph_.people[m.person];
  return p.exists && p.life.On(day) && Sees(p.org) &&
         (!within_ || (m.opportunity != kNone && Sees(graph_.opportunities[m.opportunity].customer)));
}

std::span<const FactPoint> Figures::History(Idx person, Dimension dimension, Idx toward, Idx opportunity) const {
  const Person& p = graph_.people[person];
  if (toward == kOurs && opportunity == kNone) return p.Hot(static_cast<int>(dimension));
  for (const Series& series : p.ratings) {
    if (series.dimension == dimension && series.toward == toward && series.opportunity == opportunity) {
      return series.points;
    }
  }
  return {};
}

int8_t Figures::Rating(Idx person, Dimension dimension, Idx toward, Idx opportunity, Date day) const {
  return ValueAt(History(person, dimension, toward, opportunity), day);
}

int8_t Figures::Vote(Idx person, VoteKind kind, Date day) const {
  return ValueAt(graph_.people[person].Hot(HotVote(kind)), day);
}

int Figures::Activities(Idx person, Idx opportunity, Date day) const {
  const auto& points = graph_.people[person].activities;
  const Date first = AddDays(day, -(kInteractionDays - 1));
  auto it = std::lower_bound(points.begin(), points.end(), first,
                             [](const ActivityPoint& p, Date d) { return p.date < d; });
  int count = 0;
  for (; it != points.end() && it->date <= day; ++it) {
    if (day < it->until && (opportunity == kNone || it->opportunity == opportunity) &&
        (!within_ || it->opportunity == kNone || Sees(graph_.opportunities[it->opportunity].customer))) {
      ++count;
    }
  }
  return count;
}

bool Figures::AcquaintedWithin(Idx person, Date day) const {
  for (Idx link : graph_.people[person].links_in) {
    if (LinkCounts(link, day)) return true;
  }
  return false;
}

bool Figures::AcquaintedByEmployee(Idx person, Date day) const {
  for (Idx link : graph_.people[person].links_in) {
    if (LinkCounts(link, day) && Employee(graph_.links[link].from, day)) return true;
  }
  return false;
}

std::vector<Idx> Figures::InfluencingEmployees(Idx person, Date day) const {
  std::vector<Idx> employees;
  for (Idx link : graph_.people[person].links_in) {
    const Idx from = graph_.links[link].from;
    if (LinkCounts(link, day) && Employee(from, day)) employees.push_back(from);
  }
  SortById(Kind::kPerson, employees);
  employees.erase(std::unique(employees.begin(), employees.end()), employees.end());
  return employees;
}

PersonState Figures::State(Idx person, Idx toward, Date day) const {
  std::array<int8_t, kDimensions> ours;
  for (Dimension d : kAllDimensions) ours[static_cast<int>(d)] = Rating(person, d, kOurs, kNone, day);
  PersonState state = StateFrom(person, ours, day);
  if (toward != kOurs) {
    for (Dimension d : kAllDimensions) state.degrees[static_cast<int>(d)] = Rating(person, d, toward, kNone, day);
  }
  return state;
}

std::vector<Idx> Figures::KeyPersons(Idx customer, Date day) const {
  std::vector<Idx> result;
  const Organization& org = graph_.orgs[customer];
  if (org.kind != OrgKind::kCustomer || !org.life.On(day)) return result;
  for (Idx person : org.people) {
    if (ActiveKeyPerson(person, day)) result.push_back(person);
  }
  return result;
}

Degrees Figures::CustomerDegrees(Idx customer, Idx toward, Date day, int* key_persons) const {
  Degrees degrees{};
  int count = 0;
  const Organization& org = graph_.orgs[customer];
  if (org.kind == OrgKind::kCustomer && org.life.On(day)) {
    for (Idx person : org.people) {
      if (!ActiveKeyPerson(person, day)) continue;
      ++count;
      for (Dimension d : kAllDimensions) degrees[static_cast<int>(d)].Add(Rating(person, d, toward, kNone, day));
    }
  }
  if (key_persons) *key_persons = count;
  return degrees;
}

Strategy Figures::Recommend(Idx customer, Date day) const {
  int k = 0, profiled = 0;
  Degrees now{};
  for (Idx person : KeyPersons(customer, day)) {
    const PersonState state = State(person, kOurs, day);
    ++k;
    profiled += state.fully_profiled;
    for (int d = 0; d < kDimensions; ++d) now[d].Add(state.degrees[d]);
  }
  return Recommend(k, profiled, now, CustomerDegrees(customer, kOurs, AddMonths(day, -thresholds_.drop_months)));
}

Strategy Figures::Recommend(int k, int profiled, const Degrees& now, const Degrees& before) const {
  if (k == 0 || (k <= 2 && profiled < k)) return Strategy::kAcquire;
  const bool complete = k >= thresholds_.min_key_persons &&
                        profiled >= thresholds_.profiled_share * k - 1e-9;
  if (!complete) return Strategy::kGrow;
  for (int d = 0; d < kDimensions; ++d) {
    if (FellBy(now[d], before[d], thresholds_.drop)) return Strategy::kWinBack;
  }
  bool all_good = true;
  for (int d = 0; d < kDimensions; ++d) {
    const auto tier = now[d].tier();
    if (tier == Tier::kPoor) return Strategy::kWait;
    all_good = all_good && tier && (*tier == Tier::kGood || *tier == Tier::kExcellent);
  }
  return all_good ? Strategy::kRetain : Strategy::kGrow;
}

Figures::CustomerDays Figures::DaysOf(Date day) const {
  return {day, AddMonths(day, -1), AddMonths(day, -12), AddMonths(day, -thresholds_.drop_months)};
}

CustomerMetrics Figures::Customer(Idx customer, Idx toward, Date day) const {
  CustomerMetrics m;
  Customer(customer, toward, DaysOf(day), m);
  return m;
}

void Figures::Customer(Idx customer, Idx toward, const CustomerDays& days, CustomerMetrics& m) const {
  // One pass over the customer's persons reads each key person's histories once for every date the
  // figures need: D, one month and one year earlier (MoM, YoY), and drop_months earlier (the strategy).
  enum { kNow, kMonth, kYear, kDrop, kDates };
  const Date dates[kDates] = {days[kNow], days[kMonth], days[kYear], days[kDrop]};
  const Date day = days[kNow];
  m.customer = customer;
  m.as_of = day;
  m.toward = toward;
  const Organization& org = graph_.orgs[customer];
  // The opportunities' spans (open count and amount, read last): ask for them now.
  __builtin_prefetch(org.open.data());
  bool org_on[kDates];
  for (int w = 0; w < kDates; ++w) org_on[w] = org.kind == OrgKind::kCustomer && org.life.On(dates[w]);
  if (org_on[kNow]) {
    // A row for every department, in id order; those not active on the day are dropped after the persons
    // are counted, when their records (scattered, asked for now) have arrived.
    m.departments.reserve(org.departments.size());
    for (Idx dept : org.departments) {
      __builtin_prefetch(&graph_.departments[dept].life);
      m.departments.push_back(CustomerMetrics::Department{dept, 0, {}});
    }
  }
  // Each date in a lane: the key persons counted on it (each degree's n), and per degree how many of them
  // hold each value (+2 … −2, as Stats::counts), without a branch per person and date.
  const Lanes day_lanes = {dates[kNow].days, dates[kMonth].days, dates[kYear].days, dates[kDrop].days};
  // The strategy is toward ours: toward a competitor its earlier date is computed apart (Recommend below).
  const Lanes org_lanes = {-org_on[kNow], -org_on[kMonth], -org_on[kYear], toward == kOurs ? -org_on[kDrop] : 0};
  Lanes counted = {};
  Lanes slots[kDimensions][5] = {};
  const std::vector<Idx>& persons = org.people;
  for (size_t i = 0; i < persons.size(); ++i) {
    // The figures wait on memory, not arithmetic: ask for the next persons' data ahead of time.
    if (i + 4 < persons.size()) {  // what the figures read of a person may straddle two cache lines
      __builtin_prefetch(&graph_.people[persons[i + 4]]);
      __builtin_prefetch(&graph_.people[persons[i + 4]].hot_end.back());
    }
    if (i + 2 < persons.size()) __builtin_prefetch(graph_.people[persons[i + 2]].hot.data());
    const Idx index = persons[i];
    const Person& person = graph_.people[index];
    if (!person.exists || !person.key) continue;
    Lanes at[kDimensions];  // each degree's value on each date, one pass over each history
    for (Dimension d : kAllDimensions) {
      const int i = static_cast<int>(d);
      at[i] = ValuesAt(toward == kOurs ? person.Hot(i) : History(index, d, toward, kNone), day_lanes);
    }
    const Lanes on =
        org_lanes & (Broadcast(person.life.since.days) <= day_lanes) & (day_lanes < Broadcast(person.life.until.days));
    counted -= on;
    for (int d = 0; d < kDimensions; ++d) {
      for (int slot = 0; slot < 5; ++slot) slots[d][slot] -= (at[d] == Broadcast(2 - slot)) & on;
    }
    if (!on[kNow]) continue;
    const std::array<int8_t, kDimensions> values = {static_cast<int8_t>(at[0][kNow]), static_cast<int8_t>(at[1][kNow]),
                                                    static_cast<int8_t>(at[2][kNow])};
    const PersonState state = toward == kOurs ? StateFrom(index, values, day) : State(index, kOurs, day);
    m.insighted += state.insighted;
    m.fully_profiled += state.fully_profiled;
    for (auto& row : m.departments) {
      if (row.department != person.department) continue;
      ++row.key_persons;
      for (int d = 0; d < kDimensions; ++d) row.degrees[d].Add(values[d]);
    }
  }
  Degrees degrees[kDates]{};
  int counts[kDates] = {};
  for (int w = 0; w < kDates; ++w) {
    counts[w] = counted[w];
    for (int d = 0; d < kDimensions; ++d) {
      Stats& stats = degrees[w][d];
      for (int slot = 0; slot < 5; ++slot) stats.counts[slot] = slots[d][slot][w];
      stats.n = counts[w];
    }
  }
  m.departments.erase(std::remove_if(m.departments.begin(), m.departments.end(),
                                     [&](const CustomerMetrics::Department& row) {
                                       return !graph_.departments[row.department].life.On(day);
                                     }),
                      m.departments.end());
  m.key_persons = counts[kNow];
  m.degrees = degrees[kNow];
  m.month_ago = degrees[kMonth];
  m.key_persons_month_ago = counts[kMonth];
  m.year_ago = degrees[kYear];
  m.key_persons_year_ago = counts[kYear];
  m.complete = m.key_persons >= thresholds_.min_key_persons &&
               m.fully_profiled >= thresholds_.profiled_share * m.key_persons - 1e-9;
  for (const Organization::OpenSpan& span : org.open) {
    if (span.On(day)) {
      ++m.open_count;
      m.open_amount += span.amount;
    }
  }
  m.strategy = toward == kOurs ? Recommend(m.key_persons, m.fully_profiled, m.degrees, degrees[kDrop])
                               : Recommend(customer, day);
}

Degrees Figures::ChainDegrees(Idx opportunity, Idx toward, Date day, int* members) const {
  Degrees degrees{};
  int count = 0;
  for (Idx member : graph_.opportunities[opportunity].members) {
    if (!MemberCounts(member, day)) continue;
    ++count;
    const Idx person = graph_.members[member].person;
    for (Dimension d : kAllDimensions) {
      int8_t value = Rating(person, d, toward, opportunity, day);
      if (value == kUnknown) value = Rating(person, d, toward, kNone, day);
      degrees[static_cast<int>(d)].Add(value);
    }
  }
  if (members) *members = count;
  return degrees;
}

ChainFigures Figures::Chain(Idx opportunity, Idx toward, Date day) const {
  ChainFigures c;
  c.opportunity = opportunity;
  c.as_of = day;
  c.toward = toward;
  bool present[10] = {};
  for (Idx member : graph_.opportunities[opportunity].members) {
    if (!MemberCounts(member, day)) continue;
    const ChainMember& cm = graph_.members[member];
    ChainFigures::Member row;
    row.member = member;
    row.person = cm.person;
    row.role = cm.role;
    row.veto = cm.veto;
    row.approve = cm.approve;
    for (Dimension d : kAllDimensions) {
      const int i = static_cast<int>(d);
      row.degrees[i] = Rating(cm.person, d, toward, opportunity, day);
      if (row.degrees[i] == kUnknown) {
        row.degrees[i] = Rating(cm.person, d, toward, kNone, day);
        row.inherited[i] = true;
      }
      c.degrees[i].Add(row.degrees[i]);
    }
    row.interaction = Activities(cm.person, opportunity, day);
    if (cm.role < 10) present[cm.role] = true;
    c.members.push_back(row);
  }
  const auto& ids = graph_.ids(Kind::kPerson);
  std::sort(c.members.begin(), c.members.end(), [&](const auto& a, const auto& b) {
    const auto& ia = ids.Id(a.person);
    const auto& ib = ids.Id(b.person);
    return ia != ib ? ia < ib : graph_.Id(Kind::kChainMember, a.member) < graph_.Id(Kind::kChainMember, b.member);
  });
  for (uint8_t role : kNeededRoles) {
    if (!present[role]) c.missing_roles.push_back(role);
  }
  c.month_ago = ChainDegrees(opportunity, toward, AddMonths(day, -1));
  c.year_ago = ChainDegrees(opportunity, toward, AddMonths(day, -12));
  return c;
}

Profile Figures::PersonProfile(Idx person, Date day) const {
  Profile p;
  p.person = person;
  p.as_of = day;
  const Person& who = graph_.people[person];
  for (Dimension d : kAllDimensions) {
    p.degrees[static_cast<int>(d)] = Rating(person, d, kOurs, kNone, day);
    p.known_features += p.degrees[static_cast<int>(d)] != kUnknown;
  }
  p.veto = Vote(person, VoteKind::kVeto, day);
  p.approve = Vote(person, VoteKind::kApprove, day);
  p.acquaintance = Acquainted(person, day);
  p.orientation = who.orientation;
  p.insighted = p.known_features == 3 && p.veto != kUnknown && p.approve != kUnknown;
  p.known_features += (p.veto != kUnknown) + (p.approve != kUnknown) + p.acquaintance + (p.orientation != 6);
  p.importance = who.importance;
  p.interaction = Activities(person, kNone, day);
  for (Idx link : who.links_in) {
    if (!LinkCounts(link, day)) continue;
    const Idx from = graph_.links[link].from;
    const Idx org = graph_.people[from].org;
    if (org == kNone) continue;
    if (org == who.org) p.internal.push_back(from);
    else if (org == graph_.ours) p.ours.push_back(from);
    else if (graph_.orgs[org].kind == OrgKind::kCompetitor) p.competitors.push_back(from);
  }
  for (auto* list : {&p.internal, &p.ours, &p.competitors}) {
    SortById(Kind::kPerson, *list);
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  for (Idx member : who.memberships) {
    if (!MemberCounts(member, day)) continue;
    const ChainMember& cm = graph_.members[member];
    if (cm.opportunity == kNone || !(graph_.opportunities[cm.opportunity].opened <= day)) continue;
    Profile::Chain chain{cm.opportunity, cm.role, {}, Activities(person, cm.opportunity, day)};
    for (Dimension d : kAllDimensions) {
      chain.degrees[static_cast<int>(d)] = Rating(person, d, kOurs, cm.opportunity, day);
    }
    p.chains.push_back(chain);
  }
  const auto& ids = graph_.ids(Kind::kOpportunity);
  std::stable_sort(p.chains.begin(), p.chains.end(),
                   [&](const auto& a, const auto& b) { return ids.Id(a.opportunity) < ids.Id(b.opportunity); });
  return p;
}

std::vector<Idx> Figures::WonThisYear(const Scope& scope, Date day) const {
  const Date first = FromCivil(CivilDate{ToCivil(day).year, 1, 1});
  std::vector<Idx> won;
  const auto take = [&](Idx opp) {
    const Opportunity& o = graph_.opportunities[opp];
    if (o.status != OpportunityStatus::kWon || o.closed == kMaxDate || o.closed < first || day < o.closed) return;
    if (o.customer == kNone || !scope.Has(o.customer)) return;
    won.push_back(opp);
  };
  if (scope.company() || !scope.comparable()) {
    for (Idx opp = 0; opp < graph_.opportunities.size(); ++opp) take(opp);
    return won;
  }
  // A scope made Of: the opportunities of its organizations only (a company's rep comparison asks this of
  // every rep's view, and reading every opportunity of the tenant each time was a tenth of it), in
  // opportunity order as above.
  for (Idx org = 0; org < graph_.orgs.size(); ++org) {
    if (!scope.Has(org)) continue;
    for (Idx opp : graph_.orgs[org].opportunities) take(opp);
  }
  std::sort(won.begin(), won.end());
  return won;
}

bool Figures::Counts(const InfluenceUse& use) const {
  if (!within_) return true;
  const auto org_of = [&](Idx person) { return person == kNone ? kNone : graph_.people[person].org; };
  return use.opportunity != kNone && Sees(graph_.opportunities[use.opportunity].customer) &&
         Sees(org_of(use.person)) && Sees(org_of(use.employee));
}

bool Figures::UsedInfluence(Idx opportunity, Idx employee, Date day) const {
  for (Idx use : graph_.opportunities[opportunity].uses) {
    const InfluenceUse& u = graph_.uses[use];
    if (u.date <= day && day < u.until && (employee == kNone || u.employee == employee) && Counts(u)) return true;
  }
  return false;
}

EmployeeMetrics Figures::EmployeeInfluence(Idx employee, Idx toward, Date day, const Scope& scope) const {
  EmployeeMetrics m;
  m.employee = employee;
  m.as_of = day;
  std::vector<Idx> influenced;
  for (Idx link : graph_.people[employee].links_out) {
    if (!LinkCounts(link, day)) continue;
    const Idx to = graph_.links[link].to;
    if (ActiveKeyPerson(to, day) && scope.Has(graph_.people[to].org)) influenced.push_back(to);
  }
  std::sort(influenced.begin(), influenced.end());
  influenced.erase(std::unique(influenced.begin(), influenced.end()), influenced.end());
  for (Idx person : influenced) {
    const PersonState state = State(person, toward, day);
    ++m.acquainted;
    m.uninsighted += !state.insighted;
    for (int d = 0; d < kDimensions; ++d) m.degrees[d].Add(state.degrees[d]);
  }
  int all_key = 0;
  for (Idx org = 0; org < graph_.orgs.size(); ++org) {
    if (graph_.orgs[org].kind == OrgKind::kCustomer && scope.Has(org)) {
      all_key += static_cast<int>(KeyPersons(org, day).size());
    }
  }
  if (all_key > 0) m.value_potential = static_cast<double>(m.acquainted) / all_key;
  for (Idx use : graph_.people[employee].uses) {
    const InfluenceUse& u = graph_.uses[use];
    if (u.date <= day && day < u.until && Counts(u)) ++m.influence_uses;
  }
  for (Idx opp : WonThisYear(scope, day)) m.contributed_wins += UsedInfluence(opp, employee, day);
  return m;
}

void Figures::SortById(Kind kind, std::vector<Idx>& items) const {
  const Ids& ids = graph_.ids(kind);
  std::sort(items.begin(), items.end(), [&](Idx a, Idx b) { return ids.Id(a) < ids.Id(b); });
}

}  // namespace brm::engine
