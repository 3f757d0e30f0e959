// Fuzz target: a record's JSON as the API receives it. The first byte picks the collection, the rest is
// the body. Decoding and validation must answer with an error or a record, never crash; a record that
// validates must survive encoding and decoding unchanged, and its encoding must be valid UTF-8 JSON.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/record.hpp"
#include "domain/validate.hpp"
#include "json/record_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace brm;
  if (size < 1) return 0;
  const Kind kind = static_cast<Kind>(data[0] % kKindCount);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) return 0;
  json::DecodeOptions options;
  options.id_optional = (data[0] / kKindCount) % 2 == 1;
  auto record = json::DecodeRecord(kind, value.get_object(), options);
  if (!record) return 0;
  if (record->id.empty()) record->id = "fuzz-1";
  if (!ValidateFields(*record)) return 0;
  const std::string encoded = boost::json::serialize(json::EncodeRecord(*record));
  if (!ValidUtf8(encoded)) std::abort();
  auto again = json::DecodeRecord(kind, boost::json::parse(encoded).get_object());
  if (!again || !(*again == *record)) std::abort();  // a valid record reads back as itself
  return 0;
}
