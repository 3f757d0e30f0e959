// The Chinese texts of the project history: scopes, conditions, milestone notes, criteria, lessons and
// the small documents whose files travel in the bundle.
#include <sodium.h>

#include <cmath>
#include <cstdio>

#include "demo/history.hpp"
#include "demo/names.hpp"

namespace brm::demo {
namespace {

using SV = std::string_view;

// 1234567 → "123.46万元"
std::string Wan(double yuan) {
  char text[48];
  std::snprintf(text, sizeof text, "%.2f万元", yuan / 1e4);
  return text;
}

SV MethodName(SV method) {
  if (method == "public_tender") return "公开招标";
  if (method == "invited_tender") return "邀请招标";
  if (method == "single_source") return "单一来源采购";
  if (method == "negotiation") return "竞争性谈判";
  if (method == "inquiry") return "询价";
  return "待定";
}

constexpr LessonText kWins[] = {
    {{"高层关系", "决策链"}, "提前三个月与分管领导建立联系，评标前决策链主要成员均表态支持。"},
    {{"技术方案", ""}, "现场演示贴合业务流程，技术评分领先第二名六分以上。"},
    {{"教练", "信息"}, "信息中心内线及时反馈评分细则，方案针对性调整。"},
    {{"服务", "口碑"}, "一期项目交付质量好，用户部门主动推荐续签。"},
    {{"价格", "策略"}, "二轮报价把握准确，价格分与技术分均衡。"},
};
constexpr LessonText kLosses[] = {
    {{"价格", "竞品低价"}, "竞争对手最终报价低于我方约百分之十二，价格分差距过大。"},
    {{"决策链", "关键人"}, "未能接触到实际拍板人，采购部门倾向原有厂商。"},
    {{"需求引导", ""}, "招标参数由竞争对手引导，我方多项指标响应偏离。"},
    {{"资质", "业绩"}, "缺少同类规模案例，业绩评分偏低。"},
    {{"时机", "关系"}, "介入太晚，立项阶段未参与需求调研。"},
};

}  // namespace

std::string ScopeText(Rng& rng, SV project) {
  static constexpr SV kParts[] = {"需求调研与方案设计", "软件开发与系统集成", "历史数据迁移",
                                  "与现有业务系统对接", "等保三级安全加固",   "国产化软硬件适配",
                                  "用户培训与上线保障", "三年运维服务",       "移动端应用",
                                  "数据治理与报表",     "容灾备份",           "性能压测与调优"};
  std::string text = std::string(project) + "：";
  size_t first = rng.Below(std::size(kParts));
  const size_t count = static_cast<size_t>(rng.Between(3, 4));
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) text += "、";
    text += kParts[(first + i * 5) % std::size(kParts)];
  }
  text += rng.Chance(0.5) ? "；按期分阶段交付，验收后进入质保期。" : "；含硬件采购，不含机房改造。";
  return text;
}

SV ConditionText(SV condition) {
  if (condition == "legacy_limits") return "现有系统已运行十年以上，性能和扩展性无法支撑业务增长。";
  if (condition == "transformation") return "列入单位数字化转型规划，领导层高度重视。";
  if (condition == "annual_budget") return "年度固定信息化预算已批复，须在本年度内完成采购。";
  if (condition == "compliance") return "监管部门提出整改要求，须在限期内满足合规检查。";
  if (condition == "expansion") return "新增业务线和分支机构，需要配套系统支撑。";
  if (condition == "replacement") return "原厂商服务不到位，客户有意更换供应商。";
  return "上级单位统一部署。";
}

SV MilestoneNote(Rng& rng, SV kind) {
  if (kind == "initiation") return rng.Chance(0.5) ? "办公会审议通过立项" : "信息部门提交立项报告";
  if (kind == "budget_approval") return "预算获批";
  if (kind == "tender_notice") return rng.Chance(0.5) ? "发布招标公告" : "招标代理机构发布公告";
  if (kind == "bid_submission") return "按时递交投标文件";
  if (kind == "evaluation") return rng.Chance(0.5) ? "专家评审，我方现场述标" : "评审委员会打分";
  if (kind == "award_notice") return "公示期三个工作日";
  if (kind == "contract") return "双方盖章生效";
  if (kind == "intention_notice") return "在政府采购网公开采购意向";
  if (kind == "group_approval") return "集团信息化领导小组审批通过";
  if (kind == "expert_review") return "组织专家论证需求";
  return "按计划完成";
}

const CriterionItem* CriterionItems(size_t& count) {
  static constexpr CriterionItem kItems[] = {
      {"技术方案", 20, 40},          {"实施方案与项目团队", 10, 20}, {"售后服务与培训", 5, 15},
      {"企业资质与类似业绩", 5, 15}, {"商务条款响应", 5, 10},        {"现场演示", 5, 15},
  };
  count = std::size(kItems);
  return kItems;
}

size_t LessonCount(bool won) { return won ? std::size(kWins) : std::size(kLosses); }

const LessonText& Lesson(bool won, size_t index) { return won ? kWins[index] : kLosses[index]; }

namespace {

std::string Heading(const DocumentFacts& facts, SV title) {
  return std::string("# ") + std::string(facts.project) + std::string(title) + "\n\n";
}

std::string Rfp(const DocumentFacts& f) {
  return std::string(f.customer) + std::string(f.project) + "招标文件\n\n一、采购方式：" +
         std::string(MethodName(f.method)) + "\n二、预算金额：" + Wan(f.budget) + "\n三、采购内容：" +
         std::string(f.scope) + "\n四、投标人资格：具有独立法人资格，近三年有同类项目业绩，信誉良好。\n五、发布日期：" +
         f.date + "\n六、投标截止后当日开标，逾期送达的投标文件不予受理。\n";
}

std::string Requirements(const DocumentFacts& f) {
  return Heading(f, "需求说明书") + "- 用户单位：" + std::string(f.customer) + "\n- 建设范围：" + std::string(f.scope) +
         "\n- 预算控制：" + Wan(f.budget) +
         "\n\n## 总体要求\n\n系统应稳定可靠、易于扩展，支持国产化环境，满足信息安全等级保护要求。\n\n编制日期：" +
         f.date + "\n";
}

std::string Proposal(const DocumentFacts& f) {
  return Heading(f, "投标方案") + "投标人：" + std::string(kOursName) + "\n\n## 方案概述\n\n" + std::string(f.scope) +
         "\n\n## 报价\n\n投标总价：" + Wan(f.price) +
         "，含软件许可、实施服务及质保期内的运维。\n\n## "
         "项目团队\n\n项目经理一名，实施工程师四名，驻场服务。\n\n日期：" +
         f.date + "\n";
}

std::string Minutes(const DocumentFacts& f) {
  return std::string(f.project) + "沟通会议纪要\n\n时间：" + f.date + "\n地点：" + std::string(f.customer) +
         "会议室\n\n一、客户介绍了项目进展和评审安排。\n二、我方汇报了方案要点，客户关注实施周期和售后响应。\n"
         "三、会后我方补充提交案例材料。\n";
}

std::string Contract(const DocumentFacts& f) {
  return std::string(f.project) + "合同摘要\n\n甲方：" + std::string(f.customer) + "\n乙方：" + std::string(kOursName) +
         "\n合同金额：" + Wan(f.price) + "\n签订日期：" + f.date +
         "\n付款方式：签约后支付百分之三十，上线后支付百分之六十，验收满一年支付余款。\n";
}

}  // namespace

DocumentText WriteDocument(Rng& rng, int kind_index, const DocumentFacts& facts) {
  static constexpr SV kText = "text/plain; charset=utf-8";
  static constexpr SV kMarkdown = "text/markdown";
  switch (kind_index) {
    case 0: return {"招标文件.txt", "rfp", kText, Rfp(facts)};
    case 1: return {"需求说明书.md", "requirements", kMarkdown, Requirements(facts)};
    case 2: return {"投标方案.md", "proposal", kMarkdown, Proposal(facts)};
    case 3: return {rng.Chance(0.5) ? "会议纪要.txt" : "交流纪要.txt", "minutes", kText, Minutes(facts)};
    default: return {"合同摘要.txt", "contract", kText, Contract(facts)};
  }
}

std::string Sha256Hex(SV bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 15];
  }
  return hex;
}

}  // namespace brm::demo
