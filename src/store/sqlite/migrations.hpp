// Versioned schema migrations for the SQLite store. PRAGMA user_version holds the applied version.
#pragma once

#include <functional>

#include "store/sqlite/connection.hpp"

namespace brm::sqlite {

// The schema version this build writes.
int LatestSchemaVersion();

// Applies every migration newer than the database's version, each in its own transaction.
// Throws StoreError when the database is newer than this build. The upgrade to version 3 calls
// `convert_extras` inside its transaction when the project-history records that older versions kept
// verbatim (table bundle_extras) are not all converted yet; it throws to stop the upgrade, and nothing
// changes. Without `convert_extras` such a database is refused.
// `target` stops at an older version (tests that make a data directory of an older build).
void Migrate(Connection& connection, const std::function<void()>& convert_extras = {}, int target = 0);

}  // namespace brm::sqlite
