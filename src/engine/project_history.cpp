#include "engine/project_history.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "domain/vocab.hpp"

namespace brm::engine {

namespace {

constexpr int kUnknownMethod = 5;  // in vocab::kTenderMethods
constexpr int kUnknownRule = 2;    // in vocab::kAwardRules
constexpr uint8_t kVendorWon = 0;  // in vocab::kVendorResults

bool Known(double amount) { return !std::isnan(amount); }

// The index of the first count that is highest and above zero, leaving out `unknown`; −1 when none.
int Usual(const std::vector<int>& counts, int unknown) {
  int best = -1;
  for (int i = 0; i < static_cast<int>(counts.size()); ++i) {
    if (i != unknown && counts[i] > 0 && (best < 0 || counts[i] > counts[best])) best = i;
  }
  return best;
}

int Find(const std::vector<std::string>& model, std::string_view kind) {
  auto it = std::find(model.begin(), model.end(), kind);
  return it == model.end() ? -1 : static_cast<int>(it - model.begin());
}

}  // namespace

std::string_view RhythmSourceName(RhythmSource source) {
  switch (source) {
    case RhythmSource::kCustomer: return "customer";
    case RhythmSource::kCompany: return "company";
    case RhythmSource::kNone: break;
  }
  return "";
}

int MedianDays(const std::vector<int>& sorted) {
  const size_t n = sorted.size();
  if (n % 2 == 1) return sorted[n / 2];
  // floor((x + y + 1) / 2): the mean rounded half toward +∞.
  const int64_t twice = int64_t{sorted[n / 2 - 1]} + sorted[n / 2] + 1;
  return static_cast<int>(twice >= 0 ? twice / 2 : -((-twice + 1) / 2));
}

int Timeline::Next() const {
  for (size_t i = 0; i < expected.size(); ++i) {
    if (expected[i]) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> ProjectHistory::Model(Idx customer, Date day) const {
  const Ids& ids = graph_.ids(Kind::kMilestoneModel);
  auto active = [&](const std::vector<Idx>& models) -> const MilestoneModel* {
    Idx best = kNone;
    for (Idx m : models) {
      if (!graph_.models[m].exists || !graph_.models[m].life.On(day)) continue;
      if (best == kNone || ids.Id(m) < ids.Id(best)) best = m;
    }
    return best == kNone ? nullptr : &graph_.models[best];
  };
  if (customer != kNone && customer < graph_.orgs.size()) {
    if (const MilestoneModel* model = active(graph_.orgs[customer].models)) return model->kinds;
  }
  if (const MilestoneModel* model = active(graph_.company_models)) return model->kinds;
  return {vocab::kMilestoneKinds.begin(), vocab::kMilestoneKinds.end()};
}

bool ProjectHistory::IsHistory(Idx opportunity, Date day) const {
  const Opportunity& o = graph_.opportunities[opportunity];
  return (o.status == OpportunityStatus::kWon || o.status == OpportunityStatus::kLost) && o.closed != kMaxDate &&
         o.closed <= day;
}

template <typename Add>
void ProjectHistory::Samples(Idx opportunity, const std::vector<std::string>& model, Date day, Add&& add) const {
  const size_t kinds = model.size();
  if (kinds < 2) return;
  std::vector<std::pair<int, Date>> seen(kinds, {0, Date{}});  // count and date of each kind
  for (Idx m : graph_.opportunities[opportunity].milestones) {
    const Milestone& milestone = graph_.milestones[m];
    if (!Counts(milestone.life, milestone.date, day)) continue;
    const int i = Find(model, milestone.kind);
    if (i < 0) continue;
    ++seen[i].first;
    seen[i].second = milestone.date;
  }
  for (size_t i = 0; i + 1 < kinds; ++i) {
    if (seen[i].first == 1 && seen[i + 1].first == 1) add(i, seen[i + 1].second.days - seen[i].second.days);
  }
}

std::shared_ptr<const CompanyRhythm> ProjectHistory::Company(Date day) const {
  const bool whole = figures_.WholeCompany();
  if (whole) {
    if (auto cached = graph_.rhythm_cache.Find(day)) return cached;
  } else if (scoped_ && scoped_day_ == day) {
    return scoped_;
  }
  auto rhythm = std::make_shared<CompanyRhythm>();
  std::vector<std::vector<int>*> pairs;
  for (Idx customer : graph_.customers) {
    if (!figures_.Sees(customer)) continue;
    std::vector<std::string> model;
    pairs.clear();
    for (Idx opp : graph_.orgs[customer].opportunities) {
      if (!IsHistory(opp, day)) continue;
      if (pairs.empty()) {  // the model once per customer with history
        model = Model(customer, day);
        for (size_t i = 0; i + 1 < model.size(); ++i) pairs.push_back(&rhythm->samples[{model[i], model[i + 1]}]);
        if (pairs.empty()) break;
      }
      Samples(opp, model, day, [&](size_t i, int days) { pairs[i]->push_back(days); });
    }
  }
  for (auto& [pair, samples] : rhythm->samples) std::sort(samples.begin(), samples.end());
  if (whole) {
    graph_.rhythm_cache.Put(day, rhythm);
  } else {
    scoped_ = rhythm;
    scoped_day_ = day;
  }
  return rhythm;
}

std::vector<RhythmStep> ProjectHistory::Rhythm(Idx customer, const std::vector<std::string>& model, Date day) const {
  std::vector<RhythmStep> steps(model.size() < 2 ? 0 : model.size() - 1);
  for (size_t i = 0; i < steps.size(); ++i) {
    steps[i].from = model[i];
    steps[i].to = model[i + 1];
  }
  if (steps.empty()) return steps;
  std::vector<Idx> opportunities = graph_.orgs[customer].opportunities;
  figures_.SortById(Kind::kOpportunity, opportunities);
  for (Idx opp : opportunities) {
    if (!IsHistory(opp, day)) continue;
    Samples(opp, model, day, [&](size_t i, int days) { steps[i].own.emplace_back(opp, days); });
  }
  std::shared_ptr<const CompanyRhythm> company;
  for (RhythmStep& step : steps) {
    if (step.own.size() >= 2) {
      std::vector<int> samples;
      for (const auto& [opp, days] : step.own) samples.push_back(days);
      std::sort(samples.begin(), samples.end());
      step.days = MedianDays(samples);
      step.n = static_cast<int>(samples.size());
      step.source = RhythmSource::kCustomer;
      continue;
    }
    if (!company) company = Company(day);
    auto it = company->samples.find({step.from, step.to});
    if (it != company->samples.end() && it->second.size() >= 2) {
      step.days = MedianDays(it->second);
      step.n = static_cast<int>(it->second.size());
      step.source = RhythmSource::kCompany;
    }
  }
  return steps;
}

Timeline ProjectHistory::Timing(Idx opportunity, Date day) const {
  const Opportunity& o = graph_.opportunities[opportunity];
  std::vector<std::string> model = Model(o.customer, day);
  std::vector<RhythmStep> rhythm;
  if (o.customer != kNone && o.OpenOn(day)) rhythm = Rhythm(o.customer, model, day);
  return Timing(opportunity, day, model, rhythm);
}

Timeline ProjectHistory::Timing(Idx opportunity, Date day, const std::vector<std::string>& model,
                                const std::vector<RhythmStep>& rhythm) const {
  const Opportunity& o = graph_.opportunities[opportunity];
  Timeline timeline;
  timeline.model = model;
  const size_t kinds = model.size();
  timeline.reached.assign(kinds, std::nullopt);
  timeline.expected.assign(kinds, std::nullopt);
  for (Idx m : o.milestones) {
    const Milestone& milestone = graph_.milestones[m];
    if (!Counts(milestone.life, milestone.date, day)) continue;
    const int i = Find(model, milestone.kind);
    if (i >= 0 && (!timeline.reached[i] || *timeline.reached[i] < milestone.date)) timeline.reached[i] = milestone.date;
  }
  if (kinds == 0 || !o.OpenOn(day) || rhythm.size() + 1 != kinds) return timeline;
  size_t next = 0;  // the first kind after the last reached one (0: none reached)
  for (size_t i = kinds; i-- > 0;) {
    if (timeline.reached[i]) {
      next = i + 1;
      break;
    }
  }
  std::optional<Date> previous;
  if (next == 0) {  // none reached: the first kind is expected on `opened`
    if (o.opened == kMinDate) return timeline;
    timeline.expected[0] = previous = o.opened;
    next = 1;
  } else {
    previous = timeline.reached[next - 1];
  }
  for (size_t i = next; i < kinds && previous; ++i) {
    const std::optional<int>& days = rhythm[i - 1].days;
    if (!days) break;
    timeline.expected[i] = previous = AddDays(*previous, *days);
  }
  return timeline;
}

CustomerHistory ProjectHistory::History(Idx customer, Date day) const {
  CustomerHistory h;
  h.customer = customer;
  h.as_of = day;
  h.model = Model(customer, day);
  h.methods.assign(vocab::kTenderMethods.size(), 0);
  h.rules.assign(vocab::kAwardRules.size(), 0);
  h.roles.assign(vocab::kDecisionRoles.size(), 0);
  h.method_projects.resize(h.methods.size());
  h.rule_projects.resize(h.rules.size());
  h.role_projects.resize(h.roles.size());
  std::vector<Idx> opportunities = graph_.orgs[customer].opportunities;
  figures_.SortById(Kind::kOpportunity, opportunities);
  std::vector<Idx> history;
  for (Idx opp : opportunities) {
    const Opportunity& o = graph_.opportunities[opp];
    if (o.closed == kMaxDate || day < o.closed) continue;
    switch (o.status) {
      case OpportunityStatus::kWon: h.won.push_back(opp); break;
      case OpportunityStatus::kLost: h.lost.push_back(opp); break;
      case OpportunityStatus::kAbandoned: h.abandoned.push_back(opp); continue;
      case OpportunityStatus::kOpen: continue;
    }
    history.push_back(opp);
  }
  h.rhythm = Rhythm(customer, h.model, day);

  double win_sum = 0, lost_sum = 0;
  std::map<Idx, std::vector<Idx>> sat;  // person → the history projects whose chain they sat in
  std::map<Idx, CustomerHistory::Competitor> competitors;
  std::map<std::string, std::pair<double, int>> weights;  // item → weight sum and records
  std::map<std::string, std::vector<Idx>> items;          // item → projects using it
  for (Idx opp : history) {
    const Opportunity& o = graph_.opportunities[opp];
    ++h.methods[o.method];
    ++h.rules[o.rule];
    h.method_projects[o.method].push_back(opp);
    h.rule_projects[o.rule].push_back(opp);
    if (Known(o.budget) && o.budget > 0 && Known(o.winning_bid)) {
      const double ratio = o.winning_bid / o.budget;
      CustomerHistory::Ratios& r = h.win_to_budget;
      r.min = r.n == 0 ? ratio : std::min(r.min, ratio);
      r.max = r.n == 0 ? ratio : std::max(r.max, ratio);
      ++r.n;
      win_sum += ratio;
      r.projects.push_back(opp);
    }
    if (o.status == OpportunityStatus::kLost && Known(o.our_bid) && Known(o.winning_bid) && o.winning_bid > 0) {
      ++h.our_to_winning_lost.n;
      lost_sum += o.our_bid / o.winning_bid;
      h.our_to_winning_lost.projects.push_back(opp);
    }

    std::vector<bool> roles(h.roles.size(), false);
    std::set<Idx> persons;
    ForEachMember(opp, AddDays(o.closed, -1), [&](const ChainMember& member) {
      if (member.role < roles.size()) roles[member.role] = true;
      persons.insert(member.person);
    });
    for (size_t role = 0; role < roles.size(); ++role) {
      if (!roles[role]) continue;
      ++h.roles[role];
      h.role_projects[role].push_back(opp);
    }
    for (Idx person : persons) sat[person].push_back(opp);

    std::map<Idx, bool> took_part;  // competitor → its vendor result was `won`
    for (Idx v : o.vendors) {
      const Vendor& vendor = graph_.vendors[v];
      if (!vendor.life.On(day) || vendor.org == kNone || graph_.orgs[vendor.org].kind != OrgKind::kCompetitor) continue;
      took_part[vendor.org] = took_part[vendor.org] || vendor.result == kVendorWon;
    }
    for (const auto& [org, won] : took_part) {
      CustomerHistory::Competitor& c = competitors[org];
      c.org = org;
      ++c.appearances;
      if (won || o.winner == org) {
        ++c.wins;
        c.win_projects.push_back(opp);
      }
      if (o.status == OpportunityStatus::kWon) {
        ++c.we_won;
        c.we_won_projects.push_back(opp);
      }
      c.projects.push_back(opp);
    }

    for (Idx c : o.criteria) {
      const Criterion& criterion = graph_.criteria[c];
      if (!criterion.life.On(day)) continue;
      auto& [sum, records] = weights[criterion.item];
      sum += criterion.weight;
      ++records;
      std::vector<Idx>& using_it = items[criterion.item];
      if (using_it.empty() || using_it.back() != opp) using_it.push_back(opp);
    }

    for (Idx l : o.lessons) {
      const Lesson& lesson = graph_.lessons[l];
      if (!Counts(lesson.life, lesson.date, day)) continue;
      const std::string_view kind = vocab::kLessonKinds[lesson.kind];
      if (kind == "note") continue;
      const bool win = kind == "win_factor";
      auto& tags = win ? h.win_factors : h.loss_factors;
      auto& projects = win ? h.win_factor_projects : h.loss_factor_projects;
      for (const std::string& tag : lesson.tags) {
        ++tags[tag];
        std::vector<Idx>& with_tag = projects[tag];
        if (with_tag.empty() || with_tag.back() != opp) with_tag.push_back(opp);
      }
    }
  }
  h.usual_method = Usual(h.methods, kUnknownMethod);
  h.usual_rule = Usual(h.rules, kUnknownRule);
  if (h.win_to_budget.n > 0) h.win_to_budget.mean = win_sum / h.win_to_budget.n;
  if (h.our_to_winning_lost.n > 0) h.our_to_winning_lost.mean = lost_sum / h.our_to_winning_lost.n;

  const Ids& people = graph_.ids(Kind::kPerson);
  for (auto& [person, projects] : sat) {
    if (projects.size() >= 2) {
      h.people.push_back({person, static_cast<int>(projects.size()), std::move(projects)});
    }
  }
  std::sort(h.people.begin(), h.people.end(), [&](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : people.Id(a.person) < people.Id(b.person);
  });
  const Ids& orgs = graph_.ids(Kind::kOrganization);
  for (auto& [org, competitor] : competitors) h.competitors.push_back(std::move(competitor));
  std::sort(h.competitors.begin(), h.competitors.end(), [&](const auto& a, const auto& b) {
    return a.appearances != b.appearances ? a.appearances > b.appearances : orgs.Id(a.org) < orgs.Id(b.org);
  });
  for (auto& [item, projects] : items) {
    const auto& [sum, records] = weights[item];
    h.criteria.push_back({item, static_cast<int>(projects.size()), sum / records, std::move(projects)});
  }
  return h;
}

Idx ProjectHistory::OurLatestQuote(Idx opportunity, Date day) const {
  if (graph_.ours == kNone) return kNone;
  const Ids& ids = graph_.ids(Kind::kQuote);
  Idx best = kNone;
  for (Idx q : graph_.opportunities[opportunity].quotes) {
    const Quote& quote = graph_.quotes[q];
    if (quote.org != graph_.ours || !Counts(quote.life, quote.date, day)) continue;
    if (best == kNone) {
      best = q;
      continue;
    }
    const Quote& b = graph_.quotes[best];
    if (std::tie(quote.round, quote.date) > std::tie(b.round, b.date) ||
        (std::tie(quote.round, quote.date) == std::tie(b.round, b.date) && ids.Id(q) > ids.Id(best))) {
      best = q;
    }
  }
  return best;
}

ProjectView ProjectHistory::Project(Idx opportunity, Date day) const {
  const Opportunity& o = graph_.opportunities[opportunity];
  ProjectView v;
  v.opportunity = opportunity;
  v.as_of = day;
  v.chain_as_of = o.closed != kMaxDate && o.closed <= day ? AddDays(o.closed, -1) : day;
  v.chain = figures_.Chain(opportunity, kOurs, v.chain_as_of);

  const Ids& org_ids = graph_.ids(Kind::kOrganization);
  auto org_id = [&](Idx org) -> std::string_view { return org == kNone ? std::string_view() : org_ids.Id(org); };
  for (Idx i : o.vendors) {
    if (graph_.vendors[i].life.On(day)) v.vendors.push_back(i);
  }
  const Ids& vendor_ids = graph_.ids(Kind::kVendor);
  std::sort(v.vendors.begin(), v.vendors.end(), [&](Idx a, Idx b) {
    return std::tuple(org_id(graph_.vendors[a].org), vendor_ids.Id(a)) <
           std::tuple(org_id(graph_.vendors[b].org), vendor_ids.Id(b));
  });
  for (Idx i : o.quotes) {
    if (Counts(graph_.quotes[i].life, graph_.quotes[i].date, day)) v.quotes.push_back(i);
  }
  const Ids& quote_ids = graph_.ids(Kind::kQuote);
  std::sort(v.quotes.begin(), v.quotes.end(), [&](Idx a, Idx b) {
    const Quote& qa = graph_.quotes[a];
    const Quote& qb = graph_.quotes[b];
    return std::tuple(qa.round, org_id(qa.org), qa.date, std::string_view(quote_ids.Id(a))) <
           std::tuple(qb.round, org_id(qb.org), qb.date, std::string_view(quote_ids.Id(b)));
  });
  for (Idx i : o.documents) {
    if (Counts(graph_.documents[i].life, graph_.documents[i].date, day)) v.documents.push_back(i);
  }
  figures_.SortById(Kind::kDocument, v.documents);
  for (Idx i : o.criteria) {
    if (!graph_.criteria[i].life.On(day)) continue;
    v.criteria.push_back(i);
    v.weights_total += graph_.criteria[i].weight;
  }
  const Ids& criterion_ids = graph_.ids(Kind::kCriterion);
  std::sort(v.criteria.begin(), v.criteria.end(), [&](Idx a, Idx b) {
    return std::tuple(std::string_view(graph_.criteria[a].item), std::string_view(criterion_ids.Id(a))) <
           std::tuple(std::string_view(graph_.criteria[b].item), std::string_view(criterion_ids.Id(b)));
  });
  for (Idx i : o.links) {
    const ProjectLink& link = graph_.project_links[i];
    if (!link.life.On(day)) continue;
    const bool out = link.from == opportunity;
    v.links.push_back({i, out ? link.to : link.from, out});
  }
  const Ids& opp_ids = graph_.ids(Kind::kOpportunity);
  const Ids& link_ids = graph_.ids(Kind::kProjectLink);
  auto link_key = [&](const ProjectView::Link& l) {
    return std::tuple(vocab::kLinkKinds[graph_.project_links[l.link].kind], std::string_view(opp_ids.Id(l.other)),
                      std::string_view(link_ids.Id(l.link)));
  };
  std::sort(v.links.begin(), v.links.end(), [&](const auto& a, const auto& b) { return link_key(a) < link_key(b); });
  if (Known(o.budget) && o.budget > 0 && Known(o.winning_bid)) v.win_to_budget = o.winning_bid / o.budget;
  v.timeline = Timing(opportunity, day);
  return v;
}

}  // namespace brm::engine
