#include "http/webhook_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <openssl/ssl.h>

namespace brm::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

template <typename Stream>
PostOutcome Exchange(Stream& stream, const std::string& host, const std::string& target, const std::string& body,
                     beast::tcp_stream& timer, std::chrono::seconds timeout) {
  bh::request<bh::string_body> request{bh::verb::post, target, 11};
  request.set(bh::field::host, host);
  request.set(bh::field::user_agent, "BRM webhook");
  request.set(bh::field::content_type, "application/json; charset=utf-8");
  request.body() = body;
  request.prepare_payload();
  timer.expires_after(timeout);
  bh::write(stream, request);
  beast::flat_buffer buffer;
  bh::response<bh::string_body> response;
  bh::read(stream, buffer, response);
  PostOutcome outcome;
  outcome.status = static_cast<int>(response.result_int());
  if (outcome.status < 200 || outcome.status >= 300) {
    outcome.error = "HTTP " + std::to_string(outcome.status) + ": " + response.body().substr(0, 200);
  }
  return outcome;
}

}  // namespace

PostOutcome PostJson(const std::string& url, const std::string& body, std::chrono::seconds timeout) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return {0, "not an address: " + url};
  const bool https = parsed->scheme() == "https";
  if (!https && parsed->scheme() != "http") return {0, "only http:// and https:// addresses are posted to"};
  const std::string host = parsed->host();
  const std::string port = parsed->has_port() ? std::string(parsed->port()) : (https ? "443" : "80");
  std::string target(parsed->encoded_target());
  if (target.empty()) target = "/";
  try {
    asio::io_context io;
    tcp::resolver resolver(io);
    const auto endpoints = resolver.resolve(host, port);
    if (!https) {
      beast::tcp_stream stream(io);
      stream.expires_after(timeout);
      stream.connect(endpoints);
      PostOutcome outcome = Exchange(stream, host, target, body, stream, timeout);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return outcome;
    }
    asio::ssl::context context(asio::ssl::context::tls_client);
    context.set_default_verify_paths();
    context.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(io, context);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str())) return {0, "TLS: cannot set the server name"};
    stream.set_verify_callback(asio::ssl::host_name_verification(host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    beast::get_lowest_layer(stream).connect(endpoints);
    stream.handshake(asio::ssl::stream_base::client);
    PostOutcome outcome = Exchange(stream, host, target, body, beast::get_lowest_layer(stream), timeout);
    beast::error_code ignored;
    stream.shutdown(ignored);
    return outcome;
  } catch (const std::exception& error) {
    return {0, error.what()};
  }
}

}  // namespace brm::http
