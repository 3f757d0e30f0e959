// One TCP connection: reads requests, hands each to the Handler, writes the responses and keeps the
// connection alive between them (the session of Beast's advanced server example, without WebSocket).
// A session lives its whole life on one worker thread, whose io_context nothing else runs, so it needs
// no strand and no locks. Internal to http/; handlers see only Request and Response.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/intrusive/list.hpp>

#include "http/server.hpp"

namespace brm::http {

// What the server shares with every session. Sessions hold it by shared_ptr, so it outlives them all.
// All members are safe to use from any thread.
class SessionContext {
 public:
  SessionContext(ServerConfig config, Handler handler, StreamRoute stream = {});

  const ServerConfig& config() const { return config_; }
  const Handler& handler() const { return handler_; }
  const StreamRoute& stream() const { return stream_; }
  // True once shutdown has begun: sessions finish their current response and then close.
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }
  // Sets stopping(). The workers then close their idle sessions (Session::CloseIfIdle).
  void BeginStop() { stopping_.store(true, std::memory_order_release); }

 private:
  const ServerConfig config_;
  const Handler handler_;
  const StreamRoute stream_;
  std::atomic<bool> stopping_{false};
};

// Links a session into its worker's list without an allocation; a destroyed session leaves the list by
// itself. Only the worker's thread touches the list.
using SessionHook = boost::intrusive::list_base_hook<boost::intrusive::link_mode<boost::intrusive::auto_unlink>>;

class Session : public std::enable_shared_from_this<Session>, public SessionHook {
 public:
  // The sessions of one worker, for timeouts and shutdown.
  using List = boost::intrusive::list<Session, boost::intrusive::constant_time_size<false>>;
  // A socket bound to one io_context, without the type-erased executor of tcp::socket.
  using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;
  using Clock = std::chrono::steady_clock;

  // `socket` must belong to an io_context that only one thread runs: every step of the session runs
  // there, one at a time.
  Session(Socket&& socket, std::shared_ptr<SessionContext> context);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Starts reading. Call once, right after make_shared, on the socket's thread.
  void Run();
  // Closes the connection now if it is waiting for a request of which nothing has arrived; a request
  // being read or handled is answered first (SessionContext::stopping() makes that the last one).
  // Call on the socket's thread.
  void CloseIfIdle();
  // Closes the connection if the request being read or the response being written is past its
  // deadline; its pending operation then fails and the session ends. The worker calls this every
  // so often instead of each operation arming a timer of its own. Call on the socket's thread.
  void CheckDeadline(Clock::time_point now);

 private:
  using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;
  using StreamParser = boost::beast::http::request_parser<boost::beast::http::buffer_body>;

  void DoRead();
  void OnHeader(boost::beast::error_code ec, std::size_t bytes);
  void ReadBody(boost::beast::error_code ec, std::size_t bytes);
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  // Streamed requests (StreamRoute): whether the route takes this request, and if so starts it.
  bool MaybeStream();
  void ReadChunk(boost::beast::error_code ec = {}, std::size_t bytes = 0);
  void OnChunk(boost::beast::error_code ec, std::size_t bytes);
  // Ends a streamed request with `response` (the sink is dropped first when it did not finish).
  void EndStream(Response&& response, bool keep_alive);
  // Answers a request the parser refused, then closes.
  void Refuse(int status, const std::string& code, const std::string& message);
  // Calls the handler and serialises its response into head_ and body_; returns keep-alive.
  bool Respond();
  // Serialises `response` into head_ and body_ (moving its body) and records what the log needs.
  void Serialize(Response&& response, unsigned version, bool keep_alive, bool head);
  void Send(bool close, bool linger);
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void Linger();
  void OnLinger(boost::beast::error_code ec, std::size_t bytes);
  void Close();
  void NoteRequestLine();
  void LogAccess() const;

  Socket socket_;
  Clock::time_point deadline_ = Clock::time_point::max();  // see CheckDeadline
  boost::beast::flat_buffer buffer_;  // kept between requests, so its storage is allocated once
  std::optional<RequestParser> parser_;
  std::optional<StreamParser> stream_parser_;  // a streamed request's parser, taken over from parser_
  std::unique_ptr<BodySink> sink_;             // where its body goes
  std::string stream_too_large_;               // its 413 message
  std::size_t stream_limit_ = 0, stream_read_ = 0;  // its limit, and the body bytes read so far
  std::string chunk_;                          // the buffer its body is read into
  std::shared_ptr<SessionContext> context_;
  const bool access_log_;
  std::string remote_;  // peer IP, for the handler and the access log
  // The response being written. Both keep their capacity from one request to the next.
  std::string head_;    // status line and header fields
  std::string body_;    // content, empty for HEAD and bodiless statuses
  int status_ = 0;      // for the access log
  std::string request_line_;  // "GET /target", for the access log (only kept when it is on)
  std::chrono::steady_clock::time_point started_;  // when the current request was complete (ditto)
  bool reading_ = false;  // an async_read for the next request is pending
  bool close_ = false;    // close after the response being written
  bool linger_ = false;   // drain unread input before closing, so the peer sees the response
};

}  // namespace brm::http
