#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace brm::cli {

ProgressBar::ProgressBar() : tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::operator()(std::string_view what, size_t done, size_t total) {
  const auto now = std::chrono::steady_clock::now();
  const bool finished = done >= total;
  if (!tty_) {
    if (finished) std::fprintf(stderr, "  %-16.*s %zu\n", static_cast<int>(what.size()), what.data(), total);
    return;
  }
  if (!finished && what == current_ && now - last_ < std::chrono::milliseconds(100)) return;
  current_ = what;
  last_ = now;
  constexpr int kWidth = 30;
  const int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.append(static_cast<size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r  %-16.*s [%s] %zu/%zu%s", static_cast<int>(what.size()), what.data(), bar.c_str(), done,
               total, finished ? "\n" : "");
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (tty_) std::fflush(stderr);
}

}  // namespace brm::cli
