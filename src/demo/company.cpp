// Our own company (华信智联): departments, employees, the sales teams and the users who sign in; and
// the competitors with their staff.
#include <string>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

constexpr std::string_view kOursId = "org-ours";
constexpr std::string_view kOursDomain = "huaxin-zl.com";

struct OursDept {
  std::string id;
  std::string name;
  int parent = -1;
  OursUnit unit = OursUnit::kExecutive;
  int region = -1;
};

std::vector<OursDept> OursDepartments(const DemoPlan& plan) {
  using U = OursUnit;
  std::vector<OursDept> depts = {{"", "总经办", -1, U::kExecutive}, {"", "销售部", -1, U::kSales}};
  for (int r = 0; r < kRegionCount; ++r) {
    depts.push_back({"", std::string(RegionName(r)) + "销售部", 1, U::kSales, r});
  }
  for (auto [name, unit] : {std::pair{"售前技术部", U::kPresales},
                            {"交付部", U::kDelivery},
                            {"市场部", U::kMarketing},
                            {"财务部", U::kFinance},
                            {"人力资源部", U::kHr},
                            {"研发中心", U::kResearch},
                            {"客户服务部", U::kService}}) {
    depts.push_back({"", name, -1, unit});
  }
  const int research = static_cast<int>(depts.size()) - 2;
  for (size_t g = 1; g <= plan.research_groups; ++g) {
    depts.push_back({"", "研发" + std::string(ChineseNumeral(static_cast<int>(g))) + "部", research, U::kResearch});
  }
  for (size_t i = 0; i < depts.size(); ++i) depts[i].id = Numbered("dept-ours-", i + 1, 2);
  return depts;
}

// The department where an employee of `unit` works (sales people in their region's department).
const OursDept& DeptFor(Rng& rng, const std::vector<OursDept>& depts, OursUnit unit, int region) {
  std::vector<size_t> fits;
  for (size_t i = 0; i < depts.size(); ++i) {
    if (depts[i].unit != unit) continue;
    if (unit == OursUnit::kSales && depts[i].region != region) continue;
    fits.push_back(i);
  }
  return depts[fits[rng.Below(fits.size())]];
}

Span UserSpan(World& w, Rng& rng) { return Span{w.start - static_cast<int32_t>(rng.Between(200, 2500)), kForever}; }

// Most employees joined before the history; some joined during it and a few have left.
Span EmployeeSpan(World& w, Rng& rng) {
  const double r = rng.Unit();
  if (r < 0.12) return Span{static_cast<int32_t>(rng.Between(w.start, w.end - 30)), kForever};
  if (r < 0.17) {
    return Span{w.start - static_cast<int32_t>(rng.Between(200, 2500)),
                static_cast<int32_t>(rng.Between(w.start + 60, w.end))};
  }
  return UserSpan(w, rng);
}

uint32_t AddEmployee(World& w, Rng& rng, const OursDept& dept, std::string_view title, Role role, Span span) {
  const uint32_t person = w.NewPerson();
  const PersonName name = DrawPersonName(rng);
  Record& r = w.Add(Kind::kPerson, w.person_ids[person]);
  Put(r, f::person::kOrg, kOursId);
  Put(r, f::person::kDepartment, dept.id);
  Put(r, f::person::kName, name.name);
  Put(r, f::person::kTitle, title);
  PutFlag(r, f::person::kKey, false);
  if (rng.Chance(0.8)) Put(r, f::person::kEmail, name.email_local + "@" + std::string(kOursDomain));
  if (rng.Chance(0.5)) Put(r, f::person::kPhone, DrawMobile(rng));
  PutSpan(w, r, span);
  w.employees.push_back(Employee{person, span, dept.unit, role, dept.region});
  return static_cast<uint32_t>(w.employees.size() - 1);
}

std::string_view RoleWord(Role role) {
  switch (role) {
    case Role::kRep: return "rep";
    case Role::kManager: return "manager";
    case Role::kExecutive: return "executive";
    case Role::kAdmin: return "admin";
    default: return "employee";
  }
}

struct UserPlan {
  std::string id, login, team;
  Role role;
  int region;
  uint32_t employee;
};

void AddUsers(World& w, const std::vector<UserPlan>& plans) {
  auto& items = w.bundle.of(Kind::kUser);
  items.reserve(plans.size());
  const auto password = std::make_shared<const std::string>(w.config.password);  // every demo user's
  for (const UserPlan& u : plans) {
    Record& r = w.Add(Kind::kUser, u.id);
    Put(r, f::user::kLogin, u.login);
    Put(r, f::user::kPerson, w.person_ids[w.employees[u.employee].person]);
    Put(r, f::user::kRole, RoleWord(u.role));
    if (!u.team.empty()) Put(r, f::user::kTeam, u.team);
    items.back().password = password;
    w.users.push_back(UserDraft{u.id, u.role, u.employee, u.region});
  }
}

void AddCompetitors(World& w, Rng& rng) {
  static constexpr std::string_view kSalesTitles[] = {"大客户经理", "客户经理", "销售经理", "区域销售总监"};
  static constexpr std::string_view kPresalesTitles[] = {"售前顾问", "解决方案经理", "技术总监"};
  for (size_t k = 0; k < w.plan.competitors; ++k) {
    const std::string id = Numbered("comp-", k + 1, 2);
    Record& org = w.Add(Kind::kOrganization, id);
    Put(org, f::org::kName, CompetitorName(static_cast<int>(k)));
    Put(org, f::org::kKind, "competitor");
    Put(org, f::org::kIndustry, "软件与信息服务");
    Put(org, f::org::kRegion, "全国");
    const std::string sales = Numbered("dept-" + id + "-", 1, 2), presales = Numbered("dept-" + id + "-", 2, 2);
    for (const auto& [dept, name] : {std::pair{sales, "销售部"}, {presales, "解决方案部"}}) {
      Record& r = w.Add(Kind::kDepartment, dept);
      Put(r, f::dept::kOrg, id);
      Put(r, f::dept::kName, name);
    }
    w.competitor_ids.push_back(id);
    w.competitor_staff.emplace_back();
    const auto staff = rng.Between(static_cast<int64_t>(w.plan.competitor_staff_min),
                                   static_cast<int64_t>(w.plan.competitor_staff_max));
    for (int64_t s = 0; s < staff; ++s) {
      const bool in_sales = s == 0 || rng.Chance(0.65);
      const uint32_t person = w.NewPerson();
      Record& r = w.Add(Kind::kPerson, w.person_ids[person]);
      Put(r, f::person::kOrg, id);
      Put(r, f::person::kDepartment, in_sales ? sales : presales);
      Put(r, f::person::kName, DrawPersonName(rng).name);
      Put(r, f::person::kTitle,
          s == 0     ? std::string_view("销售总监")
          : in_sales ? rng.Pick(kSalesTitles)
                     : rng.Pick(kPresalesTitles));
      PutFlag(r, f::person::kKey, false);
      if (rng.Chance(0.2)) Put(r, f::person::kPhone, DrawMobile(rng));
      w.competitor_staff.back().push_back(person);
    }
  }
}

}  // namespace

void BuildCompany(World& w) {
  Rng rng = Rng::Stream(w.config.seed, "company");
  const DemoPlan& plan = w.plan;
  w.bundle.of(Kind::kPerson).reserve(w.person_ids.capacity());

  Record& ours = w.Add(Kind::kOrganization, std::string(kOursId));
  Put(ours, f::org::kName, kOursName);
  Put(ours, f::org::kKind, "ours");
  Put(ours, f::org::kIndustry, "软件与信息服务");
  Put(ours, f::org::kRegion, "全国");
  const std::vector<OursDept> depts = OursDepartments(plan);
  for (const OursDept& d : depts) {
    Record& r = w.Add(Kind::kDepartment, d.id);
    Put(r, f::dept::kOrg, kOursId);
    Put(r, f::dept::kName, d.name);
    if (d.parent >= 0) Put(r, f::dept::kParent, depts[static_cast<size_t>(d.parent)].id);
  }

  // Sales organization: one root team led by the executive, four regions, optionally districts.
  const size_t districts = plan.districts_per_region;
  const size_t managers = kRegionCount * (1 + districts);
  const size_t reps = kRegionCount * (districts ? districts : 1) * plan.reps_per_team;
  const int manager_width = std::max(2, Digits(managers)), rep_width = std::max(2, Digits(reps));
  std::vector<UserPlan> users;
  using U = OursUnit;
  users.push_back(
      {"u-admin", "admin", "", Role::kAdmin, -1,
       AddEmployee(w, rng, DeptFor(rng, depts, U::kResearch, -1), "IT运维主管", Role::kAdmin, UserSpan(w, rng))});
  users.push_back({"u-ceo", "ceo", "team-root", Role::kExecutive, -1,
                   AddEmployee(w, rng, depts[0], "总经理", Role::kExecutive, UserSpan(w, rng))});
  std::vector<std::pair<std::string, std::string>> teams;  // (id, name) with its manager at the same index
  std::vector<std::string> team_parents;
  for (size_t m = 0; m < managers; ++m) {
    const bool regional = m < kRegionCount;
    const int region = static_cast<int>(regional ? m : (m - kRegionCount) / districts);
    std::string team = "team-" + std::string(RegionKey(region));
    std::string team_name = std::string(RegionName(region)) + "大区";
    team_parents.push_back(regional ? "team-root" : team);
    if (!regional) {
      const size_t d = (m - kRegionCount) % districts + 1;
      team = Numbered(team + "-", d, 2);
      team_name = std::string(RegionName(region)) + std::string(ChineseNumeral(static_cast<int>(d))) + "区";
    }
    const uint32_t e = AddEmployee(w, rng, DeptFor(rng, depts, U::kSales, region),
                                   regional ? "大区销售总监" : "区域销售经理", Role::kManager, UserSpan(w, rng));
    users.push_back(
        {Numbered("u-mgr", m + 1, manager_width), "manager" + std::to_string(m + 1), team, Role::kManager, region, e});
    teams.emplace_back(team, team_name);
  }
  static constexpr std::string_view kRepTitles[] = {"客户经理", "高级客户经理", "销售经理"};
  for (size_t i = 0; i < reps; ++i) {
    const size_t team = districts ? kRegionCount + i / plan.reps_per_team : i / plan.reps_per_team;
    const int region = users[2 + team].region;
    const uint32_t e =
        AddEmployee(w, rng, DeptFor(rng, depts, U::kSales, region), rng.Pick(kRepTitles), Role::kRep, UserSpan(w, rng));
    users.push_back({Numbered("u-rep", i + 1, rep_width), Numbered("rep", i + 1, rep_width), teams[team].first,
                     Role::kRep, region, e});
  }
  static constexpr std::pair<std::string_view, OursUnit> kStaff[] = {
      {"售前总监", U::kPresales}, {"解决方案架构师", U::kPresales}, {"交付总监", U::kDelivery},
      {"项目经理", U::kDelivery}, {"市场总监", U::kMarketing},      {"财务经理", U::kFinance},
      {"HRBP", U::kHr},           {"技术总监", U::kResearch}};
  for (size_t i = 0; i < plan.staff_users; ++i) {
    const auto& [title, unit] = kStaff[i % std::size(kStaff)];
    const uint32_t e = AddEmployee(w, rng, DeptFor(rng, depts, unit, -1), title, Role::kStaff, UserSpan(w, rng));
    users.push_back({Numbered("u-staff", i + 1, 2), Numbered("staff", i + 1, 2), "", Role::kStaff, -1, e});
  }

  // Everyone else: R&D and delivery are the big departments, as in a software company.
  static constexpr double kUnitWeights[] = {2, 9, 10, 20, 5, 3, 3, 38, 10};  // in OursUnit order
  while (w.employees.size() < plan.employees) {
    const auto unit = static_cast<OursUnit>(rng.Weighted(std::span(kUnitWeights)));
    const int region = unit == U::kSales ? static_cast<int>(rng.Below(kRegionCount)) : -1;
    AddEmployee(w, rng, DeptFor(rng, depts, unit, region), OursTitle(rng, unit), Role::kNone, EmployeeSpan(w, rng));
  }

  Record& root = w.Add(Kind::kTeam, "team-root");
  Put(root, f::team::kName, "销售中心");
  Put(root, f::team::kManager, "u-ceo");
  for (size_t m = 0; m < teams.size(); ++m) {
    Record& r = w.Add(Kind::kTeam, teams[m].first);
    Put(r, f::team::kName, teams[m].second);
    Put(r, f::team::kParent, team_parents[m]);
    Put(r, f::team::kManager, users[2 + m].id);
  }
  AddUsers(w, users);
  for (size_t u = 0; u < w.users.size(); ++u) {
    const UserDraft& user = w.users[u];
    if (user.role == Role::kRep) w.region_reps[static_cast<size_t>(user.region)].push_back(static_cast<uint32_t>(u));
    if (user.role == Role::kStaff) w.staff_users.push_back(static_cast<uint32_t>(u));
    if (user.role == Role::kManager && u < 2 + kRegionCount)
      w.region_manager[static_cast<size_t>(user.region)] = static_cast<uint32_t>(u);
  }
  w.Report("users", w.users.size(), w.users.size());

  AddCompetitors(w, rng);
  w.Report("organizations", w.bundle.of(Kind::kOrganization).size(), w.bundle.of(Kind::kOrganization).size());
}

}  // namespace brm::demo
