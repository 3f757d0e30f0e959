// Work in the graph: what the access policy needs of a task to decide who sees it (graph.hpp, Task), and
// the decisions about warnings (WarningDecision). Comments are seen through their task and are not kept.
#include <algorithm>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/graph.hpp"
#include "engine/graph_apply.hpp"

namespace brm::engine {
namespace f = fields;
using apply::Ensure;
using apply::Slot;

void Graph::ApplyTask(const Record& record) {
  Task& task = Slot(tasks, ids(Kind::kTask).Intern(record.id));
  task.customer = Ref(Kind::kOrganization, record, f::task::kCustomer);
  task.opportunity = Ref(Kind::kOpportunity, record, f::task::kOpportunity);
  task.person = Ref(Kind::kPerson, record, f::task::kPerson);
  task.assignee = Ref(Kind::kUser, record, f::task::kAssignee);
  task.by = Ref(Kind::kUser, record, f::task::kBy);
  Ensure(orgs, task.customer);
  Ensure(opportunities, task.opportunity);
  Ensure(people, task.person);
  Ensure(users, task.assignee);
  Ensure(users, task.by);
}

namespace {

uint8_t WordIndex(vocab::Words words, std::string_view word, uint8_t otherwise) {
  const auto it = std::find(words.begin(), words.end(), word);
  return it == words.end() ? otherwise : static_cast<uint8_t>(it - words.begin());
}

}  // namespace

void Graph::ApplyWarningDecision(const Record& record) {
  const Idx index = ids(Kind::kWarningDecision).Intern(record.id);
  const bool known = index < decisions.size();
  WarningDecision& decision = Slot(decisions, index);
  if (known) {  // a fact seen again: only its until changes
    decision.until = record.DateAt(f::decision::kUntil).value_or(kMaxDate);
    return;
  }
  decision.kind = WordIndex(vocab::kWarningKinds, record.Text(f::decision::kKind), 0);
  decision.status = WordIndex(vocab::kDecisionStatus, record.Text(f::decision::kStatus), 0);
  decision.severity = WordIndex(vocab::kSeverities, record.Text(f::decision::kSeverity), 2);
  decision.customer = Ref(Kind::kOrganization, record, f::decision::kCustomer);
  decision.opportunity = Ref(Kind::kOpportunity, record, f::decision::kOpportunity);
  decision.person = Ref(Kind::kPerson, record, f::decision::kPerson);
  decision.by = Ref(Kind::kUser, record, f::decision::kBy);
  decision.snoozed_until = record.DateAt(f::decision::kSnoozedUntil).value_or(kMaxDate);
  decision.date = record.DateAt(f::decision::kDate).value_or(kMinDate);
  decision.until = record.DateAt(f::decision::kUntil).value_or(kMaxDate);
  decision.facts = record.Number(f::decision::kFacts).value_or(0);
  decision.reason = record.Text(f::decision::kReason);
  Ensure(orgs, decision.customer);
  Ensure(opportunities, decision.opportunity);
  Ensure(people, decision.person);
  Ensure(users, decision.by);
  decisions_by_key[WarningKey{decision.kind, decision.customer, decision.opportunity, decision.person}].push_back(index);
}

}  // namespace brm::engine
