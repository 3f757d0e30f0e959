#include "json/strategy_json.hpp"

#include <gtest/gtest.h>

namespace brm {
namespace {
namespace bj = boost::json;

bj::object Defaults() { return {{"min_key_persons", 3}, {"profiled_share", 0.8}, {"drop", 0.5}, {"drop_months", 3}}; }

bj::object With(std::string_view key, bj::value value) {
  bj::object out = Defaults();
  out[key] = std::move(value);
  return out;
}

bj::object Without(std::string_view key) {
  bj::object out = Defaults();
  out.erase(key);
  return out;
}

TEST(StrategyJson, TheDefaultsRoundTrip) {
  auto parsed = json::ParseThresholds(Defaults());
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, StrategyThresholds{});
  EXPECT_EQ(json::ThresholdsJson(StrategyThresholds{}), Defaults());
}

TEST(StrategyJson, TheEdgesOfEachRangeAreAccepted) {
  auto parsed = json::ParseThresholds(
      {{"min_key_persons", 100}, {"profiled_share", 1}, {"drop", 4.0}, {"drop_months", 24}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, (StrategyThresholds{100, 1.0, 4.0, 24}));
  parsed = json::ParseThresholds({{"min_key_persons", 1.0}, {"profiled_share", 0.01}, {"drop", 0.01}, {"drop_months", 1}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, (StrategyThresholds{1, 0.01, 0.01, 1})) << "1.0 is a whole number";
}

struct BadCase {
  const char* what;
  bj::object body;
  const char* field;
};

TEST(StrategyJson, EachBadValueIsRefusedNamingItsKey) {
  const BadCase cases[] = {
      {"zero key persons", With("min_key_persons", 0), "min_key_persons"},
      {"too many key persons", With("min_key_persons", 101), "min_key_persons"},
      {"a fraction of a person", With("min_key_persons", 2.5), "min_key_persons"},
      {"a number as text", With("min_key_persons", "3"), "min_key_persons"},
      {"a missing key", Without("min_key_persons"), "min_key_persons"},
      {"a share of zero", With("profiled_share", 0), "profiled_share"},
      {"a share above one", With("profiled_share", 1.01), "profiled_share"},
      {"a negative share", With("profiled_share", -0.5), "profiled_share"},
      {"a null share", With("profiled_share", nullptr), "profiled_share"},
      {"a drop of zero", With("drop", 0), "drop"},
      {"a drop beyond the scale", With("drop", 4.5), "drop"},
      {"a drop as a boolean", With("drop", true), "drop"},
      {"no months", With("drop_months", 0), "drop_months"},
      {"over two years", With("drop_months", 25), "drop_months"},
      {"half a month", With("drop_months", 1.5), "drop_months"},
      {"a missing month count", Without("drop_months"), "drop_months"},
      {"an unknown key", With("colour", "red"), "colour"},
  };
  for (const BadCase& c : cases) {
    auto parsed = json::ParseThresholds(c.body);
    ASSERT_FALSE(parsed.ok()) << c.what;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid) << c.what;
    EXPECT_EQ(parsed.error().field, c.field) << c.what;
  }
}

}  // namespace
}  // namespace brm
