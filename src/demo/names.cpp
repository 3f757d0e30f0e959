#include "demo/names.hpp"

#include <array>
#include <span>

namespace brm::demo {
namespace {

using SV = std::string_view;

struct Syllable {
  SV hanzi;
  SV pinyin;
};

// Common surnames, most frequent first: the draw favours the front of the table as real names do.
constexpr Syllable kSurnames[] = {
    {"王", "wang"}, {"李", "li"},    {"张", "zhang"}, {"刘", "liu"},   {"陈", "chen"},   {"杨", "yang"},
    {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"},    {"周", "zhou"},  {"徐", "xu"},     {"孙", "sun"},
    {"马", "ma"},   {"朱", "zhu"},   {"胡", "hu"},    {"郭", "guo"},   {"何", "he"},     {"高", "gao"},
    {"林", "lin"},  {"罗", "luo"},   {"郑", "zheng"}, {"梁", "liang"}, {"谢", "xie"},    {"宋", "song"},
    {"唐", "tang"}, {"许", "xu"},    {"韩", "han"},   {"冯", "feng"},  {"邓", "deng"},   {"曹", "cao"},
    {"彭", "peng"}, {"曾", "zeng"},  {"肖", "xiao"},  {"田", "tian"},  {"董", "dong"},   {"袁", "yuan"},
    {"潘", "pan"},  {"于", "yu"},    {"蒋", "jiang"}, {"蔡", "cai"},   {"余", "yu"},     {"杜", "du"},
    {"叶", "ye"},   {"程", "cheng"}, {"苏", "su"},    {"魏", "wei"},   {"吕", "lv"},     {"丁", "ding"},
    {"任", "ren"},  {"沈", "shen"},  {"姚", "yao"},   {"卢", "lu"},    {"姜", "jiang"},  {"崔", "cui"},
    {"钟", "zhong"}, {"谭", "tan"},  {"陆", "lu"},    {"汪", "wang"},  {"范", "fan"},    {"金", "jin"},
    {"石", "shi"},  {"廖", "liao"},  {"贾", "jia"},   {"夏", "xia"},   {"韦", "wei"},    {"方", "fang"},
    {"白", "bai"},  {"邹", "zou"},   {"孟", "meng"},  {"熊", "xiong"}, {"秦", "qin"},    {"邱", "qiu"},
    {"江", "jiang"}, {"尹", "yin"},  {"薛", "xue"},   {"段", "duan"},  {"雷", "lei"},    {"侯", "hou"},
    {"龙", "long"}, {"史", "shi"},   {"陶", "tao"},   {"黎", "li"},    {"贺", "he"},     {"顾", "gu"},
    {"毛", "mao"},  {"郝", "hao"},   {"龚", "gong"},  {"邵", "shao"},  {"钱", "qian"},   {"严", "yan"},
    {"武", "wu"},   {"戴", "dai"},   {"孔", "kong"},  {"欧阳", "ouyang"}, {"司马", "sima"}, {"上官", "shangguan"},
};

constexpr Syllable kGiven[] = {
    {"伟", "wei"},   {"芳", "fang"},  {"娜", "na"},    {"敏", "min"},   {"静", "jing"},  {"丽", "li"},
    {"强", "qiang"}, {"磊", "lei"},   {"军", "jun"},   {"洋", "yang"},  {"勇", "yong"},  {"艳", "yan"},
    {"杰", "jie"},   {"娟", "juan"},  {"涛", "tao"},   {"明", "ming"},  {"超", "chao"},  {"秀", "xiu"},
    {"霞", "xia"},   {"平", "ping"},  {"刚", "gang"},  {"桂", "gui"},   {"英", "ying"},  {"华", "hua"},
    {"建", "jian"},  {"国", "guo"},   {"文", "wen"},   {"辉", "hui"},   {"玲", "ling"},  {"斌", "bin"},
    {"宇", "yu"},    {"浩", "hao"},   {"凯", "kai"},   {"鹏", "peng"},  {"婷", "ting"},  {"雪", "xue"},
    {"晨", "chen"},  {"欣", "xin"},   {"颖", "ying"},  {"琳", "lin"},   {"博", "bo"},    {"志", "zhi"},
    {"海", "hai"},   {"峰", "feng"},  {"波", "bo"},    {"亮", "liang"}, {"健", "jian"},  {"红", "hong"},
    {"梅", "mei"},   {"慧", "hui"},   {"晓", "xiao"},  {"雯", "wen"},   {"倩", "qian"},  {"佳", "jia"},
    {"俊", "jun"},   {"昊", "hao"},   {"睿", "rui"},   {"哲", "zhe"},   {"思", "si"},    {"嘉", "jia"},
    {"怡", "yi"},    {"子", "zi"},    {"轩", "xuan"},  {"诗", "shi"},   {"悦", "yue"},   {"然", "ran"},
    {"泽", "ze"},    {"阳", "yang"},  {"帆", "fan"},   {"宁", "ning"},  {"岩", "yan"},   {"东", "dong"},
    {"新", "xin"},   {"春", "chun"},  {"立", "li"},    {"永", "yong"},  {"德", "de"},    {"振", "zhen"},
    {"兵", "bing"},  {"成", "cheng"}, {"晶", "jing"},  {"琦", "qi"},    {"璐", "lu"},    {"蕾", "lei"},
    {"珊", "shan"},  {"瑶", "yao"},   {"鑫", "xin"},   {"毅", "yi"},    {"彤", "tong"},  {"楠", "nan"},
};

constexpr Syllable kCities[kRegionCount][12] = {
    {{"上海", "shanghai"}, {"杭州", "hangzhou"}, {"南京", "nanjing"}, {"苏州", "suzhou"}, {"宁波", "ningbo"},
     {"合肥", "hefei"}, {"济南", "jinan"}, {"青岛", "qingdao"}, {"福州", "fuzhou"}, {"厦门", "xiamen"},
     {"无锡", "wuxi"}, {"温州", "wenzhou"}},
    {{"北京", "beijing"}, {"天津", "tianjin"}, {"石家庄", "shijiazhuang"}, {"太原", "taiyuan"},
     {"呼和浩特", "huhehaote"}, {"沈阳", "shenyang"}, {"大连", "dalian"}, {"长春", "changchun"},
     {"哈尔滨", "haerbin"}, {"唐山", "tangshan"}, {"保定", "baoding"}, {"郑州", "zhengzhou"}},
    {{"广州", "guangzhou"}, {"深圳", "shenzhen"}, {"珠海", "zhuhai"}, {"东莞", "dongguan"}, {"佛山", "foshan"},
     {"南宁", "nanning"}, {"海口", "haikou"}, {"长沙", "changsha"}, {"武汉", "wuhan"}, {"南昌", "nanchang"},
     {"汕头", "shantou"}, {"桂林", "guilin"}},
    {{"成都", "chengdu"}, {"重庆", "chongqing"}, {"西安", "xian"}, {"昆明", "kunming"}, {"贵阳", "guiyang"},
     {"兰州", "lanzhou"}, {"乌鲁木齐", "wulumuqi"}, {"银川", "yinchuan"}, {"西宁", "xining"},
     {"绵阳", "mianyang"}, {"宝鸡", "baoji"}, {"遵义", "zunyi"}},
};

// Brand-like words for company names; none is meant to be a real company.
constexpr Syllable kWords[] = {
    {"恒信", "hengxin"},   {"华晟", "huasheng"}, {"瑞达", "ruida"},     {"中联", "zhonglian"}, {"新元", "xinyuan"},
    {"海川", "haichuan"},  {"宏图", "hongtu"},   {"鼎盛", "dingsheng"}, {"天润", "tianrun"},   {"安达", "anda"},
    {"博远", "boyuan"},    {"金泰", "jintai"},   {"汇通", "huitong"},   {"永安", "yongan"},    {"东升", "dongsheng"},
    {"嘉禾", "jiahe"},     {"远航", "yuanhang"}, {"景润", "jingrun"},   {"和信", "hexin"},     {"明德", "mingde"},
    {"鸿运", "hongyun"},   {"盛世", "shengshi"}, {"锦程", "jincheng"},  {"启明", "qiming"},    {"鑫源", "xinyuan"},
    {"星辰", "xingchen"},  {"泰和", "taihe"},    {"宏达", "hongda"},    {"通达", "tongda"},    {"润泽", "runze"},
    {"华腾", "huateng"},   {"云帆", "yunfan"},   {"清源", "qingyuan"},  {"正元", "zhengyuan"}, {"万方", "wanfang"},
    {"长河", "changhe"},   {"九州", "jiuzhou"},  {"凯旋", "kaixuan"},   {"智远", "zhiyuan"},   {"同创", "tongchuang"},
};

constexpr SV kIndustries[kIndustryCount] = {"金融", "制造", "能源", "医疗", "教育", "政府", "零售", "交通", "电信"};

// Name patterns per industry: {c} city, {w} brand word. The short form drops the legal suffix.
struct NamePattern {
  SV prefix;  // between city and word (市 for institutions)
  bool word;  // whether the brand word is used
  SV body;    // kept in the short name
  SV suffix;  // legal form, dropped in the short name
  SV tld;
};
constexpr NamePattern kPatterns[kIndustryCount][3] = {
    {{"", true, "银行", "股份有限公司", ".com.cn"}, {"", true, "农村商业银行", "", ".com.cn"},
     {"", true, "证券", "股份有限公司", ".com.cn"}},
    {{"", true, "机械", "集团有限公司", ".com"}, {"", true, "精密制造", "有限公司", ".com"},
     {"", true, "汽车零部件", "股份有限公司", ".com.cn"}},
    {{"", true, "电力", "集团有限公司", ".com.cn"}, {"", true, "燃气", "股份有限公司", ".com.cn"},
     {"", true, "新能源", "有限公司", ".com"}},
    {{"市", true, "医院", "", ".org.cn"}, {"", true, "医药", "集团有限公司", ".com"},
     {"市第一人民医院", false, "", "", ".org.cn"}},
    {{"", true, "大学", "", ".edu.cn"}, {"", true, "职业技术学院", "", ".edu.cn"},
     {"", true, "教育", "集团有限公司", ".com"}},
    {{"市大数据管理局", false, "", "", ".gov.cn"}, {"市税务局", false, "", "", ".gov.cn"},
     {"市政务服务中心", false, "", "", ".gov.cn"}},
    {{"", true, "百货", "集团有限公司", ".com"}, {"", true, "连锁超市", "有限公司", ".com"},
     {"", true, "商贸", "集团有限公司", ".com.cn"}},
    {{"地铁", false, "", "集团有限公司", ".com"}, {"", true, "物流", "股份有限公司", ".com"},
     {"", true, "港务", "集团有限公司", ".com.cn"}},
    {{"", true, "通信", "有限公司", ".com"}, {"", true, "广电网络", "有限公司", ".com.cn"},
     {"", true, "数据通信", "股份有限公司", ".com"}},
};

constexpr SV kCompetitors[] = {
    "东方软件股份有限公司", "远景信息技术有限公司", "金桥科技集团有限公司", "天元数科股份有限公司",
    "蓝海信息系统有限公司", "中瑞软件有限公司",     "恒宇数据科技有限公司", "启航智能科技有限公司",
};

}  // namespace

SV RegionName(int region) {
  static constexpr SV kNames[kRegionCount] = {"华东", "华北", "华南", "西部"};
  return kNames[region];
}

SV RegionKey(int region) {
  static constexpr SV kKeys[kRegionCount] = {"east", "north", "south", "west"};
  return kKeys[region];
}

SV ChineseNumeral(int n) {
  static constexpr SV kNumerals[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  return n >= 0 && n <= 10 ? kNumerals[n] : SV("十");
}

SV IndustryName(int industry) { return kIndustries[industry]; }

bool IsInstitution(int industry) { return industry == 3 || industry == 4 || industry == 5; }

PersonName DrawPersonName(Rng& rng) {
  // The twenty most common surnames carry most of the population, as in real life.
  constexpr size_t kCount = std::size(kSurnames);
  size_t surname = rng.Below(kCount);
  if (rng.Chance(0.6)) surname = rng.Below(20);
  const Syllable& family = kSurnames[surname];
  PersonName out{std::string(family.hanzi), std::string(family.pinyin)};
  const int given = rng.Chance(0.4) ? 1 : 2;
  for (int i = 0; i < given; ++i) {
    const Syllable& s = kGiven[rng.Below(std::size(kGiven))];
    out.name += s.hanzi;
    out.email_local += s.pinyin;
  }
  return out;
}

std::string DrawMobile(Rng& rng) {
  static constexpr char kSecond[] = {'3', '5', '7', '8', '9'};
  std::string out = "1";
  out += kSecond[rng.Below(std::size(kSecond))];
  for (int i = 0; i < 9; ++i) out += static_cast<char>('0' + rng.Below(10));
  return out;
}

CompanyName DrawCustomerName(Rng& rng, int region, int industry) {
  const Syllable& city = kCities[region][rng.Below(12)];
  const NamePattern& pattern = kPatterns[industry][rng.Below(3)];
  const Syllable& word = kWords[rng.Below(std::size(kWords))];
  CompanyName out;
  out.short_name = std::string(city.hanzi) + std::string(pattern.prefix);
  if (pattern.word) out.short_name += word.hanzi;
  out.short_name += pattern.body;
  out.name = out.short_name + std::string(pattern.suffix);
  out.domain = pattern.word ? std::string(word.pinyin) + "-" + std::string(city.pinyin) : std::string(city.pinyin);
  out.domain += pattern.tld;
  return out;
}

SV CompetitorName(int index) { return kCompetitors[index % std::size(kCompetitors)]; }

SV DepartmentName(int industry, Unit unit, int variant) {
  static constexpr SV kBusiness[kIndustryCount][3] = {
      {"零售业务部", "公司业务部", "风险管理部"}, {"生产管理部", "供应链管理部", "质量管理部"},
      {"生产运行部", "调度中心", "安全监察部"},   {"医务处", "护理部", "药剂科"},
      {"教务处", "学生处", "科研处"},             {"政务服务处", "监督管理处", "综合业务处"},
      {"运营中心", "门店管理部", "电商事业部"},   {"运营调度中心", "客运部", "物流事业部"},
      {"市场经营部", "网络运维部", "政企客户部"},
  };
  static constexpr SV kIt[kIndustryCount] = {"信息科技部", "信息中心", "数字化部", "信息科", "网络与信息中心",
                                             "大数据中心", "信息中心", "信息中心", "IT支撑中心"};
  static constexpr SV kItSub[] = {"运维科", "应用开发科", "网络安全科", "数据管理科"};
  const bool inst = IsInstitution(industry);
  const size_t v = static_cast<size_t>(variant);
  switch (unit) {
    case Unit::kExecutive:
      return industry == 3 ? SV("院办") : industry == 4 ? SV("校长办公室") : inst ? SV("办公室") : SV("总经办");
    case Unit::kIt: return kIt[industry];
    case Unit::kItSub: return kItSub[v % std::size(kItSub)];
    case Unit::kProcurement: return inst ? SV("采购中心") : v % 2 ? SV("招采中心") : SV("采购部");
    case Unit::kFinance: return inst ? SV("财务处") : SV("财务部");
    case Unit::kBusiness: return kBusiness[industry][v % 3];
    case Unit::kLegal: return inst ? SV("法规处") : SV("法务合规部");
    case Unit::kOperations: return inst ? SV("综合处") : SV("运营管理部");
    case Unit::kAudit: return inst ? SV("审计处") : SV("审计部");
  }
  return "综合部";
}

SV CustomerTitle(Rng& rng, int industry, Unit unit, bool head) {
  static constexpr SV kTop[kIndustryCount][2] = {
      {"董事长", "总经理"}, {"董事长", "总经理"}, {"总经理", "董事长"}, {"院长", "党委书记"}, {"校长", "党委书记"},
      {"局长", "主任"},   {"总裁", "总经理"},   {"总经理", "董事长"}, {"总经理", "董事长"}};
  static constexpr SV kAssistant[] = {"总经理助理", "办公室主任", "董事会秘书"};
  static constexpr SV kAssistantInst[] = {"办公室主任", "秘书", "综合科科长"};
  static constexpr SV kItHead[] = {"CIO", "信息中心主任", "数字化总监"};
  static constexpr SV kIt[] = {"副主任", "系统架构师", "网络工程师", "信息安全主管", "项目经理", "运维工程师",
                               "数据库管理员", "应用开发经理"};
  static constexpr SV kSubHead[] = {"科长", "主管"};
  static constexpr SV kSub[] = {"工程师", "高级工程师", "系统管理员"};
  static constexpr SV kBuyHead[] = {"采购总监", "采购部经理"};
  static constexpr SV kBuy[] = {"采购经理", "采购专员", "招标主管"};
  static constexpr SV kMoneyHead[] = {"财务总监", "CFO"};
  static constexpr SV kMoney[] = {"财务经理", "预算主管", "会计主管"};
  static constexpr SV kBizHead[] = {"业务总监", "部门总经理"};
  static constexpr SV kBiz[] = {"业务经理", "业务主管", "高级经理", "业务骨干"};
  static constexpr SV kInstHead[] = {"处长", "主任"};
  static constexpr SV kInst[] = {"副处长", "科长", "业务骨干", "专员"};
  const bool inst = IsInstitution(industry);
  switch (unit) {
    case Unit::kExecutive:
      if (head) return kTop[industry][rng.Below(2)];
      return inst ? rng.Pick(kAssistantInst) : rng.Pick(kAssistant);
    case Unit::kIt:
      if (head) return inst ? SV("信息中心主任") : rng.Pick(kItHead);
      return rng.Pick(kIt);
    case Unit::kItSub: return head ? rng.Pick(kSubHead) : rng.Pick(kSub);
    case Unit::kProcurement:
      if (head) return inst ? SV("采购中心主任") : rng.Pick(kBuyHead);
      return inst ? SV("采购专员") : rng.Pick(kBuy);
    case Unit::kFinance:
      if (head) return inst ? SV("财务处处长") : rng.Pick(kMoneyHead);
      return inst ? SV("会计") : rng.Pick(kMoney);
    case Unit::kBusiness:
      if (inst) return head ? rng.Pick(kInstHead) : rng.Pick(kInst);
      return head ? rng.Pick(kBizHead) : rng.Pick(kBiz);
    case Unit::kLegal: return head ? SV(inst ? "法规处处长" : "法务总监") : SV(inst ? "科员" : "法务经理");
    case Unit::kOperations: return head ? SV(inst ? "综合处处长" : "运营总监") : SV(inst ? "科员" : "运营经理");
    case Unit::kAudit: return head ? SV(inst ? "审计处处长" : "审计部部长") : SV("审计主管");
  }
  return "职员";
}

SV DeputyTitle(Rng& rng, int industry) {
  switch (industry) {
    case 3: return "副院长";
    case 4: return "副校长";
    case 5: return "副局长";
    default: return rng.Chance(0.3) ? SV("副总裁") : SV("副总经理");
  }
}

SV OursTitle(Rng& rng, OursUnit unit) {
  static constexpr SV kExec[] = {"副总经理", "总经理助理", "行政主管"};
  static constexpr SV kSales[] = {"销售助理", "商务专员", "销售运营专员"};
  static constexpr SV kPresales[] = {"售前工程师", "解决方案架构师", "售前顾问"};
  static constexpr SV kDelivery[] = {"交付经理", "项目经理", "实施工程师", "实施顾问"};
  static constexpr SV kMarketing[] = {"市场经理", "市场专员", "品牌经理"};
  static constexpr SV kFinance[] = {"财务经理", "会计", "出纳"};
  static constexpr SV kHr[] = {"HRBP", "招聘经理", "人事专员"};
  static constexpr SV kResearch[] = {"研发工程师", "高级工程师", "产品经理", "测试工程师", "架构师"};
  static constexpr SV kService[] = {"客服经理", "技术支持工程师", "客户成功经理"};
  switch (unit) {
    case OursUnit::kExecutive: return rng.Pick(kExec);
    case OursUnit::kSales: return rng.Pick(kSales);
    case OursUnit::kPresales: return rng.Pick(kPresales);
    case OursUnit::kDelivery: return rng.Pick(kDelivery);
    case OursUnit::kMarketing: return rng.Pick(kMarketing);
    case OursUnit::kFinance: return rng.Pick(kFinance);
    case OursUnit::kHr: return rng.Pick(kHr);
    case OursUnit::kResearch: return rng.Pick(kResearch);
    case OursUnit::kService: return rng.Pick(kService);
  }
  return "职员";
}

SV ProjectSubject(Rng& rng) {
  static constexpr SV kSubjects[] = {
      "核心业务系统升级", "数据中台建设", "信息安全等级保护", "云平台建设",     "智能运维平台",
      "ERP系统实施",      "客户关系管理系统", "协同办公平台", "数据中心网络改造", "灾备中心建设",
      "移动办公平台",     "大数据分析平台", "供应链协同平台", "视频会议系统",   "财务共享中心",
      "人力资源管理系统", "档案数字化",     "网络安全态势感知", "智能客服平台",  "统一身份认证平台",
  };
  return rng.Pick(kSubjects);
}

SV StageWord(int stage) {
  static constexpr SV kStages[] = {"需求确认", "方案", "招投标", "商务谈判", "签约"};
  return kStages[stage];
}

SV ActivityNote(int kind, int index) {
  static constexpr SV kNotes[7][kActivityNoteCount] = {
      {"例行拜访", "拜访信息中心", "上门汇报方案", "现场调研"},
      {"技术交流会", "方案评审", "需求讨论会", "述标答疑"},
      {"电话沟通进度", "电话确认需求", "预算沟通", "电话回访"},
      {"微信沟通", "发送资料", "节日问候", "发送报价"},
      {"工作餐", "商务宴请", "午餐交流", "晚餐沟通"},
      {"行业峰会", "客户答谢会", "产品发布会", "参观展厅"},
      {"寄送样品", "其他", "邮件往来", "协助培训"},
  };
  return kNotes[kind][index];
}

SV LinkNote(Rng& rng) {
  static constexpr SV kNotes[] = {"大学同学", "前同事", "老乡", "多年合作", "行业协会认识", "项目合作相识",
                                  "朋友介绍", "校友", "曾是客户"};
  return rng.Pick(kNotes);
}

SV UseNote(int index) {
  static constexpr SV kNotes[kUseNoteCount] = {"引荐高层会面", "协调技术交流", "推动立项",
                                                "沟通预算",     "澄清评标疑虑", "促成商务谈判"};
  return kNotes[index];
}

SV PersonNote(Rng& rng) {
  static constexpr SV kNotes[] = {"关注数据安全", "喜欢打羽毛球", "即将退休", "新上任，推动数字化转型",
                                  "技术出身，重视方案细节", "对价格敏感", "与前任供应商关系密切"};
  return rng.Pick(kNotes);
}

}  // namespace brm::demo
