// Ratings: the plan's exact number, split over customer-level ratings toward us (most), toward the
// competitors present at the customer, and project-level ratings of chain members. Each person is
// observed several times, the values drawn around the customer's trajectory.
#include <algorithm>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

// The first and last day a person can be rated within the history, or first > last.
std::pair<int32_t, int32_t> Window(const World& w, Span span) {
  return {std::max(w.start, span.from), std::min(w.end, span.to == kForever ? w.end : span.to - 1)};
}

// A person of a well mapped customer who is there on the last day: fully profiled as of the end.
bool MappedOnLastDay(const World& w, const KeyPerson& kp) {
  return w.customers[kp.customer].mapped && kp.rated && kp.span.Contains(w.end);
}

double Years(int32_t first, int32_t last) { return last < first ? 0 : (last - first + 1) / 730.0; }

double Importance(uint8_t importance) {
  static constexpr double kFactor[] = {1.5, 1.0, 0.7, 0.8};  // high medium low unknown
  return kFactor[importance];
}

// Splits a person's budget of rating records into observations of 1 (closeness), 2 or 3 dimensions.
void Observations(Rng& rng, uint32_t budget, std::vector<uint8_t>& sizes) {
  sizes.clear();
  while (budget > 0) {
    uint8_t size = budget >= 3 && !rng.Chance(0.15) ? 3 : budget >= 2 && rng.Chance(0.5) ? 2 : 1;
    sizes.push_back(size);
    budget -= size;
  }
}

// The competitors' standing moves against ours: when we fall, they rise.
double RivalMean(const World& w, const CustomerDraft& c, size_t competitor, int dim, int32_t day) {
  static constexpr double kDim[] = {0.0, 0.1, -0.1};
  const double ours = TargetMean(c.trajectory, 0, day, w.start, w.end);
  return c.rival + 0.15 * static_cast<double>(competitor % 3) - 0.5 * (ours - 0.3) + kDim[dim];
}

struct Rater {
  World& w;
  Rng& rng;
  std::vector<FactDraft>& facts;
  std::vector<uint8_t> sizes;
  std::vector<int32_t> days;

  void Push(int32_t day, uint32_t key, int32_t opp, int dim, uint8_t value, uint8_t toward) {
    FactDraft fact;
    fact.day = day;
    fact.seq = static_cast<uint32_t>(facts.size());
    fact.key = key;
    fact.opportunity = opp;
    fact.a = static_cast<uint8_t>(dim);
    fact.b = value;
    fact.c = toward;
    facts.push_back(fact);
  }

  // `sure`: always a known value (the latest observation of a well mapped customer's person).
  uint8_t Value(const KeyPerson& kp, int dim, double mean, bool sure = false) {
    if (!sure && (dim == kp.blind || rng.Chance(0.03))) return kUnknownAttitude;
    return AttitudeIndex(DrawAttitude(rng, mean, 0.45));
  }

  // Customer level toward us (toward = 0) or a competitor (toward = 1 + competitor). A person of a well
  // mapped customer who is there on the last day ends toward us with a full observation (all three
  // dimensions known) in the last weeks: BuildRatings reserves three ratings for it.
  void CustomerLevel(uint32_t key, uint32_t budget, uint8_t toward) {
    const KeyPerson& kp = w.key_persons[key];
    const CustomerDraft& c = w.customers[kp.customer];
    const auto [first, last] = Window(w, kp.span);
    const bool full = toward == 0 && MappedOnLastDay(w, kp) && budget >= 3;
    Observations(rng, full ? budget - 3 : budget, sizes);
    if (full) sizes.push_back(3);
    SpreadDays(rng, first, last, sizes.size(), days);
    // A falling customer is noticed: its people were all re-rated in the last weeks. So are the people
    // of a well mapped customer, a little less recently.
    const int32_t recent = c.trajectory.trend == Trend::kDrop ? 25 : full ? 60 : -1;
    if (toward == 0 && recent >= 0 && last >= w.end - recent && !days.empty()) {
      days.back() = static_cast<int32_t>(rng.Between(std::max(first, w.end - recent), last));
      std::sort(days.begin(), days.end());
    }
    const double dims[3] = {0, rng.Uniform(-0.25, 0.25), rng.Uniform(-0.25, 0.25)};
    for (size_t e = 0; e < sizes.size(); ++e) {
      const bool sure = full && e + 1 == sizes.size();
      for (int dim = 0; dim < sizes[e]; ++dim) {
        const double mean = toward == 0 ? TargetMean(c.trajectory, dim, days[e], w.start, w.end)
                                        : RivalMean(w, c, toward - 1u, dim, days[e]);
        Push(days[e], key, -1, dim, Value(kp, dim, mean + kp.bias + dims[dim], sure), toward);
      }
    }
  }

  // Project level for one chain member: the customer-level attitude moved by how the project goes.
  void ProjectLevel(uint32_t member, uint32_t budget) {
    const Member& m = w.members[member];
    const OpportunityDraft& d = w.opportunities[m.opportunity];
    const KeyPerson& kp = w.key_persons[m.key];
    const CustomerDraft& c = w.customers[kp.customer];
    const auto [first, last] = ProjectWindow(member);
    Observations(rng, budget, sizes);
    SpreadDays(rng, first, last, sizes.size(), days);
    const double length = std::max(1, d.LastDay(w.end) - d.opened);
    for (size_t e = 0; e < sizes.size(); ++e) {
      const double project = d.mood + d.drift * (days[e] - d.opened) / length;
      uint8_t toward = 0;
      if (c.competitors && rng.Chance(0.15)) {
        do toward = static_cast<uint8_t>(1 + rng.Below(w.competitor_ids.size()));
        while (!(c.competitors >> (toward - 1) & 1));
      }
      for (int dim = 0; dim < sizes[e]; ++dim) {
        const double mean = toward == 0 ? TargetMean(c.trajectory, dim, days[e], w.start, w.end) + kp.bias + project
                                        : RivalMean(w, c, toward - 1u, dim, days[e]) - 0.5 * project;
        Push(days[e], m.key, static_cast<int32_t>(m.opportunity), dim, Value(kp, dim, mean), toward);
      }
    }
  }

  std::pair<int32_t, int32_t> ProjectWindow(uint32_t member) const {
    const Member& m = w.members[member];
    const OpportunityDraft& d = w.opportunities[m.opportunity];
    const Span span{std::max(m.span.from, d.opened), std::min(m.span.to, w.key_persons[m.key].span.to)};
    const auto [first, last] = Window(w, span);
    return {first, std::min(last, d.LastDay(w.end))};
  }
};

void Materialize(World& w, std::vector<FactDraft>& facts) {
  static constexpr std::string_view kDimensions[] = {"closeness", "solution", "price"};
  static constexpr std::string_view kAttitudes[] = {"strong_support", "support",       "neutral",
                                                    "oppose",         "strong_oppose", "unknown"};
  SortFacts(facts);
  auto& items = w.bundle.of(Kind::kRating);
  items.reserve(facts.size());
  const int width = std::max(7, Digits(facts.size()));
  const auto& opportunities = w.bundle.of(Kind::kOpportunity);
  for (size_t i = 0; i < facts.size(); ++i) {
    const FactDraft& fact = facts[i];
    const KeyPerson& kp = w.key_persons[fact.key];
    Record& r = w.Add(Kind::kRating, Numbered("r-", i + 1, width));
    Put(r, f::rating::kPerson, w.person_ids[kp.person]);
    Put(r, f::rating::kDimension, kDimensions[fact.a]);
    Put(r, f::rating::kValue, kAttitudes[fact.b]);
    if (fact.c > 0) Put(r, f::rating::kToward, w.competitor_ids[fact.c - 1u]);
    if (fact.opportunity >= 0) {
      Put(r, f::rating::kOpportunity, opportunities[static_cast<size_t>(fact.opportunity)].record.id);
    }
    Put(r, f::rating::kDate, w.Day(fact.day));
    Put(r, f::rating::kBy, w.users[w.customers[kp.customer].owner].id);
    if ((i + 1) % 100000 == 0 || i + 1 == facts.size()) w.Report("ratings", i + 1, facts.size());
  }
}

}  // namespace

void BuildRatings(World& w) {
  Rng rng = Rng::Stream(w.config.seed, "ratings");
  std::vector<FactDraft> facts;
  facts.reserve(w.plan.ratings);
  Rater rater{w, rng, facts, {}, {}};
  const uint64_t total = w.plan.ratings;
  uint64_t rival_total = total * 8 / 100, project_total = total * 20 / 100;

  // Who is observed how often: longer presence, higher importance, focus and moving customers more.
  std::vector<double> ours(w.key_persons.size(), 0);
  std::vector<std::pair<uint32_t, uint8_t>> rival_pairs;
  std::vector<double> rival;
  for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
    const KeyPerson& kp = w.key_persons[k];
    const CustomerDraft& c = w.customers[kp.customer];
    const auto [first, last] = Window(w, kp.span);
    if (!kp.rated || last < first) continue;
    const bool moving = c.trajectory.trend == Trend::kImprove || c.trajectory.trend == Trend::kDrop;
    ours[k] = Years(first, last) * Importance(kp.importance) * (c.focus ? 1.3 : 1.0) * (moving ? 1.3 : 1.0);
    for (size_t comp = 0; comp < w.competitor_ids.size(); ++comp) {
      if ((c.competitors >> comp & 1) && rng.Chance(0.35)) {
        rival_pairs.emplace_back(k, static_cast<uint8_t>(1 + comp));
        rival.push_back(Years(first, last));
      }
    }
  }
  std::vector<double> project(w.members.size(), 0);
  for (uint32_t m = 0; m < w.members.size(); ++m) {
    const auto [first, last] = rater.ProjectWindow(m);
    const OpportunityDraft& d = w.opportunities[w.members[m].opportunity];
    // Un-insighted persons stay unrated in the chains too.
    if (!w.key_persons[w.members[m].key].rated) continue;
    project[m] = Years(first, last) * (d.focus ? 1.5 : 1.0) * (d.status == 0 ? 1.2 : 1.0);
  }
  // Budgets nobody can take (no competitors, no chains) go to the customer level, so the total holds.
  const auto positive = [](const std::vector<double>& v) {
    return std::any_of(v.begin(), v.end(), [](double x) { return x > 0; });
  };
  if (!positive(rival)) rival_total = 0;
  if (!positive(project)) project_total = 0;
  // Three ratings of each well mapped person's last observation are set aside before the split.
  uint64_t reserved = 0;
  for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
    if (ours[k] > 0 && MappedOnLastDay(w, w.key_persons[k])) reserved += 3;
  }
  const uint64_t ours_total = total - rival_total - project_total;
  if (reserved > ours_total) reserved = 0;
  std::vector<uint32_t> ours_budget = Apportion(ours_total - reserved, ours, rng);
  if (reserved > 0) {
    for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
      if (ours[k] > 0 && MappedOnLastDay(w, w.key_persons[k])) ours_budget[k] += 3;
    }
  }
  const std::vector<uint32_t> rival_budget = Apportion(rival_total, rival, rng);
  const std::vector<uint32_t> project_budget = Apportion(project_total, project, rng);

  for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
    if (ours_budget[k]) rater.CustomerLevel(k, ours_budget[k], 0);
  }
  for (size_t p = 0; p < rival_pairs.size(); ++p) {
    if (rival_budget[p]) rater.CustomerLevel(rival_pairs[p].first, rival_budget[p], rival_pairs[p].second);
  }
  for (uint32_t m = 0; m < w.members.size(); ++m) {
    if (project_budget[m]) rater.ProjectLevel(m, project_budget[m]);
  }
  Materialize(w, facts);
}

}  // namespace brm::demo
