// How each customer buys: government, state-owned or private, each with its own milestone models and
// its own rhythm (days between consecutive milestones), and the timelines of projects drawn on it.
#include <algorithm>
#include <cmath>

#include "demo/history.hpp"

namespace brm::demo {
namespace {

constexpr ModelKind kInitiation{"initiation", "立项", 0, 0};
constexpr ModelKind kBudget{"budget_approval", "预算审批", 25, 60};
constexpr ModelKind kTender{"tender_notice", "招标公告", 15, 40};
constexpr ModelKind kBid{"bid_submission", "投标", 20, 30};
constexpr ModelKind kEvaluation{"evaluation", "评标", 1, 5};
constexpr ModelKind kAward{"award_notice", "中标公示", 3, 10};
constexpr ModelKind kContract{"contract", "签约", 10, 30};
// Custom kinds, each with its Chinese name.
constexpr ModelKind kExpert{"expert_review", "专家论证", 10, 25};
constexpr ModelKind kIntention{"intention_notice", "采购意向公开", 20, 35};
constexpr ModelKind kGroup{"group_approval", "集团审批", 15, 35};
constexpr ModelKind kPoc{"poc", "试点验证", 20, 45};
constexpr ModelKind kProposal{"bid_submission", "方案提交", 15, 30};
constexpr ModelKind kReview{"evaluation", "方案评审", 3, 10};
constexpr ModelKind kNegotiation{"business_negotiation", "商务谈判", 7, 21};

constexpr DemoModel kModels[kModelCount] = {
    {Pattern::kGovernment, true, 7, {kInitiation, kBudget, kTender, kBid, kEvaluation, kAward, kContract}},
    {Pattern::kGovernment, false, 8, {kInitiation, kBudget, kExpert, kTender, kBid, kEvaluation, kAward, kContract}},
    {Pattern::kGovernment, false, 8, {kInitiation, kBudget, kIntention, kTender, kBid, kEvaluation, kAward, kContract}},
    {Pattern::kStateOwned, false, 7, {kInitiation, kGroup, kTender, kBid, kEvaluation, kAward, kContract}},
    {Pattern::kStateOwned, false, 8, {kInitiation, kBudget, kGroup, kTender, kBid, kEvaluation, kAward, kContract}},
    {Pattern::kPrivate, false, 4, {kInitiation, kProposal, kNegotiation, kContract}},
    {Pattern::kPrivate, false, 6, {kInitiation, kPoc, kProposal, kReview, kNegotiation, kContract}},
};

// Industries (names.cpp order): 金融 制造 能源 医疗 教育 政府 零售 交通 电信.
Pattern DrawPattern(Rng& rng, int industry) {
  static constexpr double kWeights[kIndustryCount][3] = {
      {0, 5, 5}, {0, 2, 8}, {1, 8, 1}, {8, 1, 1}, {8, 1, 1}, {10, 0, 0}, {0, 1, 9}, {2, 8, 0}, {0, 9, 1},
  };
  return static_cast<Pattern>(rng.Weighted(std::span(kWeights[industry], 3)));
}

uint8_t DrawModel(Rng& rng, Pattern pattern) {
  switch (pattern) {
    case Pattern::kGovernment: return static_cast<uint8_t>(rng.Chance(0.4) ? 0 : rng.Between(1, 2));
    case Pattern::kStateOwned: return static_cast<uint8_t>(rng.Chance(0.6) ? 3 : 4);
    default: return static_cast<uint8_t>(rng.Chance(0.5) ? 5 : 6);
  }
}

// Day offsets of the model's kinds from the first one, on the customer's rhythm times `pace`, with a
// day of noise per step.
std::array<int32_t, kMaxMilestones> Offsets(Rng& rng, const CustomerDraft& c, double pace) {
  std::array<int32_t, kMaxMilestones> at{};
  for (size_t i = 1; i < ModelSize(c); ++i) {
    const auto step =
        static_cast<int32_t>(std::lround(c.rhythm[i - 1] * pace)) + static_cast<int32_t>(rng.Between(-1, 1));
    at[i] = at[i - 1] + std::max(0, step);
  }
  return at;
}

}  // namespace

const DemoModel& Model(size_t index) { return kModels[index]; }

int KindIndex(const DemoModel& model, std::string_view kind) {
  for (uint8_t i = 0; i < model.size; ++i) {
    if (model.kinds[i].kind == kind) return i;
  }
  return -1;
}

size_t ModelSize(const CustomerDraft& customer) { return kModels[customer.model].size; }

void DrawPatterns(World& w) {
  Rng rng = Rng::Stream(w.config.seed, "patterns");
  for (CustomerDraft& c : w.customers) {
    c.pattern = DrawPattern(rng, c.industry);
    c.model = DrawModel(rng, c.pattern);
    const DemoModel& model = kModels[c.model];
    const double pace = c.pattern == Pattern::kPrivate ? 0.8 : c.pattern == Pattern::kGovernment ? 1.15 : 1.0;
    for (size_t i = 1; i < model.size; ++i) {
      const double days = static_cast<double>(rng.Between(model.kinds[i].lo, model.kinds[i].hi)) * pace;
      c.rhythm[i - 1] = static_cast<uint8_t>(std::clamp(std::lround(days), 0L, 255L));
    }
  }
}

void PlanClosedTimeline(const World& w, Rng& rng, OpportunityDraft& d, int32_t first) {
  const CustomerDraft& c = w.customers[d.customer];
  const size_t m = ModelSize(c);
  std::array<int32_t, kMaxMilestones> at = Offsets(rng, c, rng.Uniform(0.93, 1.07));
  const int32_t room = w.end - 7 - first;
  if (at[m - 1] > room) {  // a customer won late in the history: a quicker project
    for (size_t i = 0; i < m; ++i) at[i] = static_cast<int32_t>(static_cast<int64_t>(at[i]) * room / at[m - 1]);
  }
  d.opened = static_cast<int32_t>(rng.Between(first, w.end - 7 - at[m - 1]));
  for (size_t i = 0; i < m; ++i) d.milestones[i] = d.opened + at[i];
  d.reached = static_cast<uint8_t>(m);
  d.closed = d.milestones[m - 1];
}

void CloseTimeline(const World& w, Rng& rng, OpportunityDraft& d) {
  const size_t m = ModelSize(w.customers[d.customer]);
  if (d.status == 2) {  // lost: the award went to another vendor, no contract of ours
    d.reached = static_cast<uint8_t>(m - 1);
    d.closed = d.milestones[m - 2] + static_cast<int32_t>(rng.Between(0, 3));
  } else if (d.status == 3) {  // abandoned half-way
    d.reached = static_cast<uint8_t>(rng.Between(1, static_cast<int64_t>(m) - 2));
    d.closed = d.milestones[d.reached - 1] + static_cast<int32_t>(rng.Between(10, 40));
  }
  d.closed = std::min(d.closed, w.end);
}

void PlanOpenTimeline(const World& w, Rng& rng, OpportunityDraft& d, int32_t first) {
  const CustomerDraft& c = w.customers[d.customer];
  const size_t m = ModelSize(c);
  const auto reached = static_cast<size_t>(rng.Between(1, static_cast<int64_t>(m) - 1));
  const int32_t gap = c.rhythm[reached - 1];  // to the next kind
  // The next milestone is due within two weeks, overdue, or still ahead.
  const double mode = rng.Unit();
  int32_t last = mode < 0.3    ? w.end - gap + static_cast<int32_t>(rng.Between(2, 10))
                 : mode < 0.55 ? w.end - gap - static_cast<int32_t>(rng.Between(20, 60))
                               : w.end - gap + static_cast<int32_t>(rng.Between(18, 18 + gap));
  last = std::min(last, w.end);
  const std::array<int32_t, kMaxMilestones> at = Offsets(rng, c, rng.Uniform(0.95, 1.05));
  const int32_t opened = std::max(first, last - at[reached - 1]);
  d.reached = 0;
  for (size_t i = 0; i < reached && opened + at[i] <= w.end; ++i) {
    d.milestones[i] = opened + at[i];
    d.reached = static_cast<uint8_t>(i + 1);
  }
  d.opened = opened;
  d.closed = kForever;
}

}  // namespace brm::demo
