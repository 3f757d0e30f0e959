// Work in the graph: what the access policy needs of a task to decide who sees it (graph.hpp, Task).
// Comments are seen through their task and are not kept.
#include "domain/schema.hpp"
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

}  // namespace brm::engine
