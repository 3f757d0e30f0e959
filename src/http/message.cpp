#include "http/message.hpp"

#include <string_view>

namespace brm::http {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  constexpr std::string_view kSpaces = " \t";
  const size_t first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(kSpaces);
  return text.substr(first, last - first + 1);
}

}  // namespace

const std::string& Request::Header(const std::string& name) const {
  // A reference is returned, so absence needs an object that outlives every request.
  static const std::string kAbsent;
  auto it = headers.find(name);
  return it == headers.end() ? kAbsent : it->second;
}

std::string Request::Query(const std::string& name) const {
  // lower_bound, not find: a multimap's find may return any of several equal keys, and the first
  // occurrence in the URL is the one callers expect.
  auto it = query.lower_bound(name);
  return it != query.end() && it->first == name ? it->second : std::string();
}

std::string Request::Cookie(const std::string& name) const {
  // RFC 6265 §5.4: "a=1; b=2". Browsers send no escaping, so values are returned as sent, apart from
  // the optional surrounding double quotes the grammar allows.
  std::string_view rest = Header("cookie");
  while (!rest.empty()) {
    const size_t end = rest.find(';');
    std::string_view pair = TrimSpaces(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos || TrimSpaces(pair.substr(0, equals)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

}  // namespace brm::http
