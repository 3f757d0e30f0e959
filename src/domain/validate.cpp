#include "domain/validate.hpp"

#include <cmath>
#include <string>

#include "domain/schema.hpp"

namespace brm {
namespace {

namespace f = fields;

Error Invalid(const EntitySpec& spec, const FieldSpec& field, std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message), std::string(field.name));
}

Error Unprocessable(std::string_view field, std::string message) {
  return MakeError(ErrorCode::kUnprocessable, std::move(message), std::string(field));
}

// Single-line text refuses every control character; multi-line text (notes) allows tab and newline.
bool CleanText(std::string_view text, bool multi_line) {
  for (unsigned char c : text) {
    if (c == 0x7f) return false;
    if (c < 0x20 && !(multi_line && (c == '\n' || c == '\t' || c == '\r'))) return false;
  }
  return true;
}

std::string Join(vocab::Words words) {
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

// A milestone kind word: 1–64 bytes of a–z, 0–9 and _.
bool KindWord(std::string_view word) {
  if (word.empty() || word.size() > 64) return false;
  for (char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Status CheckWords(const EntitySpec& spec, const FieldSpec& field, std::string_view text) {
  const auto items = ListItems(text);
  if (items.size() > 50) return Invalid(spec, field, "\"" + std::string(field.name) + "\" has at most 50 words.");
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string_view item = items[i];
    if (!field.vocab.empty()) {
      if (!vocab::Contains(field.vocab, item)) {
        return Invalid(spec, field, "\"" + std::string(field.name) + "\" holds words of: " + Join(field.vocab) + ".");
      }
    } else if (item.empty() || item.size() > 50 || !CleanText(item, false) ||
               item.find_first_not_of(' ') == std::string_view::npos) {
      return Invalid(spec, field, "Each of \"" + std::string(field.name) +
                                      "\" is a word of 1 to 50 bytes without control characters.");
    }
    for (size_t j = 0; j < i; ++j) {
      if (items[j] == item) {
        return Invalid(spec, field, "\"" + std::string(field.name) + "\" names \"" + std::string(item) + "\" twice.");
      }
    }
  }
  return {};
}

Status CheckModel(const EntitySpec& spec, const FieldSpec& field, std::string_view text) {
  const auto kinds = ModelKinds(text);
  if (kinds.empty() || kinds.size() > 50) {
    return Invalid(spec, field, "A milestone model has 1 to 50 kinds.");
  }
  for (size_t i = 0; i < kinds.size(); ++i) {
    const auto& [kind, name] = kinds[i];
    if (!KindWord(kind)) {
      return Invalid(spec, field, "A milestone kind is 1 to 64 characters of a-z, 0-9 and _.");
    }
    if (name.size() > 100 || !CleanText(name, false)) {
      return Invalid(spec, field, "The name of a milestone kind has at most 100 bytes and no control characters.");
    }
    if (name.find_first_not_of(' ') == std::string_view::npos && !vocab::Contains(vocab::kMilestoneKinds, kind)) {
      return Invalid(spec, field, "The milestone kind \"" + std::string(kind) +
                                      "\" is not one of the company default's, so it needs a name.");
    }
    for (size_t j = 0; j < i; ++j) {
      if (kinds[j].kind == kind) {
        return Invalid(spec, field, "The milestone kind \"" + std::string(kind) + "\" appears twice.");
      }
    }
  }
  return {};
}

// Looks up the record a reference field points at; an error naming the field when it is missing.
Result<const Record*> Referenced(Lookup& lookup, const Record& record, int field) {
  const FieldSpec& spec = Spec(record.kind).fields[field];
  const Record* target = lookup.Find(*spec.ref, record.Text(field));
  if (!target) {
    return Unprocessable(spec.name, "No " + std::string(Spec(*spec.ref).noun) + " has the id \"" +
                                        record.Text(field) + "\".");
  }
  return target;
}

std::string_view OrgKind(Lookup& lookup, std::string_view org_id) {
  const Record* org = lookup.Find(Kind::kOrganization, org_id);
  return org ? std::string_view(org->Text(f::org::kKind)) : std::string_view();
}

bool OursOrCompetitor(Lookup& lookup, std::string_view org_id) {
  const std::string_view kind = OrgKind(lookup, org_id);
  return kind == "ours" || kind == "competitor";
}

// What a task or a warning decision concerns hangs together: its customer is the opportunity's and the
// person's (a person of a customer), and is filled in from them when left out.
Status CheckConcerns(Record& record, Lookup& lookup, int customer_field, int opportunity_field, int person_field,
                     std::string_view noun) {
  if (!record.IsNull(customer_field) && OrgKind(lookup, record.Text(customer_field)) != "customer") {
    return Unprocessable("customer", "A " + std::string(noun) + "'s customer must be a customer organization.");
  }
  auto agree = [&](const std::string& customer, std::string_view field, std::string message) -> Status {
    if (record.IsNull(customer_field)) {
      record.values[customer_field] = customer;
    } else if (record.Text(customer_field) != customer) {
      return Unprocessable(field, std::move(message));
    }
    return {};
  };
  if (!record.IsNull(opportunity_field)) {
    const Record* opp = lookup.Find(Kind::kOpportunity, record.Text(opportunity_field));
    if (opp) {
      if (auto status = agree(opp->Text(f::opp::kCustomer), "opportunity",
                              "The opportunity belongs to another customer than the " + std::string(noun) + "'s.");
          !status) {
        return status;
      }
    }
  }
  if (!record.IsNull(person_field)) {
    const Record* person = lookup.Find(Kind::kPerson, record.Text(person_field));
    if (person && OrgKind(lookup, person->Text(f::person::kOrg)) == "customer") {
      if (auto status = agree(person->Text(f::person::kOrg), "person",
                              "The person works for another customer than the " + std::string(noun) + "'s.");
          !status) {
        return status;
      }
    }
  }
  return {};
}

Status CheckKindRules(Record& record, Lookup& lookup) {
  switch (record.kind) {
    case Kind::kOrganization:
      if (!record.IsNull(f::org::kOwner) && record.Text(f::org::kKind) != "customer") {
        return Unprocessable("owner", "Only customer organizations have an owner.");
      }
      break;
    case Kind::kDepartment: {
      if (record.IsNull(f::dept::kParent)) break;
      if (record.Text(f::dept::kParent) == record.id) {
        return Unprocessable("parent", "A department cannot be its own parent.");
      }
      // Walk up the tree: the parent must be in the same organization and the chain must not loop.
      std::string at = record.Text(f::dept::kParent);
      for (int depth = 0; !at.empty(); ++depth) {
        const Record* parent = lookup.Find(Kind::kDepartment, at);
        if (!parent) break;
        if (depth == 0 && parent->Text(f::dept::kOrg) != record.Text(f::dept::kOrg)) {
          return Unprocessable("parent", "The parent department belongs to another organization.");
        }
        if (parent->id == record.id || depth > 1000) {
          return Unprocessable("parent", "This parent would make the department tree loop.");
        }
        at = parent->Text(f::dept::kParent);
      }
      break;
    }
    case Kind::kPerson: {
      const std::string_view kind = OrgKind(lookup, record.Text(f::person::kOrg));
      if (!record.IsNull(f::person::kDepartment)) {
        const Record* dept = lookup.Find(Kind::kDepartment, record.Text(f::person::kDepartment));
        if (dept && dept->Text(f::dept::kOrg) != record.Text(f::person::kOrg)) {
          return Unprocessable("department", "The department belongs to another organization.");
        }
      }
      if (record.IsNull(f::person::kKey)) record.values[f::person::kKey] = (kind == "customer");
      break;
    }
    case Kind::kTeam: {
      std::string at = record.Text(f::team::kParent);
      for (int depth = 0; !at.empty(); ++depth) {
        if (at == record.id || depth > 1000) {
          return Unprocessable("parent", "This parent would make the team tree loop.");
        }
        const Record* parent = lookup.Find(Kind::kTeam, at);
        if (!parent) break;
        at = parent->Text(f::team::kParent);
      }
      break;
    }
    case Kind::kUser: {
      const Record* person = lookup.Find(Kind::kPerson, record.Text(f::user::kPerson));
      if (person && OrgKind(lookup, person->Text(f::person::kOrg)) != "ours") {
        return Unprocessable("person", "A user must be a person of our own company.");
      }
      break;
    }
    case Kind::kReporting: {
      if (record.Text(f::reporting::kPerson) == record.Text(f::reporting::kManager)) {
        return Unprocessable("manager", "A person cannot report to themselves.");
      }
      const Record* person = lookup.Find(Kind::kPerson, record.Text(f::reporting::kPerson));
      const Record* manager = lookup.Find(Kind::kPerson, record.Text(f::reporting::kManager));
      if (person && manager && person->Text(f::person::kOrg) != manager->Text(f::person::kOrg)) {
        return Unprocessable("manager", "The manager belongs to another organization than the person.");
      }
      break;
    }
    case Kind::kInfluence:
      if (record.Text(f::influence::kFrom) == record.Text(f::influence::kTo)) {
        return Unprocessable("to", "A person cannot influence themselves.");
      }
      break;
    case Kind::kOpportunity: {
      if (OrgKind(lookup, record.Text(f::opp::kCustomer)) != "customer") {
        return Unprocessable("customer", "An opportunity's customer must be a customer organization.");
      }
      auto opened = record.DateAt(f::opp::kOpened);
      auto closed = record.DateAt(f::opp::kClosed);
      if (opened && closed && *closed < *opened) {
        return Unprocessable("closed", "The close date is before the open date.");
      }
      if (!record.IsNull(f::opp::kWinner) && !OursOrCompetitor(lookup, record.Text(f::opp::kWinner))) {
        return Unprocessable("winner", "The winner must be our own company or a competitor.");
      }
      break;
    }
    case Kind::kMilestoneModel:
      if (!record.IsNull(f::model::kCustomer) && OrgKind(lookup, record.Text(f::model::kCustomer)) != "customer") {
        return Unprocessable("customer", "A milestone model belongs to a customer organization, or to no one for "
                                         "the company default.");
      }
      break;
    case Kind::kProjectLink:
      if (record.Text(f::link::kFrom) == record.Text(f::link::kTo)) {
        return Unprocessable("to", "An opportunity cannot be linked to itself.");
      }
      break;
    case Kind::kCriterion: {
      const double weight = record.Number(f::criterion::kWeight).value_or(0);
      for (int field : {f::criterion::kOurScore, f::criterion::kBestScore}) {
        if (record.Number(field).value_or(0) > weight) {
          return Unprocessable(Spec(Kind::kCriterion).fields[field].name,
                               "A score is at most the criterion's weight.");
        }
      }
      break;
    }
    case Kind::kVendor:
      if (!OursOrCompetitor(lookup, record.Text(f::vendor::kOrg))) {
        return Unprocessable("org", "A vendor is our own company or a competitor.");
      }
      break;
    case Kind::kQuote:
      if (!OursOrCompetitor(lookup, record.Text(f::quote::kOrg))) {
        return Unprocessable("org", "A quote is ours or a competitor's.");
      }
      break;
    case Kind::kRating: {
      const std::string& toward = record.Text(f::rating::kToward);
      if (toward != "ours" && OrgKind(lookup, toward) != "competitor") {
        return Unprocessable("toward", "\"toward\" must be \"ours\" or the id of a competitor organization.");
      }
      break;
    }
    case Kind::kTask:
      return CheckConcerns(record, lookup, f::task::kCustomer, f::task::kOpportunity, f::task::kPerson, "task");
    case Kind::kWarningDecision:
      return CheckConcerns(record, lookup, f::decision::kCustomer, f::decision::kOpportunity, f::decision::kPerson,
                           "warning decision");
    case Kind::kIntroduction: {
      if (auto status = CheckConcerns(record, lookup, f::intro::kCustomer, f::intro::kOpportunity, f::intro::kPerson,
                                      "introduction request");
          !status) {
        return status;
      }
      if (record.IsNull(f::intro::kCustomer)) {
        return Unprocessable("person", "An introduction is to a person of a customer.");
      }
      const Record* employee = lookup.Find(Kind::kPerson, record.Text(f::intro::kEmployee));
      if (employee && OrgKind(lookup, employee->Text(f::person::kOrg)) != "ours") {
        return Unprocessable("employee", "The employee asked must be a person of our own company.");
      }
      break;
    }
    case Kind::kInfluenceUse: {
      const Record* employee = lookup.Find(Kind::kPerson, record.Text(f::use::kEmployee));
      if (employee && OrgKind(lookup, employee->Text(f::person::kOrg)) != "ours") {
        return Unprocessable("employee", "The employee must be a person of our own company.");
      }
      break;
    }
    default:
      break;
  }
  return {};
}

}  // namespace

size_t Utf8SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto at = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  const unsigned c = at(0);
  if (c < 0x80) return 1;
  const auto tail = [&](size_t k) { return at(k) >= 0x80 && at(k) <= 0xBF; };
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned low = c == 0xE0 ? 0xA0 : 0x80, high = c == 0xED ? 0x9F : 0xBF;  // no overlong, no surrogate
    return at(1) >= low && at(1) <= high && tail(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned low = c == 0xF0 ? 0x90 : 0x80, high = c == 0xF4 ? 0x8F : 0xBF;
    return at(1) >= low && at(1) <= high && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

bool ValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text.substr(i));
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text.substr(i));
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

bool ValidId(std::string_view id) {
  if (id.empty() || id.size() > 128 || id == "." || id == "..") return false;
  for (size_t i = 0; i < id.size();) {
    const unsigned char c = static_cast<unsigned char>(id[i]);
    if (c < 0x80) {
      const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           std::string_view("-_.:@+~").find(static_cast<char>(c)) != std::string_view::npos;
      if (!allowed) return false;
      ++i;
      continue;
    }
    // A letter of another script (a Chinese id from another CRM): one well-formed UTF-8 sequence.
    const size_t length = Utf8SequenceLength(id.substr(i));
    if (length == 0) return false;
    i += length;
  }
  return true;
}

Status ValidateFields(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  if (!ValidId(record.id)) {
    return MakeError(ErrorCode::kInvalid,
                     "An id is 1 to 128 bytes of letters, digits and -_.:@+~ (not \".\" or \"..\").",
                     "id");
  }
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    const FieldSpec& field = spec.fields[i];
    const Value& value = record.values[i];
    if (std::holds_alternative<std::monostate>(value)) {
      if (field.required) return Invalid(spec, field, "\"" + std::string(field.name) + "\" is required.");
      continue;
    }
    switch (field.type) {
      case FieldType::kBool:
        if (!std::holds_alternative<bool>(value)) {
          return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be true or false.");
        }
        break;
      case FieldType::kWords: {
        const auto* text = std::get_if<std::string>(&value);
        if (!text) return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be a list of words.");
        if (auto status = CheckWords(spec, field, *text); !status) return status;
        break;
      }
      case FieldType::kModel: {
        const auto* text = std::get_if<std::string>(&value);
        if (!text) return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be a list of milestone kinds.");
        if (auto status = CheckModel(spec, field, *text); !status) return status;
        break;
      }
      case FieldType::kNumber: {
        const auto* number = std::get_if<double>(&value);
        if (number && field.integer && std::isfinite(*number) && std::trunc(*number) != *number) {
          return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be a whole number.");
        }
        if (!number || !std::isfinite(*number) || *number < field.min || *number > field.max) {
          return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be a number from " +
                                          std::to_string(static_cast<long long>(field.min)) + " to " +
                                          (field.max >= 1e15 ? std::string("1e15")
                                                             : std::to_string(static_cast<long long>(field.max))) +
                                          ".");
        }
        break;
      }
      default: {
        const auto* text = std::get_if<std::string>(&value);
        if (!text) return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be a string.");
        if (field.type == FieldType::kDate) {
          if (!ParseDate(*text)) {
            return Invalid(spec, field, "\"" + std::string(field.name) +
                                            "\" must be a real date written YYYY-MM-DD.");
          }
        } else if (field.type == FieldType::kEnum) {
          if (!vocab::Contains(field.vocab, *text)) {
            return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be one of: " +
                                            Join(field.vocab) + ".");
          }
        } else if (field.type == FieldType::kRef || field.type == FieldType::kTarget) {
          if (!ValidId(*text)) {
            return Invalid(spec, field, "\"" + std::string(field.name) + "\" is not a valid id.");
          }
        } else {
          if (text->size() > field.max_length) {
            return Invalid(spec, field, "\"" + std::string(field.name) + "\" is longer than " +
                                            std::to_string(field.max_length) + " bytes.");
          }
          if (!CleanText(*text, field.max_length > 200)) {
            return Invalid(spec, field, "\"" + std::string(field.name) + "\" contains control characters.");
          }
          if (field.email && !text->empty()) {
            const size_t at = text->find('@');
            if (at == 0 || at == std::string::npos || at + 1 >= text->size() || text->find(' ') != std::string::npos) {
              return Invalid(spec, field, "\"" + std::string(field.name) + "\" must be an e-mail address such as "
                                                                           "name@example.com.");
            }
          }
          if (field.currency && !vocab::IsCurrency(*text)) {
            return Invalid(spec, field, "\"" + std::string(field.name) +
                                            "\" must be an ISO 4217 currency code in capitals, such as CNY or USD.");
          }
          if (field.required && text->find_first_not_of(" \t") == std::string::npos) {
            return Invalid(spec, field, "\"" + std::string(field.name) + "\" must not be blank.");
          }
        }
      }
    }
  }
  if (spec.since >= 0 && spec.until >= 0) {
    auto since = record.DateAt(spec.since);
    auto until = record.DateAt(spec.until);
    if (since && until && *until < *since) {
      return MakeError(ErrorCode::kInvalid, "\"until\" is before \"since\".", "until");
    }
  }
  if (record.kind == Kind::kTask) {
    const std::string& status = record.Text(f::task::kStatus);
    if (status == "snoozed" && record.IsNull(f::task::kSnoozedUntil)) {
      return MakeError(ErrorCode::kInvalid, "A snoozed task needs \"snoozed_until\", the day it comes back.",
                       "snoozed_until");
    }
    if (status == "dismissed" && record.Text(f::task::kReason).find_first_not_of(" \t") == std::string::npos) {
      return MakeError(ErrorCode::kInvalid, "A dismissed task needs a \"reason\".", "reason");
    }
  }
  if (record.kind == Kind::kWebhook) {
    const std::string& url = record.Text(f::webhook::kUrl);
    const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    if (!scheme || url.find_first_of(" \t\r\n") != std::string::npos || url.size() <= std::string_view("https://").size()) {
      return MakeError(ErrorCode::kInvalid, "\"url\" must be an http:// or https:// address, such as the group robot's "
                                            "webhook address.", "url");
    }
  }
  if (record.kind == Kind::kWarningDecision) {
    const std::string& status = record.Text(f::decision::kStatus);
    const auto until = record.DateAt(f::decision::kSnoozedUntil);
    if (status == "snoozed" && !until) {
      return MakeError(ErrorCode::kInvalid, "Snoozing a warning needs \"snoozed_until\", the day it comes back.",
                       "snoozed_until");
    }
    if (status == "snoozed" && *until <= record.DateAt(f::decision::kDate).value_or(*until)) {
      return MakeError(ErrorCode::kInvalid, "\"snoozed_until\" must be after the day of the decision.", "snoozed_until");
    }
    if (status != "snoozed" && until) {
      return MakeError(ErrorCode::kInvalid, "Only a snoozed warning has \"snoozed_until\".", "snoozed_until");
    }
    if (status == "dismissed" && record.Text(f::decision::kReason).find_first_not_of(" \t") == std::string::npos) {
      return MakeError(ErrorCode::kInvalid, "Dismissing a warning needs a \"reason\".", "reason");
    }
  }
  return {};
}

Status ValidateReferences(Record& record, Lookup& lookup) {
  const EntitySpec& spec = Spec(record.kind);
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].type != FieldType::kRef || record.IsNull(static_cast<int>(i))) continue;
    if (auto found = Referenced(lookup, record, static_cast<int>(i)); !found) return found.error();
  }
  return CheckKindRules(record, lookup);
}

}  // namespace brm
