// The project-history warnings of SPEC.md §8.3: milestone_due, milestone_overdue, price_above_history.
#include <cmath>
#include <cstdio>

#include "engine/project_history.hpp"
#include "engine/warnings.hpp"

namespace brm::engine {

namespace {

constexpr int kDueDays = 14;      // milestone_due: expected within day … day+14
constexpr int kOverdueDays = 14;  // milestone_overdue: expected before day−14

bool Known(double amount) { return !std::isnan(amount); }

std::string RatioText(double ratio) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", ratio * 100);
  return buffer;
}

}  // namespace

void Warnings::ProjectHistoryChecks(const Context& context, Out& out) const {
  const ProjectHistory history(figures_);
  const Date day = context.day;
  std::vector<Idx> open;
  for (Idx customer : context.customers) {
    open.clear();
    for (Idx opp : graph_.orgs[customer].opportunities) {
      if (graph_.opportunities[opp].OpenOn(day)) open.push_back(opp);
    }
    if (open.empty()) continue;
    const std::vector<std::string> model = history.Model(customer, day);
    const std::vector<RhythmStep> rhythm = history.Rhythm(customer, model, day);
    // The highest winning_bid / budget of the customer's history projects, and over how many.
    int n = 0;
    double highest = 0;
    for (Idx opp : graph_.orgs[customer].opportunities) {
      const Opportunity& o = graph_.opportunities[opp];
      if (!history.IsHistory(opp, day) || !Known(o.budget) || o.budget <= 0 || !Known(o.winning_bid)) continue;
      highest = n == 0 ? o.winning_bid / o.budget : std::max(highest, o.winning_bid / o.budget);
      ++n;
    }

    for (Idx opp : open) {
      const Timeline timeline = history.Timing(opp, day, model, rhythm);
      const int next = timeline.Next();
      if (next >= 0) {
        const Date expected = *timeline.expected[next];
        const std::string& kind = timeline.model[next];
        std::optional<WarningKind> raised;
        if (day <= expected && expected <= AddDays(day, kDueDays)) {
          raised = WarningKind::kMilestoneDue;
        } else if (expected < AddDays(day, -kOverdueDays)) {
          raised = WarningKind::kMilestoneOverdue;
        }
        if (raised) {
          Warning w = Make(*raised, customer, opp, kNone);
          w.milestone = kind;
          w.expected = expected;
          if (*raised == WarningKind::kMilestoneOverdue) w.Count("days_late", day.days - expected.days);
          w.message = *raised == WarningKind::kMilestoneDue
                          ? "Opportunity " + OpportunityId(opp) + "'s next milestone, " + kind + ", is expected on " +
                                FormatDate(expected) + "."
                          : "Opportunity " + OpportunityId(opp) + "'s next milestone, " + kind + ", was expected on " +
                                FormatDate(expected) + " (" + std::to_string(day.days - expected.days) +
                                " days ago) and is not recorded.";
          out.push_back(std::move(w));
        }
      }

      const Opportunity& o = graph_.opportunities[opp];
      if (n < 2 || !Known(o.budget) || o.budget <= 0) continue;
      const Idx quote = history.OurLatestQuote(opp, day);
      if (quote == kNone) continue;
      const double ratio = graph_.quotes[quote].price / o.budget;
      if (!(ratio > highest)) continue;
      Warning w = Make(WarningKind::kPriceAboveHistory, customer, opp, kNone);
      w.ratio = ratio;
      w.history_max = highest;
      w.Count("projects", n);
      w.message = "Our latest quote for opportunity " + OpportunityId(opp) + " is " + RatioText(ratio) +
                  " of its budget, above the highest winning bid to budget of customer " + OrgId(customer) +
                  "'s " + std::to_string(n) + " past projects (" + RatioText(highest) + ").";
      out.push_back(std::move(w));
    }
  }
}

}  // namespace brm::engine
