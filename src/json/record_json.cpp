#include "json/record_json.hpp"

#include <algorithm>
#include <cmath>

#include "domain/schema.hpp"

namespace brm::json {
namespace bj = boost::json;

std::string_view TypeName(const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null: return "null";
    case bj::kind::bool_: return "a boolean";
    case bj::kind::int64:
    case bj::kind::uint64:
    case bj::kind::double_: return "a number";
    case bj::kind::string: return "a string";
    case bj::kind::array: return "an array";
    case bj::kind::object: return "an object";
  }
  return "a value";
}

namespace {

Error WrongType(std::string_view key, std::string_view expected, const bj::value& got) {
  return MakeError(ErrorCode::kInvalid,
                   "\"" + std::string(key) + "\" must be " + std::string(expected) + ", not " +
                       std::string(TypeName(got)) + ".",
                   std::string(key));
}

Result<Value> DecodeValue(const FieldSpec& field, const bj::value& json) {
  // null means "no value": the field's default where it has one (importance → "unknown", focus → false).
  if (json.is_null()) return field.fallback;
  switch (field.type) {
    case FieldType::kBool:
      if (!json.is_bool()) return WrongType(field.name, "true or false", json);
      return Value{json.get_bool()};
    case FieldType::kNumber:
      if (json.is_int64()) return Value{static_cast<double>(json.get_int64())};
      if (json.is_uint64()) return Value{static_cast<double>(json.get_uint64())};
      if (json.is_double()) return Value{json.get_double()};
      return WrongType(field.name, "a number", json);
    default:
      if (!json.is_string()) return WrongType(field.name, "a string", json);
      return Value{std::string(json.get_string())};
  }
}

}  // namespace

Result<Record> DecodeRecord(Kind kind, const bj::object& object, const DecodeOptions& options) {
  const EntitySpec& spec = Spec(kind);
  Record record = options.base ? *options.base : BlankRecord(kind);
  for (const auto& [key, value] : object) {
    if (key == "id") {
      if (!value.is_string()) return WrongType("id", "a string", value);
      if (options.base && value.get_string() != options.base->id) {
        return MakeError(ErrorCode::kInvalid, "\"id\" cannot be changed.", "id");
      }
      record.id = std::string(value.get_string());
      continue;
    }
    const int index = spec.Index(key);
    if (index < 0) {
      if (std::find(options.extra_keys.begin(), options.extra_keys.end(), key) != options.extra_keys.end()) {
        continue;
      }
      return MakeError(ErrorCode::kInvalid,
                       "\"" + std::string(key) + "\" is not a field of " + WithArticle(spec.noun, false) + ".",
                       std::string(key));
    }
    auto decoded = DecodeValue(spec.fields[index], value);
    if (!decoded) return decoded.error();
    record.values[index] = std::move(*decoded);
  }
  if (record.id.empty() && !options.id_optional) {
    return MakeError(ErrorCode::kInvalid, "\"id\" is required.", "id");
  }
  return record;
}

bj::object EncodeRecord(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  bj::object object;
  object.reserve(spec.fields.size() + 1);
  object.emplace("id", record.id);
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    const Value& value = record.values[i];
    bj::value& slot = object[spec.fields[i].name];
    if (const auto* flag = std::get_if<bool>(&value)) {
      slot = *flag;
    } else if (const auto* number = std::get_if<double>(&value)) {
      const double whole = std::trunc(*number);
      if (whole == *number && std::fabs(whole) < 9007199254740992.0) {
        slot = static_cast<std::int64_t>(whole);
      } else {
        slot = *number;
      }
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      slot = *text;
    }
  }
  return object;
}

}  // namespace brm::json
