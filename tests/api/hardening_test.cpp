// Bugs found in review, each with a test named after what broke.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class HardeningApi : public SharedServerTest {
 protected:
  static void SetUpTestSuite() {
    StartServer({}, [](ServerProcess& server) {
      const std::string web = server.data_dir() + "/web";
      std::filesystem::create_directories(web + "/assets");
      std::ofstream(web + "/index.html") << "<!doctype html><title>BRM</title>";
      std::ofstream(web + "/assets/app.js") << "console.log(1)";
      return std::vector<std::string>{"--web", web};
    });
  }
};

TEST_F(HardeningApi, EncodedSlashesCannotReadFilesOutsideTheWebApp) {
  Client anyone(server_->port());
  const std::string db = server_->data_dir() + "/brm.db";
  for (const std::string& target : std::vector<std::string>{"/" + Encode(db), "/%2Fetc%2Fhostname", "/..%2F..%2F..%2Fetc%2Fhostname",
                                    "/assets/..%2F..%2Fbrm.db", "/%5C..%5Cbrm.db"}) {
    auto result = anyone.Get(target);
    EXPECT_EQ(result.status, 200) << target;
    EXPECT_EQ(result.body, "<!doctype html><title>BRM</title>") << target << " must fall back to the app";
  }
  auto asset = anyone.Get("/assets/app.js");
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_NE(asset.headers.find("content-type")->second.find("javascript"), std::string::npos);
  EXPECT_EQ(anyone.Get("/customers/c1").body, "<!doctype html><title>BRM</title>") << "app routes get index.html";
}

TEST_F(HardeningApi, NullForAFieldWithADefaultTakesTheDefaultInsteadOfFailing) {
  Client admin = As("admin");
  auto created = admin.Post("/api/v1/people", bj::object{{"org", "c1"}, {"name", "空值"}, {"importance", nullptr},
                                                         {"orientation", nullptr}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json.at("importance"), "unknown");
  auto patched = admin.Patch("/api/v1/opportunities/o1", bj::object{{"focus", nullptr}, {"status", nullptr}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json.at("focus"), false);
  EXPECT_EQ(patched.json.at("status"), "open");
  EXPECT_EQ(patched.json.at("currency"), "CNY");
}

TEST_F(HardeningApi, ARetiredFactCannotBeRestoredOrRedated) {
  Client admin = As("admin");
  ASSERT_EQ(admin.Patch("/api/v1/votes/v1", bj::object{{"until", "2026-03-01"}}).status, 200);
  EXPECT_EQ(admin.Patch("/api/v1/votes/v1", bj::object{{"until", nullptr}}).status, 409);
  EXPECT_EQ(admin.Patch("/api/v1/votes/v1", bj::object{{"until", "2027-01-01"}}).status, 409);
  EXPECT_EQ(admin.Get("/api/v1/votes/v1").json.at("until"), "2026-03-01");
}

TEST_F(HardeningApi, EmployeesCannotFilterTheDirectoryByHiddenFields) {
  Client staff = As("staff");
  EXPECT_EQ(staff.Get("/api/v1/people?key=true").status, 400);
  EXPECT_EQ(staff.Get("/api/v1/people?importance=high").ErrorField(), "importance");
  EXPECT_EQ(staff.Get("/api/v1/people?department=d1").status, 200);
}

TEST_F(HardeningApi, OnlyAdminsResetPasswordsAndAResetSignsTheUserOut) {
  Client rep = As("rep2");
  EXPECT_EQ(rep.Post("/api/v1/users/u-rep2/password", bj::object{{"password", "no-current-needed"}}).status, 403);
  Client admin = As("admin");
  ASSERT_EQ(admin.Post("/api/v1/users/u-rep2/password", bj::object{{"password", "reset-by-admin-1"}}).status, 200);
  EXPECT_EQ(rep.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(Client(server_->port()).Login("rep2", "reset-by-admin-1").status, 200);
}

TEST_F(HardeningApi, EmailAddressesAreChecked) {
  Client admin = As("admin");
  auto bad = admin.Patch("/api/v1/people/p2", bj::object{{"email", "not an address"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "email");
  EXPECT_EQ(admin.Patch("/api/v1/people/p2", bj::object{{"email", "qiankun@example.com"}}).status, 200);
}

TEST_F(HardeningApi, UnencodedUtf8InTheQueryIsAccepted) {
  Client admin = As("admin");
  auto found = admin.Get("/api/v1/people?search=赵");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json.at("total").as_int64(), 1);
}

TEST_F(HardeningApi, HiddenAndNonexistentRecordsAnswerAlike) {
  // Defect 6: a reference to a hidden record answered 404, to a nonexistent one 422; a hidden record's id
  // could be probed by reusing it. Now both answer the same status, code and message (each naming the id
  // the caller sent, nothing more), and reps cannot choose ids at all.
  Client rep = As("rep1");
  auto Alike = [](const HttpResult& hidden, const HttpResult& missing) {
    std::string body = hidden.body;
    body.replace(body.find("p4"), 2, "p-none");
    EXPECT_EQ(body, missing.body);
    EXPECT_EQ(hidden.status, missing.status);
  };
  auto Rate = [&](const char* person) {
    return rep.Post("/api/v1/ratings", bj::object{{"person", person}, {"dimension", "price"}, {"value", "support"}});
  };
  auto hidden = Rate("p4");
  EXPECT_EQ(hidden.status, 422);
  EXPECT_EQ(hidden.ErrorField(), "person");
  Alike(hidden, Rate("p-none"));
  auto read_hidden = rep.Get("/api/v1/people/p4");
  EXPECT_EQ(read_hidden.status, 404);
  Alike(read_hidden, rep.Get("/api/v1/people/p-none"));
  Alike(rep.Patch("/api/v1/people/p4", bj::object{{"title", "x"}}), rep.Patch("/api/v1/people/p-none", bj::object{{"title", "x"}}));
  Alike(rep.Send("DELETE", "/api/v1/people/p4"), rep.Send("DELETE", "/api/v1/people/p-none"));
  auto chosen = rep.Post("/api/v1/people", bj::object{{"id", "p4"}, {"name", "探针"}, {"org", "c1"}});
  EXPECT_EQ(chosen.status, 400);
  EXPECT_EQ(chosen.ErrorField(), "id");
  auto chosen_free = rep.Post("/api/v1/people", bj::object{{"id", "p-free"}, {"name", "探针"}, {"org", "c1"}});
  EXPECT_EQ(chosen_free.body, chosen.body) << "a taken id and a free one are refused alike";
}

TEST(Cli, HelpWorksWithoutTheRequiredArguments) {
  const std::string log = std::filesystem::temp_directory_path() / "brm-cli-help.log";
  for (const char* command : {"import", "backup", "passwd", "token", "export", "serve", "demo"}) {
    EXPECT_EQ(RunBrm({command, "--help"}, log), 0) << command;
  }
  EXPECT_EQ(RunBrm({"import"}, log), 2) << "a missing argument is a usage error";
  EXPECT_EQ(RunBrm({"frobnicate"}, log), 2);
}

}  // namespace
}  // namespace brm::testing
