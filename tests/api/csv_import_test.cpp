// CSV import (issue 12 item 7, SPEC.md §10, docs/csv.md): UTF-8, UTF-8 with BOM and GB18030 files written
// here, comma, semicolon and tab; each ready preset found from the headers; references by id, name or login;
// a bad row named by row and column, nothing written on error; re-importing changes nothing; presets saved;
// templates; admins only.
// Fixture (tests/fixtures/small_bundle.json): customers c1 招商银行深圳分行 (rep1 张伟) and c2 西部电网 (rep2 刘洋),
// competitor comp1 东方软件, person p1 赵敏 of c1.
#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

#include "api/shared_server.hpp"

namespace brm::testing {
namespace {

namespace bj = boost::json;

// GB18030 bytes of UTF-8 text, as Excel writes a CSV in a Chinese locale.
std::string Gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* at = out.data();
  size_t in_left = utf8.size(), out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &at, &out_left), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

class CsvImportApi : public SharedServerTest {
 protected:
  static HttpResult Send(Client& client, const std::string& kind, const std::string& file, const std::string& query = "") {
    return client.Send("POST", "/api/v1/csv/" + kind + (query.empty() ? "" : "?" + query), file,
                       {{"Content-Type", "text/csv"}});
  }
  static HttpResult Commit(Client& client, const std::string& kind, const std::string& file, const std::string& query = "") {
    return Send(client, kind, file, query.empty() ? "commit=true" : query + "&commit=true");
  }
};

TEST_F(CsvImportApi, Utf8PeopleArePreviewedThenImportedOnceByNameAndId) {
  Client admin = As("admin");
  const std::string file =
      "编号,所属组织,部门,姓名,职务,重要程度,关键人\n"
      "P-101,招商银行深圳分行,,孙明,信息技术部主任,高,是\n"
      "P-102,c1,,\"李,华\",\"采购\"\"经理\"\"\",低,否\r\n"
      "\n";
  auto preview = Send(admin, "people", file);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("encoding"), "utf-8");
  EXPECT_EQ(preview.json.at("delimiter"), ",");
  EXPECT_EQ(preview.json.at("preset"), "brm");
  EXPECT_EQ(preview.json.at("rows"), 2);
  EXPECT_EQ(preview.json.at("create"), 2);
  EXPECT_EQ(preview.json.at("error_count"), 0) << preview.body;
  EXPECT_EQ(preview.json.at("mapping").at("org"), "所属组织");
  EXPECT_EQ(preview.json.at("unmapped"), bj::array{}) << "部门 is mapped, though empty";
  const bj::value& first = preview.json.at("sample").at(0);
  EXPECT_EQ(first.at("row"), 2);
  EXPECT_EQ(first.at("values").at("org"), "c1") << "the organization found by its name";
  EXPECT_EQ(first.at("values").at("importance"), "high");
  EXPECT_EQ(admin.Get("/api/v1/people/P-101").status, 404) << "a preview writes nothing";

  auto done = Commit(admin, "people", file);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("committed"), true);
  auto person = admin.Get("/api/v1/people/P-102");
  ASSERT_EQ(person.status, 200);
  EXPECT_EQ(person.json.at("name"), "李,华");
  EXPECT_EQ(person.json.at("title"), "采购\"经理\"");
  EXPECT_EQ(person.json.at("key"), false);
  EXPECT_EQ(person.json.at("importance"), "low");
  auto history = admin.Get("/api/v1/people/P-101/history");
  EXPECT_EQ(history.json.at("items").as_array().size(), 0u) << "created as by a bundle import";

  auto again = Commit(admin, "people", file);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("create"), 0);
  EXPECT_EQ(again.json.at("unchanged"), 2);
  // An empty cell keeps what is stored; a changed cell updates.
  auto update = Commit(admin, "people", "编号,所属组织,姓名,职务\nP-101,c1,孙明,\nP-102,c1,李,华,\n");
  EXPECT_EQ(update.status, 422) << "row 3 has one cell too many";
  EXPECT_EQ(update.json.at("report").at("errors").at(0).at("row"), 3);
  update = Commit(admin, "people", "编号,所属组织,姓名,职务\nP-101,c1,孙明,\nP-102,c1,\"李,华\",采购经理\n");
  ASSERT_EQ(update.status, 200) << update.body;
  EXPECT_EQ(update.json.at("update"), 1);
  EXPECT_EQ(update.json.at("unchanged"), 1);
  EXPECT_EQ(admin.Get("/api/v1/people/P-101").json.at("title"), "信息技术部主任");
  EXPECT_EQ(admin.Get("/api/v1/people/P-102").json.at("title"), "采购经理");
}

TEST_F(CsvImportApi, BomSemicolonAndGb18030TabFilesWithoutIdsAreIdempotent) {
  Client admin = As("admin");
  // UTF-8 with a BOM, semicolons, English headers; the owner by login.
  const std::string orgs = "\xEF\xBB\xBFID;Name;Kind;Owner;Focus;Industry\nC-900;Nordwind GmbH;customer;rep1;yes;Logistics\n"
                           "C-901;竞品甲;竞争对手;;;\n";
  auto imported = Commit(admin, "organizations", orgs);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("encoding"), "utf-8-bom");
  EXPECT_EQ(imported.json.at("delimiter"), ";");
  auto nordwind = admin.Get("/api/v1/organizations/C-900");
  EXPECT_EQ(nordwind.json.at("owner"), "u-rep1");
  EXPECT_EQ(nordwind.json.at("focus"), true);
  EXPECT_EQ(admin.Get("/api/v1/organizations/C-901").json.at("kind"), "competitor");

  // GB18030 with tabs, as 纷享销客 exports contacts: no id column; the preset found from the headers.
  const std::string people = Gb18030("客户名称\t姓名\t职务\t手机\t备注2\n招商银行深圳分行\t钱多多\t财务总监\t13900000001\t无\n"
                                     "Nordwind GmbH\t冯晓\t采购\t\t\n");
  auto preview = Send(admin, "people", people);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("encoding"), "gb18030");
  EXPECT_EQ(preview.json.at("delimiter"), "\t");
  EXPECT_EQ(preview.json.at("preset"), "fxiaoke");
  EXPECT_EQ(preview.json.at("unmapped"), (bj::array{"备注2"}));
  auto done = Commit(admin, "people", people);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("create"), 2);
  const std::string id(done.json.at("sample").at(0).at("values").at("id").as_string());
  auto person = admin.Get("/api/v1/people/" + id);
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_EQ(person.json.at("name"), "钱多多");
  EXPECT_EQ(person.json.at("org"), "c1");
  EXPECT_EQ(person.json.at("phone"), "13900000001");
  auto again = Commit(admin, "people", people);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("create"), 0) << "found again by organization and name";
  EXPECT_EQ(again.json.at("unchanged"), 2);
}

TEST_F(CsvImportApi, EachReadyPresetReadsWhatItsCrmExports) {
  Client admin = As("admin");
  // Salesforce contacts: the name joined from Last Name and First Name.
  auto sf = Commit(admin, "people", "Contact ID,Account ID,First Name,Last Name,Title,Email\n003A1,c2,Lei,Wang,CIO,wang.lei@example.com\n");
  ASSERT_EQ(sf.status, 200) << sf.body;
  EXPECT_EQ(sf.json.at("preset"), "salesforce");
  EXPECT_EQ(admin.Get("/api/v1/people/003A1").json.at("name"), "Wang Lei");
  // Dynamics 365 opportunities: separators, a probability in percent, a day with a time.
  auto d365 = Commit(admin, "opportunities",
                     "(Do Not Modify) Opportunity,Topic,Potential Customer,Est. Revenue,Status,Probability,Created On\n"
                     "4f1c-77,Grid analytics,西部电网,\"1,200,000.50\",Open,60,2026/3/5 10:00\n");
  ASSERT_EQ(d365.status, 200) << d365.body;
  EXPECT_EQ(d365.json.at("preset"), "dynamics365");
  auto opp = admin.Get("/api/v1/opportunities/4f1c-77");
  ASSERT_EQ(opp.status, 200);
  EXPECT_EQ(opp.json.at("customer"), "c2");
  EXPECT_DOUBLE_EQ(opp.json.at("amount").to_number<double>(), 1200000.5);
  EXPECT_DOUBLE_EQ(opp.json.at("win_probability").to_number<double>(), 0.6);
  EXPECT_EQ(opp.json.at("opened"), "2026-03-05");
  EXPECT_EQ(opp.json.at("status"), "open");
  // 销售易 accounts: the owner by the name of their person.
  auto xsy = Commit(admin, "organizations", "客户ID,客户名称,行业,所有人\nXSY-1,华南电力,能源,张伟\n");
  ASSERT_EQ(xsy.status, 200) << xsy.body;
  EXPECT_EQ(xsy.json.at("preset"), "xiaoshouyi");
  EXPECT_EQ(admin.Get("/api/v1/organizations/XSY-1").json.at("owner"), "u-rep1");
  // 纷享销客 opportunities: status and stage words.
  auto fx = Commit(admin, "opportunities", "商机名称,客户名称,商机金额,商机阶段,商机状态,赢率,创建时间\n调度升级,西部电网,800000,谈判,赢单,100%,2026年1月8日\n");
  ASSERT_EQ(fx.status, 200) << fx.body;
  EXPECT_EQ(fx.json.at("preset"), "fxiaoke");
  const bj::value& values = fx.json.at("sample").at(0).at("values");
  EXPECT_EQ(values.at("status"), "won");
  EXPECT_EQ(values.at("stage"), "谈判");
  EXPECT_EQ(values.at("opened"), "2026-01-08");
  // A ready preset asked for by name, with the caller's own column for one field.
  auto chosen = Send(admin, "organizations", "Account Name,Sector\nAcme,Retail\n", "preset=salesforce&map.industry=Sector");
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.json.at("mapping").at("industry"), "Sector");
}

TEST_F(CsvImportApi, BadRowsAreNamedAndNothingIsWritten) {
  Client admin = As("admin");
  const std::string file = "编号,所属组织,姓名,重要程度\nP-201,c1,好人,高\nP-202,不存在公司,无名,中\nP-203,c1,张三,很高\n";
  auto preview = Send(admin, "people", file);
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json.at("error_count"), 2);
  const bj::array& errors = preview.json.at("errors").as_array();
  EXPECT_EQ(errors.at(0).at("row"), 3);
  EXPECT_EQ(errors.at(0).at("column"), "所属组织");
  EXPECT_EQ(errors.at(0).at("field"), "org");
  EXPECT_EQ(errors.at(1).at("row"), 4);
  EXPECT_EQ(errors.at(1).at("column"), "重要程度");
  auto commit = Commit(admin, "people", file);
  EXPECT_EQ(commit.status, 422);
  EXPECT_EQ(commit.json.at("report").at("error_count"), 2);
  EXPECT_EQ(admin.Get("/api/v1/people/P-201").status, 404) << "all or nothing";
  // A required column missing is named once.
  auto missing = Send(admin, "people", "姓名\n甲\n乙\n");
  ASSERT_EQ(missing.status, 200);
  EXPECT_EQ(missing.json.at("error_count"), 1);
  EXPECT_EQ(missing.json.at("errors").at(0).at("field"), "org");
  // The same record twice.
  auto twice = Send(admin, "people", "编号,所属组织,姓名\nP-301,c1,甲\nP-301,c1,乙\n");
  EXPECT_EQ(twice.json.at("errors").at(0).at("row"), 3);
  // Ratings are facts: the same again is unchanged, a change under the same id is refused.
  auto rating = Commit(admin, "ratings", "编号,人员,维度,评级,对标,日期\nR-1,p1,关系紧密度,支持,我方,2026/11/20\n");
  ASSERT_EQ(rating.status, 200) << rating.body;
  EXPECT_EQ(admin.Get("/api/v1/ratings/R-1").json.at("value"), "support");
  EXPECT_EQ(admin.Get("/api/v1/ratings/R-1").json.at("by"), "u-admin");
  EXPECT_EQ(Commit(admin, "ratings", "编号,人员,维度,评级,对标,日期\nR-1,p1,关系紧密度,支持,我方,2026/11/20\n").json.at("unchanged"), 1);
  EXPECT_EQ(Commit(admin, "ratings", "编号,人员,维度,评级,对标,日期\nR-1,p1,关系紧密度,反对,我方,2026/11/20\n").status, 422);
  // Files that are not CSV, and parameters named.
  EXPECT_EQ(Send(admin, "people", std::string("PK\x03\x04", 4) + "xl/workbook.xml").ErrorField(), "file");
  EXPECT_EQ(Send(admin, "people", "").ErrorField(), "file");
  EXPECT_EQ(Send(admin, "people", "a,\"b\nc\n").ErrorField(), "file");
  EXPECT_EQ(Send(admin, "people", "姓名\n甲\n", "preset=nope").ErrorField(), "preset");
  EXPECT_EQ(Send(admin, "people", "姓名\n甲\n", "map.salary=姓名").ErrorField(), "map.salary");
  EXPECT_EQ(Send(admin, "people", "姓名\n甲\n", "map.name=Name").ErrorField(), "map.name");
  EXPECT_EQ(Send(admin, "people", "姓名\n甲\n", "commit=maybe").ErrorField(), "commit");
  EXPECT_EQ(admin.Send("POST", "/api/v1/csv/teams", "name\nx\n").status, 404);
  Client rep = As("rep1");
  EXPECT_EQ(Send(rep, "people", file).status, 403);
  EXPECT_EQ(rep.Get("/api/v1/csv/presets").status, 403);
}

TEST_F(CsvImportApi, PresetsAreSavedAndTemplatesDownloaded) {
  Client admin = As("admin");
  auto saved = admin.Send("PUT", "/api/v1/csv/presets/" + Encode("我们的旧系统"),
                          bj::serialize(bj::object{{"kind", "people"}, {"mapping", {{"name", "联系人"}, {"org", "单位"}}}}));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json.at("mappings").at("people").at("name"), (bj::array{"联系人"}));
  auto presets = admin.Get("/api/v1/csv/presets");
  ASSERT_EQ(presets.status, 200);
  std::vector<std::string> names;
  for (const auto& p : presets.json.at("items").as_array()) names.emplace_back(p.at("name").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"brm", "salesforce", "dynamics365", "fxiaoke", "xiaoshouyi", "我们的旧系统"}));
  auto used = Send(admin, "people", "单位,联系人\nc1,周全\n");
  EXPECT_EQ(used.json.at("preset"), "我们的旧系统");
  EXPECT_EQ(used.json.at("error_count"), 0) << used.body;
  EXPECT_EQ(admin.Send("PUT", "/api/v1/csv/presets/brm", bj::serialize(bj::object{{"kind", "people"}, {"mapping", bj::object{}}})).status, 409);
  EXPECT_EQ(admin.Send("PUT", "/api/v1/csv/presets/x", bj::serialize(bj::object{{"kind", "teams"}})).ErrorField(), "kind");
  EXPECT_EQ(admin.Delete("/api/v1/csv/presets/" + Encode("我们的旧系统")).status, 200);
  EXPECT_EQ(admin.Delete("/api/v1/csv/presets/" + Encode("我们的旧系统")).status, 404);

  auto zh = admin.Get("/api/v1/csv/template?kind=people&lang=zh");
  ASSERT_EQ(zh.status, 200);
  EXPECT_EQ(zh.headers.count("content-type"), 1u);
  EXPECT_EQ(zh.headers.find("content-type")->second, "text/csv; charset=utf-8");
  EXPECT_EQ(zh.body.rfind("\xEF\xBB\xBF编号,所属组织,部门,姓名,职务,关键人,重要程度,行为取向,邮箱,电话,备注\r\n", 0), 0u) << zh.body;
  auto en = admin.Get("/api/v1/csv/template?kind=ratings&lang=en");
  EXPECT_EQ(en.body.rfind("\xEF\xBB\xBFID,Person,Dimension,Value,Toward,Opportunity,Date,Rated by,Note\r\n", 0), 0u) << en.body;
  // A template comes back in as it is (its example row refers to records this tenant lacks: named).
  auto back = Send(admin, "people", zh.body);
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.json.at("preset"), "brm");
  EXPECT_EQ(back.json.at("errors").at(0).at("column"), "所属组织");
}

}  // namespace
}  // namespace brm::testing
