#include "api/harness.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace brm::testing {
namespace beast = boost::beast;
namespace asio = boost::asio;

namespace {

pid_t Spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  std::string binary = BRM_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (std::string& arg : copy) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    setenv("ASAN_OPTIONS", "detect_leaks=1", 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (pid < 0) throw std::runtime_error("fork failed");
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::string FixtureBundle() { return std::string(BRM_FIXTURES) + "/small_bundle.json"; }

int RunBrm(const std::vector<std::string>& args, const std::string& log) { return Wait(Spawn(args, log)); }

ServerProcess::ServerProcess(const std::string& bundle) {
  std::string pattern = (std::filesystem::temp_directory_path() / "brm-api-XXXXXX").string();
  dir_ = mkdtemp(pattern.data());
  if (!bundle.empty() && RunBrm({"import", "--data", dir_, bundle}, dir_ + "/log.txt") != 0) {
    throw std::runtime_error("import failed: " + LogText());
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void ServerProcess::Start(const std::vector<std::string>& extra_args) {
  const std::string ready = dir_ + "/port";
  std::filesystem::remove(ready);
  std::vector<std::string> args = {"serve", "--data", dir_, "--listen", "127.0.0.1:0", "--ready-file", ready,
                                   "--access-log", "false", "--threads", "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, dir_ + "/log.txt");
  for (int i = 0; i < 600; ++i) {
    std::ifstream in(ready);
    if (in >> port_ && port_ > 0) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("brm serve exited: " + LogText());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("brm serve did not start: " + LogText());
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  const int status = Wait(pid_);
  pid_ = -1;
  return status;
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  Wait(pid_);
  pid_ = -1;
}

std::string ServerProcess::LogText() const {
  std::ifstream in(dir_ + "/log.txt");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string HttpResult::ErrorField() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "<no error>";
  return std::string(json.at("error").at("field").as_string());
}

std::string HttpResult::ErrorCode() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "<no error>";
  return std::string(json.at("error").at("code").as_string());
}

HttpResult Client::Send(const std::string& method, const std::string& target, const std::string& body,
                        const std::map<std::string, std::string>& headers) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port_)));
  beast::http::request<beast::http::string_body> request(beast::http::string_to_verb(method), target, 11);
  request.set(beast::http::field::host, "127.0.0.1");
  if (!cookie_.empty()) request.set(beast::http::field::cookie, "brm_session=" + cookie_);
  if (!csrf_.empty()) request.set("X-CSRF-Token", csrf_);
  if (!token_.empty()) request.set(beast::http::field::authorization, "Bearer " + token_);
  if (!body.empty()) request.set(beast::http::field::content_type, "application/json");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  beast::http::write(stream, request);
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(512u << 20);
  beast::http::read(stream, buffer, parser);
  auto response = parser.release();
  HttpResult result;
  result.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    result.headers.emplace(name, std::string(field.value()));
  }
  result.body = response.body();
  boost::system::error_code ec;
  result.json = boost::json::parse(result.body, ec);
  if (ec) result.json = nullptr;
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  return result;
}

HttpResult Client::Login(const std::string& login, const std::string& password) {
  cookie_.clear();
  csrf_.clear();
  token_.clear();
  HttpResult result = Send("POST", "/api/v1/auth/login",
                           boost::json::serialize(boost::json::object{{"login", login}, {"password", password}}));
  KeepSession(result);
  return result;
}

void Client::KeepSession(const HttpResult& result) {
  for (auto [it, end] = result.headers.equal_range("set-cookie"); it != end; ++it) {
    const std::string& value = it->second;
    if (value.rfind("brm_session=", 0) == 0) cookie_ = value.substr(12, value.find(';') - 12);
  }
  if (result.status == 200 && result.json.is_object() && result.json.as_object().contains("csrf")) {
    csrf_ = std::string(result.json.at("csrf").as_string());
  }
}

std::string Encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace brm::testing
