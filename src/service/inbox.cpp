#include "service/inbox.hpp"

#include <algorithm>
#include <set>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "service/access_policy.hpp"

namespace brm {
namespace bj = boost::json;
namespace f = fields;

namespace {

constexpr size_t kEvery = 100000;  // a list read whole

ListQuery Equals(std::vector<std::pair<int, std::string>> equals) {
  ListQuery query;
  query.equals = std::move(equals);
  query.limit = kEvery;
  return query;
}

}  // namespace

std::vector<std::string> InboxService::ReadKeys(const Actor& actor) {
  std::vector<std::string> keys;
  for (const Record& mark : store_.List(Kind::kInboxMark, Equals({{f::mark::kUser, actor.user}})).items) {
    if (mark.IsNull(f::mark::kUntil)) keys.push_back(mark.Text(f::mark::kKey));
  }
  return keys;
}

Result<std::vector<InboxService::Item>> InboxService::Items(const Actor& actor) {
  std::vector<Item> items;
  const Date today = Today();
  // Names of what an item concerns: the recipient of a request learns whom it is about, whoever owns them.
  auto names_of = [&](const Record& record, const std::vector<std::pair<Kind, int>>& refs) {
    bj::object names;
    for (const auto& [kind, field] : refs) {
      if (record.IsNull(field)) continue;
      if (auto found = store_.Get(kind, record.Text(field))) {
        const int name = kind == Kind::kUser ? f::user::kLogin : Spec(kind).Index("name");
        names[record.Text(field)] = found->Text(name);
      }
    }
    return names;
  };
  const auto visible = [&](const Record& record) {
    return engine_.With([&](const engine::Figures& figures) { return Access(actor, figures.graph()).MayRead(record); });
  };
  const auto user_name = [&](const std::string& user) {
    return engine_.With([&](const engine::Figures& figures) {
      const engine::Idx index = figures.graph().ids(Kind::kUser).Find(user);
      return index == engine::kNone ? user : UserName(figures.graph(), index);
    });
  };
  const std::vector<std::pair<Kind, int>> kIntroRefs = {
      {Kind::kPerson, f::intro::kPerson}, {Kind::kPerson, f::intro::kEmployee}, {Kind::kOrganization, f::intro::kCustomer},
      {Kind::kOpportunity, f::intro::kOpportunity}};
  auto introduction = [&](const Record& r, std::string kind, std::string date) {
    Item item{"introduction:" + r.id + ":" + r.Text(f::intro::kStatus), std::move(kind), std::move(date), {}};
    item.fields["introduction"] = json::EncodeRecord(r);
    item.fields["by_name"] = r.IsNull(f::intro::kBy) ? bj::value(nullptr) : bj::value(bj::string(user_name(r.Text(f::intro::kBy))));
    bj::object names = names_of(r, kIntroRefs);
    for (std::string_view via : ListItems(r.Text(f::intro::kVia))) {
      if (auto found = store_.Get(Kind::kPerson, via)) names[std::string(via)] = found->Text(f::person::kName);
    }
    item.fields["names"] = std::move(names);
    return item;
  };
  if (!actor.person.empty()) {
    for (const Record& r : store_.List(Kind::kIntroduction, Equals({{f::intro::kEmployee, actor.person},
                                                                    {f::intro::kStatus, "pending"}})).items) {
      if (visible(r)) items.push_back(introduction(r, "introduction_request", r.Text(f::intro::kDate)));
    }
  }
  if (actor.role != Role::kSystem) {
    const std::string since = FormatDate(AddDays(today, -(kAnswerDays - 1)));
    for (const Record& r : store_.List(Kind::kIntroduction, Equals({{f::intro::kBy, actor.user}})).items) {
      const std::string& status = r.Text(f::intro::kStatus);
      if ((status != "accepted" && status != "declined") || r.Text(f::intro::kAnsweredOn) < since) continue;
      if (visible(r)) items.push_back(introduction(r, "introduction_answered", r.Text(f::intro::kAnsweredOn)));
    }
    for (const Record& task : store_.List(Kind::kTask, Equals({{f::task::kAssignee, actor.user}, {f::task::kStatus, "open"}})).items) {
      if (task.Text(f::task::kBy) == actor.user || !visible(task)) continue;
      Item item{"task:" + task.id, "task_assigned", task.Text(f::task::kDate), {}};
      item.fields["task"] = json::EncodeRecord(task);
      item.fields["by_name"] = user_name(task.Text(f::task::kBy));
      item.fields["names"] = names_of(task, {{Kind::kOrganization, f::task::kCustomer},
                                             {Kind::kOpportunity, f::task::kOpportunity},
                                             {Kind::kPerson, f::task::kPerson}});
      items.push_back(std::move(item));
    }
  }
  if (actor.role == Role::kRep || actor.role == Role::kManager) {
    FigureQuery query;
    query.as_of = today;
    query.scope = "me";
    PageQuery page;
    page.limit = PageQuery::kMaxLimit;
    page.filters = {{"severity", "high"}, {"state", "new"}};
    auto warnings = figures_.WarningsPage(actor, query, page);
    if (!warnings) return warnings.error();
    for (auto& row : warnings->at("items").as_array()) {
      const bj::object& w = row.as_object();
      auto part = [&](const char* name) { return w.at(name).is_null() ? std::string() : std::string(w.at(name).as_string()); };
      Item item{"warning:" + part("kind") + ":" + part("customer") + ":" + part("opportunity") + ":" + part("person"),
                "warning", FormatDate(today), {}};
      item.fields["warning"] = std::move(row);
      items.push_back(std::move(item));
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.date > b.date; });
  return items;
}

Result<bj::object> InboxService::List(const Actor& actor, size_t limit, size_t offset) {
  auto items = Items(actor);
  if (!items) return items.error();
  const std::vector<std::string> read = ReadKeys(actor);
  const std::set<std::string> marked(read.begin(), read.end());
  size_t unread = 0;
  for (const Item& item : *items) unread += marked.count(item.key) ? 0 : 1;
  bj::array rows;
  for (size_t i = offset; i < items->size() && i < offset + limit; ++i) {
    Item& item = (*items)[i];
    bj::object row = std::move(item.fields);
    row["key"] = item.key;
    row["kind"] = item.kind;
    row["date"] = item.date;
    row["read"] = marked.count(item.key) > 0;
    rows.push_back(std::move(row));
  }
  return bj::object{{"unread", unread}, {"total", items->size()}, {"limit", limit}, {"offset", offset},
                    {"items", std::move(rows)}};
}

Result<bj::object> InboxService::MarkRead(const Actor& actor, const std::vector<std::string>& keys, bool all) {
  auto items = Items(actor);
  if (!items) return items.error();
  const std::vector<std::string> read = ReadKeys(actor);
  std::set<std::string> marked(read.begin(), read.end());
  std::vector<EntityService::Change> changes;
  for (const Item& item : *items) {
    if (marked.count(item.key) || (!all && std::find(keys.begin(), keys.end(), item.key) == keys.end())) continue;
    marked.insert(item.key);
    changes.push_back(EntityService::Change{Kind::kInboxMark, "", bj::object{{"user", actor.user}, {"key", item.key}}, "keys"});
  }
  if (!changes.empty()) {
    auto written = entities_.WriteAll(actor, changes);
    if (!written) return written.error();
  }
  return List(actor, 0, 0);
}

}  // namespace brm
