#include "domain/pinyin.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace brm {
namespace pinyin_data {  // generated: pinyin_table.cpp
extern const char* const kSyllables[];
extern const uint16_t kCodes[];
extern const uint16_t kSyllableOf[];
extern const uint16_t kSecondOf[];  // 65535: none
extern const size_t kCount;
}  // namespace pinyin_data

namespace {

// A character's readings, or a Latin word (lower-cased) as its one reading.
struct Token {
  std::string first, second;
};

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) {
        if (!in_word) tokens.push_back({});
        tokens.back().first += static_cast<char>(std::tolower(c));
        in_word = true;
      } else {
        in_word = false;
      }
      ++i;
      continue;
    }
    in_word = false;
    // Three-byte UTF-8 sequences hold the Basic Multilingual Plane's CJK characters.
    if ((c & 0xF0) == 0xE0 && i + 2 < text.size()) {
      const uint16_t code = static_cast<uint16_t>(((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F));
      const uint16_t* end = pinyin_data::kCodes + pinyin_data::kCount;
      const uint16_t* at = std::lower_bound(pinyin_data::kCodes, end, code);
      if (at != end && *at == code) {
        const size_t index = static_cast<size_t>(at - pinyin_data::kCodes);
        Token token{pinyin_data::kSyllables[pinyin_data::kSyllableOf[index]], {}};
        if (pinyin_data::kSecondOf[index] != 65535) token.second = pinyin_data::kSyllables[pinyin_data::kSecondOf[index]];
        tokens.push_back(std::move(token));
      }
      i += 3;
      continue;
    }
    ++i;
  }
  return tokens;
}

// Whether `query` is spelled by tokens[i…] (whole readings, or their initials), ending within the last one.
bool Spells(const std::vector<Token>& tokens, size_t i, std::string_view query, bool initials) {
  if (query.empty()) return true;
  if (i == tokens.size()) return false;
  for (const std::string* reading : {&tokens[i].first, &tokens[i].second}) {
    if (reading->empty()) continue;
    const std::string_view spelled = initials ? std::string_view(*reading).substr(0, 1) : std::string_view(*reading);
    if (query.substr(0, spelled.size()) == spelled && Spells(tokens, i + 1, query.substr(spelled.size()), initials)) return true;
    if (spelled.substr(0, query.size()) == query) return true;
  }
  return false;
}

}  // namespace

PinyinKeys PinyinOf(std::string_view text) {
  PinyinKeys keys;
  for (const Token& token : Tokens(text)) {
    keys.full += token.first;
    keys.initials += token.first[0];
  }
  return keys;
}

bool PinyinMatches(std::string_view name, std::string_view query) {
  std::string q;
  for (char c : query) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ') continue;
    if (!std::isalpha(u)) return false;
    q += static_cast<char>(std::tolower(u));
  }
  if (q.empty()) return false;
  const std::vector<Token> tokens = Tokens(name);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (Spells(tokens, i, q, false) || Spells(tokens, i, q, true)) return true;
  }
  return false;
}

}  // namespace brm
