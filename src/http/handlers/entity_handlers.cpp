// /api/v1/{collection}[/{id}[/{action}]]: list, create, read, change, retire, history, erase, review.
#include "domain/schema.hpp"
#include "domain/validate.hpp"
#include "http/api.hpp"
#include "http/errors.hpp"
#include "json/record_json.hpp"
#include "service/handover.hpp"
#include "service/review.hpp"

namespace brm::http {
namespace bj = boost::json;
namespace f = fields;

namespace {

Error BadParameter(const std::string& name, std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message), name);
}

Result<size_t> Count(const std::string& name, const std::string& text, size_t max) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
    return BadParameter(name, "\"" + name + "\" must be a whole number.");
  }
  const size_t value = std::stoul(text);
  if (value > max) return BadParameter(name, "\"" + name + "\" must be at most " + std::to_string(max) + ".");
  return value;
}

Result<Date> DateParameter(const std::string& name, const std::string& text) {
  if (text == "today") return Today();
  auto date = ParseDate(text);
  if (!date) return BadParameter(name, "\"" + name + "\" must be a date written YYYY-MM-DD.");
  return *date;
}

// The `ids` parameter: comma-separated record ids, each valid as an id (duplicates are harmless), added to
// `ids` (so that a repeated `ids` asks for the union), at most kMaxIds in all.
Status AddIds(const std::string& name, const std::string& text, std::vector<std::string>& ids) {
  constexpr size_t kMaxIds = 1000;
  if (text.empty()) return BadParameter(name, "\"" + name + "\" needs at least one id.");
  for (size_t start = 0, n = 1;; ++n) {
    const size_t comma = text.find(',', start);
    std::string id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!ValidId(id)) {
      return BadParameter(name, "Id " + std::to_string(n) + " of \"" + name +
                                    "\" is not valid: an id is 1 to 128 bytes of letters, digits and -_.:@+~.");
    }
    if (ids.size() == kMaxIds) {
      return BadParameter(name, "\"" + name + "\" holds at most " + std::to_string(kMaxIds) + " ids.");
    }
    ids.push_back(std::move(id));
    if (comma == std::string::npos) return {};
    start = comma + 1;
  }
}

// Reads paging, search, active_on, ids and field filters from the query string; unknown parameters are
// refused.
// Whether every record of `kind` belongs to an opportunity (and so can be listed by its customer).
bool OpportunityOf(Kind kind) {
  for (const FieldSpec& field : Spec(kind).fields) {
    if (field.type == FieldType::kRef && field.ref == Kind::kOpportunity) return field.required;
  }
  return false;
}

Result<ListQuery> ParseListQuery(const Request& request, Kind kind, size_t default_page, size_t max_page) {
  const EntitySpec& spec = Spec(kind);
  ListQuery query;
  query.limit = default_page;
  for (const auto& [name, value] : request.query) {
    if (name == "limit") {
      auto n = Count(name, value, max_page);
      if (!n) return n.error();
      query.limit = *n;
    } else if (name == "offset") {
      auto n = Count(name, value, 1000000000);
      if (!n) return n.error();
      query.offset = *n;
    } else if (name == "search") {
      if (spec.search < 0) return BadParameter(name, "This collection cannot be searched by name.");
      query.search = value;
    } else if (name == "active_on") {
      auto date = DateParameter(name, value);
      if (!date) return date.error();
      query.active_on = *date;
    } else if (name == "ids") {
      if (auto status = AddIds(name, value, query.ids); !status) return status.error();
    } else if (name == "customer" && spec.Index("customer") < 0 && OpportunityOf(kind)) {
      if (!ValidId(value)) return BadParameter(name, "\"customer\" is not a valid id.");
      query.customer = value;
    } else {
      const int index = spec.Index(name);
      if (index < 0) {
        return BadParameter(name, "\"" + name + "\" is neither a field of " + WithArticle(spec.noun, false) +
                                      " nor a list parameter (limit, offset, search, active_on, ids).");
      }
      const FieldSpec& field = spec.fields[index];
      if (field.type == FieldType::kText || field.type == FieldType::kNumber || field.type == FieldType::kWords ||
          field.type == FieldType::kModel) {
        return BadParameter(name, "Lists cannot be filtered by \"" + name + "\"" +
                                      (spec.search >= 0 ? "; search names with ?search=." : "."));
      }
      if (field.type == FieldType::kBool && value != "true" && value != "false") {
        return BadParameter(name, "\"" + name + "\" must be true or false.");
      }
      if (field.type == FieldType::kEnum && !vocab::Contains(field.vocab, value)) {
        return BadParameter(name, "\"" + name + "\" is not one of its allowed values.");
      }
      query.equals.emplace_back(index, value);
    }
  }
  return query;
}

// What an employee user sees of a person or an organization: enough to say "I know this person".
bj::object DirectoryJson(const DirectoryEntry& entry) {
  if (entry.kind == Kind::kOrganization) return {{"id", entry.id}, {"name", entry.name}, {"kind", entry.org_kind}};
  auto optional = [](const std::optional<std::string>& text) { return text ? bj::value(*text) : bj::value(nullptr); };
  return {{"id", entry.id},
          {"name", entry.name},
          {"org", entry.org},
          {"org_name", entry.org_name},
          {"department", optional(entry.department)},
          {"department_name", optional(entry.department_name)},
          {"title", entry.title}};
}

Response PageResponse(const Page& page, const ListQuery& query, const std::function<bj::value(const Record&)>& encode) {
  bj::array items;
  items.reserve(page.items.size());
  for (const Record& record : page.items) items.push_back(encode(record));
  return JsonResponse(200, {{"items", std::move(items)},
                            {"total", page.total},
                            {"limit", query.limit},
                            {"offset", query.offset}});
}

Response RecordResponse(int status, const Result<Record>& record) {
  if (!record) return ErrorResponse(record.error());
  return JsonResponse(status, json::EncodeRecord(*record));
}

}  // namespace

Response Api::CollectionHandler(const Request& request, const Caller& caller, Kind kind) {
  if (request.method == "GET") {
    auto query = ParseListQuery(request, kind, config_.default_page, config_.max_page);
    if (!query) return ErrorResponse(query.error());
    if (entities_.UsesDirectory(caller.actor, kind)) {
      auto page = entities_.Directory(caller.actor, kind, *query);
      if (!page) return ErrorResponse(page.error());
      bj::array items;
      for (const DirectoryEntry& entry : page->items) items.push_back(DirectoryJson(entry));
      return JsonResponse(200, {{"items", std::move(items)},
                                {"total", page->total},
                                {"limit", query->limit},
                                {"offset", query->offset}});
    }
    auto page = entities_.List(caller.actor, kind, *query);
    if (!page) return ErrorResponse(page.error());
    return PageResponse(*page, *query, [](const Record& r) { return bj::value(json::EncodeRecord(r)); });
  }
  if (request.method == "POST") {
    auto body = ParseObject(request.body);
    if (!body) return ErrorResponse(body.error());
    Response response = RecordResponse(201, entities_.Create(caller.actor, kind, *body));
    return response;
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "Use GET to list or POST to create."));
}

Response Api::ItemHandler(const Request& request, const Caller& caller, Kind kind, const std::string& id) {
  if (request.method == "GET") {
    if (entities_.UsesDirectory(caller.actor, kind)) {
      auto entry = entities_.DirectoryEntryOf(caller.actor, kind, id);
      if (!entry) return ErrorResponse(entry.error());
      return JsonResponse(200, DirectoryJson(*entry));
    }
    return RecordResponse(200, entities_.Get(caller.actor, kind, id));
  }
  if (request.method == "PATCH") {
    auto body = ParseObject(request.body);
    if (!body) return ErrorResponse(body.error());
    return RecordResponse(200, entities_.Update(caller.actor, kind, id, *body));
  }
  if (request.method == "DELETE") {
    Date until = Today();
    if (request.HasQuery("date")) {
      auto date = DateParameter("date", request.Query("date"));
      if (!date) return ErrorResponse(date.error());
      until = *date;
    }
    return RecordResponse(200, entities_.Retire(caller.actor, kind, id, until));
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "Use GET, PATCH or DELETE (retire) on a record."));
}

Response Api::ItemActionHandler(const Request& request, const Caller& caller, Kind kind, const std::string& id,
                                const std::string& action) {
  if (action == "history" && request.method == "GET") {
    auto history = entities_.History(caller.actor, kind, id);
    if (!history) return ErrorResponse(history.error());
    bj::array items;
    for (const AuditEntry& e : *history) {
      auto parse = [](const std::optional<std::string>& text) {
        return text ? bj::parse(*text) : bj::value(nullptr);
      };
      items.push_back({{"at", e.at}, {"actor", e.actor}, {"field", e.field}, {"old", parse(e.old_value)},
                       {"new", parse(e.new_value)}});
    }
    return JsonResponse(200, {{"items", std::move(items)}});
  }
  if (kind == Kind::kDocument && action == "file" && (request.method == "GET" || request.method == "HEAD")) {
    return DocumentFileHandler(caller, id);
  }
  if (kind == Kind::kWebhook && action == "deliveries" && request.method == "GET") {
    auto hook = entities_.Get(caller.actor, kind, id);  // administrators only (the access policy)
    if (!hook) return ErrorResponse(hook.error());
    bj::array items;
    for (const DeliveryRow& d : webhooks_.Deliveries(id, 100)) {
      items.push_back({{"id", d.id}, {"event", d.event}, {"subject", d.subject}, {"status", d.status},
                       {"attempts", d.attempts}, {"last_status", d.last_status},
                       {"last_error", d.last_error.empty() ? bj::value(nullptr) : bj::value(bj::string(d.last_error))},
                       {"created", d.created}, {"next_at", d.status == "pending" ? bj::value(d.next_at) : bj::value(nullptr)},
                       {"delivered", d.delivered ? bj::value(d.delivered) : bj::value(nullptr)}, {"body", bj::parse(d.body)}});
    }
    return JsonResponse(200, {{"items", std::move(items)}});
  }
  if (request.method != "POST") return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such action for this method."));
  auto body = ParseObject(request.body.empty() ? "{}" : request.body);
  if (!body) return ErrorResponse(body.error());
  if (action == "retire") {
    Date until = Today();
    if (const bj::value* date = body->if_contains("date")) {
      if (!date->is_string()) return ErrorResponse(BadParameter("date", "\"date\" must be a date written YYYY-MM-DD."));
      auto parsed = DateParameter("date", std::string(date->get_string()));
      if (!parsed) return ErrorResponse(parsed.error());
      until = *parsed;
    }
    return RecordResponse(200, entities_.Retire(caller.actor, kind, id, until));
  }
  if (action == "test" && kind == Kind::kWebhook) {
    auto hook = entities_.Get(caller.actor, kind, id);  // administrators only (the access policy)
    if (!hook) return ErrorResponse(hook.error());
    webhooks_.Test(*hook, caller.actor);
    return JsonResponse(202, {{"queued", true}});
  }
  if (action == "answer" && kind == Kind::kIntroduction) {
    const bj::value* accept = body->if_contains("accept");
    if (!accept || !accept->is_bool()) return ErrorResponse(BadParameter("accept", "\"accept\" must be true or false."));
    std::string note;
    if (const bj::value* text = body->if_contains("note"); text && !text->is_null()) {
      if (!text->is_string()) return ErrorResponse(BadParameter("note", "\"note\" must be text."));
      note = std::string(text->get_string());
      if (note.size() > 2000) return ErrorResponse(BadParameter("note", "\"note\" holds at most 2000 bytes."));
    }
    for (const auto& [name, value] : *body) {
      if (name != "accept" && name != "note") {
        return ErrorResponse(BadParameter(std::string(name), "Unknown field \"" + std::string(name) + "\"; send \"accept\" and \"note\"."));
      }
    }
    return RecordResponse(200, entities_.AnswerIntroduction(caller.actor, id, accept->get_bool(), note));
  }
  if (action == "handover" && kind == Kind::kUser) {
    auto request = DecodeHandover(id, *body, Today());
    if (!request) return ErrorResponse(request.error());
    auto report = entities_.HandOver(caller.actor, *request);
    if (!report) return ErrorResponse(report.error());
    return JsonResponse(200, EncodeHandover(*report));
  }
  if (action == "erase" && kind == Kind::kPerson) return RecordResponse(200, entities_.ErasePerson(caller.actor, id));
  if (action == "erase" && kind == Kind::kDocument) return RecordResponse(200, documents_.Erase(caller.actor, id));
  if (action == "review" && kind == Kind::kOpportunity) {
    auto closed = ReviewProject(entities_, caller.actor, id, *body);
    if (!closed) return ErrorResponse(closed.error());
    return JsonResponse(200, {{"opportunity", json::EncodeRecord(*closed)}});
  }
  if (action == "password" && kind == Kind::kUser) {
    if (caller.actor.role != Role::kAdmin) {
      return ErrorResponse(MakeError(ErrorCode::kForbidden,
                                     "Only administrators reset passwords; change your own at /api/v1/auth/password."));
    }
    const bj::value* password = body->if_contains("password");
    if (!password || !password->is_string()) {
      return ErrorResponse(BadParameter("password", "\"password\" is required and must be a string."));
    }
    if (!entities_.Get(caller.actor, kind, id)) return ErrorResponse(NotFound(kind, id));
    if (auto status = entities_.SetPassword(caller.actor, id, std::string(password->get_string())); !status) {
      return ErrorResponse(status.error());
    }
    return JsonResponse(200, {{"password_changed", true}});
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such action: \"" + action + "\"."));
}

}  // namespace brm::http
