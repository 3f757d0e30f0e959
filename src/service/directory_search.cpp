#include "service/directory_search.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "domain/pinyin.hpp"

namespace brm {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class Finder {
 public:
  explicit Finder(std::string_view text) : text_(Lower(text)) {}
  bool Finds(std::string_view name) const {
    return Lower(name).find(text_) != std::string::npos || PinyinMatches(name, text_);
  }

 private:
  std::string text_;
};

}  // namespace

std::vector<std::string> DirectorySearch(const engine::Graph& graph, Kind kind, std::string_view text, Date day,
                                         size_t limit) {
  const Finder finder(text);
  std::vector<std::string> ids;
  if (kind == Kind::kOrganization) {
    for (engine::Idx o = 0; o < graph.orgs.size(); ++o) {
      const engine::Organization& org = graph.orgs[o];
      if (org.kind != engine::OrgKind::kMissing && finder.Finds(org.name)) {
        ids.push_back(graph.Id(Kind::kOrganization, o));
      }
    }
  } else {
    std::unordered_map<engine::Idx, bool> org_found;  // each organization's name is looked at once
    for (engine::Idx p = 0; p < graph.people.size(); ++p) {
      const engine::Person& person = graph.people[p];
      if (!person.exists || !person.life.On(day)) continue;
      bool found = finder.Finds(person.name);
      if (!found && person.org != engine::kNone) {
        auto [it, fresh] = org_found.emplace(person.org, false);
        if (fresh) it->second = finder.Finds(graph.orgs[person.org].name);
        found = it->second;
      }
      if (found) ids.push_back(graph.Id(Kind::kPerson, p));
    }
  }
  std::sort(ids.begin(), ids.end());
  if (ids.size() > limit) ids.resize(limit);
  return ids;
}

}  // namespace brm
