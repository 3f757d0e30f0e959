#include "service/csv_text.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <memory>

#include "domain/validate.hpp"

namespace brm::csv {
namespace {

Error FileError(std::string message) { return MakeError(ErrorCode::kInvalid, std::move(message), "file"); }

// Converts with glibc's iconv; nullopt when the bytes are not valid in `from`.
std::optional<std::string> Convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t done = 0;
  while (in_left > 0) {
    char* at = out.data() + done;
    size_t out_left = out.size() - done;
    const size_t result = iconv(cd, &in, &in_left, &at, &out_left);
    done = out.size() - out_left;
    if (result != static_cast<size_t>(-1)) break;
    if (errno != E2BIG) return std::nullopt;  // EILSEQ or EINVAL: not this encoding
    out.resize(out.size() * 2);
  }
  out.resize(done);
  return out;
}

}  // namespace

Result<Text> Decode(std::string_view bytes) {
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    return FileError("This is an Excel workbook (.xlsx), not a CSV file: open it in Excel or WPS and save it as CSV.");
  }
  if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    return FileError("This is an old Excel workbook (.xls), not a CSV file: open it in Excel or WPS and save it as CSV.");
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const bool little = bytes[0] == '\xFF';
    auto text = Convert(bytes.substr(2), little ? "UTF-16LE" : "UTF-16BE");
    if (!text) return FileError("The file says it is UTF-16 but is not.");
    return Text{std::move(*text), little ? "utf-16le" : "utf-16be"};
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return FileError("The file holds binary data, not text: save the sheet as CSV.");
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    if (!ValidUtf8(bytes.substr(3))) return FileError("The file starts as UTF-8 but holds bytes that are not UTF-8.");
    return Text{std::string(bytes.substr(3)), "utf-8-bom"};
  }
  if (ValidUtf8(bytes)) return Text{std::string(bytes), "utf-8"};
  auto text = Convert(bytes, "GB18030");
  if (!text) return FileError("The file is neither UTF-8 nor GB18030: save it as \"CSV UTF-8\".");
  return Text{std::move(*text), "gb18030"};
}

char DetectDelimiter(std::string_view text) {
  std::array<size_t, 3> counts{};  // , ; \t
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[2] > counts[0] && counts[2] >= counts[1]) return '\t';
  if (counts[1] > counts[0]) return ';';
  return ',';
}

Result<Table> Parse(std::string_view text, char delimiter) {
  Table table;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false, in_cell = false;
  size_t number = 0;  // records read so far, empty ones included: a spreadsheet numbers those rows too
  auto trim = [](std::string s) {
    const size_t begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return std::string();
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
  };
  auto end_record = [&] {
    record.push_back(std::move(cell));
    cell.clear();
    in_cell = false;
    ++number;
    bool empty = true;
    for (const std::string& c : record) empty = empty && trim(c).empty();
    if (table.headers.empty() && number == 1) {
      for (std::string& c : record) table.headers.push_back(trim(std::move(c)));
    } else if (!empty) {
      table.rows.push_back(std::move(record));
      table.numbers.push_back(number);
    }
    record.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == '"' && !in_cell) {
      quoted = in_cell = true;
    } else if (c == delimiter) {
      record.push_back(std::move(cell));
      cell.clear();
      in_cell = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
    } else {
      cell += c;
      in_cell = true;
    }
  }
  if (quoted) {
    return FileError("Row " + std::to_string(number + 1) + ": a quoted cell is never closed (a \" is missing).");
  }
  if (in_cell || !record.empty()) end_record();
  bool header = false;
  for (const std::string& h : table.headers) header = header || !h.empty();
  if (!header) return FileError("The file has no header line: its first line names the columns.");
  return table;
}

}  // namespace brm::csv
