#include "http/request_reader.hpp"

#include <algorithm>
#include <string_view>

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "domain/validate.hpp"

namespace brm::http {
namespace {

namespace beast = boost::beast;

// The usual API target, "/api/v1/people/p-001": letters, digits, '-', '_' and '~' between single
// slashes, so nothing to decode and no query. Split here, with the result Boost.URL would give, as that
// is a good part of the transport's work for such a request. False for any other target.
bool ParsePlainPath(Request& request) {
  const std::string& target = request.target;
  if (target.empty() || target[0] != '/') return false;
  char previous = 0;
  for (const char c : target) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '~';
    if (!plain && (c != '/' || previous == '/')) return false;
    previous = c;
  }
  request.path = target;
  if (target.size() == 1) return true;  // "/" has no segments
  request.segments.reserve(static_cast<size_t>(std::count(target.begin(), target.end(), '/')));
  for (size_t begin = 1;;) {
    const size_t end = target.find('/', begin);
    if (end == std::string::npos) {
      request.segments.push_back(target.substr(begin));
      return true;
    }
    request.segments.push_back(target.substr(begin, end - begin));
    begin = end + 1;
  }
}

// Fills path, segments and query from the raw target; false when the target is not origin-form.
bool ParseTarget(Request& request) {
  if (ParsePlainPath(request)) return true;
  // Some clients send UTF-8 (a Chinese search term) unencoded; RFC 3986 wants it percent-encoded. Encode
  // those bytes rather than refuse the request. The usual, all-ASCII target is parsed where it is.
  std::string_view target = request.target;
  std::string encoded;
  if (std::any_of(target.begin(), target.end(), [](unsigned char c) { return c >= 0x80; })) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    encoded.reserve(target.size() * 3);
    for (unsigned char c : target) {
      if (c < 0x80) {
        encoded += static_cast<char>(c);
        continue;
      }
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
    target = encoded;
  }
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return false;
  request.path = url->path();
  const auto segments = url->segments();
  request.segments.reserve(segments.size());
  for (auto segment : segments) request.segments.push_back(std::move(segment));
  if (!url->has_query()) return true;
  // Browsers' URLSearchParams writes a space as '+', so the query is read that way.
  boost::urls::encoding_opts options;
  options.space_as_plus = true;
  for (auto param : url->params(options)) {
    request.query.emplace(std::move(param.key), std::move(param.value));
  }
  return true;
}

// Whether the decoded path segments and query of `request` are UTF-8 text, as everything after the
// transport takes them to be (ids, search terms, and the error messages that quote them).
bool DecodedUtf8(const Request& request) {
  for (const std::string& segment : request.segments) {
    if (!ValidUtf8(segment)) return false;
  }
  for (const auto& [key, value] : request.query) {
    if (!ValidUtf8(key) || !ValidUtf8(value)) return false;
  }
  return true;
}

}  // namespace

bool HeaderWithinLimits(const BeastRequest& request) {
  std::size_t fields = 0, bytes = request.method_string().size() + request.target().size() + 12;
  for (const auto& field : request) {
    bytes += field.name_string().size() + field.value().size() + 4;
    if (++fields > kMaxHeaderFields || bytes > kHeaderLimit) return false;
  }
  return true;
}

std::string DecodeTarget(Request& out) {
  if (!ParseTarget(out)) return "The request target is not a valid URL.";
  if (!DecodedUtf8(out)) return "The request target is not valid UTF-8 once percent-decoded.";
  return {};
}

std::string ReadRequest(BeastRequest& in, const std::string& remote, Request& out) {
  out.method.assign(in.method_string().data(), in.method_string().size());
  out.target.assign(in.target().data(), in.target().size());
  for (const auto& field : in) {
    const beast::string_view raw_name = field.name_string();
    std::string name(raw_name.size(), '\0');
    for (size_t i = 0; i < raw_name.size(); ++i) {
      const char c = raw_name[i];
      name[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const beast::string_view value = field.value();
    auto [it, inserted] = out.headers.try_emplace(std::move(name), value.data(), value.size());
    // Repeated fields combine as RFC 9110 §5.3 allows; cookies use their own separator (RFC 6265 §5.4).
    if (!inserted) {
      it->second += it->first == "cookie" ? "; " : ", ";
      it->second.append(value.data(), value.size());
    }
  }
  out.body = std::move(in.body());
  out.remote = remote;
  return DecodeTarget(out);
}

}  // namespace brm::http
