#include "service/webhooks.hpp"

#include <chrono>
#include <ctime>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/figures.hpp"

namespace brm {
namespace bj = boost::json;
namespace f = fields;

namespace {

constexpr int kRetryFactors[] = {1, 6, 30, 180};  // × retry_base after the 1st … 4th failure

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string Iso(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

void WebhookService::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void WebhookService::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::string WebhookService::Name(Kind kind, const std::string& id) {
  if (id.empty()) return "";
  auto record = store_.Get(kind, id);
  if (!record) return id;
  return record->Text(Spec(kind).Index("name"));
}

std::string WebhookService::UserName(const std::string& user) {
  return engine_.With([&](const engine::Figures& figures) {
    const engine::Idx index = figures.graph().ids(Kind::kUser).Find(user);
    return index == engine::kNone ? user : brm::UserName(figures.graph(), index);
  });
}

void WebhookService::Notice(const Actor& actor, const Record& written, const std::optional<Record>& before) {
  if (written.kind == Kind::kIntroduction) {
    const std::string& status = written.Text(f::intro::kStatus);
    const std::string person = Name(Kind::kPerson, written.Text(f::intro::kPerson));
    const std::string customer = Name(Kind::kOrganization, written.Text(f::intro::kCustomer));
    const std::string employee = Name(Kind::kPerson, written.Text(f::intro::kEmployee));
    const std::string requester = UserName(written.Text(f::intro::kBy));
    if (!before) {
      std::string text = "【引荐请求】" + requester + " 请 " + employee + " 引荐 " + person + "（" + customer + "）。";
      if (!written.IsNull(f::intro::kNote)) text += "留言：" + written.Text(f::intro::kNote);
      Queue("introduction_request", "introductions/" + written.id, text, written);
    } else if (before->Text(f::intro::kStatus) == "pending" && (status == "accepted" || status == "declined")) {
      std::string text = "【引荐答复】" + employee + (status == "accepted" ? " 接受了 " : " 婉拒了 ") + requester + " 引荐 " +
                         person + "（" + customer + "）的请求。";
      if (!written.IsNull(f::intro::kAnswer)) text += "答复：" + written.Text(f::intro::kAnswer);
      Queue("introduction_answered", "introductions/" + written.id, text, written);
    }
    return;
  }
  if (written.kind == Kind::kTask) {
    const std::string& assignee = written.Text(f::task::kAssignee);
    const bool assigned = !before || before->Text(f::task::kAssignee) != assignee;
    if (!assigned || assignee == actor.user || written.Text(f::task::kStatus) != "open") return;
    std::string text = "【待办】" + UserName(actor.user) + " 指派给 " + UserName(assignee) + "：" + written.Text(f::task::kTitle);
    if (!written.IsNull(f::task::kDue)) text += "（截止 " + written.Text(f::task::kDue) + "）";
    Queue("task_assigned", "tasks/" + written.id, text, written);
  }
}

void WebhookService::Test(const Record& webhook, const Actor& actor) {
  Queue("test", "webhooks/" + webhook.id, "【测试】" + UserName(actor.user) + " 发送的测试消息：BRM 的 webhook「" +
                                              webhook.Text(f::webhook::kName) + "」已连通。",
        webhook, webhook);
}

void WebhookService::Queue(const std::string& event, const std::string& subject, const std::string& text,
                           const Record& data, const std::optional<Record>& only) {
  std::vector<Record> hooks;
  if (only) {
    hooks.push_back(*only);
  } else {
    ListQuery query;
    query.active_on = Today();
    query.equals.emplace_back(f::webhook::kActive, "true");
    query.limit = 1000;
    for (Record& hook : store_.List(Kind::kWebhook, query).items) {
      for (std::string_view taken : ListItems(hook.Text(f::webhook::kEvents))) {
        if (taken == event) {
          hooks.push_back(std::move(hook));
          break;
        }
      }
    }
  }
  if (hooks.empty()) return;
  const int64_t now = Now();
  for (const Record& hook : hooks) {
    const std::string& format = hook.Text(f::webhook::kFormat);
    bj::object body;
    if (format == "json") {
      body = bj::object{{"event", event}, {"subject", subject}, {"text", text}, {"at", Iso(now)},
                        {"data", json::EncodeRecord(data)}};
    } else {  // wecom, dingtalk: the group robots' text message
      body = bj::object{{"msgtype", "text"}, {"text", bj::object{{"content", "BRM " + text}}}};
    }
    DeliveryRow row;
    row.webhook = hook.id;
    row.event = event;
    row.subject = subject;
    row.body = json::Serialize(body);
    row.created = now;
    row.next_at = now;
    store_.AddDelivery(row);
  }
  wake_.notify_all();
}

void WebhookService::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    std::vector<DeliveryRow> due;
    try {
      due = store_.DueDeliveries(Now(), 20);
    } catch (const std::exception&) {  // the store is closing; the next turn tries again
    }
    for (DeliveryRow& delivery : due) {
      {
        std::lock_guard check(mutex_);
        if (stopping_) return;
      }
      std::string url;
      if (auto hook = store_.Get(Kind::kWebhook, delivery.webhook); hook && hook->Bool(f::webhook::kActive) &&
                                                                     ActiveOn(*hook, Today())) {
        url = hook->Text(f::webhook::kUrl);
      }
      const PostResult result = url.empty() ? PostResult{0, "the webhook is switched off or retired"} : poster_(url, delivery.body);
      ++delivery.attempts;
      delivery.last_status = result.status;
      delivery.last_error = result.error;
      if (result.error.empty()) {
        delivery.status = "delivered";
        delivery.delivered = Now();
      } else if (delivery.attempts >= kMaxAttempts || url.empty()) {
        delivery.status = "failed";
      } else {
        delivery.next_at = Now() + static_cast<int64_t>(retry_base_) * kRetryFactors[delivery.attempts - 1];
      }
      try {
        store_.SaveDelivery(delivery);
      } catch (const std::exception&) {
      }
    }
    lock.lock();
    if (stopping_) break;
    wake_.wait_for(lock, std::chrono::seconds(due.size() == 20 ? 0 : 1));
  }
}

}  // namespace brm
