// Accepts connections and starts a Session for each (the listener of Beast's advanced server example).
// Internal to http/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>

#include "http/session.hpp"

namespace brm::http {

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

  // The acceptor lives on `strand`; Accept() and Close() must be called there.
  Listener(boost::asio::io_context& io, Strand strand, std::shared_ptr<SessionContext> context);

  // Opens, binds (reuse_address) and listens. Returns the bound port, which differs from `port` when
  // that is 0. Throws std::runtime_error naming the address and the reason when any step fails.
  uint16_t Open(const std::string& address, uint16_t port);
  // Accepts connections until Close(); each gets its own strand and Session.
  void Accept();
  // Stops accepting; sessions already started are not affected.
  void Close();

 private:
  void OnAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer backoff_;  // pause after an accept failure such as running out of descriptors
  std::shared_ptr<SessionContext> context_;
};

}  // namespace brm::http
