#include "http/errors.hpp"

#include "domain/validate.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"

namespace brm::http {

int StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kUnprocessable: return 422;
    case ErrorCode::kThrottled: return 429;
  }
  return 400;
}

std::string_view CodeWord(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return "invalid";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kUnprocessable: return "unprocessable";
    case ErrorCode::kThrottled: return "throttled";
  }
  return "invalid";
}

Response ErrorResponse(const Error& error) {
  boost::json::object body;
  // A message may quote what the caller sent; the answer stays valid JSON text whatever that was.
  body["error"] = {{"code", CodeWord(error.code)},
                   {"message", ToValidUtf8(error.message)},
                   {"field", ToValidUtf8(error.field)}};
  return JsonResponse(StatusOf(error.code), body);
}

Response JsonResponse(int status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = json::Serialize(body);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Result<boost::json::object> ParseObject(const std::string& body) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return MakeError(ErrorCode::kInvalid, "The request body is not valid JSON: " + ec.message() + ".");
  if (!value.is_object()) {
    return MakeError(ErrorCode::kInvalid,
                     "The request body must be a JSON object, not " + std::string(json::TypeName(value)) + ".");
  }
  return std::move(value.get_object());
}

}  // namespace brm::http
