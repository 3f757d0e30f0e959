// Rules that span many records (SPEC.md §2), checked inside a write transaction after the record is staged:
// exactly one organization of kind `ours`, unique logins, at most one active manager per person.
#pragma once

#include <string>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace brm {

// Checks `record` against the other stored records of the transaction (itself excluded by id).
// Errors are kConflict naming the field.
Status CheckSetRules(Transaction& tx, const Record& record);

// The JSON text of one value, as the audit trail stores it.
std::string ValueJson(const Value& value);

// Audit lines for the fields that differ between `before` and `after`.
std::vector<AuditEntry> DiffAudit(const std::string& actor, const Record& before, const Record& after);

}  // namespace brm
