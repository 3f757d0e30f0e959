// SPEC.md §5 (employee quantification), §6.4 (per-employee KPIs) and §11 (`GET /employees/{person}/metrics`).
#include <gtest/gtest.h>

#include "engine/figures.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

constexpr const char* kDay = "2025-06-30";

// e1 reaches k1 (insighted), k2 and k4 (c2); its links to a non-key person and to k3 (retired) do not count.
// Wins of 2025 up to D: w1 (c1, e1 used influence), w2 (c1, e1's use dated after D), w3 (c2, e2's use).
Tenant EmployeeTenant() {
  Tenant t;
  t.Add(NonKeyPerson("e1", "us")).Add(NonKeyPerson("e2", "us")).Add(UserOf("u1", "e1")).Add(UserOf("u2", "e2"));
  t.Add(UserOf("u3", "e2"));
  t.Add(Org("rival", "competitor"));
  t.Add(Customer("c1", "u1")).Add(Customer("c2", "u2"));
  t.Add(KeyPerson("k1", "c1")).Add(KeyPerson("k2", "c1")).Add(KeyPerson("k3", "c1")).Add(KeyPerson("k4", "c2"));
  t.Add(NonKeyPerson("n1", "c1"));
  t.Rate3("k1", "support", "support", "neutral", "2025-01-01").Votes("k1", "yes", "no", "2025-01-01");
  t.Rate("k2", "closeness", "unknown", "2025-01-01").Rate("k4", "closeness", "oppose", "2025-01-01", "rival");
  t.Add(Link("l1", "e1", "k1")).Add(Link("l1b", "e1", "k1", "weak")).Add(Link("l2", "e1", "k2"))
      .Add(Link("l4", "e1", "k4")).Add(Link("ln", "e1", "n1")).Add(Link("l3", "e1", "k3").Until("2025-06-01"));
  t.Add(Link("l5", "e2", "k3"));
  t.Add(Opp("w1", "c1", "2024-06-01", 100, "won", "2025-03-01")).UseOf("w1", "e1", "k1", "2025-02-01");
  t.Add(Opp("w2", "c1", "2024-06-01", 100, "won", "2025-05-01")).UseOf("w2", "e1", "k1", "2025-07-15");
  t.Add(Opp("w3", "c2", "2024-06-01", 100, "won", "2025-04-01")).UseOf("w3", "e2", "k4", "2025-02-01");
  t.Add(Opp("w0", "c1", "2024-01-01", 100, "won", "2024-12-31")).UseOf("w0", "e1", "k1", "2024-06-01");
  t.Add(Opp("o1", "c1", "2025-01-01", 100)).UseOf("o1", "e1", "k2", "2025-03-01");
  return t;
}

EmployeeMetrics Influence(const Tenant& t, const char* employee, const Scope& scope, Idx toward = kOurs) {
  return t.Figs().EmployeeInfluence(t.P(employee), toward, D(kDay), scope);
}

TEST(EmployeeInfluence, AcquaintedUninsightedAndDegrees) {
  const Tenant t = EmployeeTenant();
  const EmployeeMetrics m = Influence(t, "e1", Scope::Company());
  EXPECT_EQ(m.acquainted, 3);   // k1 (two links, counted once) k2 k4
  EXPECT_EQ(m.uninsighted, 2);  // k2 k4
  EXPECT_EQ(m.degrees[kC].n, 3);
  EXPECT_EQ(m.degrees[kC].known(), 1);  // k1 support; k2 reset to unknown; k4 rated toward rival only
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), 1.0);
}

TEST(EmployeeInfluence, ValuePotentialOverTheScopesKeyPersons) {
  const Tenant t = EmployeeTenant();
  EXPECT_DOUBLE_EQ(*Influence(t, "e1", Scope::Company()).value_potential, 0.75);  // 3 of k1…k4
  const EmployeeMetrics mine = Influence(t, "e1", OwnedBy(t.graph, {t.U("u1")}));
  EXPECT_EQ(mine.acquainted, 2);                             // k1 k2: k4 belongs to c2
  EXPECT_DOUBLE_EQ(*mine.value_potential, 2.0 / 3.0);        // of k1 k2 k3
  const EmployeeMetrics none = Influence(t, "e1", OwnedBy(t.graph, {t.U("u3")}));  // owns nothing
  EXPECT_EQ(none.acquainted, 0);
  EXPECT_FALSE(none.value_potential.has_value());
}

TEST(EmployeeInfluence, InfluenceUsesAndContributedWins) {
  const Tenant t = EmployeeTenant();
  const EmployeeMetrics e1 = Influence(t, "e1", Scope::Company());
  EXPECT_EQ(e1.influence_uses, 3);    // w1 (02-01), w0 (2024), o1 (03-01); w2's is dated after D
  EXPECT_EQ(e1.contributed_wins, 1);  // w1; w2's use is after D; w0 closed last year
  const EmployeeMetrics e2 = Influence(t, "e2", Scope::Company());
  EXPECT_EQ(e2.influence_uses, 1);
  EXPECT_EQ(e2.contributed_wins, 1);  // w3
  EXPECT_EQ(e2.acquainted, 1);        // k3
  EXPECT_EQ(Influence(t, "e2", OwnedBy(t.graph, {t.U("u1")})).contributed_wins, 0);  // w3 is c2's
}

TEST(EmployeeInfluence, TowardCompetitor) {
  const Tenant t = EmployeeTenant();
  const EmployeeMetrics m = Influence(t, "e1", Scope::Company(), t.O("rival"));
  EXPECT_EQ(m.degrees[kC].known(), 1);  // k4 opposes rival
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), -1.0);
  EXPECT_EQ(m.uninsighted, 2);          // insight stays about ours
}

}  // namespace
}  // namespace brm::engine
