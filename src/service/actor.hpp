// Actor: who is making a request, as the service layer sees it.
#pragma once

#include <string>

namespace brm {

enum class Role { kRep, kManager, kExecutive, kAdmin, kEmployee, kSystem };

// Parses a user's role word ("rep", "manager", …); kEmployee for anything unknown.
Role RoleFromWord(std::string_view word);

struct Actor {
  std::string user;    // user id; "system" for the CLI
  std::string person;  // the user's person (of our company); empty for the CLI
  std::string team;    // the user's team, possibly empty
  Role role = Role::kSystem;

  static Actor System() { return Actor{"system", "", "", Role::kSystem}; }
  bool sees_everything() const { return role == Role::kExecutive || role == Role::kAdmin || role == Role::kSystem; }
};

}  // namespace brm
