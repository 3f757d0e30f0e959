// The project history of SPEC.md §8 for every opportunity: milestone models, milestones on the customer's
// rhythm, tender method and rule, criteria, vendors and quote rounds, amounts, conditions and scope,
// documents (their files in bundle.files), lessons and the links between a customer's projects. The
// normal scale gets the whole of it; the large scale a trimmed history (see Detail).
#include <algorithm>
#include <cmath>

#include "demo/history.hpp"
#include "domain/record.hpp"
#include "domain/schema.hpp"

namespace brm::demo {
namespace {

namespace f = fields;

void AddModels(World& w) {
  for (size_t i = 0; i < kModelCount; ++i) {
    if (i > 0 && Model(i).company_default) continue;
    std::vector<std::string> kinds;
    for (uint8_t k = 0; k < Model(i).size; ++k) {
      kinds.push_back(std::string(Model(i).kinds[k].kind) + kPairSeparator + std::string(Model(i).kinds[k].name));
    }
    const std::string text = JoinList(kinds);
    if (i == 0) {
      Put(w.Add(Kind::kMilestoneModel, {}), f::model::kKinds, text);
      continue;
    }
    for (const CustomerDraft& c : w.customers) {
      if (c.model != i) continue;
      Record& r = w.Add(Kind::kMilestoneModel, {});
      Put(r, f::model::kCustomer, c.id);
      Put(r, f::model::kKinds, text);
    }
  }
}

// The large scale draws opportunities without a rhythm: their milestones are fitted into [opened,
// closed] in the proportions of the customer's rhythm, and an open one reaches those already past.
void FitTimeline(const World& w, Rng& rng, OpportunityDraft& d) {
  const CustomerDraft& c = w.customers[d.customer];
  const size_t m = ModelSize(c);
  std::array<int32_t, kMaxMilestones> at{};
  for (size_t i = 1; i < m; ++i) at[i] = at[i - 1] + c.rhythm[i - 1];
  size_t reached = m;
  if (d.status == kLost) reached = m - 1;
  if (d.status == kAbandoned) reached = static_cast<size_t>(rng.Between(1, static_cast<int64_t>(m) - 2));
  const int32_t span = d.closed == kForever ? 0 : d.closed - d.opened;
  for (size_t i = 0; i < reached; ++i) {
    const int64_t day = d.closed == kForever
                            ? d.opened + at[i]
                            : d.opened + static_cast<int64_t>(span) * at[i] / std::max(1, at[reached - 1]);
    if (day > w.end) break;
    d.milestones[i] = static_cast<int32_t>(day);
    d.reached = static_cast<uint8_t>(i + 1);
  }
  if (d.closed == kForever) d.reached = static_cast<uint8_t>(std::min<size_t>(d.reached, m - 1));
}

void AddMilestones(HistoryRun& run, uint32_t opp, const std::string& id, const Detail& detail) {
  const OpportunityDraft& d = run.w.opportunities[opp];
  const DemoModel& model = ModelOf(run.w, opp);
  for (uint8_t i = 0; i < d.reached; ++i) {
    Record& r = run.w.Add(Kind::kMilestone, {});
    Put(r, f::milestone::kOpportunity, id);
    Put(r, f::milestone::kKind, model.kinds[i].kind);
    Put(r, f::milestone::kDate, run.w.Day(d.milestones[i]));
    if (detail.notes && run.rng.Chance(0.35)) Put(r, f::milestone::kNote, MilestoneNote(run.rng, model.kinds[i].kind));
  }
}

std::string_view DrawMethod(Rng& rng, Pattern pattern, bool lost) {
  static constexpr std::string_view kMethods[] = {"public_tender", "invited_tender", "single_source", "negotiation",
                                                  "inquiry"};
  static constexpr double kWeights[3][5] = {{65, 10, 5, 15, 5}, {40, 35, 5, 15, 5}, {0, 25, 10, 40, 25}};
  std::string_view method = kMethods[rng.Weighted(std::span(kWeights[static_cast<int>(pattern)], 5))];
  return lost && method == "single_source" ? "negotiation" : method;  // a single source we did not win is not ours
}

std::string_view DrawRule(Rng& rng, Pattern pattern) {
  static constexpr std::string_view kRules[] = {"lowest_price", "comprehensive_score", "unknown"};
  static constexpr double kWeights[3][3] = {{20, 75, 5}, {30, 65, 5}, {40, 40, 20}};
  return kRules[rng.Weighted(std::span(kWeights[static_cast<int>(pattern)], 3))];
}

// Method, rule, conditions, scope and budget.
void AddTerms(HistoryRun& run, uint32_t opp, const Detail& detail) {
  static constexpr std::string_view kConditions[] = {"legacy_limits", "transformation", "annual_budget", "compliance",
                                                     "expansion",     "replacement",    "other"};
  static constexpr double kWeights[] = {3, 3, 2, 2, 2, 1.5, 0.5};
  const OpportunityDraft& d = run.w.opportunities[opp];
  const CustomerDraft& c = run.w.customers[d.customer];
  Record& r = OppRecord(run.w, opp);
  Put(r, f::opp::kMethod, DrawMethod(run.rng, c.pattern, d.status == kLost));
  Put(r, f::opp::kRule, DrawRule(run.rng, c.pattern));
  const size_t first = run.rng.Weighted(std::span(kWeights));
  std::vector<std::string> tags = {std::string(kConditions[first])};
  const size_t second = run.rng.Weighted(std::span(kWeights));
  if (second != first && run.rng.Chance(0.4)) tags.emplace_back(kConditions[second]);
  Put(r, f::opp::kConditions, JoinList(tags));
  if (detail.notes) Put(r, f::opp::kConditionsText, ConditionText(tags[0]));
  if (detail.records) {
    const std::string name = r.Text(f::opp::kName);
    Put(r, f::opp::kScope, ScopeText(run.rng, name));
  }
  PutNumber(r, f::opp::kBudget, Round(r.Number(f::opp::kAmount).value_or(0) * run.rng.Uniform(1.0, 1.15), 1e4));
}

// Criteria: price alone under lowest_price, otherwise price and two to four scored items, weights in
// steps of 5 adding up to 100; `scored`: a closed project, with our score and the best one.
void AddCriteria(HistoryRun& run, uint32_t opp, const std::string& id, bool scored) {
  const Record& o = OppRecord(run.w, opp);
  std::vector<std::pair<std::string_view, uint32_t>> items = {{"价格", 100}};
  if (o.Text(f::opp::kRule) != "lowest_price") {
    size_t count = 0;
    const CriterionItem* table = CriterionItems(count);
    std::vector<double> weights(count, 0);
    for (size_t i = 0; i < count; ++i) weights[i] = run.rng.Uniform(table[i].lo, table[i].hi);
    std::vector<size_t> picked(count);
    for (size_t i = 0; i < count; ++i) picked[i] = i;
    run.rng.Shuffle(picked);
    picked.resize(static_cast<size_t>(run.rng.Between(2, 4)));
    std::sort(picked.begin(), picked.end());
    items[0].second = static_cast<uint32_t>(10 * run.rng.Between(3, 5));
    const uint32_t units = (100 - items[0].second) / 5 - static_cast<uint32_t>(picked.size());
    std::vector<double> shares_of;
    for (size_t i : picked) shares_of.push_back(weights[i]);
    const std::vector<uint32_t> shares = Apportion(units, shares_of, run.rng);
    for (size_t k = 0; k < picked.size(); ++k) items.emplace_back(table[picked[k]].item, 5 * (1 + shares[k]));
  }
  const bool won = run.w.opportunities[opp].status == kWon;
  for (const auto& [item, weight] : items) {
    Record& r = run.w.Add(Kind::kCriterion, {});
    Put(r, f::criterion::kOpportunity, id);
    Put(r, f::criterion::kItem, item);
    PutNumber(r, f::criterion::kWeight, weight);
    if (!scored) continue;
    const double best = Round(weight * run.rng.Uniform(0.85, 1.0), 0.5);
    PutNumber(r, f::criterion::kBestScore, best);
    PutNumber(r, f::criterion::kOurScore,
              Round(best * (won ? run.rng.Uniform(0.93, 1.0) : run.rng.Uniform(0.7, 0.95)), 0.5));
  }
}

// The day a document of `kind_index` (see WriteDocument) was filed: at its milestone when the model has it
// and it was reached, else at the start (tender papers, requirements) or at the last milestone reached.
int32_t DocumentDay(const World& w, uint32_t opp, int kind_index) {
  static constexpr std::string_view kAt[] = {"tender_notice", "initiation", "bid_submission", "evaluation", "contract"};
  const OpportunityDraft& d = w.opportunities[opp];
  const int at = KindIndex(ModelOf(w, opp), kAt[kind_index]);
  if (at >= 0 && at < d.reached) return d.milestones[static_cast<size_t>(at)];
  return kind_index <= 1 ? d.milestones[0] : d.milestones[d.reached - 1u];
}

void AddDocument(HistoryRun& run, uint32_t opp, const std::string& id, int kind_index) {
  World& w = run.w;
  const OpportunityDraft& d = w.opportunities[opp];
  const CustomerDraft& c = w.customers[d.customer];
  const Record& o = OppRecord(w, opp);
  DocumentFacts facts{run.customer_names[d.customer],
                      o.Text(f::opp::kName),
                      o.Text(f::opp::kScope),
                      o.Text(f::opp::kMethod),
                      w.Day(DocumentDay(w, opp, kind_index)),
                      o.Number(f::opp::kBudget).value_or(0),
                      o.Number(f::opp::kOurBid).value_or(0)};
  DocumentText doc = WriteDocument(run.rng, kind_index, facts);
  std::string sha256 = Sha256Hex(doc.content);
  Record& r = w.Add(Kind::kDocument, {});
  Put(r, f::document::kOpportunity, id);
  Put(r, f::document::kName, doc.name);
  Put(r, f::document::kKind, doc.kind);
  Put(r, f::document::kContentType, doc.content_type);
  PutNumber(r, f::document::kSize, static_cast<double>(doc.content.size()));
  Put(r, f::document::kSha256, sha256);
  Put(r, f::document::kUploadedBy, w.users[c.owner].id);
  Put(r, f::document::kDate, facts.date);
  w.bundle.files.emplace(std::move(sha256), std::move(doc.content));
}

void AddDocuments(HistoryRun& run, uint32_t opp, const std::string& id) {
  const OpportunityDraft& d = run.w.opportunities[opp];
  const std::string& method = OppRecord(run.w, opp).Text(f::opp::kMethod);
  const int bid = KindIndex(ModelOf(run.w, opp), "bid_submission");
  AddDocument(run, opp, id, method == "public_tender" || method == "invited_tender" ? 0 : 1);
  if (bid >= 0 && bid < d.reached) AddDocument(run, opp, id, 2);
  if (d.status != kOpen && run.rng.Chance(0.5)) AddDocument(run, opp, id, 3);
  if (d.status == kWon) AddDocument(run, opp, id, 4);
}

void AddLessons(HistoryRun& run, uint32_t opp, const std::string& id) {
  World& w = run.w;
  const OpportunityDraft& d = w.opportunities[opp];
  const bool won = d.status == kWon;
  const size_t first = run.rng.Below(LessonCount(won));
  const size_t count = run.large || run.rng.Chance(0.5) ? 1 : 2;
  for (size_t i = 0; i < count; ++i) {
    const LessonText& lesson = Lesson(won, (first + 2 * i) % LessonCount(won));
    std::vector<std::string> tags = {std::string(lesson.tags[0])};
    if (!lesson.tags[1].empty()) tags.emplace_back(lesson.tags[1]);
    Record& r = w.Add(Kind::kLesson, {});
    Put(r, f::lesson::kOpportunity, id);
    Put(r, f::lesson::kKind, d.status == kWon ? "win_factor" : "loss_factor");
    Put(r, f::lesson::kTags, JoinList(tags));
    Put(r, f::lesson::kText, lesson.text);
    Put(r, f::lesson::kBy, w.users[w.customers[d.customer].owner].id);
    Put(r, f::lesson::kDate, w.Day(std::min(w.end, d.closed + static_cast<int32_t>(run.rng.Between(1, 20)))));
  }
}

void NoteRatio(HistoryRun& run, uint32_t opp) {
  const Record& o = OppRecord(run.w, opp);
  const double budget = o.Number(f::opp::kBudget).value_or(0);
  const auto winning = o.Number(f::opp::kWinningBid);
  if (budget <= 0 || !winning) return;
  const uint32_t c = run.w.opportunities[opp].customer;
  run.max_ratio[c] = std::max(run.max_ratio[c], *winning / budget);
  ++run.ratios[c];
}

void HistoryOfClosed(HistoryRun& run, uint32_t opp, const Detail& detail) {
  const std::string id = OppRecord(run.w, opp).id;
  const OpportunityDraft& d = run.w.opportunities[opp];
  const int bid = KindIndex(ModelOf(run.w, opp), "bid_submission");
  AddTerms(run, opp, detail);
  if (detail.records) AddMilestones(run, opp, id, detail);
  if (bid >= 0 && bid < d.reached) AddBidding(run, opp, id, detail);
  if (d.status == kAbandoned) return;
  NoteRatio(run, opp);
  if (detail.criteria) AddCriteria(run, opp, id, true);
  if (detail.documents) AddDocuments(run, opp, id);
  if (detail.lessons) AddLessons(run, opp, id);
}

void HistoryOfOpen(HistoryRun& run, uint32_t opp, const Detail& detail) {
  const std::string id = OppRecord(run.w, opp).id;
  const OpportunityDraft& d = run.w.opportunities[opp];
  const DemoModel& model = ModelOf(run.w, opp);
  AddTerms(run, opp, detail);
  AddMilestones(run, opp, id, detail);
  const int bid = KindIndex(model, "bid_submission");
  const int tender = std::max(KindIndex(model, "tender_notice"), bid);
  if (bid >= 0 && bid < d.reached) AddOpenQuotes(run, opp, id);
  if (detail.criteria && tender >= 0 && tender < d.reached) AddCriteria(run, opp, id, false);
  if (detail.documents) AddDocuments(run, opp, id);
}

// Links between a customer's projects: a later phase (二期) of a project won before it opened, and a
// maintenance or upgrade project that follows one.
void AddLinks(World& w) {
  const auto& records = w.bundle.of(Kind::kOpportunity);
  std::vector<int64_t> last_won(w.customers.size(), -1);
  for (uint32_t opp = 0; opp < w.opportunities.size(); ++opp) {  // ids follow the opening day
    const OpportunityDraft& d = w.opportunities[opp];
    const int64_t to = last_won[d.customer];
    const std::string& type = records[opp].record.Text(f::opp::kType);
    if (to >= 0 && w.opportunities[static_cast<size_t>(to)].closed <= d.opened && type != "new") {
      Record& r = w.Add(Kind::kProjectLink, {});
      Put(r, f::link::kFrom, records[opp].record.id);
      Put(r, f::link::kTo, records[static_cast<size_t>(to)].record.id);
      Put(r, f::link::kKind, type == "phase" ? "phase_of" : "follow_up_of");
    }
    if (d.status == kWon &&
        (last_won[d.customer] < 0 || w.opportunities[static_cast<size_t>(last_won[d.customer])].closed < d.closed)) {
      last_won[d.customer] = opp;
    }
  }
}

// At the large scale, the latest two decided projects of each customer get milestones, vendors and
// quotes; one in ten of those criteria, one in fifty documents, one in five a lesson. The others keep
// their amounts, method and rule on the opportunity.
Detail DetailOf(HistoryRun& run, uint32_t opp, std::vector<uint8_t>& detailed) {
  const OpportunityDraft& d = run.w.opportunities[opp];
  if (!run.large) {
    return {true, d.status == kOpen ? 1 : static_cast<int>(run.rng.Between(2, 3)), true, true, true, true};
  }
  if (d.status == kOpen) return {true, 1, false, false, false, false};
  if (d.status == kAbandoned || detailed[d.customer] >= 2) return {};
  ++detailed[d.customer];
  return {true, 1, run.rng.Chance(0.1), run.rng.Chance(0.02), run.rng.Chance(0.2), false};
}

}  // namespace

void BuildProjectHistory(World& w) {
  HistoryRun run{w,
                 Rng::Stream(w.config.seed, "history"),
                 w.config.scale == DemoConfig::Scale::kLarge,
                 std::vector<double>(w.customers.size(), 0),
                 std::vector<uint8_t>(w.customers.size(), 0),
                 {}};
  for (const BundleItem& item : w.bundle.of(Kind::kOrganization)) {  // customers were added in index order
    if (item.record.Text(f::org::kKind) == "customer") run.customer_names.push_back(item.record.Text(f::org::kName));
  }
  AddModels(w);
  for (OpportunityDraft& d : w.opportunities) {
    if (d.reached == 0) FitTimeline(w, run.rng, d);
  }
  std::vector<uint8_t> detailed(w.customers.size(), 0);
  const auto n = static_cast<uint32_t>(w.opportunities.size());
  std::vector<Detail> details(n);
  for (uint32_t opp = n; opp-- > 0;) details[opp] = DetailOf(run, opp, detailed);  // latest first
  // Closed projects first: an open one's quote is compared with its customer's history.
  for (uint32_t opp = 0; opp < n; ++opp) {
    if (w.opportunities[opp].status != kOpen) HistoryOfClosed(run, opp, details[opp]);
  }
  for (uint32_t opp = 0; opp < n; ++opp) {
    if (w.opportunities[opp].status == kOpen) HistoryOfOpen(run, opp, details[opp]);
  }
  AddLinks(w);
  NumberIds(w, Kind::kMilestoneModel, "mm-", 3);
  NumberIds(w, Kind::kMilestone, "ms-", 6);
  NumberIds(w, Kind::kProjectLink, "pl-", 4);
  NumberIds(w, Kind::kCriterion, "cr-", 5);
  NumberIds(w, Kind::kVendor, "vd-", 5);
  NumberIds(w, Kind::kQuote, "qt-", 6);
  NumberIds(w, Kind::kDocument, "doc-", 5);
  NumberIds(w, Kind::kLesson, "ls-", 5);
  w.Report("project history", n, n);
}

}  // namespace brm::demo
