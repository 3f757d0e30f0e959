// The project history's material (SPEC.md §8), internal to demo/: the milestone models of the three
// buying patterns, and the Chinese texts of scopes, conditions, criteria, lessons and documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
const LessonText& DrawLesson(Rng& rng, bool won);

// A document's facts, for its text.
struct DocumentFacts {
  std::string_view customer, project, scope, method, winner;
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

}  // namespace brm::demo
