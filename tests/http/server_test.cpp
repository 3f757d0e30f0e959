#include "http/server.hpp"

#include "http/errors.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <future>
#include <mutex>
#include <optional>
#include <regex>
#include <stdexcept>
#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace brm::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using ClientResponse = bhttp::response<bhttp::string_body>;

const std::string kZhang = "\xE5\xBC\xA0";  // 张, UTF-8 bytes E5 BC A0

ServerConfig TestConfig() {
  ServerConfig config;
  config.port = 0;
  config.threads = 2;
  config.access_log = false;
  return config;
}

Response Text(std::string body) {
  Response response;
  response.content_type = "text/plain";
  response.body = std::move(body);
  return response;
}

// A started Server running on its own thread until the object is destroyed.
class RunningServer {
 public:
  explicit RunningServer(Handler handler, ServerConfig config = TestConfig())
      : server_(std::move(config), std::move(handler)) {
    server_.Start();
    thread_ = std::thread([this] { server_.Run(); });
  }
  ~RunningServer() {
    server_.Stop();
    thread_.join();
  }
  uint16_t port() const { return server_.port(); }

 private:
  Server server_;
  std::thread thread_;
};

// One blocking HTTP/1.1 connection to the server.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(io_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  ClientResponse Send(bhttp::request<bhttp::string_body> request) {
    request.version(11);
    request.set(bhttp::field::host, "127.0.0.1");
    request.prepare_payload();
    bhttp::write(socket_, request);
    ClientResponse response;
    bhttp::read(socket_, buffer_, response);
    return response;
  }

  ClientResponse Get(const std::string& target) { return Send({bhttp::verb::get, target, 11}); }

  // True when the server has closed the connection (the next read finds end of stream).
  bool ServerClosed() {
    beast::error_code ec;
    ClientResponse response;
    bhttp::read(socket_, buffer_, response, ec);
    return ec == bhttp::error::end_of_stream || ec == net::error::eof ||
           ec == net::error::connection_reset;
  }

  tcp::socket& socket() { return socket_; }
  beast::flat_buffer& buffer() { return buffer_; }

 private:
  net::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

// The last request the handler saw, for the test thread to inspect.
class Recorder {
 public:
  Handler Handle(Response response = Text("ok")) {
    return [this, response](Request& request) {
      std::lock_guard lock(mutex_);
      last_ = request;
      return response;
    };
  }
  Request Last() {
    std::lock_guard lock(mutex_);
    return last_.value_or(Request{});
  }

 private:
  std::mutex mutex_;
  std::optional<Request> last_;
};

TEST(HttpServer, DecodesPathSegmentsQueryAndHeaders) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  bhttp::request<bhttp::string_body> request{bhttp::verb::get,
                                              "/api/v1/people%20x/%E5%BC%A0?q=%E5%BC%A0&tag=a&tag=b&sp=a+b%2B", 11};
  request.set("X-Custom-Thing", "Yes");
  const ClientResponse response = client.Send(std::move(request));

  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "ok");
  EXPECT_EQ(response[bhttp::field::content_type], "text/plain");
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  const Request seen = recorder.Last();
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.target, "/api/v1/people%20x/%E5%BC%A0?q=%E5%BC%A0&tag=a&tag=b&sp=a+b%2B");
  EXPECT_EQ(seen.path, "/api/v1/people x/" + kZhang);
  EXPECT_EQ(seen.segments, (std::vector<std::string>{"api", "v1", "people x", kZhang}));
  EXPECT_EQ(seen.Query("q"), kZhang);
  EXPECT_EQ(seen.query.count("tag"), 2u);
  EXPECT_EQ(seen.Query("tag"), "a");  // the first of repeated parameters
  EXPECT_EQ(seen.Query("sp"), "a b+");  // '+' is a space, %2B a plus
  EXPECT_TRUE(seen.HasQuery("sp"));
  EXPECT_FALSE(seen.HasQuery("absent"));
  EXPECT_EQ(seen.Header("x-custom-thing"), "Yes");
  EXPECT_EQ(seen.Header("host"), "127.0.0.1");
  EXPECT_EQ(seen.Header("absent"), "");
  EXPECT_EQ(seen.remote, "127.0.0.1");
}

TEST(HttpServer, DeliversThePostBody) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  const std::string body = R"({"name":")" + kZhang + R"("})";
  const ClientResponse response = client.Send({bhttp::verb::post, "/api/v1/people", 11, body});

  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(recorder.Last().method, "POST");
  EXPECT_EQ(recorder.Last().body, body);
}

TEST(HttpServer, KeepsTheConnectionAliveBetweenRequests) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  const ClientResponse first = client.Get("/one");
  const ClientResponse second = client.Get("/two");

  EXPECT_TRUE(first.keep_alive());
  EXPECT_EQ(second.result_int(), 200);
  EXPECT_EQ(recorder.Last().path, "/two");
}

TEST(HttpServer, AnswersExpectContinueBeforeTheBodyIsSent) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/import", 11, std::string(2000, 'x')};
  request.set(bhttp::field::host, "127.0.0.1");
  request.set(bhttp::field::expect, "100-continue");
  request.prepare_payload();
  bhttp::request_serializer<bhttp::string_body> serializer{request};
  bhttp::write_header(client.socket(), serializer);
  bhttp::response<bhttp::empty_body> interim;
  bhttp::read(client.socket(), client.buffer(), interim);
  ASSERT_EQ(interim.result(), bhttp::status::continue_);

  bhttp::write(client.socket(), serializer);
  ClientResponse response;
  bhttp::read(client.socket(), client.buffer(), response);
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(recorder.Last().body.size(), 2000u);
}

TEST(HttpServer, RefusesABodyOverTheLimitWith413AndCloses) {
  Recorder recorder;
  ServerConfig config = TestConfig();
  config.body_limit = 16;
  RunningServer server(recorder.Handle(), config);
  Client client(server.port());
  const ClientResponse response = client.Send({bhttp::verb::post, "/upload", 11, std::string(100, 'x')});

  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(response.body(),
            R"({"error":{"code":"too_large","message":"The request body is larger than 16 bytes.","field":""}})");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(client.ServerClosed());
  EXPECT_EQ(recorder.Last().method, "");  // the handler never saw it
}

TEST(HttpServer, TurnsAThrowingHandlerInto500AndKeepsServing) {
  RunningServer server([](Request& request) -> Response {
    if (request.path == "/std") throw std::runtime_error("database on fire");
    if (request.path == "/other") throw 42;
    return Text("fine");
  });
  Client client(server.port());
  const std::string expected = R"({"error":{"code":"internal","message":"Internal server error.","field":""}})";

  const ClientResponse failed = client.Get("/std");
  EXPECT_EQ(failed.result_int(), 500);
  EXPECT_EQ(failed.body(), expected);  // the exception's text stays in the log
  EXPECT_EQ(client.Get("/other").body(), expected);
  EXPECT_EQ(client.Get("/fine").body(), "fine");  // same connection, still served
}

TEST(HttpServer, RefusesATargetThatIsNotAUrlWith400) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  const ClientResponse response = client.Get("/bad%zzescape");

  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(response.body(),
            R"({"error":{"code":"invalid","message":"The request target is not a valid URL.","field":""}})");
}

// Defect 8 of issue 9: "/api/v1/people/%FF" was echoed raw into a JSON error, which was then not JSON.
TEST(HttpServer, RefusesATargetThatIsNotUtf8OnceDecodedWith400) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  const std::string expected =
      R"({"error":{"code":"invalid","message":"The request target is not valid UTF-8 once percent-decoded.","field":""}})";
  for (const char* target : {"/api/v1/people/%FF", "/api/v1/lines/customer?scope=team:%FF", "/x?%C0%AF=1",
                             "/x?q=%ED%A0%80", "/\xFF"}) {
    const ClientResponse response = client.Get(target);
    EXPECT_EQ(response.result_int(), 400) << target;
    EXPECT_EQ(response.body(), expected) << target;
  }
  EXPECT_EQ(recorder.Last().method, "") << "the handler never saw them";
  EXPECT_EQ(client.Get("/api/v1/people/%E5%BC%A0").result_int(), 200);
  EXPECT_EQ(recorder.Last().segments.back(), kZhang);
}

TEST(HttpErrors, AnErrorQuotingInvalidUtf8StaysValidJson) {
  const Response response = ErrorResponse(MakeError(ErrorCode::kNotFound, "No person has the id \"a\xFF\xC0" "b\".", "x\x80"));
  EXPECT_EQ(response.body,
            "{\"error\":{\"code\":\"not_found\",\"message\":\"No person has the id \\\"a\xEF\xBF\xBD\xEF\xBF\xBD" "b\\\".\","
            "\"field\":\"x\xEF\xBF\xBD" "\"}}");
}

// docs/security.md, HTTP hardening: every answer, a handler's or the transport's own, carries the headers,
// and a handler cannot weaken them.
TEST(HttpServer, EveryResponseCarriesTheSecurityHeaders) {
  Response weak = Text("<html></html>");
  weak.content_type = "text/html";
  weak.headers.emplace_back("X-Frame-Options", "SAMEORIGIN");
  weak.headers.emplace_back("Content-Security-Policy", "default-src *");
  Recorder recorder;
  RunningServer server(recorder.Handle(weak));
  Client client(server.port());
  const std::string policy =
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  for (const char* target : {"/", "/api/v1/people/%FF"}) {
    const ClientResponse response = client.Get(target);
    EXPECT_EQ(response["X-Content-Type-Options"], "nosniff") << target;
    EXPECT_EQ(response["Referrer-Policy"], "no-referrer") << target;
    EXPECT_EQ(response["X-Frame-Options"], "DENY") << target;
    EXPECT_EQ(response["Content-Security-Policy"], policy) << target;
    EXPECT_EQ(response.count("X-Frame-Options"), 1u) << "the handler's own is dropped";
    EXPECT_EQ(response.count("Content-Security-Policy"), 1u);
  }
}

// Defect 9 of issue 9: 10,000 short header fields passed the 16 KiB header limit.
TEST(HttpServer, RefusesManyShortHeaderFieldsWith431) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  for (const int fields : {101, 10000}) {
    Client client(server.port());
    std::string raw = "GET /x HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < fields; ++i) raw += "a: b\r\n";
    raw += "\r\n";
    beast::error_code ec;
    net::write(client.socket(), net::buffer(raw), ec);
    ClientResponse response;
    bhttp::read(client.socket(), client.buffer(), response, ec);
    EXPECT_EQ(response.result_int(), 431) << fields << " fields: " << ec.message();
  }
  EXPECT_EQ(recorder.Last().method, "");
  Client client(server.port());
  bhttp::request<bhttp::string_body> request{bhttp::verb::get, "/x", 11};
  for (int i = 0; i < 90; ++i) request.insert("X-Field-" + std::to_string(i), "value");
  EXPECT_EQ(client.Send(request).result_int(), 200) << "90 fields are fine";
}

TEST(HttpServer, AnswersHeadWithTheLengthButNoBody) {
  Recorder recorder;
  RunningServer server(recorder.Handle(Text("hello")));
  Client client(server.port());
  bhttp::request<bhttp::empty_body> head{bhttp::verb::head, "/page", 11};
  head.set(bhttp::field::host, "127.0.0.1");
  bhttp::write(client.socket(), head);
  bhttp::response_parser<bhttp::empty_body> parser;
  parser.skip(true);  // a response to HEAD has no body whatever Content-Length says
  bhttp::read(client.socket(), client.buffer(), parser);

  EXPECT_EQ(recorder.Last().method, "HEAD");
  EXPECT_EQ(parser.get()[bhttp::field::content_length], "5");
  EXPECT_EQ(client.Get("/next").body(), "hello");  // no stray body bytes ahead of this response
}

TEST(HttpServer, ParsesCookies) {
  Recorder recorder;
  RunningServer server(recorder.Handle());
  Client client(server.port());
  bhttp::request<bhttp::string_body> request{bhttp::verb::get, "/", 11};
  request.set(bhttp::field::cookie, "theme=dark; brm_session=\"abc=def\"");
  request.insert(bhttp::field::cookie, "lang=zh-CN");
  client.Send(std::move(request));

  const Request seen = recorder.Last();
  EXPECT_EQ(seen.Cookie("brm_session"), "abc=def");
  EXPECT_EQ(seen.Cookie("theme"), "dark");
  EXPECT_EQ(seen.Cookie("lang"), "zh-CN");  // from the second Cookie field
  EXPECT_EQ(seen.Cookie("absent"), "");
}

TEST(HttpRequest, CookieParsingIsTolerant) {
  struct Case {
    std::string header, name, expected;
  };
  const Case cases[] = {
      {"a=1;b=2", "b", "2"},         {"  a = 1 ;  b=2  ", "a", "1"}, {"a=1; a=2", "a", "1"},
      {"ab=1; b=2", "b", "2"},       {"b; a=1", "a", "1"},           {"a=", "a", ""},
      {"a=\"\"", "a", ""},           {"", "a", ""},                  {"a=x=y", "a", "x=y"},
  };
  for (const Case& c : cases) {
    Request request;
    request.headers["cookie"] = c.header;
    EXPECT_EQ(request.Cookie(c.name), c.expected) << c.header;
  }
}

TEST(HttpServer, SendsEverySetCookieHeader) {
  Response response = Text("ok");
  response.headers = {{"Set-Cookie", "a=1; HttpOnly"}, {"Set-Cookie", "b=2; Path=/"}, {"Cache-Control", "no-store"}};
  RunningServer server([response](Request&) { return response; });
  Client client(server.port());
  const ClientResponse received = client.Get("/");

  std::vector<std::string> cookies;
  for (auto [it, end] = received.equal_range(bhttp::field::set_cookie); it != end; ++it) {
    cookies.emplace_back(it->value());
  }
  EXPECT_EQ(cookies, (std::vector<std::string>{"a=1; HttpOnly", "b=2; Path=/"}));
  EXPECT_EQ(received[bhttp::field::cache_control], "no-store");
}

TEST(HttpServer, StopReturnsPromptlyDespiteAnIdleKeepAliveConnection) {
  Server server(TestConfig(), [](Request&) { return Text("ok"); });
  server.Start();
  std::thread runner([&server] { server.Run(); });
  Client client(server.port());
  ASSERT_EQ(client.Get("/").result_int(), 200);  // the connection now idles in keep-alive

  const auto asked = std::chrono::steady_clock::now();
  server.Stop();
  runner.join();
  EXPECT_LT(std::chrono::steady_clock::now() - asked, std::chrono::seconds(1));  // read timeout is 30 s
  EXPECT_TRUE(client.ServerClosed());
}

TEST(HttpServer, StopLetsAnInFlightRequestFinish) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  Server server(TestConfig(), [&](Request&) {
    entered.set_value();
    released.wait();
    return Text("finished");
  });
  server.Start();
  std::thread runner([&server] { server.Run(); });
  Client client(server.port());
  auto answer = std::async(std::launch::async, [&client] { return client.Get("/slow"); });

  entered.get_future().wait();
  server.Stop();
  release.set_value();
  const ClientResponse response = answer.get();
  runner.join();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "finished");
}

TEST(HttpServer, SigtermMakesRunReturn) {
  Server server(TestConfig(), [](Request&) { return Text("ok"); });
  server.Start();
  std::thread runner([&server] { server.Run(); });
  // An answer proves Run() is under way, and it installs its signal handling before serving.
  ASSERT_EQ(Client(server.port()).Get("/").result_int(), 200);

  std::raise(SIGTERM);
  runner.join();
}

TEST(HttpServer, WritesOneAccessLogLinePerRequest) {
  ServerConfig config = TestConfig();
  config.access_log = true;
  testing::internal::CaptureStderr();
  {
    RunningServer server([](Request&) { return Text("hello"); }, config);
    Client(server.port()).Get("/api/v1/people?q=%E5%BC%A0");
  }  // Run() has returned, so the line is written
  const std::string log = testing::internal::GetCapturedStderr();

  const std::regex line(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1 )"
                        R"("GET /api/v1/people\?q=%E5%BC%A0" 200 5 \d+us\n)");
  EXPECT_TRUE(std::regex_match(log, line)) << log;
}

TEST(HttpServer, StartNamesTheAddressWhenThePortIsTaken) {
  Server first(TestConfig(), [](Request&) { return Text("ok"); });
  first.Start();
  ServerConfig config = TestConfig();
  config.port = first.port();
  Server second(config, [](Request&) { return Text("ok"); });
  try {
    second.Start();
    FAIL() << "a second server bound the same port";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot listen on 127.0.0.1:" + std::to_string(first.port()) + ": Address already in use");
  }
}

}  // namespace
}  // namespace brm::http
