#include "http/listener.hpp"

#include <cstdio>
#include <exception>
#include <stdexcept>
#include <utility>

#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/socket_base.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace brm::http {
namespace {

namespace net = boost::asio;
using net::ip::tcp;

// Long enough not to spin while out of file descriptors, short enough not to be noticed otherwise.
constexpr std::chrono::milliseconds kAcceptBackoff{100};
// How late a timeout may fire. One timer per worker, rather than one per socket operation, keeps the
// timer queue out of every request.
constexpr std::chrono::milliseconds kSweepInterval{250};
// While stopping, Run() returns at the first sweep that finds no session left.
constexpr std::chrono::milliseconds kStoppingSweepInterval{10};

void LogError(const std::string& text) {
  const std::string line = "brm: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

Worker::Worker(std::shared_ptr<SessionContext> context)
    : io_(1), context_(std::move(context)), sweep_timer_(io_), keep_running_(net::make_work_guard(io_)) {}

void Worker::Run() {
  // Handlers catch their own exceptions; this is the last line of defence (bad_alloc, say). Asio
  // allows run() to be resumed after one of its handlers threw.
  for (;;) {
    try {
      io_.run();
      return;
    } catch (const std::exception& e) {
      LogError(std::string("uncaught exception in the I/O loop: ") + e.what());
    } catch (...) {
      LogError("uncaught exception of unknown type in the I/O loop");
    }
  }
}

void Worker::Start(Session::Socket&& socket) {
  // Responses go out in one write each; Nagle's algorithm would only hold back the last segment of a
  // large one.
  boost::system::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  auto session = std::make_shared<Session>(std::move(socket), context_);
  sessions_.push_back(*session);
  if (!sweeping_) ScheduleSweep();
  session->Run();
}

void Worker::CloseIdle() {
  for (Session& session : sessions_) session.CloseIfIdle();
  // Sweep at the shorter stopping interval from now on.
  if (sweeping_) sweep_timer_.cancel();
}

void Worker::ScheduleSweep() {
  sweeping_ = true;
  sweep_timer_.expires_after(context_->stopping() ? kStoppingSweepInterval : kSweepInterval);
  sweep_timer_.async_wait([this](boost::system::error_code) { Sweep(); });
}

void Worker::Sweep() {
  const Session::Clock::time_point now = Session::Clock::now();
  for (Session& session : sessions_) session.CheckDeadline(now);
  // With no session left there is nothing to time out, and an idle worker should not wake up.
  if (sessions_.empty()) {
    sweeping_ = false;
    return;
  }
  ScheduleSweep();
}

Listener::Listener(std::vector<Worker*> workers)
    : workers_(std::move(workers)), acceptor_(workers_.front()->io()), backoff_(workers_.front()->io()) {}

uint16_t Listener::Open(const std::string& address, uint16_t port) {
  const std::string where = "cannot listen on " + address + ":" + std::to_string(port) + ": ";
  boost::system::error_code ec;
  // The resolver accepts names such as "localhost" as well as numeric addresses.
  tcp::resolver resolver(acceptor_.get_executor());
  auto endpoints = resolver.resolve(address, std::to_string(port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) throw std::runtime_error(where + ec.message());
  if (endpoints.empty()) throw std::runtime_error(where + "the address resolves to nothing");
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();

  // The error_code overloads, so that every failure names the address instead of escaping as a bare
  // system_error.
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    throw std::runtime_error(where + ec.message());
  }
  const tcp::endpoint bound = acceptor_.local_endpoint(ec);
  if (ec) throw std::runtime_error(where + ec.message());
  return bound.port();
}

void Listener::Accept() {
  if (!acceptor_.is_open()) return;
  // The socket is created on the worker that will run its session.
  socket_.emplace(workers_[next_]->io());
  acceptor_.async_accept(*socket_, boost::beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
}

void Listener::Close() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  backoff_.cancel();
}

void Listener::OnAccept(boost::beast::error_code ec) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;  // Close()
  if (!ec) {
    Session::Socket socket = std::move(*socket_);
    Worker* worker = workers_[next_];
    next_ = (next_ + 1) % workers_.size();
    if (worker == workers_.front()) {
      worker->Start(std::move(socket));
    } else {
      // The one hand-over of the connection's life.
      net::post(worker->io(), [worker, socket = std::move(socket)]() mutable { worker->Start(std::move(socket)); });
    }
    return Accept();
  }
  LogError("accept failed: " + ec.message());
  backoff_.expires_after(kAcceptBackoff);
  backoff_.async_wait([self = shared_from_this()](boost::beast::error_code wait_ec) {
    if (!wait_ec) self->Accept();
  });
}

}  // namespace brm::http
