#include "service/rules.hpp"

#include <algorithm>
#include <cmath>

#include <boost/json.hpp>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"

namespace brm {
namespace f = fields;

namespace {

// [since, until) intervals overlap; a null end is open.
bool Overlap(const Record& a, const Record& b) {
  const EntitySpec& spec = Spec(a.kind);
  const auto a_since = a.DateAt(spec.since), a_until = a.DateAt(spec.until);
  const auto b_since = b.DateAt(spec.since), b_until = b.DateAt(spec.until);
  const bool a_starts_before_b_ends = !b_until || !a_since || *a_since < *b_until;
  const bool b_starts_before_a_ends = !a_until || !b_since || *b_since < *a_until;
  return a_starts_before_b_ends && b_starts_before_a_ends;
}

// The intersection of two [since, until) intervals (null ends open), or nullopt when empty.
struct Span {
  std::optional<Date> since, until;
};
std::optional<Span> Intersect(const Span& a, const Span& b) {
  Span out;
  out.since = !a.since ? b.since : !b.since ? a.since : std::max(*a.since, *b.since);
  out.until = !a.until ? b.until : !b.until ? a.until : std::min(*a.until, *b.until);
  if (out.since && out.until && !(*out.since < *out.until)) return std::nullopt;
  return out;
}
Span SpanOf(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  return Span{record.DateAt(spec.since), record.DateAt(spec.until)};
}

// Whether a new reporting line person → manager over `span` closes a loop: walking up from the manager
// over lines that overlap in time leads back to the person.
bool ReportingLoops(Transaction& tx, const Record& line) {
  const std::string& person = line.Text(f::reporting::kPerson);
  struct Step {
    std::string at;
    Span span;
  };
  std::vector<Step> stack{{line.Text(f::reporting::kManager), SpanOf(line)}};
  for (int steps = 0; !stack.empty() && steps < 10000; ++steps) {
    Step step = std::move(stack.back());
    stack.pop_back();
    if (step.at == person) return true;
    for (const Record& up : tx.FindBy(Kind::kReporting, f::reporting::kPerson, step.at)) {
      if (up.id == line.id) continue;
      if (auto span = Intersect(step.span, SpanOf(up))) stack.push_back({up.Text(f::reporting::kManager), *span});
    }
  }
  return false;
}

// "3 ratings (rat-1, rat-2, rat-3)": what depends on a record, for a message.
std::string Dependents(const std::vector<Record>& records, std::string_view noun) {
  std::string plural(noun);
  if (records.size() != 1) plural = plural.back() == 'y' ? plural.substr(0, plural.size() - 1) + "ies" : plural + "s";
  std::string out = std::to_string(records.size()) + " " + plural + " (";
  for (size_t i = 0; i < records.size() && i < 3; ++i) out += (i ? ", " : "") + records[i].id;
  return out + (records.size() > 3 ? ", …)" : ")");
}

Status Depend(const std::vector<Record>& records, std::string_view noun, const std::string& what,
              const std::string& field) {
  if (records.empty()) return {};
  return MakeError(ErrorCode::kConflict, "This change would leave " + Dependents(records, noun) + " inconsistent: " + what,
                   field);
}

// A change of an organization's kind, or of a person's organization, that records depending on the old
// one would not survive.
Status CheckDependents(Transaction& tx, const Record& record, const Record& before) {
  if (record.kind == Kind::kOrganization && record.Text(f::org::kKind) != before.Text(f::org::kKind)) {
    const std::string& was = before.Text(f::org::kKind);
    if (was == "competitor") {
      if (auto status = Depend(tx.FindBy(Kind::kRating, f::rating::kToward, record.id), "rating",
                               "a rating's target must be a competitor.", "kind");
          !status) {
        return status;
      }
    }
    if (was == "customer") {
      if (auto status = Depend(tx.FindBy(Kind::kOpportunity, f::opp::kCustomer, record.id), "opportunity",
                               "an opportunity's customer must be a customer.", "kind");
          !status) {
        return status;
      }
      if (auto status = Depend(tx.FindBy(Kind::kMilestoneModel, f::model::kCustomer, record.id), "milestone model",
                               "a milestone model belongs to a customer.", "kind");
          !status) {
        return status;
      }
    }
    const std::string& now = record.Text(f::org::kKind);
    if ((was == "competitor" || was == "ours") && now != "competitor" && now != "ours") {
      const std::string what = "a vendor, a quote or an opportunity's winner is our company or a competitor.";
      if (auto status = Depend(tx.FindBy(Kind::kVendor, f::vendor::kOrg, record.id), "vendor", what, "kind"); !status) {
        return status;
      }
      if (auto status = Depend(tx.FindBy(Kind::kQuote, f::quote::kOrg, record.id), "quote", what, "kind"); !status) {
        return status;
      }
      if (auto status = Depend(tx.FindBy(Kind::kOpportunity, f::opp::kWinner, record.id), "opportunity", what, "kind");
          !status) {
        return status;
      }
    }
    if (was == "ours") {
      for (const Record& person : tx.FindBy(Kind::kPerson, f::person::kOrg, record.id)) {
        if (auto status = Depend(tx.FindBy(Kind::kUser, f::user::kPerson, person.id), "user",
                                 "a user's person must be a person of our company.", "kind");
            !status) {
          return status;
        }
      }
    }
  }
  if (record.kind == Kind::kDepartment && before.IsNull(f::dept::kUntil) && !record.IsNull(f::dept::kUntil)) {
    // Retiring a department: the sub-departments and people still in it on that day move first.
    const std::string& day = record.Text(f::dept::kUntil);
    const auto after_day = [&day](std::vector<Record> records, int until) {
      std::erase_if(records, [&](const Record& r) { return !r.IsNull(until) && r.Text(until) <= day; });
      return records;
    };
    if (auto status = Depend(after_day(tx.FindBy(Kind::kDepartment, f::dept::kParent, record.id), f::dept::kUntil),
                             "department", "move the sub-departments to another parent, or retire them, first.", "until");
        !status) {
      return status;
    }
    if (auto status = Depend(after_day(tx.FindBy(Kind::kPerson, f::person::kDepartment, record.id), f::person::kUntil),
                             "person", "move its people to another department first.", "until");
        !status) {
      return status;
    }
  }
  if (record.kind == Kind::kPerson && record.Text(f::person::kOrg) != before.Text(f::person::kOrg)) {
    std::vector<Record> lines = tx.FindBy(Kind::kReporting, f::reporting::kPerson, record.id);
    for (Record& line : tx.FindBy(Kind::kReporting, f::reporting::kManager, record.id)) lines.push_back(std::move(line));
    if (auto status = Depend(lines, "reporting line",
                             "a reporting line joins two persons of one organization; retire it first.",
                             "org");
        !status) {
      return status;
    }
    const Record* org = nullptr;
    auto target = tx.Find(Kind::kOrganization, record.Text(f::person::kOrg));
    if (target) org = &*target;
    if (!org || org->Text(f::org::kKind) != "ours") {
      if (auto status = Depend(tx.FindBy(Kind::kUser, f::user::kPerson, record.id), "user",
                               "a user's person must be a person of our company.", "org");
          !status) {
        return status;
      }
      if (auto status = Depend(tx.FindBy(Kind::kInfluenceUse, f::use::kEmployee, record.id), "influence use",
                               "the employee of an influence use must be a person of our company.",
                               "org");
          !status) {
        return status;
      }
    }
  }
  return {};
}

// The customer of the opportunity `id`, or "" when it is not found.
std::string CustomerOf(Transaction& tx, const std::string& opportunity) {
  auto found = tx.Find(Kind::kOpportunity, opportunity);
  return found ? found->Text(f::opp::kCustomer) : std::string();
}

}  // namespace

std::vector<std::string> MilestoneModelOn(Transaction& tx, const std::string& customer, Date day) {
  for (const std::string& owner : {customer, std::string()}) {
    for (const Record& model : tx.FindBy(Kind::kMilestoneModel, f::model::kCustomer, owner)) {
      if (!ActiveOn(model, day)) continue;
      std::vector<std::string> kinds;
      for (const MilestoneKind& kind : ModelKinds(model.Text(f::model::kKinds))) kinds.emplace_back(kind.kind);
      return kinds;
    }
  }
  return {vocab::kMilestoneKinds.begin(), vocab::kMilestoneKinds.end()};
}

Status CheckCriteriaTotal(Transaction& tx, const std::string& opportunity) {
  auto opp = tx.Find(Kind::kOpportunity, opportunity);
  if (!opp || opp->IsNull(f::opp::kClosed)) return {};
  double total = 0;
  bool any = false;
  for (const Record& criterion : tx.FindBy(Kind::kCriterion, f::criterion::kOpportunity, opportunity)) {
    if (!criterion.IsNull(f::criterion::kUntil)) continue;
    total += criterion.Number(f::criterion::kWeight).value_or(0);
    any = true;
  }
  if (!any || std::fabs(total - 100) < 1e-9) return {};
  return MakeError(ErrorCode::kConflict,
                   "The weights of a closed opportunity's criteria add up to 100; those of " + opportunity +
                       " would add up to " + json::Serialize(boost::json::value(total)) +
                       ". Change them together, or before the opportunity closes.",
                   "weight");
}

Status CheckSetRules(Transaction& tx, const Record& record, const std::optional<Record>& before) {
  if (before) {
    if (auto status = CheckDependents(tx, record, *before); !status) return status;
  }
  switch (record.kind) {
    case Kind::kOrganization:
      if (record.Text(f::org::kKind) == "ours") {
        for (const Record& other : tx.FindBy(Kind::kOrganization, f::org::kKind, "ours")) {
          if (other.id != record.id) {
            return MakeError(ErrorCode::kConflict,
                             "There is already an organization of kind \"ours\" (" + other.id +
                                 "); a tenant has exactly one.",
                             "kind");
          }
        }
      }
      break;
    case Kind::kUser:
      for (const Record& other : tx.FindBy(Kind::kUser, f::user::kLogin, record.Text(f::user::kLogin))) {
        if (other.id != record.id) {
          return MakeError(ErrorCode::kConflict, "The login \"" + record.Text(f::user::kLogin) + "\" is taken.",
                           "login");
        }
      }
      break;
    case Kind::kReporting:
      for (const Record& other : tx.FindBy(Kind::kReporting, f::reporting::kPerson,
                                           record.Text(f::reporting::kPerson))) {
        if (other.id != record.id && Overlap(record, other)) {
          return MakeError(ErrorCode::kConflict,
                           "This person already reports to someone in that period (reporting line " + other.id +
                               "); retire it first.",
                           "person");
        }
      }
      if (ReportingLoops(tx, record)) {
        return MakeError(ErrorCode::kUnprocessable,
                         "This manager reports, directly or through others, to the person in that period: the "
                         "reporting lines would loop.",
                         "manager");
      }
      break;
    case Kind::kMilestoneModel:
      for (const Record& other : tx.FindBy(Kind::kMilestoneModel, f::model::kCustomer, record.Text(f::model::kCustomer))) {
        if (other.id != record.id && Overlap(record, other)) {
          return MakeError(ErrorCode::kConflict,
                           std::string(record.IsNull(f::model::kCustomer) ? "The company default"
                                                                          : "This customer") +
                               " already has a milestone model in that period (milestone model " + other.id +
                               "); change it, or retire it first.",
                           "customer");
        }
      }
      break;
    case Kind::kMilestone: {
      const auto day = record.DateAt(f::milestone::kDate);
      const std::string customer = CustomerOf(tx, record.Text(f::milestone::kOpportunity));
      if (!day || customer.empty()) break;
      const std::vector<std::string> kinds = MilestoneModelOn(tx, customer, *day);
      if (std::find(kinds.begin(), kinds.end(), record.Text(f::milestone::kKind)) == kinds.end()) {
        std::string list;
        for (const std::string& kind : kinds) list += (list.empty() ? "" : ", ") + kind;
        return MakeError(ErrorCode::kUnprocessable,
                         "\"" + record.Text(f::milestone::kKind) + "\" is not a kind of the customer's milestone model on " +
                             record.Text(f::milestone::kDate) + " (" + list + ").",
                         "kind");
      }
      break;
    }
    case Kind::kChainMember:
      for (const Record& other : tx.FindBy(Kind::kChainMember, f::chain::kPerson, record.Text(f::chain::kPerson))) {
        if (other.id != record.id &&
            other.Text(f::chain::kOpportunity) == record.Text(f::chain::kOpportunity) && Overlap(record, other)) {
          return MakeError(ErrorCode::kConflict,
                           "This person is already in this opportunity's decision chain in that period (chain member " +
                               other.id + "); change that membership instead.",
                           "person");
        }
      }
      break;
    default:
      break;
  }
  return {};
}

std::string ValueJson(const Value& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const auto* number = std::get_if<double>(&value)) return json::Serialize(boost::json::value(*number));
  if (const auto* text = std::get_if<std::string>(&value)) return json::Serialize(boost::json::value(*text));
  return "null";
}

std::string ValueJson(const FieldSpec& field, const Value& value) {
  if (field.type != FieldType::kWords && field.type != FieldType::kModel) return ValueJson(value);
  return json::Serialize(json::EncodeValue(field, value));
}

std::vector<AuditEntry> DiffAudit(const std::string& actor, const Record& before, const Record& after) {
  const EntitySpec& spec = Spec(after.kind);
  std::vector<AuditEntry> out;
  const std::string at = NowTimestamp();
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (before.values[i] == after.values[i]) continue;
    out.push_back(AuditEntry{at, actor, std::string(spec.collection), after.id, std::string(spec.fields[i].name),
                             ValueJson(spec.fields[i], before.values[i]), ValueJson(spec.fields[i], after.values[i])});
  }
  return out;
}

}  // namespace brm
