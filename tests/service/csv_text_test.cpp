// The CSV reader (service/csv_text.hpp): encodings found from the bytes, the delimiter from the header line,
// RFC 4180 cells (quotes, doubled quotes, line breaks in cells, CRLF and CR), rows numbered as a spreadsheet
// numbers them, and the files that are not CSV named.
#include <gtest/gtest.h>

#include "service/csv_text.hpp"

namespace brm::csv {
namespace {

TEST(CsvText, EncodingsAreFoundFromTheBytes) {
  EXPECT_EQ(Decode("a,b\n").value().encoding, "utf-8");
  auto bom = Decode("\xEF\xBB\xBF姓名\n");
  EXPECT_EQ(bom.value().encoding, "utf-8-bom");
  EXPECT_EQ(bom.value().utf8, "姓名\n");
  // 姓名 in GB18030 is D0 D5 C3 FB: not UTF-8.
  auto gb = Decode("\xD0\xD5\xC3\xFB\n");
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb.value().encoding, "gb18030");
  EXPECT_EQ(gb.value().utf8, "姓名\n");
  // UTF-16LE with its mark: "ab".
  auto utf16 = Decode(std::string("\xFF\xFE" "a\0b\0", 6));
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(utf16.value().encoding, "utf-16le");
  EXPECT_EQ(utf16.value().utf8, "ab");
  EXPECT_EQ(Decode(std::string("PK\x03\x04rest", 8)).error().field, "file");
  EXPECT_EQ(Decode(std::string("a\0b", 3)).error().field, "file");
  EXPECT_FALSE(Decode("\x81").ok()) << "a GB18030 lead byte with nothing after it";
}

TEST(CsvText, TheDelimiterIsTheHeaderLinesMostFrequent) {
  EXPECT_EQ(DetectDelimiter("a,b,c\nx;y;z;w;v\n"), ',');
  EXPECT_EQ(DetectDelimiter("a;b;c\n"), ';');
  EXPECT_EQ(DetectDelimiter("a\tb\tc\n"), '\t');
  EXPECT_EQ(DetectDelimiter("\"a;b;c\",d\n"), ',') << "quoted delimiters do not count";
  EXPECT_EQ(DetectDelimiter("name\n"), ',');
}

TEST(CsvText, CellsAreReadAsSpreadsheetsWriteThem) {
  auto table = Parse(" 编号 ,姓名\r\n1,\"李,华\"\r\n\r\n2,\"说 \"\"好\"\"\nok\"\r3,末尾", ',');
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table.value().headers, (std::vector<std::string>{"编号", "姓名"}));
  ASSERT_EQ(table.value().rows.size(), 3u);
  EXPECT_EQ(table.value().rows[0][1], "李,华");
  EXPECT_EQ(table.value().rows[1][1], "说 \"好\"\nok");
  EXPECT_EQ(table.value().rows[2][1], "末尾");
  EXPECT_EQ(table.value().numbers, (std::vector<size_t>{2, 4, 5})) << "the empty line is row 3";
  EXPECT_EQ(Parse("a,b\n1,\"open\n", ',').error().field, "file");
  EXPECT_EQ(Parse("\n1,2\n", ',').error().field, "file") << "no header line";
}

}  // namespace
}  // namespace brm::csv
