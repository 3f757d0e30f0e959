// Fuzz target: the query string of the API's reading endpoints. The first byte picks the user, the second
// the endpoint; the rest is the query string as sent ("limit=5&search=%E5%BC%A0&scope=team:t-east"). The
// target is decoded as the transport decodes it, then handled by the real Api: any answer but a server
// error, always valid JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_api.hpp"
#include "http/request_reader.hpp"

namespace {

constexpr const char* kEndpoints[] = {
    "/api/v1/organizations", "/api/v1/departments", "/api/v1/people", "/api/v1/teams", "/api/v1/users",
    "/api/v1/reporting-lines", "/api/v1/influence-links", "/api/v1/opportunities", "/api/v1/chain-members",
    "/api/v1/ratings", "/api/v1/votes", "/api/v1/activities", "/api/v1/influence-uses",
    "/api/v1/customers/c1/metrics", "/api/v1/customers/c1/trend", "/api/v1/customers/c1/graph",
    "/api/v1/customers/c1/influence-centres", "/api/v1/opportunities/o1/chain", "/api/v1/opportunities/o1/trend",
    "/api/v1/people/p1/profile", "/api/v1/people/p1/paths", "/api/v1/employees/e-rep1/metrics",
    "/api/v1/lines/customer", "/api/v1/lines/customer/trend", "/api/v1/lines/influence", "/api/v1/warnings",
    "/api/v1/people/p1/history", "/api/v1/strategy/thresholds", "/api/v1/strategy/templates",
    "/api/v1/customers/c1/strategy-override", "/api/v1/auth/me", "/api/v1/auth/tokens"};
constexpr std::size_t kEndpointCount = sizeof kEndpoints / sizeof kEndpoints[0];

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace brm;
  if (size < 2) return 0;
  fuzz::FuzzApi& fuzz = fuzz::FuzzApi::Get();
  http::Request request;
  request.method = "GET";
  request.target = std::string(kEndpoints[data[1] % kEndpointCount]) + "?" +
                   std::string(reinterpret_cast<const char*>(data + 2), size - 2);
  request.headers["authorization"] = "Bearer " + fuzz.Token(data[0]);
  request.remote = "127.0.0.1";
  if (!http::DecodeTarget(request).empty()) return 0;  // the transport answers 400 itself
  fuzz::FuzzApi::Check(fuzz.api().Handle(request));
  return 0;
}
