#include "domain/schema.hpp"

#include <stdexcept>

namespace brm {
namespace {

using FT = FieldType;

FieldSpec Text(std::string_view name, bool required = false, size_t max_length = 200) {
  FieldSpec f{.name = name, .type = FT::kText, .required = required};
  f.max_length = max_length;
  return f;
}
FieldSpec Personal(FieldSpec f) {
  f.personal = true;
  return f;
}
// ISO 4217 code, CNY unless stated (SPEC.md §2).
FieldSpec Currency() {
  FieldSpec f{.name = "currency", .type = FT::kText, .fallback = std::string("CNY")};
  f.max_length = 3;
  f.currency = true;
  return f;
}
FieldSpec Email() {
  FieldSpec f = Personal(FieldSpec{.name = "email", .type = FT::kText});
  f.email = true;
  return f;
}
FieldSpec Bool(std::string_view name, Value fallback) {
  return FieldSpec{.name = name, .type = FT::kBool, .fallback = std::move(fallback)};
}
FieldSpec Number(std::string_view name, double min, double max) {
  FieldSpec f{.name = name, .type = FT::kNumber};
  f.min = min;
  f.max = max;
  return f;
}
FieldSpec DateField(std::string_view name, bool required = false) {
  return FieldSpec{.name = name, .type = FT::kDate, .required = required};
}
FieldSpec Enum(std::string_view name, vocab::Words words, std::string_view fallback = {}) {
  FieldSpec f{.name = name, .type = FT::kEnum, .required = fallback.empty(), .vocab = words};
  if (!fallback.empty()) f.fallback = std::string(fallback);
  return f;
}
FieldSpec Integer(std::string_view name, double min, double max, bool required = false) {
  FieldSpec f = Number(name, min, max);
  f.integer = true;
  f.required = required;
  return f;
}
FieldSpec Required(FieldSpec f) {
  f.required = true;
  return f;
}
FieldSpec Words(std::string_view name, vocab::Words words = {}) {
  return FieldSpec{.name = name, .type = FT::kWords, .vocab = words, .fallback = std::string()};
}
FieldSpec Ref(std::string_view name, Kind kind, bool required = true) {
  return FieldSpec{.name = name, .type = FT::kRef, .required = required, .ref = kind};
}

EntitySpec Make(Kind kind, std::string_view collection, std::string_view bundle, std::string_view table,
                std::string_view noun, bool fact, std::vector<FieldSpec> fields) {
  EntitySpec spec{.kind = kind, .collection = collection, .bundle = bundle, .table = table,
                  .noun = noun, .fact = fact, .fields = std::move(fields)};
  spec.search = spec.Index(kind == Kind::kUser ? "login" : "name");
  spec.since = spec.Index("since");
  spec.until = spec.Index("until");
  return spec;
}

std::array<EntitySpec, kKindCount> BuildSpecs() {
  const auto since = DateField("since");
  const auto until = DateField("until");
  return {
      Make(Kind::kOrganization, "organizations", "organizations", "organizations", "organization", false,
           {Text("name", true), Enum("kind", vocab::kOrgKinds), Text("industry"), Text("region"),
            Ref("owner", Kind::kUser, false), Bool("focus", false), since, until}),
      Make(Kind::kDepartment, "departments", "departments", "departments", "department", false,
           {Ref("org", Kind::kOrganization), Text("name", true), Ref("parent", Kind::kDepartment, false), since,
            until}),
      Make(Kind::kPerson, "people", "people", "people", "person", false,
           {Ref("org", Kind::kOrganization), Ref("department", Kind::kDepartment, false),
            Personal(Text("name", true)), Text("title"), Bool("key", Value{}),
            Enum("importance", vocab::kImportance, "unknown"), Enum("orientation", vocab::kOrientation, "unknown"),
            Email(), Personal(Text("phone", false, 50)), Personal(Text("notes", false, 10000)),
            since, until}),
      Make(Kind::kTeam, "teams", "teams", "teams", "team", false,
           {Text("name", true), Ref("parent", Kind::kTeam, false), Ref("manager", Kind::kUser, false), since,
            until}),
      Make(Kind::kUser, "users", "users", "users", "user", false,
           {Text("login", true, 64), Ref("person", Kind::kPerson), Enum("role", vocab::kUserRoles),
            Ref("team", Kind::kTeam, false), Bool("active", true), Enum("language", vocab::kLanguages, "zh-CN"),
            since, until}),
      Make(Kind::kReporting, "reporting-lines", "reporting", "reporting", "reporting line", false,
           {Ref("person", Kind::kPerson), Ref("manager", Kind::kPerson), since, until}),
      Make(Kind::kInfluence, "influence-links", "influence", "influence", "influence link", false,
           {Ref("from", Kind::kPerson), Ref("to", Kind::kPerson), Enum("strength", vocab::kStrengths),
            Text("note", false, 2000), since, until}),
      Make(Kind::kOpportunity, "opportunities", "opportunities", "opportunities", "opportunity", false,
           {Ref("customer", Kind::kOrganization), Text("name", true), Ref("owner", Kind::kUser, false),
            Number("amount", 0, 1e15), Currency(), Text("stage", false, 100),
            Enum("status", vocab::kOpportunityStatus, "open"), Enum("type", vocab::kOpportunityType, "new"),
            DateField("opened", true), DateField("closed"), Number("win_probability", 0, 1),
            Bool("focus", false), since, until, Text("scope", false, 10000), Words("conditions", vocab::kConditions),
            Text("conditions_text", false, 10000), Number("budget", 0, 1e15), Number("our_bid", 0, 1e15),
            Number("winning_bid", 0, 1e15), Ref("winner", Kind::kOrganization, false),
            Enum("method", vocab::kTenderMethods, "unknown"), Enum("rule", vocab::kAwardRules, "unknown")}),
      Make(Kind::kChainMember, "chain-members", "chain", "chain_members", "chain member", false,
           {Ref("opportunity", Kind::kOpportunity), Ref("person", Kind::kPerson),
            Enum("role", vocab::kDecisionRoles), Enum("veto", vocab::kYesNoUnknown, "unknown"),
            Enum("approve", vocab::kYesNoUnknown, "unknown"), since, until}),
      Make(Kind::kRating, "ratings", "ratings", "ratings", "rating", true,
           {Ref("person", Kind::kPerson), Enum("dimension", vocab::kDimensions), Enum("value", vocab::kAttitudes),
            FieldSpec{.name = "toward", .type = FT::kTarget, .fallback = std::string("ours")},
            Ref("opportunity", Kind::kOpportunity, false), DateField("date", true), Ref("by", Kind::kUser, false),
            until, Personal(Text("note", false, 2000))}),
      Make(Kind::kVote, "votes", "votes", "votes", "vote", true,
           {Ref("person", Kind::kPerson), Enum("kind", vocab::kVoteKinds), Enum("value", vocab::kYesNoUnknown),
            DateField("date", true), Ref("by", Kind::kUser, false), until}),
      Make(Kind::kActivity, "activities", "activities", "activities", "activity", true,
           {Ref("person", Kind::kPerson), Ref("opportunity", Kind::kOpportunity, false),
            Enum("kind", vocab::kActivityKinds), DateField("date", true), Ref("by", Kind::kUser, false),
            Personal(Text("note", false, 10000)), until}),
      Make(Kind::kInfluenceUse, "influence-uses", "influence_uses", "influence_uses", "influence use", true,
           {Ref("opportunity", Kind::kOpportunity), Ref("employee", Kind::kPerson), Ref("person", Kind::kPerson),
            DateField("date", true), Text("note", false, 2000), until}),
      Make(Kind::kMilestoneModel, "milestone-models", "milestone_models", "milestone_models", "milestone model", false,
           {Ref("customer", Kind::kOrganization, false), FieldSpec{.name = "kinds", .type = FT::kModel, .required = true},
            since, until}),
      Make(Kind::kMilestone, "milestones", "milestones", "milestones", "milestone", false,
           {Ref("opportunity", Kind::kOpportunity), Text("kind", true, 64), DateField("date", true),
            Text("note", false, 2000), since, until}),
      Make(Kind::kProjectLink, "project-links", "project_links", "project_links", "project link", false,
           {Ref("from", Kind::kOpportunity), Ref("to", Kind::kOpportunity), Enum("kind", vocab::kLinkKinds),
            Text("note", false, 2000), since, until}),
      Make(Kind::kCriterion, "criteria", "criteria", "criteria", "criterion", false,
           {Ref("opportunity", Kind::kOpportunity), Text("item", true), Required(Number("weight", 0, 100)),
            Number("our_score", 0, 100), Number("best_score", 0, 100), Text("note", false, 2000), since, until}),
      Make(Kind::kVendor, "vendors", "vendors", "vendors", "vendor", false,
           {Ref("opportunity", Kind::kOpportunity), Ref("org", Kind::kOrganization),
            Enum("result", vocab::kVendorResults, "unknown"), Integer("rank", 1, 1e6), Text("note", false, 2000),
            since, until}),
      Make(Kind::kQuote, "quotes", "quotes", "quotes", "quote", false,
           {Ref("opportunity", Kind::kOpportunity), Integer("round", 1, 1000, true), Ref("org", Kind::kOrganization),
            Required(Number("price", 0, 1e15)), DateField("date", true), Text("note", false, 2000), since, until}),
      Make(Kind::kDocument, "documents", "documents", "documents", "document", false,
           {Ref("opportunity", Kind::kOpportunity), Text("name", true, 255), Enum("kind", vocab::kDocumentKinds, "other"),
            Text("content_type", false, 255), Integer("size", 0, 1e15), Text("sha256", false, 64),
            Ref("uploaded_by", Kind::kUser, false), DateField("date", true), since, until}),
      Make(Kind::kLesson, "lessons", "lessons", "lessons", "lesson", false,
           {Ref("opportunity", Kind::kOpportunity), Enum("kind", vocab::kLessonKinds), Words("tags"),
            Text("text", false, 10000), Ref("by", Kind::kUser, false), DateField("date", true), since, until}),
      // A task has no validity interval: it is finished (done) or dismissed, and stays in the history.
      Make(Kind::kTask, "tasks", "tasks", "tasks", "task", false,
           {Text("title", true), Ref("customer", Kind::kOrganization, false),
            Ref("opportunity", Kind::kOpportunity, false), Ref("person", Kind::kPerson, false),
            Ref("assignee", Kind::kUser), DateField("due"), Enum("status", vocab::kTaskStatus, "open"),
            DateField("snoozed_until"), Text("reason", false, 2000), Enum("source", vocab::kTaskSources, "hand"),
            Text("source_key", false, 500), Text("note", false, 10000), Ref("by", Kind::kUser, false),
            DateField("date", true)}),
      Make(Kind::kTaskComment, "task-comments", "task_comments", "task_comments", "task comment", true,
           {Ref("task", Kind::kTask), Text("text", true, 10000), Ref("by", Kind::kUser, false), DateField("date", true),
            until}),
      // What a user decided about a warning (kind, customer, opportunity, person: its key). The latest one
      // not retired is in force until what raised the warning changes; `severity` and `facts` are the
      // server's, taken when it is recorded (service/warning_states.hpp).
      Make(Kind::kWarningDecision, "warning-decisions", "warning_decisions", "warning_decisions", "warning decision",
           true,
           {Enum("kind", vocab::kWarningKinds), Ref("customer", Kind::kOrganization, false),
            Ref("opportunity", Kind::kOpportunity, false), Ref("person", Kind::kPerson, false),
            Enum("status", vocab::kDecisionStatus), DateField("snoozed_until"), Text("reason", false, 2000),
            Enum("severity", vocab::kSeverities, "low"), Integer("facts", 0, 1e12), Ref("by", Kind::kUser, false),
            DateField("date", true), until}),
      // A request to one of our employees to introduce the requester to a key person (the target `person`),
      // along an introduction path (`via`). Answered by the employee's user: accepting records an activity
      // with the target and, for an opportunity, an influence use (`activity`, `use`).
      Make(Kind::kIntroduction, "introductions", "introductions", "introductions", "introduction request", false,
           {Ref("person", Kind::kPerson), Ref("employee", Kind::kPerson), Words("via"),
            Ref("customer", Kind::kOrganization, false), Ref("opportunity", Kind::kOpportunity, false),
            Enum("status", vocab::kIntroductionStatus, "pending"), Text("note", false, 2000),
            Text("answer", false, 2000), DateField("answered_on"), Ref("activity", Kind::kActivity, false),
            Ref("use", Kind::kInfluenceUse, false), Ref("by", Kind::kUser, false), DateField("date", true)}),
      // A user has read an item of their inbox (its key: "task:<id>", "introduction:<id>:<status>", …). `user`
      // is the id of the user it belongs to, set by the server (text, not a reference: nobody but that user,
      // whatever their role, reads it, and an employee reads no user record).
      Make(Kind::kInboxMark, "inbox-marks", "inbox_marks", "inbox_marks", "inbox mark", true,
           {Text("user", false, 128), Text("key", true, 300), DateField("date", true), until}),
      // An outbound webhook an admin configured: the events it receives, in the group-robot message format
      // of WeCom (企业微信) or DingTalk (钉钉), or plain JSON (service/webhooks.hpp). Retired to stop it.
      Make(Kind::kWebhook, "webhooks", "webhooks", "webhooks", "webhook", false,
           {Text("name", true), Text("url", true, 2000), Enum("format", vocab::kWebhookFormats),
            Words("events", vocab::kWebhookEvents), Bool("active", true), Ref("by", Kind::kUser, false),
            DateField("date", true), until}),
  };
}

const std::array<EntitySpec, kKindCount>& Specs() {
  static const std::array<EntitySpec, kKindCount> specs = BuildSpecs();
  return specs;
}

}  // namespace

int EntitySpec::Index(std::string_view name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const EntitySpec& Spec(Kind kind) { return Specs()[static_cast<size_t>(kind)]; }

const std::array<const EntitySpec*, kKindCount>& AllSpecs() {
  static const auto all = [] {
    std::array<const EntitySpec*, kKindCount> out{};
    for (int i = 0; i < kKindCount; ++i) out[i] = &Specs()[i];
    return out;
  }();
  return all;
}

const EntitySpec* FindCollection(std::string_view collection) {
  for (const EntitySpec& spec : Specs()) {
    if (spec.collection == collection) return &spec;
  }
  return nullptr;
}

const EntitySpec* FindBundleArray(std::string_view array) {
  for (const EntitySpec& spec : Specs()) {
    if (spec.bundle == array) return &spec;
  }
  return nullptr;
}

std::string WithArticle(std::string_view noun, bool capital) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  std::string out = vowel ? (capital ? "An " : "an ") : (capital ? "A " : "a ");
  return out.append(noun);
}

std::vector<MilestoneKind> ModelKinds(std::string_view text) {
  std::vector<MilestoneKind> kinds;
  for (std::string_view item : ListItems(text)) {
    const size_t pair = item.find(kPairSeparator);
    if (pair == std::string_view::npos) {
      kinds.push_back({item, {}});
    } else {
      kinds.push_back({item.substr(0, pair), item.substr(pair + 1)});
    }
  }
  return kinds;
}

Record BlankRecord(Kind kind) {
  const EntitySpec& spec = Spec(kind);
  Record record{.kind = kind, .id = {}, .values = {}};
  record.values.reserve(spec.fields.size());
  for (const FieldSpec& field : spec.fields) record.values.push_back(field.fallback);
  return record;
}

std::string_view IdPrefix(Kind kind) {
  static constexpr std::string_view kPrefixes[] = {"org", "dept", "per", "team", "usr", "rep", "inf",
                                                   "opp", "chm",  "rat", "vot",  "act", "use", "mm",
                                                   "ms",  "pl",   "cri", "ven",  "quo", "doc", "les",
                                                   "task", "tcm",  "wd",  "intro", "mark", "hook"};
  static_assert(std::size(kPrefixes) == kKindCount, "one id prefix per kind");
  return kPrefixes[static_cast<size_t>(kind)];
}

}  // namespace brm
