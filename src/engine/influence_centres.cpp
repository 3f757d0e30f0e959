#include "engine/influence_centres.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "engine/line_cache.hpp"

namespace brm::engine {

namespace {

bool ActivePerson(const Person& person, Date day) { return person.exists && person.life.On(day); }

// Ranks that differ only by floating-point summation order (persons in symmetric positions) must tie, so
// that the order falls back to person ids; ten decimals keep far more precision than a reader uses.
double RoundRank(double rank) { return std::round(rank * 1e10) / 1e10; }

}  // namespace

std::vector<InfluenceCentre> InfluenceCentres::Rank(Idx customer, Date day) const {
  LineCache* cache = figures_.cache();
  if (!cache || customer >= graph_.orgs.size() || !figures_.Sees(customer)) return Compute(customer, day);
  return *cache->OfCustomer<std::vector<InfluenceCentre>>({customer, day, "influence ranks"}, graph_.TouchedAt(customer),
                                                          graph_.touches, [&] { return Compute(customer, day); });
}

std::vector<InfluenceCentre> InfluenceCentres::Compute(Idx customer, Date day) const {
  if (customer >= graph_.orgs.size()) return {};
  const Organization& org = graph_.orgs[customer];
  if (org.kind != OrgKind::kCustomer || !org.life.On(day)) return {};

  std::vector<Idx> persons;
  for (Idx person : org.people) {
    if (ActivePerson(graph_.people[person], day)) persons.push_back(person);
  }
  figures_.SortById(Kind::kPerson, persons);
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  const size_t n = persons.size();
  if (n == 0) return {};
  std::unordered_map<Idx, size_t> node;
  for (size_t i = 0; i < n; ++i) node.emplace(persons[i], i);

  // Influence edges (influencer, influenced) between the customer's active persons.
  std::vector<std::pair<size_t, size_t>> edges;
  auto add = [&](Idx from, Idx to) {
    auto f = node.find(from), t = node.find(to);
    if (f != node.end() && t != node.end() && f->second != t->second) edges.emplace_back(f->second, t->second);
  };
  for (Idx person : persons) {
    for (Idx link : graph_.people[person].links_out) {
      if (figures_.LinkCounts(link, day)) add(person, graph_.links[link].to);
    }
  }
  for (Idx person : persons) {
    for (Idx index : graph_.people[person].manages) {
      const ReportingLine& line = graph_.reporting[index];
      if (line.life.On(day) && line.person != kNone) add(person, line.person);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());

  // Standard PageRank over the edges as the SPEC gives them: rank flows along each edge, from the
  // influencer to the person influenced, split evenly over the influencer's edges.
  std::vector<std::vector<size_t>> sources(n);  // sources[i]: the persons with an edge to i
  std::vector<int> out_degree(n, 0);
  for (const auto& [from, to] : edges) {
    sources[to].push_back(from);
    ++out_degree[from];
  }

  const double count = static_cast<double>(n);
  std::vector<double> rank(n, 1.0 / count), next(n);
  for (int round = 0; round < kMaxIterations; ++round) {
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (out_degree[i] == 0) dangling += rank[i];
    }
    const double base = (1 - kDamping) / count + kDamping * dangling / count;
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      double flow = 0;
      for (size_t j : sources[i]) flow += rank[j] / out_degree[j];
      next[i] = base + kDamping * flow;
      change += std::abs(next[i] - rank[i]);
    }
    rank.swap(next);
    if (change < kTolerance) break;
  }
  double total = 0;
  for (double r : rank) total += r;

  std::vector<InfluenceCentre> centres;
  centres.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    centres.push_back(
        InfluenceCentre{persons[i], RoundRank(rank[i] / total), figures_.ActiveKeyPerson(persons[i], day)});
  }
  // `persons` is in id order, so a stable sort by rank leaves equal ranks in id order.
  std::stable_sort(centres.begin(), centres.end(),
                   [](const InfluenceCentre& a, const InfluenceCentre& b) { return a.rank > b.rank; });
  return centres;
}

std::vector<Idx> InfluenceCentres::PooledCentres(Idx customer, Date day) const {
  std::vector<Idx> persons;
  for (const InfluenceCentre& centre : Rank(customer, day)) {
    if (persons.size() == kPooledCentres) break;
    if (centre.key) persons.push_back(centre.person);
  }
  return persons;
}

Degrees InfluenceCentres::PooledDegrees(Idx customer, Idx toward, Date day) const {
  Degrees degrees{};
  for (Idx person : PooledCentres(customer, day)) {
    const PersonState state = figures_.State(person, toward, day);
    for (int d = 0; d < kDimensions; ++d) degrees[d].Add(state.degrees[d]);
  }
  return degrees;
}

}  // namespace brm::engine
