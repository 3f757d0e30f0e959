// The one place that turns errors into HTTP statuses and JSON bodies: {"error": {"code", "message", "field"}}.
#pragma once

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "http/message.hpp"

namespace brm::http {

int StatusOf(ErrorCode code);
std::string_view CodeWord(ErrorCode code);

Response ErrorResponse(const Error& error);
Response JsonResponse(int status, const boost::json::value& body);

// Parses a request body that must be a JSON object; the error names what is wrong.
Result<boost::json::object> ParseObject(const std::string& body);

}  // namespace brm::http
