// The other dated facts: the two votes of key persons, activities with them, and influence uses (an
// employee's acquaintance put to work in an opportunity). Each kind comes out in date order.
#include <algorithm>
#include <cmath>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

std::pair<int32_t, int32_t> Window(const World& w, Span span) {
  return {std::max(w.start, span.from), std::min(w.end, span.to == kForever ? w.end : span.to - 1)};
}

FactDraft Fact(std::vector<FactDraft>& facts, int32_t day, uint32_t key) {
  FactDraft fact;
  fact.day = day;
  fact.seq = static_cast<uint32_t>(facts.size());
  fact.key = key;
  return fact;
}

// The final stance (yes, no, unknown as 0, 1, 2) of a person on a vote kind (0 veto, 1 approve);
// `known`: yes or no (the people of a well mapped customer).
uint8_t Stance(Rng& rng, Rank rank, int kind, bool known) {
  static constexpr double kVeto[][2] = {{0.45, 0.4}, {0.45, 0.4}, {0.3, 0.55}, {0.05, 0.8}};  // by Rank
  static constexpr double kApprove[][2] = {{0.7, 0.15}, {0.25, 0.6}, {0.4, 0.45}, {0.03, 0.82}};
  const auto& p = (kind == 0 ? kVeto : kApprove)[static_cast<size_t>(rank)];
  const double r = rng.Unit() * (known ? p[0] + p[1] : 1.0);
  return r < p[0] ? 0 : r < p[0] + p[1] ? 1 : 2;
}

const std::string& By(World& w, uint32_t key) { return w.users[w.customers[w.key_persons[key].customer].owner].id; }

}  // namespace

void BuildVotes(World& w) {
  static constexpr std::string_view kKinds[] = {"veto", "approve"};
  static constexpr std::string_view kValues[] = {"yes", "no", "unknown"};
  Rng rng = Rng::Stream(w.config.seed, "votes");
  std::vector<FactDraft> facts;
  facts.reserve(w.key_persons.size() * 3);
  std::vector<int32_t> days;
  for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
    const KeyPerson& kp = w.key_persons[k];
    const auto [first, last] = Window(w, kp.span);
    if (!kp.voted || last < first) continue;
    for (uint8_t kind = 0; kind < 2; ++kind) {
      // Sometimes the stance was first recorded as unknown or differently, and settled later.
      const size_t events = rng.Chance(0.3) ? 2 : 1;
      SpreadDays(rng, first, last, events, days);
      const uint8_t stance = Stance(rng, kp.rank, kind, w.customers[kp.customer].mapped);
      for (size_t e = 0; e < days.size(); ++e) {
        FactDraft fact = Fact(facts, days[e], k);
        fact.a = kind;
        fact.b = e + 1 < days.size() ? static_cast<uint8_t>(rng.Chance(0.5) ? 2 : (stance + 1) % 2) : stance;
        facts.push_back(fact);
      }
    }
  }
  SortFacts(facts);
  auto& items = w.bundle.of(Kind::kVote);
  items.reserve(facts.size());
  const int width = std::max(6, Digits(facts.size()));
  for (size_t i = 0; i < facts.size(); ++i) {
    Record& r = w.Add(Kind::kVote, Numbered("v-", i + 1, width));
    Put(r, f::vote::kPerson, w.person_ids[w.key_persons[facts[i].key].person]);
    Put(r, f::vote::kKind, kKinds[facts[i].a]);
    Put(r, f::vote::kValue, kValues[facts[i].b]);
    Put(r, f::vote::kDate, w.Day(facts[i].day));
    Put(r, f::vote::kBy, By(w, facts[i].key));
  }
  w.Report("votes", facts.size(), facts.size());
}

void BuildActivities(World& w) {
  static constexpr std::string_view kKinds[] = {"visit", "meeting", "call", "message", "meal", "event", "other"};
  static constexpr double kKindWeights[] = {25, 20, 25, 15, 8, 5, 2};
  static constexpr double kImportance[] = {1.6, 1.0, 0.6, 0.7};  // high medium low unknown
  Rng rng = Rng::Stream(w.config.seed, "activities");
  std::vector<FactDraft> facts;
  facts.reserve(static_cast<size_t>(w.plan.activities_per_person * static_cast<double>(w.key_persons.size()) * 1.1));
  std::vector<uint32_t> open;
  for (uint32_t k = 0; k < w.key_persons.size(); ++k) {
    const KeyPerson& kp = w.key_persons[k];
    const CustomerDraft& c = w.customers[kp.customer];
    auto [first, last] = Window(w, kp.span);
    if (last < first) continue;
    const double mean = w.plan.activities_per_person * kImportance[kp.importance] * (c.focus ? 1.4 : 0.9) *
                        (c.fresh ? 0.6 : 1.0) * (last - first + 1) / (w.end - w.start + 1);
    const auto count = static_cast<int64_t>(std::floor(mean * rng.Uniform(0.2, 1.8) + rng.Unit()));
    for (int64_t a = 0; a < count; ++a) {
      int32_t day_last = last;
      // A falling customer was neglected: most contact stopped months before the end.
      if (c.trajectory.trend == Trend::kDrop && rng.Chance(0.7)) day_last = std::max(first, w.end - 110);
      double u = rng.Unit();
      if (c.trajectory.trend == Trend::kImprove) u = std::sqrt(u);  // more and more contact
      const int32_t day = std::min(day_last, first + static_cast<int32_t>(u * (day_last - first + 1)));
      FactDraft fact = Fact(facts, day, k);
      fact.a = static_cast<uint8_t>(rng.Weighted(std::span(kKindWeights)));
      fact.b = static_cast<uint8_t>(rng.Below(kActivityNoteCount));
      const double who = rng.Unit();
      fact.other = c.owner;
      if (who > 0.85 && who <= 0.92) fact.other = w.region_manager[static_cast<size_t>(c.region)];
      if (who > 0.92 && !w.staff_users.empty()) fact.other = rng.Pick(w.staff_users);
      open.clear();
      for (uint32_t i = w.member_offsets[k]; i < w.member_offsets[k + 1]; ++i) {
        const Member& m = w.members[w.member_index[i]];
        const OpportunityDraft& d = w.opportunities[m.opportunity];
        if (d.opened <= day && day <= d.LastDay(w.end) && m.span.Contains(day)) open.push_back(m.opportunity);
      }
      if (!open.empty() && rng.Chance(0.6)) fact.opportunity = static_cast<int32_t>(rng.Pick(open));
      facts.push_back(fact);
    }
  }
  SortFacts(facts);
  auto& items = w.bundle.of(Kind::kActivity);
  items.reserve(facts.size());
  const int width = std::max(7, Digits(facts.size()));
  const auto& opportunities = w.bundle.of(Kind::kOpportunity);
  for (size_t i = 0; i < facts.size(); ++i) {
    const FactDraft& fact = facts[i];
    Record& r = w.Add(Kind::kActivity, Numbered("a-", i + 1, width));
    Put(r, f::activity::kPerson, w.person_ids[w.key_persons[fact.key].person]);
    if (fact.opportunity >= 0) {
      Put(r, f::activity::kOpportunity, opportunities[static_cast<size_t>(fact.opportunity)].record.id);
    }
    Put(r, f::activity::kKind, kKinds[fact.a]);
    Put(r, f::activity::kDate, w.Day(fact.day));
    Put(r, f::activity::kBy, w.users[fact.other].id);
    Put(r, f::activity::kNote, ActivityNote(fact.a, fact.b));
    if ((i + 1) % 100000 == 0 || i + 1 == facts.size()) w.Report("activities", i + 1, facts.size());
  }
}

void BuildInfluenceUses(World& w) {
  static constexpr double kChance[] = {0.35, 0.75, 0.25, 0.1};  // open won lost abandoned
  Rng rng = Rng::Stream(w.config.seed, "influence_uses");
  std::vector<FactDraft> facts;
  facts.reserve(w.opportunities.size());
  std::vector<uint32_t> linked;
  for (uint32_t o = 0; o < w.opportunities.size(); ++o) {
    const OpportunityDraft& d = w.opportunities[o];
    if (!rng.Chance(kChance[d.status])) continue;
    linked.clear();
    for (uint32_t m = d.first_member; m < d.first_member + d.member_count; ++m) {
      const uint32_t key = w.members[m].key;
      if (w.link_offsets[key + 1] > w.link_offsets[key]) linked.push_back(m);
    }
    if (linked.empty()) continue;
    const auto uses = rng.Between(1, 3);
    for (int64_t u = 0; u < uses; ++u) {
      const Member& m = w.members[rng.Pick(linked)];
      const uint32_t first_link = w.link_offsets[m.key];
      const OursLink& link = w.ours_links[first_link + rng.Below(w.link_offsets[m.key + 1] - first_link)];
      const Span person = w.key_persons[m.key].span, employee = w.employees[link.employee].span;
      // Every party must be there on the day: the opportunity, the membership, the link and both persons.
      const int32_t lo = std::max({w.start, d.opened, m.span.from, link.span.from, person.from, employee.from});
      const int32_t hi =
          std::min({w.end, d.LastDay(w.end), m.span.to - 1, link.span.to - 1, person.to - 1, employee.to - 1});
      if (lo > hi) continue;
      FactDraft fact = Fact(facts, static_cast<int32_t>(rng.Between(lo, hi)), m.key);
      fact.opportunity = static_cast<int32_t>(o);
      fact.other = link.employee;
      fact.b = static_cast<uint8_t>(rng.Below(kUseNoteCount));
      facts.push_back(fact);
    }
  }
  SortFacts(facts);
  auto& items = w.bundle.of(Kind::kInfluenceUse);
  items.reserve(facts.size());
  const int width = std::max(5, Digits(facts.size()));
  const auto& opportunities = w.bundle.of(Kind::kOpportunity);
  for (size_t i = 0; i < facts.size(); ++i) {
    const FactDraft& fact = facts[i];
    Record& r = w.Add(Kind::kInfluenceUse, Numbered("iu-", i + 1, width));
    Put(r, f::use::kOpportunity, opportunities[static_cast<size_t>(fact.opportunity)].record.id);
    Put(r, f::use::kEmployee, w.person_ids[w.employees[fact.other].person]);
    Put(r, f::use::kPerson, w.person_ids[w.key_persons[fact.key].person]);
    Put(r, f::use::kDate, w.Day(fact.day));
    Put(r, f::use::kNote, UseNote(fact.b));
  }
  w.Report("influence_uses", facts.size(), facts.size());
}

}  // namespace brm::demo
