// LineCache: the customer line kept between requests (issue 11). A line is asked again and again with the
// same perspective, target and day — every page of the customer list, every dashboard — while the data
// changes a record at a time. The cache keeps, per (scope, toward, day, thresholds), each customer's part
// of the line with the write stamp it was computed at (Graph::touches), and the assembled line:
// - a customer's part is computed again only when a write since may have changed it
//   (Graph::TouchedAt: a write stamps the organizations its record concerns, before and after it);
// - the line is assembled again only when some part or the list of customers changed.
// So the same line at the same data version costs a lookup, and after a rating write only that
// customer's part is computed again. Figures stay exactly those of Lines::Customers (the property test
// in tests/engine/line_cache_test.cpp compares them after random writes).
//
// Threads: entries are found under the cache's mutex and filled under their own, so two requests for the
// same line compute it once; requests for different lines run side by side. The engine's shared lock is
// held throughout (writes wait), and Engine::Replace and Rebuild start an empty cache.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
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
    std::vector<CustomerPart> parts;               // by organization index
    std::vector<Idx> customers;                    // the customers the assembled line covers
    std::shared_ptr<const CustomerLine> line;      // the assembled line, or null
  };

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
  // A company line of the large demo tenant holds 10,000 customers' parts: about 6 MB an entry.
  static constexpr size_t kMaxEntries = 12;
  std::mutex mutex_;
  std::list<std::shared_ptr<Entry>> entries_;  // most recently used first
};

}  // namespace brm::engine
