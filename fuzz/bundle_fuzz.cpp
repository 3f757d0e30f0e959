// Fuzz target: a bundle file. Parsing and importing must end in a report or an error naming the
// problem, never a crash; an import that fails leaves the store as it was (it is all-or-nothing).
// The store lives in /dev/shm (or $TMPDIR) for the whole run, so imports that succeed accumulate.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "service/bundle.hpp"
#include "store/store.hpp"

namespace {

brm::Store& SharedStore() {
  static const std::string dir = [] {
    std::string pattern = (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm") : std::filesystem::temp_directory_path().string()) +
                          "/brm-fuzz-bundle-XXXXXX";
    return std::string(mkdtemp(pattern.data()));
  }();
  static std::unique_ptr<brm::Store> store = brm::OpenSqliteStore(brm::StoreConfig{.data_dir = dir});
  return *store;
}

// How many records the store holds, over every collection.
std::size_t Count(brm::Store& store) {
  std::size_t total = 0;
  for (int kind = 0; kind < brm::kKindCount; ++kind) {
    brm::ListQuery query;
    query.limit = 0;
    total += store.List(static_cast<brm::Kind>(kind), query).total;
  }
  return total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = brm::ParseBundle(std::string(reinterpret_cast<const char*>(data), size));
  if (!source) return 0;
  brm::Store& store = SharedStore();
  const std::size_t before = Count(store);
  auto report = brm::ImportBundle(store, "system", **source);
  if (!report && Count(store) != before) std::abort();  // a failed import changed something
  return 0;
}
