// A test suite whose tests share one `brm serve` over the fixture bundle, started once per suite.
// Suites run one after another in the API test binary, so one server slot is enough.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "api/harness.hpp"

namespace brm::testing {

class SharedServerTest : public ::testing::Test {
 protected:
  // The default: a server with no extra flags. A suite needing flags defines its own SetUpTestSuite
  // calling StartServer.
  static void SetUpTestSuite() { StartServer(); }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << "clean shutdown";
    delete server_;
    server_ = nullptr;
  }

  // `prepare` runs after the import and before the server starts (to add files to its data directory);
  // the flags it returns are added to `args`.
  static void StartServer(std::vector<std::string> args = {},
                          const std::function<std::vector<std::string>(ServerProcess&)>& prepare = {}) {
    server_ = new ServerProcess(FixtureBundle());
    if (prepare) {
      for (std::string& arg : prepare(*server_)) args.push_back(std::move(arg));
    }
    server_->Start(args);
  }

  static Client NewClient() { return Client(server_->port()); }
  static Client As(const std::string& login) {
    Client client(server_->port());
    EXPECT_EQ(client.Login(login).status, 200) << login;
    return client;
  }

  // The server's today (the tenant's day), as the client is told it.
  static std::string Today(Client& client) {
    auto me = client.Get("/api/v1/auth/me");
    EXPECT_EQ(me.status, 200);
    return std::string(me.json.at("today").as_string());
  }

  static inline ServerProcess* server_ = nullptr;
};

}  // namespace brm::testing
