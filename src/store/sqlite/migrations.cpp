#include "store/sqlite/migrations.hpp"

#include <functional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace brm::sqlite {
namespace {

// Each entry is one version. Never edit a released entry: add a new one.
// Record tables share a shape: rid (recording order), id (stable string id), the catalogue's fields.
// Foreign keys are deferred so a transaction may insert records that reference each other. Every
// referencing column has an index: SQLite looks children up when a deferred parent arrives.
const std::vector<std::string>& Migrations() {
  static const std::vector<std::string> migrations = {
      // 1: every entity of SPEC.md §2, the audit trail and the sign-in state.
      R"sql(
CREATE TABLE organizations (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, kind TEXT NOT NULL, industry TEXT, region TEXT,
  owner TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  focus INTEGER NOT NULL DEFAULT 0, since TEXT, until TEXT);
CREATE INDEX organizations_owner ON organizations(owner);
CREATE INDEX organizations_kind ON organizations(kind);

CREATE TABLE departments (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  org TEXT NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  parent TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
  since TEXT, until TEXT);
CREATE INDEX departments_org ON departments(org);
CREATE INDEX departments_parent ON departments(parent);

CREATE TABLE people (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  org TEXT NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  department TEXT REFERENCES departments(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL, title TEXT, "key" INTEGER NOT NULL, importance TEXT NOT NULL,
  orientation TEXT NOT NULL, email TEXT, phone TEXT, notes TEXT, since TEXT, until TEXT);
CREATE INDEX people_org ON people(org);
CREATE INDEX people_department ON people(department);

CREATE TABLE teams (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  parent TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  manager TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  since TEXT, until TEXT);
CREATE INDEX teams_parent ON teams(parent);
CREATE INDEX teams_manager ON teams(manager);

CREATE TABLE users (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, login TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL,
  team TEXT REFERENCES teams(id) DEFERRABLE INITIALLY DEFERRED,
  active INTEGER NOT NULL DEFAULT 1, language TEXT NOT NULL DEFAULT 'zh-CN', since TEXT, until TEXT);
CREATE INDEX users_team ON users(team);
CREATE INDEX users_person ON users(person);

CREATE TABLE reporting (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  manager TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  since TEXT, until TEXT);
CREATE INDEX reporting_person ON reporting(person);
CREATE INDEX reporting_manager ON reporting(manager);

CREATE TABLE influence (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  "from" TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  "to" TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  strength TEXT NOT NULL, note TEXT, since TEXT, until TEXT);
CREATE INDEX influence_from ON influence("from");
CREATE INDEX influence_to ON influence("to");

CREATE TABLE opportunities (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  customer TEXT NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL,
  owner TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  amount REAL, currency TEXT, stage TEXT, status TEXT NOT NULL, type TEXT NOT NULL,
  opened TEXT NOT NULL, closed TEXT, win_probability REAL, focus INTEGER NOT NULL DEFAULT 0,
  since TEXT, until TEXT);
CREATE INDEX opportunities_customer ON opportunities(customer);
CREATE INDEX opportunities_owner ON opportunities(owner);

CREATE TABLE chain_members (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT NOT NULL, veto TEXT NOT NULL, approve TEXT NOT NULL, since TEXT, until TEXT);
CREATE INDEX chain_members_opportunity ON chain_members(opportunity);
CREATE INDEX chain_members_person ON chain_members(person);

CREATE TABLE ratings (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  dimension TEXT NOT NULL, value TEXT NOT NULL, toward TEXT NOT NULL,
  opportunity TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  until TEXT);
CREATE INDEX ratings_person ON ratings(person);
CREATE INDEX ratings_opportunity ON ratings(opportunity);
CREATE INDEX ratings_by ON ratings("by");

CREATE TABLE votes (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, value TEXT NOT NULL, date TEXT NOT NULL,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  until TEXT);
CREATE INDEX votes_person ON votes(person);
CREATE INDEX votes_by ON votes("by");

CREATE TABLE activities (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  opportunity TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, date TEXT NOT NULL,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  note TEXT, until TEXT);
CREATE INDEX activities_person ON activities(person);
CREATE INDEX activities_opportunity ON activities(opportunity);
CREATE INDEX activities_by ON activities("by");

CREATE TABLE influence_uses (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  employee TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, note TEXT, until TEXT);
CREATE INDEX influence_uses_opportunity ON influence_uses(opportunity);
CREATE INDEX influence_uses_employee ON influence_uses(employee);
CREATE INDEX influence_uses_person ON influence_uses(person);

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, collection TEXT NOT NULL,
  entity_id TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT);
CREATE INDEX audit_entity ON audit(collection, entity_id);

CREATE TABLE credentials (
  user TEXT PRIMARY KEY REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  hash TEXT NOT NULL);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL,
  created INTEGER NOT NULL, last_seen INTEGER NOT NULL);
CREATE INDEX sessions_user ON sessions(user);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
  created INTEGER NOT NULL);
CREATE INDEX api_tokens_user ON api_tokens(user);

-- Project-history (SPEC.md §8) arrays of a bundle, kept verbatim until they get their own tables.
CREATE TABLE bundle_extras (
  rid INTEGER PRIMARY KEY, array TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
  UNIQUE(array, id));
)sql",
      // 2: settings, and the tactic templates and strategy overrides of SPEC.md §6.5.
      R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- owner is a user id, or '' for the company template of the strategy.
CREATE TABLE tactic_templates (
  strategy TEXT NOT NULL, owner TEXT NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
  PRIMARY KEY (strategy, owner));

CREATE TABLE strategy_overrides (
  customer TEXT PRIMARY KEY REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  strategy TEXT NOT NULL, reason TEXT NOT NULL, "by" TEXT NOT NULL, at TEXT NOT NULL);
)sql",
      // 3: the project history of SPEC.md §8 as records. The upgrade converts what bundle_extras kept
      // (Migrate's `convert`) and then drops that table.
      R"sql(
ALTER TABLE opportunities ADD COLUMN scope TEXT;
ALTER TABLE opportunities ADD COLUMN conditions TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN conditions_text TEXT;
ALTER TABLE opportunities ADD COLUMN budget REAL;
ALTER TABLE opportunities ADD COLUMN our_bid REAL;
ALTER TABLE opportunities ADD COLUMN winning_bid REAL;
ALTER TABLE opportunities ADD COLUMN winner TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE opportunities ADD COLUMN method TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE opportunities ADD COLUMN "rule" TEXT NOT NULL DEFAULT 'unknown';
CREATE INDEX opportunities_winner ON opportunities(winner);

-- A list of words is stored as its items joined by U+001F; a model's kind and name by U+001E.
CREATE TABLE milestone_models (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  customer TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  kinds TEXT NOT NULL, since TEXT, until TEXT);
CREATE INDEX milestone_models_customer ON milestone_models(customer);

CREATE TABLE milestones (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, date TEXT NOT NULL, note TEXT, since TEXT, until TEXT);
CREATE INDEX milestones_opportunity ON milestones(opportunity);

CREATE TABLE project_links (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  "from" TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  "to" TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, note TEXT, since TEXT, until TEXT);
CREATE INDEX project_links_from ON project_links("from");
CREATE INDEX project_links_to ON project_links("to");

CREATE TABLE criteria (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  item TEXT NOT NULL, weight REAL NOT NULL, our_score REAL, best_score REAL, note TEXT, since TEXT, until TEXT);
CREATE INDEX criteria_opportunity ON criteria(opportunity);

CREATE TABLE vendors (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  org TEXT NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  result TEXT NOT NULL, "rank" REAL, note TEXT, since TEXT, until TEXT);
CREATE INDEX vendors_opportunity ON vendors(opportunity);
CREATE INDEX vendors_org ON vendors(org);

CREATE TABLE quotes (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  "round" REAL NOT NULL,
  org TEXT NOT NULL REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  price REAL NOT NULL, date TEXT NOT NULL, note TEXT, since TEXT, until TEXT);
CREATE INDEX quotes_opportunity ON quotes(opportunity);
CREATE INDEX quotes_org ON quotes(org);

CREATE TABLE documents (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  name TEXT NOT NULL, kind TEXT NOT NULL, content_type TEXT, size REAL, sha256 TEXT,
  uploaded_by TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, since TEXT, until TEXT);
CREATE INDEX documents_opportunity ON documents(opportunity);
CREATE INDEX documents_uploaded_by ON documents(uploaded_by);
CREATE INDEX documents_sha256 ON documents(sha256);

CREATE TABLE lessons (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  opportunity TEXT NOT NULL REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  kind TEXT NOT NULL, tags TEXT NOT NULL DEFAULT '', "text" TEXT,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, since TEXT, until TEXT);
CREATE INDEX lessons_opportunity ON lessons(opportunity);
CREATE INDEX lessons_by ON lessons("by");
)sql",
      // 4: work — tasks and their comments.
      R"sql(
CREATE TABLE tasks (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  customer TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  opportunity TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  person TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  assignee TEXT NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  due TEXT, status TEXT NOT NULL, snoozed_until TEXT, reason TEXT, source TEXT NOT NULL, source_key TEXT, note TEXT,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL);
CREATE INDEX tasks_customer ON tasks(customer);
CREATE INDEX tasks_opportunity ON tasks(opportunity);
CREATE INDEX tasks_person ON tasks(person);
CREATE INDEX tasks_assignee ON tasks(assignee, status);
CREATE INDEX tasks_by ON tasks("by");
CREATE INDEX tasks_source_key ON tasks(source_key);

CREATE TABLE task_comments (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  task TEXT NOT NULL REFERENCES tasks(id) DEFERRABLE INITIALLY DEFERRED,
  "text" TEXT NOT NULL, "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, until TEXT);
CREATE INDEX task_comments_task ON task_comments(task);
CREATE INDEX task_comments_by ON task_comments("by");
)sql",
      // 5: what users decided about warnings.
      R"sql(
CREATE TABLE warning_decisions (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  customer TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  opportunity TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  person TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL, snoozed_until TEXT, reason TEXT, severity TEXT NOT NULL, facts REAL,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, until TEXT);
CREATE INDEX warning_decisions_customer ON warning_decisions(customer);
CREATE INDEX warning_decisions_opportunity ON warning_decisions(opportunity);
CREATE INDEX warning_decisions_person ON warning_decisions(person);
CREATE INDEX warning_decisions_by ON warning_decisions("by");
)sql",
      // 6: introduction requests and what users have read of their inbox.
      R"sql(
CREATE TABLE introductions (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  person TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  employee TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  via TEXT NOT NULL DEFAULT '',
  customer TEXT REFERENCES organizations(id) DEFERRABLE INITIALLY DEFERRED,
  opportunity TEXT REFERENCES opportunities(id) DEFERRABLE INITIALLY DEFERRED,
  status TEXT NOT NULL, note TEXT, answer TEXT, answered_on TEXT,
  activity TEXT REFERENCES activities(id) DEFERRABLE INITIALLY DEFERRED,
  "use" TEXT REFERENCES influence_uses(id) DEFERRABLE INITIALLY DEFERRED,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL);
CREATE INDEX introductions_person ON introductions(person);
CREATE INDEX introductions_employee ON introductions(employee, status);
CREATE INDEX introductions_customer ON introductions(customer);
CREATE INDEX introductions_by ON introductions("by");

CREATE TABLE inbox_marks (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  "user" TEXT, "key" TEXT NOT NULL, date TEXT NOT NULL, until TEXT);
CREATE INDEX inbox_marks_user ON inbox_marks("user", "key");
)sql",
      // 7: outbound webhooks and their deliveries.
      R"sql(
CREATE TABLE webhooks (
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, url TEXT NOT NULL, format TEXT NOT NULL,
  events TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL,
  "by" TEXT REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  date TEXT NOT NULL, until TEXT);

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY, webhook TEXT NOT NULL, event TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,
  status TEXT NOT NULL, attempts INTEGER NOT NULL, last_status INTEGER NOT NULL, last_error TEXT NOT NULL,
  created INTEGER NOT NULL, next_at INTEGER NOT NULL, delivered INTEGER NOT NULL);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries(webhook, id);
)sql",
      // 8: a note on a rating (what was observed, in the rater's words).
      R"sql(
ALTER TABLE ratings ADD COLUMN note TEXT;
)sql",
  };
  return migrations;
}

constexpr int kProjectHistoryVersion = 3;

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

void Migrate(Connection& connection, const std::function<void()>& convert_extras, int target) {
  if (target <= 0) target = LatestSchemaVersion();
  int version = 0;
  {
    Statement stmt = connection.Prepare("PRAGMA user_version");
    if (stmt.Step()) version = static_cast<int>(stmt.Int(0));
  }
  if (version > LatestSchemaVersion()) {
    throw StoreError("the database has schema version " + std::to_string(version) +
                     ", newer than this build of brm (" + std::to_string(LatestSchemaVersion()) + ")");
  }
  for (int next = version + 1; next <= target; ++next) {
    connection.Exec("BEGIN IMMEDIATE");
    try {
      connection.Exec(Migrations()[next - 1]);
      if (next == kProjectHistoryVersion) {
        bool any = false;
        {
          Statement stmt = connection.Prepare("SELECT EXISTS (SELECT 1 FROM bundle_extras)");
          any = stmt.Step() && stmt.Int(0) != 0;
        }
        if (any) {
          if (!convert_extras) {
            throw StoreError("the data directory holds project-history records kept verbatim by an older brm; "
                             "open it with `brm serve` or another brm command to convert them");
          }
          convert_extras();
        }
        connection.Exec("DROP TABLE bundle_extras");
      }
      connection.Exec("PRAGMA user_version = " + std::to_string(next));
      connection.Exec("COMMIT");
    } catch (...) {
      connection.Exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace brm::sqlite
