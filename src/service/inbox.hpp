// The inbox (消息): what asks for a user's attention, for every role — introduction requests that ask them,
// the answers to the requests they made (30 days), tasks others assigned to them that are still open, and,
// for reps and managers, the new high-severity warnings of their own customers. Each item has a key; the
// user marks items read (inbox-marks, their own records), and the unread count is of the items without one.
// Derived on each call from the store and the engine, so that an item leaves the inbox when what it is
// about is done (a request answered, a task closed, a warning decided about).
//
// Threads: safe to share, like the services it reads through.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "service/actor.hpp"
#include "service/entities.hpp"
#include "service/figures.hpp"
#include "store/store.hpp"

namespace brm {

class InboxService {
 public:
  static constexpr int kAnswerDays = 30;  // answers to one's requests stay this long

  InboxService(Store& store, engine::Engine& engine, EntityService& entities, FiguresService& figures)
      : store_(store), engine_(engine), entities_(entities), figures_(figures) {}

  // {"unread", "total", "limit", "offset", "items": [{"key", "kind", "date", "read", …}]}, newest first
  // (kinds: introduction_request, introduction_answered, task_assigned, warning).
  Result<boost::json::object> List(const Actor& actor, size_t limit, size_t offset);
  // Marks the items with these keys read (or every item of the inbox with `all`); keys already marked or
  // not in the inbox are left alone (kInvalid naming "keys" for a key that is not a string). Answers the
  // new unread count.
  Result<boost::json::object> MarkRead(const Actor& actor, const std::vector<std::string>& keys, bool all);

 private:
  struct Item {
    std::string key, kind, date;
    boost::json::object fields;
  };
  Result<std::vector<Item>> Items(const Actor& actor);
  std::vector<std::string> ReadKeys(const Actor& actor);

  Store& store_;
  engine::Engine& engine_;
  EntityService& entities_;
  FiguresService& figures_;
};

}  // namespace brm
