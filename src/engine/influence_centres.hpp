// Influence centres (影響力中心): the first step of relationship work, "map" (SPEC.md §9.1) — a customer's
// persons ranked by PageRank over who influences whom inside the customer.
//
// The influence graph of a customer on a day has a node for each of its active persons and an edge
// u → v when an internal influence link from u to v counts on the day, or when u is v's manager on an
// active reporting line (SPEC: "manager → report counts as influence"). Parallel edges (a link and a
// reporting line, or two links, between the same two persons in the same direction) are one edge:
// PageRank is taken over the plain relation "u influences v", not weighted by strength, as the SPEC
// names no weights for it.
//
// Decision (the literal reading): standard PageRank over these directed edges — rank flows along each
// edge, from the influencer to the person influenced, and a person with no outgoing edge spreads their
// rank evenly over all persons. A reading where rank flows the other way (so that whoever influences many
// ranks highest) would fit the articles' 影響力中心 better; the SPEC says PageRank over the links, so we
// follow the links' direction.
//
// The ranks of a customer on a day are kept in the figures' cache (LineCache::OfCustomer) until a write may
// have changed them: a scope that sees the customer sees every edge (both ends are its persons), so the
// ranks are the same in every perspective that may ask.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

// The influence centres as a figure of the customer (issue 13 item 4, seed 003 講關係: how close the
// centres are to us as a group): the kPooledCentres highest-ranked active key persons (ties by id, as Rank
// orders them), their customer-level degrees pooled as the customer's are. Reading taken: key persons only
// (only they are rated), so a centre who is not a key person is passed over for the next one.
inline constexpr size_t kPooledCentres = 10;

struct InfluenceCentre {
  Idx person = kNone;
  double rank = 0;   // PageRank, rounded to 10 decimals; the ranks of a customer sum to 1
  bool key = false;  // an active key person on the day (SPEC: "key persons of high rank flagged")
};

class InfluenceCentres {
 public:
  static constexpr double kDamping = 0.85;
  // Iteration stops when the L1 change of the ranks falls below kTolerance, or after kMaxIterations
  // (the change shrinks at least by the damping factor each round, so about 175 rounds always suffice).
  static constexpr double kTolerance = 1e-12;
  static constexpr int kMaxIterations = 1000;

  explicit InfluenceCentres(const Figures& figures) : figures_(figures), graph_(figures.graph()) {}

  // Every person of `customer` active on `day` (key or not), ranked by PageRank with damping kDamping;
  // a person who influences nobody ("dangling") spreads their rank evenly over all persons.
  // Highest rank first, equal ranks by person id. Empty when `customer` is not an organization of kind
  // customer active on `day`.
  std::vector<InfluenceCentre> Rank(Idx customer, Date day) const;
  // The kPooledCentres highest-ranked active key persons of `customer` on `day`, highest first.
  std::vector<Idx> PooledCentres(Idx customer, Date day) const;
  // Their degrees toward `toward` on `day` (the customer-level ratings, as the customer figure reads them).
  Degrees PooledDegrees(Idx customer, Idx toward, Date day) const;

 private:
  std::vector<InfluenceCentre> Compute(Idx customer, Date day) const;

  const Figures& figures_;
  const Graph& graph_;
};

}  // namespace brm::engine
