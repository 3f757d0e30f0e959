// The store contract suite's shared parts: the backends it runs against, a fixture that opens a fresh
// store of one backend, and record builders. Every contract test is a TEST_P over StoreBackends(), so a new
// backend (PostgreSQL) joins the whole suite by adding one entry there.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/schema.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace brm::testing {

struct StoreBackend {
  std::string name;  // test name suffix: letters, digits and underscores only
  // Opens the store that keeps its state under `data_dir` (a fresh, empty directory on first use);
  // opening the same directory again reopens the same data.
  std::function<std::unique_ptr<Store>(const std::string& data_dir)> open;
};

inline std::vector<StoreBackend> StoreBackends() {
  return {
      {"sqlite", [](const std::string& dir) { return OpenSqliteStore(StoreConfig{.data_dir = dir}); }},
  };
}

inline void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

inline std::string BackendName(const ::testing::TestParamInfo<StoreBackend>& info) { return info.param.name; }

// A fresh, empty store of the backend under test. Each suite derives its own named class from it.
class StoreFixture : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override { store_ = GetParam().open(dir_.path()); }

  // Inserts `records` in one committed transaction.
  void CommitAll(const std::vector<Record>& records) {
    auto tx = store_->Begin();
    for (const Record& record : records) tx->Insert(record);
    tx->Commit();
  }

  // The ids List returns (everything visible), and the total it reports.
  std::vector<std::string> ListIds(Kind kind, const ListQuery& query, size_t* total = nullptr) {
    Page page = store_->List(kind, query);
    if (total) *total = page.total;
    std::vector<std::string> ids;
    for (const Record& record : page.items) ids.push_back(record.id);
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

inline Record Org(std::string id, std::string name, std::string kind = "customer") {
  Record r = BlankRecord(Kind::kOrganization);
  r.id = std::move(id);
  r.values[fields::org::kName] = std::move(name);
  r.values[fields::org::kKind] = std::move(kind);
  return r;
}

inline Record Person(std::string id, std::string org, std::string name) {
  Record r = BlankRecord(Kind::kPerson);
  r.id = std::move(id);
  r.values[fields::person::kOrg] = std::move(org);
  r.values[fields::person::kName] = std::move(name);
  r.values[fields::person::kKey] = true;
  return r;
}

// A rep whose login is "login-<id>".
inline Record User(std::string id, std::string person) {
  Record r = BlankRecord(Kind::kUser);
  r.values[fields::user::kLogin] = "login-" + id;
  r.id = std::move(id);
  r.values[fields::user::kPerson] = std::move(person);
  r.values[fields::user::kRole] = std::string("rep");
  return r;
}

}  // namespace brm::testing
