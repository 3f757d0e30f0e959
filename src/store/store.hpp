// The store: durable home of every record, its audit trail, and the sign-in state. One interface,
// implemented by sqlite/ (embedded default) and, later, postgres/.
//
// Errors: a failure of the database itself (disk full, corruption) throws StoreError; it is exceptional and
// ends the request with a 500. Everything a user can cause is checked by the caller (service/) before it
// reaches the store.
//
// Threads: a Store is shared by all request threads. Reads run concurrently; write transactions are
// serialised (Begin() waits for the previous one to end).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/record.hpp"
#include "domain/result.hpp"

namespace brm {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One line of the audit trail: who changed which field of which record, when, from what to what.
// Values are JSON texts ("\"张伟\"", "true", "null"); `field` is "*" for a creation (new_value holds the
// whole record) and "import" for a bundle import (new_value holds its counts).
struct AuditEntry {
  std::string at;          // ISO-8601 UTC timestamp
  std::string actor;       // user id, or "system" for the CLI
  std::string collection;  // API collection name
  std::string entity_id;
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

// The one filter the store applies for access control (SPEC.md §7). Who may see what is decided by the
// access policy (service/access_policy.hpp), never here: the policy hands the store a set of owners, and
// the store keeps the records whose customers all have an owner in it — the customer organizations reached
// through the record's references to organizations, departments, people and opportunities (an
// organization is its own). Organizations of other kinds have no owner and hide nothing. A task that
// concerns no customer, opportunity or person is kept when its assignee or its author is in the set; a
// task comment is kept with its task.
struct OwnerFilter {
  std::optional<std::vector<std::string>> owners;  // user ids; nullopt keeps every record
};

struct ListQuery {
  std::vector<std::pair<int, std::string>> equals;  // field index → exact value ("true"/"false" for bools)
  std::string search;                                 // substring of the spec's search field
  std::optional<Date> active_on;                      // only records active on that day
  std::vector<std::string> ids;                       // only records with one of these ids; empty: any id
  // Records of an opportunity (its first reference to one: a milestone's opportunity, a link's from)
  // whose opportunity is one of this customer's; empty: any.
  std::string customer;
  size_t offset = 0;
  size_t limit = 50;
};

struct Page {
  std::vector<Record> items;
  size_t total = 0;  // matches before paging
};

struct SessionRow {
  std::string token_hash;  // hex SHA-256 of the token; the token itself is never stored
  std::string user;
  std::string csrf;
  int64_t created = 0;    // unix seconds
  int64_t last_seen = 0;  // unix seconds
};

struct ApiTokenRow {
  std::string id;
  std::string user;
  std::string name;
  std::string token_hash;
  int64_t created = 0;
};

// The tactics text of one customer strategy (SPEC.md §6.5): the company's template, or one user's variant.
struct TacticTemplateRow {
  std::string strategy;    // a word of kStrategies (domain/strategy_config.hpp)
  std::string owner;       // the user whose personal variant this is; "" for the company template
  std::string zh;          // the text in Chinese
  std::string en;          // the text in English
  std::string updated_at;  // ISO-8601 UTC timestamp of the last change
  std::string updated_by;  // user id of the last change, or "system"
};

// A user's choice of strategy for a customer in place of the recommended one, with the reason.
struct StrategyOverrideRow {
  std::string customer;  // organization id (of kind customer)
  std::string strategy;  // a word of kStrategies
  std::string reason;
  std::string by;        // user id, or "system"
  std::string at;        // ISO-8601 UTC timestamp
};

// One message to a webhook (service/webhooks.hpp) and how its delivery went. Times are unix seconds.
struct DeliveryRow {
  int64_t id = 0;             // given by the store
  std::string webhook;        // the webhook record's id
  std::string event;          // introduction_request, introduction_answered, task_assigned, test
  std::string subject;        // what it is about ("introductions/intro-…", "tasks/task-…")
  std::string body;           // the JSON sent
  std::string status = "pending";  // pending (to try, at next_at), delivered, failed (given up)
  int attempts = 0;
  int last_status = 0;        // the receiver's HTTP status of the last attempt; 0 when none answered
  std::string last_error;     // why the last attempt failed; empty when it did not
  int64_t created = 0, next_at = 0, delivered = 0;
};

// A write transaction. Destroying it without Commit() rolls everything back.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual std::optional<Record> Find(Kind kind, std::string_view id) = 0;
  // Every record of `kind` whose field equals `value` (is null when `value` is empty), in recording order.
  virtual std::vector<Record> FindBy(Kind kind, int field, std::string_view value) = 0;
  // Adds a record; false (and nothing written) when a record of that kind with that id exists.
  virtual bool Insert(const Record& record) = 0;
  // Replaces every field of the stored record with the same kind and id.
  virtual void Update(const Record& record) = 0;
  virtual void AddAudit(const AuditEntry& entry) = 0;
  virtual void SetPasswordHash(std::string_view user, std::string_view hash) = 0;
  virtual std::optional<std::string> PasswordHash(std::string_view user) = 0;
  // Replaces the personal values in audit lines of one record (used by "erase person").
  virtual void RedactAudit(std::string_view collection, std::string_view entity_id,
                           const std::vector<std::string>& fields) = 0;
  virtual void DeleteSessionsOf(std::string_view user) = 0;
  // For loading many records of `kind` at once: drops the table's secondary indexes until RestoreIndexes()
  // builds them again in one sorted pass (much faster than growing them row by row). Lookups by id keep
  // working; FindBy on that kind is slow meanwhile. A rollback restores them too. Until the transaction
  // ends the write connection's page cache is StoreConfig::bulk_cache_mib.
  virtual void SuspendIndexes(Kind kind) = 0;
  virtual void RestoreIndexes() = 0;
  // Settings: one JSON text per key (such as the strategy thresholds); nullopt when never set.
  virtual std::optional<std::string> FindSetting(std::string_view key) = 0;
  // Inserts or replaces the setting `key`.
  virtual void PutSetting(std::string_view key, std::string_view json) = 0;
  // The tactic template of `strategy` owned by `owner` ("" for the company's); nullopt when there is none.
  virtual std::optional<TacticTemplateRow> FindTacticTemplate(std::string_view strategy, std::string_view owner) = 0;
  // Inserts or replaces the template with the same strategy and owner.
  virtual void PutTacticTemplate(const TacticTemplateRow& row) = 0;
  // Removes one template; false when there was none.
  virtual bool DeleteTacticTemplate(std::string_view strategy, std::string_view owner) = 0;
  // The strategy override of a customer; nullopt when there is none.
  virtual std::optional<StrategyOverrideRow> FindStrategyOverride(std::string_view customer) = 0;
  // Inserts or replaces the override of row.customer, which must be a stored organization (checked at commit).
  virtual void PutStrategyOverride(const StrategyOverrideRow& row) = 0;
  // Removes the override of a customer; false when there was none. The audit trail is the caller's to keep.
  virtual bool DeleteStrategyOverride(std::string_view customer) = 0;
  virtual void Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual std::unique_ptr<Transaction> Begin() = 0;

  // One record by id, whoever may see it: callers ask the access policy first.
  virtual std::optional<Record> Get(Kind kind, std::string_view id) = 0;
  virtual Page List(Kind kind, const ListQuery& query, const OwnerFilter& filter = {}) = 0;
  // Every record of `kind` in the order it was recorded; used by export and to load the engine.
  virtual void ForEach(Kind kind, const std::function<void(Record&&)>& visit) = 0;
  virtual size_t Count(Kind kind) = 0;
  virtual std::vector<AuditEntry> History(std::string_view collection, std::string_view entity_id) = 0;

  virtual std::optional<std::string> PasswordHash(std::string_view user) = 0;

  // Committed settings, tactic templates and strategy overrides (the rows of Transaction::PutSetting, …).
  virtual std::optional<std::string> Setting(std::string_view key) = 0;
  // The company templates ("" owner) and those of `owner`, ordered by strategy word (alphabetically), then
  // the company's first.
  virtual std::vector<TacticTemplateRow> TacticTemplates(std::string_view owner) = 0;
  virtual std::optional<StrategyOverrideRow> StrategyOverride(std::string_view customer) = 0;
  // Every strategy override, ordered by customer id; used to load the engine and to show overrides in lists.
  virtual void ForEachStrategyOverride(const std::function<void(StrategyOverrideRow&&)>& visit) = 0;

  virtual void PutSession(const SessionRow& session) = 0;
  virtual std::optional<SessionRow> FindSession(std::string_view token_hash) = 0;
  virtual void TouchSession(std::string_view token_hash, int64_t last_seen) = 0;
  virtual void DeleteSession(std::string_view token_hash) = 0;
  virtual void DeleteSessionsOf(std::string_view user) = 0;
  // The user's sessions, oldest first.
  virtual std::vector<SessionRow> SessionsOf(std::string_view user) = 0;

  virtual void PutApiToken(const ApiTokenRow& token) = 0;
  virtual std::optional<ApiTokenRow> FindApiToken(std::string_view token_hash) = 0;
  virtual std::vector<ApiTokenRow> ApiTokensOf(std::string_view user) = 0;
  virtual bool DeleteApiToken(std::string_view user, std::string_view id) = 0;

  // Webhook deliveries: added pending (the id is returned), the pending ones due at `now` (oldest first, at
  // most `limit`), an attempt's outcome saved (status, attempts, last_status, last_error, next_at,
  // delivered of `row`), and the latest deliveries of one webhook, newest first.
  virtual int64_t AddDelivery(const DeliveryRow& row) = 0;
  virtual std::vector<DeliveryRow> DueDeliveries(int64_t now, size_t limit) = 0;
  virtual void SaveDelivery(const DeliveryRow& row) = 0;
  virtual std::vector<DeliveryRow> DeliveriesOf(std::string_view webhook, size_t limit) = 0;

  // Copies the whole database to `path` with SQLite's online backup (or the backend's equivalent).
  virtual void Backup(const std::string& path) = 0;
  // Runs the backend's consistency check; "ok" when healthy.
  virtual std::string IntegrityCheck() = 0;
};

// Turns one project-history record that an older schema kept verbatim (its bundle array and JSON text)
// into a record checked against what `tx` already holds. The upgrade calls it for each such record, in
// bundle order, inside the upgrade's transaction; an error stops the upgrade and nothing changes.
using ExtraConverter = std::function<Result<Record>(Transaction& tx, std::string_view array, std::string_view body)>;

struct StoreConfig {
  std::string data_dir = "./data";  // holds brm.db (and its WAL); created when missing
  int read_connections = 4;         // SQLite: connections for concurrent readers
  int busy_timeout_ms = 10000;      // SQLite: how long a writer waits for the lock
  int writer_cache_mib = 2;         // SQLite: page cache of the write connection
  int reader_cache_mib = 1;         // SQLite: page cache of each reader connection
  int bulk_cache_mib = 256;         // SQLite: the writer's page cache while a bulk load runs (SuspendIndexes)
  ExtraConverter convert_extra;     // for the upgrade of a data directory of schema 2 or older
};

// Opens (creating and migrating when needed) the SQLite store in config.data_dir.
std::unique_ptr<Store> OpenSqliteStore(const StoreConfig& config);

}  // namespace brm
