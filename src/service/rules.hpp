// Rules that span many records (SPEC.md §2), checked inside a write transaction after the record is staged:
// exactly one organization of kind `ours`, unique logins, at most one active manager per person, reporting
// lines that never loop, a person at most once in a decision chain at a time, and no change that would
// leave other records inconsistent (ratings toward a non-competitor, opportunities of a non-customer, users
// or influence uses whose person is not ours, reporting lines across organizations).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "domain/schema.hpp"
#include "store/store.hpp"

namespace brm {

// Checks `record` (changed from `before`, nullopt for a creation) against the other stored records of the
// transaction (itself excluded by id). Errors are kConflict naming the field and what depends on it, or
// kUnprocessable for a reporting line that would loop.
Status CheckSetRules(Transaction& tx, const Record& record, const std::optional<Record>& before = std::nullopt);

// The kinds of the milestone model that holds for `customer` on `day` (SPEC.md §8.1): its own active
// model, else the active company default, else the built-in default.
std::vector<std::string> MilestoneModelOn(Transaction& tx, const std::string& customer, Date day);

// The weights of a closed opportunity's active criteria add up to 100 when it has any (SPEC.md §8.1):
// kConflict naming "weight" otherwise. Checked once per write, after all its records are in place.
Status CheckCriteriaTotal(Transaction& tx, const std::string& opportunity);

// The JSON text of one value, as the audit trail stores it.
std::string ValueJson(const Value& value);
// The same for a value of `field`: lists as JSON arrays (json::EncodeValue).
std::string ValueJson(const FieldSpec& field, const Value& value);

// Audit lines for the fields that differ between `before` and `after`.
std::vector<AuditEntry> DiffAudit(const std::string& actor, const Record& before, const Record& after);

}  // namespace brm
