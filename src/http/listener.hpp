// Accepts connections and deals them out to the workers (the listener of Beast's advanced server
// example, with one io_context per thread instead of one shared by all). Internal to http/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include "http/session.hpp"

namespace brm::http {

// One thread's share of the server: an io_context that this thread alone runs, and the sessions on it.
// A connection stays on its worker from accept to close, so its steps never hand over between threads.
class Worker {
 public:
  explicit Worker(std::shared_ptr<SessionContext> context);
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  boost::asio::io_context& io() { return io_; }
  // Runs the io_context until it runs out of work, which Release() allows. Call on this worker's thread.
  void Run();
  // Starts a session on `socket`, which must belong to io(). Call on this worker's thread.
  void Start(Session::Socket&& socket);
  // Closes the sessions that wait for a request; the others close after their current response
  // (SessionContext::stopping() must already be set). Call on this worker's thread.
  void CloseIdle();
  // Lets Run() return once the last session is gone. Until then an idle worker keeps waiting for
  // connections. Call on the thread that runs the Listener.
  void Release() { keep_running_.reset(); }

 private:
  // Checks the sessions' deadlines, and goes on doing so while there are any.
  void ScheduleSweep();
  void Sweep();

  boost::asio::io_context io_;  // declared first so that it is destroyed last, after the sessions' list
  std::shared_ptr<SessionContext> context_;
  boost::asio::steady_timer sweep_timer_;
  bool sweeping_ = false;  // a sweep is scheduled
  Session::List sessions_;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> keep_running_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // The acceptor lives on the first worker's io_context; Accept() and Close() must be called on that
  // worker's thread. The workers must outlive the listener's use.
  explicit Listener(std::vector<Worker*> workers);

  // Opens, binds (reuse_address) and listens. Returns the bound port, which differs from `port` when
  // that is 0. Throws std::runtime_error naming the address and the reason when any step fails.
  uint16_t Open(const std::string& address, uint16_t port);
  // Accepts connections until Close(), dealing them to the workers in turn.
  void Accept();
  // Stops accepting; sessions already started are not affected.
  void Close();

 private:
  void OnAccept(boost::beast::error_code ec);

  std::vector<Worker*> workers_;
  std::size_t next_ = 0;  // the worker that gets the next connection
  boost::asio::ip::tcp::acceptor acceptor_;
  std::optional<Session::Socket> socket_;  // the next connection, on the next worker's io_context
  boost::asio::steady_timer backoff_;  // pause after an accept failure such as running out of descriptors
};

}  // namespace brm::http
