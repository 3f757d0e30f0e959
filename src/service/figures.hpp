// FiguresService: the figures of SPEC.md §4–7 and §11 for a caller — resolves the perspective (scope),
// the target (toward) and the ids, checks what the caller may see, asks the engine and returns the
// contract's JSON. The HTTP handlers and `brm report` both call it, so both print the same figures.
//
// Errors: kForbidden for a scope the caller may not see (and for employee users, who see no figures),
// kNotFound for an id that does not exist or is hidden from the caller, kInvalid for a malformed
// scope, toward or month range (the field is named).
// Threads: safe to share; figures run under the engine's shared lock.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "engine/engine.hpp"
#include "engine/explain.hpp"
#include "service/access_policy.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

// Builds the engine's graph from every stored record, in recording order.
std::unique_ptr<engine::Graph> LoadGraph(Store& store);

struct FigureQuery {
  Date as_of;                     // the day every figure is taken on
  std::string toward = "ours";    // "ours" or a competitor organization id
  std::string scope;              // me, user:<id>, team:<id>, company (lines only); empty: company for
                                  // executives and admins, me for everyone else
};

// A month range of a trend series; both ends inclusive, from ≤ to, at most 120 months.
struct MonthRange {
  int from_year = 0;
  unsigned from_month = 0;
  int to_year = 0;
  unsigned to_month = 0;
};
// Parses "YYYY-MM" values; missing ends default to the 24 months ending with the month of `as_of`.
Result<MonthRange> ParseMonthRange(const std::string& from, const std::string& to, Date as_of);

// The target of a figure: engine::kOurs for "ours", or the index of the competitor with that id; kInvalid
// naming "toward" otherwise. Call it inside Engine::With.
Result<engine::Idx> ResolveToward(const engine::Figures& figures, const std::string& toward);

// Why a customer gets its strategy and what would change it (engine::StrategyReason; explain_figures.cpp):
// the `strategy_reason` of a customer's metrics.
boost::json::object StrategyReasonJson(const engine::Graph& graph, const engine::StrategyReason& reason,
                                       const StrategyThresholds& thresholds);

// The index of a record of `kind` the access policy lets the actor read, or kNotFound as for an id that
// does not exist; a customer likewise; an employee (a person of our company, whose figures every sales
// user may ask for, SPEC.md §6.4), or kNotFound.
Result<engine::Idx> Readable(const Access& access, const engine::Graph& graph, Kind kind, std::string_view id);
Result<engine::Idx> ReadableCustomer(const Access& access, const engine::Graph& graph, std::string_view id);
Result<engine::Idx> ReadableEmployee(const engine::Graph& graph, std::string_view person);

// A page of a figure list (docs/api.md "Pages of figure lists"): asked for with any of these parameters,
// the list answers its summary and one page of rows instead of the whole document of SPEC.md §11.
struct PageQuery {
  static constexpr int kMaxLimit = 200;
  int limit = 50;           // rows, 0 to kMaxLimit (0: the summary only)
  int offset = 0;           // rows skipped
  std::string sort;         // a sort key of the list; empty for the list's own order
  bool descending = false;  // order=desc
  std::vector<std::pair<std::string, std::string>> filters;  // the list's filters, as given
};

// The name a user goes by: their person's name, or their login when the person has none.
std::string UserName(const engine::Graph& graph, engine::Idx user);

// A customer's strategy override as the figures show it beside the recommendation (SPEC.md §6.5): its
// strategy, reason, author and time; null when there is none.
boost::json::value StrategyOverrideJson(const std::optional<StrategyOverrideRow>& row);

// Every customer's strategy override, read once, for the lists that show it beside each recommendation.
class OverrideIndex {
 public:
  explicit OverrideIndex(Store& store);
  // The customer's override, or null when it has none.
  const StrategyOverrideRow* Find(std::string_view customer) const;
  // Sets "strategy_override" of a customer metrics object, or of each in an array (null when none).
  void AddTo(boost::json::object& metrics) const;
  void AddTo(boost::json::array& customers) const;

 private:
  std::unordered_map<std::string, StrategyOverrideRow> rows_;
};

class FiguresService {
 public:
  FiguresService(Store& store, engine::Engine& engine) : store_(store), engine_(engine) {}

  Result<boost::json::object> CustomerMetrics(const Actor& actor, std::string_view customer, const FigureQuery& query);
  Result<boost::json::object> Chain(const Actor& actor, std::string_view opportunity, const FigureQuery& query);
  Result<boost::json::object> Profile(const Actor& actor, std::string_view person, const FigureQuery& query);
  Result<boost::json::object> Employee(const Actor& actor, std::string_view person, const FigureQuery& query);
  Result<boost::json::object> CustomerLine(const Actor& actor, const FigureQuery& query);
  Result<boost::json::object> InfluenceLine(const Actor& actor, const FigureQuery& query);

  // Pages of the lists that grow with the tenant (figure_pages.cpp): the customer line's customers, the
  // influence list and the warnings, filtered and sorted on the server, each row with the names it shows
  // that the actor may read. kInvalid naming the parameter for an unknown filter, sort key or value.
  Result<boost::json::object> CustomerLinePage(const Actor& actor, const FigureQuery& query, const PageQuery& page);
  Result<boost::json::object> InfluenceLinePage(const Actor& actor, const FigureQuery& query, const PageQuery& page);
  Result<boost::json::object> WarningsPage(const Actor& actor, const FigureQuery& query, const PageQuery& page);
  // The suggestions of the perspective (engine/suggestions.hpp), ranked, a page at a time
  // (work_pages.cpp); filters `kind` (comma-separated) and `customer`.
  Result<boost::json::object> SuggestionsPage(const Actor& actor, const FigureQuery& query, const PageQuery& page);
  // The recent changes on the perspective's customers (engine/recent_changes.hpp), newest first, a page at a
  // time (work_pages.cpp); filter `days` (1–366, default 14).
  Result<boost::json::object> ChangesPage(const Actor& actor, const FigureQuery& query, const PageQuery& page);
  // The key persons of the customer line toward a competitor whom that competitor's staff can influence
  // (the line's competitor_influenced), a page at a time in id order, each with their customer and the
  // names the actor may read. kInvalid naming "toward" toward ours.
  Result<boost::json::object> CompetitorInfluencedPage(const Actor& actor, const FigureQuery& query,
                                                       const PageQuery& page);

  // A manager's comparison of the reps of a perspective (rep_comparison.cpp): a row per rep or manager of
  // it with the figures of that user's own perspective, and the perspective's own row ("total").
  Result<boost::json::object> RepComparison(const Actor& actor, const FigureQuery& query);

  Result<boost::json::array> CustomerLineTrend(const Actor& actor, const FigureQuery& query, const MonthRange& months);
  Result<boost::json::array> CustomerTrend(const Actor& actor, std::string_view customer, const FigureQuery& query,
                                           const MonthRange& months);
  // Each department's trend on a customer's page (engine::Lines::DepartmentTrends).
  Result<boost::json::object> DepartmentTrends(const Actor& actor, std::string_view customer, const FigureQuery& query,
                                               const MonthRange& months);
  Result<boost::json::array> ChainTrend(const Actor& actor, std::string_view opportunity, const FigureQuery& query,
                                        const MonthRange& months);

  // The persons and rating facts behind one figure (engine/explain.hpp; explain_figures.cpp), and with
  // filter compare=mom|yoy the attribution of its change; filters figure, id, dimension, compare. The same
  // visibility as the figure itself (404 for what the actor may not read, 403 for a perspective).
  Result<boost::json::object> Explain(const Actor& actor, const FigureQuery& query, const PageQuery& page);

  // SPEC.md §9: warnings of a perspective, introduction paths to a key person, a customer's influence centres.
  Result<boost::json::value> Warnings(const Actor& actor, const FigureQuery& query);
  Result<boost::json::value> Paths(const Actor& actor, std::string_view person, const FigureQuery& query);
  Result<boost::json::value> InfluenceCentres(const Actor& actor, std::string_view customer, const FigureQuery& query);

  // SPEC.md §8.3: a customer's project history and an opportunity's project view (人 財 物 情 節).
  Result<boost::json::object> History(const Actor& actor, std::string_view customer, const FigureQuery& query);
  Result<boost::json::object> Project(const Actor& actor, std::string_view opportunity, const FigureQuery& query);

  // The map of a customer on query.as_of toward query.toward (`GET /customers/{id}/graph`; customer_graph.cpp):
  // its active departments and persons with their attitudes and votes, the reporting lines between them,
  // and the influence links reaching them whose far end the actor may see, with those far persons.
  // kNotFound for an id that is not a customer the actor may see.
  Result<boost::json::object> CustomerGraph(const Actor& actor, std::string_view customer, const FigureQuery& query);

  // Writes the company-scope document of `brm report` (SPEC.md §11), arrays sorted by id, followed by a
  // newline. Streams one array element at a time: the document is never whole in memory.
  // Without `project_history`, the document lacks "histories" and "projects" (the benchmark measures their share).
  void WriteReport(Date as_of, std::ostream& out, bool project_history = true);

 private:
  // Runs read(const Access&, const engine::Figures&) under the engine's shared lock, with the access
  // policy of `actor` over the same graph.
  template <typename Read>
  auto AsActor(const Actor& actor, Read&& read) {
    return engine_.With([&](const engine::Figures& figures) {
      const Access access(actor, figures.graph());
      return read(access, figures);
    });
  }

  Store& store_;
  engine::Engine& engine_;
};

}  // namespace brm
