// import, export, backup, passwd, token: the data-directory tools.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/progress_bar.hpp"
#include "domain/schema.hpp"
#include "service/upgrade.hpp"
#include "service/actor.hpp"
#include "service/bundle.hpp"
#include "service/documents.hpp"
#include "service/entities.hpp"
#include "service/file_store.hpp"
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

FileStore DataFiles(const po::variables_map& vm) { return FileStore(DocumentFilesDir(vm["data"].as<std::string>())); }

// Says which documents lack their files; a bundle carries records only (docs/bundles.md).
void ReportMissing(const std::vector<MissingFile>& missing, const char* command) {
  if (missing.empty()) return;
  std::cerr << command << ": " << missing.size() << " document(s) have no file here; import them with --files:";
  for (size_t i = 0; i < missing.size() && i < 20; ++i) std::cerr << " " << missing[i].document;
  if (missing.size() > 20) std::cerr << " …";
  std::cerr << "\n";
}

// Stores every regular file under `dir` by the SHA-256 of its content (the name is not trusted); how many.
Result<size_t> StoreFilesFrom(const std::filesystem::path& dir, const FileStore& files) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return MakeError(ErrorCode::kInvalid, dir.string() + " is not a directory.", "files");
  }
  size_t n = 0;
  for (std::filesystem::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    auto stored = files.PutFile(it->path());
    if (!stored) return stored.error();
    ++n;
  }
  if (error) return MakeError(ErrorCode::kInvalid, "Cannot read " + dir.string() + ": " + error.message() + ".", "files");
  return n;
}

// Copies every stored file to `dir`, named by its sha256 (one flat directory); how many.
size_t CopyFilesTo(const FileStore& files, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  size_t n = 0;
  for (const std::string& sha256 : files.List()) {
    std::filesystem::copy_file(files.PathOf(sha256), dir / sha256, std::filesystem::copy_options::overwrite_existing);
    ++n;
  }
  return n;
}

}  // namespace

int Import(const std::vector<std::string>& args) {
  po::options_description options("brm import");
  options.add_options()("help", "show this help")("file", po::value<std::string>()->required(), "bundle file")(
      "files", po::value<std::string>(), "directory of the documents' files (as brm export --files writes it)");
  AddDataOption(options);
  auto vm = Parse(args, options, {"file"});
  if (Help(vm, options, "brm import --data DIR [--files DIR] FILE")) return 0;
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
  const FileStore files = DataFiles(vm);
  if (vm.count("files")) {
    auto stored = StoreFilesFrom(vm["files"].as<std::string>(), files);
    if (!stored) {
      std::cerr << "brm import: the records were imported, but not every file: " << stored.error().message << "\n";
      return 1;
    }
    std::cout << "files: " << *stored << " stored\n";
  }
  ReportMissing(MissingFiles(*store, files), "brm import");
  return 0;
}

int Export(const std::vector<std::string>& args) {
  po::options_description options("brm export");
  options.add_options()("help", "show this help")(
      "files", po::value<std::string>(), "also copy the documents' files into this directory, named by SHA-256");
  AddDataOption(options);
  auto vm = Parse(args, options);
  if (Help(vm, options, "brm export --data DIR [--files DIR] > FILE")) return 0;
  auto store = OpenStore(vm);
  std::ios::sync_with_stdio(false);
  ExportBundle(*store, std::cout);
  std::cout.flush();
  if (!std::cout) return 1;
  if (vm.count("files")) {
    const size_t n = CopyFilesTo(DataFiles(vm), vm["files"].as<std::string>());
    std::cerr << "brm export: " << n << " file(s) copied to " << vm["files"].as<std::string>() << "\n";
  }
  return 0;
}

int Backup(const std::vector<std::string>& args) {
  po::options_description options("brm backup");
  options.add_options()("help", "show this help")("file", po::value<std::string>()->required(), "backup file");
  AddDataOption(options);
  auto vm = Parse(args, options, {"file"});
  if (Help(vm, options, "brm backup --data DIR FILE")) return 0;
  auto store = OpenStore(vm);
  const std::string file = vm["file"].as<std::string>();
  store->Backup(file);
  // The files after the database: every document of the copy already had its file when the copy was made,
  // and files are only removed by erasing. FILE.files is kept up to date, not copied again.
  const FileStore files = DataFiles(vm);
  const FileStore copy(file + ".files");
  size_t added = 0;
  for (const std::string& sha256 : files.List()) {
    if (copy.Has(sha256)) continue;
    auto stored = copy.PutFile(files.PathOf(sha256));
    if (!stored) {
      std::cerr << "brm backup: " << stored.error().message << "\n";
      return 1;
    }
    ++added;
  }
  std::cout << "backed up to " << file << " and " << file << ".files (" << added << " new file(s))\n";
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
