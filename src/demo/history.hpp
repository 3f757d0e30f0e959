// The project history's material (SPEC.md §8), internal to demo/: the milestone models of the three
// buying patterns, and the Chinese texts of scopes, conditions, criteria, lessons and documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/random.hpp"
#include "demo/world.hpp"

namespace brm::demo {

struct ModelKind {
  std::string_view kind, name;
  uint8_t lo = 0, hi = 0;  // the usual days since the previous kind
};

struct DemoModel {
  Pattern pattern;
  bool company_default = false;  // the customers of this model use the company default (no record of their own)
  uint8_t size = 0;
  ModelKind kinds[kMaxMilestones];
};

inline constexpr size_t kModelCount = 7;
const DemoModel& Model(size_t index);  // 0 is the company default (the seven kinds of SPEC.md §8.1)
// Position of `kind` in the model, or −1.
int KindIndex(const DemoModel& model, std::string_view kind);

// Texts, drawn through the caller's Rng.
std::string ScopeText(Rng& rng, std::string_view subject);
std::string_view ConditionText(std::string_view condition);  // one sentence per vocab::kConditions word
std::string_view MilestoneNote(Rng& rng, std::string_view kind);

struct CriterionItem {
  std::string_view item;
  uint8_t lo = 0, hi = 0;  // weight range, multiples of 5
};
// The scored items of a comprehensive evaluation besides price: 技术方案, 售后服务 …
const CriterionItem* CriterionItems(size_t& count);

struct LessonText {
  std::string_view tags[2];  // free words; the second may be empty
  std::string_view text;
};
// The lessons of won (win_factor) or lost (loss_factor) projects: how many, and one of them.
size_t LessonCount(bool won);
const LessonText& Lesson(bool won, size_t index);

// A document's facts, for its text.
struct DocumentFacts {
  std::string_view customer, project, scope, method;
  std::string date;
  double budget = 0, price = 0;
};
struct DocumentText {
  std::string_view name, kind, content_type;
  std::string content;
};
// The document of `kind_index`: 0 招标文件 (rfp), 1 需求说明书 (requirements), 2 投标方案 (proposal),
// 3 会议纪要 (minutes), 4 合同摘要 (contract).
DocumentText WriteDocument(Rng& rng, int kind_index, const DocumentFacts& facts);
// Lower-case hex SHA-256 of the bytes.
std::string Sha256Hex(std::string_view bytes);

// One run of BuildProjectHistory (project_history.cpp, history_bids.cpp).
enum ProjectStatus : uint8_t { kOpen, kWon, kLost, kAbandoned };  // vocab::kOpportunityStatus order
inline constexpr std::string_view kOursId = "org-ours";

// How much of one opportunity's history is written.
struct Detail {
  bool records = false;  // milestones, vendors and quotes
  int rounds = 1;        // quote rounds of a closed project
  bool criteria = false, documents = false, lessons = false, notes = false;
};

struct HistoryRun {
  World& w;
  Rng rng;
  bool large;
  std::vector<double> max_ratio;                 // per customer: the highest winning_bid / budget of its history
  std::vector<uint8_t> ratios;                   // per customer: how many history projects gave one
  std::vector<std::string_view> customer_names;  // per customer: its organization's full name
};

inline Record& OppRecord(World& w, uint32_t opp) { return w.bundle.of(Kind::kOpportunity)[opp].record; }
inline const DemoModel& ModelOf(const World& w, uint32_t opp) {
  return Model(w.customers[w.opportunities[opp].customer].model);
}
// `amount` rounded to a multiple of `unit`.
double Round(double amount, double unit);

// Vendors, quote rounds, winner and bids of a closed project that reached its bids; the records only
// when detail.records.
void AddBidding(HistoryRun& run, uint32_t opp, const std::string& id, const Detail& detail);
// Our quotes so far on an open project past its bids; on a few, above what the customer ever paid for
// its budget (SPEC.md §8.3, price_above_history). Reads run.max_ratio: call after the closed projects.
void AddOpenQuotes(HistoryRun& run, uint32_t opp, const std::string& id);

}  // namespace brm::demo
