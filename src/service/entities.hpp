// EntityService: create, read, change and retire records of every collection, with validation, the access
// policy (access_policy.hpp, SPEC.md §7), the rules across records, and the audit trail. The HTTP
// handlers are thin wrappers over it. A record the actor may not see is answered exactly as a record that
// does not exist, whether it is asked for (kNotFound) or referred to by a record written (kUnprocessable
// naming the field).
// Threads: safe to share; each call runs its own store transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/json.hpp>

#include "domain/date.hpp"
#include "domain/result.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "service/bundle.hpp"
#include "service/handover.hpp"
#include "service/passwords.hpp"
#include "store/store.hpp"

namespace brm {

class Access;

// What the directory shows of a person or an organization: enough to say "I know this person" (SPEC.md §7).
struct DirectoryEntry {
  Kind kind = Kind::kPerson;  // kPerson or kOrganization
  std::string id, name;
  std::string org_kind;                       // organizations: their kind
  std::string org, org_name, title;           // people
  std::optional<std::string> department, department_name;  // people
};

struct DirectoryPage {
  std::vector<DirectoryEntry> items;
  size_t total = 0;
};

class EntityService {
 public:
  // Access is decided against `engine`'s graph, and every committed change is applied to it before the
  // call returns. `passwords` checks the passwords users choose.
  EntityService(Store& store, engine::Engine& engine, PasswordRules passwords = {})
      : store_(store), engine_(engine), passwords_(std::move(passwords)) {}

  // Called after every committed write, once the store's write lock is released, with the record as written
  // and as it was (nullopt when created), for what follows a change (the webhooks' events, which are written
  // to the store in turn). Set once, before requests are served.
  using Listener = std::function<void(const Actor& actor, const Record& written, const std::optional<Record>& before)>;
  void OnCommitted(Listener listener) { listener_ = std::move(listener); }

  // One record the actor may see; kNotFound when it does not exist or is hidden from the actor.
  Result<Record> Get(const Actor& actor, Kind kind, std::string_view id);
  Result<Page> List(const Actor& actor, Kind kind, const ListQuery& query);

  // Creates a record from a JSON body. "id" is generated when absent; only those who see everything may
  // choose it (kInvalid naming "id" for the others). Ratings, votes and activities are recorded `by` the
  // actor and dated today unless the body says otherwise; a rep's new customer is theirs. A user body may
  // carry "password" (PasswordRules).
  // With WriteMode::kCheck nothing is stored: the record comes back when it would have been (the document
  // upload checks its record before the file arrives).
  enum class WriteMode { kCommit, kCheck };
  Result<Record> Create(const Actor& actor, Kind kind, const boost::json::object& body,
                        WriteMode mode = WriteMode::kCommit);
  // Several writes in one store transaction, all or nothing (the review that closes a project). Each change is
  // what Create (an empty id) or Update (the fields to change) would write, checked the same way with the
  // access policy; rules over a set of records (criteria weights) are checked once all are in place. An
  // error's field is prefixed with the change's `field` ("vendors[1]" + "org" → "vendors[1].org").
  struct Change {
    Kind kind = Kind::kOpportunity;
    std::string id;             // empty: a new record
    boost::json::object body;   // the new record, or the fields to change
    std::string field;          // where the change comes from in the caller's request
  };
  Result<std::vector<Record>> WriteAll(const Actor& actor, const std::vector<Change>& changes);
  // An introduction request answered by the employee asked (Access::MayAnswerIntroduction: 403 otherwise;
  // 409 unless pending): accepted or declined, with a note (≤ 2000). Accepting also records an activity of
  // the actor with the person (kind `other`, today, the note) and, when the request names an opportunity,
  // the influence use of the employee on the person; the request keeps their ids. One transaction, audited
  // as the actor.
  Result<Record> AnswerIntroduction(const Actor& actor, std::string_view id, bool accept, std::string_view note);
  // An owner handover (service/handover.hpp) on the grant of Access::MayHandOver: kUnprocessable naming
  // `from` or `to` for a user the actor may not read or that does not exist. A preview writes nothing; a
  // handover writes every change in one transaction, audited as the actor, with a `handover` line on the
  // leaver's user record, and signs a leaving user out.
  Result<HandoverReport> HandOver(const Actor& actor, const HandoverRequest& request);
  // Changes the given fields. Facts (ratings, votes, activities, influence uses) only accept "until".
  Result<Record> Update(const Actor& actor, Kind kind, std::string_view id, const boost::json::object& patch);
  // Sets `until` (the record stops being active on that day); kConflict when already retired.
  Result<Record> Retire(const Actor& actor, Kind kind, std::string_view id, Date until);
  // Admin only: removes a person's name, contact details and notes (and the notes of activities and
  // influence links about them, and those values in the audit trail). Every figure stays the same.
  Result<Record> ErasePerson(const Actor& actor, std::string_view id);
  // Sets the actor's own interface language (a word of vocab::kLanguages), whatever their role: the one
  // change to a user record that is not an administrator's. Audited like any change; kInvalid naming
  // "language" for another word, kNotFound when the actor has no user record (the CLI).
  Result<Record> SetOwnLanguage(const Actor& actor, std::string_view language);
  // Sets a user's password: admins for anyone, every user for themselves; the password must pass the
  // PasswordRules (kInvalid naming "password").
  Status SetPassword(const Actor& actor, std::string_view user_id, std::string_view password);
  // Bundles (Access::MayExchangeBundles): the whole tenant written to `out`; or a bundle imported
  // all-or-nothing (service/bundle.hpp), after which the figures are rebuilt from the store.
  Status ExportBundle(const Actor& actor, std::ostream& out);
  Result<ImportReport> ImportBundle(const Actor& actor, const BundleSource& source);
  // The audit trail of a record the actor may see.
  Result<std::vector<AuditEntry>> History(const Actor& actor, Kind kind, std::string_view id);

  // The directory employees search to declare acquaintances (Access::UsesDirectory): active persons, or
  // organizations, of every organization, projected to names. Filters by organization and department
  // (people) or kind (organizations) only — a filter on anything else would reveal it (kInvalid).
  Result<DirectoryPage> Directory(const Actor& actor, Kind kind, ListQuery query);
  Result<DirectoryEntry> DirectoryEntryOf(const Actor& actor, Kind kind, std::string_view id);
  // Whether the actor reads `kind` through the directory rather than the collection.
  bool UsesDirectory(const Actor& actor, Kind kind);

 private:
  // What the access policy says of `actor` for a rule that needs no record (administration).
  Status Allowed(const Actor& actor, const std::function<Status(const Access&)>& rule);
  // Which rule allows a write: the access policy (access_policy.hpp), or the narrow right of every user to change
  // their own language (and nothing else of their user record).
  enum class Grant { kByRole, kOwnLanguage };
  // Validates and stores `record` (an update when `before` is set) as `actor`.
  Result<Record> Write(const Actor& actor, Record record, const std::optional<Record>& before,
                       const std::optional<std::string>& password, Grant grant = Grant::kByRole,
                       WriteMode mode = WriteMode::kCommit);
  // Checks `record` (an update of `before` when set) against the records of `tx` and writes it there; with
  // `access` null only the rules that do not depend on the actor's role apply.
  Status Stage(const Access* access, Transaction& tx, Record& record,
               const std::optional<Record>& before);
  // The record a change would write and the stored one it replaces.
  Result<std::pair<Record, std::optional<Record>>> Prepare(const Actor& actor, const Change& change);
  // The stored record when the actor may read it.
  std::optional<Record> ReadVisible(const Actor& actor, Kind kind, std::string_view id);
  DirectoryEntry Project(const Record& record, std::unordered_map<std::string, std::string>& org_names,
                         std::unordered_map<std::string, std::string>& department_names);

  // Records written on one grant of the access policy (an introduction answered, a handover): each checked by
  // the rules that do not depend on the role (the grant was the role's), in one transaction, audited as the
  // actor with `extra` audit lines; kConflict when a replaced record changed since it was read. A user made
  // inactive is signed out.
  Result<std::vector<Record>> CommitGranted(const Actor& actor, Writes writes, const std::vector<AuditEntry>& extra = {});
  static void AddAuditLines(Transaction& tx, const Actor& actor, const Record& record,
                            const std::optional<Record>& before);

  void Committed(const Actor& actor, const Record& written, const std::optional<Record>& before) {
    if (listener_) listener_(actor, written, before);
  }

  Store& store_;
  engine::Engine& engine_;
  PasswordRules passwords_;
  Listener listener_;
};

// Error for an id the caller cannot see or that does not exist.
Error NotFound(Kind kind, std::string_view id);

}  // namespace brm
