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
  // Lists of common passwords, separated by ':'; empty: no list. Each file is either one password per line
  // (lines starting with "#!comment:" skipped; Debian's john-data ships 3,546) or zxcvbn's
  // frequency_lists.py, whose "passwords" list is read (Debian's python3-zxcvbn: the 30,000 most common).
  std::string common_list =
      "/usr/share/john/password.lst:/usr/lib/python3/dist-packages/zxcvbn/frequency_lists.py";
};

class PasswordRules {
 public:
  PasswordRules() = default;
  // Reads the lists of `config`; an unreadable list, or a zxcvbn file without its "passwords" list, throws
  // std::runtime_error naming the file (start-up only).
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
