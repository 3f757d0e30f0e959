// The figures benchmark's summary: each benchmark's real time per operation (the median of its
// repetitions) printed against the targets, after Google Benchmark's own console output.
// Threads: used from the benchmark's main thread only.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brm::bench {

// The console reporter, which also keeps every run's times and user counters for the summary.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  using ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override;

  // Real and CPU seconds per operation, the median of the repetitions; nullopt when it did not run.
  std::optional<std::pair<double, double>> Seconds(const std::string& name) const;
  // A user counter of a benchmark, the median of the repetitions; nullopt when absent.
  std::optional<double> Counter(const std::string& name, const std::string& counter) const;

 private:
  struct Times {
    std::vector<std::pair<double, double>> runs;      // real, CPU
    std::optional<std::pair<double, double>> median;  // the median aggregate, when repeated
    std::map<std::string, std::vector<double>> counters;
    std::map<std::string, double> median_counters;
  };
  std::map<std::string, Times> times_;
};

// What loading the tenant measured, reported once.
struct LoadFigures {
  double load_seconds = 0;
  long rss_after_kib = 0, hwm_after_kib = 0;
};

// Prints the summary table to stdout.
void PrintSummary(const SummaryReporter& reporter, const LoadFigures& load);

}  // namespace brm::bench
