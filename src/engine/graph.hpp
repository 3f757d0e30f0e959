// Graph: the whole tenant in memory, laid out for figures as of any date (SPEC.md §2, §4).
//
// Records come in as domain Records (Apply), in the order they were recorded; ids are interned to dense
// indexes per kind, so references are plain integers. A reference to an id not seen yet creates a
// placeholder that the referenced record fills in when it arrives. Fact histories (ratings, votes) are
// kept sorted by (date, recording order) per key, so "the value as of D" is a binary search.
//
// Threads: not synchronised; Engine (engine.hpp) guards a Graph with a reader-writer lock.
#pragma once

#include <cstdint>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/date.hpp"
#include "domain/record.hpp"

namespace brm::engine {

using Idx = uint32_t;
inline constexpr Idx kNone = std::numeric_limits<Idx>::max();

inline constexpr Date kMinDate{std::numeric_limits<int32_t>::min()};
inline constexpr Date kMaxDate{std::numeric_limits<int32_t>::max()};

// [since, until): null since is kMinDate, null until kMaxDate.
struct Interval {
  Date since = kMinDate;
  Date until = kMaxDate;
  bool On(Date day) const { return since <= day && day < until; }
};

// Attitudes and yes/no votes as small numbers: +2 … −2 for attitudes, 1/0 for yes/no, kUnknown for unknown.
inline constexpr int8_t kUnknown = 127;
enum class Dimension : uint8_t { kCloseness, kSolution, kPrice };
inline constexpr int kDimensions = 3;
inline constexpr Dimension kAllDimensions[] = {Dimension::kCloseness, Dimension::kSolution, Dimension::kPrice};
enum class OrgKind : uint8_t { kCustomer, kOurs, kCompetitor, kPartner, kMissing };
enum class VoteKind : uint8_t { kVeto, kApprove };

// A target of ratings: kOurs, or the organization index of a competitor.
inline constexpr Idx kOurs = kNone;

struct Organization {
  OrgKind kind = OrgKind::kMissing;
  Idx owner = kNone;  // user
  bool focus = false;
  Interval life;
  std::vector<Idx> people;       // every person whose org this is
  std::vector<Idx> departments;  // every department of the organization, in id order
  std::vector<Idx> opportunities;
  std::vector<Idx> models;  // milestone models of this customer
  std::string name;
  // What a customer's figures read of its opportunities (the open count and amount), in the order of
  // `opportunities`, in one short block instead of one scattered opportunity each. Graph keeps it
  // (RefreshOpen) whenever an opportunity is written; after a bulk load, at Compact.
  struct OpenSpan {
    Date opened, closed;
    double amount = 0;
    bool On(Date day) const { return opened <= day && day < closed; }
  };
  std::vector<OpenSpan> open;
};

struct Department {
  Idx org = kNone;
  Idx parent = kNone;
  Interval life;
  std::vector<Idx> people;
  std::string name;
};

// One dated fact of a history: a rating or a vote.
struct FactPoint {
  Date date;
  uint32_t seq = 0;  // recording order, unique over all facts
  Date until = kMaxDate;
  int8_t value = kUnknown;
};

// Histories up to this long are scanned point by point (ValueAt, ValuesAt) rather than searched: a key
// person's are a few points each, and one pass without a branch per point serves every day at once.
inline constexpr size_t kScannedHistory = 16;

// The value of the latest point dated on or before `day` that is still active on `day` (until > day), in
// a history sorted by (date, seq); kUnknown if none.
int8_t SearchedValueAt(std::span<const FactPoint> points, Date day);  // by binary search, any length
inline int8_t ValueAt(std::span<const FactPoint> points, Date day) {
  if (points.size() > kScannedHistory) return SearchedValueAt(points, day);
  int8_t value = kUnknown;
  for (const FactPoint& point : points) {  // a mask, not a branch: whether a point holds is not predictable
    const int8_t holds = -static_cast<int8_t>((point.date.days <= day.days) & (day.days < point.until.days));
    value = static_cast<int8_t>((point.value & holds) | (value & ~holds));
  }
  return value;
}

// Four int32 lanes in one vector register (GCC vector extension): the customer figures' four days, and
// what they count on each. A comparison gives −1 in the lanes where it holds, 0 elsewhere.
using Lanes = int32_t __attribute__((vector_size(16)));
inline Lanes Broadcast(int32_t value) { return Lanes{value, value, value, value}; }

// ValueAt on four days at once (days.days in lanes): one pass over a short history, without a branch per
// point; a longer one is searched day by day.
inline Lanes ValuesAt(std::span<const FactPoint> points, const Lanes& days) {
  if (points.size() > kScannedHistory) {
    Lanes values;
    for (int w = 0; w < 4; ++w) values[w] = SearchedValueAt(points, Date{days[w]});
    return values;
  }
  // Sorted by (date, seq): the last point dated on or before a day and still active on it is its value.
  Lanes values = Broadcast(kUnknown);
  for (const FactPoint& point : points) {
    const Lanes holds = (Broadcast(point.date.days) <= days) & (days < Broadcast(point.until.days));
    values = holds ? Broadcast(point.value) : values;
  }
  return values;
}

// The history of one key: sorted by (date, seq).
struct Series {
  Dimension dimension = Dimension::kCloseness;
  Idx toward = kOurs;
  Idx opportunity = kNone;  // kNone: customer level
  std::vector<FactPoint> points;

  int8_t At(Date day) const { return ValueAt(points, day); }
};

struct ActivityPoint {
  Date date;
  uint32_t seq = 0;
  Idx opportunity = kNone;
  Date until = kMaxDate;
};

// The histories every customer figure reads, kept in one block per person for speed: the customer-level
// ratings toward ours of each dimension (kinds 0–2, by Dimension), the two votes (kinds 3–4, by VoteKind),
// and when the person is acquainted over the whole company (kind 5, kHotAcquainted): one point per incoming
// influence link that may count, dated from when the link and both its persons are on to when the first of
// them ends, with value 1 — so that "some counting link points to the person on D" (SPEC.md §4) is
// ValueAt(…, D) != kUnknown, read from the block the figures already hold instead of from each link and
// the person it comes from. Graph keeps it (RefreshAcquainted) whenever a link or a person changes.
inline constexpr int kHotKinds = 6;
inline constexpr int HotVote(VoteKind kind) { return 3 + static_cast<int>(kind); }
inline constexpr int kHotAcquainted = 5;

struct Person {
  // What figures read first, together at the start of the struct.
  Idx org = kNone;
  Idx department = kNone;
  bool key = false;
  bool exists = false;      // false for a placeholder only referenced so far
  uint8_t importance = 3;   // index in vocab::kImportance
  uint8_t orientation = 6;  // index in vocab::kOrientation (6 = unknown)
  Interval life;
  std::vector<FactPoint> hot;                     // the hot histories, kind after kind, each sorted by (date, seq)
  std::array<uint32_t, kHotKinds - 1> hot_end{};  // where each kind but the last ends in `hot`
  // (20 + 24 + 20 bytes: what a customer figure reads of a person fits one cache line.)

  // The points of one hot kind.
  std::span<const FactPoint> Hot(int kind) const {
    const uint32_t begin = kind == 0 ? 0 : hot_end[kind - 1];
    const uint32_t end = kind == kHotKinds - 1 ? static_cast<uint32_t>(hot.size()) : hot_end[kind];
    return std::span<const FactPoint>(hot.data() + begin, end - begin);
  }

  std::string title;
  std::string name;
  std::vector<Series> ratings;            // every other rating history (project level, toward competitors)
  std::vector<ActivityPoint> activities;  // sorted by date
  std::vector<Idx> links_in, links_out;   // influence links
  std::vector<Idx> manages;               // reporting lines where this person is the manager
  std::vector<Idx> memberships;           // chain members
  std::vector<Idx> uses;                  // influence uses where this person is the employee
};

struct Team {
  Idx parent = kNone;
  Idx manager = kNone;  // user
  Interval life;
  std::vector<Idx> children;
  std::vector<Idx> users;
};

struct User {
  Idx person = kNone;
  Idx team = kNone;
  uint8_t role = 4;  // index in vocab::kUserRoles
  bool active = false;
  Interval life;
  std::string login;
};

struct ReportingLine {
  Idx person = kNone, manager = kNone;
  Interval life;
};

struct InfluenceLink {
  Idx from = kNone, to = kNone;
  uint8_t strength = 2;  // index in vocab::kStrengths
  Interval life;
};

enum class OpportunityStatus : uint8_t { kOpen, kWon, kLost, kAbandoned };

// An amount that is not known (null in the record).
inline constexpr double kNoAmount = std::numeric_limits<double>::quiet_NaN();

struct Opportunity {
  Idx customer = kNone;
  Idx owner = kNone;
  double amount = 0;
  OpportunityStatus status = OpportunityStatus::kOpen;
  Date opened = kMinDate;  // a missing opened date never excludes the opportunity
  Date closed = kMaxDate;
  double win_probability = 0;
  bool focus = false;
  Interval life;
  std::string name;
  std::vector<Idx> members;
  std::vector<Idx> uses;
  // Project history (SPEC.md §8.1): the opportunity's fields, then its records by kind.
  uint8_t type = 0;     // index in vocab::kOpportunityType
  uint8_t method = 5;   // index in vocab::kTenderMethods (5 = unknown)
  uint8_t rule = 2;     // index in vocab::kAwardRules (2 = unknown)
  std::vector<uint8_t> conditions;  // indexes in vocab::kConditions, in the record's order
  double budget = kNoAmount, our_bid = kNoAmount, winning_bid = kNoAmount;
  Idx winner = kNone;  // organization
  std::string scope, conditions_text;
  std::vector<Idx> milestones, criteria, vendors, quotes, documents, lessons;
  std::vector<Idx> links;  // project links from or to this opportunity

  bool OpenOn(Date day) const { return opened <= day && day < closed; }
};

// The project-history records (SPEC.md §8.1); `life` is the record's validity interval.
struct MilestoneModel {
  Idx customer = kNone;  // kNone: the company default
  std::vector<std::string> kinds;
  Interval life;
  bool exists = false;
};

struct Milestone {
  Idx opportunity = kNone;
  std::string kind;
  Date date;
  Interval life;
};

struct ProjectLink {
  Idx from = kNone, to = kNone;  // opportunities
  uint8_t kind = 3;              // index in vocab::kLinkKinds
  Interval life;
};

struct Criterion {
  Idx opportunity = kNone;
  std::string item;
  double weight = 0, our_score = kNoAmount, best_score = kNoAmount;
  Interval life;
};

struct Vendor {
  Idx opportunity = kNone, org = kNone;
  uint8_t result = 3;  // index in vocab::kVendorResults (3 = unknown)
  int32_t rank = 0;    // 0: not known
  Interval life;
};

struct Quote {
  Idx opportunity = kNone, org = kNone;
  int32_t round = 1;
  double price = 0;
  Date date;
  Interval life;
};

struct Document {
  Idx opportunity = kNone;
  std::string name, sha256;
  uint8_t kind = 6;  // index in vocab::kDocumentKinds (6 = other)
  double size = kNoAmount;
  Date date;
  Interval life;
};

struct Lesson {
  Idx opportunity = kNone;
  uint8_t kind = 2;  // index in vocab::kLessonKinds
  std::vector<std::string> tags;
  Date date;
  Interval life;
};

// A task (work, not a figure): what the access policy needs to decide who sees it — what it concerns, its
// assignee and its author.
struct Task {
  Idx customer = kNone, opportunity = kNone, person = kNone;
  Idx assignee = kNone, by = kNone;
};

// What a user decided about a warning (a fact): the warning's key (kind, customer, opportunity, person), the
// decision, and what the warning was when it was taken. Read by warning_states.hpp.
struct WarningDecision {
  uint8_t kind = 0;      // index in vocab::kWarningKinds
  uint8_t status = 0;    // index in vocab::kDecisionStatus
  uint8_t severity = 2;  // index in vocab::kSeverities
  Idx customer = kNone, opportunity = kNone, person = kNone;
  Idx by = kNone;
  Date snoozed_until = kMaxDate;
  Date date;
  Date until = kMaxDate;
  double facts = 0;
  std::string reason;
};

// A warning's key: its kind and what it concerns.
struct WarningKey {
  uint8_t kind = 0;
  Idx customer = kNone, opportunity = kNone, person = kNone;
  bool operator==(const WarningKey&) const = default;
};
struct WarningKeyHash {
  size_t operator()(const WarningKey& key) const {
    uint64_t h = key.kind;
    for (Idx part : {key.customer, key.opportunity, key.person}) h = h * 0x9E3779B97F4A7C15ull + part;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

struct ChainMember {
  Idx opportunity = kNone, person = kNone;
  uint8_t role = 9;      // index in vocab::kDecisionRoles
  int8_t veto = kUnknown, approve = kUnknown;  // 1 yes, 0 no
  Interval life;
};

struct InfluenceUse {
  Idx opportunity = kNone, employee = kNone, person = kNone;
  Date date;
  Date until = kMaxDate;
};

// Dense indexes for the ids of one kind.
class Ids {
 public:
  // The index of `id`, creating it when new.
  Idx Intern(std::string_view id);
  // The index of `id`, or kNone.
  Idx Find(std::string_view id) const;
  // Appends an id known to be new (a bulk load from a store holds each id once) without looking it up;
  // the table is built once, at the next Intern or Find.
  Idx Append(std::string_view id) {
    ids_.emplace_back(id);
    return static_cast<Idx>(ids_.size() - 1);
  }
  const std::string& Id(Idx index) const { return ids_[index]; }
  size_t size() const { return ids_.size(); }

  // For lookups done in batches (Graph::ApplyBatch): brings the table's slot for `id` into the cache, and
  // then the index that slot holds when its tag matches (kNone otherwise) — a hint for more prefetching,
  // not an answer: only Find compares the id itself.
  static uint64_t Hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  void PrefetchSlot(uint64_t hash) const;
  Idx Candidate(uint64_t hash) const;

 private:
  // An open-addressing table over ids_ (linear probing, at most half full): each slot holds the upper
  // 32 bits of the id's hash and its index + 1 (0: empty), so that a lookup reads one slot and compares
  // one string, instead of chasing a node per entry — loading 2 million ratings' ids is a third of a
  // large tenant's start-up with a node-based map, and the map kept a second copy of every id.
  size_t Slot(std::string_view id, uint64_t hash) const;
  // Makes the table hold every id of ids_, at most half full (`extra`: room for that many more first).
  void Settle(size_t extra) const;
  mutable std::vector<uint64_t> slots_;
  mutable size_t indexed_ = 0;  // ids_[0, indexed_) are in the table
  std::vector<std::string> ids_;
};

struct CompanyRhythm;  // project_history.hpp

// The company's rhythm samples per day (SPEC.md §8.2), costly and asked by every history, project view and
// milestone warning: kept until a write that may change them. Readers share it; Graph::Apply clears it
// under the engine's write lock. A copy starts empty.
class RhythmCache {
 public:
  RhythmCache() = default;
  RhythmCache(const RhythmCache&) {}
  RhythmCache& operator=(const RhythmCache&) {
    Clear();
    return *this;
  }
  std::shared_ptr<const CompanyRhythm> Find(Date day) const {
    std::lock_guard lock(mutex_);
    auto it = days_.find(day.days);
    return it == days_.end() ? nullptr : it->second;
  }
  void Put(Date day, std::shared_ptr<const CompanyRhythm> rhythm) const {
    std::lock_guard lock(mutex_);
    if (days_.size() >= kMaxDays) days_.clear();
    days_[day.days] = std::move(rhythm);
  }
  void Clear() {
    std::lock_guard lock(mutex_);
    days_.clear();
  }

 private:
  static constexpr size_t kMaxDays = 64;
  mutable std::mutex mutex_;
  mutable std::map<int32_t, std::shared_ptr<const CompanyRhythm>> days_;
};

class Graph {
 public:
  // Adds or replaces the record with its kind and id. Facts (ratings, votes, activities, influence
  // uses) are history: applying a known fact again only updates its `until`.
  void Apply(const Record& record);
  // Applies the records in order, exactly as Apply one after another. For the facts among them (ratings,
  // votes, activities) it first brings what each will touch into the cache — its person's slot in the id
  // table, then the id and the person, then the end of the history it grows — with all of a batch's
  // lookups in flight at once: a bulk load otherwise waits on one cache miss after another, as facts
  // meet their persons in no particular order.
  void ApplyBatch(std::span<const Record> records);

  // Lays the persons' hot histories and incoming links out in person order, each person's right after the
  // previous one's, so that figures over a customer read memory sequentially. Call after a bulk load.
  void Compact();

  Ids& ids(Kind kind) { return ids_[static_cast<size_t>(kind)]; }
  const Ids& ids(Kind kind) const { return ids_[static_cast<size_t>(kind)]; }
  const std::string& Id(Kind kind, Idx index) const { return ids(kind).Id(index); }
  // The rating (an index of Kind::kRating) whose point carries `seq` (FactPoint::seq); kNone when none does.
  Idx RatingWithSeq(uint32_t seq) const;

  std::vector<Organization> orgs;
  std::vector<Department> departments;
  std::vector<Person> people;
  std::vector<Team> teams;
  std::vector<User> users;
  std::vector<ReportingLine> reporting;
  std::vector<InfluenceLink> links;
  std::vector<Opportunity> opportunities;
  std::vector<ChainMember> members;
  std::vector<InfluenceUse> uses;
  std::vector<MilestoneModel> models;
  std::vector<Milestone> milestones;
  std::vector<ProjectLink> project_links;
  std::vector<Criterion> criteria;
  std::vector<Vendor> vendors;
  std::vector<Quote> quotes;
  std::vector<Document> documents;
  std::vector<Lesson> lessons;
  std::vector<Task> tasks;
  std::vector<WarningDecision> decisions;
  // The decisions about each warning, in recording order.
  std::unordered_map<WarningKey, std::vector<Idx>, WarningKeyHash> decisions_by_key;
  std::vector<Idx> company_models;  // milestone models without a customer (the company default)
  RhythmCache rhythm_cache;
  // Write stamps, for the caches of figures (line_cache.hpp): `touches` counts the writes applied;
  // org_touched[org] is that count at the last write that may change a figure of the organization
  // (a customer's metrics), all_touched at the last write that may change any.
  // Off while a graph is loaded in bulk (nothing cached of it yet); the Engine turns them on.
  bool stamping = false;
  // On while a graph is loaded from a store, which holds each record once: the ids of facts and of the
  // records nothing refers to (reporting lines, influence links, chain members) are appended without a
  // lookup (Ids::Append). Compact turns it off.
  bool bulk = false;
  uint64_t touches = 0, all_touched = 0;
  std::vector<uint64_t> org_touched;
  // The count at the last write that may change a figure of `org` (0: none since the graph was made).
  uint64_t TouchedAt(Idx org) const { return std::max(all_touched, org < org_touched.size() ? org_touched[org] : 0); }
  Idx ours = kNone;             // the organization of kind `ours`
  std::vector<Idx> customers;   // the organizations of kind customer, in id order

 private:
  Idx Ref(Kind kind, const Record& record, int field);
  // Stamps the organizations whose figures the record of `kind` at `index` may change, as the graph
  // holds it now (called before and after a write, so that both what it was and what it is count).
  void TouchEntity(Kind kind, Idx index);
  // Stamps the organizations the record's references lead to.
  void TouchReferences(const Record& record);
  void TouchOrg(Idx org);
  void TouchPerson(Idx person);
  void ApplyRecord(const Record& record);
  void ApplyOrganization(const Record& record);
  void ApplyDepartment(const Record& record);
  void ApplyPerson(const Record& record);
  void ApplyTeam(const Record& record);
  void ApplyUser(const Record& record);
  void ApplyReporting(const Record& record);
  void ApplyInfluence(const Record& record);
  void ApplyOpportunity(const Record& record);
  void ApplyChainMember(const Record& record);
  void ApplyRating(const Record& record);
  void ApplyVote(const Record& record);
  void ApplyActivity(const Record& record);
  void ApplyInfluenceUse(const Record& record);
  void ApplyMilestoneModel(const Record& record);
  void ApplyMilestone(const Record& record);
  void ApplyProjectLink(const Record& record);
  void ApplyCriterion(const Record& record);
  void ApplyVendor(const Record& record);
  void ApplyQuote(const Record& record);
  void ApplyDocument(const Record& record);
  void ApplyLesson(const Record& record);
  void ApplyTask(const Record& record);
  void ApplyWarningDecision(const Record& record);

  template <typename T>
  T& OpportunityRecord(std::vector<T>& table, std::vector<Idx> Opportunity::*list, Kind kind, const Record& record,
                       int field);

  Ids ids_[kKindCount];
  std::array<std::pair<std::string, Idx>, kKindCount> last_ref_{};  // Ref's last id of each kind, and its index
  uint32_t seq_ = 0;
  // Where each fact lives, to retire it: ratings (person, series, seq), votes, activities (person, seq).
  struct FactRef {
    Idx person = kNone;
    int32_t series = -1;  // ratings and votes: index in Person::ratings, or −1 − the hot kind
    uint32_t seq = 0;
  };
  // Adds a point to one of the person's hot histories.
  static void InsertHot(Person& person, int kind, const FactPoint& point);
  // Makes the person's kHotAcquainted history say again what their incoming links and the persons at both
  // ends of them say now. Not during a bulk load: Compact does every person's once, at its end.
  void RefreshAcquainted(Idx person);
  // Makes the organization's `open` say again what its opportunities say now (not during a bulk load).
  void RefreshOpen(Idx org);
  // Sets the until of the fact `ref` points to.
  void Retire(const FactRef& ref, Date until);
  std::vector<FactRef> rating_refs_, vote_refs_, activity_refs_;
};

}  // namespace brm::engine
