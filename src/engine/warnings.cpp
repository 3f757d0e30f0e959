#include "engine/warnings.hpp"

#include "engine/line_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "domain/vocab.hpp"

namespace brm::engine {

namespace {

constexpr Severity kSeverities[kWarningKinds] = {
    Severity::kMedium,  // attitude_conflict
    Severity::kHigh,    // optimistic_forecast
    Severity::kHigh,    // veto_opposes
    Severity::kHigh,    // no_decision_maker
    Severity::kHigh,    // sharp_drop
    Severity::kHigh,    // competitor_leads
    Severity::kMedium,  // stale_contact
    Severity::kHigh,    // champion_left
    Severity::kLow,     // focus_coverage
    Severity::kMedium,  // no_lead
    Severity::kLow,     // opposer_to_neutral
    Severity::kMedium,  // vote_not_supporting
    Severity::kMedium,  // mean_falling
    Severity::kLow,     // ask_employee
    Severity::kMedium,  // leverage_employee
    Severity::kLow,     // undeclared_acquaintances
    Severity::kLow,     // milestone_due
    Severity::kMedium,  // milestone_overdue
    Severity::kMedium,  // price_above_history
};

constexpr uint8_t kDecisionMakerRole = 0, kApproverRole = 1;  // in vocab::kDecisionRoles
constexpr int kRecentDays = 90;
constexpr double kOptimisticProbability = 0.6;

bool Supporting(int8_t value) { return value != kUnknown && value >= 1; }
bool Opposing(int8_t value) { return value != kUnknown && value <= -1; }

std::string_view DimensionName(Dimension dimension) { return vocab::kDimensions[static_cast<size_t>(dimension)]; }

// Whether a's mean is higher than b's, both known; compared exactly on the integer sums.
bool Higher(const Stats& a, const Stats& b) {
  const int64_t ka = a.known(), kb = b.known();
  return ka > 0 && kb > 0 && a.sum() * kb > b.sum() * ka;
}

std::string PercentText(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

}  // namespace

std::string_view WarningKindName(WarningKind kind) { return kWarningKindNames[static_cast<size_t>(kind)]; }
std::string_view SeverityName(Severity severity) { return kSeverityNames[static_cast<size_t>(severity)]; }
Severity SeverityOf(WarningKind kind) { return kSeverities[static_cast<size_t>(kind)]; }

std::string Warnings::DimensionList(const std::vector<Dimension>& dimensions) {
  std::string text;
  for (size_t i = 0; i < dimensions.size(); ++i) {
    if (i > 0) text += i + 1 == dimensions.size() ? " and " : ", ";
    text += DimensionName(dimensions[i]);
  }
  return text;
}

std::string Warnings::MeanText(std::optional<double> mean) {
  if (!mean) return "unknown";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", *mean);
  std::string text = buffer;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::shared_ptr<const std::vector<Warning>> Warnings::CachedCheck(const Scope& scope, Date day,
                                                                   const std::vector<Idx>& users) const {
  LineCache* cache = figures_.cache();
  if (!cache) return std::make_shared<const std::vector<Warning>>(Check(scope, day, users));
  // With the company scope `users` is ignored: leave it out of the key.
  LineCache::WholeKey key{"warnings", scope, kOurs, day, figures_.thresholds(), scope.company() ? std::vector<Idx>{} : users};
  return cache->Whole<std::vector<Warning>>(key, graph_.touches, [&] { return Check(scope, day, users); });
}

std::vector<Warning> Warnings::Check(const Scope& scope, Date day, const std::vector<Idx>& users) const {
  Context context;
  context.day = day;
  for (Idx org = 0; org < graph_.orgs.size(); ++org) {
    const Organization& o = graph_.orgs[org];
    if (o.kind == OrgKind::kCustomer && o.life.On(day) && scope.Has(org)) context.customers.push_back(org);
  }
  figures_.SortById(Kind::kOrganization, context.customers);
  for (Idx customer : context.customers) {
    for (Idx opp : graph_.orgs[customer].opportunities) {
      if (graph_.opportunities[opp].OpenOn(day)) context.opportunities.push_back(opp);
    }
  }
  figures_.SortById(Kind::kOpportunity, context.opportunities);
  for (Idx opp : context.opportunities) {
    if (graph_.opportunities[opp].focus) context.focus.push_back(opp);
  }

  Out out;
  AttitudeConflicts(context, out);
  OptimisticForecasts(context, out);
  VetoOpposes(context, out);
  NoDecisionMakers(context, out);
  SharpDrops(context, out);
  CompetitorComparisons(context, out);
  StaleContacts(context, out);
  ChampionsLeft(context, out);
  FocusCoverage(context, out);
  OpposersToNeutral(context, out);
  VotesNotSupporting(context, out);
  MeansFalling(context, scope, out);
  AskEmployees(context, out);
  LeverageEmployees(context, out);
  UndeclaredAcquaintances(context, scope, users, out);
  ProjectHistoryChecks(context, out);

  // kNone sorts before every id.
  auto less = [&](Kind kind, Idx a, Idx b) {
    if (a == b || b == kNone) return false;
    if (a == kNone) return true;
    return graph_.Id(kind, a) < graph_.Id(kind, b);
  };
  std::stable_sort(out.begin(), out.end(), [&](const Warning& a, const Warning& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.customer != b.customer) return less(Kind::kOrganization, a.customer, b.customer);
    if (a.opportunity != b.opportunity) return less(Kind::kOpportunity, a.opportunity, b.opportunity);
    return less(Kind::kPerson, a.person, b.person);
  });
  return out;
}

Warning Warnings::Make(WarningKind kind, Idx customer, Idx opportunity, Idx person) const {
  Warning warning;
  warning.kind = kind;
  warning.severity = SeverityOf(kind);
  warning.customer = customer;
  warning.opportunity = opportunity;
  warning.person = person;
  return warning;
}

int8_t Warnings::Effective(Idx person, Dimension dimension, Idx opportunity, Date day) const {
  const int8_t project = figures_.Rating(person, dimension, kOurs, opportunity, day);
  return project != kUnknown ? project : figures_.Rating(person, dimension, kOurs, kNone, day);
}

int8_t Warnings::EffectiveVote(Idx member, VoteKind kind, Date day) const {
  const ChainMember& m = graph_.members[member];
  const int8_t own = kind == VoteKind::kVeto ? m.veto : m.approve;
  return own != kUnknown ? own : figures_.Vote(m.person, kind, day);
}

std::vector<Idx> Warnings::ChainPersons(Idx opportunity, Date day) const {
  std::vector<Idx> persons;
  for (Idx member : graph_.opportunities[opportunity].members) {
    if (figures_.MemberCounts(member, day)) persons.push_back(graph_.members[member].person);
  }
  figures_.SortById(Kind::kPerson, persons);
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  return persons;
}

std::vector<Idx> Warnings::ChainCompetitors(Idx opportunity, Date day) const {
  std::vector<Idx> competitors;
  for (Idx person : ChainPersons(opportunity, day)) {
    for (const Series& series : graph_.people[person].ratings) {
      if (series.toward == kOurs || series.toward >= graph_.orgs.size()) continue;
      if (series.opportunity != opportunity && series.opportunity != kNone) continue;
      if (graph_.orgs[series.toward].kind == OrgKind::kCompetitor) competitors.push_back(series.toward);
    }
  }
  std::sort(competitors.begin(), competitors.end());
  competitors.erase(std::unique(competitors.begin(), competitors.end()), competitors.end());
  figures_.SortById(Kind::kOrganization, competitors);
  return competitors;
}

void Warnings::AttitudeConflicts(const Context& context, Out& out) const {
  for (Idx customer : context.customers) {
    for (Idx person : figures_.KeyPersons(customer, context.day)) {
      std::vector<Idx> opportunities;
      for (const Series& series : graph_.people[person].ratings) {
        if (series.toward == kOurs && series.opportunity != kNone &&
            graph_.opportunities[series.opportunity].OpenOn(context.day)) {
          opportunities.push_back(series.opportunity);
        }
      }
      std::sort(opportunities.begin(), opportunities.end());
      opportunities.erase(std::unique(opportunities.begin(), opportunities.end()), opportunities.end());
      for (Idx opp : opportunities) {
        Warning w = Make(WarningKind::kAttitudeConflict, customer, opp, person);
        std::string detail;
        for (Dimension d : kAllDimensions) {
          const int8_t overall = figures_.Rating(person, d, kOurs, kNone, context.day);
          const int8_t project = figures_.Rating(person, d, kOurs, opp, context.day);
          if (!(Supporting(overall) && Opposing(project)) && !(Opposing(overall) && Supporting(project))) continue;
          w.dimensions.push_back(d);
          w.Attitude("customer", d, overall).Attitude("project", d, project);
          detail += std::string(detail.empty() ? "" : "; ") + std::string(DimensionName(d)) + " is " +
                    std::string(AttitudeName(overall)) + " at customer level but " +
                    std::string(AttitudeName(project)) + " in the opportunity";
        }
        if (w.dimensions.empty()) continue;
        w.message = "Key person " + PersonId(person) + " has conflicting ratings for opportunity " +
                    OpportunityId(opp) + ": " + detail + ".";
        out.push_back(std::move(w));
      }
    }
  }
}

void Warnings::OptimisticForecasts(const Context& context, Out& out) const {
  for (Idx opp : context.opportunities) {
    const Opportunity& o = graph_.opportunities[opp];
    if (o.win_probability < kOptimisticProbability - 1e-9) continue;
    Stats chain;
    std::map<Idx, Stats> departments;
    for (Idx member : o.members) {
      if (!figures_.MemberCounts(member, context.day)) continue;
      const Idx person = graph_.members[member].person;
      const int8_t closeness = Effective(person, Dimension::kCloseness, opp, context.day);
      chain.Add(closeness);
      const Idx department = graph_.people[person].department;
      if (department != kNone) departments[department].Add(closeness);
    }
    int known_departments = 0, negative_departments = 0;
    for (const auto& [department, stats] : departments) {
      if (stats.known() == 0) continue;
      ++known_departments;
      negative_departments += stats.sum() < 0;
    }
    const bool members_oppose = chain.known() > 0 && 2 * chain.opposers() >= chain.known();
    const bool departments_negative = known_departments > 0 && 2 * negative_departments >= known_departments;
    if (!members_oppose && !departments_negative) continue;
    Warning w = Make(WarningKind::kOptimisticForecast, o.customer, opp, kNone);
    w.dimensions = {Dimension::kCloseness};
    w.Number("probability", o.win_probability).Count("opposers", chain.opposers()).Count("known", chain.known());
    w.Count("negative_departments", negative_departments).Count("known_departments", known_departments);
    std::string reasons;
    if (members_oppose) {
      reasons = std::to_string(chain.opposers()) + " of " + std::to_string(chain.known()) +
                " chain members with known closeness oppose us";
    }
    if (departments_negative) {
      reasons += std::string(reasons.empty() ? "" : ", and ") + std::to_string(negative_departments) + " of " +
                 std::to_string(known_departments) + " departments in the chain have a negative mean closeness";
    }
    w.message = "Opportunity " + OpportunityId(opp) + " is forecast at " + PercentText(o.win_probability) +
                " win probability, but " + reasons + ".";
    out.push_back(std::move(w));
  }
}

void Warnings::VetoOpposes(const Context& context, Out& out) const {
  for (Idx opp : context.opportunities) {
    const Opportunity& o = graph_.opportunities[opp];
    std::vector<Idx> reported;
    for (Idx member : o.members) {
      if (!figures_.MemberCounts(member, context.day) || EffectiveVote(member, VoteKind::kVeto, context.day) != 1) {
        continue;
      }
      const Idx person = graph_.members[member].person;
      if (std::find(reported.begin(), reported.end(), person) != reported.end()) continue;
      Warning w = Make(WarningKind::kVetoOpposes, o.customer, opp, person);
      std::string detail;
      for (Dimension d : {Dimension::kCloseness, Dimension::kSolution}) {
        const int8_t value = Effective(person, d, opp, context.day);
        if (!Opposing(value)) continue;
        w.dimensions.push_back(d);
        w.Attitude("attitude", d, value);
        detail += std::string(detail.empty() ? "" : " and ") + std::string(DimensionName(d)) + " " +
                  std::string(AttitudeName(value));
      }
      if (w.dimensions.empty()) continue;
      reported.push_back(person);
      w.message = PersonId(person) + " holds a veto in opportunity " + OpportunityId(opp) + " and opposes us (" +
                  detail + ").";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::NoDecisionMakers(const Context& context, Out& out) const {
  for (Idx opp : context.focus) {
    const Opportunity& o = graph_.opportunities[opp];
    bool decided = false;
    for (Idx member : o.members) {
      if (!figures_.MemberCounts(member, context.day)) continue;
      const uint8_t role = graph_.members[member].role;
      if (role == kDecisionMakerRole || role == kApproverRole ||
          EffectiveVote(member, VoteKind::kApprove, context.day) == 1) {
        decided = true;
        break;
      }
    }
    if (decided) continue;
    Warning w = Make(WarningKind::kNoDecisionMaker, o.customer, opp, kNone);
    w.message = "Focus opportunity " + OpportunityId(opp) +
                " has no decision maker or approver in its chain and no member who approves it.";
    out.push_back(std::move(w));
  }
}

void Warnings::SharpDrops(const Context& context, Out& out) const {
  const StrategyThresholds& thresholds = figures_.thresholds();
  const Date before = AddMonths(context.day, -thresholds.drop_months);
  for (Idx customer : context.customers) {
    const Degrees now = figures_.CustomerDegrees(customer, kOurs, context.day);
    const Degrees then = figures_.CustomerDegrees(customer, kOurs, before);
    Warning w = Make(WarningKind::kSharpDrop, customer, kNone, kNone);
    std::string detail;
    for (Dimension d : kAllDimensions) {
      const int i = static_cast<int>(d);
      if (!FellBy(now[i], then[i], thresholds.drop)) continue;
      w.dimensions.push_back(d);
      w.Mean("before", d, then[i].mean()).Mean("now", d, now[i].mean());
      detail += std::string(detail.empty() ? "" : ", ") + std::string(DimensionName(d)) + " from " +
                MeanText(then[i].mean()) + " to " + MeanText(now[i].mean());
    }
    if (w.dimensions.empty()) continue;
    w.Day("since", before).Number("threshold", thresholds.drop);
    w.message = "Customer " + OrgId(customer) + "'s mean fell sharply since " + FormatDate(before) + " (" + detail +
                "; the threshold is a fall of " + MeanText(thresholds.drop) + ").";
    out.push_back(std::move(w));
  }
}

void Warnings::CompetitorComparisons(const Context& context, Out& out) const {
  for (Idx opp : context.focus) {
    const Opportunity& o = graph_.opportunities[opp];
    const Degrees ours = figures_.ChainDegrees(opp, kOurs, context.day);
    std::vector<Idx> leading, unled;
    for (Idx competitor : ChainCompetitors(opp, context.day)) {
      const Degrees theirs = figures_.ChainDegrees(opp, competitor, context.day);
      bool known = false, higher_everywhere = true, we_lead = false;
      for (int d = 0; d < kDimensions; ++d) {
        known = known || theirs[d].known() > 0;
        higher_everywhere = higher_everywhere && Higher(theirs[d], ours[d]);
        we_lead = we_lead || (ours[d].known() > 0 && (theirs[d].known() == 0 || Higher(ours[d], theirs[d])));
      }
      if (!known) continue;
      if (higher_everywhere) leading.push_back(competitor);
      else if (!we_lead) unled.push_back(competitor);
    }
    auto names = [&](const std::vector<Idx>& orgs) {
      std::string text;
      for (size_t i = 0; i < orgs.size(); ++i) text += (i == 0 ? "" : ", ") + OrgId(orgs[i]);
      return text;
    };
    if (!leading.empty()) {
      Warning w = Make(WarningKind::kCompetitorLeads, o.customer, opp, kNone);
      w.dimensions.assign(std::begin(kAllDimensions), std::end(kAllDimensions));
      w.competitors = leading;
      w.message = "In focus opportunity " + OpportunityId(opp) + ", the chain rates " + names(leading) +
                  " higher than us on closeness, solution and price.";
      out.push_back(std::move(w));
    }
    if (!unled.empty()) {
      Warning w = Make(WarningKind::kNoLead, o.customer, opp, kNone);
      w.competitors = unled;
      w.message = "In focus opportunity " + OpportunityId(opp) + ", we lead " + names(unled) +
                  " on none of closeness, solution and price; lead on at least one.";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::StaleContacts(const Context& context, Out& out) const {
  for (Idx opp : context.focus) {
    for (Idx person : ChainPersons(opp, context.day)) {
      if (!figures_.ActiveKeyPerson(person, context.day) || figures_.Activities(person, kNone, context.day) > 0) {
        continue;
      }
      Warning w = Make(WarningKind::kStaleContact, graph_.opportunities[opp].customer, opp, person);
      w.Count("days", kRecentDays);
      w.message = "Key person " + PersonId(person) + " in the chain of focus opportunity " + OpportunityId(opp) +
                  " has had no activity in the last " + std::to_string(kRecentDays) + " days.";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::ChampionsLeft(const Context& context, Out& out) const {
  const Date first = AddDays(context.day, -(kRecentDays - 1));
  for (Idx opp : context.opportunities) {
    const Opportunity& o = graph_.opportunities[opp];
    const std::vector<Idx> counting = ChainPersons(opp, context.day);
    std::vector<Idx> reported;
    for (Idx member : o.members) {
      const ChainMember& m = graph_.members[member];
      if (m.person == kNone || !graph_.people[m.person].exists) continue;
      // The first day the membership stopped counting: it or its person ended.
      const Date stop = std::min(m.life.until, graph_.people[m.person].life.until);
      if (stop == kMaxDate || stop < first || context.day < stop) continue;
      const Date last = AddDays(stop, -1);
      if (!figures_.MemberCounts(member, last)) continue;
      if (std::find(counting.begin(), counting.end(), m.person) != counting.end() ||
          std::find(reported.begin(), reported.end(), m.person) != reported.end()) {
        continue;
      }
      const int8_t closeness = Effective(m.person, Dimension::kCloseness, opp, last);
      if (!Supporting(closeness)) continue;
      reported.push_back(m.person);
      Warning w = Make(WarningKind::kChampionLeft, o.customer, opp, m.person);
      w.dimensions = {Dimension::kCloseness};
      w.Attitude("attitude", Dimension::kCloseness, closeness).Day("left", stop);
      w.message = "Supporter " + PersonId(m.person) + " (closeness " + std::string(AttitudeName(closeness)) +
                  ") left the chain of open opportunity " + OpportunityId(opp) + " on " + FormatDate(stop) + ".";
      out.push_back(std::move(w));
    }
  }
}

}  // namespace brm::engine
