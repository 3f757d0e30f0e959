// MapCustomer (`GET /customers/{id}/graph`): who is on the map of a customer on a day, in id order.
#include <gtest/gtest.h>

#include "engine/customer_graph.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

Rec Reporting(const char* id, const char* person, const char* manager) {
  return std::move(Rec(Kind::kReporting, id).Set(f::reporting::kPerson, person).Set(f::reporting::kManager, manager));
}

TEST(CustomerGraph, KeepsActiveMembersAndLinksOnceEachInIdOrder) {
  Tenant t;
  t.Add(Customer("c1")).Add(Customer("c2")).Add(Org("comp", "competitor"));
  t.Add(Dept("d2", "c1")).Add(Dept("d1", "c1").Until("2025-01-01"));
  // Recorded out of id order on purpose.
  t.Add(KeyPerson("k3", "c1")).Add(KeyPerson("k1", "c1")).Add(NonKeyPerson("k2", "c1").Until("2025-01-01"));
  t.Add(NonKeyPerson("e1", "us")).Add(NonKeyPerson("x1", "comp")).Add(KeyPerson("o1", "c2"));
  t.Add(NonKeyPerson("gone", "us").Until("2025-01-01"));
  t.Add(Reporting("rl2", "k3", "k1")).Add(Reporting("rl1", "k2", "k1"));
  t.Add(Link("l5", "k1", "k3")).Add(Link("l4", "e1", "k3")).Add(Link("l3", "x1", "k1")).Add(Link("l2", "k3", "e1"));
  t.Add(Link("l1", "o1", "k1")).Add(Link("l0", "gone", "k1")).Add(Link("l6", "k1", "k1"));
  t.Rate("k1", "closeness", "support", "2025-02-01").Rate("k1", "closeness", "oppose", "2025-02-01", "comp");
  const Idx c2 = t.O("c2");
  const auto hide_c2 = [&](Idx org) { return org != c2; };

  const CustomerGraph map = MapCustomer(t.Figs(), t.O("c1"), kOurs, D("2025-06-30"), hide_c2);
  EXPECT_EQ(t.IdsOf(Kind::kDepartment, map.departments), (std::vector<std::string>{"d2"}));
  std::vector<Idx> people;
  for (const auto& member : map.people) people.push_back(member.person);
  EXPECT_EQ(t.IdsOf(Kind::kPerson, people), (std::vector<std::string>{"k1", "k3"}));  // k2 has left
  EXPECT_EQ(map.people[0].degrees[kC], 1);
  EXPECT_EQ(map.people[0].veto, kUnknown);
  EXPECT_EQ(t.IdsOf(Kind::kReporting, map.reporting), (std::vector<std::string>{"rl2"}));
  // l1 leads to hidden c2, l0's employee has left; l6 and l5 join two members and appear once.
  EXPECT_EQ(t.IdsOf(Kind::kInfluence, map.links), (std::vector<std::string>{"l2", "l3", "l4", "l5", "l6"}));
  EXPECT_EQ(t.IdsOf(Kind::kPerson, map.outsiders), (std::vector<std::string>{"e1", "x1"}));

  const CustomerGraph toward = MapCustomer(t.Figs(), t.O("c1"), t.O("comp"), D("2025-06-30"), hide_c2);
  EXPECT_EQ(toward.people[0].degrees[kC], -1);
  const CustomerGraph all = MapCustomer(t.Figs(), t.O("c1"), kOurs, D("2025-06-30"), [](Idx) { return true; });
  EXPECT_EQ(t.IdsOf(Kind::kPerson, all.outsiders), (std::vector<std::string>{"e1", "o1", "x1"}));
}

}  // namespace
}  // namespace brm::engine
