// Opportunities spread over the 24 months, won or lost according to how the customer felt about us at
// the close, each with a decision chain drawn from the customer's key persons.
#include <algorithm>
#include <cmath>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

enum Status : uint8_t { kOpen, kWon, kLost, kAbandoned };  // vocab::kOpportunityStatus order
enum Type : uint8_t { kNew, kPhase, kUpgrade, kMaintenance };

struct OppPlan {
  OpportunityDraft draft;
  uint32_t index = 0;  // creation order, to break ties of the opening day
  std::string_view subject;
  uint8_t type = kNew, stage = 0;
  double amount = 0, probability = 0;
};

double Amount(Rng& rng, uint8_t type) {
  double amount = 0;
  if (type == kMaintenance) {
    amount = rng.Uniform(2e5, 2e6);
  } else {
    const double r = rng.Unit();
    amount = r < 0.45 ? rng.Uniform(2e5, 1e6) : r < 0.85 ? rng.Uniform(1e6, 5e6) : rng.Uniform(5e6, 2e7);
  }
  return std::floor(amount / 1e4 + 0.5) * 1e4;
}

// A customer drawn by weight whose history leaves room for an opportunity; `first` is its first day.
uint32_t PickCustomer(World& w, Rng& rng, const std::vector<double>& cumulative, int32_t& first) {
  uint32_t customer = 0;
  do {
    const double at = rng.Unit() * cumulative.back();
    customer = static_cast<uint32_t>(std::upper_bound(cumulative.begin(), cumulative.end(), at) - cumulative.begin());
    customer = std::min<uint32_t>(customer, static_cast<uint32_t>(cumulative.size() - 1));
    first = std::max(w.start, w.customers[customer].span.from + 14);
  } while (first > w.end - 7);
  return customer;
}

// What follows from the timing: type, amount, focus, the project-level mood and drift, the subject.
void DrawTerms(Rng& rng, OppPlan& p) {
  OpportunityDraft& d = p.draft;
  if (d.status == kWon) p.probability = 1;
  static constexpr double kTypes[] = {45, 20, 20, 15};
  p.type = static_cast<uint8_t>(rng.Weighted(std::span(kTypes)));
  p.amount = Amount(rng, p.type);
  d.focus = rng.Chance(p.amount >= 5e6 ? 0.5 : 0.15);
  d.mood = static_cast<float>(rng.Uniform(-0.6, 0.4));
  d.drift = static_cast<float>(d.status == kWon    ? rng.Uniform(0.4, 1.2)
                               : d.status == kLost ? -rng.Uniform(0.2, 0.9)
                               : d.status == kOpen ? rng.Uniform(-0.4, 0.8)
                                                   : -rng.Uniform(0.0, 0.5));
  p.subject = ProjectSubject(rng);
}

void DrawOpenProbability(Rng& rng, OppPlan& p, double mood) {
  static constexpr double kBase[] = {0.2, 0.35, 0.5, 0.7};
  const double x = std::clamp(kBase[p.stage] + 0.1 * mood + rng.Uniform(-0.15, 0.15), 0.05, 0.95);
  p.probability = std::floor(x * 20 + 0.5) / 20;
}

// The large scale: opportunities at random over the customers, closed when their duration ends in time.
OppPlan DrawOpportunity(World& w, Rng& rng, const std::vector<double>& cumulative) {
  OppPlan p;
  OpportunityDraft& d = p.draft;
  int32_t first = 0;
  d.customer = PickCustomer(w, rng, cumulative, first);
  const CustomerDraft& c = w.customers[d.customer];
  d.opened = static_cast<int32_t>(rng.Between(first, w.end - 7));
  const double u = rng.Unit();
  const int32_t duration = 45 + static_cast<int32_t>(400 * (0.5 * u + 0.5 * u * u));
  const double mood = TargetMean(c.trajectory, 0, std::min(w.end, d.opened + duration), w.start, w.end);
  if (d.opened + duration <= w.end) {
    d.closed = d.opened + duration;
    if (rng.Chance(0.05)) {
      d.status = kAbandoned;
      p.stage = static_cast<uint8_t>(rng.Below(2));
    } else {
      d.status = rng.Chance(std::clamp(0.45 + 0.25 * mood, 0.1, 0.85)) ? kWon : kLost;
      p.stage = d.status == kWon ? 4 : static_cast<uint8_t>(rng.Between(2, 3));
    }
  } else {
    p.stage = static_cast<uint8_t>(std::min<int32_t>(3, (w.end - d.opened) * 4 / duration));
    DrawOpenProbability(rng, p, mood);
  }
  DrawTerms(rng, p);
  return p;
}

// The normal scale: a closed project of `customer` on its rhythm (SPEC.md §8.2).
OppPlan DrawClosedProject(World& w, Rng& rng, uint32_t customer, bool may_abandon) {
  OppPlan p;
  OpportunityDraft& d = p.draft;
  d.customer = customer;
  const CustomerDraft& c = w.customers[customer];
  PlanClosedTimeline(w, rng, d, std::max(w.start, c.span.from + 14));
  const double mood = TargetMean(c.trajectory, 0, d.closed, w.start, w.end);
  if (may_abandon && rng.Chance(0.3)) {
    d.status = kAbandoned;
    p.stage = static_cast<uint8_t>(rng.Below(2));
  } else {
    d.status = rng.Chance(std::clamp(0.45 + 0.25 * mood, 0.1, 0.85)) ? kWon : kLost;
    p.stage = d.status == kWon ? 4 : static_cast<uint8_t>(rng.Between(2, 3));
  }
  CloseTimeline(w, rng, d);
  DrawTerms(rng, p);
  return p;
}

// The normal scale: an open project part-way through its customer's milestones.
OppPlan DrawOpenProject(World& w, Rng& rng, const std::vector<double>& cumulative) {
  OppPlan p;
  OpportunityDraft& d = p.draft;
  int32_t first = 0;
  d.customer = PickCustomer(w, rng, cumulative, first);
  const CustomerDraft& c = w.customers[d.customer];
  PlanOpenTimeline(w, rng, d, first);
  const size_t m = ModelSize(c);
  p.stage = static_cast<uint8_t>(std::min<size_t>(3, (d.reached - 1) * 4 / (m - 1)));
  DrawOpenProbability(rng, p, TargetMean(c.trajectory, 0, w.end, w.start, w.end));
  DrawTerms(rng, p);
  return p;
}

// Normal scale: every customer gets closed_min to closed_max closed projects (at most one abandoned, so
// that at least two count for its history), the rest of the plan are open projects.
std::vector<OppPlan> DrawHistoryPlans(World& w, Rng& rng, const std::vector<double>& cumulative) {
  const size_t n = w.plan.opportunities;
  std::vector<uint32_t> quota(w.customers.size());
  size_t total = 0;
  for (uint32_t& q : quota) total += q = static_cast<uint32_t>(rng.Between(w.plan.closed_min, w.plan.closed_max));
  while (total > n - n / 10) {
    uint32_t& q = quota[rng.Below(quota.size())];
    if (q > w.plan.closed_min) --q, --total;
  }
  std::vector<OppPlan> plans;
  for (uint32_t customer = 0; customer < quota.size(); ++customer) {
    for (uint32_t k = 0; k < quota[customer]; ++k) {
      plans.push_back(DrawClosedProject(w, rng, customer, k == 0 && quota[customer] >= 3));
    }
  }
  while (plans.size() < n) plans.push_back(DrawOpenProject(w, rng, cumulative));
  return plans;
}

enum DecisionRole : uint8_t {
  kDecisionMaker,
  kApprover,
  kTechnical,
  kBusiness,
  kUser,
  kProcurement,
  kInfluencer,
  kCoach,
  kGatekeeper,
  kOther,
};

bool Fits(const World& w, uint32_t key, DecisionRole role) {
  const KeyPerson& kp = w.key_persons[key];
  switch (role) {
    case kDecisionMaker: return kp.rank == Rank::kTop;
    case kApprover: return kp.rank == Rank::kDeputy || (kp.rank == Rank::kHead && kp.unit == Unit::kFinance);
    case kTechnical: return kp.unit == Unit::kIt || kp.unit == Unit::kItSub;
    case kBusiness: return kp.unit == Unit::kBusiness || kp.unit == Unit::kOperations;
    case kUser: return kp.rank == Rank::kMember && kp.unit != Unit::kExecutive;
    case kProcurement: return kp.unit == Unit::kProcurement;
    case kCoach:
      for (uint32_t l = w.link_offsets[key]; l < w.link_offsets[key + 1]; ++l) {
        if (w.ours_links[l].strength < 2) return true;
      }
      return false;
    case kGatekeeper:
      return kp.unit == Unit::kLegal || kp.unit == Unit::kAudit ||
             (kp.unit == Unit::kExecutive && kp.rank == Rank::kMember);
    default: return true;
  }
}

// veto and approve (yes, no, unknown as 0, 1, 2) of a member in `role`.
std::pair<uint8_t, uint8_t> Votes(Rng& rng, DecisionRole role) {
  auto draw = [&rng](double yes, double no) -> uint8_t {
    const double r = rng.Unit();
    return r < yes ? 0 : r < yes + no ? 1 : 2;
  };
  switch (role) {
    case kDecisionMaker: return {draw(0.55, 0.15), draw(0.6, 0.1)};
    case kApprover: return {draw(0.25, 0.45), draw(0.65, 0.1)};
    case kTechnical: return {draw(0.2, 0.5), draw(0.05, 0.65)};
    default: return {draw(0.05, 0.6), draw(0.02, 0.6)};
  }
}

void AddChain(World& w, Rng& rng, uint32_t opp, const std::string& opp_id) {
  static constexpr std::string_view kRoles[] = {
      "decision_maker", "approver",    "technical_evaluator", "business_evaluator",
      "user",           "procurement", "influencer",          "coach",
      "gatekeeper",     "other"};
  static constexpr std::string_view kYesNo[] = {"yes", "no", "unknown"};
  OpportunityDraft& d = w.opportunities[opp];
  const CustomerDraft& c = w.customers[d.customer];
  const int32_t last = d.LastDay(w.end);
  std::vector<uint32_t> candidates;
  for (uint32_t k = c.first_key; k < c.first_key + c.key_count; ++k) {
    const Span s = w.key_persons[k].span;
    if (s.from <= last && s.to > d.opened) candidates.push_back(k);
  }
  const size_t size = std::min<size_t>(candidates.size(), static_cast<size_t>(rng.Between(3, 8)));
  // Most chains name the decision maker and approver; some are left incomplete on purpose.
  std::vector<DecisionRole> wanted;
  const bool blind = rng.Chance(0.15);
  if (!blind && rng.Chance(0.9)) wanted.push_back(kDecisionMaker);
  if (!blind && rng.Chance(0.75)) wanted.push_back(kApprover);
  if (rng.Chance(0.85)) wanted.push_back(kTechnical);
  if (rng.Chance(0.65)) wanted.push_back(kBusiness);
  if (rng.Chance(0.7)) wanted.push_back(kProcurement);
  if (rng.Chance(0.45)) wanted.push_back(kCoach);
  static constexpr DecisionRole kFill[] = {kUser, kInfluencer, kGatekeeper, kOther, kUser, kInfluencer};
  d.first_member = static_cast<uint32_t>(w.members.size());
  std::vector<uint32_t> fits;
  for (size_t r = 0; d.member_count < size && r < wanted.size() + 40; ++r) {
    const DecisionRole role = r < wanted.size() ? wanted[r] : kFill[rng.Below(std::size(kFill))];
    fits.clear();
    for (uint32_t k : candidates) {
      if (Fits(w, k, role)) fits.push_back(k);
    }
    // Without a deputy or a finance head, some other department head signs off.
    if (fits.empty() && (role == kDecisionMaker || role == kApprover)) {
      for (uint32_t k : candidates) {
        if (w.key_persons[k].rank != Rank::kMember) fits.push_back(k);
      }
    }
    if (fits.empty()) continue;
    const uint32_t key = fits[rng.Below(fits.size())];
    candidates.erase(std::find(candidates.begin(), candidates.end(), key));
    const KeyPerson& kp = w.key_persons[key];
    Span span{std::max(d.opened, kp.span.from), kp.span.to <= last ? kp.span.to : kForever};
    if (span.from < last && rng.Chance(0.1)) {
      span.from = static_cast<int32_t>(rng.Between(span.from, std::min(last, span.from + 120)));
    }
    if (span.from < last && rng.Chance(0.04)) {
      span.to = std::min(span.to, static_cast<int32_t>(rng.Between(span.from + 1, last)));
    }
    if (span.to != kForever && span.to <= span.from) continue;
    const auto [veto, approve] = Votes(rng, role);
    Record& rec = w.Add(Kind::kChainMember, {});
    Put(rec, f::chain::kOpportunity, opp_id);
    Put(rec, f::chain::kPerson, w.person_ids[kp.person]);
    Put(rec, f::chain::kRole, kRoles[role]);
    Put(rec, f::chain::kVeto, kYesNo[veto]);
    Put(rec, f::chain::kApprove, kYesNo[approve]);
    PutSpan(w, rec, span);
    w.members.push_back(Member{opp, key, span});
    ++d.member_count;
  }
}

}  // namespace

void BuildOpportunities(World& w) {
  static constexpr std::string_view kStatus[] = {"open", "won", "lost", "abandoned"};
  static constexpr std::string_view kTypes[] = {"new", "phase", "upgrade", "maintenance"};
  Rng rng = Rng::Stream(w.config.seed, "opportunities");
  const size_t n = w.plan.opportunities;
  std::vector<double> cumulative;
  double sum = 0;
  for (const CustomerDraft& c : w.customers) {
    sum += c.key_count * (c.focus ? 1.5 : 1.0) * (c.fresh ? 0.4 : 1.0);
    cumulative.push_back(sum);
  }
  std::vector<OppPlan> plans;
  if (w.plan.closed_max > 0) {
    plans = DrawHistoryPlans(w, rng, cumulative);
  } else {
    plans.reserve(n);
    for (size_t i = 0; i < n; ++i) plans.push_back(DrawOpportunity(w, rng, cumulative));
  }
  for (size_t i = 0; i < n; ++i) plans[i].index = static_cast<uint32_t>(i);
  // Ids follow the opening date, as they would in a real system.
  std::sort(plans.begin(), plans.end(), [](const OppPlan& a, const OppPlan& b) {
    return a.draft.opened != b.draft.opened ? a.draft.opened < b.draft.opened : a.index < b.index;
  });

  const int width = std::max(4, Digits(n));
  w.opportunities.reserve(n);
  w.members.reserve(n * 6);
  w.bundle.of(Kind::kOpportunity).reserve(n);
  w.bundle.of(Kind::kChainMember).reserve(n * 6);
  for (size_t i = 0; i < n; ++i) {
    const OppPlan& p = plans[i];
    const CustomerDraft& c = w.customers[p.draft.customer];
    const std::string id = Numbered("opp-", i + 1, width);
    std::string name = c.short_name + std::string(p.subject);
    if (p.type == kPhase) name += "二期";
    if (p.type == kMaintenance) name += "运维服务";
    name += "项目";
    Record& r = w.Add(Kind::kOpportunity, id);
    Put(r, f::opp::kCustomer, c.id);
    Put(r, f::opp::kName, name);
    Put(r, f::opp::kOwner, w.users[c.owner].id);
    PutNumber(r, f::opp::kAmount, p.amount);
    Put(r, f::opp::kCurrency, "CNY");
    Put(r, f::opp::kStage, StageWord(p.stage));
    Put(r, f::opp::kStatus, kStatus[p.draft.status]);
    Put(r, f::opp::kType, kTypes[p.type]);
    Put(r, f::opp::kOpened, w.Day(p.draft.opened));
    if (p.draft.closed != kForever) Put(r, f::opp::kClosed, w.Day(p.draft.closed));
    PutNumber(r, f::opp::kWinProbability, p.probability);
    PutFlag(r, f::opp::kFocus, p.draft.focus);
    w.opportunities.push_back(p.draft);
    AddChain(w, rng, static_cast<uint32_t>(i), id);
    if ((i + 1) % 10000 == 0 || i + 1 == n) w.Report("opportunities", i + 1, n);
  }

  // Memberships per key person, for activities and project-level ratings.
  w.member_offsets.assign(w.key_persons.size() + 1, 0);
  for (const Member& m : w.members) ++w.member_offsets[m.key + 1];
  for (size_t k = 0; k < w.key_persons.size(); ++k) w.member_offsets[k + 1] += w.member_offsets[k];
  w.member_index.resize(w.members.size());
  std::vector<uint32_t> fill(w.member_offsets.begin(), w.member_offsets.end() - 1);
  for (uint32_t m = 0; m < w.members.size(); ++m) w.member_index[fill[w.members[m].key]++] = m;
}

}  // namespace brm::demo
