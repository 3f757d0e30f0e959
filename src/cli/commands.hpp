// The subcommands of `brm`. Each takes the words after its name and returns the process exit code:
// 0 success, 1 failure (the message is on stderr), 2 bad usage.
#pragma once

#include <string>
#include <vector>

namespace brm::cli {

int Serve(const std::vector<std::string>& args);
int Demo(const std::vector<std::string>& args);
int Import(const std::vector<std::string>& args);
int ImportCsv(const std::vector<std::string>& args);  // csv_command.cpp
int Export(const std::vector<std::string>& args);
int Backup(const std::vector<std::string>& args);
int Passwd(const std::vector<std::string>& args);
int Token(const std::vector<std::string>& args);
int Report(const std::vector<std::string>& args);

}  // namespace brm::cli
