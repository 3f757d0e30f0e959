#include "service/passwords.hpp"

#include <fstream>
#include <stdexcept>

namespace brm {
namespace {

constexpr size_t kMinCharacters = 8;
constexpr size_t kMaxBytes = 1024;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Error Invalid(std::string message) { return MakeError(ErrorCode::kInvalid, std::move(message), "password"); }

}  // namespace

PasswordRules PasswordRules::Load(const PasswordConfig& config) {
  PasswordRules rules;
  if (config.common_list.empty()) return rules;
  std::ifstream in(config.common_list);
  if (!in) throw std::runtime_error("cannot read the list of common passwords " + config.common_list);
  auto words = std::make_shared<std::unordered_set<std::string>>();
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#!comment:", 0) == 0) continue;
    words->insert(Lower(line));
  }
  rules.common_ = std::move(words);
  return rules;
}

PasswordRules PasswordRules::WithCommon(std::initializer_list<std::string_view> words) {
  PasswordRules rules;
  auto set = std::make_shared<std::unordered_set<std::string>>();
  for (std::string_view word : words) set->insert(Lower(word));
  rules.common_ = std::move(set);
  return rules;
}

Status PasswordRules::Check(std::string_view password, std::string_view login) const {
  if (password.size() > kMaxBytes) return Invalid("A password has at most 1024 bytes.");
  size_t characters = 0, visible = 0;
  for (unsigned char c : password) {
    if (c < 0x20 || c == 0x7f) return Invalid("A password cannot contain control characters.");
    if ((c & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: the same character
    ++characters;
    if (c != ' ') ++visible;
  }
  if (characters < kMinCharacters) return Invalid("A password has at least 8 characters.");
  if (visible < kMinCharacters) return Invalid("A password has at least 8 characters that are not spaces.");
  const std::string lower = Lower(password);
  if (!login.empty() && lower.find(Lower(login)) != std::string::npos) {
    return Invalid("A password cannot contain the login.");
  }
  if (common_ && common_->count(lower)) {
    return Invalid("This password is one of the most common ones, which are tried first; choose another.");
  }
  return {};
}

}  // namespace brm
