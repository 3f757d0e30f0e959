// brm demo: the demo company (or, with --scale large, the benchmark company) in an empty data directory.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/progress_bar.hpp"
#include "demo/demo.hpp"
#include "domain/schema.hpp"
#include "service/file_store.hpp"
#include "service/upgrade.hpp"
#include "service/bundle.hpp"

namespace brm::cli {

int Demo(const std::vector<std::string>& args) {
  po::options_description options("brm demo");
  options.add_options()("help", "show this help")(
      "scale", po::value<std::string>()->default_value("normal"), "normal (the demo company) or large (the benchmark one)")(
      "seed", po::value<uint64_t>()->default_value(DemoConfig{}.seed), "random seed; the same seed and end give the same company")(
      "end", po::value<std::string>(), "last day of the 24 months of history, YYYY-MM-DD (env BRM_DEMO_END); default today")(
      "bundle", po::value<std::string>(), "write the company as a bundle file instead of importing it");
  AddDataOption(options);
  auto vm = Parse(args, options);
  if (vm.count("help")) {
    std::cout << "usage: brm demo --data DIR [--scale large] [--end YYYY-MM-DD] [--bundle FILE]\n\n" << options;
    return 0;
  }
  DemoConfig config;
  const std::string scale = vm["scale"].as<std::string>();
  if (scale != "normal" && scale != "large") throw po::error("--scale must be normal or large");
  config.scale = scale == "large" ? DemoConfig::Scale::kLarge : DemoConfig::Scale::kNormal;
  config.seed = vm["seed"].as<uint64_t>();
  config.end = Today();
  if (vm.count("end")) {
    auto end = ParseDate(vm["end"].as<std::string>());
    if (!end) throw po::error("--end must be a date written YYYY-MM-DD");
    config.end = *end;
  }

  ProgressBar bar;
  std::cerr << "brm demo: building the " << scale << " company ending " << FormatDate(config.end) << "\n";
  MemoryBundle bundle = BuildDemo(config, std::ref(bar));
  if (vm.count("bundle")) {
    std::ofstream out(vm["bundle"].as<std::string>(), std::ios::binary);
    WriteBundle(bundle, out);
    out.close();
    if (!out) throw std::runtime_error("cannot write " + vm["bundle"].as<std::string>());
    std::cerr << "brm demo: wrote " << vm["bundle"].as<std::string>() << "\n";
    return 0;
  }

  StoreConfig store_config;
  store_config.data_dir = vm["data"].as<std::string>();
  // The writer's page cache keeps its default size here: the store raises it to StoreConfig::bulk_cache_mib
  // itself for the bulk part of the import, by which time the records already written have been freed.
  auto store = OpenSqliteStore(WithUpgrades(store_config));
  if (store->Count(Kind::kOrganization) > 0) {
    std::cerr << "brm demo: " << store_config.data_dir << " already holds a tenant; the demo fills an empty one\n";
    return 1;
  }
  const auto logins = DemoLogins(bundle);
  const std::map<std::string, std::string> files = std::move(bundle.files);
  // The import takes the records over and frees them as they are written: the large company is held once.
  auto report = ImportBundle(*store, "system", *DrainingSource(std::move(bundle)), std::ref(bar));
  if (!report) {
    std::cerr << "brm demo: the demo company did not import: " << report.error().message << "\n";
    return 1;
  }
  const FileStore file_store(DocumentFilesDir(store_config.data_dir));
  for (const auto& [sha256, content] : files) file_store.Put(content);
  const std::string logins_path = store_config.data_dir + "/demo-logins.txt";
  std::ofstream logins_file(logins_path);
  logins_file << "Demo logins (password for all: " << config.password << ")\n";
  for (const auto& [login, role] : logins) logins_file << "  " << login << "\t" << role << "\n";
  logins_file.close();
  std::cerr << "brm demo: created " << report->total_created() << " records in " << store_config.data_dir << "\n";
  std::ifstream again(logins_path);
  std::cout << again.rdbuf();
  return 0;
}

}  // namespace brm::cli
