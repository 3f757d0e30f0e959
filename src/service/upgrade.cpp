#include "service/upgrade.hpp"

#include <boost/json.hpp>

#include "domain/schema.hpp"
#include "domain/validate.hpp"
#include "json/record_json.hpp"
#include "service/rules.hpp"
#include "service/tx_lookup.hpp"

namespace brm {

Result<Record> ConvertExtra(Transaction& tx, std::string_view array, std::string_view body) {
  const EntitySpec* spec = FindBundleArray(array);
  if (!spec) return MakeError(ErrorCode::kInvalid, "\"" + std::string(array) + "\" is not an array of a bundle.");
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(body, error);
  if (error || !parsed.is_object()) return MakeError(ErrorCode::kInvalid, "The record is not a JSON object.");
  auto record = json::DecodeRecord(spec->kind, parsed.get_object());
  if (!record) return record.error();
  if (auto status = ValidateFields(*record); !status) return status.error();
  TxLookup lookup(tx);
  lookup.Stage(*record);
  if (auto status = ValidateReferences(*record, lookup); !status) return status.error();
  if (auto status = CheckSetRules(tx, *record); !status) return status.error();
  return record;
}

StoreConfig WithUpgrades(StoreConfig config) {
  config.convert_extra = ConvertExtra;
  return config;
}

}  // namespace brm
