// Upgrades of data directories written by older builds that need the service layer's rules.
#pragma once

#include <string_view>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace brm {

// The ExtraConverter of StoreConfig: a project-history record that schema 2 kept verbatim (bundle array
// `array`, JSON text `body`) as a record, with the checks of an import (fields, references, the rules
// over stored records). Errors name the field.
Result<Record> ConvertExtra(Transaction& tx, std::string_view array, std::string_view body);

// `config` with every upgrade this build can make; what every command opens its store with.
StoreConfig WithUpgrades(StoreConfig config);

}  // namespace brm
