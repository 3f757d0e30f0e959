// The entity catalogue of SPEC.md §2: every collection's fields, types, vocabularies and references,
// declared once. Validation, the store's tables, the JSON mapping and bundles all read it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/record.hpp"
#include "domain/vocab.hpp"

namespace brm {

enum class FieldType {
  kText,    // free text, trimmed length limited by max_length
  kBool,
  kNumber,  // finite double within [min, max]
  kDate,    // YYYY-MM-DD
  kEnum,    // one word of `vocab`
  kRef,     // id of a record of kind `ref`
  kTarget,  // "ours" or the id of a competitor organization
  kWords,   // a list of words (ListItems): of `vocab` when it has one, else free words of 1–50 bytes
  kModel,   // a milestone model's kinds: a list of "kind" kPairSeparator "name" (name may be empty)
};

struct FieldSpec {
  std::string_view name;
  FieldType type = FieldType::kText;
  bool required = false;
  vocab::Words vocab{};
  std::optional<Kind> ref;
  Value fallback{};          // value taken when the field is absent or null
  bool personal = false;     // removed by "erase person"
  bool email = false;        // kText holding an e-mail address (something@domain)
  bool currency = false;     // kText holding an ISO 4217 code (vocab::IsCurrency)
  size_t max_length = 200;   // kText only, in bytes
  double min = 0, max = 0;   // kNumber only
  bool integer = false;      // kNumber holding a whole number
};

struct EntitySpec {
  Kind kind;
  std::string_view collection;  // API collection: "reporting-lines"
  std::string_view bundle;      // bundle array: "reporting"
  std::string_view table;       // SQL table
  std::string_view noun;        // singular English noun for messages: "reporting line"
  bool fact = false;            // append-only: once stored, only `until` (retire) may change
  std::vector<FieldSpec> fields;
  int search = -1;              // field searched by substring (name, login), -1 when none
  int since = -1, until = -1;   // validity interval fields, -1 when absent

  // Index of the field called `name`, or -1.
  int Index(std::string_view name) const;
};

const EntitySpec& Spec(Kind kind);
const std::array<const EntitySpec*, kKindCount>& AllSpecs();  // in dependency order
const EntitySpec* FindCollection(std::string_view collection);
const EntitySpec* FindBundleArray(std::string_view array);

// "An opportunity", "A rating" (or lower-case "an opportunity" when !capital), for messages.
std::string WithArticle(std::string_view noun, bool capital = true);

// A record of `kind` with every field at its fallback value.
Record BlankRecord(Kind kind);

// The prefix of the ids the server generates for records of `kind` ("org", "per", "task", …).
std::string_view IdPrefix(Kind kind);

// Field positions, fixed by the order in schema.cpp (tests/domain/schema_test.cpp checks them).
namespace fields {
namespace org { enum : int { kName, kKind, kIndustry, kRegion, kOwner, kFocus, kSince, kUntil }; }
namespace dept { enum : int { kOrg, kName, kParent, kSince, kUntil }; }
namespace person {
enum : int { kOrg, kDepartment, kName, kTitle, kKey, kImportance, kOrientation, kEmail, kPhone, kNotes,
             kSince, kUntil };
}
namespace team { enum : int { kName, kParent, kManager, kSince, kUntil }; }
namespace user { enum : int { kLogin, kPerson, kRole, kTeam, kActive, kLanguage, kSince, kUntil }; }
namespace reporting { enum : int { kPerson, kManager, kSince, kUntil }; }
namespace influence { enum : int { kFrom, kTo, kStrength, kNote, kSince, kUntil }; }
namespace opp {
// The project-history fields (SPEC.md §8.1) come after since and until: the upgrade appended their columns.
enum : int { kCustomer, kName, kOwner, kAmount, kCurrency, kStage, kStatus, kType, kOpened, kClosed,
             kWinProbability, kFocus, kSince, kUntil, kScope, kConditions, kConditionsText, kBudget, kOurBid,
             kWinningBid, kWinner, kMethod, kRule };
}
namespace chain { enum : int { kOpportunity, kPerson, kRole, kVeto, kApprove, kSince, kUntil }; }
// The note came with schema 8, after `until`.
namespace rating { enum : int { kPerson, kDimension, kValue, kToward, kOpportunity, kDate, kBy, kUntil, kNote }; }
namespace vote { enum : int { kPerson, kKind, kValue, kDate, kBy, kUntil }; }
namespace activity { enum : int { kPerson, kOpportunity, kKind, kDate, kBy, kNote, kUntil }; }
namespace use { enum : int { kOpportunity, kEmployee, kPerson, kDate, kNote, kUntil }; }
namespace model { enum : int { kCustomer, kKinds, kSince, kUntil }; }
namespace milestone { enum : int { kOpportunity, kKind, kDate, kNote, kSince, kUntil }; }
namespace link { enum : int { kFrom, kTo, kKind, kNote, kSince, kUntil }; }
namespace criterion { enum : int { kOpportunity, kItem, kWeight, kOurScore, kBestScore, kNote, kSince, kUntil }; }
namespace vendor { enum : int { kOpportunity, kOrg, kResult, kRank, kNote, kSince, kUntil }; }
namespace quote { enum : int { kOpportunity, kRound, kOrg, kPrice, kDate, kNote, kSince, kUntil }; }
namespace document {
enum : int { kOpportunity, kName, kKind, kContentType, kSize, kSha256, kUploadedBy, kDate, kSince, kUntil };
}
namespace lesson { enum : int { kOpportunity, kKind, kTags, kText, kBy, kDate, kSince, kUntil }; }
namespace task {
enum : int { kTitle, kCustomer, kOpportunity, kPerson, kAssignee, kDue, kStatus, kSnoozedUntil, kReason, kSource,
             kSourceKey, kNote, kBy, kDate };
}
namespace comment { enum : int { kTask, kText, kBy, kDate, kUntil }; }
namespace decision {
enum : int { kKind, kCustomer, kOpportunity, kPerson, kStatus, kSnoozedUntil, kReason, kSeverity, kFacts, kBy, kDate,
             kUntil };
}
namespace intro {
enum : int { kPerson, kEmployee, kVia, kCustomer, kOpportunity, kStatus, kNote, kAnswer, kAnsweredOn, kActivity, kUse, kBy,
             kDate };
}
namespace mark { enum : int { kUser, kKey, kDate, kUntil }; }
namespace webhook { enum : int { kName, kUrl, kFormat, kEvents, kActive, kBy, kDate, kUntil }; }
}  // namespace fields

// A milestone model's kinds (ListItems of a kModel field): the kind word and its name ("" when none).
struct MilestoneKind {
  std::string_view kind, name;
};
std::vector<MilestoneKind> ModelKinds(std::string_view text);

}  // namespace brm
