// The request and response the handlers see: plain values, no Beast types, so handlers stay testable.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace brm::http {

struct Request {
  std::string method;                           // "GET", "POST", …
  std::string target;                           // raw target: "/api/v1/people?search=%E5%BC%A0"
  std::string path;                             // percent-decoded path: "/api/v1/people"
  std::vector<std::string> segments;            // decoded path segments: {"api", "v1", "people"}
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;   // names lower-cased
  std::string body;
  std::string remote;                           // peer address, for throttling and the log

  // The header's value, or "" when absent. `name` is lower-case.
  const std::string& Header(const std::string& name) const;
  // The first value of a query parameter, or "" when absent.
  std::string Query(const std::string& name) const;
  bool HasQuery(const std::string& name) const { return query.count(name) > 0; }
  // The value of cookie `name`, or "".
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie may repeat)
  std::string body;
};

}  // namespace brm::http
