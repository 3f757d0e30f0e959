// Durability: kill -9 the server while a client streams writes; after restart every acknowledged write is
// present and the database passes PRAGMA integrity_check. Repeated in a loop.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include "api/harness.hpp"
#include "domain/record.hpp"
#include "store/store.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

TEST(CrashApi, AcknowledgedWritesSurviveKillNine) {
  ServerProcess server(FixtureBundle());
  std::string token;
  std::vector<std::string> acknowledged;
  std::mt19937 random(42);
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    server.Start();
    if (token.empty()) {
      Client admin(server.port());
      ASSERT_EQ(admin.Login("admin").status, 200);
      token = std::string(admin.Post("/api/v1/auth/tokens", bj::object{{"name", "crash"}}).json.at("token").as_string());
    }
    std::atomic<bool> stop{false};
    std::thread writer([&, round] {
      Client client(server.port());
      client.UseToken(token);
      for (int i = 0; !stop; ++i) {
        const std::string id = "crash-" + std::to_string(round) + "-" + std::to_string(i);
        try {
          auto result = client.Post("/api/v1/activities",
                                    bj::object{{"id", id}, {"person", "p1"}, {"kind", "call"}, {"date", "2026-01-05"}});
          if (result.status == 201) acknowledged.push_back(id);
        } catch (const std::exception&) {
          return;  // the server died mid-request: that write was never acknowledged
        }
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300 + random() % 500));
    server.Kill();
    stop = true;
    writer.join();
  }
  ASSERT_GT(acknowledged.size(), static_cast<size_t>(kRounds)) << "the writer made progress";

  auto store = OpenSqliteStore(StoreConfig{.data_dir = server.data_dir()});
  EXPECT_EQ(store->IntegrityCheck(), "ok");
  for (const std::string& id : acknowledged) {
    EXPECT_TRUE(store->Get(Kind::kActivity, id).has_value()) << id;
  }
  store.reset();
  server.Start();
  Client after(server.port());
  after.UseToken(token);
  EXPECT_EQ(after.Get("/api/v1/activities/" + acknowledged.back()).status, 200);
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace brm::testing
