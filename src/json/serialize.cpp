#include "json/serialize.hpp"

#include <charconv>
#include <cmath>

namespace brm::json {
namespace bj = boost::json;

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
    case bj::kind::string: out += bj::serialize(value.get_string()); break;
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
        out += bj::serialize(bj::string_view(key));
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
  SerializeTo(out, value);
  return out;
}

}  // namespace brm::json
