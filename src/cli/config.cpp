#include "cli/config.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

extern char** environ;

namespace brm::cli {

const std::vector<std::string>& KnownEnvironment() {
  static const std::vector<std::string> known = {
      "BRM_DATA",         "BRM_LISTEN",      "BRM_THREADS",     "BRM_BODY_LIMIT", "BRM_READ_TIMEOUT",
      "BRM_WRITE_TIMEOUT", "BRM_ACCESS_LOG", "BRM_WEB",         "BRM_TZ",         "BRM_SECURE_COOKIE",
      "BRM_READY_FILE",   "BRM_DEMO_END",    "BRM_LOGIN_LIMIT",
  };
  return known;
}

namespace {

std::string EnvName(const std::string& option) {
  std::string name = "BRM_";
  for (char c : option) name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

void RefuseUnknownEnvironment() {
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string text = *entry;
    if (text.rfind("BRM_", 0) != 0) continue;
    const std::string name = text.substr(0, text.find('='));
    const auto& known = KnownEnvironment();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      throw std::runtime_error("unknown environment variable " + name + " (known: BRM_DATA, BRM_LISTEN, …; see README)");
    }
  }
}

}  // namespace

po::variables_map Parse(const std::vector<std::string>& args, const po::options_description& options,
                        const std::vector<std::string>& positional) {
  RefuseUnknownEnvironment();
  po::positional_options_description positions;
  for (const std::string& name : positional) positions.add(name.c_str(), 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).positional(positions).run(), vm);
  po::store(po::parse_environment(options,
                                  [&](const std::string& env) -> std::string {
                                    for (const auto& option : options.options()) {
                                      if (EnvName(option->long_name()) == env) return option->long_name();
                                    }
                                    return "";
                                  }),
            vm);
  po::notify(vm);
  return vm;
}

void AddDataOption(po::options_description& options) {
  options.add_options()("data", po::value<std::string>()->default_value("./data"),
                        "data directory holding brm.db (env BRM_DATA)");
}

}  // namespace brm::cli
