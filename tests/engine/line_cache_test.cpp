// The customer line's cache (line_cache.hpp) against a fresh computation: random tenants, random write
// sequences of every kind that reaches a customer's figures (ratings and their retirement, votes,
// persons moving, leaving or ceasing to be key, links made, moved and ended, employees leaving,
// departments, opportunities, organizations changing kind or life, reporting lines, thresholds), and after
// each write the cached lines of several perspectives, targets and days equal Lines::Customers computed
// afresh (and the influence line and warnings, kept whole until the next write, equal theirs, and each
// customer's influence ranks, kept per customer, equal ranks computed without a cache).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include "engine/engine.hpp"
#include "engine/influence_centres.hpp"
#include "engine/tenant_builder.hpp"
#include "engine/warnings.hpp"
#include "json/figures_json.hpp"
#include "json/work_json.hpp"

namespace brm::engine {
namespace {

using namespace fixture;

class RandomTenant {
 public:
  explicit RandomTenant(uint32_t seed) : random_(seed) {}

  void Build(Engine& engine) {
    Put(engine, Org("us", "ours"));
    Put(engine, Org("comp", "competitor"));
    for (int e = 0; e < 4; ++e) Put(engine, NonKeyPerson(Name("e", e).c_str(), "us"));
    Put(engine, NonKeyPerson("x1", "comp"));
    for (int c = 0; c < kCustomers; ++c) {
      Rec org = Customer(Name("c", c).c_str());
      org.Since(Pick({"2024-01-01", "2025-06-01", "2026-02-01"}));
      Put(engine, org);
      Put(engine, Dept(Name("d", c).c_str(), Name("c", c).c_str()));
    }
    for (int p = 0; p < kPersons; ++p) Put(engine, PersonRecord(p));
    // Most persons insighted from the start (three degrees and both votes known), so that whether a link
    // counts — and so whether they are fully profiled, and the strategy — is at stake in most writes.
    for (int p = 0; p < kPersons; ++p) {
      if (Uniform(0, 9) < 3) continue;
      for (const char* dimension : {"closeness", "solution", "price"}) {
        Put(engine, Rating(Next("r").c_str(), Name("p", p).c_str(), dimension,
                           Pick({"strong_support", "support", "neutral", "oppose"}), "2025-01-15"));
      }
      for (const char* kind : {"veto", "approve"}) {
        Put(engine, Vote(Next("v").c_str(), Name("p", p).c_str(), kind, Pick({"yes", "no"}), "2025-01-15"));
      }
    }
    for (int o = 0; o < kCustomers; ++o) Put(engine, OppRecord(o));
    for (int i = 0; i < 60; ++i) Write(engine);
  }

  // One random write of any kind that can reach a customer line.
  void Write(Engine& engine) {
    switch (Uniform(0, 12)) {
      case 0:
      case 1:
      case 2: {  // a rating, customer or project level, toward ours or the competitor
        Rec rating = Rating(Next("r").c_str(), Name("p", Uniform(0, kPersons - 1)).c_str(),
                            Pick({"closeness", "solution", "price"}), Attitude(), Day());
        if (Uniform(0, 4) == 0) rating.Set(fields::rating::kToward, "comp");
        if (Uniform(0, 5) == 0) rating.Set(fields::rating::kOpportunity, Name("o", Uniform(0, kCustomers - 1)).c_str());
        ratings_.push_back(rating);
        return Put(engine, rating);
      }
      case 3:  // a rating retired
        if (ratings_.empty()) return;
        return Put(engine, ratings_[Uniform(0, static_cast<int>(ratings_.size()) - 1)].Until(Day()));
      case 4:
        return Put(engine, Vote(Next("v").c_str(), Name("p", Uniform(0, kPersons - 1)).c_str(),
                                Pick({"veto", "approve"}), Pick({"yes", "no"}), Day()));
      case 5: {  // a person changes: key or not, another customer or department, leaves, orientation
        const int p = Uniform(0, kPersons - 1);
        Rec person = PersonRecord(p);
        return Put(engine, person);
      }
      case 6: {  // a link made or moved (same id, new ends) or ended
        const std::string id = Uniform(0, 2) == 0 || links_ == 0 ? Name("L", ++links_) : Name("L", Uniform(1, links_));
        const std::string from = Uniform(0, 3) == 0 ? "x1" : Uniform(0, 1) ? Name("e", Uniform(0, 3))
                                                                             : Name("p", Uniform(0, kPersons - 1));
        Rec link = Link(id.c_str(), from.c_str(), Name("p", Uniform(0, kPersons - 1)).c_str());
        if (Uniform(0, 4) == 0) link.Until(Day());
        return Put(engine, link);
      }
      case 7: {  // an employee leaves or comes back
        Rec employee = NonKeyPerson(Name("e", Uniform(0, 3)).c_str(), "us");
        if (Uniform(0, 1)) employee.Until(Day());
        return Put(engine, employee);
      }
      case 8:
        return Put(engine, OppRecord(Uniform(0, kCustomers - 1)));
      case 9: {  // a customer's life, focus, or kind changes
        const int c = Uniform(0, kCustomers - 1);
        Rec org = Org(Name("c", c).c_str(), Uniform(0, 5) == 0 ? "partner" : "customer");
        org.Since(Pick({"2024-01-01", "2025-06-01", "2026-02-01"}));
        if (Uniform(0, 3) == 0) org.Until(Day());
        org.Set(fields::org::kFocus, Uniform(0, 1) == 1);
        return Put(engine, org);
      }
      case 10: {  // a department ends
        Rec dept = Dept(Name("d", Uniform(0, kCustomers - 1)).c_str(), Name("c", Uniform(0, kCustomers - 1)).c_str());
        if (Uniform(0, 1)) dept.Until(Day());
        return Put(engine, dept);
      }
      case 11: {  // a reporting line made, moved (same id, new ends) or ended
        const std::string id = Uniform(0, 2) == 0 || lines_ == 0 ? Name("R", ++lines_) : Name("R", Uniform(1, lines_));
        Rec line = Reports(id.c_str(), Name("p", Uniform(0, kPersons - 1)).c_str(),
                           Name("p", Uniform(0, kPersons - 1)).c_str());
        if (Uniform(0, 4) == 0) line.Until(Day());
        return Put(engine, line);
      }
      default: {
        StrategyThresholds thresholds;
        thresholds.min_key_persons = Uniform(1, 4);
        thresholds.drop_months = Uniform(1, 6);
        engine.SetThresholds(thresholds);
        return;
      }
    }
  }

  std::vector<bool> RandomOrgs(const Graph& graph) {
    std::vector<bool> orgs(graph.orgs.size(), false);
    for (size_t i = 0; i < orgs.size(); ++i) orgs[i] = graph.orgs[i].kind != OrgKind::kCustomer || Uniform(0, 1) == 1;
    return orgs;
  }

 private:
  static constexpr int kCustomers = 8;
  static constexpr int kPersons = 40;

  static std::string Name(const char* prefix, int n) { return prefix + std::to_string(n); }
  std::string Next(const char* prefix) { return prefix + std::to_string(++serial_); }
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  const char* Pick(std::initializer_list<const char*> items) {
    return items.begin()[Uniform(0, static_cast<int>(items.size()) - 1)];
  }
  const char* Attitude() { return Pick({"strong_support", "support", "neutral", "oppose", "strong_oppose", "unknown"}); }
  const char* Day() {
    return Pick({"2025-01-15", "2025-05-31", "2025-11-30", "2026-01-31", "2026-02-28", "2026-03-01", "2026-03-31",
                 "2026-05-15", "2026-06-15", "2026-11-30"});
  }
  Rec PersonRecord(int p) {
    const int c = Uniform(0, kCustomers - 1);
    Rec person = Uniform(0, 4) == 0 ? NonKeyPerson(Name("p", p).c_str(), Name("c", c).c_str())
                                    : KeyPerson(Name("p", p).c_str(), Name("c", c).c_str(), Name("d", c).c_str());
    person.Since(Pick({"2024-01-01", "2025-09-01", "2026-03-15"}));
    if (Uniform(0, 6) == 0) person.Until(Day());
    if (Uniform(0, 3) > 0) person.Set(fields::person::kOrientation, "technology");
    return person;
  }
  Rec OppRecord(int o) {
    const char* status = Pick({"open", "open", "won", "lost"});
    return Opp(Name("o", o).c_str(), Name("c", Uniform(0, kCustomers - 1)).c_str(), Pick({"2025-03-01", "2026-04-01"}),
               Uniform(1, 9) * 100000.0, status,
               std::string_view(status) == "open" ? nullptr : Pick({"2025-11-30", "2026-05-15", "2026-11-30"}));
  }
  void Put(Engine& engine, const Record& record) { engine.Apply(record); }

  std::mt19937 random_;
  int serial_ = 0;
  int links_ = 0;
  int lines_ = 0;
  std::vector<Rec> ratings_;
};

std::string RanksText(const Graph& graph, const std::vector<InfluenceCentre>& ranks) {
  std::string text;
  for (const InfluenceCentre& c : ranks) {
    char rank[32];
    std::snprintf(rank, sizeof rank, "%.10f", c.rank);  // ranks are rounded to 10 decimals
    text += graph.Id(Kind::kPerson, c.person) + " " + rank + (c.key ? " key\n" : "\n");
  }
  return text;
}

std::string LineJson(const Graph& graph, const CustomerLine& line) {
  return boost::json::serialize(json::CustomerLineJson(graph, line, "test"));
}

TEST(LineCache, RandomWritesLeaveEveryCachedLineEqualToAFreshComputation) {
  const Date days[] = {fixture::D("2026-03-31"), fixture::D("2026-06-15"), fixture::D("2026-12-01")};
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Engine engine;
    RandomTenant tenant(seed);
    tenant.Build(engine);
    const Scope part = engine.With([&](const Figures& f) { return Scope::Of(tenant.RandomOrgs(f.graph())); });
    const Scope scopes[] = {Scope::Company(), part};
    int compared = 0;
    size_t won_seen = 0;
    for (int write = 0; write < 150; ++write) {
      tenant.Write(engine);
      engine.With([&](const Figures& all) {
        const Idx comp = all.graph().ids(Kind::kOrganization).Find("comp");
        for (const Scope& scope : scopes) {
          const Figures within = all.Within(scope);
          const Lines lines(within);
          for (Date day : days) {
            for (Idx toward : {kOurs, comp}) {
              // Ask twice: the second answer comes from the cache untouched.
              const auto cached = lines.CachedCustomers(scope, toward, day);
              ASSERT_EQ(lines.CachedCustomers(scope, toward, day), cached);
              ASSERT_EQ(LineJson(all.graph(), *cached), LineJson(all.graph(), lines.Customers(scope, toward, day)))
                  << "after write " << write << " on " << FormatDate(day);
              ++compared;
              const auto influence = lines.CachedInfluence(scope, toward, day);
              ASSERT_EQ(boost::json::serialize(json::InfluenceLineJson(all.graph(), *influence, "test")),
                        boost::json::serialize(json::InfluenceLineJson(all.graph(), lines.Influence(scope, toward, day),
                                                                       "test")))
                  << "influence after write " << write;
            }
            // The opportunities won this year, read from the scope's organizations' lists, are those of the
            // whole tenant's list in the scope.
            std::vector<Idx> won;
            const Date first = FromCivil(CivilDate{ToCivil(day).year, 1, 1});
            for (Idx opp = 0; opp < all.graph().opportunities.size(); ++opp) {
              const Opportunity& o = all.graph().opportunities[opp];
              if (o.status == OpportunityStatus::kWon && o.closed != kMaxDate && first <= o.closed && o.closed <= day &&
                  o.customer != kNone && scope.Has(o.customer)) {
                won.push_back(opp);
              }
            }
            ASSERT_EQ(within.WonThisYear(scope, day), won) << "after write " << write;
            won_seen += won.size();
            const Figures uncached = Figures(all.graph(), all.thresholds()).Within(scope);
            for (Idx customer : all.graph().customers) {
              ASSERT_EQ(RanksText(all.graph(), InfluenceCentres(within).Rank(customer, day)),
                        RanksText(all.graph(), InfluenceCentres(uncached).Rank(customer, day)))
                  << "ranks of " << all.graph().Id(Kind::kOrganization, customer) << " after write " << write;
            }
            const Warnings warnings(within);
            ASSERT_EQ(boost::json::serialize(json::WarningsJson(all.graph(), *warnings.CachedCheck(scope, day))),
                      boost::json::serialize(json::WarningsJson(all.graph(), warnings.Check(scope, day))))
                << "warnings after write " << write;
          }
        }
      });
    }
    EXPECT_EQ(compared, 150 * 2 * 3 * 2);
    EXPECT_GT(won_seen, 0u);  // the comparison of the won opportunities had some to compare
  }
}

TEST(LineCache, AWriteRecomputesOnlyTheCustomersItConcerns) {
  Engine engine;
  for (const char* c : {"c1", "c2"}) engine.Apply(Customer(c).Since("2025-01-01"));
  engine.Apply(Org("us", "ours"));
  engine.Apply(KeyPerson("p1", "c1").Since("2025-01-01"));
  engine.Apply(KeyPerson("p2", "c2").Since("2025-01-01"));
  engine.Apply(Rating("r1", "p1", "closeness", "support", "2026-01-10"));
  const Date day = fixture::D("2026-03-01");
  auto stamps = [&] {
    return engine.With([&](const Figures& all) {
      Lines(all).CachedCustomers(Scope::Company(), kOurs, day);
      const auto entry = all.cache()->Find(LineCache::Key{Scope::Company(), kOurs, day, all.thresholds()});
      const Graph& graph = all.graph();
      auto stamp = [&](const char* id) {
        const auto at = std::find(entry->customers.begin(), entry->customers.end(), graph.ids(Kind::kOrganization).Find(id));
        return entry->parts.at(static_cast<size_t>(at - entry->customers.begin())).computed_at;
      };
      return std::pair{stamp("c1"), stamp("c2")};
    });
  };
  const auto before = stamps();
  engine.Apply(Rating("r2", "p2", "closeness", "oppose", "2026-02-01"));
  const auto after = stamps();
  EXPECT_EQ(after.first, before.first);  // c1 untouched: its part is kept
  EXPECT_GT(after.second, before.second);
  const auto line = engine.With([&](const Figures& all) {
    return Lines(all).CachedCustomers(Scope::Company(), kOurs, day)->pooled[0][0].mean();
  });
  ASSERT_TRUE(line.has_value());
  EXPECT_DOUBLE_EQ(*line, 0.0);  // support (+1) and oppose (−1) pooled
}

// q (c2) is fully profiled only through p's link (p is a person of c1): when p leaves, c2's line part
// must be computed again although nothing of c2 was written.
TEST(LineCache, APersonLeavingChangesTheCustomersTheyInfluence) {
  Engine engine;
  engine.Apply(Org("us", "ours"));
  for (const char* c : {"c1", "c2"}) engine.Apply(Customer(c).Since("2025-01-01"));
  engine.Apply(KeyPerson("p", "c1").Since("2025-01-01"));
  engine.Apply(KeyPerson("q", "c2").Since("2025-01-01").Set(fields::person::kOrientation, "technology"));
  int serial = 0;
  for (const char* dimension : {"closeness", "solution", "price"}) {
    engine.Apply(Rating(("r" + std::to_string(++serial)).c_str(), "q", dimension, "support", "2025-02-01"));
  }
  engine.Apply(Vote("v1", "q", "veto", "yes", "2025-02-01"));
  engine.Apply(Vote("v2", "q", "approve", "yes", "2025-02-01"));
  engine.Apply(Link("L1", "p", "q"));
  const Date day = fixture::D("2026-03-01");
  auto profiled = [&] {
    return engine.With([&](const Figures& all) {
      const auto line = Lines(all).CachedCustomers(Scope::Company(), kOurs, day);
      EXPECT_EQ(line->list.size(), 2u);
      return line->list.at(1).fully_profiled;  // c2
    });
  };
  EXPECT_EQ(profiled(), 1);
  engine.Apply(KeyPerson("p", "c1").Since("2025-01-01").Until("2026-01-01"));
  EXPECT_EQ(profiled(), 0);
  engine.Apply(KeyPerson("p", "c1").Since("2025-01-01"));
  EXPECT_EQ(profiled(), 1);
}

}  // namespace
}  // namespace brm::engine

namespace brm::engine {
namespace {

// A customer's ranks are kept between requests and follow each write that reaches its persons' edges: a
// reporting line made (the report gains rank from the manager), then ended.
TEST(LineCache, InfluenceRanksFollowAReportingLine) {
  Engine engine;
  engine.Apply(Org("us", "ours"));
  for (const char* c : {"c1", "c2"}) engine.Apply(Customer(c).Since("2025-01-01"));
  for (const char* p : {"a", "b", "c"}) engine.Apply(KeyPerson(p, "c1").Since("2025-01-01"));
  engine.Apply(KeyPerson("q", "c2").Since("2025-01-01"));
  const Date day = fixture::D("2026-03-01");
  auto ranks = [&] {
    return engine.With([&](const Figures& all) {
      const Idx c1 = all.graph().ids(Kind::kOrganization).Find("c1");
      const std::string cached = RanksText(all.graph(), InfluenceCentres(all).Rank(c1, day));
      EXPECT_EQ(cached, RanksText(all.graph(), InfluenceCentres(Figures(all.graph(), all.thresholds())).Rank(c1, day)));
      return cached;
    });
  };
  // Three persons without edges: a third each, in id order.
  const std::string even = "a 0.3333333333 key\nb 0.3333333333 key\nc 0.3333333333 key\n";
  EXPECT_EQ(ranks(), even);
  engine.Apply(Rating("r1", "q", "closeness", "support", "2026-01-10"));  // another customer's write
  EXPECT_EQ(ranks(), even);
  // a manages c: a's rank flows to c; b and c influence nobody and spread theirs over all three. With
  // d = 0.85: a = b = x = 0.05 + 0.85 (b + c) / 3 and c = x + 0.85 a = 1.85 x; 3.85 x = 1, so
  // a = b = 0.2597402597…, c = 0.4805194805….
  engine.Apply(Reports("R1", "c", "a"));
  EXPECT_EQ(ranks(), "c 0.4805194805 key\na 0.2597402597 key\nb 0.2597402597 key\n");
  engine.Apply(Reports("R1", "c", "a").Until("2026-02-01"));
  EXPECT_EQ(ranks(), even);
}

}  // namespace
}  // namespace brm::engine
