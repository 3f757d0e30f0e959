#include "domain/record.hpp"

#include "domain/schema.hpp"

namespace brm {

const std::string& Record::Text(int field) const {
  static const std::string kEmpty;
  const auto* text = std::get_if<std::string>(&values[field]);
  return text ? *text : kEmpty;
}

bool Record::Bool(int field) const {
  const auto* flag = std::get_if<bool>(&values[field]);
  return flag && *flag;
}

std::optional<double> Record::Number(int field) const {
  const auto* number = std::get_if<double>(&values[field]);
  return number ? std::optional<double>(*number) : std::nullopt;
}

std::optional<Date> Record::DateAt(int field) const {
  const auto* text = std::get_if<std::string>(&values[field]);
  return text ? ParseDate(*text) : std::nullopt;
}

std::vector<std::string_view> ListItems(std::string_view text) {
  std::vector<std::string_view> items;
  if (text.empty()) return items;
  for (size_t at = 0;;) {
    const size_t end = text.find(kListSeparator, at);
    items.push_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    if (end == std::string_view::npos) return items;
    at = end + 1;
  }
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += kListSeparator;
    out += items[i];
  }
  return out;
}

bool ActiveOn(const Record& record, Date day) {
  const EntitySpec& spec = Spec(record.kind);
  if (spec.since >= 0) {
    if (auto since = record.DateAt(spec.since); since && day < *since) return false;
  }
  if (spec.until >= 0) {
    if (auto until = record.DateAt(spec.until); until && !(day < *until)) return false;
  }
  return true;
}

}  // namespace brm
