// Engine: the tenant's relationship graph kept in memory and up to date, and the door to its figures.
//
// Threads: safe to share. Figures are read under a shared lock, so any number run at once; a write
// (Apply, Replace, Rebuild, SetThresholds) waits for the figures under way and blocks new ones while it
// runs (a few microseconds for one record). A waiting write goes before figures asked after it, so a
// stream of long figures (a company line takes tens of milliseconds) never starves writers — which wait
// while holding the store's write lock.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>

#include "domain/strategy_config.hpp"
#include "engine/figures.hpp"
#include "engine/graph.hpp"
#include "engine/line_cache.hpp"

namespace brm::engine {

class Engine {
 public:
  Engine() : graph_(std::make_unique<Graph>()), cache_(std::make_unique<LineCache>()) { graph_->stamping = true; }

  // Adds or replaces one record (see Graph::Apply). Call it with each committed write, in commit order.
  void Apply(const Record& record) {
    std::lock_guard gate(gate_);
    std::unique_lock lock(mutex_);
    graph_->Apply(record);
  }
  // Swaps in a graph built elsewhere (at start-up, after a bundle import).
  void Replace(std::unique_ptr<Graph> graph) {
    std::lock_guard gate(gate_);
    std::unique_lock lock(mutex_);
    graph_ = std::move(graph);
    Fresh();
  }
  // Builds a new graph with load() while holding the write lock, so that no write applied meanwhile is
  // lost (writers apply after their commit; load() reads committed data). Figures wait until it ends.
  template <typename Load>
  void Rebuild(Load&& load) {
    std::lock_guard gate(gate_);
    std::unique_lock lock(mutex_);
    graph_ = load();
    Fresh();
  }
  void SetThresholds(const StrategyThresholds& thresholds) {
    std::lock_guard gate(gate_);
    std::unique_lock lock(mutex_);
    thresholds_ = thresholds;
  }
  // Runs read(const Figures&) under the shared lock and returns what it returns. `read` must not call
  // back into the Engine's writers.
  template <typename Read>
  auto With(Read&& read) const {
    { std::lock_guard gate(gate_); }  // a write waiting at the gate goes first
    std::shared_lock lock(mutex_);
    const Figures figures(*graph_, thresholds_, cache_.get());
    return read(figures);
  }

 private:
  // The shared_mutex of glibc lets readers overtake a waiting writer; writers hold `gate_` while they wait
  // and write, and readers pass through it before taking their shared lock.
  // A new graph: its writes are stamped from now on, and nothing cached of the old one stays.
  void Fresh() {
    graph_->stamping = true;
    cache_ = std::make_unique<LineCache>();
  }

  mutable std::mutex gate_;
  mutable std::shared_mutex mutex_;
  std::unique_ptr<Graph> graph_;
  std::unique_ptr<LineCache> cache_;  // keyed by thresholds too, so SetThresholds needs not clear it
  StrategyThresholds thresholds_;
};

}  // namespace brm::engine
