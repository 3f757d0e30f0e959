// The HTTP server: Boost.Beast, asynchronous, one io_context per thread, each connection kept on one
// thread from accept to close (listener → session → handler, as in Beast's advanced server example).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

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

class Server {
 public:
  Server(ServerConfig config, Handler handler);
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
