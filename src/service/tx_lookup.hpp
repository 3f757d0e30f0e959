// Lookup (domain/validate.hpp) answered from an open write transaction, with a cache, and optionally
// from records staged in memory first (a bundle being imported, or the record being written).
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "domain/validate.hpp"
#include "store/store.hpp"

namespace brm {

class TxLookup : public Lookup {
 public:
  explicit TxLookup(Transaction& tx) : tx_(tx) {}

  // Makes `record` the answer for its kind and id, ahead of the store (the caller keeps it alive).
  void Stage(const Record& record) { staged_[Key(record.kind, record.id)] = &record; }
  void Unstage(const Record& record) { staged_.erase(Key(record.kind, record.id)); }

  const Record* Find(Kind kind, std::string_view id) override {
    const std::string key = Key(kind, id);
    if (auto it = staged_.find(key); it != staged_.end()) return it->second;
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, tx_.Find(kind, id)).first;
    return it->second ? &*it->second : nullptr;
  }

  // Forgets cached store answers (after the transaction wrote records the cache may hold stale).
  void Forget(Kind kind, std::string_view id) { cache_.erase(Key(kind, id)); }

 private:
  static std::string Key(Kind kind, std::string_view id) {
    std::string key(1, static_cast<char>('a' + static_cast<int>(kind)));
    key.append(id);
    return key;
  }

  Transaction& tx_;
  std::unordered_map<std::string, const Record*> staged_;
  std::unordered_map<std::string, std::optional<Record>> cache_;
};

}  // namespace brm
