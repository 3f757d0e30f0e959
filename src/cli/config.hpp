// Command-line and environment configuration: flags first, then BRM_* environment variables, then the
// defaults written in each subsystem's Config struct. Unknown BRM_* variables are refused.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace brm::cli {

namespace po = boost::program_options;

// Parses `args` (the words after the subcommand) against `options`, then fills options left unset from
// the BRM_* environment variables of KnownEnvironment() (--data ↔ BRM_DATA, --end ↔ BRM_DEMO_END). Positional
// arguments go to `positional` names in order. Throws po::error (printed by main) on bad input, and
// std::runtime_error naming an unknown BRM_* variable.
po::variables_map Parse(const std::vector<std::string>& args, const po::options_description& options,
                        const std::vector<std::string>& positional = {});

// Every BRM_* variable brm reads; any other BRM_* variable is refused at start-up.
std::vector<std::string> KnownEnvironment();

// The --data option every subcommand shares.
void AddDataOption(po::options_description& options);

}  // namespace brm::cli
