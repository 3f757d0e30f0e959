// SQL for record tables, generated from the catalogue (domain/schema.hpp): column lists, row mapping, and
// the owner filter and the filter clauses of list queries.
#pragma once

#include <string>
#include <string_view>

#include "domain/record.hpp"
#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace brm::sqlite {

std::string Quote(std::string_view identifier);

// "SELECT id, <fields…> FROM <table>" (statements are cached per text, so these are built once per use).
const std::string& SelectSql(Kind kind);
// SelectSql(kind) + " WHERE id = ?1".
const std::string& SelectByIdSql(Kind kind);
// Parameters: ?1 = id, ?2… = fields in catalogue order.
const std::string& InsertSql(Kind kind);
const std::string& UpdateSql(Kind kind);

Record ReadRecord(Kind kind, const Statement& row);
// Binds without copying: `record` must stay alive and unchanged until the statement has run.
void BindRecord(Statement& stmt, const Record& record);

// A boolean SQL expression over the kind's table that holds for the rows `filter` keeps (store.hpp), built
// from the catalogue's references. Uses the named parameter :owners (a JSON array of user ids).
std::string FilterClause(Kind kind, const OwnerFilter& filter);
void BindFilter(Statement& stmt, const OwnerFilter& filter);

// The filter clause and every filter of `query`, joined by AND; BindQuery binds their parameters.
// The first field of `kind` that references an opportunity, or -1.
int OpportunityField(Kind kind);
std::string WhereClause(Kind kind, const ListQuery& query, const OwnerFilter& filter);
void BindQuery(Statement& stmt, Kind kind, const ListQuery& query, const OwnerFilter& filter);

}  // namespace brm::sqlite
