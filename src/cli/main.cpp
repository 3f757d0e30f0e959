// brm: the BRM server and its command-line tools. One file per subcommand; this one dispatches.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "service/secrets.hpp"
#include "store/store.hpp"

#include <boost/program_options.hpp>

namespace {

void Usage() {
  std::cout << "brm — business relationship management\n\n"
               "usage: brm <command> [options]\n\n"
               "commands:\n"
               "  serve    serve the API and web app          brm serve --data DIR --listen 127.0.0.1:8080\n"
               "  demo     create the demo company            brm demo --data DIR [--scale large] [--end YYYY-MM-DD]\n"
               "  import   import a bundle, all-or-nothing    brm import --data DIR FILE\n"
               "  import-csv  import a CSV file (docs/csv.md)  brm import-csv --data DIR --kind people FILE\n"
               "  export   print the whole tenant as a bundle brm export --data DIR > FILE\n"
               "  backup   copy the database online           brm backup --data DIR FILE\n"
               "  passwd   set a user's password              brm passwd --data DIR LOGIN (password on stdin)\n"
               "  token    create an API token for a user     brm token --data DIR LOGIN [--name NAME]\n"
               "  report   print every figure as of a day     brm report --data DIR [--as-of YYYY-MM-DD]\n\n"
               "Run `brm <command> --help` for a command's options. --data and the serve options can also be\n"
               "set with BRM_* environment variables (--data ↔ BRM_DATA, --listen ↔ BRM_LISTEN; see README).\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands = {
      {"serve", brm::cli::Serve},   {"demo", brm::cli::Demo},     {"import", brm::cli::Import},
      {"import-csv", brm::cli::ImportCsv},
      {"export", brm::cli::Export}, {"backup", brm::cli::Backup}, {"passwd", brm::cli::Passwd},
      {"token", brm::cli::Token},   {"report", brm::cli::Report},
  };
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" ||
      std::string(argv[1]) == "help") {
    Usage();
    return argc < 2 ? 2 : 0;
  }
  const auto command = commands.find(argv[1]);
  if (command == commands.end()) {
    std::cerr << "brm: unknown command \"" << argv[1] << "\"\n\n";
    Usage();
    return 2;
  }
  try {
    brm::InitSecrets();
    return command->second(std::vector<std::string>(argv + 2, argv + argc));
  } catch (const boost::program_options::error& error) {
    std::cerr << "brm " << argv[1] << ": " << error.what() << " (see brm " << argv[1] << " --help)\n";
    return 2;
  } catch (const brm::StoreError& error) {
    std::cerr << "brm " << argv[1] << ": database error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "brm " << argv[1] << ": " << error.what() << "\n";
    return 1;
  }
}
