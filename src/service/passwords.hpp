// PasswordRules: what a password a user chooses must be (OWASP ASVS 5.0 V6.2, docs/security.md): 8 to 1024
// characters of which at least 8 are not spaces, no control characters, not the login, and not one of a
// list of common passwords. No rule on the kinds of characters (ASVS 6.2.5).
// Threads: immutable once built; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/result.hpp"

namespace brm {

struct PasswordConfig {
  // A list of common passwords, one per line (Debian's john-data ships 3,500 of them); lines starting with
  // "#!comment:" are skipped. Empty: no list.
  std::string common_list = "/usr/share/john/password.lst";
};

class PasswordRules {
 public:
  PasswordRules() = default;
  // Reads the list of `config`; an unreadable list throws std::runtime_error (start-up only).
  static PasswordRules Load(const PasswordConfig& config);
  // The rules with these common passwords (for tests).
  static PasswordRules WithCommon(std::initializer_list<std::string_view> words);

  // kInvalid naming "password" with a sentence saying what is wrong; `login` is the user's own.
  Status Check(std::string_view password, std::string_view login = {}) const;
  size_t common_count() const { return common_ ? common_->size() : 0; }

 private:
  std::shared_ptr<const std::unordered_set<std::string>> common_;  // lower case
};

}  // namespace brm
