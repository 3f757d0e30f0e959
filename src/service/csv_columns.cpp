#include "service/csv_columns.hpp"

#include <algorithm>
#include <cctype>

namespace brm::csv {
namespace {

constexpr Column kOrganizations[] = {
    {"id", "编号", "ID", false},           {"name", "名称", "Name", true},
    {"kind", "类型", "Kind", false},       {"industry", "行业", "Industry", false},
    {"region", "地区", "Region", false},   {"owner", "负责人", "Owner", false},
    {"focus", "重点关注", "Focus", false}, {"since", "起始日期", "Since", false},
    {"until", "截止日期", "Until", false},
};
constexpr Column kPeople[] = {
    {"id", "编号", "ID", false},
    {"org", "所属组织", "Organization", true},
    {"department", "部门", "Department", false},
    {"name", "姓名", "Name", true},
    {"title", "职务", "Title", false},
    {"key", "关键人", "Key person", false},
    {"importance", "重要程度", "Importance", false},
    {"orientation", "行为取向", "Orientation", false},
    {"email", "邮箱", "Email", false},
    {"phone", "电话", "Phone", false},
    {"notes", "备注", "Notes", false},
};
constexpr Column kOpportunities[] = {
    {"id", "编号", "ID", false},
    {"customer", "客户", "Customer", true},
    {"name", "商机名称", "Name", true},
    {"owner", "负责人", "Owner", false},
    {"amount", "金额", "Amount", false},
    {"currency", "币种", "Currency", false},
    {"stage", "阶段", "Stage", false},
    {"status", "状态", "Status", false},
    {"type", "类型", "Type", false},
    {"opened", "开始日期", "Opened", true},
    {"closed", "结束日期", "Closed", false},
    {"win_probability", "赢率", "Win probability", false},
    {"focus", "重点关注", "Focus", false},
};
constexpr Column kRatings[] = {
    {"id", "编号", "ID", false},          {"person", "人员", "Person", true},
    {"dimension", "维度", "Dimension", true}, {"value", "评级", "Value", true},
    {"toward", "对标", "Toward", false},   {"opportunity", "商机", "Opportunity", false},
    {"date", "日期", "Date", true},        {"by", "评级人", "Rated by", false},
    {"note", "备注", "Note", false},
};

// Words besides the codes themselves, by field: Chinese labels (simplified and traditional) and what other
// CRMs write.
struct Word {
  std::string_view field, word, code;
};
constexpr Word kWords[] = {
    {"kind", "客户", "customer"},         {"kind", "竞争对手", "competitor"}, {"kind", "友商", "competitor"},
    {"kind", "竞品", "competitor"},       {"kind", "合作伙伴", "partner"},    {"kind", "伙伴", "partner"},
    {"kind", "prospect", "customer"},     {"kind", "潜在客户", "customer"},
    {"importance", "高", "high"},         {"importance", "中", "medium"},     {"importance", "低", "low"},
    {"importance", "未知", "unknown"},     {"importance", "重要", "high"},     {"importance", "一般", "medium"},
    {"orientation", "技术导向", "technology"},  {"orientation", "技術導向", "technology"},
    {"orientation", "业务导向", "business"},    {"orientation", "業務導向", "business"},
    {"orientation", "关系导向", "relationship"}, {"orientation", "關係導向", "relationship"},
    {"orientation", "价格导向", "price"},       {"orientation", "價格導向", "price"},
    {"orientation", "风险规避", "risk_averse"}, {"orientation", "風險規避", "risk_averse"},
    {"orientation", "创新导向", "innovation"},  {"orientation", "創新導向", "innovation"},
    {"orientation", "未知", "unknown"},
    {"dimension", "关系紧密度", "closeness"}, {"dimension", "關係緊密度", "closeness"}, {"dimension", "紧密度", "closeness"},
    {"dimension", "方案认可度", "solution"},  {"dimension", "方案認可度", "solution"},  {"dimension", "方案", "solution"},
    {"dimension", "价格接受度", "price"},     {"dimension", "價格接受度", "price"},     {"dimension", "价格", "price"},
    {"value", "强支持", "strong_support"}, {"value", "強支持", "strong_support"}, {"value", "强烈支持", "strong_support"},
    {"value", "+2", "strong_support"},     {"value", "2", "strong_support"},      {"value", "支持", "support"},
    {"value", "+1", "support"},            {"value", "1", "support"},             {"value", "中立", "neutral"},
    {"value", "0", "neutral"},             {"value", "反对", "oppose"},           {"value", "反對", "oppose"},
    {"value", "-1", "oppose"},             {"value", "强反对", "strong_oppose"},  {"value", "強反對", "strong_oppose"},
    {"value", "强烈反对", "strong_oppose"}, {"value", "-2", "strong_oppose"},     {"value", "未知", "unknown"},
    {"status", "进行中", "open"},           {"status", "跟进中", "open"},          {"status", "赢单", "won"},
    {"status", "成交", "won"},             {"status", "已成交", "won"},           {"status", "输单", "lost"},
    {"status", "丢单", "lost"},            {"status", "放弃", "abandoned"},       {"status", "无效", "abandoned"},
    {"status", "取消", "abandoned"},       {"status", "closed won", "won"},       {"status", "closed lost", "lost"},
    {"type", "新建", "new"},               {"type", "新客户", "new"},             {"type", "新购", "new"},
    {"type", "分期", "phase"},             {"type", "升级", "upgrade"},           {"type", "扩容", "upgrade"},
    {"type", "维保", "maintenance"},       {"type", "维护", "maintenance"},       {"type", "new business", "new"},
};

constexpr std::string_view kCodes[][2] = {
    {"kind", "customer ours competitor partner"},
    {"importance", "high medium low unknown"},
    {"orientation", "technology business relationship price risk_averse innovation unknown"},
    {"dimension", "closeness solution price"},
    {"value", "strong_support support neutral oppose strong_oppose unknown"},
    {"status", "open won lost abandoned"},
    {"type", "new phase upgrade maintenance"},
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Mapping Map(std::initializer_list<std::pair<const char*, std::initializer_list<const char*>>> entries) {
  Mapping mapping;
  for (const auto& [field, headers] : entries) mapping[field] = std::vector<std::string>(headers.begin(), headers.end());
  return mapping;
}

Mapping OwnHeaders(Kind kind) {
  Mapping mapping;
  for (const Column& c : ColumnsOf(kind)) {
    mapping[std::string(c.field)] = {std::string(c.zh), std::string(c.en), std::string(c.field)};
  }
  return mapping;
}

std::vector<Preset> MakePresets() {
  std::vector<Preset> presets;
  Preset brm{"brm", "BRM", true, {}};
  for (Kind kind : {Kind::kOrganization, Kind::kPerson, Kind::kOpportunity, Kind::kRating}) brm.mappings[kind] = OwnHeaders(kind);
  presets.push_back(std::move(brm));
  presets.push_back(Preset{
      "salesforce", "Salesforce", true,
      {{Kind::kOrganization, Map({{"id", {"Account ID", "Id"}}, {"name", {"Account Name", "Name"}}, {"industry", {"Industry"}},
                                  {"region", {"Billing State/Province", "BillingState", "Billing City", "BillingCity"}},
                                  {"owner", {"Account Owner", "Owner Name"}}})},
       {Kind::kPerson, Map({{"id", {"Contact ID", "Id"}}, {"org", {"Account ID", "AccountId", "Account Name"}},
                            {"name", {"Full Name", "Name", "Last Name+First Name", "LastName+FirstName"}},
                            {"title", {"Title"}}, {"department", {"Department"}}, {"email", {"Email"}},
                            {"phone", {"Phone", "Mobile Phone", "MobilePhone"}}, {"notes", {"Description"}}})},
       {Kind::kOpportunity, Map({{"id", {"Opportunity ID", "Id"}}, {"customer", {"Account ID", "AccountId", "Account Name"}},
                                 {"name", {"Opportunity Name", "Name"}}, {"owner", {"Opportunity Owner", "Owner Name"}},
                                 {"amount", {"Amount"}}, {"currency", {"Opportunity Currency", "CurrencyIsoCode"}},
                                 {"stage", {"Stage", "StageName"}}, {"status", {"Stage", "StageName"}},
                                 {"win_probability", {"Probability (%)", "Probability"}},
                                 {"opened", {"Created Date", "CreatedDate"}}})}}});
  presets.push_back(Preset{
      "dynamics365", "Dynamics 365", true,
      {{Kind::kOrganization, Map({{"id", {"(Do Not Modify) Account"}}, {"name", {"Account Name"}}, {"industry", {"Industry"}},
                                  {"region", {"Address 1: State/Province", "Address 1: City"}}, {"owner", {"Owner"}}})},
       {Kind::kPerson, Map({{"id", {"(Do Not Modify) Contact"}}, {"org", {"Company Name", "Account Name"}},
                            {"name", {"Full Name", "Last Name+First Name"}}, {"title", {"Job Title"}},
                            {"department", {"Department"}}, {"email", {"Email"}},
                            {"phone", {"Business Phone", "Mobile Phone"}}, {"notes", {"Description"}}})},
       {Kind::kOpportunity, Map({{"id", {"(Do Not Modify) Opportunity"}}, {"customer", {"Potential Customer", "Account"}},
                                 {"name", {"Topic"}}, {"owner", {"Owner"}}, {"amount", {"Est. Revenue"}},
                                 {"currency", {"Currency"}}, {"stage", {"Pipeline Phase", "Sales Stage"}},
                                 {"status", {"Status"}}, {"win_probability", {"Probability"}},
                                 {"opened", {"Created On"}}})}}});
  presets.push_back(Preset{
      "fxiaoke", "纷享销客", true,
      {{Kind::kOrganization, Map({{"id", {"客户编号", "数据ID"}}, {"name", {"客户名称"}}, {"industry", {"行业", "所属行业"}},
                                  {"region", {"省份", "地区", "所在地区"}}, {"owner", {"负责人"}}})},
       {Kind::kPerson, Map({{"id", {"联系人编号", "数据ID"}}, {"org", {"客户名称", "所属客户"}}, {"name", {"姓名", "联系人姓名"}},
                            {"title", {"职务"}}, {"department", {"部门"}}, {"email", {"邮箱"}},
                            {"phone", {"手机", "电话"}}, {"notes", {"备注"}}})},
       {Kind::kOpportunity, Map({{"id", {"商机编号", "数据ID"}}, {"customer", {"客户名称"}}, {"name", {"商机名称"}},
                                 {"owner", {"负责人"}}, {"amount", {"商机金额", "销售金额"}},
                                 {"stage", {"商机阶段", "销售阶段"}}, {"status", {"商机状态", "状态"}},
                                 {"win_probability", {"赢率"}}, {"opened", {"创建时间"}}})}}});
  presets.push_back(Preset{
      "xiaoshouyi", "销售易", true,
      {{Kind::kOrganization, Map({{"id", {"客户ID", "客户编号"}}, {"name", {"客户名称"}}, {"industry", {"行业"}},
                                  {"region", {"省份", "地区", "城市"}}, {"owner", {"所有人", "负责人"}}})},
       {Kind::kPerson, Map({{"id", {"联系人ID"}}, {"org", {"客户名称", "所属客户"}}, {"name", {"联系人姓名", "姓名"}},
                            {"title", {"职务"}}, {"department", {"部门"}}, {"email", {"电子邮件", "邮箱"}},
                            {"phone", {"手机", "电话"}}, {"notes", {"备注"}}})},
       {Kind::kOpportunity, Map({{"id", {"机会ID", "商机ID"}}, {"customer", {"客户名称"}}, {"name", {"机会名称", "商机名称"}},
                                 {"owner", {"所有人", "负责人"}}, {"amount", {"销售金额", "预计销售金额"}},
                                 {"stage", {"销售阶段"}}, {"status", {"状态", "机会状态"}}, {"win_probability", {"赢率"}},
                                 {"opened", {"创建日期", "创建时间"}}})}}});
  return presets;
}

}  // namespace

std::optional<Kind> KindOf(std::string_view collection) {
  if (collection == "organizations") return Kind::kOrganization;
  if (collection == "people") return Kind::kPerson;
  if (collection == "opportunities") return Kind::kOpportunity;
  if (collection == "ratings") return Kind::kRating;
  return std::nullopt;
}

std::span<const Column> ColumnsOf(Kind kind) {
  switch (kind) {
    case Kind::kOrganization: return kOrganizations;
    case Kind::kPerson: return kPeople;
    case Kind::kOpportunity: return kOpportunities;
    case Kind::kRating: return kRatings;
    default: return {};
  }
}

bool HasColumn(Kind kind, std::string_view field) {
  const auto columns = ColumnsOf(kind);
  return std::any_of(columns.begin(), columns.end(), [field](const Column& c) { return c.field == field; });
}

const std::vector<Preset>& BuiltinPresets() {
  static const std::vector<Preset> presets = MakePresets();
  return presets;
}

std::optional<std::string> WordFor(Kind kind, std::string_view field, std::string_view cell) {
  (void)kind;  // the fields' vocabularies are the same in every kind that has them
  std::string lower = Lower(cell);
  for (const auto& [name, codes] : kCodes) {
    if (name != field) continue;
    std::string code = lower;
    std::replace(code.begin(), code.end(), ' ', '_');
    std::string_view list = codes;
    for (size_t at = 0; at < list.size();) {
      const size_t end = std::min(list.find(' ', at), list.size());
      if (list.substr(at, end - at) == code) return code;
      at = end + 1;
    }
  }
  for (const Word& word : kWords) {
    if (word.field == field && word.word == lower) return std::string(word.code);
  }
  return std::nullopt;
}

}  // namespace brm::csv
