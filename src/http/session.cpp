#include "http/session.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <exception>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace brm::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;  // `http` is taken by our own namespace
namespace net = boost::asio;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

// Beast's default is 8 KiB; twice that leaves room for cookies and long query strings.
constexpr std::uint32_t kHeaderLimit = 16 * 1024;
// How long the unread rest of a refused request is drained before the socket closes (see Linger).
constexpr std::chrono::seconds kLingerTime{1};
constexpr std::size_t kLingerChunk = 4096;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string ToString(beast::string_view text) { return std::string(text.data(), text.size()); }

void LogError(const std::string& text) {
  // One fwrite per line: stdio locks the stream per call, so lines from two threads stay whole.
  const std::string line = "brm: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

Response TransportError(int status, const std::string& code, const std::string& message) {
  // Only fixed ASCII sentences come here, without quotes or backslashes, so nothing needs escaping.
  Response response;
  response.status = status;
  response.body = R"({"error":{"code":")" + code + R"(","message":")" + message + R"(","field":""}})";
  return response;
}

std::string RemoteAddress(const net::ip::tcp::socket& socket) {
  beast::error_code ec;
  net::ip::address address = socket.remote_endpoint(ec).address();
  if (ec) return "-";
  // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d; throttling and the log want a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

Request ToRequest(BeastRequest& in, const std::string& remote) {
  Request out;
  out.method = ToString(in.method_string());
  out.target = ToString(in.target());
  for (const auto& field : in) {
    std::string name = ToString(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string value = ToString(field.value());
    auto [it, inserted] = out.headers.emplace(name, value);
    // Repeated fields combine as RFC 9110 §5.3 allows; cookies use their own separator (RFC 6265 §5.4).
    if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + value;
  }
  out.body = std::move(in.body());
  out.remote = remote;
  return out;
}

// Fills path, segments and query from the raw target; false when the target is not origin-form.
bool ParseTarget(Request& request) {
  // Some clients send UTF-8 (a Chinese search term) unencoded; RFC 3986 wants it percent-encoded. Encode
  // those bytes rather than refuse the request.
  std::string target;
  target.reserve(request.target.size());
  for (unsigned char c : request.target) {
    if (c < 0x80) {
      target += static_cast<char>(c);
      continue;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    target += '%';
    target += kHex[c >> 4];
    target += kHex[c & 15];
  }
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return false;
  request.path = url->path();
  for (auto segment : url->segments()) request.segments.push_back(std::move(segment));
  // Browsers' URLSearchParams writes a space as '+', so the query is read that way.
  boost::urls::encoding_opts options;
  options.space_as_plus = true;
  for (auto param : url->params(options)) {
    request.query.emplace(std::move(param.key), std::move(param.value));
  }
  return true;
}

BeastResponse ToBeast(Response in, unsigned version, bool keep_alive, bool head) {
  if (in.status < 100 || in.status > 599) {
    LogError("handler returned status " + std::to_string(in.status));
    in = TransportError(500, "internal", "Internal server error.");
  }
  BeastResponse out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::content_type, in.content_type);
  // insert, not set: Set-Cookie may legitimately repeat.
  for (const auto& [name, value] : in.headers) out.insert(name, value);
  out.set("X-Content-Type-Options", "nosniff");
  out.keep_alive(keep_alive);
  const bool bodiless = in.status < 200 || in.status == 204 || in.status == 304;
  if (bodiless) return out;  // RFC 9110 §6.4.1: such responses carry no content and no length
  if (head) {
    out.content_length(in.body.size());  // what a GET would have sent (RFC 9110 §9.3.2)
  } else {
    out.body() = std::move(in.body);
    out.prepare_payload();
  }
  return out;
}

}  // namespace

SessionContext::SessionContext(ServerConfig config, Handler handler)
    : config_(std::move(config)), handler_(std::move(handler)) {}

void SessionContext::BeginStop() {
  stopping_.store(true);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [raw, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  // Outside the lock: should a reference taken above be the last one, ~Session takes the lock itself.
  for (const auto& session : live) session->Shutdown();
}

void SessionContext::Register(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  sessions_.emplace(session.get(), session);
}

void SessionContext::Unregister(const Session* session) {
  std::lock_guard lock(mutex_);
  sessions_.erase(session);
}

Session::Session(net::ip::tcp::socket&& socket, std::shared_ptr<SessionContext> context)
    : stream_(std::move(socket)), context_(std::move(context)), remote_(RemoteAddress(stream_.socket())) {}

Session::~Session() { context_->Unregister(this); }

void Session::Run() {
  context_->Register(shared_from_this());
  // The constructor ran on the listener's strand; from here on everything runs on this session's.
  net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::DoRead, shared_from_this()));
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), beast::bind_front_handler(&Session::CloseIfIdle, shared_from_this()));
}

void Session::DoRead() {
  if (context_->stopping()) return Close();
  parser_.emplace();
  parser_->body_limit(context_->config().body_limit);
  parser_->header_limit(kHeaderLimit);
  // One deadline for the whole request, idle keep-alive time included, so a slow sender cannot hold
  // the connection by trickling bytes.
  stream_.expires_after(std::chrono::seconds(context_->config().read_timeout_s));
  reading_ = true;
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
}

void Session::OnHeader(beast::error_code ec, std::size_t bytes) {
  // A client that sent "Expect: 100-continue" (curl does for larger bodies) holds the body back until
  // told to go on. A declared length over the limit has already failed here and gets its 413 instead.
  if (ec || parser_->get().version() < 11 ||
      !beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
    return ReadBody(ec, bytes);
  }
  net::async_write(stream_, net::buffer(kContinue),
                   beast::bind_front_handler(&Session::ReadBody, shared_from_this()));
}

void Session::ReadBody(beast::error_code ec, std::size_t bytes) {
  if (ec) return OnRead(ec, bytes);
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Session::OnRead, shared_from_this()));
}

void Session::OnRead(beast::error_code ec, std::size_t) {
  reading_ = false;
  started_ = std::chrono::steady_clock::now();
  // The request line is known as soon as it has parsed, even when the body then broke a limit.
  const BeastRequest& partial = parser_->get();
  request_line_ = partial.target().empty()
                      ? "-"
                      : ToString(partial.method_string()) + " " + ToString(partial.target());
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

  BeastRequest request = parser_->release();
  BeastResponse response = Respond(request);
  const bool close = !response.keep_alive();
  Send(std::move(response), close, false);
}

void Session::Refuse(int status, const std::string& code, const std::string& message) {
  Send(ToBeast(TransportError(status, code, message), 11, false, false), true, true);
}

Session::BeastResponse Session::Respond(BeastRequest& beast_request) {
  const bool head = beast_request.method() == bhttp::verb::head;
  const unsigned version = beast_request.version();
  const bool keep_alive = beast_request.keep_alive() && !context_->stopping();
  try {
    Request request = ToRequest(beast_request, remote_);
    Response response = ParseTarget(request)
                            ? context_->handler()(request)
                            : TransportError(400, "invalid", "The request target is not a valid URL.");
    return ToBeast(std::move(response), version, keep_alive, head);
  } catch (const std::exception& e) {
    LogError("request \"" + request_line_ + "\" failed: " + e.what());
  } catch (...) {
    LogError("request \"" + request_line_ + "\" failed with an exception of unknown type");
  }
  return ToBeast(TransportError(500, "internal", "Internal server error."), version, keep_alive, head);
}

void Session::Send(BeastResponse&& response, bool close, bool linger) {
  response_ = std::move(response);
  close_ = close;
  linger_ = linger;
  stream_.expires_after(std::chrono::seconds(context_->config().write_timeout_s));
  bhttp::async_write(stream_, response_, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code ec, std::size_t) {
  if (context_->config().access_log) LogAccess();
  if (ec) return Close();
  if (close_) return linger_ ? Linger() : Close();
  DoRead();
}

// A refused request may still be arriving. Closing a socket with unread input makes the kernel send
// a reset, which can destroy the response before the client reads it; so stop sending, then read
// and discard until the client closes or kLingerTime passes.
void Session::Linger() {
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  if (ec) return;
  buffer_.consume(buffer_.size());
  stream_.expires_after(kLingerTime);
  stream_.async_read_some(buffer_.prepare(kLingerChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::OnLinger(beast::error_code ec, std::size_t) {
  if (ec) return;  // the peer closed, or time is up; the socket closes with the session
  stream_.async_read_some(buffer_.prepare(kLingerChunk),
                          beast::bind_front_handler(&Session::OnLinger, shared_from_this()));
}

void Session::CloseIfIdle() {
  // Received bytes mean a request is on its way; it still gets its answer, within the read timeout.
  if (reading_ && buffer_.size() == 0 && !parser_->got_some()) stream_.cancel();
}

void Session::Close() {
  beast::error_code ec;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ec);
  // Nothing more is started: once the last handler returns, the session and its socket are destroyed.
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
  const std::string line = std::string(stamp) + " " + remote_ + " \"" + request_line_ + "\" " +
                           std::to_string(response_.result_int()) + " " +
                           std::to_string(response_.body().size()) + " " + std::to_string(micros) +
                           "us\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace brm::http
