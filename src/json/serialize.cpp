#include "json/serialize.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace brm::json {
namespace bj = boost::json;
namespace {

// `text` as a JSON string, byte for byte what boost::json::serialize writes: '"' and '\\' escaped,
// control characters as \b \t \n \f \r or \u00xx, every other byte as it is. Without building a
// serializer and a string for each key and value.
void AppendString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain = 0;  // start of the run of bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

}  // namespace

void SerializeTo(std::string& out, const bj::value& value) {
  switch (value.kind()) {
    case bj::kind::null: out += "null"; break;
    case bj::kind::bool_: out += value.get_bool() ? "true" : "false"; break;
    case bj::kind::int64: out += std::to_string(value.get_int64()); break;
    case bj::kind::uint64: out += std::to_string(value.get_uint64()); break;
    case bj::kind::double_: {
      const double number = value.get_double();
      if (!std::isfinite(number)) {
        out += "null";  // JSON has no infinities; nothing BRM stores is infinite
        break;
      }
      char buffer[32];
      const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
      out.append(buffer, result.ptr);
      break;
    }
    case bj::kind::string: AppendString(out, value.get_string()); break;
    case bj::kind::array: {
      out += '[';
      bool first = true;
      for (const bj::value& item : value.get_array()) {
        if (!first) out += ',';
        first = false;
        SerializeTo(out, item);
      }
      out += ']';
      break;
    }
    case bj::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.get_object()) {
        if (!first) out += ',';
        first = false;
        AppendString(out, key);
        out += ':';
        SerializeTo(out, item);
      }
      out += '}';
      break;
    }
  }
}

std::string Serialize(const bj::value& value) {
  std::string out;
  out.reserve(256);  // most API answers fit, and growing from empty would copy them four times
  SerializeTo(out, value);
  return out;
}

}  // namespace brm::json
