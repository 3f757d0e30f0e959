#include "demo/world.hpp"

#include <algorithm>
#include <cmath>

#include "domain/schema.hpp"

namespace brm::demo {
namespace {

// Dates from this many days before the end are formatted once and then copied.
constexpr int32_t kCachedDays = 8000;

}  // namespace

World::World(const DemoConfig& config_in, const Progress& progress)
    : config(config_in),
      plan(DemoPlanFor(config_in.scale)),
      start(AddMonths(config_in.end, -24).days),
      end(config_in.end.days),
      progress_(progress) {
  for (int k = 0; k < kKindCount; ++k) prototypes_[k] = BlankRecord(static_cast<Kind>(k));
  const size_t persons = plan.employees + plan.competitors * plan.competitor_staff_max + plan.key_persons;
  person_width_ = std::max(6, Digits(persons));
  person_ids.reserve(persons);
  day_base_ = end - kCachedDays;
  day_cache_.resize(static_cast<size_t>(kCachedDays) + 1);
}

Record& World::Add(Kind kind, std::string id) {
  auto& items = bundle.of(kind);
  items.push_back(BundleItem{prototypes_[static_cast<size_t>(kind)], nullptr});
  Record& record = items.back().record;
  record.id = std::move(id);
  return record;
}

uint32_t World::NewPerson() {
  person_ids.push_back(Numbered("p-", person_ids.size() + 1, person_width_));
  return static_cast<uint32_t>(person_ids.size() - 1);
}

const std::string& World::Day(int32_t day) {
  if (day < day_base_ || day > end) {
    day_scratch_ = FormatDate(Date{day});
    return day_scratch_;
  }
  std::string& text = day_cache_[static_cast<size_t>(day - day_base_)];
  if (text.empty()) text = FormatDate(Date{day});
  return text;
}

void World::Report(std::string_view what, size_t done, size_t total) const {
  if (progress_) progress_(what, done, total);
}

void Put(Record& record, int field, std::string_view text) { record.values[field] = std::string(text); }

void PutNumber(Record& record, int field, double number) { record.values[field] = number; }

void PutFlag(Record& record, int field, bool flag) { record.values[field] = flag; }

void PutSpan(World& world, Record& record, Span span) {
  const EntitySpec& spec = Spec(record.kind);
  if (span.from != kNoDay && spec.since >= 0) Put(record, spec.since, world.Day(span.from));
  if (span.to != kForever && spec.until >= 0) Put(record, spec.until, world.Day(span.to));
}

int Digits(size_t n) {
  int digits = 1;
  while (n >= 10) {
    n /= 10;
    ++digits;
  }
  return digits;
}

std::string Numbered(std::string_view prefix, size_t number, int width) {
  std::string digits = std::to_string(number);
  std::string out(prefix);
  if (static_cast<int>(digits.size()) < width) out.append(static_cast<size_t>(width) - digits.size(), '0');
  out += digits;
  return out;
}

void NumberIds(World& world, Kind kind, std::string_view prefix, int min_width) {
  auto& items = world.bundle.of(kind);
  const int width = std::max(min_width, Digits(items.size()));
  for (size_t i = 0; i < items.size(); ++i) items[i].record.id = Numbered(prefix, i + 1, width);
}

std::vector<uint32_t> Apportion(uint64_t total, const std::vector<double>& weights, Rng& rng) {
  std::vector<uint32_t> shares(weights.size(), 0);
  double sum = 0;
  std::vector<uint32_t> order;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    sum += weights[i];
    order.push_back(static_cast<uint32_t>(i));
  }
  if (order.empty()) return shares;
  uint64_t given = 0;
  for (uint32_t i : order) {
    shares[i] = static_cast<uint32_t>(std::floor(static_cast<double>(total) * weights[i] / sum));
    given += shares[i];
  }
  rng.Shuffle(order);
  // Floating-point rounding may overshoot by a unit or two; take those back before handing out the rest.
  for (size_t at = 0; given > total; ++at) {
    uint32_t& share = shares[order[at % order.size()]];
    if (share > 0) {
      --share;
      --given;
    }
  }
  for (size_t at = 0; given < total; ++at, ++given) ++shares[order[at % order.size()]];
  return shares;
}

void SpreadDays(Rng& rng, int32_t first, int32_t last, size_t count, std::vector<int32_t>& out) {
  out.clear();
  if (count == 0 || last < first) return;
  const int64_t length = static_cast<int64_t>(last) - first + 1;
  const int64_t n = static_cast<int64_t>(count);
  for (int64_t j = 0; j < n; ++j) {
    const int64_t lo = first + length * j / n;
    const int64_t hi = std::max(lo, first + length * (j + 1) / n - 1);
    out.push_back(static_cast<int32_t>(rng.Between(lo, hi)));
  }
}

void SortFacts(std::vector<FactDraft>& facts) {
  std::sort(facts.begin(), facts.end(),
            [](const FactDraft& a, const FactDraft& b) { return a.day != b.day ? a.day < b.day : a.seq < b.seq; });
}

}  // namespace brm::demo
