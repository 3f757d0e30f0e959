// The figures of SPEC.md §11: customer metrics and trend, decision chains and their trend, key person
// profiles, employee metrics, the customer and influence lines with their trend, a customer's graph
// (org chart and influence links), its project history, an opportunity's project view, and the explanation
// of any figure (the persons and facts behind it). GET only.
#include <charconv>

#include "http/api.hpp"
#include "http/errors.hpp"

namespace brm::http {
namespace bj = boost::json;

namespace {

struct FigureParams {
  FigureQuery query;
  std::string from, to;  // trend months
  std::optional<PageQuery> page;  // a list asked for by pages (any of its page parameters given)
};

// A non-negative integer parameter at most `max`; kInvalid naming it otherwise.
Result<int> Count(const std::string& name, const std::string& value, int max) {
  int number = -1;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < 0 || number > max) {
    return MakeError(ErrorCode::kInvalid, "\"" + name + "\" must be a whole number from 0 to " + std::to_string(max) + ".",
                     name);
  }
  return number;
}

// Reads as_of, toward, scope (when `with_scope`), from/to (when `with_months`) and, for a list (`paged`),
// limit, offset, sort, order and the list's filters (which the service checks); refuses anything else.
Result<FigureParams> ParseParams(const Request& request, bool with_scope, bool with_months, bool paged) {
  FigureParams params;
  params.query.as_of = Today();
  params.query.scope.clear();  // the caller's own perspective unless asked
  for (const auto& [name, value] : request.query) {
    if (name == "as_of") {
      auto date = value == "today" ? std::optional(Today()) : ParseDate(value);
      if (!date) return MakeError(ErrorCode::kInvalid, "\"as_of\" must be a date written YYYY-MM-DD.", "as_of");
      params.query.as_of = *date;
    } else if (name == "toward") {
      if (value.empty()) return MakeError(ErrorCode::kInvalid, "\"toward\" must be \"ours\" or a competitor id.", "toward");
      params.query.toward = value;
    } else if (name == "scope" && with_scope) {
      params.query.scope = value;
    } else if (name == "from" && with_months) {
      params.from = value;
    } else if (name == "to" && with_months) {
      params.to = value;
    } else if (paged) {
      PageQuery& page = params.page ? *params.page : params.page.emplace();
      if (name == "limit") {
        auto limit = Count(name, value, PageQuery::kMaxLimit);
        if (!limit) return limit.error();
        page.limit = *limit;
      } else if (name == "offset") {
        auto offset = Count(name, value, 100'000'000);
        if (!offset) return offset.error();
        page.offset = *offset;
      } else if (name == "sort") {
        page.sort = value;
      } else if (name == "order") {
        if (value != "asc" && value != "desc") {
          return MakeError(ErrorCode::kInvalid, "\"order\" must be asc or desc.", "order");
        }
        page.descending = value == "desc";
      } else {
        page.filters.emplace_back(name, value);
      }
    } else {
      std::string allowed = "as_of, toward";
      if (with_scope) allowed += ", scope";
      if (with_months) allowed += ", from, to";
      return MakeError(ErrorCode::kInvalid, "Unknown parameter \"" + name + "\"; this figure takes " + allowed + ".",
                       name);
    }
  }
  return params;
}

// Takes the figure's JSON over: a figure's object is large, and copying it into the value to serialize
// cost as much as building it.
template <typename T>
Response Reply(Result<T>&& result) {
  if (!result) return ErrorResponse(result.error());
  return JsonResponse(200, bj::value(std::move(*result)));
}

}  // namespace

std::optional<Response> Api::FigureHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;
  const std::string& head = s[2];
  const std::string action = s.size() == 5 ? s[4] : "";
  enum class Figure { kNone, kCustomer, kCustomerTrend, kChain, kChainTrend, kProfile, kEmployee, kCustomerLine,
                      kCustomerLineTrend, kCompetitorInfluenced, kReps, kDepartmentTrends, kInfluenceLine, kWarnings, kSuggestions, kChanges, kPaths, kCentres, kGraph, kHistory, kProject, kExplain };
  Figure figure = Figure::kNone;
  if (head == "customers" && action == "metrics") figure = Figure::kCustomer;
  else if (head == "customers" && action == "trend") figure = Figure::kCustomerTrend;
  else if (head == "customers" && action == "department-trend") figure = Figure::kDepartmentTrends;
  else if (head == "opportunities" && action == "chain") figure = Figure::kChain;
  else if (head == "opportunities" && action == "trend") figure = Figure::kChainTrend;
  else if (head == "customers" && action == "influence-centres") figure = Figure::kCentres;
  else if (head == "customers" && action == "graph") figure = Figure::kGraph;
  else if (head == "customers" && action == "history") figure = Figure::kHistory;
  else if (head == "opportunities" && action == "project") figure = Figure::kProject;
  else if (head == "people" && action == "profile") figure = Figure::kProfile;
  else if (head == "people" && action == "paths") figure = Figure::kPaths;
  else if (head == "warnings" && s.size() == 3) figure = Figure::kWarnings;
  else if (head == "suggestions" && s.size() == 3) figure = Figure::kSuggestions;
  else if (head == "changes" && s.size() == 3) figure = Figure::kChanges;
  else if (head == "explain" && s.size() == 3) figure = Figure::kExplain;
  else if (head == "employees" && action == "metrics") figure = Figure::kEmployee;
  else if (head == "lines" && s.size() == 4 && s[3] == "customer") figure = Figure::kCustomerLine;
  else if (head == "lines" && s.size() == 4 && s[3] == "influence") figure = Figure::kInfluenceLine;
  else if (head == "lines" && s.size() == 4 && s[3] == "reps") figure = Figure::kReps;
  else if (head == "lines" && s.size() == 5 && s[3] == "customer" && s[4] == "trend") figure = Figure::kCustomerLineTrend;
  else if (head == "lines" && s.size() == 5 && s[3] == "customer" && s[4] == "competitor-influenced") {
    figure = Figure::kCompetitorInfluenced;
  }
  if (figure == Figure::kNone) return std::nullopt;
  if (request.method != "GET" && request.method != "HEAD") {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "Figures are read with GET."));
  }
  const bool scoped = figure == Figure::kCustomerLine || figure == Figure::kInfluenceLine ||
                      figure == Figure::kCustomerLineTrend || figure == Figure::kWarnings ||
                      figure == Figure::kCompetitorInfluenced || figure == Figure::kSuggestions ||
                      figure == Figure::kChanges || figure == Figure::kExplain || figure == Figure::kReps;
  const bool months = figure == Figure::kCustomerTrend || figure == Figure::kChainTrend ||
                      figure == Figure::kCustomerLineTrend || figure == Figure::kDepartmentTrends;
  const bool paged = figure == Figure::kCustomerLine || figure == Figure::kInfluenceLine || figure == Figure::kWarnings ||
                     figure == Figure::kCompetitorInfluenced || figure == Figure::kSuggestions ||
                      figure == Figure::kChanges || figure == Figure::kExplain;
  auto params = ParseParams(request, scoped, months, paged);
  if (!params) return ErrorResponse(params.error());
  const FigureQuery& query = params->query;
  const Actor& actor = caller.actor;
  Result<MonthRange> range = MonthRange{};
  if (months) {
    range = ParseMonthRange(params->from, params->to, query.as_of);
    if (!range) return ErrorResponse(range.error());
  }
  const std::string id = s.size() >= 4 ? s[3] : "";
  switch (figure) {
    case Figure::kCustomer: return Reply(figures_.CustomerMetrics(actor, id, query));
    case Figure::kCustomerTrend: return Reply(figures_.CustomerTrend(actor, id, query, *range));
    case Figure::kChain: return Reply(figures_.Chain(actor, id, query));
    case Figure::kChainTrend: return Reply(figures_.ChainTrend(actor, id, query, *range));
    case Figure::kProfile: return Reply(figures_.Profile(actor, id, query));
    case Figure::kEmployee: return Reply(figures_.Employee(actor, id, query));
    case Figure::kCustomerLine:
      if (params->page) return Reply(figures_.CustomerLinePage(actor, query, *params->page));
      return Reply(figures_.CustomerLine(actor, query));
    case Figure::kInfluenceLine:
      if (params->page) return Reply(figures_.InfluenceLinePage(actor, query, *params->page));
      return Reply(figures_.InfluenceLine(actor, query));
    case Figure::kCustomerLineTrend: return Reply(figures_.CustomerLineTrend(actor, query, *range));
    case Figure::kDepartmentTrends: return Reply(figures_.DepartmentTrends(actor, id, query, *range));
    case Figure::kReps: return Reply(figures_.RepComparison(actor, query));
    case Figure::kCompetitorInfluenced:
      return Reply(figures_.CompetitorInfluencedPage(actor, query, params->page.value_or(PageQuery{})));
    case Figure::kWarnings:
      if (params->page) return Reply(figures_.WarningsPage(actor, query, *params->page));
      return Reply(figures_.Warnings(actor, query));
    case Figure::kChanges: return Reply(figures_.ChangesPage(actor, query, params->page.value_or(PageQuery{})));
    case Figure::kSuggestions: return Reply(figures_.SuggestionsPage(actor, query, params->page.value_or(PageQuery{})));
    case Figure::kPaths: return Reply(figures_.Paths(actor, id, query));
    case Figure::kCentres: return Reply(figures_.InfluenceCentres(actor, id, query));
    case Figure::kGraph: return Reply(figures_.CustomerGraph(actor, id, query));
    case Figure::kHistory: return Reply(figures_.History(actor, id, query));
    case Figure::kProject: return Reply(figures_.Project(actor, id, query));
    case Figure::kExplain: return Reply(figures_.Explain(actor, query, params->page.value_or(PageQuery{})));
    case Figure::kNone: break;
  }
  return std::nullopt;
}

}  // namespace brm::http
