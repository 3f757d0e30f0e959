#include "domain/date.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace brm {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain formulas).
Date FromCivil(CivilDate c) {
  const int y = c.year - (c.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = c.month > 2 ? c.month - 3 : c.month + 9;
  const unsigned doy = (153 * mp + 2) / 5 + c.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

CivilDate ToCivil(Date date) {
  const int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{y + (m <= 2 ? 1 : 0), m, d};
}

int DaysInMonth(int year, unsigned month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count) -> int {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > DaysInMonth(year, static_cast<unsigned>(month))) return std::nullopt;
  return FromCivil({year, static_cast<unsigned>(month), static_cast<unsigned>(day)});
}

std::string FormatDate(Date date) {
  const CivilDate c = ToCivil(date);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", c.year, c.month, c.day);
  return buffer;
}

Date AddMonths(Date date, int months) {
  const CivilDate c = ToCivil(date);
  int index = c.year * 12 + static_cast<int>(c.month) - 1 + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const unsigned month = static_cast<unsigned>(index - year * 12) + 1;
  const unsigned last = static_cast<unsigned>(DaysInMonth(year, month));
  return FromCivil({year, month, c.day < last ? c.day : last});
}

Date AddDays(Date date, int days) { return Date{date.days + days}; }

Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return FromCivil({local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                    static_cast<unsigned>(local.tm_mday)});
}

std::string NowTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace brm
