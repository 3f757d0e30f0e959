#include "service/csv_cells.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace brm::csv {

std::optional<Date> ParseDay(std::string_view cell) {
  std::string text(cell.substr(0, cell.find_first_of(" T")));
  int parts[3] = {0, 0, 0};
  int part = 0;
  bool digit = false;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      parts[part] = parts[part] * 10 + (c - '0');
      if (parts[part] > 9999) return std::nullopt;
      digit = true;
      ++i;
      continue;
    }
    if (!digit || part == 2) {
      if (part == 2 && digit && text.compare(i, std::string::npos, "日") == 0) break;
      return std::nullopt;
    }
    const std::string_view rest = std::string_view(text).substr(i);
    size_t step = 0;
    if (c == '-' || c == '/' || c == '.') step = 1;
    else if (rest.rfind("年", 0) == 0 || rest.rfind("月", 0) == 0) step = 3;
    if (step == 0) return std::nullopt;
    ++part;
    digit = false;
    i += step;
  }
  if (part != 2 || !digit) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return ParseDate(iso);
}

std::optional<double> ParseNumber(std::string_view cell, bool share) {
  std::string text;
  bool percent = false;
  for (size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == ',' || c == ' ' || c == '$' || c == '\'') continue;
    if (c == '%') {
      percent = true;
      continue;
    }
    if (cell.substr(i).rfind("¥", 0) == 0 || cell.substr(i).rfind("￥", 0) == 0) {
      i += (cell.substr(i).rfind("¥", 0) == 0 ? std::string_view("¥").size() : std::string_view("￥").size()) - 1;
      continue;
    }
    text += c;
  }
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  if (share && (percent || value > 1)) return value / 100;
  return percent ? value / 100 : value;
}

std::optional<bool> ParseBool(std::string_view cell) {
  std::string lower(cell);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view yes : {"true", "yes", "y", "1", "是", "√", "✓", "重点"}) {
    if (lower == yes) return true;
  }
  for (std::string_view no : {"false", "no", "n", "0", "否", "×", "x", "-"}) {
    if (lower == no) return false;
  }
  return std::nullopt;
}


}  // namespace brm::csv
