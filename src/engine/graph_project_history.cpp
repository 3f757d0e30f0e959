// The project-history records of the Graph (SPEC.md §8.1): milestone models, milestones, project links,
// criteria, vendors, quotes, documents and lessons.
#include <algorithm>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/graph.hpp"
#include "engine/graph_apply.hpp"

namespace brm::engine {
namespace f = fields;
using apply::Ensure;
using apply::Erase;
using apply::Life;
using apply::Relink;
using apply::WordIndex;

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

}  // namespace brm::engine
