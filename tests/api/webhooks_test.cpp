// Outbound webhooks (issue 12 item 5): an admin's webhooks receive the introduction and task events in the
// WeCom, DingTalk and JSON formats, posted by the dispatcher to a local receiver started here; a failing
// receiver's deliveries are retried and visible to the admin; a receiver that never answers does not slow the
// request that raised the event; only admins see or change webhooks.
// Fixture (tests/fixtures/small_bundle.json): rep1 (张伟) owns c1 (招商银行深圳分行) with p1 (赵敏); e-staff (陈静)
// is the employee user staff; manager (李经理) leads rep1's team.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;

// A local HTTP receiver: records each POST (target and body) and answers `status`, or never answers (`hang`).
// Asynchronous on its own io_context, so that stopping it ends every connection at once.
class Receiver {
 public:
  explicit Receiver(int status = 200, bool hang = false)
      : status_(status), hang_(hang), acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
    Accept();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~Receiver() {
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + path;
  }
  struct Post {
    std::string target;
    bj::value body;
  };
  std::vector<Post> Posts() {
    std::lock_guard lock(mutex_);
    return posts_;
  }
  // Waits until at least `n` posts arrived (at most 10 s).
  std::vector<Post> WaitFor(size_t n) {
    for (int i = 0; i < 200; ++i) {
      if (auto posts = Posts(); posts.size() >= n) return posts;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return Posts();
  }

 private:
  struct Exchange {
    explicit Exchange(asio::ip::tcp::socket s) : socket(std::move(s)) {}
    asio::ip::tcp::socket socket;
    beast::flat_buffer buffer;
    bh::request<bh::string_body> request;
    bh::response<bh::string_body> response;
  };

  void Accept() {
    acceptor_.async_accept([this](beast::error_code error, asio::ip::tcp::socket socket) {
      if (error) return;
      auto exchange = std::make_shared<Exchange>(std::move(socket));
      bh::async_read(exchange->socket, exchange->buffer, exchange->request, [this, exchange](beast::error_code read, size_t) {
        if (read) return;
        {
          std::lock_guard lock(mutex_);
          posts_.push_back(Post{std::string(exchange->request.target()), bj::parse(exchange->request.body())});
        }
        if (hang_) {
          held_.push_back(exchange);  // never answered, kept open until the receiver stops
          return;
        }
        exchange->response = bh::response<bh::string_body>{static_cast<bh::status>(status_), 11};
        exchange->response.body() = status_ == 200 ? "{\"errcode\":0}" : "down for maintenance";
        exchange->response.prepare_payload();
        bh::async_write(exchange->socket, exchange->response, [exchange](beast::error_code, size_t) {});
      });
      Accept();
    });
  }

  int status_;
  bool hang_;
  asio::io_context io_;
  asio::ip::tcp::acceptor acceptor_;
  std::vector<std::shared_ptr<Exchange>> held_;
  std::mutex mutex_;
  std::vector<Post> posts_;
  std::thread thread_;
};

class WebhooksApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() { StartServer({"--webhook-retry", "1"}); }
  static std::string Hook(Client& admin, const std::string& name, const std::string& url, const std::string& format,
                          bj::array events = {"introduction_request", "introduction_answered", "task_assigned"}) {
    auto made = admin.Post("/api/v1/webhooks", bj::object{{"name", name}, {"url", url}, {"format", format}, {"events", events}});
    EXPECT_EQ(made.status, 201) << made.body;
    return made.status == 201 ? std::string(made.json.at("id").as_string()) : "";
  }
  static void Off(Client& admin, const std::string& id) {
    EXPECT_EQ(admin.Patch("/api/v1/webhooks/" + id, bj::object{{"active", false}}).status, 200);
  }
  static bj::array Deliveries(Client& admin, const std::string& id) {
    auto list = admin.Get("/api/v1/webhooks/" + id + "/deliveries");
    EXPECT_EQ(list.status, 200) << list.body;
    return list.status == 200 ? list.json.at("items").as_array() : bj::array{};
  }
};

TEST_F(WebhooksApi, EachFormatReceivesTheIntroductionAndTaskEvents) {
  Receiver receiver;
  Client admin = As("admin"), rep1 = As("rep1"), staff = As("staff"), manager = As("manager");
  const std::string wecom = Hook(admin, "销售群", receiver.Url("/wecom"), "wecom");
  const std::string ding = Hook(admin, "钉钉群", receiver.Url("/ding"), "dingtalk");
  const std::string plain = Hook(admin, "集成", receiver.Url("/json"), "json", {"introduction_request"});

  auto asked = rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "e-staff"}, {"note", "聊聊升级"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string id(asked.json.at("id").as_string());
  auto posts = receiver.WaitFor(3);
  ASSERT_EQ(posts.size(), 3u);
  const std::string sentence = "BRM 【引荐请求】张伟 请 陈静 引荐 赵敏（招商银行深圳分行）。留言：聊聊升级";
  for (const auto& post : posts) {
    if (post.target == "/json") {
      EXPECT_EQ(post.body.at("event"), "introduction_request");
      EXPECT_EQ(post.body.at("subject"), bj::value("introductions/" + id));
      EXPECT_EQ(post.body.at("data").at("id"), bj::value(id));
      EXPECT_EQ(post.body.at("text"), bj::value(sentence.substr(4)));
    } else {  // the group robots' text message
      EXPECT_EQ(post.body.at("msgtype"), "text") << post.target;
      EXPECT_EQ(post.body.at("text").at("content"), bj::value(sentence)) << post.target;
    }
  }
  for (const std::string& hook : {wecom, ding, plain}) {
    const auto deliveries = Deliveries(admin, hook);
    ASSERT_EQ(deliveries.size(), 1u);
    EXPECT_EQ(deliveries[0].at("status"), "delivered");
    EXPECT_EQ(deliveries[0].at("attempts"), 1);
    EXPECT_EQ(deliveries[0].at("last_status"), 200);
  }

  // The answer and an assigned task reach the two robots (the JSON one takes requests only); one's own task
  // does not.
  ASSERT_EQ(staff.Post("/api/v1/introductions/" + id + "/answer", bj::object{{"accept", true}, {"note", "好的"}}).status, 200);
  ASSERT_EQ(manager.Post("/api/v1/tasks", bj::object{{"title", "补齐决策链"}, {"opportunity", "o1"}, {"assignee", "u-rep1"},
                                                     {"due", "2026-12-31"}}).status, 201);
  ASSERT_EQ(rep1.Post("/api/v1/tasks", bj::object{{"title", "自己的事"}, {"assignee", "u-rep1"}}).status, 201);
  posts = receiver.WaitFor(7);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nothing more comes
  posts = receiver.Posts();
  ASSERT_EQ(posts.size(), 7u);
  std::vector<std::string> robot;
  for (size_t i = 3; i < posts.size(); ++i) {
    EXPECT_NE(posts[i].target, "/json");
    if (posts[i].target == "/wecom") robot.emplace_back(posts[i].body.at("text").at("content").as_string());
  }
  EXPECT_EQ(robot, (std::vector<std::string>{"BRM 【引荐答复】陈静 接受了 张伟 引荐 赵敏（招商银行深圳分行）的请求。答复：好的",
                                             "BRM 【待办】李经理 指派给 张伟：补齐决策链（截止 2026-12-31）"}));

  // A test message, on demand; then switched off, a webhook gets nothing more.
  EXPECT_EQ(admin.Post("/api/v1/webhooks/" + plain + "/test", bj::object{}).status, 202);
  posts = receiver.WaitFor(8);
  ASSERT_EQ(posts.size(), 8u);
  EXPECT_EQ(posts.back().body.at("event"), "test");
  for (const std::string& hook : {wecom, ding, plain}) Off(admin, hook);
}

TEST_F(WebhooksApi, AFailingReceiverIsRetriedAndADeadOneDoesNotSlowTheRequest) {
  Client admin = As("admin"), rep1 = As("rep1");
  Receiver failing(500);
  const std::string hook = Hook(admin, "坏的", failing.Url("/down"), "json", {"task_assigned", "introduction_request"});
  Client manager = As("manager");
  ASSERT_EQ(manager.Post("/api/v1/tasks", bj::object{{"title", "复核预算"}, {"assignee", "u-rep1"}}).status, 201);
  failing.WaitFor(2);  // the first attempt and, a second later, the retry
  ASSERT_GE(failing.Posts().size(), 2u);
  bj::array deliveries;
  for (int i = 0; i < 40; ++i) {
    deliveries = Deliveries(admin, hook);
    if (!deliveries.empty() && deliveries[0].at("attempts").as_int64() >= 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(deliveries.size(), 1u);
  EXPECT_EQ(deliveries[0].at("status"), "pending");
  EXPECT_GE(deliveries[0].at("attempts").as_int64(), 2);
  EXPECT_EQ(deliveries[0].at("last_status"), 500);
  EXPECT_NE(std::string(deliveries[0].at("last_error").as_string()).find("HTTP 500"), std::string::npos);
  EXPECT_TRUE(deliveries[0].at("next_at").is_int64());
  Off(admin, hook);

  // A receiver that takes the connection and never answers: the request that raises the event is as quick.
  Receiver silent(200, true);
  const std::string dead = Hook(admin, "无响应", silent.Url("/silent"), "wecom", {"introduction_request"});
  const auto start = std::chrono::steady_clock::now();
  auto asked = rep1.Post("/api/v1/introductions", bj::object{{"person", "p1"}, {"employee", "e-staff"}});
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_LT(took, std::chrono::seconds(1));
  silent.WaitFor(1);
  EXPECT_EQ(rep1.Get("/api/v1/health").status, 200);
  Off(admin, dead);
}

TEST_F(WebhooksApi, OnlyAdministratorsSeeOrChangeWebhooks) {
  Client admin = As("admin"), ceo = As("ceo"), rep1 = As("rep1");
  const std::string hook = Hook(admin, "秘密", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret", "wecom");
  EXPECT_EQ(admin.Get("/api/v1/webhooks/" + hook).status, 200);
  for (Client* other : {&ceo, &rep1}) {
    EXPECT_EQ(other->Get("/api/v1/webhooks/" + hook).status, 404);
    EXPECT_EQ(other->Get("/api/v1/webhooks/" + hook + "/deliveries").status, 404);
    EXPECT_EQ(other->Get("/api/v1/webhooks").json.at("total"), 0);
    EXPECT_EQ(other->Post("/api/v1/webhooks", bj::object{{"name", "x"}, {"url", "http://example.com/"}, {"format", "json"}}).status, 403);
  }
  EXPECT_EQ(admin.Post("/api/v1/webhooks", bj::object{{"name", "x"}, {"url", "ftp://example.com/"}, {"format", "json"}}).ErrorField(), "url");
  EXPECT_EQ(admin.Post("/api/v1/webhooks", bj::object{{"name", "x"}, {"url", "http://example.com/"}, {"format", "slack"}}).ErrorField(), "format");
  EXPECT_EQ(admin.Post("/api/v1/webhooks", bj::object{{"name", "x"}, {"url", "http://example.com/"}, {"format", "json"},
                                                      {"events", bj::array{"everything"}}}).ErrorField(),
            "events");
  Off(admin, hook);
}

}  // namespace
}  // namespace brm::testing
