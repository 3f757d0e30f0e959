// The Chinese material of the demo company: person and company names, departments, titles, project
// names and notes. Everything is drawn from fixed tables through the caller's Rng, so it is deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "demo/random.hpp"

namespace brm::demo {

inline constexpr int kRegionCount = 4;
inline constexpr int kIndustryCount = 9;

std::string_view RegionName(int region);  // 华东 华北 华南 西部
std::string_view RegionKey(int region);   // east north south west (for ids)
std::string_view ChineseNumeral(int n);   // 1..10 → 一..十

// 金融 制造 能源 医疗 教育 政府 零售 交通 电信
std::string_view IndustryName(int industry);
// Government, hospitals and universities use other department names and titles than companies.
bool IsInstitution(int industry);

struct PersonName {
  std::string name;         // 张伟, 欧阳晓雯
  std::string email_local;  // zhangwei, ouyangxiaowen
};
PersonName DrawPersonName(Rng& rng);
std::string DrawMobile(Rng& rng);  // 11 digits: 13812345678

struct CompanyName {
  std::string name;        // 杭州恒信银行股份有限公司
  std::string short_name;  // 杭州恒信银行, used in project names
  std::string domain;      // hengxin-hangzhou.com.cn
};
CompanyName DrawCustomerName(Rng& rng, int region, int industry);
std::string_view CompetitorName(int index);  // 0.. (wraps around after the table)

// What a department of a customer does; it decides its name, its titles and its role in decisions.
enum class Unit : uint8_t {
  kExecutive,
  kIt,
  kItSub,
  kProcurement,
  kFinance,
  kBusiness,
  kLegal,
  kOperations,
  kAudit,
};
// The department's name. `variant` chooses among the names for that unit (any non-negative number).
std::string_view DepartmentName(int industry, Unit unit, int variant);
// A title for the head of such a department (head = true) or one of its members. The executive unit's
// head is the organization's top person (总经理, 局长, 院长 …).
std::string_view CustomerTitle(Rng& rng, int industry, Unit unit, bool head);
// The second in command (副总经理, 副院长 …), to whom some department heads report.
std::string_view DeputyTitle(Rng& rng, int industry);

// Our own company.
inline constexpr std::string_view kOursName = "华信智联科技有限公司";
enum class OursUnit : uint8_t {
  kExecutive,
  kSales,
  kPresales,
  kDelivery,
  kMarketing,
  kFinance,
  kHr,
  kResearch,
  kService,
};
std::string_view OursTitle(Rng& rng, OursUnit unit);

// Project names: 核心业务系统升级, 数据中台建设 …
std::string_view ProjectSubject(Rng& rng);
std::string_view StageWord(int stage);  // 0 需求确认, 1 方案, 2 招投标, 3 商务谈判, 4 签约

// Short notes, chosen by index so that facts can store a small number until they are written.
inline constexpr int kActivityNoteCount = 4;         // per activity kind
std::string_view ActivityNote(int kind, int index);  // kind: index into vocab::kActivityKinds
std::string_view LinkNote(Rng& rng);
inline constexpr int kUseNoteCount = 6;
std::string_view UseNote(int index);
std::string_view PersonNote(Rng& rng);

}  // namespace brm::demo
