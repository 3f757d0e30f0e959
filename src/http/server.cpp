#include "http/server.hpp"

#include <algorithm>
#include <csignal>
#include <memory>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include <sched.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include "http/listener.hpp"
#include "http/session.hpp"

namespace brm::http {
namespace {

namespace net = boost::asio;

// One event loop per core the process may run on: a server pinned to one core (taskset, a container's
// cpuset) gets one loop, not one per core of the machine fighting over it.
int ThreadCount(int configured) {
  if (configured > 0) return configured;
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0) return CPU_COUNT(&allowed);
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

// Each thread runs a worker of its own; the first worker's thread also runs the acceptor and the
// signal wait, and so does all the stopping. Run()'s threads return when their workers run out of
// work: once the acceptor is closed, the signal wait cancelled, the workers released and their last
// sessions gone.
struct Server::Impl {
  Impl(ServerConfig config, Handler handler, StreamRoute stream)
      : context_(std::make_shared<SessionContext>(std::move(config), std::move(handler), std::move(stream))) {
    const int threads = ThreadCount(context_->config().threads);
    std::vector<Worker*> workers;
    for (int i = 0; i < threads; ++i) {
      workers_.push_back(std::make_unique<Worker>(context_));
      workers.push_back(workers_.back().get());
    }
    listener_ = std::make_shared<Listener>(std::move(workers));
  }

  // The listener goes first, then the workers in order: the first worker's io_context may still hold the
  // listener, whose next socket may belong to a later worker's io_context.
  ~Impl() {
    signals_.reset();
    listener_.reset();
    for (auto& worker : workers_) worker.reset();
  }

  Worker& control() { return *workers_.front(); }

  // Runs on the first worker's thread, which serialises it with the signal handler and the acceptor.
  void BeginStop() {
    context_->BeginStop();
    listener_->Close();
    if (signals_) {
      boost::system::error_code ignored;
      signals_->cancel(ignored);
    }
    for (auto& worker : workers_) {
      // Posted before the release, so that the worker is still running when it arrives.
      if (worker.get() == &control()) {
        worker->CloseIdle();
      } else {
        net::post(worker->io(), [target = worker.get()] { target->CloseIdle(); });
      }
      worker->Release();
    }
  }

  std::vector<std::unique_ptr<Worker>> workers_;  // declared first so that they are destroyed last
  std::shared_ptr<SessionContext> context_;
  std::shared_ptr<Listener> listener_;
  std::optional<net::signal_set> signals_;  // exists while Run() does
  bool started_ = false;
  uint16_t port_ = 0;
};

Server::Server(ServerConfig config, Handler handler, StreamRoute stream)
    : impl_(new Impl(std::move(config), std::move(handler), std::move(stream))) {}

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
  impl.signals_.emplace(impl.control().io(), SIGINT, SIGTERM);
  impl.signals_->async_wait([&impl](boost::system::error_code ec, int) {
    if (!ec) impl.BeginStop();
  });

  std::vector<std::thread> threads;
  try {
    for (size_t i = 1; i < impl.workers_.size(); ++i) {
      threads.emplace_back([worker = impl.workers_[i].get()] { worker->Run(); });
    }
  } catch (...) {
    // Could not start every thread: wind down with the ones there are, then report. No connection has
    // been accepted yet, so none waits on a worker without a thread.
    net::post(impl.control().io(), [&impl] { impl.BeginStop(); });
    impl.control().Run();
    for (auto& thread : threads) thread.join();
    impl.signals_.reset();
    throw;
  }
  net::post(impl.control().io(), [&impl] { impl.listener_->Accept(); });
  impl.control().Run();  // the calling thread is one of the `threads`
  for (auto& thread : threads) thread.join();
  impl.signals_.reset();
}

void Server::Stop() {
  Impl* impl = impl_;
  net::post(impl->control().io(), [impl] { impl->BeginStop(); });
}

}  // namespace brm::http
