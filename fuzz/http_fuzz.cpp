// Fuzz target: raw bytes on the connection. Beast parses them with the server's limits, the transport
// reads the request as a session does, and the real Api handles it. "@admin@", "@rep1@", "@mgr@" and
// "@staff@" in the input stand for those users' API tokens, so that the fuzzer reaches past sign-in.
// Any answer but a server error; JSON answers are valid.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_api.hpp"
#include "http/request_reader.hpp"

namespace {

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace brm;
  namespace bhttp = boost::beast::http;
  fuzz::FuzzApi& fuzz = fuzz::FuzzApi::Get();
  std::string raw(reinterpret_cast<const char*>(data), size);
  ReplaceAll(raw, "@admin@", fuzz.Token(0));
  ReplaceAll(raw, "@rep1@", fuzz.Token(1));
  ReplaceAll(raw, "@mgr@", fuzz.Token(2));
  ReplaceAll(raw, "@staff@", fuzz.Token(3));

  bhttp::request_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.header_limit(http::kHeaderLimit);
  parser.body_limit(1 << 20);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (used < raw.size() && !parser.is_done()) {
    const std::size_t n = parser.put(boost::asio::buffer(raw.data() + used, raw.size() - used), ec);
    if (ec == bhttp::error::need_more) break;
    if (ec) return 0;  // the transport answers 400, 413 or 431 itself
    if (n == 0) break;
    used += n;
  }
  if (!parser.is_done()) {
    if (!parser.got_some()) return 0;  // nothing arrived: the peer closed an idle connection
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }
  if (!http::HeaderWithinLimits(parser.get())) return 0;  // 431
  http::Request request;
  if (!http::ReadRequest(parser.get(), "127.0.0.1", request).empty()) return 0;  // 400
  fuzz::FuzzApi::Check(fuzz.api().Handle(request));
  return 0;
}
