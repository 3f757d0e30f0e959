// Versioned schema migrations for the SQLite store. PRAGMA user_version holds the applied version.
#pragma once

#include "store/sqlite/connection.hpp"

namespace brm::sqlite {

// The schema version this build writes.
int LatestSchemaVersion();

// Applies every migration newer than the database's version, each in its own transaction.
// Throws StoreError when the database is newer than this build.
void Migrate(Connection& connection);

}  // namespace brm::sqlite
