// The pinyin of a name (Mandarin readings from the Unicode Han database, toneless, ü as v), for finding a
// person by typing 'zhaomin' or 'zm' for 赵敏. A character has its most customary reading and, when it has
// more, its second: 行 is xing or hang, so 银行 is found as yinhang and as yinxing.
#pragma once

#include <string>
#include <string_view>

namespace brm {

struct PinyinKeys {
  std::string full;      // the first readings run together, other letters and digits lower-cased: "zhaomin"
  std::string initials;  // the first letter of each syllable and of each Latin word: "zm"
};

PinyinKeys PinyinOf(std::string_view utf8);

// Whether `query` (ASCII letters, any case, spaces ignored) finds `name` by its pinyin: it runs through the
// readings (or their initials) of consecutive characters from one of them, ending anywhere in the last.
bool PinyinMatches(std::string_view name, std::string_view query);

}  // namespace brm
