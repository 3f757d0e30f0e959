// /api/v1/inbox: GET lists the caller's inbox (limit ≤ 200, offset), POST /inbox/read marks items read
// ({"keys": [key…]} or {"all": true}); and POST /api/v1/introductions/{id}/answer ({"accept": bool,
// "note": text}) answers an introduction request (entity_handlers.cpp routes it here).
#include <charconv>

#include "http/api.hpp"
#include "http/errors.hpp"

namespace brm::http {
namespace bj = boost::json;

namespace {

Error Bad(const std::string& name, const std::string& message) { return MakeError(ErrorCode::kInvalid, message, name); }

}  // namespace

Response Api::InboxHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;
  if (s.size() == 3 && (request.method == "GET" || request.method == "HEAD")) {
    size_t limit = 50, offset = 0;
    for (const auto& [name, value] : request.query) {
      size_t number = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      const bool whole = !value.empty() && error == std::errc() && end == value.data() + value.size();
      if (name == "limit" && whole && number <= 200) {
        limit = number;
      } else if (name == "offset" && whole) {
        offset = number;
      } else if (name == "limit" || name == "offset") {
        return ErrorResponse(Bad(name, "\"" + name + "\" must be a whole number" + (name == "limit" ? " from 0 to 200." : ".")));
      } else {
        return ErrorResponse(Bad(name, "Unknown parameter \"" + name + "\"; the inbox takes limit and offset."));
      }
    }
    auto inbox = inbox_.List(caller.actor, limit, offset);
    if (!inbox) return ErrorResponse(inbox.error());
    return JsonResponse(200, bj::value(std::move(*inbox)));
  }
  if (s.size() == 4 && s[3] == "read" && request.method == "POST") {
    auto body = ParseObject(request.body.empty() ? "{}" : request.body);
    if (!body) return ErrorResponse(body.error());
    bool all = false;
    std::vector<std::string> keys;
    for (const auto& [name, value] : *body) {
      if (name == "all") {
        if (!value.is_bool()) return ErrorResponse(Bad("all", "\"all\" must be true or false."));
        all = value.get_bool();
      } else if (name == "keys") {
        if (!value.is_array()) return ErrorResponse(Bad("keys", "\"keys\" must be a list of item keys."));
        for (const bj::value& key : value.get_array()) {
          if (!key.is_string()) return ErrorResponse(Bad("keys", "Each of \"keys\" must be an item's key (text)."));
          keys.emplace_back(key.get_string());
        }
      } else {
        return ErrorResponse(Bad(std::string(name), "Unknown field \"" + std::string(name) + "\"; send \"keys\" or \"all\"."));
      }
    }
    auto unread = inbox_.MarkRead(caller.actor, keys, all);
    if (!unread) return ErrorResponse(unread.error());
    return JsonResponse(200, bj::object{{"unread", unread->at("unread")}});
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "Use GET /api/v1/inbox or POST /api/v1/inbox/read."));
}

}  // namespace brm::http
