// The plain-English messages of warnings and suggestions: lists written as "a", "a and b", "a, b and c".
#pragma once

#include <string>

namespace brm::engine {

template <typename Words>
std::string JoinWords(const Words& words) {
  std::string text;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " and " : ", ";
    text += words[i];
  }
  return text;
}

}  // namespace brm::engine
