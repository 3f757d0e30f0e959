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
    case FieldType::kWords: {
      if (!json.is_array()) return WrongType(field.name, "an array of strings", json);
      std::vector<std::string> items;
      for (const bj::value& item : json.get_array()) {
        if (!item.is_string()) return WrongType(field.name, "an array of strings", item);
        const bj::string& word = item.get_string();
        // A separator inside an item would split it: refused as the control character it is.
        if (word.empty() || word.find(kListSeparator) != bj::string::npos) {
          return MakeError(ErrorCode::kInvalid, "Each of \"" + std::string(field.name) +
                               "\" is a word of 1 to 50 bytes without control characters.",
                           std::string(field.name));
        }
        items.emplace_back(word);
      }
      return Value{JoinList(items)};
    }
    case FieldType::kModel: {
      const auto wrong = [&](const bj::value& got) {
        return WrongType(field.name, "an array of objects {\"kind\", \"name\"}", got);
      };
      if (!json.is_array()) return wrong(json);
      std::vector<std::string> items;
      for (const bj::value& item : json.get_array()) {
        if (!item.is_object()) return wrong(item);
        std::string kind, name;
        for (const auto& [key, part] : item.get_object()) {
          if (key != "kind" && key != "name") {
            return MakeError(ErrorCode::kInvalid,
                             "\"" + std::string(key) + "\" is not a field of a milestone kind (kind, name).",
                             std::string(field.name));
          }
          if (part.is_null() && key == "name") continue;
          if (!part.is_string()) return wrong(part);
          (key == "kind" ? kind : name) = std::string(part.get_string());
        }
        const auto has_separator = [](const std::string& text) {
          return text.find(kListSeparator) != std::string::npos || text.find(kPairSeparator) != std::string::npos;
        };
        if (has_separator(kind) || has_separator(name) || kind.empty()) {
          return MakeError(ErrorCode::kInvalid, "A milestone kind is 1 to 64 characters of a-z, 0-9 and _.",
                           std::string(field.name));
        }
        items.push_back(name.empty() ? kind : kind + kPairSeparator + name);
      }
      return Value{JoinList(items)};
    }
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

bj::value EncodeValue(const FieldSpec& field, const Value& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  if (const auto* number = std::get_if<double>(&value)) {
    const double whole = std::trunc(*number);
    if (whole == *number && std::fabs(whole) < 9007199254740992.0) return static_cast<std::int64_t>(whole);
    return *number;
  }
  const auto* text = std::get_if<std::string>(&value);
  if (!text) return nullptr;
  if (field.type == FieldType::kWords) {
    bj::array items;
    for (std::string_view item : ListItems(*text)) items.emplace_back(item);
    return items;
  }
  if (field.type == FieldType::kModel) {
    bj::array items;
    for (const MilestoneKind& kind : ModelKinds(*text)) {
      bj::object item;
      item["kind"] = kind.kind;
      item["name"] = kind.name.empty() ? bj::value(nullptr) : bj::value(kind.name);
      items.push_back(std::move(item));
    }
    return items;
  }
  return bj::value(*text);
}

bj::object EncodeRecord(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  bj::object object;
  object.reserve(spec.fields.size() + 1);
  object.emplace("id", record.id);
  for (size_t i = 0; i < spec.fields.size(); ++i) object[spec.fields[i].name] = EncodeValue(spec.fields[i], record.values[i]);
  return object;
}

}  // namespace brm::json
