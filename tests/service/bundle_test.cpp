#include "service/bundle.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/schema.hpp"
#include "support/temp_dir.hpp"

namespace brm {
namespace {

std::string Fixture() { return std::string(BRM_FIXTURES) + "/small_bundle.json"; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Export(Store& store) {
  std::ostringstream out;
  ExportBundle(store, out);
  return out.str();
}

std::unique_ptr<Store> Open(const testing::TempDir& dir) { return OpenSqliteStore(StoreConfig{.data_dir = dir.path()}); }

Result<ImportReport> ImportText(Store& store, const std::string& text) {
  auto source = ParseBundle(text);
  if (!source) return source.error();
  return ImportBundle(store, "system", **source);
}

// The fixture with one substitution applied (first occurrence of `from` replaced by `to`).
std::string FixtureWith(const std::string& from, const std::string& to) {
  std::string text = ReadAll(Fixture());
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(Bundle, ImportsTheFixtureAndCountsEveryRecord) {
  testing::TempDir dir;
  auto store = Open(dir);
  auto source = ReadBundleFile(Fixture());
  ASSERT_TRUE(source.ok()) << source.error().message;
  auto report = ImportBundle(*store, "system", **source);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->total_created(), 4u + 3 + 11 + 3 + 6 + 1 + 4 + 2 + 2 + 5 + 1 + 1 + 1 + 1);
  EXPECT_EQ(store->Count(Kind::kMilestone), 1u);
  EXPECT_EQ(store->Count(Kind::kPerson), 11u);
  auto p1 = store->Get(Kind::kPerson, "p1");
  ASSERT_TRUE(p1);
  EXPECT_EQ(p1->values[fields::person::kKey], Value{true}) << "customer persons are key by default";
  auto admin = store->Get(Kind::kPerson, "e-admin");
  EXPECT_EQ(admin->values[fields::person::kKey], Value{false});
  ASSERT_TRUE(store->PasswordHash("u-rep1").has_value());
  EXPECT_EQ(store->PasswordHash("u-rep1")->rfind("$argon2id$", 0), 0u);
}

TEST(Bundle, ImportingTheSameBundleAgainChangesNothing) {
  testing::TempDir dir;
  auto store = Open(dir);
  const std::string text = ReadAll(Fixture());
  ASSERT_TRUE(ImportText(*store, text).ok());
  const std::string before = Export(*store);
  const auto hash = store->PasswordHash("u-rep1");
  auto again = ImportText(*store, text);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->total_created(), 0u);
  EXPECT_EQ(again->total_updated(), 0u);
  EXPECT_EQ(Export(*store), before);
  EXPECT_EQ(store->PasswordHash("u-rep1"), hash) << "a matching password is not re-hashed";
  EXPECT_EQ(store->History("bundles", "import").size(), 1u) << "only the first import wrote an audit line";
}

TEST(Bundle, ExportImportExportIsTheSameDocumentWithoutPasswords) {
  testing::TempDir first_dir, second_dir;
  auto first = Open(first_dir);
  ASSERT_TRUE(ImportText(*first, ReadAll(Fixture())).ok());
  const std::string exported = Export(*first);
  EXPECT_EQ(exported.find("password"), std::string::npos);
  EXPECT_EQ(exported.find("argon2"), std::string::npos);
  auto second = Open(second_dir);
  auto report = ImportText(*second, exported);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(Export(*second), exported);
  EXPECT_NE(exported.find("\"amount\":1200000.5"), std::string::npos);
  EXPECT_NE(exported.find("\"amount\":3500000,"), std::string::npos) << "whole amounts stay integers";
  EXPECT_NE(exported.find("\"milestones\": [\n{\"id\":\"ms1\""), std::string::npos);
}

TEST(Bundle, AnInvalidBundleChangesNothingAndNamesArrayIndexAndField) {
  struct Case { std::string from, to, field; ErrorCode code; };
  const Case cases[] = {
      {"\"org\": \"c1\", \"department\": \"d1\", \"name\": \"钱坤\"", "\"org\": \"c9\", \"department\": \"d1\", \"name\": \"钱坤\"",
       "people[7].org", ErrorCode::kUnprocessable},
      {"\"value\": \"oppose\"", "\"value\": \"hate\"", "ratings[2].value", ErrorCode::kInvalid},
      {"\"date\": \"2025-10-15\"", "\"date\": \"2025-13-15\"", "influence_uses[0].date", ErrorCode::kInvalid},
      {"\"amount\": 3500000", "\"amount\": \"lots\"", "opportunities[0].amount", ErrorCode::kInvalid},
      {"{\"id\": \"p4\"", "{\"id\": \"p3\"", "people[9].id", ErrorCode::kConflict},
      {"\"login\": \"rep2\"", "\"login\": \"rep1\"", "users[4].login", ErrorCode::kConflict},
      {"{\"id\": \"r2\"", "{\"id\": \"r1\"", "ratings[1].id", ErrorCode::kConflict},
      {"\"kind\": \"competitor\"", "\"kind\": \"ours\"", "organizations[3].kind", ErrorCode::kConflict},
      {"\"strength\": \"weak\"", "\"strength\": \"weak\", \"colour\": \"red\"", "influence[2].colour", ErrorCode::kInvalid},
      {"\"toward\": \"comp1\"", "\"toward\": \"c2\"", "ratings[3].toward", ErrorCode::kUnprocessable},
  };
  for (const Case& c : cases) {
    testing::TempDir dir;
    auto store = Open(dir);
    auto report = ImportText(*store, FixtureWith(c.from, c.to));
    ASSERT_FALSE(report.ok()) << c.field;
    EXPECT_EQ(report.error().field, c.field) << report.error().message;
    EXPECT_EQ(report.error().code, c.code) << report.error().message;
    EXPECT_EQ(report.error().message.rfind(c.field + ": ", 0), 0u) << report.error().message;
    for (const EntitySpec* spec : AllSpecs()) EXPECT_EQ(store->Count(spec->kind), 0u) << spec->collection;
  }
}

TEST(Bundle, AFailedImportLeavesAnEarlierImportIntact) {
  testing::TempDir dir;
  auto store = Open(dir);
  ASSERT_TRUE(ImportText(*store, ReadAll(Fixture())).ok());
  const std::string before = Export(*store);
  auto changed = ImportText(*store, FixtureWith("\"name\": \"赵敏\"", "\"name\": \"赵敏敏\""));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->total_updated(), 1u);
  const std::string updated = Export(*store);
  auto broken = ImportText(*store, FixtureWith("\"value\": \"oppose\"", "\"value\": \"hate\""));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(Export(*store), updated);
  EXPECT_NE(before, updated);
  const auto history = store->History("people", "p1");
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].field, "name");
  EXPECT_EQ(history[0].old_value, "\"赵敏\"");
  EXPECT_EQ(history[0].new_value, "\"赵敏敏\"");
}

TEST(Bundle, FactsCanOnlyBeRetiredByAReimport) {
  testing::TempDir dir;
  auto store = Open(dir);
  ASSERT_TRUE(ImportText(*store, ReadAll(Fixture())).ok());
  auto changed = ImportText(*store, FixtureWith("\"value\": \"oppose\"", "\"value\": \"support\""));
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().field, "ratings[2].id");
  EXPECT_EQ(changed.error().code, ErrorCode::kConflict);
  auto retired = ImportText(*store, FixtureWith("\"value\": \"oppose\"", "\"value\": \"oppose\", \"until\": \"2026-03-01\""));
  ASSERT_TRUE(retired.ok()) << retired.error().message;
  EXPECT_EQ(retired->total_updated(), 1u);
  EXPECT_EQ(store->Get(Kind::kRating, "r3")->Text(fields::rating::kUntil), "2026-03-01");
}

TEST(Bundle, RefusesWhatIsNotABundle) {
  testing::TempDir dir;
  auto store = Open(dir);
  struct Case { std::string text, field; };
  const Case cases[] = {
      {"{\"format\": \"brm-bundle\", \"version\": 1", ""},
      {"[1, 2]", ""},
      {"{\"format\": \"other\", \"version\": 1}", "format"},
      {"{\"format\": \"brm-bundle\", \"version\": 2}", "version"},
      {"{\"format\": \"brm-bundle\", \"version\": 1, \"persons\": []}", "persons"},
      {"{\"format\": \"brm-bundle\", \"version\": 1, \"people\": {}}", "people"},
      {"{\"format\": \"brm-bundle\", \"version\": 1, \"people\": [3]}", "people[0]"},
      {"{\"format\": \"brm-bundle\", \"version\": 1} trailing", ""},
  };
  for (const Case& c : cases) {
    auto report = ImportText(*store, c.text);
    ASSERT_FALSE(report.ok()) << c.text;
    EXPECT_EQ(report.error().field, c.field) << c.text << " → " << report.error().message;
  }
  EXPECT_TRUE(ImportText(*store, "{\"format\": \"brm-bundle\", \"version\": 1}\n").ok()) << "an empty bundle is fine";
}

TEST(Bundle, ScansStringsWithBracketsQuotesAndEscapesIntact) {
  testing::TempDir dir;
  auto store = Open(dir);
  const std::string text =
      "{ \"version\" : 1 , \"organizations\" : [ {\"id\": \"o1\", \"name\": \"方括号] 和 {花括号} \\\"引号\\\" \\\\ \\u5f20\","
      " \"kind\": \"partner\"} ] , \"format\" : \"brm-bundle\" }";
  auto report = ImportText(*store, text);
  ASSERT_TRUE(report.ok()) << report.error().message;
  auto org = store->Get(Kind::kOrganization, "o1");
  ASSERT_TRUE(org);
  EXPECT_EQ(org->Text(fields::org::kName), "方括号] 和 {花括号} \"引号\" \\ 张");
}

TEST(Bundle, RefusesBrokenStructureAndBrokenElementsNamingWhere) {
  testing::TempDir dir;
  auto store = Open(dir);
  const std::string head = "{\"format\": \"brm-bundle\", \"version\": 1, ";
  struct Case { std::string text, field, message_part; };
  const Case cases[] = {
      {head + "\"people\": [], \"people\": []}", "", "appears twice"},
      {head + "\"people\": [{\"id\": \"a\"} {\"id\": \"b\"}]}", "", "expected ',' or ']'"},
      {head + "\"teams\": [{\"id\": \"t\", \"name\": tru}]}", "teams[0]", "not valid JSON"},
      {head + "\"teams\": [{\"id\": \"t\", \"name\": \"x\"}, {\"id\": \"u\", \"name\": \"y\",}]}", "teams[1]",
       "not valid JSON"},
      {head + "\"teams\": [{\"id\": \"t\", \"name\": \"unterminated}]}", "", "not valid JSON"},
  };
  for (const Case& c : cases) {
    auto report = ImportText(*store, c.text);
    ASSERT_FALSE(report.ok()) << c.text;
    EXPECT_EQ(report.error().field, c.field) << c.text;
    EXPECT_NE(report.error().message.find(c.message_part), std::string::npos) << report.error().message;
  }
  EXPECT_EQ(store->Count(Kind::kTeam), 0u);
}

}  // namespace
}  // namespace brm
