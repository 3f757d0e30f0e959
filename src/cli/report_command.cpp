// report: the company-scope figures document of SPEC.md §11 on stdout, through the same code as the API.
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "service/upgrade.hpp"
#include "service/figures.hpp"
#include "service/strategy_settings.hpp"

namespace brm::cli {

int Report(const std::vector<std::string>& args) {
  po::options_description options("brm report");
  options.add_options()("help", "show this help")(
      "as-of", po::value<std::string>()->default_value("today"), "the day of every figure, YYYY-MM-DD")(
      "tz", po::value<std::string>()->default_value("Asia/Shanghai"), "time zone that decides what today is");
  AddDataOption(options);
  auto vm = Parse(args, options, {});
  if (vm.count("help")) {
    std::cout << "usage: brm report --data DIR [--as-of YYYY-MM-DD]\n\n" << options;
    return 0;
  }
  setenv("TZ", vm["tz"].as<std::string>().c_str(), 1);
  tzset();
  const std::string as_of_text = vm["as-of"].as<std::string>();
  const auto as_of = as_of_text == "today" ? std::optional(Today()) : ParseDate(as_of_text);
  if (!as_of) {
    std::cerr << "brm report: --as-of must be a date written YYYY-MM-DD\n";
    return 2;
  }
  StoreConfig config;
  config.data_dir = vm["data"].as<std::string>();
  auto store = OpenSqliteStore(WithUpgrades(config));
  engine::Engine engine;
  engine.Replace(LoadGraph(*store));
  engine.SetThresholds(StrategySettings(*store).Thresholds());
  FiguresService figures(*store, engine);
  std::ios::sync_with_stdio(false);
  figures.WriteReport(*as_of, std::cout);
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}

}  // namespace brm::cli
