// PasswordRules (OWASP ASVS 5.0 V6.2; docs/security.md) and defect 9 of issue 9: eight spaces or eight NUL
// characters were accepted as a password.
#include "service/passwords.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brm {
namespace {

std::string Refusal(const PasswordRules& rules, std::string_view password, std::string_view login = {}) {
  const Status status = rules.Check(password, login);
  if (status) return "";
  EXPECT_EQ(status.error().field, "password");
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  return status.error().message;
}

TEST(PasswordRules, SpacesAndControlCharactersDoNotCount) {
  const PasswordRules rules;
  EXPECT_EQ(Refusal(rules, std::string(8, ' ')), "A password has at least 8 characters that are not spaces.");
  EXPECT_EQ(Refusal(rules, std::string(8, '\0')), "A password cannot contain control characters.");
  EXPECT_EQ(Refusal(rules, "tab\there-long"), "A password cannot contain control characters.");
  EXPECT_EQ(Refusal(rules, "del\x7fhere-long"), "A password cannot contain control characters.");
  EXPECT_EQ(Refusal(rules, "a b c d e f g"), "A password has at least 8 characters that are not spaces.");
  EXPECT_EQ(Refusal(rules, "correct horse battery"), "") << "spaces inside a passphrase are fine";
}

TEST(PasswordRules, LengthCountsCharactersNotBytes) {
  const PasswordRules rules;
  EXPECT_EQ(Refusal(rules, "1234567"), "A password has at least 8 characters.");
  EXPECT_EQ(Refusal(rules, "关系管理系统密码"), "") << "8 characters of 3 bytes each";
  EXPECT_EQ(Refusal(rules, "关系管理系统密"), "A password has at least 8 characters.") << "7 characters, 21 bytes";
  EXPECT_EQ(Refusal(rules, std::string(1024, 'x')), "");
  EXPECT_EQ(Refusal(rules, std::string(1025, 'x')), "A password has at most 1024 bytes.");
}

TEST(PasswordRules, NotTheLoginNorACommonPassword) {
  const PasswordRules rules = PasswordRules::WithCommon({"letmein99", "Sunshine1"});
  EXPECT_EQ(Refusal(rules, "ZhangWei-2026", "zhangwei"), "A password cannot contain the login.");
  EXPECT_EQ(Refusal(rules, "letmein99"), "This password is one of the most common ones, which are tried first; choose another.");
  EXPECT_EQ(Refusal(rules, "SUNSHINE1"), Refusal(rules, "letmein99")) << "compared without case";
  EXPECT_EQ(Refusal(rules, "sunshine12"), "");
  EXPECT_EQ(rules.common_count(), 2u);
}

TEST(PasswordRules, TheDebianListIsLoadedWithoutItsComments) {
  const PasswordRules rules = PasswordRules::Load(PasswordConfig{});
  EXPECT_GT(rules.common_count(), 3000u);
  EXPECT_NE(Refusal(rules, "password"), "");
  EXPECT_NE(Refusal(rules, "12345678"), "");
  EXPECT_EQ(Refusal(rules, "#!comment: This list has been compiled by Solar Designer of Openwall Project"), "")
      << "comment lines are not passwords";
  EXPECT_THROW(PasswordRules::Load(PasswordConfig{.common_list = "/nonexistent/list"}), std::runtime_error);
  EXPECT_EQ(PasswordRules::Load(PasswordConfig{.common_list = ""}).common_count(), 0u);
}

}  // namespace
}  // namespace brm
