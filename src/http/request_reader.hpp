// How the transport reads a request that Beast has parsed: the limits on its header, and the plain
// Request (message.hpp) that handlers see, with the target decoded into path, segments and query. Kept
// apart from the session so that the fuzz targets (fuzz/) read requests exactly as the server does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/message.hpp"

namespace brm::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Beast's default is 8 KiB; twice that leaves room for cookies and long query strings.
inline constexpr std::uint32_t kHeaderLimit = 16 * 1024;
inline constexpr std::size_t kMaxHeaderFields = 100;

// Beast's header limit bounds the bytes of each read, not the header as parsed: many short fields could
// pass it. Whether the header as parsed stays within kHeaderLimit bytes (each field counted as
// "name: value\r\n") and kMaxHeaderFields fields.
bool HeaderWithinLimits(const BeastRequest& request);

// Fills `out` from `in` (its body is moved) and decodes the target. Empty when `out` is ready for the
// handler; otherwise the sentence the transport answers with 400.
std::string ReadRequest(BeastRequest& in, const std::string& remote, Request& out);

// Decodes `out.target` into path, segments and query, as ReadRequest does. Empty or the reason for 400.
std::string DecodeTarget(Request& out);

}  // namespace brm::http
