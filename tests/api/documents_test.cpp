// Project documents' files (issue 10): streamed upload with the server's SHA-256, download with the
// opportunity's visibility and a Content-Disposition for Chinese names, the upload limit, and erasing.
// Fixture (tests/fixtures/small_bundle.json): rep1 owns c1 with o1, rep2 owns c2 with o2. The server runs
// with --upload-limit 1 (MiB) so that the limit is cheap to pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdlib.h>
#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

class DocumentsApi : public SharedServerTest {
 public:
  static void SetUpTestSuite() { StartServer({"--upload-limit", "1"}); }
  static std::filesystem::path Files() { return std::filesystem::path(server_->data_dir()) / "files"; }
  static std::filesystem::path FileOf(const std::string& sha256) { return Files() / sha256.substr(0, 2) / sha256; }
  static size_t FileCount() {
    size_t n = 0;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(Files(), error), end; !error && it != end; it.increment(error)) {
      n += it->is_regular_file() ? 1 : 0;
    }
    return n;
  }
};

// sha256 of the content, worked out with `printf '方案书：第一版\n' | sha256sum`.
const std::string kContent = "方案书：第一版\n";
const std::string kContentSha256 = "1b977164f308667e64ad10f71d211796b55020572fa5ec565851f71667a01415";

std::string UploadTarget(const std::string& opportunity, const std::string& name, const std::string& kind) {
  return "/api/v1/documents/upload?opportunity=" + opportunity + "&name=" + Encode(name) + "&kind=" + kind;
}

TEST_F(DocumentsApi, AnUploadIsStoredByItsHashAndDownloadedWithItsChineseName) {
  Client rep1 = As("rep1");
  auto upload = rep1.Send("POST", UploadTarget("o1", "方案书 v1.md", "proposal"), kContent,
                          {{"Content-Type", "text/markdown; charset=utf-8"}});
  ASSERT_EQ(upload.status, 201) << upload.body;
  const std::string sha256(upload.json.at("sha256").as_string());
  EXPECT_EQ(sha256, kContentSha256);
  EXPECT_EQ(sha256.size(), 64u);
  EXPECT_EQ(upload.json.at("size").to_number<double>(), static_cast<double>(kContent.size()));
  EXPECT_EQ(upload.json.at("content_type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(upload.json.at("uploaded_by"), "u-rep1");
  EXPECT_EQ(upload.json.at("kind"), "proposal");
  EXPECT_TRUE(std::filesystem::is_regular_file(FileOf(sha256))) << "content-addressed under <data>/files";

  const std::string id(upload.json.at("id").as_string());
  auto download = rep1.Get("/api/v1/documents/" + id + "/file");
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, kContent);
  const auto disposition = download.headers.find("content-disposition");
  ASSERT_NE(disposition, download.headers.end());
  EXPECT_EQ(disposition->second,
            "attachment; filename=\"_________ v1.md\"; "
            "filename*=UTF-8''%E6%96%B9%E6%A1%88%E4%B9%A6%20v1.md");
  EXPECT_EQ(download.headers.find("content-type")->second, "text/markdown; charset=utf-8");

  // The same content again: one file, two records.
  auto again = rep1.Send("POST", UploadTarget("o1", "副本.md", "other"), kContent, {{"Content-Type", "text/plain"}});
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json.at("sha256"), bj::value(sha256));

  // The project view lists both.
  auto project = rep1.Get("/api/v1/opportunities/o1/project");
  ASSERT_EQ(project.status, 200);
  size_t listed = 0;
  for (const auto& document : project.json.at("things").at("documents").as_array()) {
    if (document.at("sha256") == bj::value(sha256)) ++listed;
  }
  EXPECT_EQ(listed, 2u);
}

TEST_F(DocumentsApi, TheHashIsTheServersOwn) {
  Client admin = As("admin");
  // sha256 of the three bytes "abc" (FIPS 180-2, appendix B.1).
  auto upload = admin.Send("POST", UploadTarget("o1", "abc.txt", "other"), "abc", {{"Content-Type", "text/plain"}});
  ASSERT_EQ(upload.status, 201) << upload.body;
  EXPECT_EQ(upload.json.at("sha256"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(upload.json.at("size").to_number<double>(), 3.0);
}

TEST_F(DocumentsApi, VisibilityScopesAndBadUploadsChangeNothing) {
  Client rep1 = As("rep1"), rep2 = As("rep2");
  auto mine = rep2.Send("POST", UploadTarget("o2", "合同.pdf", "contract"), "%PDF-1.4 tiny", {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  const std::string id(mine.json.at("id").as_string());
  EXPECT_EQ(rep1.Get("/api/v1/documents/" + id + "/file").status, 404) << "o2 is rep2's";
  EXPECT_EQ(rep1.Get("/api/v1/documents/" + id).status, 404);
  EXPECT_EQ(As("staff").Get("/api/v1/documents/" + id + "/file").status, 404);

  const size_t before = rep1.Get("/api/v1/documents?limit=1000").json.at("total").as_int64();
  struct Case {
    std::string target;
    int status;
    std::string field;
  } cases[] = {
      {UploadTarget("o2", "x.txt", "other"), 422, "opportunity"},  // rep1 may not see o2
      {UploadTarget("nope", "x.txt", "other"), 422, "opportunity"},
      {UploadTarget("o1", "x.txt", "spreadsheet"), 400, "kind"},
      {"/api/v1/documents/upload?opportunity=o1&kind=other", 400, "name"},
      {"/api/v1/documents/upload?name=x&kind=other", 400, "opportunity"},
      {UploadTarget("o1", "x.txt", "other") + "&colour=red", 400, "colour"},
      {UploadTarget("o1", "x.txt", "other") + "&date=2026-02-30", 400, "date"},
  };
  for (const Case& c : cases) {
    auto result = rep1.Send("POST", c.target, "some bytes", {{"Content-Type", "text/plain"}});
    EXPECT_EQ(result.status, c.status) << c.target << ": " << result.body;
    EXPECT_EQ(result.ErrorField(), c.field) << c.target;
  }
  Client anonymous = NewClient();
  EXPECT_EQ(anonymous.Send("POST", UploadTarget("o1", "x.txt", "other"), "x").status, 401);
  Client no_csrf = As("rep1");
  no_csrf.ForgetCsrf();
  EXPECT_EQ(no_csrf.Send("POST", UploadTarget("o1", "x.txt", "other"), "x").status, 403);
  EXPECT_EQ(rep1.Get("/api/v1/documents?limit=1000").json.at("total").as_int64(), static_cast<int64_t>(before))
      << "no record was made";
}

TEST_F(DocumentsApi, AnUploadOverTheLimitIs413AndLeavesNoFile) {
  Client rep1 = As("rep1");
  const size_t files_before = FileCount();

  const std::string big((1u << 20) + 1, 'x');  // one byte over 1 MiB
  auto refused = rep1.Send("POST", UploadTarget("o1", "big.bin", "other"), big, {{"Content-Type", "application/octet-stream"}});
  EXPECT_EQ(refused.status, 413) << refused.body;
  EXPECT_EQ(refused.ErrorField(), "file");
  EXPECT_EQ(refused.ErrorCode(), "too_large");
  EXPECT_EQ(FileCount(), files_before) << "the partial file is gone: " << [] {
    std::string names;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(Files(), error), end; !error && it != end; it.increment(error)) {
      names += it->path().string() + " ";
    }
    return names;
  }();
  const std::string fits(1u << 20, 'y');
  EXPECT_EQ(rep1.Send("POST", UploadTarget("o1", "fits.bin", "other"), fits, {{"Content-Type", "application/octet-stream"}}).status,
            201);
}

TEST_F(DocumentsApi, RetiringKeepsTheFileAndErasingRemovesItWhenUnused) {
  Client admin = As("admin"), rep1 = As("rep1");
  auto first = rep1.Send("POST", UploadTarget("o1", "纪要.md", "minutes"), "会议纪要：shared", {{"Content-Type", "text/plain"}});
  auto second = rep1.Send("POST", UploadTarget("o1", "纪要副本.md", "minutes"), "会议纪要：shared", {{"Content-Type", "text/plain"}});
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(second.status, 201);
  const std::string sha256(first.json.at("sha256").as_string());
  const std::string a(first.json.at("id").as_string()), b(second.json.at("id").as_string());
  EXPECT_EQ(rep1.Post("/api/v1/documents/" + a + "/retire", bj::object{}).status, 200);
  EXPECT_EQ(rep1.Get("/api/v1/documents/" + a + "/file").status, 200) << "a retired document keeps its file";
  EXPECT_EQ(rep1.Post("/api/v1/documents/" + a + "/erase", bj::object{}).status, 403) << "only admins erase";
  auto erased = admin.Post("/api/v1/documents/" + a + "/erase", bj::object{});
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_TRUE(erased.json.at("sha256").is_null());
  EXPECT_TRUE(std::filesystem::exists(FileOf(sha256))) << "b still points to it";
  auto gone = rep1.Get("/api/v1/documents/" + a + "/file");
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.ErrorField(), "file");
  ASSERT_EQ(admin.Post("/api/v1/documents/" + b + "/erase", bj::object{}).status, 200);
  EXPECT_FALSE(std::filesystem::exists(FileOf(sha256))) << "nothing points to it any more";
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(DocumentsApi, FilesTravelWithExportImportAndBackup) {
  Client admin = As("admin"), rep1 = As("rep1");
  const std::string content = "往返：导出、导入与备份\n";
  auto upload = rep1.Send("POST", UploadTarget("o1", "往返.txt", "other"), content, {{"Content-Type", "text/plain"}});
  ASSERT_EQ(upload.status, 201) << upload.body;
  const std::string sha256(upload.json.at("sha256").as_string()), id(upload.json.at("id").as_string());
  std::string pattern = (std::filesystem::temp_directory_path() / "brm-files-XXXXXX").string();
  const std::filesystem::path tmp = mkdtemp(pattern.data());
  const std::string log = tmp / "log.txt";

  ASSERT_EQ(RunBrm({"export", "--data", server_->data_dir(), "--files", tmp / "out"}, log), 0) << ReadAll(log);
  EXPECT_EQ(ReadAll(tmp / "out" / sha256), content) << "named by its SHA-256, in one flat directory";
  auto bundle = admin.Get("/api/v1/bundle");
  ASSERT_EQ(bundle.status, 200);
  std::ofstream(tmp / "bundle.json") << bundle.body;

  ASSERT_EQ(RunBrm({"import", "--data", tmp / "with", "--files", tmp / "out", tmp / "bundle.json"}, log), 0)
      << ReadAll(log);
  EXPECT_EQ(ReadAll(tmp / "with" / "files" / sha256.substr(0, 2) / sha256), content);
  EXPECT_EQ(ReadAll(log).find("no file here"), std::string::npos) << ReadAll(log);

  ASSERT_EQ(RunBrm({"import", "--data", tmp / "without", tmp / "bundle.json"}, log), 0) << ReadAll(log);
  EXPECT_NE(ReadAll(log).find("have no file here"), std::string::npos) << ReadAll(log);
  EXPECT_NE(ReadAll(log).find(id), std::string::npos) << "the document is named: " << ReadAll(log);

  ASSERT_EQ(RunBrm({"backup", "--data", server_->data_dir(), tmp / "backup.db"}, log), 0) << ReadAll(log);
  EXPECT_EQ(ReadAll(tmp / "backup.db.files" / sha256.substr(0, 2) / sha256), content);

  // The file goes missing from the server; a bundle posted over HTTP says so instead of failing silently.
  std::filesystem::remove(FileOf(sha256));
  auto imported = admin.Send("POST", "/api/v1/bundle", R"({"format": "brm-bundle", "version": 1})",
                             {{"Content-Type", "application/json"}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  bool named = false;
  for (const auto& missing : imported.json.at("missing_files").as_array()) {
    named = named || (missing.at("document") == bj::value(id) && missing.at("sha256") == bj::value(sha256));
  }
  EXPECT_TRUE(named) << imported.body;
  std::filesystem::remove_all(tmp);
}

}  // namespace
}  // namespace brm::testing
