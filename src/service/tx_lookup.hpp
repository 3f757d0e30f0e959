// Lookup (domain/validate.hpp) answered from an open write transaction, with a cache, and optionally
// from records staged in memory first (a bundle being imported, or the record being written).
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/validate.hpp"
#include "store/store.hpp"

namespace brm {

class TxLookup : public Lookup {
 public:
  explicit TxLookup(Transaction& tx) : tx_(tx) {}

  // Makes `record` the answer for its kind and id, ahead of the store. The caller keeps it alive and
  // does not change its id while staged.
  void Stage(const Record& record) { staged_[Index(record.kind)][record.id] = &record; }
  void Unstage(const Record& record) { staged_[Index(record.kind)].erase(record.id); }
  void Reserve(Kind kind, size_t count) { staged_[Index(kind)].reserve(count); }

  const Record* Find(Kind kind, std::string_view id) override {
    const auto& staged = staged_[Index(kind)];
    if (auto it = staged.find(id); it != staged.end()) return it->second;
    auto& cache = cache_[Index(kind)];
    auto it = cache.find(id);
    if (it == cache.end()) {
      std::optional<Record> found = tx_.Find(kind, id);
      it = cache.emplace(std::string(id), std::move(found)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  // Heterogeneous lookup: a string_view finds a std::string key without building one.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  static size_t Index(Kind kind) { return static_cast<size_t>(kind); }

  Transaction& tx_;
  std::array<std::unordered_map<std::string_view, const Record*, Hash, std::equal_to<>>, kKindCount> staged_;
  std::array<std::unordered_map<std::string, std::optional<Record>, Hash, std::equal_to<>>, kKindCount> cache_;
};

}  // namespace brm
