#include "json/project_json.hpp"

#include <cmath>

#include "domain/vocab.hpp"
#include "json/graph_ids.hpp"

namespace brm::json {
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;

namespace {

bj::value Amount(double amount) {
  if (std::isnan(amount)) return nullptr;
  return amount;
}

bj::value TextOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return bj::string(text);
}

bj::value DateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return bj::string(FormatDate(*date));
}

bj::array Kinds(const std::vector<std::string>& model) {
  bj::array kinds;
  for (const std::string& kind : model) kinds.emplace_back(kind);
  return kinds;
}

// {word: count} over a whole vocabulary.
bj::object Counts(vocab::Words words, const std::vector<int>& counts) {
  bj::object out;
  for (size_t i = 0; i < words.size(); ++i) out[words[i]] = counts[i];
  return out;
}

bj::value WordOrNull(vocab::Words words, int index) {
  if (index < 0) return nullptr;
  return bj::string(words[index]);
}

bj::object Tags(const std::map<std::string, int>& tags) {
  bj::object out;
  for (const auto& [tag, count] : tags) out[tag] = count;
  return out;
}

// The projects behind each word's count, every word of the vocabulary present.
template <typename Words>
bj::object ProjectsBy(const engine::Graph& graph, const Words& words, const std::vector<std::vector<Idx>>& projects) {
  bj::object out;
  for (size_t i = 0; i < words.size(); ++i) out[words[i]] = Ids(graph, Kind::kOpportunity, projects[i]);
  return out;
}

}  // namespace

bj::object CustomerHistoryJson(const engine::Graph& graph, const engine::CustomerHistory& h) {
  bj::object o;
  o["customer"] = IdOrNull(graph, Kind::kOrganization, h.customer);
  o["as_of"] = FormatDate(h.as_of);
  o["model"] = Kinds(h.model);
  const int decided = static_cast<int>(h.won.size() + h.lost.size());
  o["projects"] = bj::object{
      {"count", h.count()},
      {"won", static_cast<int64_t>(h.won.size())},
      {"lost", static_cast<int64_t>(h.lost.size())},
      {"abandoned", static_cast<int64_t>(h.abandoned.size())},
      {"win_rate", decided == 0 ? bj::value(nullptr) : bj::value(static_cast<double>(h.won.size()) / decided)},
      {"ids",
       bj::object{{"won", Ids(graph, Kind::kOpportunity, h.won)},
                  {"lost", Ids(graph, Kind::kOpportunity, h.lost)},
                  {"abandoned", Ids(graph, Kind::kOpportunity, h.abandoned)}}}};
  bj::array rhythm;
  for (const engine::RhythmStep& step : h.rhythm) {
    bj::array samples;
    for (const auto& [opp, days] : step.own) {
      samples.push_back(bj::object{{"opportunity", graph.Id(Kind::kOpportunity, opp)}, {"days", days}});
    }
    rhythm.push_back(bj::object{
        {"from", step.from},
        {"to", step.to},
        {"days", step.days ? bj::value(*step.days) : bj::value(nullptr)},
        {"n", step.n},
        {"source", step.source == engine::RhythmSource::kNone ? bj::value(nullptr)
                                                               : bj::value(engine::RhythmSourceName(step.source))},
        {"samples", std::move(samples)}});
  }
  o["rhythm"] = std::move(rhythm);
  o["methods"] = Counts(vocab::kTenderMethods, h.methods);
  o["rules"] = Counts(vocab::kAwardRules, h.rules);
  o["method_projects"] = ProjectsBy(graph, vocab::kTenderMethods, h.method_projects);
  o["rule_projects"] = ProjectsBy(graph, vocab::kAwardRules, h.rule_projects);
  o["usual_method"] = WordOrNull(vocab::kTenderMethods, h.usual_method);
  o["usual_rule"] = WordOrNull(vocab::kAwardRules, h.usual_rule);
  const auto& w = h.win_to_budget;
  const auto& l = h.our_to_winning_lost;
  auto when_any = [](int n, double value) { return n == 0 ? bj::value(nullptr) : bj::value(value); };
  o["prices"] = bj::object{{"win_to_budget",
                            bj::object{{"n", w.n},
                                       {"mean", when_any(w.n, w.mean)},
                                       {"min", when_any(w.n, w.min)},
                                       {"max", when_any(w.n, w.max)},
                                       {"projects", Ids(graph, Kind::kOpportunity, w.projects)}}},
                           {"our_to_winning_lost", bj::object{{"n", l.n},
                                                              {"mean", when_any(l.n, l.mean)},
                                                              {"projects", Ids(graph, Kind::kOpportunity, l.projects)}}}};
  o["roles"] = Counts(vocab::kDecisionRoles, h.roles);
  o["role_projects"] = ProjectsBy(graph, vocab::kDecisionRoles, h.role_projects);
  bj::array people;
  for (const auto& p : h.people) {
    people.push_back(bj::object{{"person", graph.Id(Kind::kPerson, p.person)},
                                {"count", p.count},
                                {"projects", Ids(graph, Kind::kOpportunity, p.projects)}});
  }
  o["people"] = std::move(people);
  bj::array competitors;
  for (const auto& c : h.competitors) {
    competitors.push_back(bj::object{{"org", graph.Id(Kind::kOrganization, c.org)},
                                     {"appearances", c.appearances},
                                     {"wins", c.wins},
                                     {"we_won", c.we_won},
                                     {"projects", Ids(graph, Kind::kOpportunity, c.projects)},
                                     {"win_projects", Ids(graph, Kind::kOpportunity, c.win_projects)},
                                     {"we_won_projects", Ids(graph, Kind::kOpportunity, c.we_won_projects)}});
  }
  o["competitors"] = std::move(competitors);
  bj::array criteria;
  for (const auto& c : h.criteria) {
    criteria.push_back(bj::object{{"item", c.item},
                                  {"projects", c.projects},
                                  {"mean_weight", c.mean_weight},
                                  {"opportunities", Ids(graph, Kind::kOpportunity, c.opportunities)}});
  }
  o["criteria"] = std::move(criteria);
  o["lessons"] = bj::object{{"win_factor", Tags(h.win_factors)}, {"loss_factor", Tags(h.loss_factors)}};
  auto tag_projects = [&](const std::map<std::string, std::vector<Idx>>& tags) {
    bj::object out;
    for (const auto& [tag, projects] : tags) out[tag] = Ids(graph, Kind::kOpportunity, projects);
    return out;
  };
  o["lesson_projects"] = bj::object{{"win_factor", tag_projects(h.win_factor_projects)},
                                    {"loss_factor", tag_projects(h.loss_factor_projects)}};
  return o;
}

bj::object ProjectViewJson(const engine::Graph& graph, const engine::ProjectView& v) {
  const engine::Opportunity& opp = graph.opportunities[v.opportunity];
  bj::object o;
  o["opportunity"] = graph.Id(Kind::kOpportunity, v.opportunity);
  o["as_of"] = FormatDate(v.as_of);

  bj::array chain;
  for (const auto& m : v.chain.members) {
    bj::object row{{"person", graph.Id(Kind::kPerson, m.person)},
                   {"role", vocab::kDecisionRoles[m.role]},
                   {"veto", engine::YesNoName(m.veto)},
                   {"approve", engine::YesNoName(m.approve)}};
    bj::array inherited;
    for (int d = 0; d < engine::kDimensions; ++d) {
      row[vocab::kDimensions[d]] = engine::AttitudeName(m.degrees[d]);
      if (m.inherited[d]) inherited.emplace_back(vocab::kDimensions[d]);
    }
    row["inherited"] = std::move(inherited);
    chain.push_back(std::move(row));
  }
  bj::array vendors;
  for (Idx i : v.vendors) {
    const engine::Vendor& vendor = graph.vendors[i];
    vendors.push_back(bj::object{{"org", IdOrNull(graph, Kind::kOrganization, vendor.org)},
                                 {"result", vocab::kVendorResults[vendor.result]},
                                 {"rank", vendor.rank > 0 ? bj::value(vendor.rank) : bj::value(nullptr)},
                                 {"id", graph.Id(Kind::kVendor, i)}});
  }
  o["people"] = bj::object{{"chain_as_of", FormatDate(v.chain_as_of)},
                           {"chain", std::move(chain)},
                           {"vendors", std::move(vendors)}};

  bj::array quotes;
  for (Idx i : v.quotes) {
    const engine::Quote& quote = graph.quotes[i];
    quotes.push_back(bj::object{{"round", quote.round},
                                {"org", IdOrNull(graph, Kind::kOrganization, quote.org)},
                                {"price", quote.price},
                                {"date", FormatDate(quote.date)},
                                {"id", graph.Id(Kind::kQuote, i)}});
  }
  o["money"] = bj::object{{"budget", Amount(opp.budget)},
                          {"our_bid", Amount(opp.our_bid)},
                          {"winning_bid", Amount(opp.winning_bid)},
                          {"winner", IdOrNull(graph, Kind::kOrganization, opp.winner)},
                          {"win_to_budget", Number(v.win_to_budget)},
                          {"quotes", std::move(quotes)}};

  bj::array documents;
  for (Idx i : v.documents) {
    const engine::Document& document = graph.documents[i];
    documents.push_back(bj::object{{"id", graph.Id(Kind::kDocument, i)},
                                   {"name", document.name},
                                   {"kind", vocab::kDocumentKinds[document.kind]},
                                   {"size", Amount(document.size)},
                                   {"sha256", TextOrNull(document.sha256)}});
  }
  o["things"] = bj::object{{"scope", TextOrNull(opp.scope)}, {"documents", std::move(documents)}};

  bj::array conditions;
  for (uint8_t condition : opp.conditions) conditions.emplace_back(vocab::kConditions[condition]);
  bj::array criteria;
  for (Idx i : v.criteria) {
    const engine::Criterion& criterion = graph.criteria[i];
    criteria.push_back(bj::object{{"item", criterion.item},
                                  {"weight", criterion.weight},
                                  {"our_score", Amount(criterion.our_score)},
                                  {"best_score", Amount(criterion.best_score)},
                                  {"id", graph.Id(Kind::kCriterion, i)}});
  }
  bj::array links;
  for (const auto& link : v.links) {
    links.push_back(bj::object{{"kind", vocab::kLinkKinds[graph.project_links[link.link].kind]},
                               {"opportunity", IdOrNull(graph, Kind::kOpportunity, link.other)},
                               {"direction", link.out ? "out" : "in"},
                               {"id", graph.Id(Kind::kProjectLink, link.link)}});
  }
  o["situation"] = bj::object{{"conditions", std::move(conditions)},
                              {"conditions_text", TextOrNull(opp.conditions_text)},
                              {"type", vocab::kOpportunityType[opp.type]},
                              {"method", vocab::kTenderMethods[opp.method]},
                              {"rule", vocab::kAwardRules[opp.rule]},
                              {"criteria", std::move(criteria)},
                              {"weights_total", v.weights_total},
                              {"links", std::move(links)}};

  bj::array milestones;
  const engine::Timeline& t = v.timeline;
  for (size_t i = 0; i < t.model.size(); ++i) {
    milestones.push_back(
        bj::object{{"kind", t.model[i]}, {"date", DateOrNull(t.reached[i])}, {"expected", DateOrNull(t.expected[i])}});
  }
  o["timing"] = bj::object{{"model", Kinds(t.model)}, {"milestones", std::move(milestones)}};
  return o;
}

}  // namespace brm::json
