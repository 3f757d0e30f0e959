#include "engine/warning_states.hpp"

#include <algorithm>

#include "domain/schema.hpp"

namespace brm::engine {
namespace f = fields;

namespace {

constexpr int kStoredHotKinds = kHotKinds - 1;  // kHotAcquainted is worked out from links, not stored

template <typename Points>
double Count(const Points& points) {
  double n = 0;
  for (const auto& point : points) n += point.until == kMaxDate ? 1 : 2;
  return n;
}

double PersonFacts(const Graph& graph, Idx index) {
  if (index == kNone || index >= graph.people.size()) return 0;
  const Person& person = graph.people[index];
  double n = Count(person.activities);
  for (int kind = 0; kind < kStoredHotKinds; ++kind) n += Count(person.Hot(kind));
  for (const Series& series : person.ratings) n += Count(series.points);
  return n;
}

Idx Find(const Graph& graph, Kind kind, const Record& record, int field) {
  return record.IsNull(field) ? kNone : graph.ids(kind).Find(record.Text(field));
}

}  // namespace

double FactsAbout(const Graph& graph, Idx customer, Idx opportunity, Idx person) {
  if (person != kNone) return PersonFacts(graph, person);
  if (opportunity != kNone) {
    if (opportunity >= graph.opportunities.size()) return 0;
    const Opportunity& opp = graph.opportunities[opportunity];
    std::vector<Idx> persons;
    for (Idx member : opp.members) persons.push_back(graph.members[member].person);
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    double n = 0;
    for (Idx p : persons) n += PersonFacts(graph, p);
    for (Idx use : opp.uses) n += graph.uses[use].until == kMaxDate ? 1 : 2;
    return n;
  }
  if (customer != kNone && customer < graph.orgs.size()) {
    double n = 0;
    for (Idx p : graph.orgs[customer].people) n += PersonFacts(graph, p);
    return n;
  }
  return 0;
}

DecisionState StateOf(const Graph& graph, const Warning& warning, Date day, Idx reader) {
  DecisionState out;
  if (graph.decisions_by_key.empty()) return out;
  const auto it = graph.decisions_by_key.find(
      WarningKey{static_cast<uint8_t>(warning.kind), warning.customer, warning.opportunity, warning.person});
  if (it == graph.decisions_by_key.end()) return out;
  const bool concerns_nothing = warning.customer == kNone && warning.opportunity == kNone && warning.person == kNone;
  for (auto d = it->second.rbegin(); d != it->second.rend(); ++d) {
    const WarningDecision& decision = graph.decisions[*d];
    if (decision.until <= day || decision.date > day) continue;  // undone, or not yet taken on the day
    if (concerns_nothing && decision.by != reader) continue;
    out.decision = *d;
    if (static_cast<uint8_t>(warning.severity) < decision.severity) {
      out.lapse = Lapse::kSeverity;
    } else if (decision.status == 1) {  // snoozed
      if (day >= decision.snoozed_until) out.lapse = Lapse::kSnoozeOver;
    } else if (FactsAbout(graph, warning.customer, warning.opportunity, warning.person) != decision.facts) {
      out.lapse = Lapse::kFacts;
    }
    if (out.lapse == Lapse::kNone) out.state = static_cast<WarningState>(decision.status + 1);
    return out;
  }
  return out;
}

void StampDecision(const Graph& graph, Record& record) {
  const auto kind = std::find(std::begin(kWarningKindNames), std::end(kWarningKindNames), record.Text(f::decision::kKind));
  if (kind != std::end(kWarningKindNames)) {
    record.values[f::decision::kSeverity] =
        std::string(SeverityName(SeverityOf(static_cast<WarningKind>(kind - std::begin(kWarningKindNames)))));
  }
  record.values[f::decision::kFacts] = FactsAbout(graph, Find(graph, Kind::kOrganization, record, f::decision::kCustomer),
                                                  Find(graph, Kind::kOpportunity, record, f::decision::kOpportunity),
                                                  Find(graph, Kind::kPerson, record, f::decision::kPerson));
}

}  // namespace brm::engine
