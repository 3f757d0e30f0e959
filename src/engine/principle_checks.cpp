// The principle checks of SPEC.md §6.3/§6.4 as warnings (the second half of Warnings::Check; the kinds
// and their rules are listed in warnings.hpp).
#include <algorithm>

#include "domain/vocab.hpp"
#include "engine/features.hpp"
#include "engine/message_text.hpp"
#include "engine/warnings.hpp"

namespace brm::engine {

namespace {

constexpr int kRecentDays = 90;
constexpr int kDeclarationMonths = 12;

std::string_view DimensionName(Dimension dimension) { return vocab::kDimensions[static_cast<size_t>(dimension)]; }

bool Supporting(int8_t value) { return value != kUnknown && value >= 1; }
bool Opposing(int8_t value) { return value != kUnknown && value <= -1; }

// Whether the mean fell from `earlier` to `now` (both known), compared exactly on the integer sums.
bool Fell(const Stats& now, const Stats& earlier) {
  const int64_t k1 = now.known(), k0 = earlier.known();
  return k1 > 0 && k0 > 0 && earlier.sum() * k1 > now.sum() * k0;
}


}  // namespace

void Warnings::FocusCoverage(const Context& context, Out& out) const {
  for (Idx customer : context.customers) {
    if (!graph_.orgs[customer].focus) continue;
    for (Idx person : figures_.KeyPersons(customer, context.day)) {
      const bool contacted = figures_.Activities(person, kNone, context.day) > 0;
      const uint8_t unknown = UnknownFeatures(figures_, person, context.day);
      if (contacted && unknown == 0) continue;
      Warning w = Make(WarningKind::kFocusCoverage, customer, kNone, person);
      for (Dimension d : kAllDimensions) {
        if (unknown & (1u << static_cast<int>(d))) w.dimensions.push_back(d);
      }
      w.Flag("contacted", contacted).Count("days", kRecentDays).Features("unknown", unknown);
      std::vector<std::string> missing;
      for (std::string_view name : FeatureNames(unknown)) missing.emplace_back(name);
      std::string gaps;
      if (!contacted) gaps = "has had no activity in the last " + std::to_string(kRecentDays) + " days";
      if (!missing.empty()) {
        gaps += std::string(gaps.empty() ? "" : " and ") + "is not fully profiled (unknown: " + JoinWords(missing) + ")";
      }
      w.message = "Key person " + PersonId(person) + " of focus customer " + OrgId(customer) + " " + gaps + ".";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::OpposersToNeutral(const Context& context, Out& out) const {
  for (Idx customer : context.customers) {
    for (Idx person : figures_.KeyPersons(customer, context.day)) {
      Warning w = Make(WarningKind::kOpposerToNeutral, customer, kNone, person);
      std::vector<std::string> detail;
      for (Dimension d : kAllDimensions) {
        const int8_t value = figures_.Rating(person, d, kOurs, kNone, context.day);
        if (!Opposing(value)) continue;
        w.dimensions.push_back(d);
        w.Attitude("attitude", d, value);
        detail.push_back(std::string(DimensionName(d)) + " " + std::string(AttitudeName(value)));
      }
      if (w.dimensions.empty()) continue;
      w.message = "Key person " + PersonId(person) + " opposes us (" + JoinWords(detail) + "); raise them to neutral.";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::VotesNotSupporting(const Context& context, Out& out) const {
  for (Idx customer : context.customers) {
    for (Idx person : figures_.KeyPersons(customer, context.day)) {
      std::vector<std::string> votes;
      if (figures_.Vote(person, VoteKind::kVeto, context.day) == 1) votes.emplace_back("veto");
      if (figures_.Vote(person, VoteKind::kApprove, context.day) == 1) votes.emplace_back("approval");
      if (votes.empty()) continue;
      const int8_t closeness = figures_.Rating(person, Dimension::kCloseness, kOurs, kNone, context.day);
      if (Supporting(closeness)) continue;
      Warning w = Make(WarningKind::kVoteNotSupporting, customer, kNone, person);
      w.dimensions = {Dimension::kCloseness};
      w.Flag("veto", figures_.Vote(person, VoteKind::kVeto, context.day) == 1);
      w.Flag("approve", figures_.Vote(person, VoteKind::kApprove, context.day) == 1);
      w.Attitude("attitude", Dimension::kCloseness, closeness);
      w.message = "Key person " + PersonId(person) + " holds the " + JoinWords(votes) +
                  (votes.size() > 1 ? " votes" : " vote") + " but does not support us yet (closeness " +
                  std::string(AttitudeName(closeness)) + ").";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::MeansFalling(const Context& context, const Scope& scope, Out& out) const {
  const Date dates[] = {context.day, AddMonths(context.day, -1), AddMonths(context.day, -12)};
  // Adds a warning when a mean of `degrees` ([now, month ago, year ago]) fell.
  auto check = [&](Idx customer, const Degrees (&degrees)[3], const std::string& subject) {
    Warning w = Make(WarningKind::kMeanFalling, customer, kNone, kNone);
    std::vector<std::string> detail;
    for (Dimension d : kAllDimensions) {
      const int i = static_cast<int>(d);
      std::vector<std::string> falls;
      if (Fell(degrees[0][i], degrees[1][i])) {
        falls.push_back("month over month from " + MeanText(degrees[1][i].mean()));
      }
      if (Fell(degrees[0][i], degrees[2][i])) {
        falls.push_back("year over year from " + MeanText(degrees[2][i].mean()));
      }
      if (falls.empty()) continue;
      w.dimensions.push_back(d);
      w.Mean("now", d, degrees[0][i].mean()).Mean("month_ago", d, degrees[1][i].mean());
      w.Mean("year_ago", d, degrees[2][i].mean());
      detail.push_back(std::string(DimensionName(d)) + " fell " + JoinWords(falls) + " to " +
                       MeanText(degrees[0][i].mean()));
    }
    if (w.dimensions.empty()) return;
    w.message = subject + ": " + JoinWords(detail) + ".";
    out.push_back(std::move(w));
  };
  // The scope's pooled means, over the customers active on each day as in the customer line.
  Degrees pooled[3] = {};
  for (Idx org = 0; org < graph_.orgs.size(); ++org) {
    if (graph_.orgs[org].kind != OrgKind::kCustomer || !scope.Has(org)) continue;
    for (int w = 0; w < 3; ++w) {
      const Degrees degrees = figures_.CustomerDegrees(org, kOurs, dates[w]);
      for (int d = 0; d < kDimensions; ++d) pooled[w][d].Merge(degrees[d]);
    }
  }
  check(kNone, pooled, "The pooled means of the scope's customers are falling");
  for (Idx customer : context.customers) {
    Degrees degrees[3];
    for (int w = 0; w < 3; ++w) degrees[w] = figures_.CustomerDegrees(customer, kOurs, dates[w]);
    check(customer, degrees, "Customer " + OrgId(customer) + "'s means are falling");
  }
}

void Warnings::AskEmployees(const Context& context, Out& out) const {
  for (Idx customer : context.customers) {
    for (Idx person : figures_.KeyPersons(customer, context.day)) {
      if (figures_.State(person, kOurs, context.day).insighted) continue;
      std::vector<Idx> employees = figures_.InfluencingEmployees(person, context.day);
      if (employees.empty()) continue;
      Warning w = Make(WarningKind::kAskEmployee, customer, kNone, person);
      std::vector<std::string> names;
      for (Idx employee : employees) names.push_back(PersonId(employee));
      w.employees = std::move(employees);
      w.message = "Key person " + PersonId(person) + " is not yet insighted; ask " + JoinWords(names) +
                  ", who can influence them.";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::LeverageEmployees(const Context& context, Out& out) const {
  for (Idx opp : context.focus) {
    for (Idx person : ChainPersons(opp, context.day)) {
      if (!figures_.ActiveKeyPerson(person, context.day)) continue;
      const int8_t closeness = Effective(person, Dimension::kCloseness, opp, context.day);
      if (closeness == kUnknown || closeness > 0) continue;
      std::vector<Idx> employees = figures_.InfluencingEmployees(person, context.day);
      if (employees.empty()) continue;
      Warning w = Make(WarningKind::kLeverageEmployee, graph_.opportunities[opp].customer, opp, person);
      w.dimensions = {Dimension::kCloseness};
      w.Attitude("attitude", Dimension::kCloseness, closeness);
      std::vector<std::string> names;
      for (Idx employee : employees) names.push_back(PersonId(employee));
      w.employees = std::move(employees);
      w.message = "Key person " + PersonId(person) + " is " + std::string(AttitudeName(closeness)) +
                  " in the chain of focus opportunity " + OpportunityId(opp) + "; leverage " + JoinWords(names) +
                  ", who can influence them.";
      out.push_back(std::move(w));
    }
  }
}

void Warnings::UndeclaredAcquaintances(const Context& context, const Scope& scope, const std::vector<Idx>& users,
                                       Out& out) const {
  std::vector<Idx> candidates;
  if (scope.company()) {
    for (Idx user = 0; user < graph_.users.size(); ++user) candidates.push_back(user);
  } else {
    for (Idx user : users) {
      if (user < graph_.users.size()) candidates.push_back(user);
    }
  }
  std::vector<Idx> employees;
  for (Idx index : candidates) {
    const User& user = graph_.users[index];
    if (user.active && user.life.On(context.day) && user.person != kNone &&
        figures_.Employee(user.person, context.day)) {
      employees.push_back(user.person);
    }
  }
  figures_.SortById(Kind::kPerson, employees);
  employees.erase(std::unique(employees.begin(), employees.end()), employees.end());
  // A declaration is an influence link from the employee whose validity starts in the 12 months ending on the day.
  const Date after = AddMonths(context.day, -kDeclarationMonths);
  for (Idx employee : employees) {
    const auto& links = graph_.people[employee].links_out;
    const bool declared = std::any_of(links.begin(), links.end(), [&](Idx link) {
      const Date since = graph_.links[link].life.since;
      return after < since && since <= context.day;
    });
    if (declared) continue;
    Warning w = Make(WarningKind::kUndeclaredAcquaintances, kNone, kNone, employee);
    w.Count("months", kDeclarationMonths);
    w.message = "Employee " + PersonId(employee) + " has not declared whom they know in the last " +
                std::to_string(kDeclarationMonths) + " months.";
    out.push_back(std::move(w));
  }
}

}  // namespace brm::engine
