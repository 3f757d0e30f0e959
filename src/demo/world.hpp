// The generator's working state: compact drafts of the company that later stages read (who owns which
// customer, who is in which chain, who knows whom) next to the bundle being filled. Internal to demo/.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/demo.hpp"
#include "demo/names.hpp"
#include "demo/random.hpp"
#include "demo/trajectory.hpp"
#include "domain/record.hpp"

namespace brm::demo {

inline constexpr int32_t kNoDay = INT32_MIN;    // a `since` left null
inline constexpr int32_t kForever = INT32_MAX;  // an `until` left null

// A validity interval [from, to) in day numbers; null ends are kNoDay / kForever.
struct Span {
  int32_t from = kNoDay;
  int32_t to = kForever;
  bool Contains(int32_t day) const { return from <= day && day < to; }
};

enum class Rank : uint8_t { kTop, kHead, kDeputy, kMember };

// Project history (SPEC.md §8): the most kinds a demo milestone model has.
inline constexpr size_t kMaxMilestones = 9;
// How a customer buys: its milestone model, tender methods and rules follow.
enum class Pattern : uint8_t { kGovernment, kStateOwned, kPrivate };
enum class Role : uint8_t { kNone, kRep, kManager, kExecutive, kAdmin, kStaff };

struct CustomerDraft {
  std::string id;
  std::string short_name;
  int region = 0, industry = 0;
  bool focus = false;
  bool fresh = false;   // won during the history: one or two key persons, votes not yet known
  bool mapped = false;  // well mapped: every key person rated, voted, oriented and known by someone
  uint32_t owner = 0;   // index into World::users
  Span span;
  uint32_t first_key = 0, key_count = 0;  // its key persons: key_persons[first_key, first_key + key_count)
  Trajectory trajectory;
  uint8_t competitors = 0;  // bit i: competitor i works this account
  float rival = 0;          // the competitors' standing with this customer
  Pattern pattern = Pattern::kPrivate;
  uint8_t model = 0;  // index into the demo's milestone models (history_plan.cpp)
  std::array<uint8_t, kMaxMilestones> rhythm{};  // days from kind i to kind i + 1 of its model
};

struct KeyPerson {
  uint32_t person = 0;  // index into World::person_ids
  uint32_t customer = 0;
  Span span;
  Rank rank = Rank::kMember;
  Unit unit = Unit::kBusiness;
  uint8_t importance = 3;  // index into vocab::kImportance
  bool rated = true;       // un-insighted persons were never rated
  bool voted = true;
  int8_t blind = -1;  // a dimension whose value is never known, or −1
  float bias = 0;     // the person's offset from the customer's mean
};

struct Employee {
  uint32_t person = 0;
  Span span;
  OursUnit unit = OursUnit::kResearch;
  Role role = Role::kNone;
  int region = -1;  // sales people only
};

struct UserDraft {
  std::string id;
  Role role = Role::kNone;
  uint32_t employee = 0;
  int region = -1;
};

struct OursLink {
  uint32_t employee = 0;  // index into World::employees
  uint32_t key = 0;       // index into World::key_persons
  uint8_t strength = 0;   // index into vocab::kStrengths
  Span span;
};

struct OpportunityDraft {
  uint32_t customer = 0;
  int32_t opened = 0;
  int32_t closed = kForever;  // kForever while open
  uint8_t status = 0;         // index into vocab::kOpportunityStatus
  bool focus = false;
  float mood = 0, drift = 0;  // the project-level offset at opening, and how far it moves by the close
  uint32_t first_member = 0, member_count = 0;
  uint8_t reached = 0;  // milestones reached: the first `reached` kinds of the customer's model
  std::array<int32_t, kMaxMilestones> milestones{};  // their days
  int32_t LastDay(int32_t end) const { return closed == kForever ? end : closed; }
};

struct Member {
  uint32_t opportunity = 0;
  uint32_t key = 0;
  Span span;
};

// One dated fact before it becomes a record; sorted by (day, seq) so facts come out in date order.
struct FactDraft {
  int32_t day = 0;
  uint32_t seq = 0;
  uint32_t key = 0;  // key person
  int32_t opportunity = -1;
  uint32_t other = 0;           // employee (influence use) or user (activity `by`)
  // rating: dimension, value, toward; vote: kind, value; activity: kind, note; influence use: -, note
  uint8_t a = 0, b = 0, c = 0;
};

class World {
 public:
  World(const DemoConfig& config, const Progress& progress);

  const DemoConfig& config;
  const DemoPlan plan;
  const int32_t start;  // end − 24 months: facts lie in [start, end]
  const int32_t end;
  MemoryBundle bundle;

  std::vector<std::string> person_ids;
  std::vector<Employee> employees;
  std::vector<UserDraft> users;
  std::array<std::vector<uint32_t>, kRegionCount> region_reps;  // user indices
  std::array<uint32_t, kRegionCount> region_manager{};          // user index
  std::vector<uint32_t> staff_users;
  std::vector<std::string> competitor_ids;
  std::vector<std::vector<uint32_t>> competitor_staff;  // person indices per competitor
  std::vector<CustomerDraft> customers;
  std::vector<KeyPerson> key_persons;
  std::vector<OursLink> ours_links;    // grouped by key person, see link_offsets
  std::vector<uint32_t> link_offsets;  // links of key k: ours_links[link_offsets[k], link_offsets[k+1])
  std::vector<OpportunityDraft> opportunities;
  std::vector<Member> members;
  std::vector<uint32_t> member_offsets;  // memberships of key k: member_index[member_offsets[k] …]
  std::vector<uint32_t> member_index;

  // Appends a record of `kind` with every field at its fallback.
  Record& Add(Kind kind, std::string id);
  // A new person id (p-000001 …) and its index.
  uint32_t NewPerson();
  // YYYY-MM-DD of `day`; the reference is valid until the next call.
  const std::string& Day(int32_t day);
  // Passes progress on to the caller's callback, if there is one.
  void Report(std::string_view what, size_t done, size_t total) const;

 private:
  const Progress& progress_;
  std::array<Record, kKindCount> prototypes_;
  int person_width_ = 6;
  int32_t day_base_ = 0;
  std::vector<std::string> day_cache_;
  std::string day_scratch_;
};

// Field setters. PutSpan leaves an open end (kNoDay, kForever) null.
void Put(Record& record, int field, std::string_view text);
void PutNumber(Record& record, int field, double number);
void PutFlag(Record& record, int field, bool flag);
void PutSpan(World& world, Record& record, Span span);

int Digits(size_t n);
std::string Numbered(std::string_view prefix, size_t number, int width);
// Gives the records of `kind` the ids prefix + 1, 2, … zero-padded to at least `min_width` digits.
void NumberIds(World& world, Kind kind, std::string_view prefix, int min_width);
// Splits `total` over the weights exactly: each share is the floor of its part, the remainder goes
// one by one to items drawn in a shuffled order.
std::vector<uint32_t> Apportion(uint64_t total, const std::vector<double>& weights, Rng& rng);
// `count` days spread over [first, last]: one in each of `count` equal slices, ascending.
void SpreadDays(Rng& rng, int32_t first, int32_t last, size_t count, std::vector<int32_t>& out);
// The number of kinds in the customer's milestone model.
size_t ModelSize(const CustomerDraft& customer);
// Plans a closed project of the normal scale on the customer's rhythm: opened, closed, milestones,
// reached, from `status` (won, lost or abandoned as vocab::kOpportunityStatus indices 1–3); `first` is
// the earliest opening day. `status` may still change to lost or abandoned: call Close afterwards.
void PlanClosedTimeline(const World& world, Rng& rng, OpportunityDraft& draft, int32_t first);
// Cuts a won timeline to a lost one (the award went elsewhere) or an abandoned one.
void CloseTimeline(const World& world, Rng& rng, OpportunityDraft& draft);
// Plans an open project of the normal scale: some milestones reached, the next one due soon, overdue
// or ahead, as drawn.
void PlanOpenTimeline(const World& world, Rng& rng, OpportunityDraft& draft, int32_t first);
// Sorts facts by date, keeping their creation order (seq) among facts of the same day.
void SortFacts(std::vector<FactDraft>& facts);

// The stages, in order. Each reads what the earlier ones drafted.
void BuildCompany(World& world);        // our company, departments, employees, teams, users, competitors
void BuildCustomers(World& world);      // customers, departments, key persons, reporting lines
void BuildLinks(World& world);          // influence links: internal, ours, competitors'
void DrawPatterns(World& world);        // each customer's buying pattern, milestone model and rhythm
void BuildOpportunities(World& world);  // opportunities and decision chains
void BuildProjectHistory(World& world);  // milestones, links, criteria, vendors, quotes, documents, lessons
void BuildRatings(World& world);
void BuildVotes(World& world);
void BuildActivities(World& world);
void BuildInfluenceUses(World& world);

}  // namespace brm::demo
