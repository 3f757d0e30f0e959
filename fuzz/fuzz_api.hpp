// What the API fuzz targets share: one Api for the whole run, over the test fixture
// (tests/fixtures/small_bundle.json) imported into a store under /dev/shm, with an API token for a user of
// each role, and the checks every answer must pass.
#pragma once

#include <boost/json.hpp>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/validate.hpp"
#include "http/api.hpp"
#include "service/bundle.hpp"
#include "service/figures.hpp"

namespace brm::fuzz {

// The users a request may come from, as the fixture has them: an admin, a rep, a manager, an employee.
inline constexpr std::array<const char*, 4> kUsers = {"u-admin", "u-rep1", "u-mgr", "u-staff"};

class FuzzApi {
 public:
  static FuzzApi& Get() {
    static FuzzApi api;
    return api;
  }

  http::Api& api() { return *api_; }
  const std::string& Token(std::size_t user) const { return tokens_[user % tokens_.size()]; }

  // A handler's answer must never be a server error, and a JSON answer must be valid UTF-8 JSON.
  static void Check(const http::Response& response) {
    if (response.status >= 500) std::abort();
    if (response.content_type == "application/json") {
      if (!ValidUtf8(response.body)) std::abort();
      boost::system::error_code ec;
      boost::json::parse(response.body, ec);
      if (ec) std::abort();
    }
  }

 private:
  FuzzApi() {
    std::string pattern = (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm")
                                                                : std::filesystem::temp_directory_path().string()) +
                          "/brm-fuzz-api-XXXXXX";
    dir_ = mkdtemp(pattern.data());
    store_ = OpenSqliteStore(StoreConfig{.data_dir = dir_});
    auto source = ReadBundleFile(std::string(BRM_FIXTURES) + "/small_bundle.json");
    if (!source || !ImportBundle(*store_, "system", **source)) std::abort();
    engine_.Replace(LoadGraph(*store_));
    api_ = std::make_unique<http::Api>(*store_, engine_, http::ApiConfig{});
    SignIn auth(*store_, SignInConfig{});
    for (std::size_t i = 0; i < kUsers.size(); ++i) {
      std::string id;
      tokens_[i] = auth.CreateApiToken(kUsers[i], "fuzz", id);
    }
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  engine::Engine engine_;
  std::unique_ptr<http::Api> api_;
  std::array<std::string, kUsers.size()> tokens_;
};

}  // namespace brm::fuzz
