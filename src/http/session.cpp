#include "http/session.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <string_view>
#include <utility>

#include <boost/asio/write.hpp>

#include "http/request_reader.hpp"

namespace brm::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;  // `http` is taken by our own namespace
namespace net = boost::asio;
// How long the unread rest of a refused request is drained before the socket closes (see Linger).
constexpr std::chrono::seconds kLingerTime{1};
constexpr std::size_t kLingerChunk = 4096;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// How much of a streamed body is read at a time (the memory a streamed request holds beyond Beast's buffer).
constexpr std::size_t kStreamChunk = 64 * 1024;

void LogError(const std::string& text) {
  // One fwrite per line: stdio locks the stream per call, so lines from two threads stay whole.
  const std::string line = "brm: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

Response TransportError(int status, const std::string& code, const std::string& message,
                        const std::string& field = "") {
  // Only fixed ASCII sentences and names come here, without quotes or backslashes: nothing needs escaping.
  Response response;
  response.status = status;
  response.body = R"({"error":{"code":")" + code + R"(","message":")" + message + R"(","field":")" + field + R"("}})";
  return response;
}

std::string RemoteAddress(const Session::Socket& socket) {
  beast::error_code ec;
  net::ip::address address = socket.remote_endpoint(ec).address();
  if (ec) return "-";
  // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; throttling and the log want a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

// "GET /target" for the logs, or "-" before a request line has parsed.
std::string RequestLine(const BeastRequest& request) {
  if (request.target().empty()) return "-";
  std::string line;
  line.reserve(request.method_string().size() + 1 + request.target().size());
  line.append(request.method_string().data(), request.method_string().size());
  line += ' ';
  line.append(request.target().data(), request.target().size());
  return line;
}

// On every response (docs/security.md, "HTTP hardening"): no content sniffing, no referrer to other sites,
// never inside a frame, and for the web app scripts, styles, images and requests from this server only.
// Ant Design and ECharts set inline styles, hence 'unsafe-inline' for styles (never for scripts).
constexpr std::string_view kSecurityHeaders =
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: no-referrer\r\n"
    "X-Frame-Options: DENY\r\n"
    "Content-Security-Policy: default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n";

// Header fields the transport writes itself, which a handler's copy would contradict.
bool TransportField(std::string_view name) {
  return beast::iequals(name, "Content-Length") || beast::iequals(name, "Connection") ||
         beast::iequals(name, "Transfer-Encoding") || beast::iequals(name, "X-Content-Type-Options") ||
         beast::iequals(name, "Referrer-Policy") || beast::iequals(name, "X-Frame-Options") ||
         beast::iequals(name, "Content-Security-Policy");
}

// A line break in a header would let the text after it pose as another field or as the body.
bool SafeInHeader(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; });
}

bool SafeHeaders(const Response& response) {
  if (!SafeInHeader(response.content_type)) return false;
  for (const auto& [name, value] : response.headers) {
    if (!SafeInHeader(name) || !SafeInHeader(value)) return false;
  }
  return true;
}

void AppendField(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ", 2).append(value).append("\r\n", 2);
}

void AppendNumber(std::string& out, std::size_t number) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  out.append(digits, end);
}

}  // namespace

SessionContext::SessionContext(ServerConfig config, Handler handler, StreamRoute stream)
    : config_(std::move(config)), handler_(std::move(handler)), stream_(std::move(stream)) {}

Session::Session(Socket&& socket, std::shared_ptr<SessionContext> context)
    : socket_(std::move(socket)),
      context_(std::move(context)),
      access_log_(context_->config().access_log),
      remote_(RemoteAddress(socket_)) {}

void Session::Run() { DoRead(); }

void Session::DoRead() {
  if (context_->stopping()) return Close();
  parser_.emplace();
  parser_->body_limit(context_->config().body_limit);
  parser_->header_limit(kHeaderLimit);
  // One deadline for the whole request, idle keep-alive time included, so a slow sender cannot hold
  // the connection by trickling bytes.
  deadline_ = Clock::now() + std::chrono::seconds(context_->config().read_timeout_s);
  reading_ = true;
  bhttp::async_read_header(socket_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
}

void Session::OnHeader(beast::error_code ec, std::size_t bytes) {
  // The common request has no body, or all of it came with the header: it is complete already, and
  // reading it needs no second operation. A declared length over the limit has failed here already
  // and gets its 413.
  if (!ec && !HeaderWithinLimits(parser_->get())) {
    reading_ = false;
    if (access_log_) NoteRequestLine();
    return Refuse(431, "too_large",
                  "The request header is larger than " + std::to_string(kHeaderLimit) + " bytes or has more than " +
                      std::to_string(kMaxHeaderFields) + " fields.");
  }
  if (!ec && MaybeStream()) return;
  if (ec || parser_->is_done()) return OnRead(ec, bytes);
  // A client that sent "Expect: 100-continue" (curl does for larger bodies) holds the body back until
  // told to go on.
  if (parser_->get().version() < 11 ||
      !beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
    return ReadBody(ec, bytes);
  }
  net::async_write(socket_, net::buffer(kContinue),
                   beast::bind_front_handler(&Session::ReadBody, shared_from_this()));
}

void Session::ReadBody(beast::error_code ec, std::size_t bytes) {
  if (ec) return OnRead(ec, bytes);
  bhttp::async_read(socket_, buffer_, *parser_,
                    beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code ec, std::size_t) {
  reading_ = false;
  // The request line is known as soon as it has parsed, even when the body then broke a limit.
  if (access_log_) NoteRequestLine();
  if (ec == bhttp::error::body_limit) {
    return Refuse(413, "too_large",
                  "The request body is larger than " + std::to_string(context_->config().body_limit) +
                      " bytes.");
  }
  if (ec == bhttp::error::header_limit) {
    return Refuse(431, "too_large",
                  "The request header is larger than " + std::to_string(kHeaderLimit) + " bytes.");
  }
  // The peer went away, between requests or in the middle of one: nobody is left to answer.
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return Close();
  if (ec && ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return Refuse(400, "invalid", "The request is not valid HTTP/1.1.");
  }
  if (ec) return Close();  // timeout, reset, or CloseIfIdle

  const bool keep_alive = Respond();
  Send(!keep_alive, false);
}

bool Session::MaybeStream() {
  const StreamRoute& route = context_->stream();
  if (!route) return false;
  BeastRequest& header = parser_->get();
  Request request;
  if (!ReadRequest(header, remote_, request).empty()) return false;  // the usual path answers 400
  std::optional<StreamStart> start = route(request);
  if (!start) return false;
  reading_ = false;
  NoteRequestLine();  // for the access log and for the error log of a failed stream
  const unsigned version = header.version();
  const bool expects_continue = version >= 11 && beast::iequals(header[bhttp::field::expect], "100-continue");
  const auto declared = parser_->content_length();
  if (!start->answer && declared && *declared > start->limit) {
    start->answer = TransportError(413, "too_large", start->too_large, "file");
  }
  if (start->answer) {
    // The body may be on its way: answer, then drain it while closing (Linger).
    Serialize(std::move(*start->answer), version, false, false);
    Send(true, true);
    return true;
  }
  sink_ = std::move(start->sink);
  stream_limit_ = start->limit;
  stream_read_ = 0;
  stream_too_large_ = std::move(start->too_large);
  stream_parser_.emplace(std::move(*parser_));
  parser_.reset();
  stream_parser_->body_limit(start->limit);
  chunk_.resize(kStreamChunk);
  if (expects_continue) {
    net::async_write(socket_, net::buffer(kContinue), beast::bind_front_handler(&Session::ReadChunk, shared_from_this()));
  } else {
    ReadChunk();
  }
  return true;
}

void Session::ReadChunk(beast::error_code ec, std::size_t) {
  if (ec) {
    sink_.reset();  // the body will not arrive: undo
    stream_parser_.reset();
    return Close();
  }
  if (stream_parser_->is_done()) return OnChunk({}, 0);
  // Each chunk must arrive within the read timeout: a large body may take longer than one.
  deadline_ = Clock::now() + std::chrono::seconds(context_->config().read_timeout_s);
  auto& body = stream_parser_->get().body();
  body.data = chunk_.data();
  body.size = chunk_.size();
  body.more = true;
  bhttp::async_read_some(socket_, buffer_, *stream_parser_, beast::bind_front_handler(&Session::OnChunk, shared_from_this()));
}

void Session::OnChunk(beast::error_code ec, std::size_t) {
  if (ec == bhttp::error::need_buffer) ec = {};
  const std::size_t got = stream_parser_->get().body().data ? chunk_.size() - stream_parser_->get().body().size : 0;
  stream_read_ += got;
  if (ec == bhttp::error::body_limit || stream_read_ > stream_limit_) {
    const unsigned version = stream_parser_->get().version();
    sink_.reset();
    stream_parser_.reset();
    Serialize(TransportError(413, "too_large", stream_too_large_, "file"), version, false, false);
    return Send(true, true);
  }
  if (ec) {
    sink_.reset();
    stream_parser_.reset();
    return Close();  // the peer went away or timed out: nobody is left to answer
  }
  try {
    if (got > 0) sink_->Write(std::string_view(chunk_.data(), got));
    stream_parser_->get().body().data = nullptr;
    if (!stream_parser_->is_done()) return ReadChunk();
    Response response = sink_->Finish();
    sink_.reset();
    return EndStream(std::move(response), stream_parser_->get().keep_alive() && !context_->stopping());
  } catch (const std::exception& e) {
    LogError("request \"" + request_line_ + "\" failed: " + e.what());
  } catch (...) {
    LogError("request \"" + request_line_ + "\" failed with an exception of unknown type");
  }
  EndStream(TransportError(500, "internal", "Internal server error."), false);
}

void Session::EndStream(Response&& response, bool keep_alive) {
  const unsigned version = stream_parser_->get().version();
  sink_.reset();
  stream_parser_.reset();
  std::string().swap(chunk_);
  Serialize(std::move(response), version, keep_alive, false);
  Send(!keep_alive, !keep_alive);
}

void Session::Refuse(int status, const std::string& code, const std::string& message) {
  Serialize(TransportError(status, code, message), 11, false, false);
  Send(true, true);
}

bool Session::Respond() {
  BeastRequest& beast_request = parser_->get();
  const bool head = beast_request.method() == bhttp::verb::head;
  const unsigned version = beast_request.version();
  const bool keep_alive = beast_request.keep_alive() && !context_->stopping();
  try {
    Request request;
    if (const std::string problem = ReadRequest(beast_request, remote_, request); !problem.empty()) {
      Serialize(TransportError(400, "invalid", problem), version, keep_alive, head);
    } else {
      Serialize(context_->handler()(request), version, keep_alive, head);
    }
    return keep_alive;
  } catch (const std::exception& e) {
    LogError("request \"" + RequestLine(beast_request) + "\" failed: " + e.what());
  } catch (...) {
    LogError("request \"" + RequestLine(beast_request) + "\" failed with an exception of unknown type");
  }
  Serialize(TransportError(500, "internal", "Internal server error."), version, keep_alive, head);
  return keep_alive;
}

// Writes what Beast's serializer would for the same response, in the same field order, straight into
// a buffer the session keeps: no header allocations per field and no serializer state.
void Session::Serialize(Response&& response, unsigned version, bool keep_alive, bool head) {
  if (response.status < 100 || response.status > 599) {
    LogError("handler returned status " + std::to_string(response.status));
    response = TransportError(500, "internal", "Internal server error.");
  } else if (!SafeHeaders(response)) {
    LogError("handler returned a header with a line break (status " + std::to_string(response.status) + ")");
    response = TransportError(500, "internal", "Internal server error.");
  }
  using namespace std::string_view_literals;  // literals with their length, so appending needs no strlen
  status_ = response.status;
  head_.clear();
  const char status_line[] = {'H', 'T', 'T', 'P', '/', static_cast<char>('0' + version / 10 % 10), '.',
                              static_cast<char>('0' + version % 10), ' '};
  head_.append(status_line, sizeof status_line);
  AppendNumber(head_, static_cast<std::size_t>(status_));
  head_ += ' ';
  head_.append(bhttp::obsolete_reason(static_cast<bhttp::status>(status_)));
  head_.append("\r\n"sv);
  AppendField(head_, "Content-Type"sv, response.content_type);
  // Set-Cookie may legitimately repeat.
  for (const auto& [name, value] : response.headers) {
    if (!TransportField(name)) AppendField(head_, name, value);
  }
  head_.append(kSecurityHeaders);
  // HTTP/1.1 keeps connections alive unless told otherwise, HTTP/1.0 the other way round.
  if (version >= 11 && !keep_alive) head_.append("Connection: close\r\n"sv);
  if (version < 11 && keep_alive) head_.append("Connection: keep-alive\r\n"sv);
  body_.clear();
  // RFC 9110 §6.4.1: 1xx, 204 and 304 responses carry no content and no length.
  const bool bodiless = status_ < 200 || status_ == 204 || status_ == 304;
  if (!bodiless) {
    head_.append("Content-Length: "sv);
    AppendNumber(head_, response.body.size());  // for HEAD, what a GET would have sent (RFC 9110 §9.3.2)
    head_.append("\r\n"sv);
    if (!head) body_ = std::move(response.body);
  }
  head_.append("\r\n"sv);
}

void Session::Send(bool close, bool linger) {
  close_ = close;
  linger_ = linger;
  deadline_ = Clock::now() + std::chrono::seconds(context_->config().write_timeout_s);
  const std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_)};
  net::async_write(socket_, buffers, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code ec, std::size_t) {
  if (access_log_) LogAccess();
  // An idle connection should not hold on to a large response.
  std::string().swap(body_);
  if (ec) return Close();
  if (close_) return linger_ ? Linger() : Close();
  DoRead();
}

// A refused request may still be arriving. Closing a socket with unread input makes the kernel send
// a reset, which can destroy the response before the client reads it; so stop sending, then read
// and discard until the client closes or kLingerTime passes.
void Session::Linger() {
  beast::error_code ec;
  socket_.shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return;
  buffer_.consume(buffer_.size());
  deadline_ = Clock::now() + kLingerTime;
  socket_.async_read_some(buffer_.prepare(kLingerChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::OnLinger(beast::error_code ec, std::size_t) {
  if (ec) return;  // the peer closed, or time is up; the socket closes with the session
  socket_.async_read_some(buffer_.prepare(kLingerChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::CloseIfIdle() {
  // Received bytes mean a request is on its way; it still gets its answer, within the read timeout.
  if (reading_ && buffer_.size() == 0 && !parser_->got_some()) {
    beast::error_code ignored;
    socket_.cancel(ignored);
  }
}

void Session::CheckDeadline(Clock::time_point now) {
  if (now < deadline_) return;
  deadline_ = Clock::time_point::max();
  beast::error_code ignored;
  socket_.close(ignored);
}

void Session::Close() {
  beast::error_code ec;
  socket_.shutdown(net::ip::tcp::socket::shutdown_send, ec);
  // Nothing more is started: once the last handler returns, the session and its socket are destroyed.
}

void Session::NoteRequestLine() {
  started_ = std::chrono::steady_clock::now();
  request_line_ = RequestLine(parser_->get());
}

void Session::LogAccess() const {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t seconds = system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[40];
  const size_t length = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
  const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::snprintf(stamp + length, sizeof stamp - length, ".%03dZ", static_cast<int>(millis));
  const auto micros = duration_cast<microseconds>(steady_clock::now() - started_).count();
  // Built whole and written with one call so that lines from different threads never interleave.
  std::string line;
  line.reserve(96 + remote_.size() + request_line_.size());
  line.append(stamp).append(" ").append(remote_).append(" \"").append(request_line_).append("\" ");
  line.append(std::to_string(status_)).append(" ").append(std::to_string(body_.size())).append(" ");
  line.append(std::to_string(micros)).append("us\n");
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace brm::http
