// Pinyin keys of names (domain/pinyin.hpp), from the Unicode Han database's most customary readings.
#include <gtest/gtest.h>

#include "domain/pinyin.hpp"

namespace brm {
namespace {

TEST(Pinyin, NamesHaveTheirFullPinyinAndInitials) {
  EXPECT_EQ(PinyinOf("赵敏").full, "zhaomin");
  EXPECT_EQ(PinyinOf("赵敏").initials, "zm");
  EXPECT_EQ(PinyinOf("吕布").full, "lvbu") << "ü as v";
  EXPECT_EQ(PinyinOf("IBM 中国").full, "ibmzhongguo");
  EXPECT_EQ(PinyinOf("IBM 中国").initials, "izg");
  EXPECT_EQ(PinyinOf("").full, "");
}

TEST(Pinyin, AQueryFindsAPartOfEitherKey) {
  EXPECT_TRUE(PinyinMatches("招商银行深圳分行", "zhaoshang"));
  EXPECT_TRUE(PinyinMatches("招商银行深圳分行", "ZSYH")) << "行 is hang here";
  EXPECT_TRUE(PinyinMatches("招商银行深圳分行", "yinhang"));
  EXPECT_TRUE(PinyinMatches("招商银行深圳分行", "yinx"));
  EXPECT_TRUE(PinyinMatches("赵敏", "zhaom"));
  EXPECT_FALSE(PinyinMatches("赵敏", "haomin")) << "from the start of a syllable";
  EXPECT_TRUE(PinyinMatches("赵敏", "zhao min"));
  EXPECT_FALSE(PinyinMatches("赵敏", "zhang"));
  EXPECT_FALSE(PinyinMatches("赵敏", "赵")) << "not letters: the name search does that";
  EXPECT_FALSE(PinyinMatches("赵敏", ""));
}

}  // namespace
}  // namespace brm
