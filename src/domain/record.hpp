// Record: one stored entity as a row of typed values, laid out by its EntitySpec (schema.hpp).
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/date.hpp"

namespace brm {

enum class Kind : unsigned char {
  kOrganization,
  kDepartment,
  kPerson,
  kTeam,
  kUser,
  kReporting,
  kInfluence,
  kOpportunity,
  kChainMember,
  kRating,
  kVote,
  kActivity,
  kInfluenceUse,
  // Project history (SPEC.md §8.1).
  kMilestoneModel,
  kMilestone,
  kProjectLink,
  kCriterion,
  kVendor,
  kQuote,
  kDocument,
  kLesson,
  // Work: what the figures turn into.
  kTask,
  kTaskComment,
  kWarningDecision,
  kIntroduction,
  kInboxMark,
  kWebhook,
};
inline constexpr int kKindCount = 27;

// Null, a bool, a number, or text. Dates, vocabulary words and references are text; a list of words is
// text too, its items separated by kListSeparator (ListItems, JoinList).
using Value = std::variant<std::monostate, bool, double, std::string>;

// Separates the items of a list held as text; a milestone model's item is "kind" kPairSeparator "name".
// Both are control characters, which no item may contain.
inline constexpr char kListSeparator = '\x1f';
inline constexpr char kPairSeparator = '\x1e';
// The items of a list held as text ("" is the empty list).
std::vector<std::string_view> ListItems(std::string_view text);
std::string JoinList(const std::vector<std::string>& items);

struct Record {
  Kind kind = Kind::kOrganization;
  std::string id;
  std::vector<Value> values;  // one per field of Spec(kind), in order

  bool IsNull(int field) const { return std::holds_alternative<std::monostate>(values[field]); }
  // The text at `field`, or "" when null.
  const std::string& Text(int field) const;
  bool Bool(int field) const;  // false when null
  std::optional<double> Number(int field) const;
  std::optional<Date> DateAt(int field) const;  // null or unparsable → nullopt

  bool operator==(const Record&) const = default;
};

// Whether the record's [since, until) interval contains `day`. Records without such fields always are.
bool ActiveOn(const Record& record, Date day);

}  // namespace brm
