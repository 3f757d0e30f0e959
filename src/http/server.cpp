#include "http/server.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>

#include "http/listener.hpp"
#include "http/session.hpp"

namespace brm::http {
namespace {

namespace net = boost::asio;

int ThreadCount(int configured) {
  if (configured > 0) return configured;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void LogError(const std::string& text) {
  const std::string line = "brm: " + text + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

// Shutdown needs no work guard: Run()'s threads return when the io_context runs out of work, which
// happens once the acceptor is closed, the signal wait is cancelled and the last session is gone.
struct Server::Impl {
  Impl(ServerConfig config, Handler handler)
      : threads_(ThreadCount(config.threads)),
        io_(threads_),
        control_(net::make_strand(io_)),
        context_(std::make_shared<SessionContext>(std::move(config), std::move(handler))),
        listener_(std::make_shared<Listener>(io_, control_, context_)) {}

  // Runs on control_, which serialises it with the signal handler and the acceptor.
  void BeginStop() {
    listener_->Close();
    if (signals_) {
      boost::system::error_code ignored;
      signals_->cancel(ignored);
    }
    context_->BeginStop();
  }

  void RunThread() {
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

  const int threads_;
  net::io_context io_;  // declared first so that it is destroyed last, after everything using it
  Listener::Strand control_;
  std::shared_ptr<SessionContext> context_;
  std::shared_ptr<Listener> listener_;
  std::optional<net::signal_set> signals_;  // exists while Run() does
  bool started_ = false;
  uint16_t port_ = 0;
};

Server::Server(ServerConfig config, Handler handler)
    : impl_(new Impl(std::move(config), std::move(handler))) {}

Server::~Server() { delete impl_; }

void Server::Start() {
  const ServerConfig& config = impl_->context_->config();
  impl_->port_ = impl_->listener_->Open(config.address, config.port);
  impl_->started_ = true;
}

uint16_t Server::port() const { return impl_->port_; }

void Server::Run() {
  Impl& impl = *impl_;
  if (!impl.started_) Start();
  impl.signals_.emplace(impl.control_, SIGINT, SIGTERM);
  impl.signals_->async_wait([&impl](boost::system::error_code ec, int) {
    if (!ec) impl.BeginStop();
  });
  net::post(impl.control_, [&impl] { impl.listener_->Accept(); });

  std::vector<std::thread> workers;
  try {
    for (int i = 1; i < impl.threads_; ++i) workers.emplace_back([&impl] { impl.RunThread(); });
  } catch (...) {
    // Could not start every thread: wind down with the ones there are, then report.
    net::post(impl.control_, [&impl] { impl.BeginStop(); });
    impl.RunThread();
    for (auto& worker : workers) worker.join();
    impl.signals_.reset();
    throw;
  }
  impl.RunThread();  // the calling thread is one of the `threads`
  for (auto& worker : workers) worker.join();
  impl.signals_.reset();
}

void Server::Stop() {
  Impl* impl = impl_;
  net::post(impl->control_, [impl] { impl->BeginStop(); });
}

}  // namespace brm::http
