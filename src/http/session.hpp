// One TCP connection: reads requests, hands each to the Handler, writes the responses and keeps the
// connection alive between them (the session of Beast's advanced server example, without WebSocket).
// Internal to http/; handlers see only Request and Response.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/server.hpp"

namespace brm::http {

class Session;

// What the server shares with every session. Sessions hold it by shared_ptr, so it outlives them all.
// All members are safe to use from any thread.
class SessionContext {
 public:
  SessionContext(ServerConfig config, Handler handler);

  const ServerConfig& config() const { return config_; }
  const Handler& handler() const { return handler_; }
  // True once shutdown has begun: sessions finish their current response and then close.
  bool stopping() const { return stopping_.load(); }

  // Sets stopping() and closes idle connections; the others close after their current response.
  void BeginStop();
  // Keeps a weak reference so that BeginStop() can reach the session.
  void Register(const std::shared_ptr<Session>& session);
  void Unregister(const Session* session);

 private:
  const ServerConfig config_;
  const Handler handler_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;  // guards sessions_
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `socket` must have its own strand as executor (the listener accepts onto make_strand), which
  // serialises every step of the session.
  Session(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<SessionContext> context);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Registers the session and starts reading. Call once, right after make_shared.
  void Run();
  // Closes the connection now if it is waiting for a request of which nothing has arrived; a request
  // being read or handled is answered first (SessionContext::stopping() makes that the last one).
  // Thread-safe.
  void Shutdown();

 private:
  using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
  using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

  void DoRead();
  void OnHeader(boost::beast::error_code ec, std::size_t bytes);
  void ReadBody(boost::beast::error_code ec, std::size_t bytes);
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  // Answers a request the parser refused, then closes.
  void Refuse(int status, const std::string& code, const std::string& message);
  BeastResponse Respond(BeastRequest& request);
  void Send(BeastResponse&& response, bool close, bool linger);
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void Linger();
  void OnLinger(boost::beast::error_code ec, std::size_t bytes);
  void CloseIfIdle();
  void Close();
  void LogAccess() const;

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  BeastResponse response_;  // must outlive async_write
  std::shared_ptr<SessionContext> context_;
  std::string remote_;       // peer IP, for the handler and the access log
  std::string request_line_;  // "GET /target", for the access log
  std::chrono::steady_clock::time_point started_;  // when the current request was complete
  bool reading_ = false;  // an async_read for the next request is pending
  bool close_ = false;    // close after the response being written
  bool linger_ = false;   // drain unread input before closing, so the peer sees the response
};

}  // namespace brm::http
