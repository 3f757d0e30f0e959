#include "engine/graph.hpp"

#include <algorithm>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/graph_apply.hpp"

namespace brm::engine {
namespace f = fields;
using apply::Ensure;
using apply::Erase;
using apply::Life;
using apply::Relink;
using apply::Slot;
using apply::WordIndex;

namespace {

int8_t YesNo(std::string_view word) {
  if (word == "yes") return 1;
  if (word == "no") return 0;
  return kUnknown;
}

int8_t AttitudeValue(std::string_view word) {
  auto number = vocab::AttitudeNumber(word);
  return number ? static_cast<int8_t>(*number) : kUnknown;
}

bool PointBefore(const FactPoint& a, const FactPoint& b) {
  return a.date < b.date || (a.date == b.date && a.seq < b.seq);
}

// Inserts keeping (date, seq) order; facts mostly arrive in date order, so this is usually a push_back.
template <typename P, typename Less>
void InsertSorted(std::vector<P>& points, P point, Less less) {
  auto it = points.end();
  while (it != points.begin() && less(point, *(it - 1))) --it;
  points.insert(it, point);
}

}  // namespace

int8_t SearchedValueAt(std::span<const FactPoint> points, Date day) {
  auto it = std::upper_bound(points.begin(), points.end(), day,
                             [](Date d, const FactPoint& p) { return d < p.date; });
  while (it != points.begin()) {
    --it;
    if (day < it->until) return it->value;
  }
  return kUnknown;
}

size_t Ids::Slot(std::string_view id, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = hash >> 32;
  for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) return slot;
    if ((entry >> 32) == tag && ids_[static_cast<uint32_t>(entry) - 1] == id) return slot;
  }
}

void Ids::Settle(size_t extra) const {
  const size_t wanted = 2 * (ids_.size() + extra);
  if (wanted > slots_.size()) {
    size_t size = 64;
    while (size < wanted) size *= 2;
    slots_.assign(size, 0);
    indexed_ = 0;
  }
  const size_t mask = slots_.size() - 1;
  for (; indexed_ < ids_.size(); ++indexed_) {
    const uint64_t hash = std::hash<std::string_view>{}(ids_[indexed_]);
    size_t slot = hash & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = (hash >> 32 << 32) | (static_cast<uint64_t>(indexed_) + 1);
  }
}

void Ids::PrefetchSlot(uint64_t hash) const {
  Settle(0);
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
}

Idx Ids::Candidate(uint64_t hash) const {
  if (slots_.empty()) return kNone;
  const uint64_t entry = slots_[hash & (slots_.size() - 1)];
  if (entry == 0 || (entry >> 32) != (hash >> 32)) return kNone;
  return static_cast<Idx>(static_cast<uint32_t>(entry) - 1);
}

Idx Ids::Intern(std::string_view id) {
  Settle(1);
  const uint64_t hash = std::hash<std::string_view>{}(id);
  const size_t slot = Slot(id, hash);
  if (slots_[slot] != 0) return static_cast<Idx>(static_cast<uint32_t>(slots_[slot]) - 1);
  const Idx index = static_cast<Idx>(ids_.size());
  ids_.emplace_back(id);
  slots_[slot] = (hash >> 32 << 32) | (static_cast<uint64_t>(index) + 1);
  indexed_ = ids_.size();
  return index;
}

Idx Ids::Find(std::string_view id) const {
  Settle(0);
  if (slots_.empty()) return kNone;
  const size_t slot = Slot(id, std::hash<std::string_view>{}(id));
  return slots_[slot] == 0 ? kNone : static_cast<Idx>(static_cast<uint32_t>(slots_[slot]) - 1);
}

void Graph::Compact() {
  bulk = false;
  for (size_t i = 0; i < people.size(); ++i) RefreshAcquainted(static_cast<Idx>(i));
  for (size_t i = 0; i < orgs.size(); ++i) RefreshOpen(static_cast<Idx>(i));
  for (const Ids& kind_ids : ids_) kind_ids.Find("");  // builds the tables of ids appended in bulk
  // Copies first, all of them, then swaps: freeing each old block before the next copy would let the
  // allocator hand the same scattered blocks out again.
  std::vector<std::vector<FactPoint>> hot(people.size());
  std::vector<std::vector<Idx>> links(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    hot[i] = people[i].hot;
    links[i] = people[i].links_in;
  }
  for (size_t i = 0; i < people.size(); ++i) {
    people[i].hot.swap(hot[i]);
    people[i].links_in.swap(links[i]);
  }
}

Idx Graph::Ref(Kind kind, const Record& record, int field) {
  if (record.IsNull(field)) return kNone;
  // Records come grouped by what they refer to (a person's ratings one after another): the last id of
  // each kind is looked up once.
  const std::string& id = record.Text(field);
  auto& [last_id, last_index] = last_ref_[static_cast<size_t>(kind)];
  if (!last_id.empty() && last_id == id) return last_index;
  last_index = ids(kind).Intern(id);
  last_id = id;
  return last_index;
}

void Graph::TouchOrg(Idx org) {
  if (org == kNone) return;
  if (org >= org_touched.size()) org_touched.resize(org + 1, 0);
  org_touched[org] = touches;
  // Our company and the competitors reach every customer's figures (employees, targets): rare writes.
  if (org < orgs.size() && orgs[org].kind != OrgKind::kCustomer && orgs[org].kind != OrgKind::kMissing) {
    all_touched = touches;
  }
}

void Graph::TouchPerson(Idx person) {
  if (person == kNone || person >= people.size()) return;
  TouchOrg(people[person].org);
}

void Graph::TouchEntity(Kind kind, Idx index) {
  if (index == kNone) return;
  auto opportunity_customer = [&](Idx opp) {
    if (opp != kNone && opp < opportunities.size()) TouchOrg(opportunities[opp].customer);
  };
  switch (kind) {
    case Kind::kOrganization:
      TouchOrg(index);
      return;
    case Kind::kDepartment:
      if (index < departments.size()) TouchOrg(departments[index].org);
      return;
    case Kind::kPerson:
      // The person's organization, and those of everyone linked with them: whether a link counts depends
      // on both persons (their life and organization).
      if (index >= people.size()) return;
      TouchOrg(people[index].org);
      for (Idx link : people[index].links_in) TouchPerson(links[link].from);
      for (Idx link : people[index].links_out) TouchPerson(links[link].to);
      return;
    case Kind::kReporting:
      if (index < reporting.size()) {
        TouchPerson(reporting[index].person);
        TouchPerson(reporting[index].manager);
      }
      return;
    case Kind::kInfluence:
      if (index < links.size()) {
        TouchPerson(links[index].from);
        TouchPerson(links[index].to);
      }
      return;
    case Kind::kOpportunity:
      opportunity_customer(index);
      return;
    case Kind::kChainMember:
      if (index < members.size()) {
        opportunity_customer(members[index].opportunity);
        TouchPerson(members[index].person);
      }
      return;
    default:  // facts and project records: their references say whom they concern (TouchReferences)
      return;
  }
}

void Graph::TouchReferences(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  for (size_t field = 0; field < spec.fields.size(); ++field) {
    const FieldSpec& f = spec.fields[field];
    if (f.type != FieldType::kRef || !f.ref || record.IsNull(static_cast<int>(field))) continue;
    const Idx index = ids(*f.ref).Find(record.Text(static_cast<int>(field)));
    switch (*f.ref) {
      case Kind::kOrganization: TouchOrg(index); break;
      case Kind::kPerson: TouchPerson(index); break;
      default: TouchEntity(*f.ref, index); break;  // a department, opportunity …: its organization
    }
  }
}

void Graph::Apply(const Record& record) {
  // Work changes no figure: nothing cached goes stale.
  const bool work = record.kind == Kind::kTask || record.kind == Kind::kTaskComment ||
                    record.kind == Kind::kWarningDecision || record.kind == Kind::kIntroduction ||
                    record.kind == Kind::kInboxMark || record.kind == Kind::kWebhook;
  if (!stamping || work) return ApplyRecord(record);
  ++touches;
  const Idx before = ids(record.kind).Find(record.id);
  TouchEntity(record.kind, before);
  ApplyRecord(record);
  TouchEntity(record.kind, ids(record.kind).Find(record.id));
  TouchReferences(record);
}

namespace {

// The field holding the person of a fact of `kind`, or −1.
int FactPersonField(Kind kind) {
  switch (kind) {
    case Kind::kRating: return f::rating::kPerson;
    case Kind::kVote: return f::vote::kPerson;
    case Kind::kActivity: return f::activity::kPerson;
    default: return -1;
  }
}

}  // namespace

void Graph::ApplyBatch(std::span<const Record> records) {
  constexpr size_t kBatch = 64;
  const Ids& persons = ids(Kind::kPerson);
  for (size_t start = 0; start < records.size(); start += kBatch) {
    const std::span<const Record> batch = records.subspan(start, std::min(kBatch, records.size() - start));
    std::array<uint64_t, kBatch> hashes{};
    std::array<Idx, kBatch> candidates;
    candidates.fill(kNone);
    std::array<bool, kBatch> fact{};
    for (size_t i = 0; i < batch.size(); ++i) {
      const int field = FactPersonField(batch[i].kind);
      if (field < 0 || batch[i].IsNull(field)) continue;
      fact[i] = true;
      hashes[i] = Ids::Hash(batch[i].Text(field));
      persons.PrefetchSlot(hashes[i]);
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!fact[i]) continue;
      candidates[i] = persons.Candidate(hashes[i]);
      if (candidates[i] == kNone) continue;
      __builtin_prefetch(&persons.Id(candidates[i]));
      if (candidates[i] < people.size()) __builtin_prefetch(&people[candidates[i]]);
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      if (candidates[i] >= people.size()) continue;  // kNone too
      const Person& person = people[candidates[i]];
      if (batch[i].kind == Kind::kActivity) {
        __builtin_prefetch(person.activities.data() + person.activities.size());
      } else {
        __builtin_prefetch(person.hot.data() + person.hot.size());
      }
    }
    for (const Record& record : batch) Apply(record);
  }
}

void Graph::ApplyRecord(const Record& record) {
  // What the company rhythm reads: customers, their models, opportunities (status, closed) and milestones.
  if (record.kind == Kind::kOrganization || record.kind == Kind::kOpportunity ||
      record.kind == Kind::kMilestoneModel || record.kind == Kind::kMilestone) {
    rhythm_cache.Clear();
  }
  switch (record.kind) {
    case Kind::kOrganization: return ApplyOrganization(record);
    case Kind::kDepartment: return ApplyDepartment(record);
    case Kind::kPerson: return ApplyPerson(record);
    case Kind::kTeam: return ApplyTeam(record);
    case Kind::kUser: return ApplyUser(record);
    case Kind::kReporting: return ApplyReporting(record);
    case Kind::kInfluence: return ApplyInfluence(record);
    case Kind::kOpportunity: return ApplyOpportunity(record);
    case Kind::kChainMember: return ApplyChainMember(record);
    case Kind::kRating: return ApplyRating(record);
    case Kind::kVote: return ApplyVote(record);
    case Kind::kActivity: return ApplyActivity(record);
    case Kind::kInfluenceUse: return ApplyInfluenceUse(record);
    case Kind::kMilestoneModel: return ApplyMilestoneModel(record);
    case Kind::kMilestone: return ApplyMilestone(record);
    case Kind::kProjectLink: return ApplyProjectLink(record);
    case Kind::kCriterion: return ApplyCriterion(record);
    case Kind::kVendor: return ApplyVendor(record);
    case Kind::kQuote: return ApplyQuote(record);
    case Kind::kDocument: return ApplyDocument(record);
    case Kind::kLesson: return ApplyLesson(record);
    case Kind::kTask: return ApplyTask(record);
    case Kind::kTaskComment: return;  // seen through its task
    case Kind::kWarningDecision: return ApplyWarningDecision(record);
    case Kind::kIntroduction:  // read from the store (the inbox) and decided from the record (access policy)
    case Kind::kInboxMark:
    case Kind::kWebhook: return;
  }
}

void Graph::ApplyOrganization(const Record& record) {
  const Idx index = ids(Kind::kOrganization).Intern(record.id);
  Organization& org = Slot(orgs, index);
  org.kind = static_cast<OrgKind>(WordIndex(vocab::kOrgKinds, record.Text(f::org::kKind), 3));
  org.owner = Ref(Kind::kUser, record, f::org::kOwner);
  org.focus = record.Bool(f::org::kFocus);
  org.life = Life(record);
  org.name = record.Text(f::org::kName);
  if (org.kind == OrgKind::kOurs) ours = index;
  else if (ours == index) ours = kNone;
  Ensure(users, org.owner);
  // Keep `customers` in id order, so that lines need not sort them.
  const Ids& org_ids = ids(Kind::kOrganization);
  auto by_id = [&](Idx a, Idx b) { return org_ids.Id(a) < org_ids.Id(b); };
  auto it = std::lower_bound(customers.begin(), customers.end(), index, by_id);
  const bool listed = it != customers.end() && *it == index;
  if (org.kind == OrgKind::kCustomer && !listed) customers.insert(it, index);
  if (org.kind != OrgKind::kCustomer && listed) customers.erase(it);
}

void Graph::ApplyDepartment(const Record& record) {
  const Idx index = ids(Kind::kDepartment).Intern(record.id);
  const Idx old_org = index < departments.size() ? departments[index].org : kNone;
  const Idx org = Ref(Kind::kOrganization, record, f::dept::kOrg);
  const Idx parent = Ref(Kind::kDepartment, record, f::dept::kParent);
  Ensure(departments, index);
  Ensure(departments, parent);
  Department& dept = departments[index];
  dept.parent = parent;
  dept.life = Life(record);
  dept.name = record.Text(f::dept::kName);
  Ensure(orgs, org);
  Relink(orgs, &Organization::departments, old_org, org, index);
  departments[index].org = org;
  if (org != kNone) {  // in id order, so that figures need not sort them
    const Ids& dept_ids = ids(Kind::kDepartment);
    std::sort(orgs[org].departments.begin(), orgs[org].departments.end(),
              [&](Idx a, Idx b) { return dept_ids.Id(a) < dept_ids.Id(b); });
  }
}

void Graph::ApplyPerson(const Record& record) {
  const Idx index = ids(Kind::kPerson).Intern(record.id);
  Slot(people, index);
  const Idx org = Ref(Kind::kOrganization, record, f::person::kOrg);
  const Idx dept = Ref(Kind::kDepartment, record, f::person::kDepartment);
  Ensure(orgs, org);
  Ensure(departments, dept);
  Person& person = people[index];
  const Idx old_org = person.exists ? person.org : kNone;
  const Idx old_dept = person.exists ? person.department : kNone;
  Relink(orgs, &Organization::people, old_org, org, index);
  Relink(departments, &Department::people, old_dept, dept, index);
  person.org = org;
  person.department = dept;
  person.key = record.Bool(f::person::kKey);
  person.importance = WordIndex(vocab::kImportance, record.Text(f::person::kImportance), 3);
  person.orientation = WordIndex(vocab::kOrientation, record.Text(f::person::kOrientation), 6);
  person.title = record.Text(f::person::kTitle);
  person.name = record.Text(f::person::kName);
  person.life = Life(record);
  person.exists = true;
  if (bulk) return;
  RefreshAcquainted(index);  // whether the links to the person count, and those from them
  for (Idx link : person.links_out) RefreshAcquainted(links[link].to);
}

void Graph::ApplyTeam(const Record& record) {
  const Idx index = ids(Kind::kTeam).Intern(record.id);
  Slot(teams, index);
  const Idx old_parent = teams[index].parent;
  const Idx parent = Ref(Kind::kTeam, record, f::team::kParent);
  Ensure(teams, parent);
  Relink(teams, &Team::children, old_parent, parent, index);
  Team& team = teams[index];
  team.parent = parent;
  team.manager = Ref(Kind::kUser, record, f::team::kManager);
  Ensure(users, team.manager);
  team.life = Life(record);
}

void Graph::ApplyUser(const Record& record) {
  const Idx index = ids(Kind::kUser).Intern(record.id);
  Slot(users, index);
  const Idx old_team = users[index].team;
  const Idx team = Ref(Kind::kTeam, record, f::user::kTeam);
  Ensure(teams, team);
  Relink(teams, &Team::users, old_team, team, index);
  User& user = users[index];
  user.team = team;
  user.person = Ref(Kind::kPerson, record, f::user::kPerson);
  Ensure(people, user.person);
  user.role = WordIndex(vocab::kUserRoles, record.Text(f::user::kRole), 4);
  user.active = record.Bool(f::user::kActive);
  user.life = Life(record);
  user.login = record.Text(f::user::kLogin);
}

void Graph::ApplyReporting(const Record& record) {
  // Nothing refers to a reporting line: in a bulk load its id is new.
  const Idx index = bulk ? ids(Kind::kReporting).Append(record.id) : ids(Kind::kReporting).Intern(record.id);
  const bool known = index < reporting.size();
  const Idx person = Ref(Kind::kPerson, record, f::reporting::kPerson);
  const Idx manager = Ref(Kind::kPerson, record, f::reporting::kManager);
  Ensure(reporting, index);
  Ensure(people, person);
  Ensure(people, manager);
  ReportingLine& line = reporting[index];
  Relink(people, &Person::manages, known ? line.manager : kNone, manager, index);
  line.person = person;
  line.manager = manager;
  line.life = Life(record);
}

void Graph::ApplyInfluence(const Record& record) {
  // Nothing refers to an influence link: in a bulk load its id is new.
  const Idx index = bulk ? ids(Kind::kInfluence).Append(record.id) : ids(Kind::kInfluence).Intern(record.id);
  const bool known = index < links.size();
  const Idx from = Ref(Kind::kPerson, record, f::influence::kFrom);
  const Idx to = Ref(Kind::kPerson, record, f::influence::kTo);
  Ensure(links, index);
  Ensure(people, from);
  Ensure(people, to);
  InfluenceLink& link = links[index];
  Relink(people, &Person::links_out, known ? link.from : kNone, from, index);
  const Idx old_to = known ? link.to : kNone;
  Relink(people, &Person::links_in, old_to, to, index);
  link.from = from;
  link.to = to;
  link.strength = WordIndex(vocab::kStrengths, record.Text(f::influence::kStrength), 2);
  link.life = Life(record);
  if (bulk) return;
  if (old_to != to) RefreshAcquainted(old_to);
  RefreshAcquainted(to);
}

void Graph::ApplyOpportunity(const Record& record) {
  const Idx index = ids(Kind::kOpportunity).Intern(record.id);
  Slot(opportunities, index);
  const Idx old_customer = opportunities[index].customer;
  const Idx customer = Ref(Kind::kOrganization, record, f::opp::kCustomer);
  Ensure(orgs, customer);
  Relink(orgs, &Organization::opportunities, old_customer, customer, index);
  Opportunity& opp = opportunities[index];
  opp.customer = customer;
  opp.owner = Ref(Kind::kUser, record, f::opp::kOwner);
  Ensure(users, opp.owner);
  opp.amount = record.Number(f::opp::kAmount).value_or(0);
  opp.status = static_cast<OpportunityStatus>(WordIndex(vocab::kOpportunityStatus, record.Text(f::opp::kStatus), 0));
  opp.opened = record.DateAt(f::opp::kOpened).value_or(kMinDate);
  opp.closed = record.DateAt(f::opp::kClosed).value_or(kMaxDate);
  opp.win_probability = record.Number(f::opp::kWinProbability).value_or(0);
  opp.focus = record.Bool(f::opp::kFocus);
  opp.life = Life(record);
  opp.name = record.Text(f::opp::kName);
  opp.type = WordIndex(vocab::kOpportunityType, record.Text(f::opp::kType), 0);
  opp.method = WordIndex(vocab::kTenderMethods, record.Text(f::opp::kMethod), 5);
  opp.rule = WordIndex(vocab::kAwardRules, record.Text(f::opp::kRule), 2);
  opp.conditions.clear();
  for (std::string_view word : ListItems(record.Text(f::opp::kConditions))) {
    opp.conditions.push_back(WordIndex(vocab::kConditions, word, 6));
  }
  opp.budget = record.Number(f::opp::kBudget).value_or(kNoAmount);
  opp.our_bid = record.Number(f::opp::kOurBid).value_or(kNoAmount);
  opp.winning_bid = record.Number(f::opp::kWinningBid).value_or(kNoAmount);
  opp.winner = Ref(Kind::kOrganization, record, f::opp::kWinner);
  Ensure(orgs, opp.winner);
  opp.scope = record.Text(f::opp::kScope);
  opp.conditions_text = record.Text(f::opp::kConditionsText);
  if (bulk) return;
  if (old_customer != customer) RefreshOpen(old_customer);
  RefreshOpen(customer);
}

void Graph::ApplyChainMember(const Record& record) {
  // Nothing refers to a chain member: in a bulk load its id is new.
  const Idx index = bulk ? ids(Kind::kChainMember).Append(record.id) : ids(Kind::kChainMember).Intern(record.id);
  const bool known = index < members.size();
  const Idx opp = Ref(Kind::kOpportunity, record, f::chain::kOpportunity);
  const Idx person = Ref(Kind::kPerson, record, f::chain::kPerson);
  Ensure(members, index);
  Ensure(opportunities, opp);
  Ensure(people, person);
  ChainMember& member = members[index];
  Relink(opportunities, &Opportunity::members, known ? member.opportunity : kNone, opp, index);
  Relink(people, &Person::memberships, known ? member.person : kNone, person, index);
  member.opportunity = opp;
  member.person = person;
  member.role = WordIndex(vocab::kDecisionRoles, record.Text(f::chain::kRole), 9);
  member.veto = YesNo(record.Text(f::chain::kVeto));
  member.approve = YesNo(record.Text(f::chain::kApprove));
  member.life = Life(record);
}

void Graph::InsertHot(Person& person, int kind, const FactPoint& point) {
  const auto begin = person.hot.begin() + (kind == 0 ? 0 : person.hot_end[kind - 1]);
  auto it = kind == kHotKinds - 1 ? person.hot.end() : person.hot.begin() + person.hot_end[kind];
  while (it != begin && PointBefore(point, *(it - 1))) --it;
  person.hot.insert(it, point);
  for (int k = kind; k < kHotKinds - 1; ++k) ++person.hot_end[k];
}

void Graph::RefreshOpen(Idx index) {
  if (index == kNone || index >= orgs.size()) return;
  Organization& org = orgs[index];
  org.open.clear();
  org.open.reserve(org.opportunities.size());
  for (Idx opp : org.opportunities) {
    const Opportunity& o = opportunities[opp];
    org.open.push_back(Organization::OpenSpan{o.opened, o.closed, o.amount});
  }
}

void Graph::RefreshAcquainted(Idx index) {
  if (index == kNone || index >= people.size()) return;
  Person& person = people[index];
  person.hot.resize(person.hot_end[kHotAcquainted - 1]);
  if (!person.exists) return;
  for (Idx link : person.links_in) {
    const InfluenceLink& l = links[link];
    if (l.from == kNone || !people[l.from].exists) continue;
    const Interval& from = people[l.from].life;
    const Date since = std::max({l.life.since, from.since, person.life.since});
    const Date until = std::min({l.life.until, from.until, person.life.until});
    if (since < until) InsertHot(person, kHotAcquainted, FactPoint{since, 0, until, 1});  // seq 0: no fact's
  }
}

void Graph::Retire(const FactRef& ref, Date until) {
  if (ref.person == kNone) return;
  Person& person = people[ref.person];
  if (ref.series >= 0) {
    for (FactPoint& point : person.ratings[ref.series].points) {
      if (point.seq == ref.seq) point.until = until;
    }
    return;
  }
  for (FactPoint& point : person.hot) {
    if (point.seq == ref.seq) point.until = until;
  }
}

Idx Graph::RatingWithSeq(uint32_t seq) const {
  // Ratings are numbered in the order they are first applied, and each takes the next seq: the refs are
  // sorted by seq (a rating whose person was missing leaves a zero gap, hence the check and the scan).
  auto it = std::lower_bound(rating_refs_.begin(), rating_refs_.end(), seq,
                             [](const FactRef& ref, uint32_t wanted) { return ref.seq < wanted; });
  if (it != rating_refs_.end() && it->seq == seq) return static_cast<Idx>(it - rating_refs_.begin());
  for (size_t i = 0; i < rating_refs_.size(); ++i) {
    if (rating_refs_[i].seq == seq && seq != 0) return static_cast<Idx>(i);
  }
  return kNone;
}

void Graph::ApplyRating(const Record& record) {
  const Idx index = bulk ? ids(Kind::kRating).Append(record.id) : ids(Kind::kRating).Intern(record.id);
  const Date until = record.DateAt(f::rating::kUntil).value_or(kMaxDate);
  if (index < rating_refs_.size()) return Retire(rating_refs_[index], until);  // a known fact: only until changes
  const Idx person_index = Ref(Kind::kPerson, record, f::rating::kPerson);
  if (person_index == kNone) return;  // validation never lets a fact without its person through
  Person& person = Slot(people, person_index);
  const auto dimension = static_cast<Dimension>(WordIndex(vocab::kDimensions, record.Text(f::rating::kDimension), 0));
  const std::string& toward_text = record.Text(f::rating::kToward);
  const Idx toward = toward_text == "ours" ? kOurs : ids(Kind::kOrganization).Intern(toward_text);
  Ensure(orgs, toward);
  const Idx opp = Ref(Kind::kOpportunity, record, f::rating::kOpportunity);
  Ensure(opportunities, opp);
  const FactPoint point{record.DateAt(f::rating::kDate).value_or(kMinDate), ++seq_, until,
                        AttitudeValue(record.Text(f::rating::kValue))};
  if (toward == kOurs && opp == kNone) {
    const int kind = static_cast<int>(dimension);
    InsertHot(person, kind, point);
    Slot(rating_refs_, index) = FactRef{person_index, -1 - kind, point.seq};
    return;
  }
  int32_t series = -1;
  for (size_t i = 0; i < person.ratings.size(); ++i) {
    const Series& s = person.ratings[i];
    if (s.dimension == dimension && s.toward == toward && s.opportunity == opp) {
      series = static_cast<int32_t>(i);
      break;
    }
  }
  if (series < 0) {
    series = static_cast<int32_t>(person.ratings.size());
    person.ratings.push_back(Series{dimension, toward, opp, {}});
  }
  InsertSorted(person.ratings[series].points, point, PointBefore);
  Slot(rating_refs_, index) = FactRef{person_index, series, point.seq};
}

void Graph::ApplyVote(const Record& record) {
  const Idx index = bulk ? ids(Kind::kVote).Append(record.id) : ids(Kind::kVote).Intern(record.id);
  const Date until = record.DateAt(f::vote::kUntil).value_or(kMaxDate);
  if (index < vote_refs_.size()) return Retire(vote_refs_[index], until);
  const Idx person_index = Ref(Kind::kPerson, record, f::vote::kPerson);
  if (person_index == kNone) return;  // validation never lets a fact without its person through
  Person& person = Slot(people, person_index);
  const int kind = HotVote(record.Text(f::vote::kKind) == "approve" ? VoteKind::kApprove : VoteKind::kVeto);
  const FactPoint point{record.DateAt(f::vote::kDate).value_or(kMinDate), ++seq_, until,
                        YesNo(record.Text(f::vote::kValue))};
  InsertHot(person, kind, point);
  Slot(vote_refs_, index) = FactRef{person_index, -1 - kind, point.seq};
}

void Graph::ApplyActivity(const Record& record) {
  const Idx index = bulk ? ids(Kind::kActivity).Append(record.id) : ids(Kind::kActivity).Intern(record.id);
  const Date until = record.DateAt(f::activity::kUntil).value_or(kMaxDate);
  if (index < activity_refs_.size()) {
    const FactRef& ref = activity_refs_[index];
    if (ref.person == kNone) return;
    for (ActivityPoint& point : people[ref.person].activities) {
      if (point.seq == ref.seq) point.until = until;
    }
    return;
  }
  const Idx person_index = Ref(Kind::kPerson, record, f::activity::kPerson);
  if (person_index == kNone) return;  // validation never lets a fact without its person through
  Person& person = Slot(people, person_index);
  const Idx opp = Ref(Kind::kOpportunity, record, f::activity::kOpportunity);
  Ensure(opportunities, opp);
  const ActivityPoint point{record.DateAt(f::activity::kDate).value_or(kMinDate), ++seq_, opp, until};
  InsertSorted(person.activities, point,
               [](const ActivityPoint& a, const ActivityPoint& b) { return a.date < b.date; });
  Slot(activity_refs_, index) = FactRef{person_index, -1, point.seq};
}

void Graph::ApplyInfluenceUse(const Record& record) {
  const Idx index = bulk ? ids(Kind::kInfluenceUse).Append(record.id) : ids(Kind::kInfluenceUse).Intern(record.id);
  const Date until = record.DateAt(f::use::kUntil).value_or(kMaxDate);
  if (index < uses.size()) {
    uses[index].until = until;
    return;
  }
  InfluenceUse use;
  use.opportunity = Ref(Kind::kOpportunity, record, f::use::kOpportunity);
  use.employee = Ref(Kind::kPerson, record, f::use::kEmployee);
  use.person = Ref(Kind::kPerson, record, f::use::kPerson);
  use.date = record.DateAt(f::use::kDate).value_or(kMinDate);
  use.until = until;
  Ensure(opportunities, use.opportunity);
  Ensure(people, use.employee);
  Ensure(people, use.person);
  if (use.opportunity != kNone) opportunities[use.opportunity].uses.push_back(index);
  if (use.employee != kNone) people[use.employee].uses.push_back(index);
  Slot(uses, index) = use;
}

}  // namespace brm::engine
