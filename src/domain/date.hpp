// Calendar dates as day numbers, parsed and printed as YYYY-MM-DD (proleptic Gregorian).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace brm {

// Days since 1970-01-01. Ordering and arithmetic are plain integer operations.
struct Date {
  int32_t days = 0;
  auto operator<=>(const Date&) const = default;
};

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

Date FromCivil(CivilDate civil);
CivilDate ToCivil(Date date);

// Parses exactly "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(Date date);

// The same day `months` calendar months later (or earlier when negative); a day that does not exist
// in the target month is clamped to its last day (2025-03-31 minus one month is 2025-02-28).
Date AddMonths(Date date, int months);
Date AddDays(Date date, int days);
int DaysInMonth(int year, unsigned month);

// Today in the process's local time zone (set TZ at start-up; see cli/config).
Date Today();

// Now as an ISO-8601 UTC timestamp with seconds, for the audit trail.
std::string NowTimestamp();

}  // namespace brm
