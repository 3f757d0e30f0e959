// What a CSV import fills (docs/csv.md): the fields of each kind a file may carry with their Chinese and English
// headers (the templates'), the ready column mappings for what other CRMs export (Salesforce, Dynamics 365,
// 纷享销客, 销售易), and the words a cell may use for a closed vocabulary (English codes, Chinese labels).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/record.hpp"

namespace brm::csv {

struct Column {
  std::string_view field;  // the record's field
  std::string_view zh, en;  // the templates' headers
  bool required;            // needed to create a record
};

// The kinds a CSV file may hold: organizations, people, opportunities, ratings.
std::optional<Kind> KindOf(std::string_view collection);
std::span<const Column> ColumnsOf(Kind kind);
// Whether a file of `kind` may carry `field`.
bool HasColumn(Kind kind, std::string_view field);

// A column mapping: for each field, the headers that may hold it, the first present in the file wins. A
// header "A+B" takes two columns joined (a family name and a given name).
using Mapping = std::map<std::string, std::vector<std::string>>;

struct Preset {
  std::string name, label;
  bool builtin = false;
  std::map<Kind, Mapping> mappings;
};

// The ready presets: brm (the templates' headers in both languages, and the field names), salesforce,
// dynamics365, fxiaoke (纷享销客), xiaoshouyi (销售易).
const std::vector<Preset>& BuiltinPresets();

// The vocabulary word a cell means for `field` of `kind` (an enum, a rating's dimension or value …): the
// word itself in any case, or a Chinese (simplified or traditional) or English label; nullopt when none.
std::optional<std::string> WordFor(Kind kind, std::string_view field, std::string_view cell);

}  // namespace brm::csv
