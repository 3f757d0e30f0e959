// What the employees' directory finds for a search (SPEC.md §7: search persons by name and organization): a
// person by their name, by their organization's name, or by the pinyin of either (full or initials: 'zhaomin',
// 'zm', 'zhaoshang' for 招商银行); an organization by its name or its pinyin. Case is ignored for Latin letters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/record.hpp"
#include "engine/graph.hpp"

namespace brm {

// The ids of the people active on `day` (or of the organizations, retired ones too) that `text` finds, in id
// order, at most `limit`.
std::vector<std::string> DirectorySearch(const engine::Graph& graph, Kind kind, std::string_view text, Date day,
                                         size_t limit);

}  // namespace brm
