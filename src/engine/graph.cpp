#include "engine/graph.hpp"

#include <algorithm>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"

namespace brm::engine {
namespace f = fields;

namespace {

uint8_t WordIndex(vocab::Words words, std::string_view word, uint8_t fallback) {
  auto it = std::find(words.begin(), words.end(), word);
  return it == words.end() ? fallback : static_cast<uint8_t>(it - words.begin());
}

Interval Life(const Record& record) {
  const EntitySpec& spec = Spec(record.kind);
  Interval life;
  if (spec.since >= 0) life.since = record.DateAt(spec.since).value_or(kMinDate);
  if (spec.until >= 0) life.until = record.DateAt(spec.until).value_or(kMaxDate);
  return life;
}

template <typename T>
T& Slot(std::vector<T>& table, Idx index) {
  if (index >= table.size()) table.resize(index + 1);
  return table[index];
}

// Makes room for `index` unless it is kNone (a null reference).
template <typename T>
void Ensure(std::vector<T>& table, Idx index) {
  if (index != kNone && index >= table.size()) table.resize(index + 1);
}

void Erase(std::vector<Idx>& list, Idx value) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it != list.end()) list.erase(it);
}

// Moves `item` from the list of `from` to the list of `to` (either may be kNone).
template <typename T>
void Relink(std::vector<T>& table, std::vector<Idx> T::*list, Idx from, Idx to, Idx item) {
  if (from == to) {
    if (to != kNone && std::find((table[to].*list).begin(), (table[to].*list).end(), item) == (table[to].*list).end()) {
      (table[to].*list).push_back(item);
    }
    return;
  }
  if (from != kNone) Erase(table[from].*list, item);
  if (to != kNone) (Slot(table, to).*list).push_back(item);
}

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

int8_t ValueAt(std::span<const FactPoint> points, Date day) {
  auto it = std::upper_bound(points.begin(), points.end(), day,
                             [](Date d, const FactPoint& p) { return d < p.date; });
  while (it != points.begin()) {
    --it;
    if (day < it->until) return it->value;
  }
  return kUnknown;
}

Idx Ids::Intern(std::string_view id) {
  if (auto it = index_.find(id); it != index_.end()) return it->second;
  const Idx index = static_cast<Idx>(ids_.size());
  ids_.emplace_back(id);
  index_.emplace(std::string(id), index);
  return index;
}

Idx Ids::Find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? kNone : it->second;
}

void Graph::Compact() {
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
  return ids(kind).Intern(record.Text(field));
}

void Graph::Apply(const Record& record) {
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
  }
}

void Graph::ApplyOrganization(const Record& record) {
  const Idx index = ids(Kind::kOrganization).Intern(record.id);
  Organization& org = Slot(orgs, index);
  org.kind = static_cast<OrgKind>(WordIndex(vocab::kOrgKinds, record.Text(f::org::kKind), 3));
  org.owner = Ref(Kind::kUser, record, f::org::kOwner);
  org.focus = record.Bool(f::org::kFocus);
  org.life = Life(record);
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
  person.life = Life(record);
  person.exists = true;
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
}

void Graph::ApplyReporting(const Record& record) {
  const Idx index = ids(Kind::kReporting).Intern(record.id);
  ReportingLine& line = Slot(reporting, index);
  line.person = Ref(Kind::kPerson, record, f::reporting::kPerson);
  line.manager = Ref(Kind::kPerson, record, f::reporting::kManager);
  line.life = Life(record);
  Ensure(people, line.person);
  Ensure(people, line.manager);
}

void Graph::ApplyInfluence(const Record& record) {
  const Idx index = ids(Kind::kInfluence).Intern(record.id);
  const bool known = index < links.size();
  const Idx from = Ref(Kind::kPerson, record, f::influence::kFrom);
  const Idx to = Ref(Kind::kPerson, record, f::influence::kTo);
  Ensure(links, index);
  Ensure(people, from);
  Ensure(people, to);
  InfluenceLink& link = links[index];
  Relink(people, &Person::links_out, known ? link.from : kNone, from, index);
  Relink(people, &Person::links_in, known ? link.to : kNone, to, index);
  link.from = from;
  link.to = to;
  link.strength = WordIndex(vocab::kStrengths, record.Text(f::influence::kStrength), 2);
  link.life = Life(record);
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
}

// A project-history record of `table` that belongs to one opportunity (its field `field`): interned,
// listed in the opportunity's `list`, moved when its opportunity changes.
template <typename T>
T& Graph::OpportunityRecord(std::vector<T>& table, std::vector<Idx> Opportunity::*list, Kind kind,
                            const Record& record, int field) {
  const Idx index = ids(kind).Intern(record.id);
  const bool known = index < table.size();
  const Idx opp = Ref(Kind::kOpportunity, record, field);
  Ensure(table, index);
  Ensure(opportunities, opp);
  Relink(opportunities, list, known ? table[index].opportunity : kNone, opp, index);
  table[index].opportunity = opp;
  table[index].life = Life(record);
  return table[index];
}

void Graph::ApplyMilestoneModel(const Record& record) {
  const Idx index = ids(Kind::kMilestoneModel).Intern(record.id);
  const bool known = index < models.size();
  const Idx customer = Ref(Kind::kOrganization, record, f::model::kCustomer);
  Ensure(models, index);
  Ensure(orgs, customer);
  MilestoneModel& model = models[index];
  if (known) {
    if (model.customer == kNone) {
      Erase(company_models, index);
    } else {
      Erase(orgs[model.customer].models, index);
    }
  }
  (customer == kNone ? company_models : orgs[customer].models).push_back(index);
  model.customer = customer;
  model.kinds.clear();
  for (const MilestoneKind& kind : ModelKinds(record.Text(f::model::kKinds))) model.kinds.emplace_back(kind.kind);
  model.life = Life(record);
  model.exists = true;
}

void Graph::ApplyMilestone(const Record& record) {
  Milestone& milestone = OpportunityRecord(milestones, &Opportunity::milestones, Kind::kMilestone, record,
                                           f::milestone::kOpportunity);
  milestone.kind = record.Text(f::milestone::kKind);
  milestone.date = record.DateAt(f::milestone::kDate).value_or(kMaxDate);
}

void Graph::ApplyProjectLink(const Record& record) {
  const Idx index = ids(Kind::kProjectLink).Intern(record.id);
  const bool known = index < project_links.size();
  const Idx from = Ref(Kind::kOpportunity, record, f::link::kFrom);
  const Idx to = Ref(Kind::kOpportunity, record, f::link::kTo);
  Ensure(project_links, index);
  Ensure(opportunities, from);
  Ensure(opportunities, to);
  ProjectLink& link = project_links[index];
  if (known) {
    if (link.from != kNone) Erase(opportunities[link.from].links, index);
    if (link.to != kNone) Erase(opportunities[link.to].links, index);
  }
  opportunities[from].links.push_back(index);
  if (to != from) opportunities[to].links.push_back(index);
  link.from = from;
  link.to = to;
  link.kind = WordIndex(vocab::kLinkKinds, record.Text(f::link::kKind), 3);
  link.life = Life(record);
}

void Graph::ApplyCriterion(const Record& record) {
  Criterion& criterion = OpportunityRecord(criteria, &Opportunity::criteria, Kind::kCriterion, record,
                                           f::criterion::kOpportunity);
  criterion.item = record.Text(f::criterion::kItem);
  criterion.weight = record.Number(f::criterion::kWeight).value_or(0);
  criterion.our_score = record.Number(f::criterion::kOurScore).value_or(kNoAmount);
  criterion.best_score = record.Number(f::criterion::kBestScore).value_or(kNoAmount);
}

void Graph::ApplyVendor(const Record& record) {
  Vendor& vendor = OpportunityRecord(vendors, &Opportunity::vendors, Kind::kVendor, record, f::vendor::kOpportunity);
  vendor.org = Ref(Kind::kOrganization, record, f::vendor::kOrg);
  Ensure(orgs, vendor.org);
  vendor.result = WordIndex(vocab::kVendorResults, record.Text(f::vendor::kResult), 3);
  vendor.rank = static_cast<int32_t>(record.Number(f::vendor::kRank).value_or(0));
}

void Graph::ApplyQuote(const Record& record) {
  Quote& quote = OpportunityRecord(quotes, &Opportunity::quotes, Kind::kQuote, record, f::quote::kOpportunity);
  quote.org = Ref(Kind::kOrganization, record, f::quote::kOrg);
  Ensure(orgs, quote.org);
  quote.round = static_cast<int32_t>(record.Number(f::quote::kRound).value_or(1));
  quote.price = record.Number(f::quote::kPrice).value_or(0);
  quote.date = record.DateAt(f::quote::kDate).value_or(kMaxDate);
}

void Graph::ApplyDocument(const Record& record) {
  Document& document = OpportunityRecord(documents, &Opportunity::documents, Kind::kDocument, record,
                                         f::document::kOpportunity);
  document.name = record.Text(f::document::kName);
  document.sha256 = record.Text(f::document::kSha256);
  document.kind = WordIndex(vocab::kDocumentKinds, record.Text(f::document::kKind), 6);
  document.size = record.Number(f::document::kSize).value_or(kNoAmount);
  document.date = record.DateAt(f::document::kDate).value_or(kMaxDate);
}

void Graph::ApplyLesson(const Record& record) {
  Lesson& lesson = OpportunityRecord(lessons, &Opportunity::lessons, Kind::kLesson, record, f::lesson::kOpportunity);
  lesson.kind = WordIndex(vocab::kLessonKinds, record.Text(f::lesson::kKind), 2);
  lesson.tags.clear();
  for (std::string_view tag : ListItems(record.Text(f::lesson::kTags))) lesson.tags.emplace_back(tag);
  lesson.date = record.DateAt(f::lesson::kDate).value_or(kMaxDate);
}

void Graph::ApplyChainMember(const Record& record) {
  const Idx index = ids(Kind::kChainMember).Intern(record.id);
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

void Graph::ApplyRating(const Record& record) {
  const Idx index = ids(Kind::kRating).Intern(record.id);
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
  const Idx index = ids(Kind::kVote).Intern(record.id);
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
  const Idx index = ids(Kind::kActivity).Intern(record.id);
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
  const Idx index = ids(Kind::kInfluenceUse).Intern(record.id);
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
