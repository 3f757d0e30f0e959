#include "json/strategy_json.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "json/record_json.hpp"

namespace brm::json {
namespace bj = boost::json;

namespace {

constexpr std::string_view kKeys[] = {"min_key_persons", "profiled_share", "drop", "drop_months"};

Error Invalid(std::string_view key, const std::string& message) {
  return MakeError(ErrorCode::kInvalid, "\"" + std::string(key) + "\" " + message, std::string(key));
}

// The number under `key`; kInvalid when absent or not a number.
Result<double> Number(const bj::object& object, std::string_view key) {
  const bj::value* value = object.if_contains(key);
  if (!value) return Invalid(key, "is required.");
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  if (value->is_uint64()) return static_cast<double>(value->get_uint64());
  if (value->is_double()) return value->get_double();
  return Invalid(key, "must be a number, not " + std::string(TypeName(*value)) + ".");
}

Result<int> WholeNumber(const bj::object& object, std::string_view key, int min, int max) {
  auto number = Number(object, key);
  if (!number) return number.error();
  if (*number != std::floor(*number) || *number < min || *number > max) {
    return Invalid(key, "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ".");
  }
  return static_cast<int>(*number);
}

// A number in the half-open range (0, max].
Result<double> Positive(const bj::object& object, std::string_view key, double max, const char* range) {
  auto number = Number(object, key);
  if (!number) return number.error();
  if (!(*number > 0 && *number <= max)) {
    return Invalid(key, std::string("must be more than 0 and at most ") + range + ".");
  }
  return *number;
}

}  // namespace

Result<StrategyThresholds> ParseThresholds(const bj::object& object) {
  for (const auto& [key, value] : object) {
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      return Invalid(key, "is not a threshold; the thresholds are min_key_persons, profiled_share, drop and "
                          "drop_months.");
    }
  }
  StrategyThresholds out;
  auto min_key_persons = WholeNumber(object, "min_key_persons", 1, 100);
  if (!min_key_persons) return min_key_persons.error();
  out.min_key_persons = *min_key_persons;
  auto profiled_share = Positive(object, "profiled_share", 1, "1");
  if (!profiled_share) return profiled_share.error();
  out.profiled_share = *profiled_share;
  auto drop = Positive(object, "drop", 4, "4");
  if (!drop) return drop.error();
  out.drop = *drop;
  auto drop_months = WholeNumber(object, "drop_months", 1, 24);
  if (!drop_months) return drop_months.error();
  out.drop_months = *drop_months;
  return out;
}

bj::object ThresholdsJson(const StrategyThresholds& thresholds) {
  return {{"min_key_persons", thresholds.min_key_persons},
          {"profiled_share", thresholds.profiled_share},
          {"drop", thresholds.drop},
          {"drop_months", thresholds.drop_months}};
}

}  // namespace brm::json
