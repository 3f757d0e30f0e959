#include "service/access_policy.hpp"

#include <algorithm>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"

namespace brm {
namespace f = fields;
using engine::Idx;
using engine::kNone;
using engine::OrgKind;

namespace {

bool Changed(const std::optional<Record>& before, const Record& after, int field) {
  return before && !(before->values[field] == after.values[field]);
}

Error Forbidden(std::string message, std::string field = {}) {
  return MakeError(ErrorCode::kForbidden, std::move(message), std::move(field));
}

Error ScopeForbidden(std::string message) { return Forbidden(std::move(message), "scope"); }

// The rule of visible organizations for a set of owners (by user index): a customer when its owner is one
// of them, any organization of another kind, never a placeholder for a missing one.
bool OwnedOrShared(const engine::Graph& graph, const std::vector<bool>& owners, Idx org) {
  if (org == kNone || org >= graph.orgs.size()) return false;
  const engine::Organization& o = graph.orgs[org];
  if (o.kind == OrgKind::kMissing) return false;
  return o.kind != OrgKind::kCustomer || (o.owner != kNone && o.owner < owners.size() && owners[o.owner]);
}

}  // namespace

Role RoleFromWord(std::string_view word) {
  if (word == "rep") return Role::kRep;
  if (word == "manager") return Role::kManager;
  if (word == "executive") return Role::kExecutive;
  if (word == "admin") return Role::kAdmin;
  return Role::kEmployee;
}

Access::Access(const Actor& actor, const engine::Graph& graph) : actor_(actor), graph_(graph) {
  user_ = actor.user.empty() ? kNone : graph.ids(Kind::kUser).Find(actor.user);
  person_ = actor.person.empty() ? kNone : graph.ids(Kind::kPerson).Find(actor.person);
  if (actor.role != Role::kRep && actor.role != Role::kManager) return;
  owners_.assign(graph.users.size(), false);
  if (user_ == kNone) return;
  owners_[user_] = true;
  if (actor.role != Role::kManager) return;
  // The team the manager belongs to and every team they lead, each with its subtree.
  std::vector<Idx> roots;
  if (graph.users[user_].team != kNone) roots.push_back(graph.users[user_].team);
  for (Idx team = 0; team < graph.teams.size(); ++team) {
    if (graph.teams[team].manager == user_) roots.push_back(team);
  }
  for (Idx root : roots) {
    for (Idx user : TeamUsers(root)) owners_[user] = true;
  }
}

std::vector<Idx> Access::TeamUsers(Idx root) const {
  std::vector<Idx> users;
  std::vector<bool> seen(graph_.teams.size(), false);
  std::vector<Idx> stack{root};
  while (!stack.empty()) {
    const Idx team = stack.back();
    stack.pop_back();
    if (team >= seen.size() || seen[team]) continue;  // a loop stored before loops were refused
    seen[team] = true;
    const engine::Team& t = graph_.teams[team];
    users.insert(users.end(), t.users.begin(), t.users.end());
    stack.insert(stack.end(), t.children.begin(), t.children.end());
  }
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  return users;
}

bool Access::SeesOrg(Idx org) const {
  if (actor_.role == Role::kEmployee) return false;
  if (everything()) return true;
  return OwnedOrShared(graph_, owners_, org);
}

Idx Access::OrgOf(Kind kind, std::string_view id, bool& found) const {
  const Idx index = graph_.ids(kind).Find(id);
  found = index != kNone;
  if (!found) return kNone;
  switch (kind) {
    case Kind::kOrganization: return index;
    case Kind::kDepartment: return graph_.departments[index].org;
    case Kind::kPerson: return graph_.people[index].org;
    case Kind::kOpportunity: return graph_.opportunities[index].customer;
    default: return kNone;
  }
}

bool Access::SeesTask(const engine::Task& task) const {
  if (everything()) return true;
  if (actor_.role == Role::kEmployee) return false;
  const Idx person_org = task.person == kNone || task.person >= graph_.people.size() ? kNone : graph_.people[task.person].org;
  const Idx opp_customer =
      task.opportunity == kNone || task.opportunity >= graph_.opportunities.size() ? kNone
                                                                                    : graph_.opportunities[task.opportunity].customer;
  if (task.customer != kNone && !SeesOrg(task.customer)) return false;
  if (task.opportunity != kNone && !SeesOrg(opp_customer)) return false;
  if (task.person != kNone && !SeesOrg(person_org)) return false;
  const bool concerns = task.customer != kNone || task.opportunity != kNone || task.person != kNone;
  return concerns || Owns(task.assignee) || Owns(task.by);
}

bool Access::Recipient(const Record& introduction) const {
  return !actor_.person.empty() && introduction.Text(f::intro::kEmployee) == actor_.person;
}

bool Access::MayRead(const Record& record) const {
  // A webhook's address is a secret (a group robot's key): administrators only.
  if (record.kind == Kind::kWebhook) return actor_.role == Role::kAdmin || actor_.role == Role::kSystem;
  if (everything()) return true;
  // Whoever is asked for an introduction reads the request, whatever their role; an inbox mark is its user's.
  if (record.kind == Kind::kIntroduction && Recipient(record)) return true;
  if (record.kind == Kind::kInboxMark) return record.Text(f::mark::kUser) == actor_.user;
  if (actor_.role == Role::kEmployee) {
    return record.kind == Kind::kInfluence && !actor_.person.empty() &&
           record.Text(f::influence::kFrom) == actor_.person;
  }
  if (record.kind == Kind::kTask) {
    // The record as it stands (it may be the one being written): its references looked up in the graph; one
    // that is not there hides the task, as any reference to nothing.
    engine::Task task;
    auto at = [&](Kind kind, int field, Idx& index) {
      if (record.IsNull(field)) return true;
      index = graph_.ids(kind).Find(record.Text(field));
      return index != kNone;
    };
    if (!at(Kind::kOrganization, f::task::kCustomer, task.customer) ||
        !at(Kind::kOpportunity, f::task::kOpportunity, task.opportunity) ||
        !at(Kind::kPerson, f::task::kPerson, task.person)) {
      return false;
    }
    at(Kind::kUser, f::task::kAssignee, task.assignee);
    at(Kind::kUser, f::task::kBy, task.by);
    return SeesTask(task);
  }
  if (record.kind == Kind::kWarningDecision && record.IsNull(f::decision::kCustomer) &&
      record.IsNull(f::decision::kOpportunity) && record.IsNull(f::decision::kPerson)) {
    // About a warning that concerns nothing: a perspective's own, its author's and their managers'.
    return Owns(graph_.ids(Kind::kUser).Find(record.Text(f::decision::kBy)));
  }
  if (record.kind == Kind::kIntroduction && Owns(graph_.ids(Kind::kUser).Find(record.Text(f::intro::kBy)))) {
    return true;  // the requester and their managers, even once the customer has moved on
  }
  if (record.kind == Kind::kTaskComment) {
    const Idx task = graph_.ids(Kind::kTask).Find(record.Text(f::comment::kTask));
    return task != kNone && task < graph_.tasks.size() && SeesTask(graph_.tasks[task]);
  }
  const EntitySpec& spec = Spec(record.kind);
  if (record.kind == Kind::kOrganization && record.Text(f::org::kKind) == "customer") {
    // The record's own owner (it may be the record being written): owned by one of the owners.
    if (record.IsNull(f::org::kOwner) || !Owns(graph_.ids(Kind::kUser).Find(record.Text(f::org::kOwner)))) return false;
  }
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& field = spec.fields[i];
    if (field.type != FieldType::kRef || record.IsNull(static_cast<int>(i))) continue;
    const Kind target = *field.ref;
    if (target != Kind::kOrganization && target != Kind::kDepartment && target != Kind::kPerson &&
        target != Kind::kOpportunity) {
      continue;
    }
    bool found = false;
    const Idx org = OrgOf(target, record.Text(static_cast<int>(i)), found);
    if (!found || !SeesOrg(org)) return false;
  }
  return true;
}

bool Access::MayRead(Kind kind, Idx index) const {
  if (everything()) return index != kNone;
  if (actor_.role == Role::kEmployee || index == kNone) return false;
  switch (kind) {
    case Kind::kOrganization: return index < graph_.orgs.size() && SeesOrg(index);
    case Kind::kPerson: return index < graph_.people.size() && graph_.people[index].exists && SeesOrg(graph_.people[index].org);
    case Kind::kOpportunity: return index < graph_.opportunities.size() && SeesOrg(graph_.opportunities[index].customer);
    case Kind::kDepartment: return index < graph_.departments.size() && SeesOrg(graph_.departments[index].org);
    default: return false;
  }
}

bool Access::UsesDirectory(Kind kind) const {
  return actor_.role == Role::kEmployee && (kind == Kind::kPerson || kind == Kind::kOrganization);
}

std::optional<OwnerFilter> Access::ListFilter(Kind kind, ListQuery& query) const {
  if (kind == Kind::kInboxMark) {  // their own, for everyone
    query.equals.emplace_back(f::mark::kUser, actor_.user);
    return OwnerFilter{};
  }
  if (kind == Kind::kWebhook && actor_.role != Role::kAdmin && actor_.role != Role::kSystem) return std::nullopt;
  if (everything()) return OwnerFilter{};
  if (actor_.role == Role::kEmployee) {
    if (kind == Kind::kIntroduction && !actor_.person.empty()) {  // the requests that ask them
      query.equals.emplace_back(f::intro::kEmployee, actor_.person);
      return OwnerFilter{};
    }
    if (kind != Kind::kInfluence || actor_.person.empty()) return std::nullopt;
    query.equals.emplace_back(f::influence::kFrom, actor_.person);
    return OwnerFilter{};
  }
  std::vector<std::string> owners;
  for (Idx user = 0; user < owners_.size(); ++user) {
    if (owners_[user]) owners.push_back(graph_.Id(Kind::kUser, user));
  }
  return OwnerFilter{std::move(owners)};
}

bool Access::MayReference(const Record& target, Date today) const {
  if (actor_.role == Role::kEmployee && target.kind == Kind::kPerson) return ActiveOn(target, today);
  return MayRead(target);
}

bool Access::OursRecord(const Record& record) const {
  auto ours = [&](Kind kind, int field) {
    bool found = false;
    const Idx org = OrgOf(kind, record.Text(field), found);
    return found && org != kNone && graph_.orgs[org].kind == OrgKind::kOurs;
  };
  switch (record.kind) {
    case Kind::kOrganization: return record.Text(f::org::kKind) == "ours";
    case Kind::kDepartment: return ours(Kind::kOrganization, f::dept::kOrg);
    case Kind::kPerson: return ours(Kind::kOrganization, f::person::kOrg);
    case Kind::kReporting: return ours(Kind::kPerson, f::reporting::kPerson) || ours(Kind::kPerson, f::reporting::kManager);
    default: return false;
  }
}

Status Access::MayWriteKind(Kind kind) const {
  if (actor_.role == Role::kEmployee && kind != Kind::kInfluence && kind != Kind::kInboxMark) {
    return Forbidden("Employees can only declare and retire their own acquaintances.");
  }
  if ((kind == Kind::kUser || kind == Kind::kTeam) && actor_.role != Role::kAdmin && actor_.role != Role::kSystem) {
    return Forbidden("Only administrators manage users and teams.");
  }
  if (kind == Kind::kWebhook && actor_.role != Role::kAdmin && actor_.role != Role::kSystem) {
    return Forbidden("Only administrators configure webhooks.");
  }
  return {};
}

Status Access::MayErase() const {
  if (actor_.role == Role::kAdmin || actor_.role == Role::kSystem) return {};
  return Forbidden("Only administrators erase persons and documents.");
}

Status Access::MaySetPassword(std::string_view user) const {
  if (actor_.role == Role::kAdmin || actor_.role == Role::kSystem || actor_.user == user) return {};
  return Forbidden("Only administrators set other users' passwords.");
}

Status Access::MayExchangeBundles() const {
  if (actor_.role == Role::kAdmin || actor_.role == Role::kSystem) return {};
  return Forbidden("Only administrators import and export bundles.");
}

Status Access::MayWrite(const std::optional<Record>& before, const Record& after) const {
  if (auto status = MayWriteKind(after.kind); !status) return status;
  if (after.kind == Kind::kInboxMark) {
    if (actor_.role != Role::kSystem && after.Text(f::mark::kUser) != actor_.user) {
      return Forbidden("An inbox mark is its own user's.", "user");
    }
    return {};
  }
  if (actor_.role == Role::kEmployee) {
    auto own = [&](const Record& record) {
      return record.kind == Kind::kInfluence && !actor_.person.empty() &&
             record.Text(f::influence::kFrom) == actor_.person;
    };
    if (own(after) && (!before || own(*before))) return {};
    return Forbidden("Employees can only declare and retire their own acquaintances.");
  }
  if (after.kind == Kind::kUser || after.kind == Kind::kTeam) return {};
  if (after.kind == Kind::kTask) {
    if (auto status = MayWriteTask(before, after); !status) return status;
  }
  if (after.kind == Kind::kIntroduction) {
    if (auto status = MayWriteIntroduction(before, after); !status) return status;
  }
  if (after.kind == Kind::kWarningDecision && before && !everything() &&
      !Owns(graph_.ids(Kind::kUser).Find(before->Text(f::decision::kBy)))) {
    return Forbidden("Only whoever decided about a warning, and their managers, undo the decision.");
  }
  const auto company_model = [](const std::optional<Record>& model) {
    return model && model->kind == Kind::kMilestoneModel && model->IsNull(f::model::kCustomer);
  };
  if ((company_model(before) || company_model(after)) && actor_.role != Role::kAdmin && actor_.role != Role::kSystem) {
    return Forbidden("Only administrators change the company's default milestone model.", "customer");
  }
  if (everything()) return {};
  if (before && !MayRead(*before)) {
    return MakeError(ErrorCode::kNotFound, "No " + std::string(Spec(before->kind).noun) + " has the id \"" + before->id + "\".");
  }
  if ((before && OursRecord(*before)) || OursRecord(after)) {
    return Forbidden("Only administrators and executives change our own company's records.");
  }
  if (after.kind == Kind::kOrganization && Changed(before, after, f::org::kKind)) {
    return Forbidden("Only administrators and executives change the kind of an organization.", "kind");
  }
  if (after.kind == Kind::kPerson && Changed(before, after, f::person::kOrg)) {
    return Forbidden("Only administrators and executives move a person to another organization.", "org");
  }
  if (after.kind == Kind::kOrganization && after.Text(f::org::kKind) == "customer" &&
      (after.IsNull(f::org::kOwner) || !Owns(graph_.ids(Kind::kUser).Find(after.Text(f::org::kOwner))))) {
    return Forbidden(actor_.role == Role::kManager ? "A customer's owner must be you or someone in your team."
                                                    : "A customer you create or edit must stay yours.",
                     "owner");
  }
  // An opportunity's owner, when a rep or manager names one (creating it or changing who owns it), is one of
  // their owners; they keep working an opportunity that someone else owns at a customer they read.
  if (after.kind == Kind::kOpportunity && (!before || Changed(before, after, f::opp::kOwner)) &&
      !after.IsNull(f::opp::kOwner) && !Owns(graph_.ids(Kind::kUser).Find(after.Text(f::opp::kOwner)))) {
    return Forbidden(actor_.role == Role::kManager ? "An opportunity's owner must be you or someone in your team."
                                                    : "The owner you give an opportunity must be you.",
                     "owner");
  }
  if (!MayRead(after)) {
    // Every reference was found readable before this is asked; what is left is the record itself.
    return MakeError(ErrorCode::kNotFound, "No " + std::string(Spec(after.kind).noun) + " has the id \"" + after.id + "\".");
  }
  return {};
}

Status Access::MayWriteTask(const std::optional<Record>& before, const Record& after) const {
  if (actor_.role == Role::kSystem) return {};
  if (before && !MayRead(*before)) {
    return MakeError(ErrorCode::kNotFound, "No task has the id \"" + before->id + "\".");
  }
  const engine::Ids& users = graph_.ids(Kind::kUser);
  if (Changed(before, after, f::task::kBy)) return Forbidden("The author of a task does not change.", "by");
  if (before && !everything() && !Owns(users.Find(before->Text(f::task::kAssignee))) &&
      !Owns(users.Find(before->Text(f::task::kBy)))) {
    return Forbidden("Only the task's assignee, its author and their managers change it.");
  }
  const bool reassigned = !before || Changed(before, after, f::task::kAssignee);
  const bool moved = Changed(before, after, f::task::kCustomer) || Changed(before, after, f::task::kOpportunity) ||
                     Changed(before, after, f::task::kPerson);
  if (!reassigned && !moved) return {};
  const Idx assignee = users.Find(after.Text(f::task::kAssignee));
  if (reassigned && !everything() && !Owns(assignee)) {
    return Forbidden(actor_.role == Role::kManager ? "You assign tasks to yourself and the users of your teams."
                                                    : "You assign tasks to yourself; your manager assigns them to others.",
                     "assignee");
  }
  if (assignee == kNone || assignee >= graph_.users.size()) {
    return MakeError(ErrorCode::kUnprocessable, "No user has the id \"" + after.Text(f::task::kAssignee) + "\".", "assignee");
  }
  // The assignee must be able to work on it: an active sales user who reads what it concerns (checked again
  // when what it concerns changes).
  const engine::User& user = graph_.users[assignee];
  const Role role = RoleFromWord(vocab::kUserRoles[user.role]);
  const Date today = Today();
  if (role == Role::kEmployee || !user.active || !user.life.On(today)) {
    return MakeError(ErrorCode::kUnprocessable, "Tasks are assigned to active sales users (reps, managers, "
                                                "executives, administrators).", "assignee");
  }
  Actor assigned{std::string(users.Id(assignee)), user.person == kNone ? "" : graph_.Id(Kind::kPerson, user.person), "",
                 role};
  if (!Access(assigned, graph_).MayRead(after)) {
    return MakeError(ErrorCode::kUnprocessable, "The assignee cannot see what this task concerns.", "assignee");
  }
  return {};
}

Status Access::MayWriteIntroduction(const std::optional<Record>& before, const Record& after) const {
  if (actor_.role == Role::kSystem) return {};
  if (!before) {
    if (after.Text(f::intro::kStatus) != "pending") {
      return MakeError(ErrorCode::kInvalid, "A new introduction request is pending.", "status");
    }
    for (int field : {f::intro::kAnswer, f::intro::kAnsweredOn, f::intro::kActivity, f::intro::kUse}) {
      if (!after.IsNull(field)) {
        return MakeError(ErrorCode::kInvalid, "\"" + std::string(Spec(Kind::kIntroduction).fields[field].name) +
                                                  "\" is set when the employee answers.",
                         std::string(Spec(Kind::kIntroduction).fields[field].name));
      }
    }
    // The employee is asked through their user: an active user whose person they are.
    const Idx employee = graph_.ids(Kind::kPerson).Find(after.Text(f::intro::kEmployee));
    const Date today = Today();
    bool reachable = false;
    for (const engine::User& user : graph_.users) {
      reachable = reachable || (employee != kNone && user.person == employee && user.active && user.life.On(today));
    }
    if (!reachable) {
      return MakeError(ErrorCode::kUnprocessable, "This employee has no active user to ask in BRM.", "employee");
    }
    return {};
  }
  if (!everything() && !Owns(graph_.ids(Kind::kUser).Find(before->Text(f::intro::kBy)))) {
    return Forbidden("Only whoever asked for an introduction, and their managers, change or withdraw the request.");
  }
  const EntitySpec& spec = Spec(Kind::kIntroduction);
  for (size_t field = 0; field < spec.fields.size(); ++field) {
    const int i = static_cast<int>(field);
    if (i == f::intro::kNote || i == f::intro::kStatus || !Changed(before, after, i)) continue;
    return Forbidden("\"" + std::string(spec.fields[field].name) + "\" of a request does not change; the employee answers "
                     "with POST /api/v1/introductions/{id}/answer.", std::string(spec.fields[field].name));
  }
  if (before->Text(f::intro::kStatus) != "pending" && (Changed(before, after, f::intro::kNote) ||
                                                       Changed(before, after, f::intro::kStatus))) {
    return MakeError(ErrorCode::kConflict, "The request is " + before->Text(f::intro::kStatus) + " already.", "status");
  }
  if (Changed(before, after, f::intro::kStatus) && after.Text(f::intro::kStatus) != "withdrawn") {
    return Forbidden("The requester withdraws a request; the employee answers it with POST "
                     "/api/v1/introductions/{id}/answer.", "status");
  }
  return {};
}

Status Access::MayAnswerIntroduction(const Record& request) const {
  if (Recipient(request) || actor_.role == Role::kAdmin || actor_.role == Role::kSystem) return {};
  return Forbidden("Only the employee asked answers an introduction request.");
}

Status Access::MayHandOver(const Record& from, const Record& to, bool leaves) const {
  if (leaves && actor_.role != Role::kAdmin && actor_.role != Role::kSystem) {
    return Forbidden("Only administrators mark a user as leaving (it changes the user).", "leaves");
  }
  if (everything()) return {};
  if (actor_.role != Role::kManager) return Forbidden("Only managers, executives and administrators hand customers over.");
  const Idx from_user = graph_.ids(Kind::kUser).Find(from.id), to_user = graph_.ids(Kind::kUser).Find(to.id);
  if (!Owns(from_user)) return Forbidden("A manager hands over the customers of their own teams' users.", "from");
  if (!Owns(to_user)) return Forbidden("A manager hands customers over to a user of their own teams.", "to");
  return {};
}

bool Access::MayWriteCustomer(Idx org) const {
  if (actor_.role == Role::kEmployee || org == kNone || org >= graph_.orgs.size()) return false;
  return everything() || (graph_.orgs[org].kind == OrgKind::kCustomer && SeesOrg(org));
}

bool Access::MayChange(Kind kind, Idx index) const {
  if (actor_.role == Role::kEmployee || !MayRead(kind, index)) return false;
  if (everything()) return true;
  const Idx org = kind == Kind::kPerson ? graph_.people[index].org : kind == Kind::kOrganization ? index : kNone;
  return org == kNone || graph_.orgs[org].kind != OrgKind::kOurs;
}

Status Access::MayCompute() const {
  if (actor_.role == Role::kEmployee) {
    return Forbidden("Figures are for sales users; employees declare their acquaintances.");
  }
  return {};
}

engine::Scope Access::Sees() const {
  if (everything()) return engine::Scope::Company();
  if (actor_.role == Role::kEmployee) return engine::Scope::Of({});
  // Asked organization by organization rather than marked over the whole tenant: a figure of one customer
  // reaches a handful of organizations, and the tenant may have tens of thousands.
  return engine::Scope::Where([this](Idx org) { return OwnedOrShared(graph_, owners_, org); });
}

Perspective Access::PerspectiveOf(std::vector<Idx> users) const {
  std::vector<bool> marked(graph_.users.size(), false);
  Perspective perspective;
  perspective.owners.emplace();
  for (Idx user : users) {
    marked[user] = true;
    perspective.owners->push_back(graph_.Id(Kind::kUser, user));
  }
  std::sort(perspective.owners->begin(), perspective.owners->end());
  // Marked over the whole tenant (a perspective's figures go over all its customers anyway), so that its
  // lines can be kept in the engine's cache, keyed by the scope.
  std::vector<bool> orgs(graph_.orgs.size(), false);
  for (Idx org = 0; org < orgs.size(); ++org) orgs[org] = OwnedOrShared(graph_, marked, org);
  perspective.scope = engine::Scope::Of(std::move(orgs));
  perspective.users = std::move(users);
  return perspective;
}

std::string Access::ScopeName(std::string_view scope) const {
  if (!scope.empty()) return std::string(scope);
  return everything() ? "company" : "me";
}

Result<Perspective> Access::Open(std::string_view scope) const {
  if (auto status = MayCompute(); !status) return status.error();
  if (scope.empty()) return Open(ScopeName(scope));
  if (scope == "company") {
    if (!everything()) return ScopeForbidden("Only executives and administrators see the company perspective.");
    return Perspective{engine::Scope::Company(), {}, std::nullopt};
  }
  if (scope == "me") {
    if (user_ == kNone) return PerspectiveOf({});
    return PerspectiveOf({user_});
  }
  if (scope.rfind("user:", 0) == 0) {
    const std::string_view id = scope.substr(5);
    const Idx user = graph_.ids(Kind::kUser).Find(id);
    if (user != kNone && user == user_) return PerspectiveOf({user});
    if (everything()) {
      if (user == kNone) return MakeError(ErrorCode::kNotFound, "No user has the id \"" + std::string(id) + "\".", "scope");
      return PerspectiveOf({user});
    }
    if (actor_.role == Role::kManager && Owns(user)) return PerspectiveOf({user});
    return ScopeForbidden("You can open the individual perspective only of users in your team.");
  }
  if (scope.rfind("team:", 0) == 0) {
    const std::string_view id = scope.substr(5);
    const Idx team = graph_.ids(Kind::kTeam).Find(id);
    if (everything()) {
      if (team == kNone) return MakeError(ErrorCode::kNotFound, "No team has the id \"" + std::string(id) + "\".", "scope");
      return PerspectiveOf(TeamUsers(team));
    }
    if (actor_.role == Role::kManager && team != kNone && user_ != kNone) {
      // The manager's own team, a team they lead, or a team below one of those.
      std::vector<bool> seen(graph_.teams.size(), false);
      for (Idx at = team; at != kNone && at < seen.size() && !seen[at]; at = graph_.teams[at].parent) {
        seen[at] = true;
        if (at == graph_.users[user_].team || graph_.teams[at].manager == user_) return PerspectiveOf(TeamUsers(team));
      }
    }
    return ScopeForbidden("You can open the team perspective only of your own teams.");
  }
  return MakeError(ErrorCode::kInvalid, "\"scope\" must be me, user:<id>, team:<id> or company.", "scope");
}

}  // namespace brm
