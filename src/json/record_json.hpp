// Mapping between records and JSON objects, shared by the HTTP API and bundles.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "domain/schema.hpp"

namespace brm::json {

struct DecodeOptions {
  // The record a partial update (PATCH) starts from; absent fields keep its values. Null when creating:
  // absent fields take their fallback.
  const Record* base = nullptr;
  // Keys accepted besides the record's fields (such as a user's "password"); they are left to the caller.
  std::span<const std::string_view> extra_keys{};
  // Whether "id" may be absent (the caller then generates one).
  bool id_optional = false;
};

// Decodes `object` into a record of `kind`, checking JSON types only (ValidateFields does the rest).
// Errors name the offending key; unknown keys are refused.
Result<Record> DecodeRecord(Kind kind, const boost::json::object& object, const DecodeOptions& options = {});

// The record as a JSON object: "id" first, then every field in catalogue order, null when null. Whole
// numbers are written as integers.
boost::json::object EncodeRecord(const Record& record);

// One field's value as JSON: lists of words as arrays of strings, a milestone model's kinds as
// [{"kind", "name"}] (name null when none), whole numbers as integers, null when null.
boost::json::value EncodeValue(const FieldSpec& field, const Value& value);

// The JSON type name of a value, for messages ("a number", "an object").
std::string_view TypeName(const boost::json::value& value);

}  // namespace brm::json
