#include "http/listener.hpp"

#include <cstdio>
#include <stdexcept>
#include <utility>

#include <boost/asio/error.hpp>
#include <boost/asio/socket_base.hpp>
#include <boost/beast/core/bind_handler.hpp>

namespace brm::http {
namespace {

namespace net = boost::asio;
using net::ip::tcp;

// Long enough not to spin while out of file descriptors, short enough not to be noticed otherwise.
constexpr std::chrono::milliseconds kAcceptBackoff{100};

}  // namespace

Listener::Listener(net::io_context& io, Strand strand, std::shared_ptr<SessionContext> context)
    : io_(io), acceptor_(strand), backoff_(strand), context_(std::move(context)) {}

uint16_t Listener::Open(const std::string& address, uint16_t port) {
  const std::string where = "cannot listen on " + address + ":" + std::to_string(port) + ": ";
  boost::system::error_code ec;
  // The resolver accepts names such as "localhost" as well as numeric addresses.
  tcp::resolver resolver(io_);
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
  if (!acceptor_.is_open() || context_->stopping()) return;
  acceptor_.async_accept(net::make_strand(io_),
                         boost::beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
}

void Listener::Close() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  backoff_.cancel();
}

void Listener::OnAccept(boost::beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;  // Close()
  if (!ec) {
    std::make_shared<Session>(std::move(socket), context_)->Run();
    return Accept();
  }
  const std::string line = "brm: accept failed: " + ec.message() + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  backoff_.expires_after(kAcceptBackoff);
  backoff_.async_wait([self = shared_from_this()](boost::beast::error_code wait_ec) {
    if (!wait_ec) self->Accept();
  });
}

}  // namespace brm::http
