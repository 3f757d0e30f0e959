// The HTTP server: Boost.Beast, asynchronous, one io_context per thread, each connection kept on one
// thread from accept to close (listener → session → handler, as in Beast's advanced server example).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace brm::http {

struct ServerConfig {
  std::string address = "127.0.0.1";   // interface to listen on
  uint16_t port = 8080;                 // 0 picks a free port (see Server::port())
  int threads = 0;                      // io_context threads; 0 = one per core
  size_t body_limit = 64u << 20;        // bytes; larger request bodies get 413
  int read_timeout_s = 30;              // a request must arrive within this (also the keep-alive idle time)
  int write_timeout_s = 60;             // a response must be written within this
  bool access_log = true;               // one line per request on stderr
};

// Called on an io_context thread for every complete request. Must not throw: the server turns an escaped
// exception into a 500 with a generic JSON error and logs it.
using Handler = std::function<Response(Request&)>;

// Where the body of a streamed request goes (document uploads): chunk by chunk as it arrives, never held
// whole. Dropping a sink before Finish means the request failed (a body over its limit, a lost
// connection): it must undo what Write did. Methods may throw; the server answers 500 and logs it.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // The next bytes of the body, in order.
  virtual void Write(std::string_view chunk) = 0;
  // The body is complete: the response.
  virtual Response Finish() = 0;
};

// What a StreamRoute decides for a request whose header alone has arrived.
struct StreamStart {
  std::unique_ptr<BodySink> sink;   // streams the body here, up to `limit` bytes (413 above it)…
  size_t limit = 0;
  std::optional<Response> answer;  // …or answers at once, without reading the body (an error)
  std::string too_large;            // the 413 message when the body passes `limit`
};
// Called with the request (empty body) as soon as its header has parsed; nullopt reads the body whole
// and calls the Handler as for any request. Same threads and exception rule as Handler.
using StreamRoute = std::function<std::optional<StreamStart>(Request&)>;

class Server {
 public:
  Server(ServerConfig config, Handler handler, StreamRoute stream = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; throws std::runtime_error when the address cannot be bound.
  void Start();
  // The bound port (useful with port 0), valid after Start().
  uint16_t port() const;
  // Runs until SIGINT/SIGTERM (or Stop()), then stops accepting, lets in-flight requests finish (up to
  // the write timeout) and returns.
  void Run();
  // Asks Run() to return, from any thread.
  void Stop();

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace brm::http
