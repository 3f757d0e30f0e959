#include "service/entities.hpp"

#include <array>

#include "domain/schema.hpp"
#include "domain/validate.hpp"
#include "domain/vocab.hpp"
#include "engine/warning_states.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/access_policy.hpp"
#include "service/directory_search.hpp"
#include "service/figures.hpp"
#include "service/rules.hpp"
#include "service/secrets.hpp"
#include "service/tx_lookup.hpp"

namespace brm {
namespace f = fields;

namespace {

constexpr std::string_view kPasswordKey[] = {"password"};
constexpr size_t kDirectoryMatches = 1000;  // a directory search finds at most this many

// Defaults that depend on who is writing: the author of a fact, today's date, a rep's own customer.
void ApplyActorDefaults(const Actor& actor, Record& record, const boost::json::object& body) {
  const EntitySpec& spec = Spec(record.kind);
  const int by = spec.Index("by");
  if (by >= 0 && actor.role != Role::kSystem) record.values[by] = actor.user;
  const int date = spec.Index("date");
  if (date >= 0 && !body.contains("date")) record.values[date] = FormatDate(Today());
  // An organization, department or person made here starts on the day it is made unless the body says
  // otherwise (`"since": null` is "always"): a customer created today must not count in last month's
  // figures. Links and facts keep their own days; imports keep what they carry.
  const bool counted = record.kind == Kind::kOrganization || record.kind == Kind::kDepartment ||
                       record.kind == Kind::kPerson;
  if (counted && !body.contains("since") && !body.contains("until")) {
    record.values[spec.since] = FormatDate(Today());
  }
  if (record.kind == Kind::kDocument && !body.contains("uploaded_by") && actor.role != Role::kSystem) {
    record.values[f::document::kUploadedBy] = actor.user;
  }
  if (record.kind == Kind::kOrganization && record.Text(f::org::kKind) == "customer" && !body.contains("owner") &&
      actor.role != Role::kSystem) {
    record.values[f::org::kOwner] = actor.user;
  }
}

// An opportunity written through the API keeps its status and closing day together (SPEC.md §4 counts an
// opportunity as open by its days, whatever its status, so an import keeps what it carries): a status other
// than open without a closing day closes it today, reopening clears the day, and an open opportunity given
// a closing day is refused.
Status KeepStatusAndClosingTogether(Record& record, const boost::json::object& body) {
  if (record.kind != Kind::kOpportunity) return {};
  const bool open = record.Text(f::opp::kStatus) == "open";
  if (body.contains("status") && !open && record.IsNull(f::opp::kClosed)) {
    record.values[f::opp::kClosed] = FormatDate(Today());
  }
  if (body.contains("status") && open && !body.contains("closed")) record.values[f::opp::kClosed] = std::monostate{};
  if (open && !record.IsNull(f::opp::kClosed) && body.contains("closed")) {
    return MakeError(ErrorCode::kInvalid,
                     "An open opportunity has no closing day: set its status to won, lost or abandoned, or leave "
                     "\"closed\" empty.",
                     "closed");
  }
  return {};
}

// A fact is history: it may be retired once (until set) and never changed or restored.
Status CheckFactPatch(const Record& before, const boost::json::object& patch) {
  const EntitySpec& spec = Spec(before.kind);
  if (!spec.fact) return {};
  for (const auto& [key, value] : patch) {
    if (key != "until" && key != "id") {
      return MakeError(ErrorCode::kConflict,
                       WithArticle(spec.noun) + " can only be added or retired; record a new one to correct it.",
                       std::string(key));
    }
    if (key == "until" && (!before.IsNull(spec.until) || value.is_null())) {
      return MakeError(ErrorCode::kConflict,
                       before.IsNull(spec.until) ? "A retire needs a date."
                                                 : "Already retired on " + before.Text(spec.until) + "; a retired " +
                                                       std::string(spec.noun) + " cannot be changed.",
                       "until");
    }
  }
  return {};
}

// Whether `after` is the actor's own user record changed in its language only.
bool OnlyOwnLanguage(const Actor& actor, const Record& after, const std::optional<Record>& before) {
  if (!before || after.kind != Kind::kUser || after.id != actor.user || before->id != actor.user) return false;
  for (size_t i = 0; i < after.values.size(); ++i) {
    if (static_cast<int>(i) != f::user::kLanguage && !(after.values[i] == before->values[i])) return false;
  }
  return true;
}

// The references of a record being written, as the actor may see them: a record they may not see is
// answered as no record at all, so that a reference to it fails exactly as a reference to nothing.
class VisibleLookup : public Lookup {
 public:
  VisibleLookup(Lookup& stored, const Access* access, const Record& written, const std::optional<Record>& before)
      : stored_(stored), access_(access), written_(written), before_(before) {}
  const Record* Find(Kind kind, std::string_view id) override {
    const Record* found = stored_.Find(kind, id);
    if (!found || !access_ || found == &written_ || HadReference(kind, id)) return found;
    return access_->MayReference(*found, Today()) ? found : nullptr;
  }

 private:
  // Whether the record, before this change, already referred to it: what a writer may change they may
  // keep pointing where it pointed (an employee retiring their link to someone who has left).
  bool HadReference(Kind kind, std::string_view id) const {
    if (!before_) return false;
    const EntitySpec& spec = Spec(before_->kind);
    for (size_t i = 0; i < spec.fields.size(); ++i) {
      const FieldSpec& field = spec.fields[i];
      if (field.type == FieldType::kRef && *field.ref == kind && !before_->IsNull(static_cast<int>(i)) &&
          before_->Text(static_cast<int>(i)) == id) {
        return true;
      }
    }
    return false;
  }

  Lookup& stored_;
  const Access* access_;  // nullptr: every record
  const Record& written_;
  const std::optional<Record>& before_;
};

}  // namespace

Error NotFound(Kind kind, std::string_view id) {
  return MakeError(ErrorCode::kNotFound, "No " + std::string(Spec(kind).noun) + " has the id \"" + std::string(id) + "\".");
}

std::optional<Record> EntityService::ReadVisible(const Actor& actor, Kind kind, std::string_view id) {
  auto record = store_.Get(kind, id);
  if (!record) return std::nullopt;
  const bool visible = engine_.With(
      [&](const engine::Figures& figures) { return Access(actor, figures.graph()).MayRead(*record); });
  if (!visible) return std::nullopt;
  return record;
}

Result<Record> EntityService::Get(const Actor& actor, Kind kind, std::string_view id) {
  auto record = ReadVisible(actor, kind, id);
  if (!record) return NotFound(kind, id);
  return std::move(*record);
}

Result<Page> EntityService::List(const Actor& actor, Kind kind, const ListQuery& query) {
  ListQuery narrowed = query;
  const std::optional<OwnerFilter> filter = engine_.With(
      [&](const engine::Figures& figures) { return Access(actor, figures.graph()).ListFilter(kind, narrowed); });
  if (!filter) return Page{};
  return store_.List(kind, narrowed, *filter);
}

bool EntityService::UsesDirectory(const Actor& actor, Kind kind) {
  return engine_.With([&](const engine::Figures& figures) { return Access(actor, figures.graph()).UsesDirectory(kind); });
}

DirectoryEntry EntityService::Project(const Record& record, std::unordered_map<std::string, std::string>& org_names,
                                      std::unordered_map<std::string, std::string>& department_names) {
  auto name_of = [&](std::unordered_map<std::string, std::string>& names, Kind kind, int name_field,
                     const std::string& id) -> const std::string& {
    auto it = names.find(id);
    if (it == names.end()) {
      auto found = store_.Get(kind, id);
      it = names.emplace(id, found ? found->Text(name_field) : std::string()).first;
    }
    return it->second;
  };
  DirectoryEntry entry;
  entry.kind = record.kind;
  entry.id = record.id;
  if (record.kind == Kind::kOrganization) {
    entry.name = record.Text(f::org::kName);
    entry.org_kind = record.Text(f::org::kKind);
    return entry;
  }
  entry.name = record.Text(f::person::kName);
  entry.org = record.Text(f::person::kOrg);
  entry.title = record.Text(f::person::kTitle);
  entry.org_name = name_of(org_names, Kind::kOrganization, f::org::kName, entry.org);
  if (!record.IsNull(f::person::kDepartment)) {
    entry.department = record.Text(f::person::kDepartment);
    entry.department_name = name_of(department_names, Kind::kDepartment, f::dept::kName, *entry.department);
  }
  return entry;
}

Result<DirectoryPage> EntityService::Directory(const Actor& actor, Kind kind, ListQuery query) {
  if (!UsesDirectory(actor, kind)) return MakeError(ErrorCode::kForbidden, "The directory is for employees.");
  for (const auto& [field, value] : query.equals) {
    const std::string_view name = Spec(kind).fields[field].name;
    if (name != "org" && name != "department" && name != "kind") {
      return MakeError(ErrorCode::kInvalid,
                       kind == Kind::kPerson ? "The directory can be filtered by organization and department only."
                                             : "The directory can be filtered by kind only.",
                       std::string(name));
    }
  }
  if (kind == Kind::kPerson && !query.active_on) query.active_on = Today();
  if (!query.search.empty()) {
    // By name, organization or pinyin (directory_search.hpp), through the graph; the store then filters and pages.
    std::vector<std::string> found = engine_.With([&](const engine::Figures& figures) {
      return DirectorySearch(figures.graph(), kind, query.search, query.active_on.value_or(Today()), kDirectoryMatches);
    });
    if (!query.ids.empty()) {  // ids asked for too: those of them found
      std::sort(query.ids.begin(), query.ids.end());
      std::erase_if(found, [&](const std::string& id) { return !std::binary_search(query.ids.begin(), query.ids.end(), id); });
    }
    query.ids = std::move(found);
    query.search.clear();
    if (query.ids.empty()) return DirectoryPage{};
  }
  const Page page = store_.List(kind, query);
  DirectoryPage out;
  out.total = page.total;
  std::unordered_map<std::string, std::string> orgs, departments;
  for (const Record& record : page.items) out.items.push_back(Project(record, orgs, departments));
  return out;
}

Result<DirectoryEntry> EntityService::DirectoryEntryOf(const Actor& actor, Kind kind, std::string_view id) {
  if (!UsesDirectory(actor, kind)) return MakeError(ErrorCode::kForbidden, "The directory is for employees.");
  auto record = store_.Get(kind, id);
  if (!record || (kind == Kind::kPerson && !ActiveOn(*record, Today()))) return NotFound(kind, id);
  std::unordered_map<std::string, std::string> orgs, departments;
  return Project(*record, orgs, departments);
}

Result<Record> EntityService::Create(const Actor& actor, Kind kind, const boost::json::object& body, WriteMode mode) {
  json::DecodeOptions options;
  options.id_optional = true;
  if (kind == Kind::kUser) options.extra_keys = kPasswordKey;
  if (const boost::json::value* id = body.if_contains("id"); id && !id->is_null() && !actor.sees_everything()) {
    return MakeError(ErrorCode::kInvalid, "The id of a new record is chosen by the server; leave \"id\" out.", "id");
  }
  auto decoded = json::DecodeRecord(kind, body, options);
  if (!decoded) return decoded.error();
  Record record = std::move(*decoded);
  if (record.id.empty()) record.id = NewId(IdPrefix(kind));
  ApplyActorDefaults(actor, record, body);
  if (auto status = KeepStatusAndClosingTogether(record, body); !status) return status.error();
  std::optional<std::string> password;
  if (auto it = body.find("password"); it != body.end() && kind == Kind::kUser) {
    if (!it->value().is_string()) return MakeError(ErrorCode::kInvalid, "\"password\" must be a string.", "password");
    password = std::string(it->value().get_string());
    if (auto status = passwords_.Check(*password, record.Text(f::user::kLogin)); !status) return status.error();
  }
  return Write(actor, std::move(record), std::nullopt, password, Grant::kByRole, mode);
}

Result<Record> EntityService::Update(const Actor& actor, Kind kind, std::string_view id,
                                     const boost::json::object& patch) {
  auto before = ReadVisible(actor, kind, id);
  if (!before) return NotFound(kind, id);
  if (auto status = CheckFactPatch(*before, patch); !status) return status.error();
  json::DecodeOptions options;
  options.base = &*before;
  auto decoded = json::DecodeRecord(kind, patch, options);
  if (!decoded) return decoded.error();
  if (auto status = KeepStatusAndClosingTogether(*decoded, patch); !status) return status.error();
  return Write(actor, std::move(*decoded), before, std::nullopt);
}

Result<Record> EntityService::Retire(const Actor& actor, Kind kind, std::string_view id, Date until) {
  auto before = ReadVisible(actor, kind, id);
  if (!before) return NotFound(kind, id);
  const int field = Spec(kind).until;
  if (field < 0) {
    return MakeError(ErrorCode::kConflict, WithArticle(Spec(kind).noun) +
                                               " is not retired: set its status (done, or dismissed with a reason).");
  }
  if (!before->IsNull(field)) {
    return MakeError(ErrorCode::kConflict, "Already retired on " + before->Text(field) + ".", "until");
  }
  Record after = *before;
  after.values[field] = FormatDate(until);
  return Write(actor, std::move(after), before, std::nullopt);
}

Result<Record> EntityService::SetOwnLanguage(const Actor& actor, std::string_view language) {
  if (!vocab::Contains(vocab::kLanguages, language)) {
    return MakeError(ErrorCode::kInvalid, "\"language\" must be \"zh-CN\" or \"en\".", "language");
  }
  // Users are hidden from employees' visibility; this reads only the actor's own record.
  auto before = store_.Get(Kind::kUser, actor.user);
  if (!before) return NotFound(Kind::kUser, actor.user);
  Record after = *before;
  after.values[f::user::kLanguage] = std::string(language);
  return Write(actor, std::move(after), before, std::nullopt, Grant::kOwnLanguage);
}

Status EntityService::Stage(const Access* access, Transaction& tx, Record& record,
                            const std::optional<Record>& before) {
  if (!before && tx.Find(record.kind, record.id)) {
    return MakeError(ErrorCode::kConflict,
                     WithArticle(Spec(record.kind).noun) + " with the id \"" + record.id + "\" already exists.", "id");
  }
  if (access) {
    if (auto status = access->MayWriteKind(record.kind); !status) return status;
  }
  TxLookup stored(tx);
  stored.Stage(record);
  VisibleLookup lookup(stored, access, record, before);
  if (auto status = ValidateReferences(record, lookup); !status) return status;
  if (access) {
    if (auto status = access->MayWrite(before, record); !status) return status;
  }
  if (auto status = CheckSetRules(tx, record, before); !status) return status;
  if (before) {
    tx.Update(record);
  } else {
    tx.Insert(record);
  }
  return {};
}

// The rule over a set of records that can only hold once every record of a write is in place: the weights of
// a closed opportunity's criteria (SPEC.md §8.1).
static Status CheckCriteriaOf(Transaction& tx, const Record& record, const std::optional<Record>& before) {
  if (record.kind == Kind::kOpportunity) return CheckCriteriaTotal(tx, record.id);
  if (record.kind != Kind::kCriterion) return {};
  for (const Record* version : std::array<const Record*, 2>{&record, before ? &*before : nullptr}) {
    if (!version) continue;
    if (auto status = CheckCriteriaTotal(tx, version->Text(f::criterion::kOpportunity)); !status) return status;
  }
  return {};
}

void EntityService::AddAuditLines(Transaction& tx, const Actor& actor, const Record& record,
                                  const std::optional<Record>& before) {
  if (before) {
    for (const AuditEntry& entry : DiffAudit(actor.user, *before, record)) tx.AddAudit(entry);
  } else {
    tx.AddAudit(AuditEntry{NowTimestamp(), actor.user, std::string(Spec(record.kind).collection), record.id, "*",
                           std::nullopt, json::Serialize(json::EncodeRecord(record))});
  }
}

Result<Record> EntityService::Write(const Actor& actor, Record record, const std::optional<Record>& before,
                                    const std::optional<std::string>& password, Grant grant, WriteMode mode) {
  if (auto status = ValidateFields(record); !status) return status.error();
  if (grant == Grant::kOwnLanguage && !OnlyOwnLanguage(actor, record, before)) {
    return MakeError(ErrorCode::kForbidden, "Only administrators manage users and teams.");
  }
  // Hash before taking the write lock: argon2id is slow on purpose.
  const std::optional<std::string> hash = password ? std::optional(HashPassword(*password)) : std::nullopt;
  auto tx = store_.Begin();
  // The graph is current here: every write applies to it before it releases the store's write lock.
  const Status staged = engine_.With([&](const engine::Figures& figures) -> Status {
    const Access access(actor, figures.graph());
    if (!before && record.kind == Kind::kWarningDecision) engine::StampDecision(figures.graph(), record);
    return Stage(grant == Grant::kByRole ? &access : nullptr, *tx, record, before);
  });
  if (!staged) return staged.error();
  if (auto status = CheckCriteriaOf(*tx, record, before); !status) return status.error();
  if (mode == WriteMode::kCheck) return record;  // the transaction rolls back
  if (before && *before == record) return record;  // nothing changed: the transaction rolls back, no audit line
  AddAuditLines(*tx, actor, record, before);
  if (hash) tx->SetPasswordHash(record.id, *hash);
  const bool user_stopped = record.kind == Kind::kUser &&
                            (!record.Bool(f::user::kActive) || !ActiveOn(record, Today()));
  if (user_stopped) tx->DeleteSessionsOf(record.id);
  tx->Commit();
  // Still holding the write transaction's lock: the engine sees changes in commit order.
  engine_.Apply(record);
  tx.reset();  // the store's write lock is released before what follows a change writes again
  Committed(actor, record, before);
  return record;
}

Result<std::vector<Record>> EntityService::WriteAll(const Actor& actor, const std::vector<Change>& changes) {
  // Decoded as Create and Update would, each error's field prefixed with where the change came from.
  auto at = [](const Change& change, Error error) {
    if (!change.field.empty()) error.field = error.field.empty() ? change.field : change.field + "." + error.field;
    return error;
  };
  std::vector<std::pair<Record, std::optional<Record>>> writes;
  for (const Change& change : changes) {
    auto write = Prepare(actor, change);
    if (!write) return at(change, write.error());
    if (auto status = ValidateFields(write->first); !status) return at(change, status.error());
    writes.push_back(std::move(*write));
  }
  auto tx = store_.Begin();
  for (size_t i = 0; i < writes.size(); ++i) {
    // Plain references, not a structured binding: the lambda below captures them (clang 14 cannot).
    Record& record = writes[i].first;
    const std::optional<Record>& before = writes[i].second;
    // A record written earlier in this call is read back from the transaction, not the graph.
    if (before) {
      auto current = tx->Find(record.kind, record.id);
      if (!current || !(*current == *before)) {
        return at(changes[i], MakeError(ErrorCode::kConflict, record.id + " changed while this request was checked (twice in the request, or by someone else); try again."));
      }
    }
    const Status staged = engine_.With([&](const engine::Figures& figures) -> Status {
      const Access access(actor, figures.graph());
      if (!before && record.kind == Kind::kWarningDecision) engine::StampDecision(figures.graph(), record);
      return Stage(&access, *tx, record, before);
    });
    if (!staged) return at(changes[i], staged.error());
  }
  for (size_t i = 0; i < writes.size(); ++i) {
    const auto& [record, before] = writes[i];
    if (auto status = CheckCriteriaOf(*tx, record, before); !status) return at(changes[i], status.error());
  }
  std::vector<Record> written;
  for (const auto& [record, before] : writes) {
    if (!before || !(*before == record)) AddAuditLines(*tx, actor, record, before);
    written.push_back(record);
  }
  tx->Commit();
  for (const Record& record : written) engine_.Apply(record);
  tx.reset();
  for (size_t i = 0; i < written.size(); ++i) Committed(actor, written[i], writes[i].second);
  return written;
}

Result<std::pair<Record, std::optional<Record>>> EntityService::Prepare(const Actor& actor, const Change& change) {
  if (change.id.empty()) {
    json::DecodeOptions options;
    options.id_optional = true;
    auto decoded = json::DecodeRecord(change.kind, change.body, options);
    if (!decoded) return decoded.error();
    Record record = std::move(*decoded);
    record.id = NewId(IdPrefix(change.kind));
    ApplyActorDefaults(actor, record, change.body);
    return std::pair{std::move(record), std::optional<Record>()};
  }
  auto before = ReadVisible(actor, change.kind, change.id);
  if (!before) return NotFound(change.kind, change.id);
  if (auto status = CheckFactPatch(*before, change.body); !status) return status.error();
  json::DecodeOptions options;
  options.base = &*before;
  auto decoded = json::DecodeRecord(change.kind, change.body, options);
  if (!decoded) return decoded.error();
  return std::pair{std::move(*decoded), std::move(before)};
}

Status EntityService::SetPassword(const Actor& actor, std::string_view user_id, std::string_view password) {
  if (auto status = Allowed(actor, [&](const Access& access) { return access.MaySetPassword(user_id); }); !status) {
    return status;
  }
  std::string login;
  {
    auto user = store_.Get(Kind::kUser, user_id);
    if (!user) return NotFound(Kind::kUser, user_id);
    login = user->Text(f::user::kLogin);
  }
  if (auto status = passwords_.Check(password, login); !status) return status;
  const std::string hash = HashPassword(password);
  auto tx = store_.Begin();
  if (!tx->Find(Kind::kUser, user_id)) return NotFound(Kind::kUser, user_id);
  tx->SetPasswordHash(user_id, hash);
  // Someone else set it (an admin reset): whoever held the old password is signed out everywhere.
  if (actor.user != user_id) tx->DeleteSessionsOf(user_id);
  tx->AddAudit(AuditEntry{NowTimestamp(), actor.user, "users", std::string(user_id), "password", std::nullopt,
                          std::nullopt});
  tx->Commit();
  return {};
}

Status EntityService::Allowed(const Actor& actor, const std::function<Status(const Access&)>& rule) {
  return engine_.With([&](const engine::Figures& figures) { return rule(Access(actor, figures.graph())); });
}

Status EntityService::ExportBundle(const Actor& actor, std::ostream& out) {
  if (auto status = Allowed(actor, [](const Access& access) { return access.MayExchangeBundles(); }); !status) {
    return status;
  }
  brm::ExportBundle(store_, out);
  return {};
}

Result<ImportReport> EntityService::ImportBundle(const Actor& actor, const BundleSource& source) {
  if (auto status = Allowed(actor, [](const Access& access) { return access.MayExchangeBundles(); }); !status) {
    return status.error();
  }
  auto report = brm::ImportBundle(store_, actor.user, source);
  if (report) engine_.Rebuild([&] { return LoadGraph(store_); });
  return report;
}

Result<std::vector<AuditEntry>> EntityService::History(const Actor& actor, Kind kind, std::string_view id) {
  if (!ReadVisible(actor, kind, id)) return NotFound(kind, id);
  return store_.History(Spec(kind).collection, id);
}

Result<Record> EntityService::ErasePerson(const Actor& actor, std::string_view id) {
  if (auto status = Allowed(actor, [](const Access& access) { return access.MayErase(); }); !status) {
    return status.error();
  }
  auto tx = store_.Begin();
  auto person = tx->Find(Kind::kPerson, id);
  if (!person) return NotFound(Kind::kPerson, id);
  const EntitySpec& spec = Spec(Kind::kPerson);
  std::vector<std::string> personal;
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (!spec.fields[i].personal) continue;
    personal.emplace_back(spec.fields[i].name);
    person->values[i] = Value{};
  }
  person->values[f::person::kName] = std::string("[erased]");
  tx->Update(*person);
  tx->RedactAudit(spec.collection, id, personal);
  for (Record activity : tx->FindBy(Kind::kActivity, f::activity::kPerson, id)) {
    activity.values[f::activity::kNote] = Value{};
    tx->Update(activity);
    tx->RedactAudit(Spec(Kind::kActivity).collection, activity.id, {"note"});
  }
  for (Record rating : tx->FindBy(Kind::kRating, f::rating::kPerson, id)) {
    if (rating.IsNull(f::rating::kNote)) continue;
    rating.values[f::rating::kNote] = Value{};
    tx->Update(rating);
    tx->RedactAudit(Spec(Kind::kRating).collection, rating.id, {"note"});
  }
  for (int end : {static_cast<int>(f::influence::kFrom), static_cast<int>(f::influence::kTo)}) {
    for (Record link : tx->FindBy(Kind::kInfluence, end, id)) {
      link.values[f::influence::kNote] = Value{};
      tx->Update(link);
      tx->RedactAudit(Spec(Kind::kInfluence).collection, link.id, {"note"});
    }
  }
  for (int end : {static_cast<int>(f::use::kEmployee), static_cast<int>(f::use::kPerson)}) {
    for (Record use : tx->FindBy(Kind::kInfluenceUse, end, id)) {
      use.values[f::use::kNote] = Value{};
      tx->Update(use);
      tx->RedactAudit(Spec(Kind::kInfluenceUse).collection, use.id, {"note"});
    }
  }
  tx->AddAudit(AuditEntry{NowTimestamp(), actor.user, std::string(spec.collection), std::string(id), "erase",
                          std::nullopt, std::nullopt});
  tx->Commit();
  engine_.Apply(*person);
  return std::move(*person);
}

}  // namespace brm
