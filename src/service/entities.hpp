// EntityService: create, read, change and retire records of every collection, with validation, the
// visibility rules of SPEC.md §7, and the audit trail. The HTTP handlers are thin wrappers over it.
// Threads: safe to share; each call runs its own store transaction.
#pragma once

#include <boost/json.hpp>

#include "domain/date.hpp"
#include "domain/result.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

class EntityService {
 public:
  // Every committed change is also applied to `engine` (when given), before the call returns.
  explicit EntityService(Store& store, engine::Engine* engine = nullptr) : store_(store), engine_(engine) {}

  // One record the actor may see; kNotFound when it does not exist or is hidden from the actor.
  Result<Record> Get(const Actor& actor, Kind kind, std::string_view id);
  Result<Page> List(const Actor& actor, Kind kind, const ListQuery& query);

  // Creates a record from a JSON body. "id" is generated when absent. Ratings, votes and activities are
  // recorded `by` the actor and dated today unless the body says otherwise; a rep's new customer is theirs.
  // A user body may carry "password" (at least 8 characters).
  Result<Record> Create(const Actor& actor, Kind kind, const boost::json::object& body);
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
  // Sets a user's password: admins for anyone, every user for themselves.
  Status SetPassword(const Actor& actor, std::string_view user_id, std::string_view password);
  // The audit trail of a record the actor may see.
  Result<std::vector<AuditEntry>> History(const Actor& actor, Kind kind, std::string_view id);

  // The people directory employees search to declare acquaintances: every active person, unfiltered by
  // visibility; callers must project it to name, organization, department and title.
  Page Directory(const ListQuery& query);

 private:
  // Which rule allows a write: the role rules of access.cpp, or the narrow right of every user to change
  // their own language (and nothing else of their user record).
  enum class Grant { kByRole, kOwnLanguage };
  // Validates and stores `record` (an update when `before` is set) as `actor`, who sees `visibility`.
  Result<Record> Write(const Actor& actor, const Visibility& visibility, Record record,
                       const std::optional<Record>& before, const std::optional<std::string>& password,
                       Grant grant = Grant::kByRole);

  Store& store_;
  engine::Engine* engine_;
};

// Error for an id the caller cannot see or that does not exist.
Error NotFound(Kind kind, std::string_view id);

}  // namespace brm
