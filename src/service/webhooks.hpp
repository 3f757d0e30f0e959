// Outbound webhooks (an admin's `webhooks` records): the events a committed write raises, the message each
// active webhook that takes the event receives in its format, and the dispatcher that posts the queued
// messages from its own thread, retrying failures — so that a slow or dead receiver never slows a request.
//
// Events: introduction_request (a request made: to the employee asked), introduction_answered (accepted or
// declined: to the requester), task_assigned (a task made or reassigned to someone other than its writer).
// Formats: `wecom` (企业微信 group robot) and `dingtalk` (钉钉 group robot) get {"msgtype": "text", "text":
// {"content": "BRM …"}} — a Chinese sentence, "BRM" first so that a robot's keyword check can ask for it —
// and `json` gets {"event", "subject", "text", "at", "data": {the record}}.
// Deliveries are kept in the store (Store::AddDelivery): pending until posted with a 2xx answer; a failure
// (no answer, TLS, another status) is tried again after retry_base × 1, 6, 30 and 180 seconds, and given up
// (failed) after the fifth attempt. Every attempt's outcome is visible to the admin (GET
// /webhooks/{id}/deliveries).
//
// Threads: Notice and Test are called from request threads; the dispatcher runs on its own until Stop.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "domain/record.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

class WebhookService {
 public:
  static constexpr int kMaxAttempts = 5;
  struct PostResult {
    int status = 0;     // the receiver's HTTP status; 0 when none answered
    std::string error;  // empty on success
  };
  using Poster = std::function<PostResult(const std::string& url, const std::string& body)>;

  WebhookService(Store& store, engine::Engine& engine, Poster poster, int retry_base_seconds)
      : store_(store), engine_(engine), poster_(std::move(poster)), retry_base_(retry_base_seconds) {}
  ~WebhookService() { Stop(); }

  // Starts and stops the dispatcher thread (Stop waits for the attempt in flight).
  void Start();
  void Stop();
  // After a committed write: queues the messages of the events it raises.
  void Notice(const Actor& actor, const Record& written, const std::optional<Record>& before);
  // Queues a test message to one webhook (its events aside).
  void Test(const Record& webhook, const Actor& actor);
  // The latest deliveries of a webhook, newest first (the caller has checked the actor may read it).
  std::vector<DeliveryRow> Deliveries(const std::string& webhook, size_t limit) { return store_.DeliveriesOf(webhook, limit); }

 private:
  void Queue(const std::string& event, const std::string& subject, const std::string& text, const Record& data,
             const std::optional<Record>& only = std::nullopt);
  void Run();
  std::string Name(Kind kind, const std::string& id);
  std::string UserName(const std::string& user);

  Store& store_;
  engine::Engine& engine_;
  Poster poster_;
  int retry_base_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace brm
