#include "engine/introduction_paths.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace brm::engine {

namespace {

// Link strengths in tenths, by index in vocab::kStrengths (strong, medium, weak), so that products are
// exact integers; a reporting line counts as strong.
constexpr int kStrengthTenths[] = {9, 6, 3};
constexpr int kReportingTenths = 9;
constexpr int kPowersOfTen[] = {1, 10, 100, 1000};
static_assert(IntroductionPaths::kMaxLinks == 3, "To() enumerates paths of one, two and three links");

int LinkTenths(uint8_t strength) { return strength < 3 ? kStrengthTenths[strength] : kStrengthTenths[2]; }

// One step into a person: who takes it and how strong its strongest link is.
struct Step {
  Idx from = kNone;
  int tenths = 0;
};

void Keep(std::vector<Step>& steps, Idx from, int tenths) {
  for (Step& step : steps) {
    if (step.from == from) {
      step.tenths = std::max(step.tenths, tenths);
      return;
    }
  }
  steps.push_back(Step{from, tenths});
}

struct Candidate {
  Idx employee = kNone;
  std::vector<Idx> via;
  int tenths = 0;  // the product of the steps' tenths; the strength is tenths / 10^links
  int links() const { return static_cast<int>(via.size()) + 1; }
};

}  // namespace

IntroductionPaths::Managers IntroductionPaths::ManagersOn(Date day, const std::function<bool(Idx)>& wanted) const {
  Managers managers;
  auto active = [&](Idx person) {
    return person != kNone && person < graph_.people.size() && graph_.people[person].exists &&
           graph_.people[person].life.On(day);
  };
  for (const ReportingLine& line : graph_.reporting) {
    if (!line.life.On(day) || line.person == line.manager || !active(line.person) || !active(line.manager)) continue;
    const Idx org = graph_.people[line.person].org;
    if (org == kNone || graph_.people[line.manager].org != org || !wanted(org)) continue;
    managers[line.person].push_back(line.manager);
  }
  return managers;
}

std::vector<IntroductionPath> IntroductionPaths::To(Idx target, Date day) const {
  if (target >= graph_.people.size() || !figures_.ActiveKeyPerson(target, day)) return {};
  const Idx customer = graph_.people[target].org;
  return To(target, day, ManagersOn(day, [&](Idx org) { return org == customer; }));
}

std::vector<IntroductionPath> IntroductionPaths::To(Idx target, Date day, const Managers& managers) const {
  if (target >= graph_.people.size() || !figures_.ActiveKeyPerson(target, day)) return {};
  const Idx customer = graph_.people[target].org;
  auto inside = [&](Idx person) {
    if (person == kNone) return false;
    const Person& p = graph_.people[person];
    return p.exists && p.org == customer && p.life.On(day);
  };
  // The persons of the customer who influence `person`, with the strongest step from each.
  auto internal = [&](Idx person) {
    std::vector<Step> steps;
    for (Idx link : graph_.people[person].links_in) {
      const Idx from = graph_.links[link].from;
      if (from != person && inside(from) && figures_.LinkCounts(link, day)) {
        Keep(steps, from, LinkTenths(graph_.links[link].strength));
      }
    }
    if (auto it = managers.find(person); it != managers.end()) {
      for (Idx manager : it->second) Keep(steps, manager, kReportingTenths);
    }
    return steps;
  };
  std::vector<Candidate> found;
  // Adds a path for every employee who influences the first of `via` (the target when `via` is empty).
  auto reach = [&](std::vector<Idx> via, int tenths) {
    const Idx first = via.empty() ? target : via.front();
    std::vector<Step> steps;
    for (Idx link : graph_.people[first].links_in) {
      const Idx from = graph_.links[link].from;
      if (figures_.Employee(from, day) && figures_.LinkCounts(link, day)) {
        Keep(steps, from, LinkTenths(graph_.links[link].strength));
      }
    }
    for (const Step& step : steps) found.push_back(Candidate{step.from, via, tenths * step.tenths});
  };
  reach({}, 1);
  for (const Step& a : internal(target)) {
    reach({a.from}, a.tenths);
    for (const Step& b : internal(a.from)) {
      if (b.from != target) reach({b.from, a.from}, b.tenths * a.tenths);
    }
  }

  const Ids& ids = graph_.ids(Kind::kPerson);
  auto id_less = [&](Idx x, Idx y) { return ids.Id(x) < ids.Id(y); };
  std::sort(found.begin(), found.end(), [&](const Candidate& x, const Candidate& y) {
    // x.tenths / 10^x.links against y.tenths / 10^y.links, in integers.
    const int lx = x.tenths * kPowersOfTen[y.links()], ly = y.tenths * kPowersOfTen[x.links()];
    if (lx != ly) return lx > ly;
    if (x.links() != y.links()) return x.links() < y.links();
    if (x.employee != y.employee) return id_less(x.employee, y.employee);
    return std::lexicographical_compare(x.via.begin(), x.via.end(), y.via.begin(), y.via.end(), id_less);
  });
  std::vector<IntroductionPath> paths;
  paths.reserve(found.size());
  for (Candidate& c : found) {
    const double strength = static_cast<double>(c.tenths) / kPowersOfTen[c.links()];
    paths.push_back(IntroductionPath{c.employee, std::move(c.via), strength});
  }
  return paths;
}

}  // namespace brm::engine
