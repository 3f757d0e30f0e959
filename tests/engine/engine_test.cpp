// Engine: records applied one by one (in commit order) keep every figure current (SPEC.md §2: changes
// replace a record; facts are append-only and may only be retired).
#include "engine/engine.hpp"

#include <gtest/gtest.h>

#include "engine/lines.hpp"
#include "tenant_builder.hpp"

namespace brm::engine {
namespace {

using namespace fixture;  // NOLINT

constexpr const char* kDay = "2025-06-30";

Idx Find(const Figures& figs, Kind kind, const char* id) { return figs.graph().ids(kind).Find(id); }

CustomerMetrics CustomerOf(const Engine& engine, const char* customer) {
  return engine.With([&](const Figures& figs) {
    return figs.Customer(Find(figs, Kind::kOrganization, customer), kOurs, D(kDay));
  });
}

void ApplyAll(Engine& engine, std::initializer_list<Rec> records) {
  for (const Rec& rec : records) engine.Apply(rec);
}

TEST(EngineApply, PersonMovingToAnotherDepartmentMovesTheirFigures) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), Dept("d1", "c1"), Dept("d2", "c1"), KeyPerson("k1", "c1", "d1"),
                    Rating("r1", "k1", "closeness", "support", "2025-01-01")});
  CustomerMetrics m = CustomerOf(engine, "c1");
  ASSERT_EQ(m.departments.size(), 2u);
  EXPECT_EQ(m.departments[0].key_persons, 1);  // d1
  EXPECT_EQ(m.departments[1].key_persons, 0);  // d2
  engine.Apply(KeyPerson("k1", "c1", "d2"));
  m = CustomerOf(engine, "c1");
  EXPECT_EQ(m.departments[0].key_persons, 0);
  EXPECT_EQ(m.departments[1].key_persons, 1);
  EXPECT_DOUBLE_EQ(*m.departments[1].degrees[kC].mean(), 1.0);  // the rating follows the person
  engine.Apply(KeyPerson("k1", "c1"));  // department cleared
  m = CustomerOf(engine, "c1");
  EXPECT_EQ(m.departments[1].key_persons, 0);
  EXPECT_EQ(m.key_persons, 1);
}

TEST(EngineApply, PersonMovingToAnotherOrganization) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), Customer("c2"), KeyPerson("k1", "c1"), KeyPerson("k2", "c1"),
                    KeyPerson("k3", "c2"), Rating("r1", "k1", "closeness", "strong_support", "2025-01-01")});
  EXPECT_EQ(CustomerOf(engine, "c1").key_persons, 2);
  EXPECT_EQ(CustomerOf(engine, "c2").key_persons, 1);
  engine.Apply(KeyPerson("k1", "c2"));
  EXPECT_EQ(CustomerOf(engine, "c1").key_persons, 1);
  EXPECT_FALSE(CustomerOf(engine, "c1").degrees[kC].mean().has_value());
  const CustomerMetrics c2 = CustomerOf(engine, "c2");
  EXPECT_EQ(c2.key_persons, 2);
  EXPECT_DOUBLE_EQ(*c2.degrees[kC].mean(), 2.0);  // k1's +2 over known 1
  engine.Apply(NonKeyPerson("k1", "us"));  // joins us: now an employee, no longer a key person
  EXPECT_EQ(CustomerOf(engine, "c2").key_persons, 1);
  EXPECT_TRUE(engine.With([](const Figures& figs) { return figs.Employee(Find(figs, Kind::kPerson, "k1"), D(kDay)); }));
}

TEST(EngineApply, RetiringAnInfluenceLinkEndsTheAcquaintance) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), KeyPerson("k1", "c1"), NonKeyPerson("e1", "us"),
                    Link("l1", "e1", "k1")});
  auto acquainted = [&](const char* day) {
    return engine.With([&](const Figures& figs) {
      return Lines(figs).Influence(Scope::Company(), kOurs, D(day)).acquainted[kNow];
    });
  };
  EXPECT_EQ(acquainted(kDay), 1);
  engine.Apply(Link("l1", "e1", "k1").Until("2025-06-01"));
  EXPECT_EQ(acquainted(kDay), 0);
  EXPECT_EQ(acquainted("2025-05-31"), 1);
  engine.Apply(Link("l1", "e1", "k1"));  // reinstated
  EXPECT_EQ(acquainted(kDay), 1);
}

TEST(EngineApply, RedirectingALinkMovesItsTarget) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), KeyPerson("k1", "c1"), KeyPerson("k2", "c1"),
                    NonKeyPerson("e1", "us"), Link("l1", "e1", "k1")});
  engine.Apply(Link("l1", "e1", "k2"));
  engine.With([](const Figures& figs) {
    EXPECT_FALSE(figs.AcquaintedByEmployee(Find(figs, Kind::kPerson, "k1"), D(kDay)));
    EXPECT_TRUE(figs.AcquaintedByEmployee(Find(figs, Kind::kPerson, "k2"), D(kDay)));
    return 0;
  });
}

TEST(EngineApply, PlaceholdersFilledByLaterRecords) {
  Engine engine;
  // facts and links first, the records they point at afterwards
  ApplyAll(engine, {Rating("r1", "k1", "closeness", "support", "2025-01-01"),
                    Vote("v1", "k1", "veto", "yes", "2025-01-01"),
                    Link("l1", "e1", "k1"), Member("m1", "o1", "k1", "approver"),
                    Rating("r2", "k1", "closeness", "oppose", "2025-01-01").Set(f::rating::kOpportunity, "o1")});
  ApplyAll(engine, {Opp("o1", "c1", "2025-01-01", 500), KeyPerson("k1", "c1"), NonKeyPerson("e1", "us"),
                    Customer("c1"), Org("us", "ours")});
  const CustomerMetrics m = CustomerOf(engine, "c1");
  EXPECT_EQ(m.key_persons, 1);
  EXPECT_DOUBLE_EQ(*m.degrees[kC].mean(), 1.0);
  EXPECT_EQ(m.open_count, 1);
  EXPECT_DOUBLE_EQ(m.open_amount, 500.0);
  engine.With([](const Figures& figs) {
    const Idx k1 = Find(figs, Kind::kPerson, "k1");
    EXPECT_EQ(figs.Vote(k1, VoteKind::kVeto, D(kDay)), 1);
    EXPECT_TRUE(figs.AcquaintedByEmployee(k1, D(kDay)));
    const ChainFigures c = figs.Chain(Find(figs, Kind::kOpportunity, "o1"), kOurs, D(kDay));
    EXPECT_EQ(c.members.size(), 1u);
    EXPECT_DOUBLE_EQ(*c.degrees[kC].mean(), -1.0);  // project level
    return 0;
  });
}

TEST(EngineApply, RetiringARatingFallsBackToTheEarlierOne) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), KeyPerson("k1", "c1"),
                    Rating("r1", "k1", "closeness", "support", "2025-01-01"),
                    Rating("r2", "k1", "closeness", "strong_oppose", "2025-03-01")});
  EXPECT_DOUBLE_EQ(*CustomerOf(engine, "c1").degrees[kC].mean(), -2.0);
  engine.Apply(Rating("r2", "k1", "closeness", "strong_oppose", "2025-03-01").Until("2025-04-01"));
  EXPECT_DOUBLE_EQ(*CustomerOf(engine, "c1").degrees[kC].mean(), 1.0);
}

TEST(EngineApply, RetiringTheCustomerRemovesItFromTheLine) {
  Engine engine;
  ApplyAll(engine, {Org("us", "ours"), Customer("c1"), Customer("c2"), KeyPerson("k1", "c1")});
  auto line = [&] {
    return engine.With([](const Figures& figs) { return Lines(figs).Customers(Scope::Company(), kOurs, D(kDay)); });
  };
  EXPECT_EQ(line().customers[kNow], 2);
  engine.Apply(Customer("c1").Until("2025-06-15"));
  EXPECT_EQ(line().customers[kNow], 1);
  EXPECT_EQ(line().customers[kMonthAgo], 2);  // 2025-05-30: still a customer
  EXPECT_EQ(line().list.size(), 1u);
}

TEST(EngineApply, ThresholdsChangeTheRecommendation) {
  Engine engine;
  Tenant t;  // two fully profiled key persons: grow by default, retain when two suffice
  t.Add(Customer("c1")).Profiled("k1", "c1", "support", "support", "support", "2025-01-01")
      .Profiled("k2", "c1", "support", "support", "support", "2025-01-01");
  engine.Replace(std::make_unique<Graph>(t.graph));
  EXPECT_EQ(CustomerOf(engine, "c1").strategy, Strategy::kGrow);
  engine.SetThresholds(StrategyThresholds{.min_key_persons = 2});
  EXPECT_EQ(CustomerOf(engine, "c1").strategy, Strategy::kRetain);
}

}  // namespace
}  // namespace brm::engine
