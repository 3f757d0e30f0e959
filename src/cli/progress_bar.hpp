// A one-line progress bar on stderr for long commands (import, demo). Redraws at most ~10 times a second
// and only on a terminal; elsewhere prints one line per finished stage.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace brm::cli {

class ProgressBar {
 public:
  ProgressBar();
  void operator()(std::string_view what, size_t done, size_t total);
  void Finish();

 private:
  bool tty_;
  std::string current_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace brm::cli
