// Black-box API testing: a real `brm serve` process on an ephemeral loopback port, and a small HTTP client
// that keeps a session cookie and CSRF token like a browser would.
#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

namespace brm::testing {

// Runs `brm` with `args` to completion; returns its exit code. Output goes to `log` (appended).
int RunBrm(const std::vector<std::string>& args, const std::string& log);

// A `brm serve` on 127.0.0.1 with a data directory of its own.
class ServerProcess {
 public:
  // Makes a fresh data directory and imports `bundle` into it (unless empty).
  explicit ServerProcess(const std::string& bundle);
  ~ServerProcess();  // SIGTERM, wait, remove the directory

  void Start(const std::vector<std::string>& extra_args = {});
  // Sends SIGTERM and waits; returns the exit status (0 = clean shutdown).
  int Stop();
  // SIGKILL, like a power cut.
  void Kill();

  int port() const { return port_; }
  const std::string& data_dir() const { return dir_; }
  std::string LogText() const;

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

struct HttpResult {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json;  // parsed body when it is JSON, else null

  // The error object's field/code, for error responses.
  std::string ErrorField() const;
  std::string ErrorCode() const;
};

class Client {
 public:
  explicit Client(int port) : port_(port) {}

  HttpResult Send(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
  HttpResult Get(const std::string& target) { return Send("GET", target); }
  HttpResult Post(const std::string& target, const boost::json::value& body) {
    return Send("POST", target, boost::json::serialize(body));
  }
  HttpResult Patch(const std::string& target, const boost::json::value& body) {
    return Send("PATCH", target, boost::json::serialize(body));
  }
  HttpResult Delete(const std::string& target) { return Send("DELETE", target); }

  // Signs in; the session cookie and CSRF token are kept for later requests. Returns the login response.
  HttpResult Login(const std::string& login, const std::string& password = "secret-pass-1");
  // Takes the session a response started (its Set-Cookie and "csrf"), as a browser would.
  void KeepSession(const HttpResult& result);
  // Uses `Authorization: Bearer token` instead of the cookie.
  void UseToken(const std::string& token) { token_ = token; }
  void ForgetCsrf() { csrf_.clear(); }

 private:
  int port_;
  std::string cookie_;
  std::string csrf_;
  std::string token_;
};

std::string FixtureBundle();
// Percent-encodes a query value (UTF-8 bytes).
std::string Encode(const std::string& text);

}  // namespace brm::testing
