// Who may see and change what (SPEC.md §7), for the service layer.
#pragma once

#include <string>
#include <vector>

#include "domain/validate.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

// The users in the team subtree rooted at `team` (the team and every descendant), in id order.
std::vector<std::string> TeamSubtreeUsers(Store& store, std::string_view team);

// What `actor` may read: everything for executives, admins and the CLI; for a rep the customers they own;
// for a manager the customers owned by the users of their team subtrees (the team they belong to and
// every team they manage) and their own; for an employee only their own influence links.
Visibility VisibilityFor(Store& store, const Actor& actor);

// Whether `actor` may write `record` (as it will stand; for an update, call for the old record too).
// Forbidden roles get kForbidden; a record of a customer the actor may not see gets kNotFound, so that
// nothing is learnt about it.
Status CheckWrite(const Actor& actor, const Visibility& visibility, const Record& record, Lookup& lookup);

}  // namespace brm
