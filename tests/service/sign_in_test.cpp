// Defect 1 of issue 9: failed sign-ins were remembered per login name and never forgotten, so 48 logins of
// 4 MB each held 450 MiB. Now a login or password longer than any account's is refused before anything is
// hashed or stored, and the table of failures has a cap.
#include "service/sign_in.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace brm {
namespace {

class SignInThrottle : public ::testing::Test {
 protected:
  testing::TempDir dir_;
  std::unique_ptr<Store> store_ = OpenSqliteStore(StoreConfig{.data_dir = dir_.path()});
};

TEST_F(SignInThrottle, OversizedLoginsAndPasswordsAreRefusedBeforeAnythingIsRemembered) {
  SignIn auth(*store_, SignInConfig{});
  const std::string huge(4 << 20, 'a');
  auto login = auth.Verify(huge, "whatever-pass", "10.0.0.1");
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(login.error().field, "login");
  auto password = auth.Verify("someone", huge, "10.0.0.1");
  ASSERT_FALSE(password.ok());
  EXPECT_EQ(password.error().field, "password");
  EXPECT_EQ(auth.ThrottleEntries(), 0u);
  auto longest = auth.Verify(std::string(64, 'a'), "whatever-pass", "10.0.0.1");
  ASSERT_FALSE(longest.ok());
  EXPECT_EQ(longest.error().code, ErrorCode::kUnauthenticated) << "64 bytes is still a login";
  EXPECT_EQ(auth.ThrottleEntries(), 2u) << "the login and the address";
}

TEST_F(SignInThrottle, TheTableOfFailuresHasACapWhateverIsSent) {
  SignIn auth(*store_, SignInConfig{.throttle_entries = 6});
  for (int i = 0; i < 10; ++i) {
    auto result = auth.Verify("nobody-" + std::to_string(i), "whatever-pass", "10.0.0." + std::to_string(i));
    EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
    EXPECT_LE(auth.ThrottleEntries(), 6u);
  }
  EXPECT_EQ(auth.ThrottleEntries(), 6u);
}

TEST_F(SignInThrottle, ALoginIsThrottledAfterFiveFailuresInTheWindow) {
  SignIn auth(*store_, SignInConfig{});
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(auth.Verify("victim", "wrong-pass-" + std::to_string(i), "10.0.1." + std::to_string(i)).error().code,
              ErrorCode::kUnauthenticated);
  }
  EXPECT_EQ(auth.Verify("victim", "wrong-pass-x", "10.0.2.1").error().code, ErrorCode::kThrottled);
}

}  // namespace
}  // namespace brm
