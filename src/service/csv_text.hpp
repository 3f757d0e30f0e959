// The text of a CSV file as other CRMs and spreadsheets write it (SPEC.md §10): its encoding found (UTF-8 with
// or without a byte-order mark, GB18030 as Excel writes it in Chinese locales, UTF-16 "Unicode text"), its
// delimiter found (comma, semicolon or tab, from the header line), and its cells read by RFC 4180 (quoted
// cells may hold delimiters, doubled quotes and line breaks; lines end in LF, CRLF or CR).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace brm::csv {

struct Text {
  std::string utf8;      // the file as UTF-8, without a byte-order mark
  std::string encoding;  // "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"
};

// Decodes the file's bytes. kInvalid naming "file" for an Excel workbook (.xlsx/.xls), other binary data,
// or bytes that are neither UTF-8 nor GB18030.
Result<Text> Decode(std::string_view bytes);

// The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie).
char DetectDelimiter(std::string_view text);

struct Table {
  std::vector<std::string> headers;            // trimmed
  std::vector<std::vector<std::string>> rows;  // the records after the header, empty ones left out
  std::vector<size_t> numbers;                 // each row's number as a spreadsheet shows it (the header is 1)
};

// Reads the records. kInvalid naming "file" when there is no header or a quoted cell is never closed.
Result<Table> Parse(std::string_view text, char delimiter);

}  // namespace brm::csv
