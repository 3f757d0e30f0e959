#include "demo/demo.hpp"

#include "demo/world.hpp"
#include "domain/schema.hpp"

namespace brm {

DemoPlan DemoPlanFor(DemoConfig::Scale scale) {
  DemoPlan plan;
  if (scale == DemoConfig::Scale::kLarge) {
    plan.customers = 10'000;
    plan.key_persons = 200'000;
    plan.employees = 5'000;
    plan.opportunities = 50'000;
    plan.ratings = 2'000'000;
    plan.competitors = 6;
    plan.competitor_staff_min = 30;
    plan.competitor_staff_max = 50;
    plan.districts_per_region = 10;  // 4 regions × 10 districts, 44 managers
    plan.reps_per_team = 10;         // 400 reps: users stay few, each password costs an argon2id hash
    plan.staff_users = 8;
    plan.research_groups = 8;
    plan.activities_per_person = 4;
  } else {
    plan.customers = 40;
    plan.key_persons = 600;
    plan.employees = 60;
    plan.opportunities = 220;
    plan.closed_min = 2;
    plan.closed_max = 6;
    plan.ratings = 30'000;
    plan.competitors = 3;
    plan.competitor_staff_min = 5;
    plan.competitor_staff_max = 8;
    plan.districts_per_region = 0;
    plan.reps_per_team = 4;
    plan.staff_users = 8;
    plan.research_groups = 2;
    plan.activities_per_person = 8;
  }
  return plan;
}

MemoryBundle BuildDemo(const DemoConfig& config, const Progress& progress) {
  demo::World world(config, progress);
  demo::BuildCompany(world);
  demo::BuildCustomers(world);
  world.Report("people", world.bundle.of(Kind::kPerson).size(), world.bundle.of(Kind::kPerson).size());
  demo::NumberIds(world, Kind::kReporting, "rl-", 6);
  world.Report("reporting", world.bundle.of(Kind::kReporting).size(), world.bundle.of(Kind::kReporting).size());
  demo::BuildLinks(world);
  demo::NumberIds(world, Kind::kInfluence, "inf-", 6);
  demo::DrawPatterns(world);
  demo::BuildOpportunities(world);
  demo::NumberIds(world, Kind::kChainMember, "cm-", 6);
  world.Report("chain", world.bundle.of(Kind::kChainMember).size(), world.bundle.of(Kind::kChainMember).size());
  demo::BuildRatings(world);
  demo::BuildVotes(world);
  demo::BuildActivities(world);
  demo::BuildInfluenceUses(world);
  demo::BuildProjectHistory(world);
  return std::move(world.bundle);
}

std::vector<std::pair<std::string, std::string>> DemoLogins(const MemoryBundle& bundle) {
  std::vector<std::pair<std::string, std::string>> logins;
  for (const BundleItem& item : bundle.of(Kind::kUser)) {
    logins.emplace_back(item.record.Text(fields::user::kLogin), item.record.Text(fields::user::kRole));
  }
  return logins;
}

}  // namespace brm
