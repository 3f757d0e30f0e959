// The store contract for visibility (SPEC.md §7) in Get and List, over the fixture bundle
// (tests/fixtures/small_bundle.json): customer c1 is owned by u-rep1, c2 by u-rep2; org-ours and comp1 are
// not customers. Runs against every backend of store_contract.hpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "service/bundle.hpp"
#include "store/store_contract.hpp"

namespace brm {
namespace {
using testing::TempDir;

// Space-separated ids, in recording order.
std::vector<std::string> Split(const std::string& ids) {
  std::istringstream in(ids);
  std::vector<std::string> out;
  for (std::string id; in >> id;) out.push_back(id);
  return out;
}

const std::string kOurPeople = "e-admin e-ceo e-mgr e-rep1 e-rep2 e-staff";
const std::string kTeams = "t-root t-east t-west";
const std::string kUsers = "u-admin u-ceo u-mgr u-rep1 u-rep2 u-staff";

// Everything in the fixture, kind by kind.
const std::map<Kind, std::string> kEverything = {
    {Kind::kOrganization, "org-ours c1 c2 comp1"}, {Kind::kDepartment, "d1 d2 d3"},
    {Kind::kPerson, kOurPeople + " p1 p2 p3 p4 x1"}, {Kind::kTeam, kTeams}, {Kind::kUser, kUsers},
    {Kind::kReporting, "rl1"}, {Kind::kInfluence, "i1 i2 i3 i4"}, {Kind::kOpportunity, "o1 o2"},
    {Kind::kChainMember, "m1 m2"}, {Kind::kRating, "r1 r2 r3 r4 r5"}, {Kind::kVote, "v1"},
    {Kind::kActivity, "a1"}, {Kind::kInfluenceUse, "iu1"},
};

OwnerFilter Owners(std::vector<std::string> owners) { return OwnerFilter{.owners = std::move(owners)}; }

class StoreVisibility : public ::testing::TestWithParam<testing::StoreBackend> {
 protected:
  // The bundle is imported once per backend and shared by the suite's tests, which only read.
  struct Imported {
    TempDir dir;
    std::unique_ptr<Store> store;
  };
  static std::map<std::string, std::unique_ptr<Imported>>& Stores() {
    static std::map<std::string, std::unique_ptr<Imported>> stores;
    return stores;
  }
  static void TearDownTestSuite() { Stores().clear(); }

  void SetUp() override {
    std::unique_ptr<Imported>& slot = Stores()[GetParam().name];
    if (!slot) {
      slot = std::make_unique<Imported>();
      slot->store = GetParam().open(slot->dir.path());
      auto source = ReadBundleFile(std::string(BRM_FIXTURES) + "/small_bundle.json");
      ASSERT_TRUE(source.ok()) << source.error().message;
      auto report = ImportBundle(*slot->store, "system", **source);
      ASSERT_TRUE(report.ok()) << report.error().message;
    }
    store_ = slot->store.get();
  }

  // For every kind: List returns exactly `sees` (ids in recording order, total before paging). Kinds absent
  // from `sees` show nothing. Get is not filtered: the access policy decides before asking for one record.
  void ExpectSees(const OwnerFilter& filter, const std::map<Kind, std::string>& sees) {
    for (const auto& [kind, all] : kEverything) {
      SCOPED_TRACE(std::string(Spec(kind).collection));
      const auto it = sees.find(kind);
      const std::vector<std::string> expected = Split(it == sees.end() ? "" : it->second);
      Page page = store_->List(kind, ListQuery{.limit = 1000}, filter);
      std::vector<std::string> listed;
      for (const Record& record : page.items) listed.push_back(record.id);
      EXPECT_EQ(listed, expected);
      EXPECT_EQ(page.total, expected.size());
    }
  }

  Store* store_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreVisibility, ::testing::ValuesIn(testing::StoreBackends()),
                         testing::BackendName);

TEST_P(StoreVisibility, AllModeSeesEveryRecord) {
  for (const auto& [kind, ids] : kEverything) {
    EXPECT_EQ(store_->Count(kind), Split(ids).size()) << Spec(kind).collection << ": the fixture as imported";
  }
  ExpectSees(OwnerFilter{}, kEverything);
  EXPECT_TRUE(store_->Get(Kind::kPerson, "p4"));
}

TEST_P(StoreVisibility, ARepSeesTheirCustomerWithEverythingHangingOffItAndEveryNonCustomer) {
  // u-rep1 owns c1: its departments, people (p1 p2 p3), the reporting line and chain of o1 between them,
  // their ratings r1–r4, vote and activity; i4 (e-rep2 → p4) and iu1 (on o2) belong to c2.
  ExpectSees(Owners({"u-rep1"}),
             {{Kind::kOrganization, "org-ours c1 comp1"}, {Kind::kDepartment, "d1 d2"},
              {Kind::kPerson, kOurPeople + " p1 p2 p3 x1"}, {Kind::kTeam, kTeams}, {Kind::kUser, kUsers},
              {Kind::kReporting, "rl1"}, {Kind::kInfluence, "i1 i2 i3"}, {Kind::kOpportunity, "o1"},
              {Kind::kChainMember, "m1 m2"}, {Kind::kRating, "r1 r2 r3 r4"}, {Kind::kVote, "v1"},
              {Kind::kActivity, "a1"}});
}

TEST_P(StoreVisibility, AnotherRepSeesNothingOfACustomerTheyDoNotOwn) {
  ExpectSees(Owners({"u-rep2"}),
             {{Kind::kOrganization, "org-ours c2 comp1"}, {Kind::kDepartment, "d3"},
              {Kind::kPerson, kOurPeople + " p4 x1"}, {Kind::kTeam, kTeams}, {Kind::kUser, kUsers},
              {Kind::kInfluence, "i4"}, {Kind::kOpportunity, "o2"}, {Kind::kRating, "r5"},
              {Kind::kInfluenceUse, "iu1"}});
}

TEST_P(StoreVisibility, InfluenceLinksNeedBothEndsVisible) {
  // e-rep2 is visible to rep1 but p4 is not; x1 (a competitor's) is visible to rep2 but p3 is not.
  EXPECT_EQ(store_->List(Kind::kInfluence, ListQuery{.ids = {"i4"}}, Owners({"u-rep1"})).total, 0u);
  EXPECT_EQ(store_->List(Kind::kPerson, ListQuery{.ids = {"e-rep2"}}, Owners({"u-rep1"})).total, 1u);
  EXPECT_EQ(store_->List(Kind::kInfluence, ListQuery{.ids = {"i3"}}, Owners({"u-rep2"})).total, 0u);
  EXPECT_EQ(store_->List(Kind::kPerson, ListQuery{.ids = {"x1"}}, Owners({"u-rep2"})).total, 1u);
}

TEST_P(StoreVisibility, OwnersWithoutCustomersSeeOnlyNonCustomerOrganizations) {
  ExpectSees(Owners({}), {{Kind::kOrganization, "org-ours comp1"}, {Kind::kPerson, kOurPeople + " x1"},
                          {Kind::kTeam, kTeams}, {Kind::kUser, kUsers}});
  ExpectSees(Owners({"u-mgr"}), {{Kind::kOrganization, "org-ours comp1"}, {Kind::kPerson, kOurPeople + " x1"},
                                 {Kind::kTeam, kTeams}, {Kind::kUser, kUsers}});
}

TEST_P(StoreVisibility, SeveralOwnersSeeTheUnionOfTheirCustomers) {
  ExpectSees(Owners({"u-rep1", "u-rep2"}), kEverything);
}

TEST_P(StoreVisibility, ListAppliesVisibilityBeforeFilteringCountingAndPaging) {
  // rep1 sees 10 people (6 of ours, p1 p2 p3, x1); the last two of them are p3 and x1.
  Page page = store_->List(Kind::kPerson, ListQuery{.offset = 8, .limit = 5}, Owners({"u-rep1"}));
  EXPECT_EQ(page.total, 10u);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, "p3");
  EXPECT_EQ(page.items[1].id, "x1");
  page = store_->List(Kind::kOrganization, ListQuery{.equals = {{fields::org::kKind, "customer"}}}, Owners({"u-rep1"}));
  EXPECT_EQ(page.total, 1u);
  EXPECT_EQ(store_->List(Kind::kPerson, ListQuery{.search = "周强"}, Owners({"u-rep1"})).total, 0u);
  EXPECT_EQ(store_->List(Kind::kPerson, ListQuery{.search = "周强"}, Owners({"u-rep2"})).total, 1u);
  page = store_->List(Kind::kPerson, ListQuery{.ids = {"p4", "p1", "nope"}}, Owners({"u-rep1"}));
  EXPECT_EQ(page.total, 1u) << "p4 is rep2's";
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, "p1");
  EXPECT_EQ(store_->List(Kind::kPerson, ListQuery{.ids = {"p4", "p1"}}, OwnerFilter{}).total, 2u);
}

}  // namespace
}  // namespace brm
