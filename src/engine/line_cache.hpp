// LineCache: the customer line kept between requests (issue 11). A line is asked again and again with the
// same perspective, target and day — every page of the customer list, every dashboard — while the data
// changes a record at a time. The cache keeps, per (scope, toward, day, thresholds), each customer's part
// of the line with the write stamp it was computed at (Graph::touches), and the assembled line:
// - a customer's part is computed again only when a write since may have changed it
//   (Graph::TouchedAt: a write stamps the organizations its record concerns, before and after it);
// - the line is assembled again only when some part or the list of customers changed.
// So the same line at the same data version costs a lookup, and after a rating write only that
// customer's part is computed again. Figures whose parts reach across customers (the influence line, the
// warnings) are kept whole until the next write (LineCache::Whole); what depends on one customer and no scope
// (its influence ranks on a day) is kept until a write may have changed it (LineCache::OfCustomer). Figures
// stay exactly those computed afresh (the property test in tests/engine/line_cache_test.cpp compares them
// after random writes).
//
// Threads: entries are found under the cache's mutex and filled under their own, so two requests for the
// same line compute it once; requests for different lines run side by side. The engine's shared lock is
// held throughout (writes wait), and Engine::Replace and Rebuild start an empty cache.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "domain/strategy_config.hpp"
#include "engine/figures.hpp"

namespace brm::engine {

struct CustomerLine;

// One customer's share of a line: its metrics when active on the day, and its degrees at each of the
// line's three days.
struct CustomerPart {
  uint64_t computed_at = 0;  // Graph::touches when computed
  bool valid = false;
  bool active = false;       // the customer is active on the day: `metrics` holds its figures
  CustomerMetrics metrics;
  std::array<Degrees, 3> degrees{};  // now, a month ago, a year ago
};

class LineCache {
 public:
  struct Key {
    Scope scope;
    Idx toward = kOurs;
    Date day;
    StrategyThresholds thresholds;
    bool operator==(const Key&) const = default;
  };
  struct Entry {
    explicit Entry(Key k) : key(std::move(k)) {}
    const Key key;
    std::mutex mutex;                              // held while the entry is brought up to date
    std::vector<Idx> customers;                    // the customers of the scope when last asked
    std::vector<CustomerPart> parts;               // theirs, in the same order
    std::shared_ptr<const CustomerLine> line;      // the assembled line, or null
  };

  // Whole results kept until the next write (any write: what they read reaches across customers): the
  // influence line and the warnings of a perspective. `what` names the figure; `users` is the
  // perspective's users where the figure reads them.
  struct WholeKey {
    std::string what;
    Scope scope;
    Idx toward = kOurs;
    Date day;
    StrategyThresholds thresholds;
    std::vector<Idx> users;
    bool operator==(const WholeKey&) const = default;
  };
  // The result kept for `key` at write stamp `touches`; `compute()` makes it when missing (Keep).
  template <typename T, typename Compute>
  std::shared_ptr<const T> Whole(const WholeKey& key, uint64_t touches, Compute&& compute) {
    if (!key.scope.comparable()) return std::make_shared<const T>(compute());
    return Keep<T>(wholes_, kMaxWholes, key, [&](uint64_t stamp) { return stamp == touches; }, touches,
                   std::forward<Compute>(compute));
  }

  // A result that depends on one customer and on no scope: kept while no write since `touched`
  // (Graph::TouchedAt(customer)) may have changed it; `touches` is the write count it is computed at.
  // The customer page reads its influence ranks at three days for each answer (influence_centres.hpp).
  struct CustomerKey {
    Idx customer = kNone;
    Date day;
    std::string what;
    bool operator==(const CustomerKey&) const = default;
  };
  template <typename T, typename Compute>
  std::shared_ptr<const T> OfCustomer(const CustomerKey& key, uint64_t touched, uint64_t touches, Compute&& compute) {
    return Keep<T>(customer_results_, kMaxCustomerResults, key, [&](uint64_t stamp) { return stamp >= touched; },
                   touches, std::forward<Compute>(compute));
  }

  // The entry of `key`, made empty when new; the least recently used of kMaxEntries goes.
  std::shared_ptr<Entry> Find(const Key& key) {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if ((*it)->key == key) {
        entries_.splice(entries_.begin(), entries_, it);
        return entries_.front();
      }
    }
    entries_.push_front(std::make_shared<Entry>(key));
    if (entries_.size() > kMaxEntries) entries_.pop_back();
    return entries_.front();
  }

 private:
  // A company line of the large demo tenant holds 10,000 customers' parts: about 6 MB an entry; a rep's
  // line, the parts of the rep's customers.
  static constexpr size_t kMaxEntries = 12;
  // The warnings of the large demo company's executive take about 60 MB.
  static constexpr size_t kMaxWholes = 6;
  // Three days of a few dozen customers' pages (a large customer's ranks take about 24 bytes a person).
  static constexpr size_t kMaxCustomerResults = 96;
  // A result kept with the write stamp it was computed at.
  template <typename K>
  struct Kept {
    K key;
    uint64_t stamp = 0;
    std::shared_ptr<const void> value;
  };
  // The result kept in `list` for `key` if `fresh(its stamp)`; otherwise `compute()` makes it (outside the
  // mutex: two requests at once may both compute it, and the last one is kept) and it is kept at `stamp`,
  // the least recently used beyond `limit` dropped.
  template <typename T, typename K, typename Fresh, typename Compute>
  std::shared_ptr<const T> Keep(std::list<Kept<K>>& list, size_t limit, const K& key, Fresh&& fresh, uint64_t stamp,
                                Compute&& compute) {
    {
      std::lock_guard lock(mutex_);
      for (auto it = list.begin(); it != list.end(); ++it) {
        if (it->key == key && fresh(it->stamp)) {
          list.splice(list.begin(), list, it);
          return std::static_pointer_cast<const T>(list.front().value);
        }
      }
    }
    auto value = std::make_shared<const T>(compute());
    std::lock_guard lock(mutex_);
    list.remove_if([&](const Kept<K>& kept) { return kept.key == key; });
    list.push_front(Kept<K>{key, stamp, value});
    if (list.size() > limit) list.pop_back();
    return value;
  }

  std::mutex mutex_;
  std::list<std::shared_ptr<Entry>> entries_;       // most recently used first
  std::list<Kept<WholeKey>> wholes_;                // most recently used first
  std::list<Kept<CustomerKey>> customer_results_;  // most recently used first
};

}  // namespace brm::engine
