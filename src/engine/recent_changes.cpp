#include "engine/recent_changes.hpp"

#include <algorithm>
#include <tuple>

namespace brm::engine {

namespace {

// The points of a history dated within [from, day] and on record on `day`, each with the value before it.
template <typename Emit>
void Within(std::span<const FactPoint> points, Date from, Date day, Emit&& emit) {
  for (size_t i = 0; i < points.size(); ++i) {
    const FactPoint& point = points[i];
    if (point.date < from || point.date > day || point.until <= day) continue;
    // The value just before: the latest earlier point (sorted by date, seq) on record on the day.
    int8_t previous = kUnknown;
    for (size_t j = 0; j < i; ++j) {
      if (points[j].until > day && points[j].until > point.date) previous = points[j].value;
    }
    emit(point, previous);
  }
}

}  // namespace

std::vector<RecentChange> RecentChanges(const Figures& figures, const Scope& scope, Date day, int days) {
  const Graph& graph = figures.graph();
  const Date from = AddDays(day, -(days - 1));
  std::vector<RecentChange> out;
  for (Idx customer = 0; customer < graph.orgs.size(); ++customer) {
    const Organization& org = graph.orgs[customer];
    if (org.kind != OrgKind::kCustomer || !org.life.On(day) || !scope.Has(customer)) continue;
    for (Idx index : org.people) {
      const Person& person = graph.people[index];
      if (!person.exists || !person.life.On(day)) continue;
      for (int d = 0; d < kDimensions; ++d) {
        Within(person.Hot(d), from, day, [&](const FactPoint& point, int8_t previous) {
          out.push_back(RecentChange{.kind = ChangeKind::kRating, .date = point.date, .customer = customer,
                                     .person = index, .dimension = static_cast<Dimension>(d), .value = point.value,
                                     .previous = previous});
        });
      }
      for (VoteKind vote : {VoteKind::kVeto, VoteKind::kApprove}) {
        Within(person.Hot(HotVote(vote)), from, day, [&](const FactPoint& point, int8_t previous) {
          out.push_back(RecentChange{.kind = ChangeKind::kVote, .date = point.date, .customer = customer,
                                     .person = index, .vote = vote, .value = point.value, .previous = previous});
        });
      }
      for (const Series& series : person.ratings) {
        // Toward a competitor outside the scope, the rating is not the scope's to show.
        if (series.toward != kOurs && !figures.Sees(series.toward)) continue;
        Within(series.points, from, day, [&](const FactPoint& point, int8_t previous) {
          out.push_back(RecentChange{.kind = ChangeKind::kRating, .date = point.date, .customer = customer,
                                     .opportunity = series.opportunity, .person = index, .dimension = series.dimension,
                                     .toward = series.toward, .value = point.value, .previous = previous});
        });
      }
    }
    for (Idx opp : org.opportunities) {
      for (Idx member : graph.opportunities[opp].members) {
        const ChainMember& m = graph.members[member];
        auto change = [&](ChangeKind kind, Date date) {
          out.push_back(RecentChange{.kind = kind, .date = date, .customer = customer, .opportunity = opp,
                                     .person = m.person, .role = m.role});
        };
        if (m.life.since >= from && m.life.since <= day) change(ChangeKind::kJoined, m.life.since);
        if (m.life.until >= from && m.life.until <= day) change(ChangeKind::kLeft, m.life.until);
      }
    }
  }
  auto id = [&](Kind kind, Idx index) -> std::string_view {
    return index == kNone ? std::string_view() : std::string_view(graph.Id(kind, index));
  };
  std::stable_sort(out.begin(), out.end(), [&](const RecentChange& a, const RecentChange& b) {
    if (a.date != b.date) return a.date > b.date;
    return std::tuple(static_cast<int>(a.kind), id(Kind::kPerson, a.person), id(Kind::kOpportunity, a.opportunity)) <
           std::tuple(static_cast<int>(b.kind), id(Kind::kPerson, b.person), id(Kind::kOpportunity, b.opportunity));
  });
  return out;
}

}  // namespace brm::engine
