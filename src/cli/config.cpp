#include "cli/config.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

extern char** environ;

namespace brm::cli {
namespace {

// The environment variables brm reads, and the option each one sets. Options not listed here (file
// arguments, logins) are command-line only.
const std::map<std::string, std::string>& EnvironmentOptions() {
  static const std::map<std::string, std::string> options = {
      {"BRM_DATA", "data"},
      {"BRM_LISTEN", "listen"},
      {"BRM_THREADS", "threads"},
      {"BRM_BODY_LIMIT", "body-limit"},
      {"BRM_UPLOAD_LIMIT", "upload-limit"},
      {"BRM_READ_TIMEOUT", "read-timeout"},
      {"BRM_WRITE_TIMEOUT", "write-timeout"},
      {"BRM_ACCESS_LOG", "access-log"},
      {"BRM_WEB", "web"},
      {"BRM_TZ", "tz"},
      {"BRM_SECURE_COOKIE", "secure-cookie"},
      {"BRM_TRUST_PROXY", "trust-proxy"},
      {"BRM_LOGIN_LIMIT", "login-limit"},
      {"BRM_READY_FILE", "ready-file"},
      {"BRM_PASSWORD_LIST", "password-list"},
      {"BRM_SQLITE_CACHE", "sqlite-cache"},
      {"BRM_SQLITE_READER_CACHE", "sqlite-reader-cache"},
      {"BRM_WEBHOOK_RETRY", "webhook-retry"},
      {"BRM_DEMO_END", "end"},
  };
  return options;
}

void RefuseUnknownEnvironment() {
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string text = *entry;
    if (text.rfind("BRM_", 0) != 0) continue;
    const std::string name = text.substr(0, text.find('='));
    if (!EnvironmentOptions().count(name)) {
      std::string known;
      for (const auto& [env, option] : EnvironmentOptions()) known += (known.empty() ? "" : ", ") + env;
      throw std::runtime_error("unknown environment variable " + name + "; brm reads " + known);
    }
  }
}

}  // namespace

std::vector<std::string> KnownEnvironment() {
  std::vector<std::string> names;
  for (const auto& [env, option] : EnvironmentOptions()) names.push_back(env);
  return names;
}

po::variables_map Parse(const std::vector<std::string>& args, const po::options_description& options,
                        const std::vector<std::string>& positional) {
  RefuseUnknownEnvironment();
  po::positional_options_description positions;
  for (const std::string& name : positional) positions.add(name.c_str(), 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(positions).run(), vm);
  po::store(po::parse_environment(options,
                                  [&](const std::string& env) -> std::string {
                                    auto it = EnvironmentOptions().find(env);
                                    if (it == EnvironmentOptions().end()) return "";
                                    return options.find_nothrow(it->second, false) ? it->second : "";
                                  }),
            vm);
  // With --help nothing else is required: the command prints its usage.
  if (!vm.count("help")) po::notify(vm);
  return vm;
}

void AddDataOption(po::options_description& options) {
  options.add_options()("data", po::value<std::string>()->default_value("./data"),
                        "data directory holding brm.db (env BRM_DATA)");
}

}  // namespace brm::cli
