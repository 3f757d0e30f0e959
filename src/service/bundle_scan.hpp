// A structural scan of a bundle's JSON text: where each element of each top-level array starts and ends,
// without building a document. Import then parses one element at a time, so a 600 MB bundle never exists
// as a 3 GB tree in memory.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"

namespace brm {

struct ScannedBundle {
  // Top-level members other than arrays ("format", "version"), parsed.
  std::map<std::string, boost::json::value, std::less<>> scalars;
  // Top-level arrays: each element's [offset, offset + length) in the text, in order.
  std::map<std::string, std::vector<std::pair<size_t, size_t>>, std::less<>> arrays;
};

// Scans `text`, which must be one JSON object whose members are arrays or scalars. Checks the structure
// (brackets, strings, commas, nothing after the end); each element's own syntax is checked when it is
// parsed. Errors say "not valid JSON (at byte N)".
Result<ScannedBundle> ScanBundle(std::string_view text);

}  // namespace brm
