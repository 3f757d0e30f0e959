// brm import-csv: the CSV import of the web app (docs/csv.md) from the command line, as the system.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "service/csv_import.hpp"
#include "service/entities.hpp"
#include "service/figures.hpp"
#include "service/upgrade.hpp"

namespace brm::cli {

int ImportCsv(const std::vector<std::string>& args) {
  po::options_description options("brm import-csv");
  options.add_options()("help", "show this help")("file", po::value<std::string>()->required(), "CSV file")(
      "kind", po::value<std::string>()->required(), "organizations, people, opportunities or ratings")(
      "preset", po::value<std::string>(), "brm, salesforce, dynamics365, fxiaoke, xiaoshouyi or a saved one (default: the best fitting)")(
      "map", po::value<std::vector<std::string>>(), "field=Header, the column of a field (repeatable; field= for none)")(
      "dry-run", "check and report only; write nothing");
  AddDataOption(options);
  auto vm = Parse(args, options, {"file"});
  if (vm.count("help")) {
    std::cout << "usage: brm import-csv --data DIR --kind KIND [--preset NAME] [--map field=Header]... [--dry-run] FILE\n\n"
              << options;
    return 0;
  }
  CsvRequest request;
  const auto kind = csv::KindOf(vm["kind"].as<std::string>());
  if (!kind) {
    std::cerr << "brm import-csv: --kind is organizations, people, opportunities or ratings\n";
    return 2;
  }
  request.kind = *kind;
  if (vm.count("preset")) request.preset = vm["preset"].as<std::string>();
  if (vm.count("map")) {
    for (const std::string& pair : vm["map"].as<std::vector<std::string>>()) {
      const size_t equals = pair.find('=');
      if (equals == std::string::npos) {
        std::cerr << "brm import-csv: --map takes field=Header, not \"" << pair << "\"\n";
        return 2;
      }
      request.columns[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
  }
  request.commit = !vm.count("dry-run");
  std::ifstream in(vm["file"].as<std::string>(), std::ios::binary);
  if (!in) {
    std::cerr << "brm import-csv: cannot read " << vm["file"].as<std::string>() << "\n";
    return 1;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();

  StoreConfig config;
  config.data_dir = vm["data"].as<std::string>();
  config.writer_cache_mib = config.bulk_cache_mib;
  auto store = OpenSqliteStore(WithUpgrades(config));
  engine::Engine engine;
  engine.Replace(LoadGraph(*store));
  EntityService entities(*store, engine);
  CsvImportService csv(*store, engine, entities);
  CsvReport failed;
  auto report = csv.Import(Actor::System(), request, bytes.str(), &failed);
  const CsvReport& shown = report ? *report : failed;
  if (!report && shown.headers.empty()) {
    std::cerr << "brm import-csv: " << report.error().message << (report.error().field.empty() ? "" : " (" + report.error().field + ")") << "\n";
    return 1;
  }
  std::cout << "file: " << shown.rows << " rows, " << shown.encoding << ", delimiter "
            << (shown.delimiter == '\t' ? std::string("tab") : std::string(1, shown.delimiter)) << ", preset "
            << (shown.preset.empty() ? "none" : shown.preset) << "\n";
  for (const auto& [field, header] : shown.mapping) std::cout << "  " << field << " ← " << header << "\n";
  if (!shown.unmapped.empty()) {
    std::cout << "not imported:";
    for (const std::string& header : shown.unmapped) std::cout << " " << header;
    std::cout << "\n";
  }
  for (const CsvError& error : shown.errors) {
    std::cerr << "row " << error.row << (error.column.empty() ? "" : ", " + error.column) << ": " << error.message << "\n";
  }
  if (shown.error_count > shown.errors.size()) std::cerr << "… " << shown.error_count - shown.errors.size() << " more errors\n";
  std::cout << (shown.committed ? "imported: " : shown.error_count ? "nothing was imported: " : "would import: ")
            << shown.create << " created, " << shown.update << " updated, " << shown.unchanged << " unchanged"
            << (shown.error_count ? ", " + std::to_string(shown.error_count) + " errors" : "") << "\n";
  return shown.error_count ? 1 : 0;
}

}  // namespace brm::cli
