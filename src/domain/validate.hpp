// Validation of records against the catalogue (schema.hpp) and the cross-record rules of SPEC.md §2.
// Pure functions: the caller supplies the other records through a Lookup.
#pragma once

#include <string_view>

#include "domain/record.hpp"
#include "domain/result.hpp"

namespace brm {

// Finds other records while a change is validated. Implementations answer from the store, from a bundle
// being imported, or both. Not thread-safe unless the implementation says so.
class Lookup {
 public:
  virtual ~Lookup() = default;
  // The record of `kind` with `id` as it will stand once the change is applied, or nullptr.
  virtual const Record* Find(Kind kind, std::string_view id) = 0;
};

// Whether `id` is acceptable as a record id: 1–128 bytes of ASCII letters and digits, "-_.:@+~", and
// letters of other scripts in well-formed UTF-8; not "." or "..". No space, no '/', no control character.
bool ValidId(std::string_view id);
// The length of the well-formed UTF-8 sequence that starts `text` (1–4), or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view text);
// Whether `text` is well-formed UTF-8.
bool ValidUtf8(std::string_view text);
// `text` with every byte that does not start a well-formed UTF-8 sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view text);

// Checks one record in isolation: required fields, vocabularies, text lengths and characters, number
// ranges, date formats and since ≤ until. The error's field is the field name.
Status ValidateFields(const Record& record);

// Checks references and cross-record rules: referenced records exist and have the right kind
// (an opportunity's customer is a customer organization, a user's person belongs to our company, a
// rating's `toward` is "ours" or a competitor, …). Fills derived defaults: a person's `key` defaults to
// true for persons of customer organizations. Rules that span many records (one `ours` organization,
// one active manager per person, unique logins) belong to the caller, which can query the store.
Status ValidateReferences(Record& record, Lookup& lookup);

}  // namespace brm
