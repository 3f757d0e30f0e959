#include "engine/customer_graph.hpp"

#include <algorithm>

namespace brm::engine {

CustomerGraph MapCustomer(const Figures& figures, Idx customer, Idx toward, Date day,
                          const std::function<bool(Idx org)>& visible) {
  const Graph& graph = figures.graph();
  const Organization& org = graph.orgs[customer];
  CustomerGraph map;
  map.customer = customer;
  map.as_of = day;
  map.toward = toward;
  for (Idx department : org.departments) {
    if (graph.departments[department].life.On(day)) map.departments.push_back(department);
  }
  figures.SortById(Kind::kDepartment, map.departments);

  std::vector<Idx> members;
  for (Idx person : org.people) {
    const Person& p = graph.people[person];
    if (p.exists && p.org == customer && p.life.On(day)) members.push_back(person);
  }
  figures.SortById(Kind::kPerson, members);
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<bool> member(graph.people.size(), false);
  map.people.reserve(members.size());
  for (Idx person : members) {
    member[person] = true;
    CustomerGraph::Member row;
    row.person = person;
    for (Dimension d : kAllDimensions) row.degrees[static_cast<int>(d)] = figures.Rating(person, d, toward, kNone, day);
    row.veto = figures.Vote(person, VoteKind::kVeto, day);
    row.approve = figures.Vote(person, VoteKind::kApprove, day);
    map.people.push_back(row);
  }

  for (const CustomerGraph::Member& manager : map.people) {
    for (Idx line : graph.people[manager.person].manages) {
      const ReportingLine& r = graph.reporting[line];
      if (r.person != kNone && member[r.person] && r.life.On(day)) map.reporting.push_back(line);
    }
  }
  figures.SortById(Kind::kReporting, map.reporting);

  // A link is met from both of its ends when both are members; `seen` keeps each once.
  std::vector<bool> outsider(graph.people.size(), false);
  for (Idx person : members) {
    const Person& p = graph.people[person];
    for (const auto* list : {&p.links_out, &p.links_in}) {
      for (Idx link : *list) {
        if (!figures.LinkCounts(link, day)) continue;
        const InfluenceLink& l = graph.links[link];
        const Idx other = l.from == person ? l.to : l.from;
        if (member[other]) {
          if (l.from == person) map.links.push_back(link);  // counted once, from its `from` end
          continue;
        }
        const Idx other_org = graph.people[other].org;
        if (other_org == kNone || !visible(other_org)) continue;
        map.links.push_back(link);
        if (!outsider[other]) {
          outsider[other] = true;
          map.outsiders.push_back(other);
        }
      }
    }
  }
  figures.SortById(Kind::kInfluence, map.links);
  map.links.erase(std::unique(map.links.begin(), map.links.end()), map.links.end());
  figures.SortById(Kind::kPerson, map.outsiders);
  return map;
}

}  // namespace brm::engine
