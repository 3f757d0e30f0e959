// The access policy: who may read, write and compute what (SPEC.md §7). It is the one place where this is
// decided: every record read and write, every list, every figure and perspective asks it, answered from the
// engine's in-memory graph. The store is handed at most a set of owners (store.hpp, OwnerFilter); handlers,
// figures and pages never re-derive a rule.
//
// The rules (docs/security.md has them as one table):
// - Admins, executives and the command line (Role::kSystem) read and change everything; only admins (and
//   the command line) change users and teams.
// - A rep's owners are the rep; a manager's are the users of the team subtrees they lead or belong to (their
//   own team and every team whose `manager` they are, with every team below) and themself. A customer
//   organization is visible when its owner is one of the owners; organizations of other kinds (ours,
//   competitors, partners) are visible to every sales role.
// - One rule for records that cross customers: a record TOUCHES the organizations reached through its
//   references to organizations, departments, people and opportunities (an organization touches itself, a
//   person or department its organization, an opportunity its customer). A rep or manager reads a record
//   when every customer it touches is visible. Teams and users are readable by every sales role.
// - Reps and managers change what they read, except our own company's records (an organization of kind
//   `ours` and its departments, people and reporting lines) and two fields: an organization's `kind` and a
//   person's `org`. A customer they create or change keeps an owner among their owners. They cannot choose
//   the id of a new record (a taken id would reveal a hidden record).
// - Erasing a person, setting another user's password, and bundles are for admins (and the command line).
// - Employees (role `employee`) read and change only their own influence links (`from` = their person),
//   whose `to` may be any active person; they search people and organizations through the directory and
//   see no figures.
// - Tasks (work): a task is read by whoever may read what it concerns (its customer, opportunity and
//   person, by the rule above); one that concerns nothing is read by its assignee's and its author's owners
//   (themselves and their managers). A comment is read with its task. A rep assigns tasks to themself, a
//   manager to anyone among their owners, an admin or executive to anyone; the assignee must be an active
//   sales user who may read the task. A task is changed by its assignee's or author's owners (and by those
//   who see everything); its author never changes.
// - Warning decisions (acknowledge, snooze, dismiss): made by every sales user about what they read (the
//   record rule above); one about a warning that concerns nothing is read by its author's owners. Only its
//   author's owners (and those who see everything) undo (retire) one.
// - Introduction requests: made by sales users about a person they read, to an employee of ours who has an
//   active user; read by that employee (any role, employees included), by the requester's owners and by
//   whoever reads the person's customer. Answered (accepted or declined) only by the employee asked (and
//   admins); withdrawn, or its note changed while pending, by the requester's owners; nothing else changes.
// - An owner handover (a user's customers, their open opportunities and tasks to another user, in one step)
//   is made by admins, executives and the command line, and by managers between users among their owners;
//   marking the user as leaving (deactivated, their person ended) by admins only.
// - Inbox marks (what a user has read of their inbox) are their user's only, for every role.
// - Webhooks (their addresses hold the group robots' keys) are read and written by administrators only.
// - A hidden record is answered exactly as a record that does not exist, wherever it is named: as the
//   record asked for (404) or as a reference of a record written (422).
//
// Threads: an Access reads the graph it was made from; make and use it inside engine::Engine::With.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "engine/figures.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

// A perspective (SPEC.md §7) opened by a caller: what its figures may use.
struct Perspective {
  engine::Scope scope;                 // the organizations the figures may use (reads the graph it was opened on)
  std::vector<engine::Idx> users;      // the users whose customers it covers; empty for the company
  std::optional<std::vector<std::string>> owners;  // the same users' ids; nullopt for the company
};

class Access {
 public:
  // What `actor` may do, decided against `graph`.
  Access(const Actor& actor, const engine::Graph& graph);

  const Actor& actor() const { return actor_; }
  // Admins, executives and the command line: every record and the company perspective.
  bool everything() const { return actor_.sees_everything(); }

  // Reading. Whether the actor may read `record` (as stored, or as it will stand after a write).
  bool MayRead(const Record& record) const;
  // The same for the record of `kind` (an organization, department, person or opportunity) at a graph index.
  bool MayRead(Kind kind, engine::Idx index) const;
  // Whether the actor may see the organization (by graph index); false for kNone and placeholders.
  bool SeesOrg(engine::Idx org) const;
  // What a list of `kind` keeps: the store's filter, with `query` narrowed where the rule needs a field
  // (an employee's own links); nullopt when the actor may list nothing of the kind.
  std::optional<OwnerFilter> ListFilter(Kind kind, ListQuery& query) const;
  // Whether a record being written may refer to `target` (a record found by id): whether the actor may read
  // it, or for employees any active person (whom they may declare they know) on `today`.
  bool MayReference(const Record& target, Date today) const;
  // Whether the directory (people and organizations projected to names, for declaring acquaintances) is
  // what the actor lists instead of the collections.
  bool UsesDirectory(Kind kind) const;

  // Writing. Whether the actor may write records of `kind` at all, decided by role alone (so that a
  // forbidden kind is refused before any record it names is looked at).
  Status MayWriteKind(Kind kind) const;
  // Whether the actor may change `before` (nullopt for a creation) into `after`: kForbidden with a
  // reason (naming the field when one is the cause), or kNotFound, as for a record that does not exist,
  // when the actor may not read `before`. References to hidden records are the caller's to refuse first
  // (MayReference), as references to nothing.
  Status MayWrite(const std::optional<Record>& before, const Record& after) const;
  // Administration: erasing a person, setting another user's password (`user`; everyone sets their
  // own), importing and exporting bundles. Admins and the command line only.
  Status MayErase() const;
  Status MaySetPassword(std::string_view user) const;
  Status MayExchangeBundles() const;
  // Whether the actor may answer (accept or decline) an introduction request: the employee asked, or an
  // admin. What accepting records is written on this grant (EntityService::AnswerIntroduction).
  Status MayAnswerIntroduction(const Record& request) const;
  // Whether the actor may hand the customers of the user `from` over to the user `to` (service/handover.hpp):
  // admins, executives and the command line; managers between users among their owners. Marking `from` as
  // leaving (the user stops) is for admins only, as every change of a user.
  Status MayHandOver(const Record& from, const Record& to, bool leaves) const;
  // Whether the actor may choose the id of a record they create.
  bool MayChooseIds() const { return everything(); }
  // Whether the actor may change records of the customer organization `org` (people, chains, ratings …),
  // and whether they may change the person at a graph index: for the web app, which shows its editing
  // tools only then.
  bool MayWriteCustomer(engine::Idx org) const;
  bool MayChange(Kind kind, engine::Idx index) const;

  // Figures. Whether the actor may see figures at all (kForbidden for employees).
  Status MayCompute() const;
  // The actor's widest view as a scope: what record figures (a chain, a profile) may use. It asks this
  // Access as figures need, so it must not outlive it.
  engine::Scope Sees() const;
  // Opens a perspective: "me", "user:<id>", "team:<id>", "company", or "" for the actor's default (company
  // for those who see everything, me for the rest). kForbidden (field "scope") for one the actor may not
  // open, kNotFound for an unknown user or team asked by someone who sees everything (to anyone else an
  // unknown one is as forbidden as a hidden one), kInvalid for a malformed one.
  Result<Perspective> Open(std::string_view scope) const;
  // The perspective name as answers show it: the default made explicit.
  std::string ScopeName(std::string_view scope) const;

 private:
  bool Owns(engine::Idx user) const { return user != engine::kNone && user < owners_.size() && owners_[user]; }
  // The organization a referenced record of `kind` leads to (kNone when unknown); `found` false when
  // the record is not in the graph.
  engine::Idx OrgOf(Kind kind, std::string_view id, bool& found) const;
  // Whether the record belongs to our own company: an organization of kind ours, its departments, people
  // and reporting lines.
  bool OursRecord(const Record& record) const;
  std::vector<engine::Idx> TeamUsers(engine::Idx team) const;
  // Whether the actor reads a task: what it concerns, or (concerning nothing) its assignee's or author's owners.
  bool SeesTask(const engine::Task& task) const;
  // Whether the actor is the employee an introduction request asks.
  bool Recipient(const Record& introduction) const;
  // The introduction rules of MayWrite: what a new request holds, who changes or withdraws one.
  Status MayWriteIntroduction(const std::optional<Record>& before, const Record& after) const;
  // The task rules of MayWrite: who assigns to whom, who changes a task.
  Status MayWriteTask(const std::optional<Record>& before, const Record& after) const;
  Perspective PerspectiveOf(std::vector<engine::Idx> users) const;

  Actor actor_;
  const engine::Graph& graph_;
  engine::Idx user_ = engine::kNone;    // the actor's user index
  engine::Idx person_ = engine::kNone;  // the actor's person index
  std::vector<bool> owners_;            // by user index (reps and managers)
};

}  // namespace brm
