// Customers: each with its departments, its key persons (an org chart headed by the top person) and
// the reporting lines between them, some of which change during the history. Each customer gets a
// trajectory (how its attitude toward us moves) and is well mapped, partly mapped or fresh.
#include <algorithm>
#include <unordered_set>

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

struct LocalDept {
  std::string id;
  Unit unit = Unit::kExecutive;
  int parent = -1;  // index in the customer's list
  int variant = 0;  // which of the unit's names
  int head = -1;    // local person index
};

std::vector<LocalDept> DrawDepartments(Rng& rng, const CustomerDraft& c, const std::string& prefix) {
  const size_t count = static_cast<size_t>(c.fresh ? rng.Between(3, 4) : rng.Between(3, 6));
  std::vector<LocalDept> depts = {{"", Unit::kExecutive}, {"", Unit::kIt}};
  struct Option {
    Unit unit;
    double weight;
  };
  Option options[] = {{Unit::kBusiness, 3},   {Unit::kProcurement, 2.5}, {Unit::kFinance, 2.5},
                      {Unit::kBusiness, 1.5}, {Unit::kItSub, 1.5},       {Unit::kOperations, 1},
                      {Unit::kLegal, 0.7},    {Unit::kAudit, 0.6},       {Unit::kItSub, 0.6}};
  std::vector<double> weights;
  for (const Option& o : options) weights.push_back(o.weight);
  int business = 0, sub = 0;
  while (depts.size() < count) {
    const size_t pick = rng.Weighted(weights);
    weights[pick] = 0;
    LocalDept d{"", options[pick].unit};
    if (d.unit == Unit::kBusiness) d.variant = business++;
    if (d.unit == Unit::kItSub) {
      d.variant = sub++;
      d.parent = 1;
    }
    if (d.unit == Unit::kProcurement) d.variant = static_cast<int>(rng.Below(2));
    depts.push_back(d);
  }
  for (size_t i = 0; i < depts.size(); ++i) depts[i].id = Numbered(prefix, i + 1, 2);
  return depts;
}

uint8_t DrawImportance(Rng& rng, Rank rank) {
  // vocab::kImportance: high medium low unknown
  static constexpr double kTop[] = {1, 0, 0, 0};
  static constexpr double kHead[] = {0.55, 0.35, 0, 0.1};
  static constexpr double kMember[] = {0.05, 0.35, 0.45, 0.15};
  const double* w = rank == Rank::kMember ? kMember : rank == Rank::kHead ? kHead : kTop;
  return static_cast<uint8_t>(rng.Weighted(std::span(w, 4)));
}

// `known`: never `unknown` (the people of a well mapped customer).
std::string_view DrawOrientation(Rng& rng, Unit unit, bool known) {
  static constexpr std::string_view kWords[] = {"technology", "business",    "relationship",
                                                "price",      "risk_averse", "innovation"};
  if (rng.Chance(0.2) && !known) return "unknown";
  static constexpr double kIt[] = {4, 1, 1, 0.5, 1, 2};
  static constexpr double kBusiness[] = {0.5, 4, 1.5, 1, 1, 1};
  static constexpr double kMoney[] = {0.3, 1, 1.5, 4, 2, 0.3};
  static constexpr double kExecutive[] = {0.5, 2, 2, 1, 1.5, 1.5};
  static constexpr double kOther[] = {1, 1, 1, 1, 2, 0.5};
  const double* w = kOther;
  if (unit == Unit::kIt || unit == Unit::kItSub) w = kIt;
  if (unit == Unit::kBusiness || unit == Unit::kOperations) w = kBusiness;
  if (unit == Unit::kProcurement || unit == Unit::kFinance) w = kMoney;
  if (unit == Unit::kExecutive) w = kExecutive;
  return kWords[rng.Weighted(std::span(w, 6))];
}

void AddReporting(World& w, const KeyPerson& person, const KeyPerson& manager, Span span) {
  Record& r = w.Add(Kind::kReporting, {});
  Put(r, f::reporting::kPerson, w.person_ids[person.person]);
  Put(r, f::reporting::kManager, w.person_ids[manager.person]);
  PutSpan(w, r, span);
}

void AddPeople(World& w, Rng& rng, CustomerDraft& c, std::vector<LocalDept>& depts, const std::string& domain) {
  static constexpr std::string_view kImportance[] = {"high", "medium", "low", "unknown"};
  const size_t n = c.key_count;
  c.first_key = static_cast<uint32_t>(w.key_persons.size());
  std::vector<size_t> dept_of(n, 0);
  std::vector<Rank> rank(n, Rank::kMember);
  rank[0] = Rank::kTop;
  depts[0].head = 0;
  size_t next = 1;
  for (size_t d = 1; d < depts.size() && next < n; ++d, ++next) {
    dept_of[next] = d;
    rank[next] = Rank::kHead;
    depts[d].head = static_cast<int>(next);
  }
  int deputy = -1;
  if (next < n && rng.Chance(0.5)) {
    deputy = static_cast<int>(next);
    rank[next++] = Rank::kDeputy;
  }
  std::vector<double> weights;
  for (const LocalDept& d : depts) {
    const Unit u = d.unit;
    weights.push_back(u == Unit::kIt || u == Unit::kBusiness           ? 3
                      : u == Unit::kItSub                              ? 2
                      : u == Unit::kExecutive                          ? 0.6
                      : u == Unit::kProcurement || u == Unit::kFinance ? 1.5
                                                                       : 0.8);
  }
  for (; next < n; ++next) dept_of[next] = rng.Weighted(weights);

  const int32_t first_day = std::max(w.start, c.span.from);
  for (size_t i = 0; i < n; ++i) {
    KeyPerson kp;
    kp.person = w.NewPerson();
    kp.customer = static_cast<uint32_t>(&c - w.customers.data());
    kp.rank = rank[i];
    kp.unit = depts[dept_of[i]].unit;
    kp.span = Span{c.span.from, kForever};
    if (kp.rank == Rank::kMember) {
      const double r = rng.Unit();
      if (r < 0.05 && first_day + 1 < w.end - 30) {
        kp.span.from = static_cast<int32_t>(rng.Between(first_day + 1, w.end - 30));
      } else if (r < 0.08 && first_day + 60 <= w.end) {
        kp.span.to = static_cast<int32_t>(rng.Between(first_day + 60, w.end));
      }
    }
    kp.importance = DrawImportance(rng, kp.rank);
    // A well mapped customer's people are all rated on every dimension and voted; on the others some
    // were never rated, and a fresh customer's votes are not known yet.
    kp.rated = c.mapped || rng.Chance(kp.rank == Rank::kMember ? 0.8 : 0.93);
    kp.voted = !c.fresh && kp.rated && (c.mapped || rng.Chance(0.7));
    kp.blind = !c.mapped && kp.rated && rng.Chance(0.08) ? static_cast<int8_t>(rng.Below(3)) : -1;
    kp.bias = static_cast<float>(0.55 * rng.Normal());

    const PersonName name = DrawPersonName(rng);
    Record& r = w.Add(Kind::kPerson, w.person_ids[kp.person]);
    Put(r, f::person::kOrg, c.id);
    Put(r, f::person::kDepartment, depts[dept_of[i]].id);
    Put(r, f::person::kName, name.name);
    const bool head = kp.rank == Rank::kTop || kp.rank == Rank::kHead;
    Put(r, f::person::kTitle,
        kp.rank == Rank::kDeputy ? DeputyTitle(rng, c.industry) : CustomerTitle(rng, c.industry, kp.unit, head));
    PutFlag(r, f::person::kKey, true);
    Put(r, f::person::kImportance, kImportance[kp.importance]);
    Put(r, f::person::kOrientation, DrawOrientation(rng, kp.unit, c.mapped));
    if (rng.Chance(0.45)) Put(r, f::person::kEmail, name.email_local + "@" + domain);
    if (rng.Chance(0.35)) Put(r, f::person::kPhone, DrawMobile(rng));
    if (rng.Chance(0.04)) Put(r, f::person::kNotes, PersonNote(rng));
    PutSpan(w, r, kp.span);
    w.key_persons.push_back(kp);
  }

  // The org chart: heads report to the top person (or a deputy), sub-department heads to their parent's
  // head, members to their department's head. A few members move to another head during the history.
  for (size_t i = 1; i < n; ++i) {
    size_t manager = 0;
    const LocalDept& d = depts[dept_of[i]];
    if (rank[i] == Rank::kHead) {
      if (d.parent >= 0 && depts[static_cast<size_t>(d.parent)].head >= 0) {
        manager = static_cast<size_t>(depts[static_cast<size_t>(d.parent)].head);
      } else if (deputy >= 0 && rng.Chance(0.35)) {
        manager = static_cast<size_t>(deputy);
      }
    } else if (rank[i] == Rank::kMember && d.head >= 0) {
      manager = static_cast<size_t>(d.head);
    }
    const KeyPerson& person = w.key_persons[c.first_key + i];
    const KeyPerson& boss = w.key_persons[c.first_key + manager];
    const int32_t lo = std::max(w.start, person.span.from) + 30;
    const int32_t hi = std::min(w.end, person.span.to) - 30;
    if (rank[i] == Rank::kMember && depts.size() > 2 && lo < hi && rng.Chance(0.06)) {
      const int head = depts[1 + rng.Below(depts.size() - 1)].head;
      size_t other = head < 0 ? 0 : static_cast<size_t>(head);
      if (other == manager || other == i) other = 0;
      if (other != manager) {
        const auto moved = static_cast<int32_t>(rng.Between(lo, hi));
        AddReporting(w, person, boss, Span{person.span.from, moved});
        AddReporting(w, person, w.key_persons[c.first_key + other], Span{moved, person.span.to});
        continue;
      }
    }
    AddReporting(w, person, boss, person.span);
  }
}

}  // namespace

void BuildCustomers(World& w) {
  Rng rng = Rng::Stream(w.config.seed, "customers");
  const size_t n = w.plan.customers;
  const int width = std::max(3, Digits(n));
  w.customers.resize(n);
  w.key_persons.reserve(w.plan.key_persons);
  w.bundle.of(Kind::kOrganization).reserve(n + 1 + w.plan.competitors);
  w.bundle.of(Kind::kDepartment).reserve(n * 5 + 64);
  w.bundle.of(Kind::kReporting).reserve(w.plan.key_persons + w.plan.key_persons / 8);

  // Trends are dealt in fixed shares over a shuffled order, so every scale has each kind of customer.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  rng.Shuffle(order);
  auto share = [n](double part) {
    return std::max<size_t>(1, static_cast<size_t>(part * static_cast<double>(n) + 0.5));
  };
  const size_t improve = share(0.2), drop = share(0.14), poor = share(0.14), fresh = share(0.12);
  const size_t taken = improve + drop + poor + fresh, mild = n > taken ? n - taken : 0;
  // Well mapped customers (a complete graph, SPEC.md §6.5) let their trajectory choose the strategy:
  // win_back after a drop, wait when poor, retain when improving or mildly healthy. Most of the moving
  // customers are mapped, and a share of the mild ones whose three means end clearly positive; the
  // rest stay partly mapped (grow) and the fresh ones have barely started (acquire).
  const auto quota = [](size_t group, double part) {
    return static_cast<size_t>(part * static_cast<double>(group) + 0.5);
  };
  std::array<size_t, 4> mapped_left{};  // by Trend
  mapped_left[static_cast<size_t>(Trend::kMild)] = quota(mild, 0.3);
  mapped_left[static_cast<size_t>(Trend::kImprove)] = quota(improve, 0.8);
  mapped_left[static_cast<size_t>(Trend::kDrop)] = quota(drop, 0.8);
  mapped_left[static_cast<size_t>(Trend::kPoor)] = quota(poor, 0.8);
  const auto healthy = [&w](const Trajectory& t) {
    for (int dim = 0; dim < 3; ++dim) {
      if (TargetMean(t, dim, w.end, w.start, w.end) < 0.3) return false;
    }
    return true;
  };
  for (size_t at = 0; at < n; ++at) {
    CustomerDraft& c = w.customers[order[at]];
    const Trend trend = at < improve                 ? Trend::kImprove
                        : at < improve + drop        ? Trend::kDrop
                        : at < improve + drop + poor ? Trend::kPoor
                                                     : Trend::kMild;
    c.trajectory = DrawTrajectory(rng, trend);
    c.fresh = at >= improve + drop + poor && at < taken;
    c.focus = !c.fresh && rng.Chance(trend == Trend::kImprove || trend == Trend::kDrop ? 0.35 : 0.12);
    size_t& left = mapped_left[static_cast<size_t>(trend)];
    if (!c.fresh && left > 0 && (trend != Trend::kMild || healthy(c.trajectory))) {
      c.mapped = true;
      --left;
    }
  }

  // Key persons per customer: exactly the plan's total, at least four per established customer.
  std::vector<double> weights(n, 0);
  uint64_t fixed = 0;
  for (size_t i = 0; i < n; ++i) {
    CustomerDraft& c = w.customers[i];
    if (c.fresh) {
      c.key_count = static_cast<uint32_t>(rng.Between(1, 2));
    } else {
      c.key_count = 4;
      weights[i] = rng.Uniform(0.4, 1.6) * (c.focus ? 1.3 : 1.0);
    }
    fixed += c.key_count;
  }
  const uint64_t rest = w.plan.key_persons > fixed ? w.plan.key_persons - fixed : 0;
  const std::vector<uint32_t> extra = Apportion(rest, weights, rng);

  static constexpr double kRegionWeights[] = {0.35, 0.25, 0.25, 0.15};
  std::array<size_t, kRegionCount> next_rep{};
  std::unordered_set<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    CustomerDraft& c = w.customers[i];
    c.key_count += extra[i];
    c.id = Numbered("cust-", i + 1, width);
    c.region = static_cast<int>(rng.Weighted(std::span(kRegionWeights)));
    c.industry = static_cast<int>(rng.Below(kIndustryCount));
    CompanyName name = DrawCustomerName(rng, c.region, c.industry);
    for (int attempt = 0; attempt < 6 && names.count(name.name); ++attempt) {
      name = DrawCustomerName(rng, c.region, c.industry);
    }
    if (names.count(name.name)) name.name += "（" + std::to_string(i + 1) + "）";
    names.insert(name.name);
    c.short_name = name.short_name;
    const auto& reps = w.region_reps[static_cast<size_t>(c.region)];
    c.owner = reps[next_rep[static_cast<size_t>(c.region)]++ % reps.size()];
    c.span.from = c.fresh ? w.start + static_cast<int32_t>(rng.Between(120, w.end - w.start - 150))
                          : w.start - static_cast<int32_t>(rng.Between(90, 1800));
    const double present = rng.Unit();
    const size_t competitors = w.plan.competitors;
    if (competitors > 0 && present >= 0.1) c.competitors |= static_cast<uint8_t>(1u << rng.Below(competitors));
    if (competitors > 1 && present >= 0.7) c.competitors |= static_cast<uint8_t>(1u << rng.Below(competitors));
    const Trend trend = c.trajectory.trend;
    c.rival = static_cast<float>(trend == Trend::kPoor   ? rng.Uniform(0.3, 1.2)
                                 : trend == Trend::kDrop ? rng.Uniform(0.0, 0.8)
                                                         : rng.Uniform(-0.8, 0.6));

    Record& org = w.Add(Kind::kOrganization, c.id);
    Put(org, f::org::kName, name.name);
    Put(org, f::org::kKind, "customer");
    Put(org, f::org::kIndustry, IndustryName(c.industry));
    Put(org, f::org::kRegion, RegionName(c.region));
    Put(org, f::org::kOwner, w.users[c.owner].id);
    PutFlag(org, f::org::kFocus, c.focus);
    PutSpan(w, org, c.span);

    std::vector<LocalDept> depts = DrawDepartments(rng, c, "dept-" + c.id.substr(5) + "-");
    for (const LocalDept& d : depts) {
      Record& r = w.Add(Kind::kDepartment, d.id);
      Put(r, f::dept::kOrg, c.id);
      Put(r, f::dept::kName, DepartmentName(c.industry, d.unit, d.variant));
      if (d.parent >= 0) Put(r, f::dept::kParent, depts[static_cast<size_t>(d.parent)].id);
    }
    AddPeople(w, rng, c, depts, name.domain);
    if ((i + 1) % 1000 == 0 || i + 1 == n) w.Report("customers", i + 1, n);
  }
}

}  // namespace brm::demo
