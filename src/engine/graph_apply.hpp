// Helpers shared by the files that apply records to the Graph (graph.cpp, graph_project_history.cpp).
// Internal to the engine.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "domain/record.hpp"
#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/graph.hpp"

namespace brm::engine::apply {

inline uint8_t WordIndex(vocab::Words words, std::string_view word, uint8_t fallback) {
  auto it = std::find(words.begin(), words.end(), word);
  return it == words.end() ? fallback : static_cast<uint8_t>(it - words.begin());
}

inline Interval Life(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  Interval life;
  if (spec.since >= 0) life.since = record.DateAt(spec.since).value_or(kMinDate);
  if (spec.until >= 0) life.until = record.DateAt(spec.until).value_or(kMaxDate);
  return life;
}

template <typename T>
T& Slot(std::vector<T>& table, Idx index) {
  if (index >= table.size()) table.resize(index + 1);
  return table[index];
}

// Makes room for `index` unless it is kNone (a null reference).
template <typename T>
void Ensure(std::vector<T>& table, Idx index) {
  if (index != kNone && index >= table.size()) table.resize(index + 1);
}

inline void Erase(std::vector<Idx>& list, Idx value) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it != list.end()) list.erase(it);
}

// Moves `item` from the list of `from` to the list of `to` (either may be kNone).
template <typename T>
void Relink(std::vector<T>& table, std::vector<Idx> T::*list, Idx from, Idx to, Idx item) {
  if (from == to) {
    if (to != kNone && std::find((table[to].*list).begin(), (table[to].*list).end(), item) == (table[to].*list).end()) {
      (table[to].*list).push_back(item);
    }
    return;
  }
  if (from != kNone) Erase(table[from].*list, item);
  if (to != kNone) (Slot(table, to).*list).push_back(item);
}

}  // namespace brm::engine::apply
