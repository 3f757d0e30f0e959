// Pages of lists computed on the server (docs/api.md "Pages of figure lists"): the parameters' checks, the
// sort that keeps pages from overlapping, and the paging fields. Shared by the figure lists
// (figure_pages.cpp) and the workbench's (work_pages.cpp).
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "service/figures.hpp"

namespace brm::pages {
namespace bj = boost::json;

inline Error BadFilter(const std::string& name, const std::string& what) {
  return MakeError(ErrorCode::kInvalid, "\"" + name + "\" " + what, name);
}

// The comma-separated words of `value`, each one of `allowed`; kInvalid naming `name` otherwise.
template <typename Allowed>
inline Result<std::vector<std::string>> WordList(const std::string& name, const std::string& value, const Allowed& allowed) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    std::string word = value.substr(start, comma - start);
    if (std::find(std::begin(allowed), std::end(allowed), word) == std::end(allowed)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return BadFilter(name, "must be a comma-separated list of: " + list + ".");
    }
    words.push_back(std::move(word));
    start = comma + 1;
  }
  return words;
}

template <typename Items, typename Item>
inline bool Has(const Items& items, const Item& item) {
  return std::find(std::begin(items), std::end(items), item) != std::end(items);
}

inline Result<bool> Flag(const std::string& name, const std::string& value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  return BadFilter(name, "must be true or false.");
}

// ASCII case folding: Chinese has no case, and the record lists' `search` folds the same way.
inline std::string Folded(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline bool Contains(std::string_view text, const std::string& folded_needle) {
  return folded_needle.empty() || Folded(text).find(folded_needle) != std::string::npos;
}

// A row's value to sort by: a number, a text, or unknown (always last, in either order).
struct SortValue {
  std::optional<double> number;
  std::optional<std::string_view> text;
  bool known() const { return number || text; }
};

// Sorts `rows` (already in the list's own order) by `value`, unknown values last in either order, ties
// in the list's own order — so that pages of the same data never overlap or skip a row.
template <typename Row, typename Value>
inline void SortRows(std::vector<Row>& rows, bool descending, Value&& value) {
  std::vector<std::pair<SortValue, size_t>> keyed;
  keyed.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) keyed.emplace_back(value(rows[i]), i);
  std::sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    const SortValue &x = a.first, &y = b.first;
    if (x.known() != y.known()) return x.known();
    if (x.known()) {
      int order = 0;
      if (x.number && y.number) order = *x.number < *y.number ? -1 : *y.number < *x.number ? 1 : 0;
      else if (x.text && y.text) order = x.text->compare(*y.text);
      if (order != 0) return descending ? order > 0 : order < 0;
    }
    return a.second < b.second;
  });
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (const auto& [key, index] : keyed) sorted.push_back(std::move(rows[index]));
  rows = std::move(sorted);
}

// The rows [offset, offset + limit) of `rows`.
template <typename Row>
inline std::pair<size_t, size_t> PageBounds(const std::vector<Row>& rows, const PageQuery& page) {
  const size_t begin = std::min(rows.size(), static_cast<size_t>(page.offset));
  const size_t end = std::min(rows.size(), begin + static_cast<size_t>(page.limit));
  return {begin, end};
}

inline void AddPaging(bj::object& out, size_t total, const PageQuery& page) {
  out["total"] = total;
  out["limit"] = page.limit;
  out["offset"] = page.offset;
}

inline std::string AllowedNames(const std::vector<std::string_view>& names) {
  std::string list;
  for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
  return list;
}

// kInvalid naming the first filter not in `names`, or the sort key not in `sorts`.
inline Status CheckNames(const PageQuery& page, const std::vector<std::string_view>& names,
                  const std::vector<std::string_view>& sorts, const std::string& others) {
  for (const auto& [name, value] : page.filters) {
    if (!Has(names, name)) {
      return MakeError(ErrorCode::kInvalid,
                       "Unknown parameter \"" + name + "\"; this list takes " + others +
                           ", limit, offset, sort, order, " + AllowedNames(names) + ".",
                       name);
    }
  }
  if (!page.sort.empty() && !Has(sorts, page.sort)) {
    return BadFilter("sort", "must be one of: " + AllowedNames(sorts) + ".");
  }
  return {};
}

}  // namespace brm::pages
