// Influence links (相識): inside each customer, from our employees to key persons (reps most, but every
// department knows someone), and from competitors' staff. On a well mapped customer every key person is
// known by someone on the last day.
#include <algorithm>
#include <unordered_set>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

struct Linker {
  World& w;
  Rng& rng;
  std::unordered_set<uint64_t> seen;
  std::vector<uint8_t> known_at_end;  // by person index: some link to the person holds on the last day

  // strong, medium, weak in proportion to the first two (the rest is weak).
  uint8_t Strength(double strong, double medium) {
    const double r = rng.Unit();
    return r < strong ? 0 : r < strong + medium ? 1 : 2;
  }

  // When the link holds: a since date on some links (always when either person came later), until when
  // either person left, and a few links that ended on their own. False when no sensible interval exists.
  bool Interval(Span a, Span b, Span& out) {
    const int32_t from = std::max(a.from, b.from), to = std::min(a.to, b.to);
    out = Span{kNoDay, to};
    if (from > w.start || rng.Chance(0.4)) {
      const int32_t lo = std::max(from, w.start - 700), hi = std::min(to - 1, w.end);
      if (lo > hi) return false;
      out.from = static_cast<int32_t>(rng.Between(lo, hi));
    }
    if (rng.Chance(0.04)) {
      const int32_t lo = std::max(out.from == kNoDay ? w.start : out.from, w.start) + 30;
      const int32_t hi = std::min(w.end, to - 1);
      if (lo <= hi) out.to = static_cast<int32_t>(rng.Between(lo, hi));
    }
    return out.from == kNoDay || out.to == kForever || out.from < out.to;
  }

  // Adds the link unless the pair is already linked. Returns whether it was added.
  bool Add(uint32_t from, uint32_t to, uint8_t strength, Span span) {
    if (from == to || !seen.insert(static_cast<uint64_t>(from) << 32 | to).second) return false;
    static constexpr std::string_view kStrengths[] = {"strong", "medium", "weak"};
    Record& r = w.Add(Kind::kInfluence, {});
    Put(r, f::influence::kFrom, w.person_ids[from]);
    Put(r, f::influence::kTo, w.person_ids[to]);
    Put(r, f::influence::kStrength, kStrengths[strength]);
    if (rng.Chance(0.25)) Put(r, f::influence::kNote, LinkNote(rng));
    PutSpan(w, r, span);
    if (span.Contains(w.end)) known_at_end[to] = 1;
    return true;
  }

  // A link that holds from some day on (or always) through the last day, between two persons active on
  // the last day. False when they cannot be linked so, or are already linked.
  bool AddLasting(uint32_t from, Span a, uint32_t to, Span b, uint8_t strength, Span& span) {
    if (!a.Contains(w.end) || !b.Contains(w.end)) return false;
    const int32_t since = std::max(a.from, b.from);
    span = Span{kNoDay, kForever};
    if (since > w.start || rng.Chance(0.4)) {
      span.from = static_cast<int32_t>(rng.Between(std::max(since, w.start - 700), w.end));
    }
    return Add(from, to, strength, span);
  }

  // Makes someone know key person `key` on the last day: a colleague or the customer's owner.
  void EnsureKnown(const CustomerDraft& c, uint32_t key) {
    const KeyPerson& kp = w.key_persons[key];
    Span span;
    const auto owner = [&] {
      const uint32_t e = w.users[c.owner].employee;
      const uint8_t strength = Strength(0.3, 0.5);
      if (!AddLasting(w.employees[e].person, w.employees[e].span, kp.person, kp.span, strength, span)) return false;
      w.ours_links.push_back(OursLink{e, key, strength, span});
      return true;
    };
    const auto colleague = [&] {
      // Mostly a senior colleague (the first few are the top person and the heads), else anyone.
      const uint32_t seniors = std::min<uint32_t>(c.key_count, 7);
      for (uint32_t tries = 0; tries < 2 * c.key_count; ++tries) {
        const uint64_t pick = tries < 6 ? rng.Below(seniors) : rng.Below(c.key_count);
        const uint32_t from = c.first_key + static_cast<uint32_t>(pick);
        if (from == key) continue;
        const KeyPerson& x = w.key_persons[from];
        if (AddLasting(x.person, x.span, kp.person, kp.span, Strength(0.3, 0.45), span)) return true;
      }
      return false;
    };
    if (rng.Chance(0.5)) {
      if (!colleague()) owner();
    } else if (!owner()) {
      colleague();
    }
  }

  void Ours(uint32_t employee, uint32_t key, uint8_t strength) {
    const Employee& e = w.employees[employee];
    const KeyPerson& kp = w.key_persons[key];
    Span span;
    if (!Interval(e.span, kp.span, span)) return;
    if (Add(e.person, kp.person, strength, span)) w.ours_links.push_back(OursLink{employee, key, strength, span});
  }
};

bool Senior(const KeyPerson& kp) { return kp.rank != Rank::kMember; }

// Whether an employee of `unit` would plausibly know a key person of unit `theirs`.
bool Counterpart(OursUnit unit, const KeyPerson& kp) {
  switch (unit) {
    case OursUnit::kPresales:
    case OursUnit::kResearch:
    case OursUnit::kService:
    case OursUnit::kDelivery: return kp.unit == Unit::kIt || kp.unit == Unit::kItSub;
    case OursUnit::kFinance: return kp.unit == Unit::kFinance || kp.unit == Unit::kProcurement;
    case OursUnit::kMarketing: return kp.unit == Unit::kBusiness || kp.unit == Unit::kOperations;
    case OursUnit::kExecutive: return Senior(kp);
    default: return true;
  }
}

void InternalLinks(Linker& l, const CustomerDraft& c) {
  if (c.key_count < 3) return;
  const size_t attempts = (c.key_count + 1) / 2;
  const size_t seniors = std::min<size_t>(c.key_count, 7);
  for (size_t a = 0; a < attempts; ++a) {
    const uint32_t from =
        c.first_key + static_cast<uint32_t>(l.rng.Chance(0.6) ? l.rng.Below(seniors) : l.rng.Below(c.key_count));
    const uint32_t to = c.first_key + static_cast<uint32_t>(l.rng.Below(c.key_count));
    const KeyPerson& x = l.w.key_persons[from];
    const KeyPerson& y = l.w.key_persons[to];
    Span span;
    if (from != to && l.Interval(x.span, y.span, span)) l.Add(x.person, y.person, l.Strength(0.3, 0.45), span);
  }
}

void CompetitorLinks(Linker& l, const CustomerDraft& c) {
  const bool strong = c.trajectory.trend == Trend::kPoor || c.trajectory.trend == Trend::kDrop;
  for (size_t k = 0; k < l.w.competitor_staff.size(); ++k) {
    if (!(c.competitors >> k & 1)) continue;
    const auto& staff = l.w.competitor_staff[k];
    const size_t count = (c.key_count * (strong ? 22 : 12) + 50) / 100;
    for (size_t a = 0; a < count; ++a) {
      const uint32_t from = l.rng.Pick(staff);
      const KeyPerson& to = l.w.key_persons[c.first_key + l.rng.Below(c.key_count)];
      Span span;
      if (l.Interval(Span{}, to.span, span)) {
        l.Add(from, to.person, strong ? l.Strength(0.4, 0.4) : l.Strength(0.2, 0.45), span);
      }
    }
  }
}

}  // namespace

void BuildLinks(World& w) {
  Rng rng = Rng::Stream(w.config.seed, "links");
  Linker l{w, rng, {}, std::vector<uint8_t>(w.person_ids.size(), 0)};
  l.seen.reserve(w.plan.key_persons * 2);
  w.bundle.of(Kind::kInfluence).reserve(w.plan.key_persons * 3 / 2);
  w.ours_links.reserve(w.plan.key_persons);

  for (const CustomerDraft& c : w.customers) InternalLinks(l, c);

  std::vector<std::vector<uint32_t>> owned(w.users.size());
  for (size_t i = 0; i < w.customers.size(); ++i) owned[w.customers[i].owner].push_back(static_cast<uint32_t>(i));
  std::array<size_t, kRegionCount> managers_in_region{};
  for (const UserDraft& u : w.users) {
    if (u.role == Role::kManager) ++managers_in_region[static_cast<size_t>(u.region)];
  }
  for (size_t u = 0; u < w.users.size(); ++u) {
    const UserDraft& user = w.users[u];
    if (user.role == Role::kRep) {
      // A rep knows a good part of each of their own customers, the senior people most.
      for (uint32_t ci : owned[u]) {
        const CustomerDraft& c = w.customers[ci];
        for (uint32_t k = c.first_key; k < c.first_key + c.key_count; ++k) {
          if (rng.Chance(Senior(w.key_persons[k]) ? 0.55 : 0.3)) l.Ours(user.employee, k, l.Strength(0.3, 0.5));
        }
      }
    } else if (user.role == Role::kManager || user.role == Role::kExecutive) {
      const bool ceo = user.role == Role::kExecutive;
      const double share = ceo ? 0.05 : 0.3 / static_cast<double>(managers_in_region[static_cast<size_t>(user.region)]);
      for (const CustomerDraft& c : w.customers) {
        if (!ceo && c.region != user.region) continue;
        if (!rng.Chance(ceo && c.focus ? 0.6 : share)) continue;
        const uint32_t k = c.first_key + static_cast<uint32_t>(rng.Chance(0.7) ? 0 : rng.Below(c.key_count));
        l.Ours(user.employee, k, l.Strength(0.45, 0.4));
      }
    }
  }
  // Everyone else knows a few people at some customer, mostly their professional counterparts.
  for (uint32_t e = 0; e < w.employees.size(); ++e) {
    const Employee& emp = w.employees[e];
    if (emp.role == Role::kRep || emp.role == Role::kManager || emp.role == Role::kExecutive) continue;
    if (rng.Chance(0.3)) continue;
    const auto count = rng.Between(1, emp.unit == OursUnit::kSales ? 3 : 5);
    for (int64_t a = 0; a < count; ++a) {
      const CustomerDraft& c = w.customers[rng.Below(w.customers.size())];
      uint32_t pick = c.first_key + static_cast<uint32_t>(rng.Below(c.key_count));
      for (int tries = 0; tries < 8 && !Counterpart(emp.unit, w.key_persons[pick]); ++tries) {
        pick = c.first_key + static_cast<uint32_t>(rng.Below(c.key_count));
      }
      l.Ours(e, pick, l.Strength(0.15, 0.4));
    }
  }

  for (const CustomerDraft& c : w.customers) CompetitorLinks(l, c);

  // On a well mapped customer everyone active on the last day is known by someone (the acquaintance
  // feature): add a link from a colleague or the owner where none holds.
  for (const CustomerDraft& c : w.customers) {
    if (!c.mapped) continue;
    for (uint32_t k = c.first_key; k < c.first_key + c.key_count; ++k) {
      const KeyPerson& kp = w.key_persons[k];
      if (kp.span.Contains(w.end) && !l.known_at_end[kp.person]) l.EnsureKnown(c, k);
    }
  }

  // Group our links by key person for the later stages (coaches, influence uses).
  std::stable_sort(w.ours_links.begin(), w.ours_links.end(),
                   [](const OursLink& a, const OursLink& b) { return a.key < b.key; });
  w.link_offsets.assign(w.key_persons.size() + 1, 0);
  for (const OursLink& link : w.ours_links) ++w.link_offsets[link.key + 1];
  for (size_t k = 0; k < w.key_persons.size(); ++k) w.link_offsets[k + 1] += w.link_offsets[k];
  const size_t total = w.bundle.of(Kind::kInfluence).size();
  w.Report("influence", total, total);
}

}  // namespace brm::demo
