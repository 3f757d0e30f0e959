// The figures engine's benchmarks on the large demo company (bench/README.md has the figures and targets).
//
//   brm_figures_bench --data DIR [--as-of YYYY-MM-DD] [--no-check] [--report] [Google Benchmark flags]
//
// DIR is a data directory made by `brm demo --scale large --data DIR --end 2026-11-23` (`bench/run figures`
// makes it once and keeps it in build/bench-data/large); --as-of defaults to that end date. The program
// loads DIR into an engine with LoadGraph (and reports the load time and the resident memory), checks once
// that the SQL baseline computes the same customer line as the engine (--no-check skips that), with --report times
// `brm report`'s document with and without its project history (twice each, about three minutes), runs the
// benchmarks, and prints a summary against the targets. Run it pinned to one core (`taskset -c 1`), as
// bench/run does.
//
// The benchmarks that write (last in the order) add ratings to the engine and, for the service path, to a
// scratch copy of DIR in the temporary directory: DIR itself is never written.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "demo/demo.hpp"
#include "domain/schema.hpp"
#include "engine/engine.hpp"
#include "engine/lines.hpp"
#include "engine/project_history.hpp"
#include "engine/suggestions.hpp"
#include "json/record_json.hpp"
#include "service/entities.hpp"
#include "service/figures.hpp"
#include "service/strategy_settings.hpp"
#include "sql_line.hpp"
#include "summary.hpp"
#include "store/store.hpp"

namespace {

namespace bj = boost::json;
namespace eng = brm::engine;
using brm::Date;
using brm::Kind;
using eng::Idx;
// The SQL baseline that the engine is compared with (sql_line.hpp).
using brm::bench::CompareLines;
using brm::bench::OpenSql;
using brm::bench::SqlCustomerLine;
using brm::bench::SqlFor;
using brm::bench::SqlLine;
using brm::bench::SqlVariant;
using brm::bench::SummaryReporter;

constexpr const char* kDimensionWords[] = {"closeness", "solution", "price"};
constexpr const char* kAttitudeWords[] = {"strong_support", "support", "neutral", "oppose", "strong_oppose"};

// ---------------------------------------------------------------------------------------------------------
// Process memory, from /proc/self/status.

// The value of a "Vm…:  123 kB" line in KiB; 0 when missing.
long StatusKiB(const std::string& key) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::strtol(line.c_str() + key.size() + 1, nullptr, 10);
  }
  return 0;
}

double MiB(long kib) { return static_cast<double>(kib) / 1024.0; }

// ---------------------------------------------------------------------------------------------------------
// The shared state: the store, the loaded engine, and what the benchmarks pick from it.

struct State {
  std::string data_dir;
  Date as_of;
  std::unique_ptr<brm::Store> store;
  eng::Engine engine;

  std::vector<Idx> customers;  // customers active on as_of, by id
  Idx largest = eng::kNone;    // the one with the most key persons
  int largest_key_persons = 0;
  std::vector<Idx> key_people;  // key persons active on as_of: the persons new ratings are about
  std::vector<Idx> opportunities;  // every opportunity that exists on as_of, open or closed

  // Figures reported once.
  double load_seconds = 0;
  long rss_before_kib = 0, rss_after_kib = 0, hwm_after_kib = 0;

  // The service path's scratch copy of the data directory (made on first use).
  std::filesystem::path scratch_dir;
  std::unique_ptr<brm::Store> scratch;
  std::unique_ptr<brm::EntityService> entities;
  uint64_t next_rating = 0;
};

State* g = nullptr;

// ---------------------------------------------------------------------------------------------------------
// Reads.

eng::CustomerLine EngineLine() {
  return g->engine.With([](const eng::Figures& figures) {
    return eng::Lines(figures).Customers(eng::Scope::Company(), eng::kOurs, g->as_of);
  });
}

void CustomerLine(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(EngineLine());
}

// What bounds the line: the memory it must read, read with nothing computed, with the line's own
// prefetching. For every customer: its organization record, its persons, departments and opportunity spans;
// each person's first cache line (existence, key, life, where the hot histories are); for each key person,
// the whole hot block (the three degrees, the two votes, when they are acquainted) — summed.
uint64_t ReadWhatTheLineReads(const eng::Graph& graph) {
  uint64_t sum = 0;
  const std::vector<Idx>& customers = graph.customers;
  for (size_t c = 0; c < customers.size(); ++c) {
    if (c + 2 < customers.size()) {
      const auto* next = reinterpret_cast<const char*>(&graph.orgs[customers[c + 2]]);
      for (size_t offset = 0; offset < sizeof(eng::Organization); offset += 64) __builtin_prefetch(next + offset);
    }
    if (c + 1 < customers.size()) {
      const eng::Organization& next = graph.orgs[customers[c + 1]];
      __builtin_prefetch(next.people.data());
      __builtin_prefetch(next.departments.data());
      __builtin_prefetch(next.open.data());
    }
    const eng::Organization& org = graph.orgs[customers[c]];
    for (Idx dept : org.departments) sum += graph.departments[dept].life.since.days;
    for (const eng::Organization::OpenSpan& span : org.open) sum += span.opened.days;
    const std::vector<Idx>& persons = org.people;
    for (size_t i = 0; i < persons.size(); ++i) {
      if (i + 4 < persons.size()) {
        __builtin_prefetch(&graph.people[persons[i + 4]]);
        __builtin_prefetch(&graph.people[persons[i + 4]].hot_end.back());
      }
      if (i + 2 < persons.size()) __builtin_prefetch(graph.people[persons[i + 2]].hot.data());
      const eng::Person& person = graph.people[persons[i]];
      sum += person.life.since.days;
      if (!person.exists || !person.key) continue;
      for (const eng::FactPoint& point : person.hot) sum += static_cast<uint64_t>(point.date.days) + point.value;
    }
  }
  return sum;
}

void CustomerLineMemoryBound(benchmark::State& state) {
  g->engine.With([&](const eng::Figures& figures) {
    for (auto _ : state) benchmark::DoNotOptimize(ReadWhatTheLineReads(figures.graph()));
  });
}

// The same line through the engine's cache (line_cache.hpp) at an unchanged data version: what every
// request after the first costs.
std::shared_ptr<const eng::CustomerLine> CachedLine() {
  return g->engine.With([](const eng::Figures& figures) {
    return eng::Lines(figures).CachedCustomers(eng::Scope::Company(), eng::kOurs, g->as_of);
  });
}

void CachedCustomerLine(benchmark::State& state) {
  CachedLine();  // the first request fills the cache
  for (auto _ : state) benchmark::DoNotOptimize(CachedLine());
}

// A page of the warnings or of the influence list as the API answers it (company scope, 50 rows, JSON
// built): the first request computes the whole list (counter first_ms), the next ones find it cached.
template <typename Page>
void ServiceWholePage(benchmark::State& state, Page page_of) {
  using Clock = std::chrono::steady_clock;
  brm::FiguresService service(*g->store, g->engine);
  brm::FigureQuery query;
  query.as_of = g->as_of;
  const brm::PageQuery page;
  const auto start = Clock::now();
  auto first = (service.*page_of)(brm::Actor::System(), query, page);
  state.counters["first_ms"] = std::chrono::duration<double>(Clock::now() - start).count() * 1e3;
  if (!first) return state.SkipWithError(first.error().message.c_str());
  state.counters["total"] = static_cast<double>(first->at("total").template to_number<int64_t>());
  for (auto _ : state) benchmark::DoNotOptimize((service.*page_of)(brm::Actor::System(), query, page));
}

// A page of the customer list as the API answers it (sorted by closeness, 50 rows, JSON built), cached line.
void ServiceCustomerLinePage(benchmark::State& state) {
  brm::FiguresService service(*g->store, g->engine);
  brm::FigureQuery query;
  query.as_of = g->as_of;
  brm::PageQuery page;
  page.sort = "closeness.percent";
  page.descending = true;
  for (auto _ : state) {
    auto line = service.CustomerLinePage(brm::Actor::System(), query, page);
    if (!line) {
      state.SkipWithError(line.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(line->size());
  }
}

// The subset of the line that the SQL baseline computes (counts, pooled means, tiers, each customer's means
// and their changes), with the engine's public figures, for a like-for-like comparison.
void CustomerLineDegreesOnly(benchmark::State& state) {
  for (auto _ : state) {
    g->engine.With([](const eng::Figures& figures) {
      const eng::Lines lines(figures);
      const eng::Graph& graph = figures.graph();
      const auto dates = eng::TrendDates(g->as_of);
      std::array<int, eng::kWhens> customers{};
      std::array<eng::Degrees, eng::kWhens> pooled{};
      std::array<std::array<std::array<int, 4>, eng::kDimensions>, eng::kWhens> tiers{};
      std::vector<std::array<std::optional<double>, 2 * eng::kDimensions>> changes;
      for (Idx customer : lines.CustomersIn(eng::Scope::Company())) {
        std::array<eng::Degrees, eng::kWhens> degrees{};
        for (int w = 0; w < eng::kWhens; ++w) {
          if (!graph.orgs[customer].life.On(dates[w])) continue;
          degrees[w] = figures.CustomerDegrees(customer, eng::kOurs, dates[w]);
          ++customers[w];
          for (int d = 0; d < eng::kDimensions; ++d) {
            pooled[w][d].Merge(degrees[w][d]);
            if (const auto tier = degrees[w][d].tier()) ++tiers[w][d][static_cast<int>(*tier)];
          }
        }
        if (!graph.orgs[customer].life.On(dates[eng::kNow])) continue;
        auto& row = changes.emplace_back();
        for (int d = 0; d < eng::kDimensions; ++d) {
          row[2 * d] = eng::Change(degrees[eng::kNow][d].mean(), degrees[eng::kMonthAgo][d].mean());
          row[2 * d + 1] = eng::Change(degrees[eng::kNow][d].mean(), degrees[eng::kYearAgo][d].mean());
        }
      }
      benchmark::DoNotOptimize(customers);
      benchmark::DoNotOptimize(pooled);
      benchmark::DoNotOptimize(tiers);
      benchmark::DoNotOptimize(changes.data());
      return 0;
    });
  }
}

void CustomerLineTrend24(benchmark::State& state) {
  const brm::CivilDate end = brm::ToCivil(g->as_of);
  const brm::CivilDate start = brm::ToCivil(brm::AddMonths(brm::FromCivil(brm::CivilDate{end.year, end.month, 1}), -23));
  const std::vector<Date> days = eng::MonthEnds(start.year, start.month, end.year, end.month);
  if (days.size() != 24) state.SkipWithError("not 24 month ends");
  for (auto _ : state) {
    benchmark::DoNotOptimize(g->engine.With([&](const eng::Figures& figures) {
      return eng::Lines(figures).CustomerLineTrend(eng::Scope::Company(), eng::kOurs, days);
    }));
  }
}

// One customer's metrics, each iteration the next active customer: the mean over all of them.
void CustomerMetrics(benchmark::State& state) {
  size_t next = 0;
  for (auto _ : state) {
    const Idx customer = g->customers[next];
    next = next + 1 == g->customers.size() ? 0 : next + 1;
    benchmark::DoNotOptimize(g->engine.With(
        [&](const eng::Figures& figures) { return figures.Customer(customer, eng::kOurs, g->as_of); }));
  }
}

void CustomerMetricsLargest(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(g->engine.With(
        [](const eng::Figures& figures) { return figures.Customer(g->largest, eng::kOurs, g->as_of); }));
  }
  state.SetLabel(std::to_string(g->largest_key_persons) + " key persons");
}

// Suggestions (engine/suggestions.hpp), not cached: for the rep who owns the most customers (their individual
// perspective, ≤ 50 ms), and for the whole company (≤ 2 s).
void SuggestionsFor(benchmark::State& state, bool company) {
  std::vector<bool> owned;
  size_t count = 0;
  std::string rep;
  g->engine.With([&](const eng::Figures& figures) {
    const eng::Graph& graph = figures.graph();
    std::vector<size_t> per_user(graph.users.size());
    for (Idx customer : g->customers) {
      const Idx owner = graph.orgs[customer].owner;
      if (owner != eng::kNone && owner < per_user.size()) ++per_user[owner];
    }
    const Idx busiest = static_cast<Idx>(std::max_element(per_user.begin(), per_user.end()) - per_user.begin());
    owned.assign(graph.orgs.size(), false);
    for (Idx customer : g->customers) owned[customer] = graph.orgs[customer].owner == busiest;
    count = per_user[busiest];
    rep = graph.users[busiest].login;
    return 0;
  });
  const eng::Scope scope = company ? eng::Scope::Company() : eng::Scope::Of(owned);
  size_t made = 0;
  for (auto _ : state) {
    made = g->engine.With([&](const eng::Figures& figures) {
      return eng::Suggestions(figures.Within(scope)).For(scope, g->as_of).size();
    });
  }
  state.SetLabel(company ? std::to_string(made) + " suggestions"
                         : rep + ": " + std::to_string(count) + " customers, " + std::to_string(made) + " suggestions");
}

// Project history (SPEC.md §8.3): one customer's history, and one opportunity's project view, each over every
// customer (opportunity) in turn, as the engine computes them and as the API answers them (JSON built).
// `figure(figures, index)` for each of `indexes` in turn, under the engine's read lock.
template <typename Figure>
void EngineEach(benchmark::State& state, const std::vector<Idx>& indexes, Figure figure) {
  size_t next = 0;
  for (auto _ : state) {
    const Idx index = indexes[next];
    next = next + 1 == indexes.size() ? 0 : next + 1;
    benchmark::DoNotOptimize(g->engine.With([&](const eng::Figures& figures) { return figure(figures, index); }));
  }
}

void CustomerHistory(benchmark::State& state) {
  EngineEach(state, g->customers,
             [](const eng::Figures& f, Idx customer) { return eng::ProjectHistory(f).History(customer, g->as_of); });
}

void ProjectView(benchmark::State& state) {
  EngineEach(state, g->opportunities,
             [](const eng::Figures& f, Idx opp) { return eng::ProjectHistory(f).Project(opp, g->as_of); });
}

// The ids of `indexes` of `kind`, read once before a service benchmark.
std::vector<std::string> IdsOf(Kind kind, const std::vector<Idx>& indexes) {
  return g->engine.With([&](const eng::Figures& figures) {
    std::vector<std::string> ids;
    for (Idx i : indexes) ids.emplace_back(figures.graph().Id(kind, i));
    return ids;
  });
}

// `answer(service, id, query)` over every id in turn, as an executive asks it.
template <typename Answer>
void ServiceEach(benchmark::State& state, Kind kind, const std::vector<Idx>& indexes, Answer answer) {
  brm::FiguresService service(*g->store, g->engine);
  brm::FigureQuery query;
  query.as_of = g->as_of;
  const std::vector<std::string> ids = IdsOf(kind, indexes);
  size_t next = 0;
  for (auto _ : state) {
    auto json = answer(service, ids[next], query);
    next = next + 1 == ids.size() ? 0 : next + 1;
    if (!json) {
      state.SkipWithError(json.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(json->size());
  }
}

void ServiceCustomerHistory(benchmark::State& state) {
  ServiceEach(state, Kind::kOrganization, g->customers, [](brm::FiguresService& s, const std::string& id, const brm::FigureQuery& q) {
    return s.History(brm::Actor::System(), id, q);
  });
}

void ServiceProjectView(benchmark::State& state) {
  ServiceEach(state, Kind::kOpportunity, g->opportunities, [](brm::FiguresService& s, const std::string& id, const brm::FigureQuery& q) {
    return s.Project(brm::Actor::System(), id, q);
  });
}

// For information: the same line through FiguresService, as `GET /api/v1/lines/customer` answers an
// executive, i.e. with the JSON document built (not serialised).
void ServiceCustomerLine(benchmark::State& state) {
  brm::FiguresService service(*g->store, g->engine);
  brm::FigureQuery query;
  query.as_of = g->as_of;
  for (auto _ : state) {
    auto line = service.CustomerLine(brm::Actor::System(), query);
    if (!line) {
      state.SkipWithError(line.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(line->size());
  }
}

void SqlCustomerLineBench(benchmark::State& state, SqlVariant variant) {
  auto db = OpenSql(g->data_dir);
  const std::string sql = SqlFor(variant);
  for (auto _ : state) benchmark::DoNotOptimize(SqlCustomerLine(*db, sql, g->as_of));
}

// ---------------------------------------------------------------------------------------------------------
// Writes.

// A new rating about an active key person, dated as_of, with a new id each time.
bj::object RatingBody(uint64_t n, bool with_id) {
  // Spread the writes over the key persons (a multiplicative hash of n).
  const Idx person = g->key_people[(n * 2654435761u) % g->key_people.size()];
  return g->engine.With([&](const eng::Figures& figures) {
    const eng::Graph& graph = figures.graph();
    bj::object body;
    if (with_id) body["id"] = "r-bench-" + std::to_string(n);
    body["person"] = graph.Id(Kind::kPerson, person);
    body["dimension"] = kDimensionWords[n % eng::kDimensions];
    body["value"] = kAttitudeWords[n % 5];
    body["toward"] = "ours";
    body["date"] = brm::FormatDate(g->as_of);
    const Idx owner = graph.orgs[graph.people[person].org].owner;
    if (with_id && owner != eng::kNone) body["by"] = graph.Id(Kind::kUser, owner);
    return body;
  });
}

std::vector<brm::Record> NewRatings(size_t count) {
  std::vector<brm::Record> records;
  records.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    auto record = brm::json::DecodeRecord(Kind::kRating, RatingBody(g->next_rating++, true));
    if (!record) {
      std::cerr << "brm_figures_bench: bad rating: " << record.error().message << "\n";
      std::exit(1);
    }
    records.push_back(std::move(*record));
  }
  return records;
}

// Engine::Apply of a new rating: the write part of "a rating write followed by a fresh line".
void ApplyRating(benchmark::State& state) {
  const std::vector<brm::Record> records = NewRatings(static_cast<size_t>(state.max_iterations));
  size_t i = 0;
  for (auto _ : state) g->engine.Apply(records[i++]);
}

// Engine::Apply of a new rating and the company customer line after it (the timed part). Each iteration
// also computes the line alone, untimed by the framework but clocked here, before or after the timed part
// in turn: the counters give the paired difference, the write's cost to a fresh line.
void ApplyRatingThenLine(benchmark::State& state) {
  using Clock = std::chrono::steady_clock;
  const std::vector<brm::Record> records = NewRatings(static_cast<size_t>(state.max_iterations));
  size_t i = 0;
  double with_write = 0, alone = 0;
  auto line_alone = [&] {
    state.PauseTiming();
    const auto start = Clock::now();
    benchmark::DoNotOptimize(EngineLine());
    alone += std::chrono::duration<double>(Clock::now() - start).count();
    state.ResumeTiming();
  };
  for (auto _ : state) {
    const bool alone_first = i % 2 == 0;
    if (alone_first) line_alone();
    const auto start = Clock::now();
    g->engine.Apply(records[i++]);
    benchmark::DoNotOptimize(EngineLine());
    with_write += std::chrono::duration<double>(Clock::now() - start).count();
    if (!alone_first) line_alone();
  }
  const double n = static_cast<double>(state.iterations());
  state.counters["line_alone_ms"] = alone / n * 1e3;
  state.counters["write_cost_ms"] = (with_write - alone) / n * 1e3;
}

// Engine::Apply of a new rating and the cached company line after it (the timed part): only the rated
// person's customer is computed again. The counter gives the fresh line's own time for comparison.
void ApplyRatingThenCachedLine(benchmark::State& state) {
  using Clock = std::chrono::steady_clock;
  const std::vector<brm::Record> records = NewRatings(static_cast<size_t>(state.max_iterations));
  CachedLine();
  size_t i = 0;
  double alone = 0;
  for (auto _ : state) {
    g->engine.Apply(records[i++]);
    benchmark::DoNotOptimize(CachedLine());
    state.PauseTiming();
    const auto start = Clock::now();
    benchmark::DoNotOptimize(EngineLine());
    alone += std::chrono::duration<double>(Clock::now() - start).count();
    state.ResumeTiming();
  }
  state.counters["fresh_line_ms"] = alone / static_cast<double>(state.iterations()) * 1e3;
}

// The service path on a scratch copy of the data directory: EntityService::Create of a rating by the rep
// who owns the person's customer (validation, access rules, the store commit with synchronous=FULL, the
// audit line) and the engine's Apply.
void MakeScratchStore() {
  namespace fs = std::filesystem;
  g->scratch_dir = fs::temp_directory_path() / ("brm-figures-bench-" + std::to_string(getpid()));
  fs::create_directories(g->scratch_dir);
  for (const char* name : {"brm.db", "brm.db-wal"}) {
    const fs::path from = fs::path(g->data_dir) / name;
    if (fs::exists(from)) fs::copy_file(from, g->scratch_dir / name, fs::copy_options::overwrite_existing);
  }
  brm::StoreConfig config;
  config.data_dir = g->scratch_dir.string();
  g->scratch = brm::OpenSqliteStore(config);
  g->entities = std::make_unique<brm::EntityService>(*g->scratch, g->engine);
}

void ServiceCreateRating(benchmark::State& state) {
  if (!g->entities) MakeScratchStore();
  // The rep who owns the first active customer, rating key persons of their customers.
  std::vector<Idx> people;
  brm::Actor actor;
  g->engine.With([&](const eng::Figures& figures) {
    const eng::Graph& graph = figures.graph();
    for (Idx customer : g->customers) {
      const Idx owner = graph.orgs[customer].owner;
      if (owner == eng::kNone || graph.users[owner].role != 0) continue;  // 0: rep
      if (actor.user.empty()) {
        const eng::User& user = graph.users[owner];
        actor.user = graph.Id(Kind::kUser, owner);
        actor.person = user.person == eng::kNone ? "" : graph.Id(Kind::kPerson, user.person);
        actor.team = user.team == eng::kNone ? "" : graph.Id(Kind::kTeam, user.team);
        actor.role = brm::Role::kRep;
      }
      if (graph.Id(Kind::kUser, owner) != actor.user) continue;
      for (Idx person : figures.KeyPersons(customer, g->as_of)) people.push_back(person);
    }
    return 0;
  });
  if (people.empty()) {
    state.SkipWithError("no rep with key persons");
    return;
  }
  uint64_t n = 0;
  for (auto _ : state) {
    const Idx person = people[n % people.size()];
    bj::object body;
    g->engine.With([&](const eng::Figures& figures) {
      body["person"] = figures.graph().Id(Kind::kPerson, person);
      return 0;
    });
    body["dimension"] = kDimensionWords[n % eng::kDimensions];
    body["value"] = kAttitudeWords[n % 5];
    body["toward"] = "ours";
    body["date"] = brm::FormatDate(g->as_of);
    ++n;
    auto created = g->entities->Create(actor, Kind::kRating, body);
    if (!created) {
      state.SkipWithError(created.error().message.c_str());
      break;
    }
  }
  state.SetLabel("as " + actor.user);
}

// ---------------------------------------------------------------------------------------------------------

void Load() {
  brm::StoreConfig config;
  config.data_dir = g->data_dir;
  if (!std::filesystem::exists(g->data_dir + "/brm.db")) {
    std::cerr << "brm_figures_bench: no " << g->data_dir << "/brm.db; make it with "
              << "`brm demo --scale large --data " << g->data_dir << " --end 2026-11-23`\n";
    std::exit(1);
  }
  g->store = brm::OpenSqliteStore(config);
  g->rss_before_kib = StatusKiB("VmRSS");
  const auto start = std::chrono::steady_clock::now();
  g->engine.Replace(brm::LoadGraph(*g->store));
  g->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  g->rss_after_kib = StatusKiB("VmRSS");
  g->hwm_after_kib = StatusKiB("VmHWM");
  g->engine.SetThresholds(brm::StrategySettings(*g->store).Thresholds());

  size_t key_persons = 0, customers = 0, records = 0;
  for (const brm::EntitySpec* spec : brm::AllSpecs()) records += g->store->Count(spec->kind);
  g->engine.With([&](const eng::Figures& figures) {
    const eng::Graph& graph = figures.graph();
    for (Idx org = 0; org < graph.orgs.size(); ++org) customers += graph.orgs[org].kind == eng::OrgKind::kCustomer;
    for (const eng::Person& person : graph.people) {
      key_persons += person.exists && person.key && person.org != eng::kNone &&
                     graph.orgs[person.org].kind == eng::OrgKind::kCustomer;
    }
    for (Idx customer : eng::Lines(figures).CustomersIn(eng::Scope::Company())) {
      if (!graph.orgs[customer].life.On(g->as_of)) continue;
      g->customers.push_back(customer);
      const std::vector<Idx> people = figures.KeyPersons(customer, g->as_of);
      if (static_cast<int>(people.size()) > g->largest_key_persons) {
        g->largest = customer;
        g->largest_key_persons = static_cast<int>(people.size());
      }
      g->key_people.insert(g->key_people.end(), people.begin(), people.end());
    }
    for (Idx opp = 0; opp < graph.opportunities.size(); ++opp) {
      if (graph.opportunities[opp].life.On(g->as_of)) g->opportunities.push_back(opp);
    }
    return 0;
  });
  const brm::DemoPlan plan = brm::DemoPlanFor(brm::DemoConfig::Scale::kLarge);
  std::printf("data: %s, as of %s: %zu records; %zu customers (%zu active), %zu key persons (%zu active), "
              "%zu ratings\n",
              g->data_dir.c_str(), brm::FormatDate(g->as_of).c_str(), records, customers, g->customers.size(),
              key_persons, g->key_people.size(), g->store->Count(Kind::kRating));
  if (customers != plan.customers || g->store->Count(Kind::kRating) < plan.ratings) {
    std::printf("note: not the large demo company (%zu customers, %zu ratings planned)\n", plan.customers, plan.ratings);
  }
  std::printf("load: LoadGraph %.1f s; resident memory %.0f MiB before, %.0f MiB after (VmHWM %.0f MiB)\n",
              g->load_seconds, MiB(g->rss_before_kib), MiB(g->rss_after_kib), MiB(g->hwm_after_kib));
}

// Once, not timed: the SQL baseline gives the same line as the engine, so that the comparison is fair.
void CheckSql() {
  const eng::CustomerLine line = EngineLine();
  auto db = OpenSql(g->data_dir);
  for (SqlVariant variant : {SqlVariant::kWindow, SqlVariant::kCorrelated}) {
    const auto start = std::chrono::steady_clock::now();
    const SqlLine sql = SqlCustomerLine(*db, SqlFor(variant), g->as_of);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string difference =
        g->engine.With([&](const eng::Figures& figures) { return CompareLines(figures.graph(), line, sql); });
    const char* name = variant == SqlVariant::kWindow ? "window" : "correlated";
    if (!difference.empty()) {
      std::fprintf(stderr, "brm_figures_bench: the SQL line (%s) differs from the engine's: %s\n", name,
                   difference.c_str());
      std::exit(1);
    }
    std::printf("check: SQL (%s, %.1f s) = engine: %d/%d/%d customers (D, D-1m, D-1y), pooled closeness "
                "mean %.4f, %zu customer rows with means, tiers, MoM and YoY\n",
                name, seconds, line.customers[0], line.customers[1], line.customers[2],
                line.pooled[0][0].mean().value_or(0), sql.list.size());
  }
}

void Register() {
  using benchmark::RegisterBenchmark;
  RegisterBenchmark("engine/customer_line", CustomerLine)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("engine/customer_line_memory_bound", CustomerLineMemoryBound)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("engine/customer_line_degrees_only", CustomerLineDegreesOnly)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  RegisterBenchmark("service/customer_line_json", ServiceCustomerLine)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("service/warnings_page_json", ServiceWholePage<decltype(&brm::FiguresService::WarningsPage)>,
                    &brm::FiguresService::WarningsPage)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  RegisterBenchmark("service/influence_page_json", ServiceWholePage<decltype(&brm::FiguresService::InfluenceLinePage)>,
                    &brm::FiguresService::InfluenceLinePage)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  RegisterBenchmark("engine/suggestions_rep", SuggestionsFor, false)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("engine/suggestions_company", SuggestionsFor, true)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Iterations(3);
  RegisterBenchmark("engine/customer_line_cached", CachedCustomerLine)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("service/customer_line_page_json", ServiceCustomerLinePage)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
  RegisterBenchmark("engine/customer_line_trend_24m", CustomerLineTrend24)->Unit(benchmark::kMillisecond)->UseRealTime();
  RegisterBenchmark("engine/customer_metrics", CustomerMetrics)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("engine/customer_metrics_largest", CustomerMetricsLargest)
      ->Unit(benchmark::kMicrosecond)
      ->UseRealTime();
  for (auto [name, variant] : {std::pair{"sql/customer_line_window", SqlVariant::kWindow},
                               std::pair{"sql/customer_line_window_scan", SqlVariant::kWindowScan},
                               std::pair{"sql/customer_line_correlated", SqlVariant::kCorrelated}}) {
    // Seconds each: one run (the check above has already run two of them once more).
    RegisterBenchmark(name, SqlCustomerLineBench, variant)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1)
        ->Repetitions(1);
  }
  // Writes last: they add ratings to the engine. Fixed iteration counts bound how many.
  RegisterBenchmark("engine/customer_history", CustomerHistory)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("service/customer_history_json", ServiceCustomerHistory)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("engine/project_view", ProjectView)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("service/project_view_json", ServiceProjectView)->Unit(benchmark::kMicrosecond)->UseRealTime();
  RegisterBenchmark("engine/apply_rating", ApplyRating)->Unit(benchmark::kMicrosecond)->UseRealTime()->Iterations(20000);
  RegisterBenchmark("engine/apply_rating_then_line", ApplyRatingThenLine)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Iterations(20);
  RegisterBenchmark("engine/apply_rating_then_cached_line", ApplyRatingThenCachedLine)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->Iterations(20);
  RegisterBenchmark("service/create_rating", ServiceCreateRating)->Unit(benchmark::kMicrosecond)->UseRealTime();
}

// A stream that keeps nothing and counts the bytes written to it.
class CountingBuffer : public std::streambuf {
 public:
  uint64_t bytes = 0;

 protected:
  int overflow(int c) override {
    ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<uint64_t>(n);
    return n;
  }
};

// Once (`--report`): `brm report`'s document with and without its histories and projects, written to
// nowhere; the share the project history adds (target: at most 20%).
void MeasureReport() {
  brm::FiguresService service(*g->store, g->engine);
  auto run = [&](bool project_history) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    const auto start = std::chrono::steady_clock::now();
    service.WriteReport(g->as_of, out, project_history);
    return std::pair{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), buffer.bytes};
  };
  // Twice each, alternately, the faster run of each kept: a loaded machine slows one run, not both.
  auto [without, bytes_without] = run(false);
  auto [with, bytes_with] = run(true);
  without = std::min(without, run(false).first);
  with = std::min(with, run(true).first);
  // The same work alone, which a loaded machine blurs less: every customer's history and every project view
  // as the API builds them, serialised to nowhere.
  CountingBuffer buffer;
  std::ostream out(&buffer);
  const auto start = std::chrono::steady_clock::now();
  brm::FigureQuery query;
  query.as_of = g->as_of;
  for (const std::string& id : IdsOf(Kind::kOrganization, g->customers)) out << bj::serialize(*service.History(brm::Actor::System(), id, query));
  for (const std::string& id : IdsOf(Kind::kOpportunity, g->opportunities)) out << bj::serialize(*service.Project(brm::Actor::System(), id, query));
  const double alone = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("brm report: the %zu histories and %zu project views alone: %.1f s (%.0f MB), %.1f%% of the report "
              "without them\n",
              g->customers.size(), g->opportunities.size(), alone, buffer.bytes / 1e6, 100 * alone / without);
  std::printf("brm report: %.1f s without histories and projects (%.0f MB), %.1f s with them (%.0f MB): +%.1f%% "
              "time  %s≤ 20%%\n",
              without, bytes_without / 1e6, with, bytes_with / 1e6, 100 * (with - without) / without,
              with - without <= 0.2 * without ? "meets " : "MISSES ");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  State state;
  g = &state;
  state.as_of = *brm::ParseDate("2026-11-23");
  // Our flags out, the rest to Google Benchmark.
  int kept = 1;
  bool check = true, report = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const std::string& flag) -> std::optional<std::string> {
      if (arg == flag && i + 1 < argc) return std::string(argv[++i]);
      if (arg.rfind(flag + "=", 0) == 0) return arg.substr(flag.size() + 1);
      return std::nullopt;
    };
    if (auto dir = value("--data")) {
      state.data_dir = *dir;
    } else if (auto day = value("--as-of")) {
      auto parsed = brm::ParseDate(*day);
      if (!parsed) {
        std::cerr << "brm_figures_bench: --as-of must be YYYY-MM-DD\n";
        return 2;
      }
      state.as_of = *parsed;
    } else if (arg == "--no-check") {
      check = false;
    } else if (arg == "--report") {
      report = true;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (state.data_dir.empty()) {
    std::cerr << "usage: brm_figures_bench --data DIR [--as-of YYYY-MM-DD] [--no-check] [--report] [benchmark flags]\n"
                 "  DIR: made by `brm demo --scale large --data DIR --end 2026-11-23`\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  Load();
  if (check) CheckSql();
  if (report) MeasureReport();
  std::fflush(stdout);
  Register();
  SummaryReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                 : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  PrintSummary(reporter, brm::bench::LoadFigures{g->load_seconds, g->rss_after_kib, g->hwm_after_kib});
  benchmark::Shutdown();

  state.entities.reset();
  state.scratch.reset();
  if (!state.scratch_dir.empty()) std::filesystem::remove_all(state.scratch_dir);
  return 0;
}
