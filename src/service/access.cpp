#include "service/access.hpp"

#include <algorithm>
#include <set>

#include "domain/schema.hpp"

namespace brm {
namespace f = fields;

Role RoleFromWord(std::string_view word) {
  if (word == "rep") return Role::kRep;
  if (word == "manager") return Role::kManager;
  if (word == "executive") return Role::kExecutive;
  if (word == "admin") return Role::kAdmin;
  return Role::kEmployee;
}

namespace {

void CollectSubtree(Store& store, std::string_view root, std::set<std::string>& teams) {
  if (root.empty() || !teams.insert(std::string(root)).second) return;
  ListQuery query;
  query.equals.emplace_back(f::team::kParent, std::string(root));
  query.limit = 100000;
  for (const Record& child : store.List(Kind::kTeam, query, Visibility{}).items) {
    CollectSubtree(store, child.id, teams);
  }
}

std::vector<std::string> UsersOfTeams(Store& store, const std::set<std::string>& teams) {
  std::vector<std::string> users;
  for (const std::string& team : teams) {
    ListQuery query;
    query.equals.emplace_back(f::user::kTeam, team);
    query.limit = 1000000;
    for (const Record& user : store.List(Kind::kUser, query, Visibility{}).items) users.push_back(user.id);
  }
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  return users;
}

// The organizations a record belongs to, for visibility: one for most kinds, two for links.
std::vector<const Record*> OwningOrgs(const Record& record, Lookup& lookup) {
  std::vector<const Record*> orgs;
  auto org_of_person = [&](const std::string& person_id) {
    if (const Record* person = lookup.Find(Kind::kPerson, person_id)) {
      if (const Record* org = lookup.Find(Kind::kOrganization, person->Text(f::person::kOrg))) orgs.push_back(org);
    }
  };
  auto customer_of = [&](const std::string& opportunity_id) {
    if (const Record* opp = lookup.Find(Kind::kOpportunity, opportunity_id)) {
      if (const Record* org = lookup.Find(Kind::kOrganization, opp->Text(f::opp::kCustomer))) orgs.push_back(org);
    }
  };
  auto org = [&](const std::string& org_id) {
    if (const Record* found = lookup.Find(Kind::kOrganization, org_id)) orgs.push_back(found);
  };
  switch (record.kind) {
    case Kind::kOrganization: orgs.push_back(&record); break;
    case Kind::kDepartment: org(record.Text(f::dept::kOrg)); break;
    case Kind::kPerson: org(record.Text(f::person::kOrg)); break;
    case Kind::kReporting:
      org_of_person(record.Text(f::reporting::kPerson));
      org_of_person(record.Text(f::reporting::kManager));
      break;
    case Kind::kInfluence:
      org_of_person(record.Text(f::influence::kFrom));
      org_of_person(record.Text(f::influence::kTo));
      break;
    case Kind::kOpportunity: org(record.Text(f::opp::kCustomer)); break;
    case Kind::kChainMember:
      customer_of(record.Text(f::chain::kOpportunity));
      org_of_person(record.Text(f::chain::kPerson));
      break;
    case Kind::kRating:
      org_of_person(record.Text(f::rating::kPerson));
      if (!record.IsNull(f::rating::kOpportunity)) customer_of(record.Text(f::rating::kOpportunity));
      break;
    case Kind::kVote: org_of_person(record.Text(f::vote::kPerson)); break;
    case Kind::kActivity:
      org_of_person(record.Text(f::activity::kPerson));
      if (!record.IsNull(f::activity::kOpportunity)) customer_of(record.Text(f::activity::kOpportunity));
      break;
    case Kind::kInfluenceUse:
      customer_of(record.Text(f::use::kOpportunity));
      org_of_person(record.Text(f::use::kPerson));
      break;
    case Kind::kTeam:
    case Kind::kUser: break;
  }
  return orgs;
}

}  // namespace

std::vector<std::string> TeamSubtreeUsers(Store& store, std::string_view team) {
  std::set<std::string> teams;
  CollectSubtree(store, team, teams);
  return UsersOfTeams(store, teams);
}

Visibility VisibilityFor(Store& store, const Actor& actor) {
  Visibility visibility;
  switch (actor.role) {
    case Role::kExecutive:
    case Role::kAdmin:
    case Role::kSystem:
      visibility.mode = Visibility::Mode::kAll;
      break;
    case Role::kEmployee:
      visibility.mode = Visibility::Mode::kEmployee;
      visibility.person = actor.person;
      break;
    case Role::kRep:
      visibility.mode = Visibility::Mode::kOwners;
      visibility.owners = {actor.user};
      break;
    case Role::kManager: {
      visibility.mode = Visibility::Mode::kOwners;
      std::set<std::string> teams;
      CollectSubtree(store, actor.team, teams);
      ListQuery managed;
      managed.equals.emplace_back(f::team::kManager, actor.user);
      managed.limit = 100000;
      for (const Record& team : store.List(Kind::kTeam, managed, Visibility{}).items) {
        CollectSubtree(store, team.id, teams);
      }
      visibility.owners = UsersOfTeams(store, teams);
      if (!std::binary_search(visibility.owners.begin(), visibility.owners.end(), actor.user)) {
        visibility.owners.insert(
            std::lower_bound(visibility.owners.begin(), visibility.owners.end(), actor.user), actor.user);
      }
      break;
    }
  }
  return visibility;
}

Status CheckWrite(const Actor& actor, const Visibility& visibility, const Record& record, Lookup& lookup) {
  if (actor.role == Role::kEmployee) {
    if (record.kind == Kind::kInfluence && record.Text(f::influence::kFrom) == actor.person) return {};
    return MakeError(ErrorCode::kForbidden, "Employees can only declare and retire their own acquaintances.");
  }
  if (record.kind == Kind::kUser || record.kind == Kind::kTeam) {
    if (actor.role == Role::kAdmin || actor.role == Role::kSystem) return {};
    return MakeError(ErrorCode::kForbidden, "Only administrators manage users and teams.");
  }
  if (actor.sees_everything()) return {};
  const bool company_record = record.kind == Kind::kOrganization || record.kind == Kind::kDepartment ||
                              record.kind == Kind::kPerson || record.kind == Kind::kReporting;
  for (const Record* org : OwningOrgs(record, lookup)) {
    const std::string& kind = org->Text(f::org::kKind);
    if (kind == "ours" && company_record) {
      return MakeError(ErrorCode::kForbidden, "Only administrators and executives change our own company's records.");
    }
    if (kind != "customer") continue;
    const std::string& owner = org->Text(f::org::kOwner);
    if (std::find(visibility.owners.begin(), visibility.owners.end(), owner) == visibility.owners.end()) {
      if (record.kind == Kind::kOrganization && org == &record) {
        return MakeError(ErrorCode::kForbidden,
                         actor.role == Role::kManager ? "A customer's owner must be you or someone in your team."
                                                      : "A customer you create or edit must stay yours.",
                         "owner");
      }
      return MakeError(ErrorCode::kNotFound, "Not found.");
    }
  }
  return {};
}

}  // namespace brm
