// Bids: the vendors of a project, their quote rounds, the winner and the amounts, consistent with the
// tender's rule (under lowest_price the winner offered least).
#include <algorithm>
#include <cmath>

#include "demo/history.hpp"
#include "domain/schema.hpp"

namespace brm::demo {

namespace f = fields;

double Round(double amount, double unit) { return std::floor(amount / unit + 0.5) * unit; }

namespace {

// The competitors at a project: those working the account, or one at random.
std::vector<uint32_t> Rivals(HistoryRun& run, const CustomerDraft& c) {
  std::vector<uint32_t> rivals;
  const size_t n = run.w.competitor_ids.size();
  for (uint32_t i = 0; i < n; ++i) {
    if (c.competitors & (1u << i)) rivals.push_back(i);
  }
  if (rivals.empty() || run.rng.Chance(0.3)) {
    const auto extra = static_cast<uint32_t>(run.rng.Below(n));
    if (std::find(rivals.begin(), rivals.end(), extra) == rivals.end()) rivals.push_back(extra);
  }
  return rivals;
}

// One bidder's prices per round: a first offer around the budget, then a few percent off each round.
std::vector<double> Prices(Rng& rng, double budget, int rounds) {
  std::vector<double> prices = {budget * rng.Uniform(0.88, 1.03)};
  for (int i = 1; i < rounds; ++i) prices.push_back(prices.back() * rng.Uniform(0.93, 0.99));
  for (double& p : prices) p = Round(p, 100);
  return prices;
}

struct Bidder {
  std::string_view org;
  std::vector<double> prices;
  bool disqualified = false;
  int rank = 0;
};

// Who won and in what order, consistent with the rule: under lowest_price the winner offered least.
void RankBidders(HistoryRun& run, std::vector<Bidder>& bidders, size_t winner, bool lowest_price) {
  if (lowest_price) {
    double others = 1e18;
    for (size_t i = 0; i < bidders.size(); ++i) {
      if (i != winner) others = std::min(others, bidders[i].prices.back());
    }
    if (bidders[winner].prices.back() >= others)
      bidders[winner].prices.back() = Round(others * run.rng.Uniform(0.95, 0.99), 100);
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < bidders.size(); ++i) {
    if (i != winner) order.push_back(i);
  }
  if (lowest_price) {
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return bidders[a].prices.back() < bidders[b].prices.back(); });
  } else {
    run.rng.Shuffle(order);
  }
  bidders[winner].rank = 1;
  int rank = 2;
  for (size_t i : order) {
    bidders[i].disqualified = bidders.size() > 2 && run.rng.Chance(0.04);
    if (!bidders[i].disqualified) bidders[i].rank = rank++;
  }
}

// Quote rounds: the first on the bid day, then a few days apart, never after the close.
int32_t RoundDay(const World& w, uint32_t opp, int round) {
  const OpportunityDraft& d = w.opportunities[opp];
  const int bid = std::max(0, KindIndex(ModelOf(w, opp), "bid_submission"));
  const int32_t last = std::min(d.LastDay(w.end), w.end);
  return std::min(last, d.milestones[static_cast<size_t>(bid)] + 5 * round);
}

}  // namespace

void AddBidding(HistoryRun& run, uint32_t opp, const std::string& id, const Detail& detail) {
  World& w = run.w;
  const OpportunityDraft& d = w.opportunities[opp];
  Record& r = OppRecord(w, opp);
  const double budget = r.Number(f::opp::kBudget).value_or(0);
  const bool single = r.Text(f::opp::kMethod) == "single_source";
  std::vector<Bidder> bidders = {{kOursId, Prices(run.rng, budget, detail.rounds)}};
  if (!single) {
    for (uint32_t i : Rivals(run, w.customers[d.customer])) {
      bidders.push_back({w.competitor_ids[i], Prices(run.rng, budget, detail.rounds)});
    }
  }
  const bool decided = d.status != kAbandoned;
  const size_t winner = d.status == kLost ? 1 + run.rng.Below(bidders.size() - 1) : 0;
  if (decided) RankBidders(run, bidders, winner, r.Text(f::opp::kRule) == "lowest_price");
  PutNumber(r, f::opp::kOurBid, bidders[0].prices.back());
  if (decided) {
    Put(r, f::opp::kWinner, bidders[winner].org);
    PutNumber(r, f::opp::kWinningBid, bidders[winner].prices.back());
  }
  if (!detail.records) return;
  for (const Bidder& b : bidders) {
    Record& v = w.Add(Kind::kVendor, {});
    Put(v, f::vendor::kOpportunity, id);
    Put(v, f::vendor::kOrg, b.org);
    Put(v, f::vendor::kResult, !decided ? "unknown" : b.disqualified ? "disqualified" : b.rank == 1 ? "won" : "lost");
    if (b.rank > 0) PutNumber(v, f::vendor::kRank, b.rank);
    if (b.disqualified) Put(v, f::vendor::kNote, "资格审查未通过");
    for (size_t round = 0; round < b.prices.size(); ++round) {
      Record& q = w.Add(Kind::kQuote, {});
      Put(q, f::quote::kOpportunity, id);
      PutNumber(q, f::quote::kRound, static_cast<double>(round + 1));
      Put(q, f::quote::kOrg, b.org);
      PutNumber(q, f::quote::kPrice, b.prices[round]);
      Put(q, f::quote::kDate, w.Day(RoundDay(w, opp, static_cast<int>(round))));
    }
  }
}

void AddOpenQuotes(HistoryRun& run, uint32_t opp, const std::string& id) {
  World& w = run.w;
  const OpportunityDraft& d = w.opportunities[opp];
  Record& o = OppRecord(w, opp);
  const double budget = o.Number(f::opp::kBudget).value_or(0);
  const int rounds = run.large ? 1 : static_cast<int>(run.rng.Between(1, 2));
  std::vector<double> prices = Prices(run.rng, budget, rounds);
  if (run.ratios[d.customer] >= 2 && run.rng.Chance(0.35)) {
    prices.back() = Round(budget * (run.max_ratio[d.customer] + run.rng.Uniform(0.03, 0.1)), 100);
  }
  for (int round = 0; round < rounds; ++round) {
    Record& q = w.Add(Kind::kQuote, {});
    Put(q, f::quote::kOpportunity, id);
    PutNumber(q, f::quote::kRound, round + 1);
    Put(q, f::quote::kOrg, kOursId);
    PutNumber(q, f::quote::kPrice, prices[static_cast<size_t>(round)]);
    Put(q, f::quote::kDate, w.Day(RoundDay(w, opp, round)));
  }
  PutNumber(o, f::opp::kOurBid, prices.back());
}

}  // namespace brm::demo
