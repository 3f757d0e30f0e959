#include "service/review.hpp"

#include <cmath>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "json/serialize.hpp"

namespace brm {
namespace {

namespace bj = boost::json;
namespace f = fields;
using Change = EntityService::Change;

constexpr size_t kManyRecords = 100000;  // more than any opportunity has of one kind

Error Invalid(std::string message, std::string field) {
  return MakeError(ErrorCode::kInvalid, std::move(message), std::move(field));
}

std::string At(std::string_view array, size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

// Every key of `object` is one of `keys`; otherwise the first other one is named (after `prefix`).
Status OnlyKeys(const bj::object& object, std::initializer_list<std::string_view> keys, const std::string& prefix) {
  for (const auto& [key, value] : object) {
    bool known = false;
    for (std::string_view k : keys) known = known || k == key;
    if (!known) {
      const std::string field = prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
      return Invalid("\"" + field + "\" is not part of a review.", field);
    }
  }
  return {};
}

// The request's array `key` of objects (empty when absent).
Result<std::vector<const bj::object*>> Objects(const bj::object& request, std::string_view key) {
  std::vector<const bj::object*> objects;
  const bj::value* value = request.if_contains(key);
  if (!value || value->is_null()) return objects;
  if (!value->is_array()) return Invalid("\"" + std::string(key) + "\" must be a list of objects.", std::string(key));
  const bj::array& array = value->get_array();
  for (size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_object()) return Invalid(At(key, i) + " must be an object.", At(key, i));
    objects.push_back(&array[i].get_object());
  }
  return objects;
}

// Copies the keys of `from` that are present into `to`.
void CopyKeys(const bj::object& from, bj::object& to, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (const bj::value* value = from.if_contains(key)) to[key] = *value;
  }
}

// What the review reads before it writes: the opportunity's active records of each kind and our organization.
struct Current {
  Record opportunity;
  std::string ours;
  std::vector<Record> vendors, quotes, criteria;
};

Result<std::vector<Record>> ActiveOf(EntityService& entities, const Actor& actor, Kind kind, int opportunity_field,
                                     std::string_view opportunity) {
  ListQuery query;
  query.equals.emplace_back(opportunity_field, std::string(opportunity));
  query.limit = kManyRecords;
  auto page = entities.List(actor, kind, query);
  if (!page) return page.error();
  std::vector<Record> active;
  for (Record& record : page->items) {
    if (record.IsNull(Spec(kind).until)) active.push_back(std::move(record));
  }
  return active;
}

Result<Current> ReadCurrent(EntityService& entities, const Actor& actor, std::string_view id) {
  Current current;
  auto opportunity = entities.Get(actor, Kind::kOpportunity, id);
  if (!opportunity) return opportunity.error();
  current.opportunity = std::move(*opportunity);
  ListQuery ours;
  ours.equals.emplace_back(f::org::kKind, "ours");
  ours.limit = 1;
  if (auto page = entities.List(actor, Kind::kOrganization, ours); page && !page->items.empty()) {
    current.ours = page->items.front().id;
  }
  auto vendors = ActiveOf(entities, actor, Kind::kVendor, f::vendor::kOpportunity, id);
  auto quotes = ActiveOf(entities, actor, Kind::kQuote, f::quote::kOpportunity, id);
  auto criteria = ActiveOf(entities, actor, Kind::kCriterion, f::criterion::kOpportunity, id);
  for (auto* list : {&vendors, &quotes, &criteria}) {
    if (!*list) return list->error();
  }
  current.vendors = std::move(*vendors);
  current.quotes = std::move(*quotes);
  current.criteria = std::move(*criteria);
  return current;
}

Result<Change> OpportunityChange(const bj::object& request, const Current& current) {
  const bj::value* status = request.if_contains("status");
  if (!status || !status->is_string() || status->get_string() == "open" ||
      !vocab::Contains(vocab::kOpportunityStatus, status->get_string())) {
    return Invalid("\"status\" is required: \"won\", \"lost\" or \"abandoned\".", "status");
  }
  Change change{Kind::kOpportunity, current.opportunity.id, {}, ""};
  CopyKeys(request, change.body, {"status", "closed", "winner", "winning_bid", "our_bid"});
  if (!request.contains("winner") && status->get_string() == "won" && !current.ours.empty()) {
    change.body["winner"] = current.ours;
  }
  const bj::value* quote = request.if_contains("quote");
  if (!request.contains("our_bid") && quote && quote->is_object()) {
    // A price that is not one is left for the quote to name ("quote.price").
    const bj::value* price = quote->get_object().if_contains("price");
    if (price && price->is_number() && price->to_number<double>() >= 0) change.body["our_bid"] = *price;
  }
  return change;
}

Status AddVendors(const bj::object& request, const Current& current, std::vector<Change>& changes) {
  auto vendors = Objects(request, "vendors");
  if (!vendors) return vendors.error();
  std::set<std::string> seen;
  for (size_t i = 0; i < vendors->size(); ++i) {
    const bj::object& item = *(*vendors)[i];
    const std::string at = At("vendors", i);
    if (auto status = OnlyKeys(item, {"org", "result", "rank", "note"}, at); !status) return status;
    const bj::value* org = item.if_contains("org");
    if (!org || !org->is_string()) return Invalid("\"" + at + ".org\" is required: an organization id.", at + ".org");
    const std::string org_id(org->get_string());
    if (!seen.insert(org_id).second) return Invalid(org_id + " is listed twice among the vendors.", at + ".org");
    Change change{Kind::kVendor, "", {}, at};
    CopyKeys(item, change.body, {"result", "rank", "note"});
    for (const Record& vendor : current.vendors) {
      if (vendor.Text(f::vendor::kOrg) == org_id) change.id = vendor.id;
    }
    if (change.id.empty()) {
      change.body["opportunity"] = current.opportunity.id;
      change.body["org"] = org_id;
    }
    changes.push_back(std::move(change));
  }
  return {};
}

Status AddQuote(const bj::object& request, const Current& current, const std::string& closed,
                std::vector<Change>& changes) {
  const bj::value* value = request.if_contains("quote");
  if (!value || value->is_null()) return {};
  if (!value->is_object()) return Invalid("\"quote\" must be an object with our final price.", "quote");
  const bj::object& item = value->get_object();
  if (auto status = OnlyKeys(item, {"price", "date", "round", "note"}, "quote"); !status) return status;
  if (current.ours.empty()) return Invalid("There is no organization of kind \"ours\" to quote for.", "quote");
  int64_t round = 1;
  for (const Record& quote : current.quotes) round = std::max<int64_t>(round, quote.Number(f::quote::kRound).value_or(1));
  if (const bj::value* given = item.if_contains("round")) {
    if (!given->is_int64() || given->get_int64() < 1) {
      return Invalid("\"quote.round\" must be a whole number from 1.", "quote.round");
    }
    round = given->get_int64();
  }
  Change change{Kind::kQuote, "", {}, "quote"};
  CopyKeys(item, change.body, {"price", "note"});
  change.body["date"] = item.contains("date") ? item.at("date") : bj::value(closed);
  for (const Record& quote : current.quotes) {
    if (quote.Text(f::quote::kOrg) == current.ours && quote.Number(f::quote::kRound) == round) change.id = quote.id;
  }
  if (change.id.empty()) {
    if (!item.contains("price")) return Invalid("\"quote.price\" is required: our final price.", "quote.price");
    change.body["opportunity"] = current.opportunity.id;
    change.body["org"] = current.ours;
    change.body["round"] = round;
  }
  changes.push_back(std::move(change));
  return {};
}

// The weights listed add up to 100 (SPEC.md §8.1: a closed project's do); a weight that is not a number is
// left for the criterion's own validation to name.
Status CheckTotal(const std::vector<const bj::object*>& criteria) {
  if (criteria.empty()) return {};
  double total = 0;
  for (const bj::object* item : criteria) {
    const bj::value* weight = item->if_contains("weight");
    if (!weight || !weight->is_number()) return {};
    total += weight->to_number<double>();
  }
  if (std::fabs(total - 100) < 1e-9) return {};
  return Invalid("The weights of a closed project's criteria add up to 100; these add up to " +
                     json::Serialize(bj::value(total)) + ".",
                 "criteria");
}

Status AddCriteria(const bj::object& request, const Current& current, const std::string& closed,
                   std::vector<Change>& changes) {
  if (!request.contains("criteria")) return {};
  auto criteria = Objects(request, "criteria");
  if (!criteria) return criteria.error();
  std::set<std::string> kept;
  for (size_t i = 0; i < criteria->size(); ++i) {
    const bj::object& item = *(*criteria)[i];
    const std::string at = At("criteria", i);
    if (auto status = OnlyKeys(item, {"id", "item", "weight", "our_score", "best_score", "note"}, at); !status) {
      return status;
    }
    Change change{Kind::kCriterion, "", {}, at};
    CopyKeys(item, change.body, {"item", "weight", "our_score", "best_score", "note"});
    if (const bj::value* id = item.if_contains("id"); id && !id->is_null()) {
      bool found = false;
      for (const Record& criterion : current.criteria) found = found || (id->is_string() && criterion.id == id->get_string());
      if (!found || !kept.insert(std::string(id->get_string())).second) {
        return Invalid("\"" + at + ".id\" must be an active criterion of this opportunity, listed once.", at + ".id");
      }
      change.id = std::string(id->get_string());
    } else {
      change.body["opportunity"] = current.opportunity.id;
    }
    changes.push_back(std::move(change));
  }
  if (auto status = CheckTotal(*criteria); !status) return status;
  for (const Record& criterion : current.criteria) {
    if (!kept.contains(criterion.id)) changes.push_back(Change{Kind::kCriterion, criterion.id, {{"until", closed}}, "criteria"});
  }
  return {};
}

Status AddLessons(const bj::object& request, const Current& current, const std::string& closed,
                  std::vector<Change>& changes) {
  auto lessons = Objects(request, "lessons");
  if (!lessons) return lessons.error();
  for (size_t i = 0; i < lessons->size(); ++i) {
    const bj::object& item = *(*lessons)[i];
    const std::string at = At("lessons", i);
    if (auto status = OnlyKeys(item, {"kind", "tags", "text"}, at); !status) return status;
    Change change{Kind::kLesson, "", {}, at};
    CopyKeys(item, change.body, {"kind", "tags", "text"});
    change.body["opportunity"] = current.opportunity.id;
    change.body["date"] = closed;
    changes.push_back(std::move(change));
  }
  return {};
}

}  // namespace

Result<Record> ReviewProject(EntityService& entities, const Actor& actor, std::string_view id,
                             const bj::object& request) {
  if (auto status = OnlyKeys(request, {"status", "closed", "winner", "winning_bid", "our_bid", "vendors", "quote",
                                       "criteria", "lessons"},
                             "");
      !status) {
    return status.error();
  }
  auto current = ReadCurrent(entities, actor, id);
  if (!current) return current.error();
  const bj::value* closed = request.if_contains("closed");
  if (!closed || !closed->is_string() || !ParseDate(closed->get_string())) {
    return Invalid("\"closed\" is required: the day the project closed, written YYYY-MM-DD.", "closed");
  }
  const std::string closed_text(closed->get_string());
  auto opportunity = OpportunityChange(request, *current);
  if (!opportunity) return opportunity.error();
  std::vector<Change> changes;
  if (auto status = AddVendors(request, *current, changes); !status) return status.error();
  for (auto add : {AddQuote, AddCriteria, AddLessons}) {
    if (auto status = add(request, *current, closed_text, changes); !status) return status.error();
  }
  // The opportunity last: a final price that is refused is named as the quote's, before the bid it defaults.
  changes.push_back(std::move(*opportunity));
  auto written = entities.WriteAll(actor, changes);
  if (!written) return written.error();
  return written->back();
}

}  // namespace brm
