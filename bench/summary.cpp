#include "summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace brm::bench {
namespace {

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double MiB(long kib) { return static_cast<double>(kib) / 1024.0; }

std::string Ms(double seconds) {
  char text[32];
  const double magnitude = std::abs(seconds);
  if (magnitude >= 1) std::snprintf(text, sizeof text, "%.0f ms", seconds * 1e3);
  else if (magnitude >= 0.01) std::snprintf(text, sizeof text, "%.1f ms", seconds * 1e3);
  else if (magnitude >= 1e-4) std::snprintf(text, sizeof text, "%.3f ms", seconds * 1e3);
  else std::snprintf(text, sizeof text, "%.2f µs", seconds * 1e6);
  return text;
}

}  // namespace

void SummaryReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.error_occurred) continue;
    const double unit = benchmark::GetTimeUnitMultiplier(run.time_unit);
    Times& times = times_[run.run_name.function_name];
    const std::pair<double, double> t{run.GetAdjustedRealTime() / unit, run.GetAdjustedCPUTime() / unit};
    if (run.run_type == Run::RT_Iteration) {
      times.runs.push_back(t);
      for (const auto& [name, counter] : run.counters) times.counters[name].push_back(counter.value);
    } else if (run.aggregate_name == "median") {
      times.median = t;
      for (const auto& [name, counter] : run.counters) times.median_counters[name] = counter.value;
    }
  }
}

std::optional<std::pair<double, double>> SummaryReporter::Seconds(const std::string& name) const {
  auto it = times_.find(name);
  if (it == times_.end()) return std::nullopt;
  if (it->second.median) return it->second.median;
  if (it->second.runs.empty()) return std::nullopt;
  std::vector<double> real, cpu;
  for (const auto& [r, c] : it->second.runs) {
    real.push_back(r);
    cpu.push_back(c);
  }
  return std::pair{Median(real), Median(cpu)};
}

std::optional<double> SummaryReporter::Counter(const std::string& name, const std::string& counter) const {
  auto it = times_.find(name);
  if (it == times_.end()) return std::nullopt;
  if (auto m = it->second.median_counters.find(counter); m != it->second.median_counters.end()) return m->second;
  auto c = it->second.counters.find(counter);
  if (c == it->second.counters.end() || c->second.empty()) return std::nullopt;
  return Median(c->second);
}

void PrintSummary(const SummaryReporter& r, const LoadFigures& load) {
  std::printf("\n== summary: median real time per operation (CPU time in brackets), targets of the issue ==\n");
  auto row = [&](const char* what, const std::string& name, double target, const char* target_text) {
    const auto t = r.Seconds(name);
    if (!t) return;
    std::printf("%-52s %12s (%s)  %s%s\n", what, Ms(t->first).c_str(), Ms(t->second).c_str(),
                target > 0 ? (t->first <= target ? "meets " : "MISSES ") : "", target_text);
  };
  row("company customer line with MoM/YoY", "engine/customer_line", 0.020, "≤ 20 ms (issue 11)");
  row("  its memory bound: what it reads, nothing computed", "engine/customer_line_memory_bound", 0, "");
  row("  the same line again at the same data version", "engine/customer_line_cached", 0.001, "≤ 1 ms");
  row("  same, only the figures the SQL computes", "engine/customer_line_degrees_only", 0, "");
  row("  same through FiguresService, JSON document built", "service/customer_line_json", 0, "information");
  row("24-month company trend series", "engine/customer_line_trend_24m", 0.200, "≤ 200 ms");
  row("one customer's metrics (mean over customers)", "engine/customer_metrics", 0.001, "≤ 1 ms");
  row("one customer's metrics (largest customer)", "engine/customer_metrics_largest", 0.001, "≤ 1 ms");
  row("suggestions of the rep with most customers", "engine/suggestions_rep", 0.050, "≤ 50 ms (issue 12)");
  row("suggestions of the whole company", "engine/suggestions_company", 2.0, "≤ 2 s (issue 12)");
  row("one customer's project history (mean over customers)", "engine/customer_history", 0, "");
  row("  same through FiguresService, JSON document built", "service/customer_history_json", 0.001, "≤ 1 ms");
  row("one project view (mean over opportunities)", "engine/project_view", 0, "");
  row("  same through FiguresService, JSON document built", "service/project_view_json", 0.0005, "≤ 0.5 ms");
  row("rating write: Engine::Apply", "engine/apply_rating", 0.001, "≤ 1 ms");
  row("rating write + fresh company customer line", "engine/apply_rating_then_line", 0, "");
  const auto alone = r.Counter("engine/apply_rating_then_line", "line_alone_ms");
  const auto cost = r.Counter("engine/apply_rating_then_line", "write_cost_ms");
  if (alone && cost) {
    std::printf("%-52s %12s (paired line alone %s; noisy: the write itself is Engine::Apply above)\n",
                "  its cost over the line alone", Ms(*cost / 1e3).c_str(), Ms(*alone / 1e3).c_str());
  }
  row("service: EntityService::Create of a rating", "service/create_rating", 0, "information (SQLite commit + engine)");
  std::printf("%-52s %9.0f MiB (VmHWM %.0f MiB)  %s≤ 1.5 GiB\n", "resident memory after loading the engine",
              MiB(load.rss_after_kib), MiB(load.hwm_after_kib), MiB(load.rss_after_kib) <= 1536 ? "meets " : "MISSES ");
  std::printf("%-52s %12s\n", "load of the engine from the store (LoadGraph)", Ms(load.load_seconds).c_str());
  std::optional<std::pair<std::string, double>> best;
  for (const char* name :
       {"sql/customer_line_window", "sql/customer_line_window_scan", "sql/customer_line_correlated"}) {
    const auto t = r.Seconds(name);
    if (!t) continue;
    row(name, name, 0, "");
    if (!best || t->first < best->second) best = std::pair{std::string(name), t->first};
  }
  const auto line = r.Seconds("engine/customer_line");
  const auto subset = r.Seconds("engine/customer_line_degrees_only");
  if (best && line) {
    std::printf("SQL (fastest: %s) / engine customer line: %.0f×", best->first.c_str(), best->second / line->first);
    if (subset) std::printf("; / engine on the same figures only: %.0f×", best->second / subset->first);
    std::printf("\n");
  }
}

}  // namespace brm::bench
