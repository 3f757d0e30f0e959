#include "engine/explain.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "domain/vocab.hpp"
#include "engine/features.hpp"
#include "engine/influence_centres.hpp"

namespace brm::engine {
namespace {

// The point that gives a history's value on `day` (ValueAt's choice), or nullptr.
const FactPoint* PointAt(std::span<const FactPoint> points, Date day) {
  const FactPoint* found = nullptr;
  for (const FactPoint& point : points) {
    if (point.date <= day && day < point.until) found = &point;
  }
  return found;
}

}  // namespace

Explanation Explainer::Explain(FigureSubject subject, Dimension dimension, Idx toward, Date day) const {
  Explanation out;
  out.as_of = day;
  // The set, as each figure takes it (figures.cpp): persons, with the chain's member where there is one.
  std::vector<std::pair<Idx, Idx>> set;
  switch (subject.kind) {
    case FigureKind::kPerson:
      set.emplace_back(subject.index, kNone);
      break;
    case FigureKind::kChain:
      for (Idx member : graph_.opportunities[subject.index].members) {
        if (figures_.MemberCounts(member, day)) set.emplace_back(graph_.members[member].person, member);
      }
      break;
    case FigureKind::kDepartment: {
      const Department& dept = graph_.departments[subject.index];
      if (!dept.life.On(day)) break;
      for (Idx person : dept.people) {
        if (graph_.people[person].department == subject.index && figures_.ActiveKeyPerson(person, day)) {
          set.emplace_back(person, kNone);
        }
      }
      break;
    }
    case FigureKind::kCustomer:
      for (Idx person : figures_.KeyPersons(subject.index, day)) set.emplace_back(person, kNone);
      break;
    case FigureKind::kCentres:
      for (Idx person : InfluenceCentres(figures_).PooledCentres(subject.index, day)) set.emplace_back(person, kNone);
      break;
    case FigureKind::kEmployee:
      for (Idx link : graph_.people[subject.index].links_out) {
        if (!figures_.LinkCounts(link, day)) continue;
        const Idx to = graph_.links[link].to;
        if (figures_.ActiveKeyPerson(to, day) && scope_.Has(graph_.people[to].org)) set.emplace_back(to, kNone);
      }
      break;
    case FigureKind::kCompany:
      for (Idx org = 0; org < graph_.orgs.size(); ++org) {
        if (graph_.orgs[org].kind != OrgKind::kCustomer || !scope_.Has(org)) continue;
        for (Idx person : figures_.KeyPersons(org, day)) set.emplace_back(person, kNone);
      }
      break;
  }
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());

  const Idx opportunity = subject.kind == FigureKind::kChain ? subject.index : kNone;
  for (const auto& [person, member] : set) {
    ExplainedValue row;
    row.person = person;
    row.member = member;
    const FactPoint* point = nullptr;
    if (opportunity != kNone) {
      point = PointAt(figures_.History(person, dimension, toward, opportunity), day);
      row.project = point && point->value != kUnknown;
      if (!row.project) {
        point = PointAt(figures_.History(person, dimension, toward, kNone), day);
        row.inherited = true;
      }
    } else {
      point = PointAt(figures_.History(person, dimension, toward, kNone), day);
    }
    if (point) {
      row.value = point->value;
      row.fact = graph_.RatingWithSeq(point->seq);
      row.fact_date = point->date;
    }
    out.stats.Add(row.value);
    out.persons.push_back(row);
  }
  const auto& ids = graph_.ids(Kind::kPerson);
  std::stable_sort(out.persons.begin(), out.persons.end(), [&](const ExplainedValue& a, const ExplainedValue& b) {
    return ids.Id(a.person) < ids.Id(b.person);
  });
  return out;
}

Attribution Explainer::Attribute(FigureSubject subject, Dimension dimension, Idx toward, Date day, Date earlier) const {
  const Explanation now = Explain(subject, dimension, toward, day);
  const Explanation before = Explain(subject, dimension, toward, earlier);
  Attribution out;
  out.as_of = day;
  out.earlier = earlier;
  out.now = now.stats;
  out.before = before.stats;
  out.delta = Change(now.stats.mean(), before.stats.mean());

  std::map<std::pair<Idx, Idx>, Attribution::Part> parts;
  for (const ExplainedValue& row : before.persons) parts[{row.person, row.member}].before = row.value;
  for (const ExplainedValue& row : now.persons) parts[{row.person, row.member}].now = row.value;
  const int known_now = now.stats.known();
  const std::optional<double> mean_before = before.stats.mean();
  for (auto& [key, part] : parts) {
    part.person = key.first;
    part.member = key.second;
    if (part.before == part.now) continue;
    if (out.delta) {
      const bool was = part.before && *part.before != kUnknown;
      const bool is = part.now && *part.now != kUnknown;
      double change = 0;
      if (was && is) change = *part.now - *part.before;
      if (is && !was) change = *part.now - *mean_before;
      if (was && !is) change = -(*part.before - *mean_before);
      part.contribution = change / known_now;
    }
    out.parts.push_back(part);
  }
  const auto& ids = graph_.ids(Kind::kPerson);
  std::stable_sort(out.parts.begin(), out.parts.end(), [&](const Attribution::Part& a, const Attribution::Part& b) {
    return ids.Id(a.person) < ids.Id(b.person);
  });
  return out;
}

std::string_view RuleName(StrategyReason::Rule rule) {
  static constexpr std::string_view kNames[] = {"acquire", "incomplete", "fell", "poor", "all_good", "otherwise"};
  return kNames[static_cast<size_t>(rule)];
}

StrategyReason Explainer::StrategyOf(Idx customer, Date day) const {
  const StrategyThresholds& t = figures_.thresholds();
  StrategyReason r;
  r.before_day = AddMonths(day, -t.drop_months);
  std::vector<Idx> key = figures_.KeyPersons(customer, day);
  figures_.SortById(Kind::kPerson, key);
  for (Idx person : key) {
    const PersonState state = figures_.State(person, kOurs, day);
    ++r.key_persons;
    r.fully_profiled += state.fully_profiled;
    for (int d = 0; d < kDimensions; ++d) r.now[d].Add(state.degrees[d]);
    if (state.fully_profiled) continue;
    r.to_profile.push_back(StrategyReason::ToProfile{person, FeatureNames(UnknownFeatures(figures_, person, day))});
  }
  r.before = figures_.CustomerDegrees(customer, kOurs, r.before_day);
  // The smallest whole number of fully profiled persons that makes profiled ≥ share × k hold (as Recommend
  // compares, with its 1e-9).
  while (r.profiled_needed < r.key_persons && r.profiled_needed < t.profiled_share * r.key_persons - 1e-9) {
    ++r.profiled_needed;
  }
  for (int d = 0; d < kDimensions; ++d) {
    r.fell[d] = FellBy(r.now[d], r.before[d], t.drop);
    r.poor[d] = r.now[d].tier() == Tier::kPoor;
  }
  r.strategy = figures_.Recommend(r.key_persons, r.fully_profiled, r.now, r.before);
  const bool complete = r.key_persons >= t.min_key_persons && r.fully_profiled >= t.profiled_share * r.key_persons - 1e-9;
  const bool any_fell = r.fell[0] || r.fell[1] || r.fell[2];
  const bool any_poor = r.poor[0] || r.poor[1] || r.poor[2];
  if (r.key_persons == 0 || (r.key_persons <= 2 && r.fully_profiled < r.key_persons)) {
    r.rule = StrategyReason::Rule::kAcquire;
  } else if (!complete) {
    r.rule = StrategyReason::Rule::kIncomplete;
  } else if (any_fell) {
    r.rule = StrategyReason::Rule::kFell;
  } else if (any_poor) {
    r.rule = StrategyReason::Rule::kPoor;
  } else if (r.strategy == Strategy::kRetain) {
    r.rule = StrategyReason::Rule::kAllGood;
  } else {
    r.rule = StrategyReason::Rule::kOtherwise;
  }
  return r;
}

}  // namespace brm::engine
