// Posting a webhook's message: one HTTP POST of a JSON body to an http:// or https:// address (TLS with the
// system's CA certificates, the host's name checked and sent as SNI), within a timeout. The webhook
// dispatcher (service/webhooks.hpp) calls it from its own thread, never from a request's.
#pragma once

#include <chrono>
#include <string>

namespace brm::http {

struct PostOutcome {
  int status = 0;     // the receiver's HTTP status; 0 when none answered
  std::string error;  // why the post failed (no answer, TLS, a status outside 2xx); empty on success
};

PostOutcome PostJson(const std::string& url, const std::string& body, std::chrono::seconds timeout);

}  // namespace brm::http
