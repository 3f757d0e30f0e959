#include "service/rules.hpp"

#include <boost/json.hpp>

#include "domain/schema.hpp"
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

}  // namespace

Status CheckSetRules(Transaction& tx, const Record& record) {
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

std::vector<AuditEntry> DiffAudit(const std::string& actor, const Record& before, const Record& after) {
  const EntitySpec& spec = Spec(after.kind);
  std::vector<AuditEntry> out;
  const std::string at = NowTimestamp();
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (before.values[i] == after.values[i]) continue;
    out.push_back(AuditEntry{at, actor, std::string(spec.collection), after.id, std::string(spec.fields[i].name),
                             ValueJson(before.values[i]), ValueJson(after.values[i])});
  }
  return out;
}

}  // namespace brm
