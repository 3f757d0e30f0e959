// import, export, backup, passwd, token: the data-directory tools.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/progress_bar.hpp"
#include "domain/schema.hpp"
#include "service/upgrade.hpp"
#include "service/actor.hpp"
#include "service/bundle.hpp"
#include "service/entities.hpp"
#include "service/secrets.hpp"

namespace brm::cli {
namespace {

std::unique_ptr<Store> OpenStore(const po::variables_map& vm) {
  StoreConfig config;
  config.data_dir = vm["data"].as<std::string>();
  config.writer_cache_mib = config.bulk_cache_mib;  // one command, often a large import: cache for it
  return OpenSqliteStore(WithUpgrades(config));
}

bool Help(const po::variables_map& vm, const po::options_description& options, const char* usage) {
  if (!vm.count("help")) return false;
  std::cout << "usage: " << usage << "\n\n" << options;
  return true;
}

std::optional<Record> UserByLogin(Store& store, const std::string& login) {
  ListQuery query;
  query.equals.emplace_back(fields::user::kLogin, login);
  auto page = store.List(Kind::kUser, query);
  if (page.items.empty()) return std::nullopt;
  return page.items.front();
}

}  // namespace

int Import(const std::vector<std::string>& args) {
  po::options_description options("brm import");
  options.add_options()("help", "show this help")("file", po::value<std::string>()->required(), "bundle file");
  AddDataOption(options);
  auto vm = Parse(args, options, {"file"});
  if (Help(vm, options, "brm import --data DIR FILE")) return 0;
  auto source = ReadBundleFile(vm["file"].as<std::string>());
  if (!source) {
    std::cerr << "brm import: " << source.error().message << "\n";
    return 1;
  }
  auto store = OpenStore(vm);
  ProgressBar bar;
  auto report = ImportBundle(*store, "system", **source, std::ref(bar));
  if (!report) {
    std::cerr << "brm import: nothing was imported: " << report.error().message << "\n";
    return 1;
  }
  std::cout << "imported: " << report->total_created() << " created, " << report->total_updated() << " updated";
  size_t unchanged = 0;
  for (size_t n : report->unchanged) unchanged += n;
  std::cout << ", " << unchanged << " unchanged";
  std::cout << "\n";
  return 0;
}

int Export(const std::vector<std::string>& args) {
  po::options_description options("brm export");
  options.add_options()("help", "show this help");
  AddDataOption(options);
  auto vm = Parse(args, options);
  if (Help(vm, options, "brm export --data DIR > FILE")) return 0;
  auto store = OpenStore(vm);
  std::ios::sync_with_stdio(false);
  ExportBundle(*store, std::cout);
  std::cout.flush();
  return std::cout ? 0 : 1;
}

int Backup(const std::vector<std::string>& args) {
  po::options_description options("brm backup");
  options.add_options()("help", "show this help")("file", po::value<std::string>()->required(), "backup file");
  AddDataOption(options);
  auto vm = Parse(args, options, {"file"});
  if (Help(vm, options, "brm backup --data DIR FILE")) return 0;
  auto store = OpenStore(vm);
  store->Backup(vm["file"].as<std::string>());
  std::cout << "backed up to " << vm["file"].as<std::string>() << "\n";
  return 0;
}

int Passwd(const std::vector<std::string>& args) {
  po::options_description options("brm passwd");
  options.add_options()("help", "show this help")("login", po::value<std::string>()->required(), "user login")(
      "password-list", po::value<std::string>()->default_value(PasswordConfig{}.common_list),
      "common passwords users may not choose, one per line; empty for none (env BRM_PASSWORD_LIST)");
  AddDataOption(options);
  auto vm = Parse(args, options, {"login"});
  if (Help(vm, options, "brm passwd --data DIR LOGIN  (reads the new password from stdin)")) return 0;
  auto store = OpenStore(vm);
  auto user = UserByLogin(*store, vm["login"].as<std::string>());
  if (!user) {
    std::cerr << "brm passwd: no user has the login \"" << vm["login"].as<std::string>() << "\"\n";
    return 1;
  }
  std::string password;
  std::getline(std::cin, password);
  engine::Engine engine;  // empty: setting a password consults no figure
  EntityService service(*store, engine,
                        PasswordRules::Load(PasswordConfig{vm["password-list"].as<std::string>()}));
  if (auto status = service.SetPassword(Actor::System(), user->id, password); !status) {
    std::cerr << "brm passwd: " << status.error().message << "\n";
    return 1;
  }
  std::cout << "password set for " << vm["login"].as<std::string>() << "\n";
  return 0;
}

int Token(const std::vector<std::string>& args) {
  po::options_description options("brm token");
  options.add_options()("help", "show this help")("login", po::value<std::string>()->required(), "user login")(
      "name", po::value<std::string>()->default_value("cli"), "a name to recognise the token by");
  AddDataOption(options);
  auto vm = Parse(args, options, {"login"});
  if (Help(vm, options, "brm token --data DIR LOGIN [--name NAME]")) return 0;
  auto store = OpenStore(vm);
  auto user = UserByLogin(*store, vm["login"].as<std::string>());
  if (!user) {
    std::cerr << "brm token: no user has the login \"" << vm["login"].as<std::string>() << "\"\n";
    return 1;
  }
  const std::string token = "brm_" + RandomToken();
  store->PutApiToken(ApiTokenRow{NewId("tok"), user->id, vm["name"].as<std::string>(), Sha256Hex(token),
                                 static_cast<int64_t>(std::time(nullptr))});
  std::cout << token << "\n";
  return 0;
}

}  // namespace brm::cli
