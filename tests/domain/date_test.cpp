#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace brm {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TEST(Date, ParsesAndFormatsRoundTrip) {
  for (const char* text : {"1970-01-01", "2024-02-29", "2025-12-31", "2000-03-01", "1999-12-31"}) {
    EXPECT_EQ(FormatDate(D(text)), text);
  }
  EXPECT_EQ(D("1970-01-02").days, 1);
}

TEST(Date, RefusesWhatIsNotARealDay) {
  for (const char* text : {"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-01",
                           "2025-01-01T00", "abcd-ef-gh", ""}) {
    EXPECT_FALSE(ParseDate(text).has_value()) << text;
  }
}

TEST(Date, AddMonthsClampsToTheLastDayOfShorterMonths) {
  EXPECT_EQ(FormatDate(AddMonths(D("2025-03-31"), -1)), "2025-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2024-03-31"), -1)), "2024-02-29");
  EXPECT_EQ(FormatDate(AddMonths(D("2024-02-29"), -12)), "2023-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2025-01-31"), 1)), "2025-02-28");
  EXPECT_EQ(FormatDate(AddMonths(D("2025-05-15"), -3)), "2025-02-15");
  EXPECT_EQ(FormatDate(AddMonths(D("2025-01-10"), -1)), "2024-12-10");
  EXPECT_EQ(FormatDate(AddMonths(D("2025-12-10"), 1)), "2026-01-10");
}

}  // namespace
}  // namespace brm
