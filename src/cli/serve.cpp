// brm serve: the API and the web app over HTTP.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "service/upgrade.hpp"
#include "service/figures.hpp"

namespace brm::cli {
namespace {

// "127.0.0.1:8080" → address and port; throws po::error naming --listen when malformed.
void ParseListen(const std::string& listen, http::ServerConfig& config) {
  const size_t colon = listen.rfind(':');
  const std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (colon == std::string::npos || colon == 0 || port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    throw po::error("--listen must look like 127.0.0.1:8080, not \"" + listen + "\"");
  }
  config.address = listen.substr(0, colon);
  config.port = static_cast<uint16_t>(std::stoi(port));
}

// The web app next to the binary (build/web) unless --web says otherwise.
std::string DefaultWebDir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const auto dir = exe.parent_path() / "web";
  return std::filesystem::exists(dir / "index.html") ? dir.string() : "";
}

}  // namespace

int Serve(const std::vector<std::string>& args) {
  po::options_description options("brm serve");
  options.add_options()("help", "show this help")(
      "listen", po::value<std::string>()->default_value("127.0.0.1:8080"), "address:port to listen on (env BRM_LISTEN)")(
      "threads", po::value<int>()->default_value(0), "io threads, 0 = one per core (env BRM_THREADS)")(
      "body-limit", po::value<size_t>()->default_value(64u << 20), "largest request body in bytes (env BRM_BODY_LIMIT)")(
      "upload-limit", po::value<uint64_t>()->default_value(DocumentConfig{}.max_upload >> 20),
      "largest document upload in MiB (env BRM_UPLOAD_LIMIT)")(
      "read-timeout", po::value<int>()->default_value(30), "seconds to receive a request (env BRM_READ_TIMEOUT)")(
      "write-timeout", po::value<int>()->default_value(60), "seconds to send a response (env BRM_WRITE_TIMEOUT)")(
      "access-log", po::value<bool>()->default_value(true), "log each request on stderr (env BRM_ACCESS_LOG)")(
      "web", po::value<std::string>(), "directory of the built web app (env BRM_WEB); default: build/web")(
      "tz", po::value<std::string>()->default_value("Asia/Shanghai"), "the tenant's time zone (env BRM_TZ)")(
      "secure-cookie", po::value<bool>()->default_value(false), "mark cookies Secure, behind HTTPS (env BRM_SECURE_COOKIE)")(
      "trust-proxy", po::value<bool>()->default_value(false),
      "read the client address from X-Forwarded-For, behind a reverse proxy (env BRM_TRUST_PROXY)")(
      "login-limit", po::value<int>()->default_value(5), "failed sign-ins per login per 15 minutes (env BRM_LOGIN_LIMIT)")(
      "ready-file", po::value<std::string>(), "write the bound port to this file once listening (env BRM_READY_FILE)")(
      "password-list", po::value<std::string>()->default_value(PasswordConfig{}.common_list),
      "common passwords users may not choose, one per line; empty for none (env BRM_PASSWORD_LIST)")(
      "sqlite-cache", po::value<int>()->default_value(StoreConfig{}.writer_cache_mib),
      "MiB of SQLite page cache for the write connection (env BRM_SQLITE_CACHE)")(
      "sqlite-reader-cache", po::value<int>()->default_value(StoreConfig{}.reader_cache_mib),
      "MiB of SQLite page cache for each read connection, one per thread plus two (env BRM_SQLITE_READER_CACHE)")(
      "webhook-retry", po::value<int>()->default_value(10),
      "seconds before a failed webhook delivery is tried again, then 6, 30 and 180 times that (env BRM_WEBHOOK_RETRY)");
  AddDataOption(options);
  auto vm = Parse(args, options);
  if (vm.count("help")) {
    std::cout << "usage: brm serve --data DIR --listen 127.0.0.1:8080\n\n" << options;
    return 0;
  }
  setenv("TZ", vm["tz"].as<std::string>().c_str(), 1);
  tzset();

  http::ServerConfig server_config;
  ParseListen(vm["listen"].as<std::string>(), server_config);
  server_config.threads = vm["threads"].as<int>();
  server_config.body_limit = vm["body-limit"].as<size_t>();
  server_config.read_timeout_s = vm["read-timeout"].as<int>();
  server_config.write_timeout_s = vm["write-timeout"].as<int>();
  server_config.access_log = vm["access-log"].as<bool>();

  StoreConfig store_config;
  store_config.data_dir = vm["data"].as<std::string>();
  const int threads = server_config.threads > 0 ? server_config.threads
                                                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  store_config.read_connections = threads + 2;
  store_config.writer_cache_mib = vm["sqlite-cache"].as<int>();
  store_config.reader_cache_mib = vm["sqlite-reader-cache"].as<int>();
  if (store_config.writer_cache_mib < 1 || store_config.reader_cache_mib < 1) {
    throw std::runtime_error("--sqlite-cache and --sqlite-reader-cache are at least 1 (MiB)");
  }
  auto store = OpenSqliteStore(WithUpgrades(store_config));

  http::ApiConfig api_config;
  api_config.web_dir = vm.count("web") ? vm["web"].as<std::string>() : DefaultWebDir();
  api_config.auth.secure_cookie = vm["secure-cookie"].as<bool>();
  api_config.auth.login_failures = vm["login-limit"].as<int>();
  api_config.trust_proxy = vm["trust-proxy"].as<bool>();
  api_config.passwords = PasswordRules::Load(PasswordConfig{vm["password-list"].as<std::string>()});
  api_config.documents.files_dir = DocumentFilesDir(store_config.data_dir).string();
  api_config.documents.max_upload = vm["upload-limit"].as<uint64_t>() << 20;
  api_config.webhook_retry_seconds = vm["webhook-retry"].as<int>();
  if (api_config.webhook_retry_seconds < 1) throw po::error("--webhook-retry is at least 1 (second)");
  engine::Engine engine;
  engine.Replace(LoadGraph(*store));
  http::Api api(*store, engine, api_config);

  http::Server server(
      server_config, [&api](http::Request& request) { return api.Handle(request); },
      [&api](http::Request& request) { return api.UploadStart(request); });
  server.Start();
  std::cerr << "brm: serving " << store_config.data_dir << " on http://" << server_config.address << ":"
            << server.port() << "\n";
  if (vm.count("ready-file")) {
    const std::string path = vm["ready-file"].as<std::string>();
    {
      std::ofstream out(path + ".tmp");
      out << server.port() << "\n";
    }
    std::filesystem::rename(path + ".tmp", path);
  }
  server.Run();
  std::cerr << "brm: stopped\n";
  return 0;
}

}  // namespace brm::cli
