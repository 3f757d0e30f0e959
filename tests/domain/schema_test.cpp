#include "domain/schema.hpp"

#include <gtest/gtest.h>

#include "domain/validate.hpp"

namespace brm {
namespace {
namespace f = fields;

TEST(Schema, FieldConstantsMatchTheCatalogue) {
  struct Case { Kind kind; int index; const char* name; };
  const Case cases[] = {
      {Kind::kOrganization, f::org::kOwner, "owner"},     {Kind::kOrganization, f::org::kUntil, "until"},
      {Kind::kDepartment, f::dept::kParent, "parent"},    {Kind::kPerson, f::person::kKey, "key"},
      {Kind::kPerson, f::person::kUntil, "until"},        {Kind::kTeam, f::team::kManager, "manager"},
      {Kind::kUser, f::user::kLanguage, "language"},      {Kind::kUser, f::user::kUntil, "until"},
      {Kind::kReporting, f::reporting::kManager, "manager"}, {Kind::kInfluence, f::influence::kNote, "note"},
      {Kind::kOpportunity, f::opp::kWinProbability, "win_probability"}, {Kind::kOpportunity, f::opp::kUntil, "until"},
      {Kind::kChainMember, f::chain::kApprove, "approve"}, {Kind::kRating, f::rating::kBy, "by"},
      {Kind::kRating, f::rating::kUntil, "until"},        {Kind::kRating, f::rating::kNote, "note"},        {Kind::kVote, f::vote::kUntil, "until"},
      {Kind::kActivity, f::activity::kNote, "note"},      {Kind::kInfluenceUse, f::use::kUntil, "until"},
      {Kind::kTask, f::task::kAssignee, "assignee"},      {Kind::kTask, f::task::kSourceKey, "source_key"},
      {Kind::kTask, f::task::kDate, "date"},              {Kind::kTaskComment, f::comment::kUntil, "until"},
      {Kind::kWarningDecision, f::decision::kFacts, "facts"}, {Kind::kWarningDecision, f::decision::kUntil, "until"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Spec(c.kind).Index(c.name), c.index) << Spec(c.kind).collection << "." << c.name;
  }
  for (const EntitySpec* spec : AllSpecs()) {
    EXPECT_EQ(FindCollection(spec->collection), spec);
    EXPECT_EQ(FindBundleArray(spec->bundle), spec);
    // A task is finished or dismissed and an introduction request answered or withdrawn, never retired;
    // every other record can be.
    if (spec->kind == Kind::kTask || spec->kind == Kind::kIntroduction) {
      EXPECT_EQ(spec->until, -1);
    } else {
      EXPECT_GE(spec->until, 0) << spec->collection << " can be retired";
    }
  }
}

Record Person(std::string id) {
  Record record = BlankRecord(Kind::kPerson);
  record.id = std::move(id);
  record.values[f::person::kOrg] = std::string("c1");
  record.values[f::person::kName] = std::string("赵敏");
  return record;
}

TEST(ValidateFields, AcceptsAMinimalPersonWithFallbacks) {
  const Record person = Person("p1");
  EXPECT_TRUE(ValidateFields(person).ok());
  EXPECT_EQ(person.Text(f::person::kImportance), "unknown");
  EXPECT_EQ(person.Text(f::person::kOrientation), "unknown");
}

TEST(ValidateFields, NamesTheOffendingField) {
  struct Case { int field; Value value; const char* expected_field; };
  const Case cases[] = {
      {f::person::kName, Value{}, "name"},
      {f::person::kName, std::string("   "), "name"},
      {f::person::kName, std::string("a\x01" "b"), "name"},
      {f::person::kImportance, std::string("huge"), "importance"},
      {f::person::kSince, std::string("2025-02-30"), "since"},
      {f::person::kKey, std::string("yes"), "key"},
      {f::person::kTitle, std::string(201, 'x'), "title"},
      {f::person::kOrg, std::string("a/b"), "org"},
  };
  for (const Case& c : cases) {
    Record person = Person("p1");
    person.values[c.field] = c.value;
    const Status status = ValidateFields(person);
    ASSERT_FALSE(status.ok()) << c.expected_field;
    EXPECT_EQ(status.error().field, c.expected_field);
    EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  }
}

TEST(ValidateFields, RefusesUntilBeforeSinceAndBadIds) {
  Record person = Person("p1");
  person.values[f::person::kSince] = std::string("2025-05-01");
  person.values[f::person::kUntil] = std::string("2025-04-30");
  EXPECT_EQ(ValidateFields(person).error().field, "until");
  person.values[f::person::kUntil] = std::string("2025-05-01");
  EXPECT_TRUE(ValidateFields(person).ok()) << "an empty interval is allowed";
  EXPECT_EQ(ValidateFields(Person("")).error().field, "id");
  EXPECT_EQ(ValidateFields(Person(std::string(129, 'x'))).error().field, "id");
}

TEST(ValidateFields, ChecksNumberRanges) {
  Record opp = BlankRecord(Kind::kOpportunity);
  opp.id = "o1";
  opp.values[f::opp::kCustomer] = std::string("c1");
  opp.values[f::opp::kName] = std::string("升级");
  opp.values[f::opp::kOpened] = std::string("2025-01-01");
  EXPECT_TRUE(ValidateFields(opp).ok());
  opp.values[f::opp::kWinProbability] = 1.5;
  EXPECT_EQ(ValidateFields(opp).error().field, "win_probability");
  opp.values[f::opp::kWinProbability] = 0.5;
  opp.values[f::opp::kAmount] = -1.0;
  EXPECT_EQ(ValidateFields(opp).error().field, "amount");
}

class MapLookup : public Lookup {
 public:
  void Add(Record record) { records_.push_back(std::move(record)); }
  const Record* Find(Kind kind, std::string_view id) override {
    for (const Record& r : records_) {
      if (r.kind == kind && r.id == id) return &r;
    }
    return nullptr;
  }

 private:
  std::vector<Record> records_;
};

Record Org(std::string id, std::string kind) {
  Record org = BlankRecord(Kind::kOrganization);
  org.id = std::move(id);
  org.values[f::org::kName] = std::string("名");
  org.values[f::org::kKind] = std::move(kind);
  return org;
}

TEST(ValidateReferences, DefaultsKeyByOrganizationKind) {
  MapLookup lookup;
  lookup.Add(Org("c1", "customer"));
  lookup.Add(Org("ours", "ours"));
  Record customer_person = Person("p1");
  ASSERT_TRUE(ValidateReferences(customer_person, lookup).ok());
  EXPECT_EQ(customer_person.values[f::person::kKey], Value{true});
  Record employee = Person("e1");
  employee.values[f::person::kOrg] = std::string("ours");
  ASSERT_TRUE(ValidateReferences(employee, lookup).ok());
  EXPECT_EQ(employee.values[f::person::kKey], Value{false});
  Record explicit_key = Person("p2");
  explicit_key.values[f::person::kKey] = false;
  ASSERT_TRUE(ValidateReferences(explicit_key, lookup).ok());
  EXPECT_EQ(explicit_key.values[f::person::kKey], Value{false});
}

TEST(ValidateReferences, RefusesMissingReferencesAndWrongKinds) {
  MapLookup lookup;
  lookup.Add(Org("c1", "customer"));
  lookup.Add(Org("x", "competitor"));
  Record orphan = Person("p1");
  orphan.values[f::person::kOrg] = std::string("nope");
  const Status missing = ValidateReferences(orphan, lookup);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "org");
  EXPECT_EQ(missing.error().code, ErrorCode::kUnprocessable);

  Record opp = BlankRecord(Kind::kOpportunity);
  opp.id = "o1";
  opp.values[f::opp::kCustomer] = std::string("x");
  opp.values[f::opp::kName] = std::string("n");
  opp.values[f::opp::kOpened] = std::string("2025-01-01");
  EXPECT_EQ(ValidateReferences(opp, lookup).error().field, "customer");

  lookup.Add(Person("p1"));
  Record rating = BlankRecord(Kind::kRating);
  rating.id = "r1";
  rating.values[f::rating::kPerson] = std::string("p1");
  rating.values[f::rating::kDimension] = std::string("closeness");
  rating.values[f::rating::kValue] = std::string("support");
  rating.values[f::rating::kDate] = std::string("2025-01-01");
  EXPECT_TRUE(ValidateReferences(rating, lookup).ok()) << "toward defaults to ours";
  rating.values[f::rating::kToward] = std::string("x");
  EXPECT_TRUE(ValidateReferences(rating, lookup).ok());
  rating.values[f::rating::kToward] = std::string("c1");
  EXPECT_EQ(ValidateReferences(rating, lookup).error().field, "toward");

  Record owned = Org("x2", "competitor");
  owned.values[f::org::kOwner] = std::string("u1");
  Record user = BlankRecord(Kind::kUser);
  user.id = "u1";
  lookup.Add(user);
  EXPECT_EQ(ValidateReferences(owned, lookup).error().field, "owner");
}

TEST(ValidateReferences, RefusesDepartmentLoops) {
  MapLookup lookup;
  lookup.Add(Org("c1", "customer"));
  Record a = BlankRecord(Kind::kDepartment);
  a.id = "a";
  a.values[f::dept::kOrg] = std::string("c1");
  a.values[f::dept::kName] = std::string("A");
  a.values[f::dept::kParent] = std::string("b");
  Record b = a;
  b.id = "b";
  b.values[f::dept::kParent] = std::string("a");
  lookup.Add(a);
  lookup.Add(b);
  EXPECT_EQ(ValidateReferences(a, lookup).error().field, "parent");
}

}  // namespace
}  // namespace brm
