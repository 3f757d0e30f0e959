// FiguresService::CustomerGraph: the customer page's org chart and influence graph in one answer. The
// engine gives the structure, attitudes and votes as of the day; the store gives names and titles, read
// a whole organization at a time rather than person by person.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "engine/customer_graph.hpp"
#include "engine/stats.hpp"
#include "service/access_policy.hpp"
#include "service/entities.hpp"
#include "service/figures.hpp"

namespace brm {
namespace bj = boost::json;
namespace f = fields;
using engine::Idx;
using engine::kNone;

namespace {

constexpr size_t kWholeOrganization = std::numeric_limits<uint32_t>::max();
constexpr const char* kDimensionNames[] = {"closeness", "solution", "price"};

using Records = std::unordered_map<std::string, Record>;

// Every record of `kind` whose `field` is `value`, by id.
Records RecordsWhere(Store& store, Kind kind, int field, const std::string& value) {
  ListQuery query;
  query.equals.emplace_back(field, value);
  query.limit = kWholeOrganization;
  Records records;
  for (Record& record : store.List(kind, query).items) {
    std::string id = record.id;
    records.emplace(std::move(id), std::move(record));
  }
  return records;
}

bj::value Text(const Record* record, int field) {
  if (!record || record->IsNull(field)) return nullptr;
  return bj::string(record->Text(field));
}

bj::value IdOf(const engine::Graph& graph, Kind kind, Idx index) {
  if (index == kNone) return nullptr;
  return bj::string(graph.Id(kind, index));
}

const Record* FindIn(const Records& records, const std::string& id) {
  auto it = records.find(id);
  return it == records.end() ? nullptr : &it->second;
}

// A person at the far end of a link, before their names are read.
struct Outsider {
  std::string id;
  std::string org;
  size_t org_size = 0;  // persons of the organization, to choose how to read their names
};

}  // namespace

Result<bj::object> FiguresService::CustomerGraph(const Actor& actor, std::string_view customer,
                                                 const FigureQuery& query) {
  const std::string id(customer);
  auto no_customer = [&] { return MakeError(ErrorCode::kNotFound, "No customer has the id \"" + id + "\"."); };
  // Who may see figures at all comes first, as for every figure, before anything is looked up.
  if (auto status = AsActor(actor, [](const Access& access, const engine::Figures&) { return access.MayCompute(); });
      !status) {
    return status.error();
  }
  auto record = store_.Get(Kind::kOrganization, customer);
  if (!record || record->Text(f::org::kKind) != "customer") return no_customer();
  const Records departments = RecordsWhere(store_, Kind::kDepartment, f::dept::kOrg, id);
  const Records people = RecordsWhere(store_, Kind::kPerson, f::person::kOrg, id);

  std::vector<Outsider> outsiders;
  bool may_write = false;
  auto answer = AsActor(actor, [&](const Access& access, const engine::Figures& all) -> Result<bj::object> {
    if (auto status = access.MayCompute(); !status) return status.error();
    const engine::Graph& graph = all.graph();
    const Idx org = graph.ids(Kind::kOrganization).Find(customer);
    if (org == kNone || graph.orgs[org].kind != engine::OrgKind::kCustomer || !access.MayRead(Kind::kOrganization, org)) {
      return no_customer();
    }
    auto toward = ResolveToward(all, query.toward);
    if (!toward) return toward.error();
    may_write = access.MayWriteCustomer(org);
    // The persons of another organization are shown as the access policy says (SPEC.md §7).
    const engine::Scope sees = access.Sees();
    const engine::Figures figures = all.Within(sees);
    const engine::CustomerGraph map =
        engine::MapCustomer(figures, org, *toward, query.as_of, [&](Idx other) { return sees.Has(other); });

    bj::object out;
    out["as_of"] = FormatDate(query.as_of);
    out["toward"] = *toward == engine::kOurs ? bj::value("ours") : IdOf(graph, Kind::kOrganization, *toward);
    bj::array department_rows;
    for (Idx department : map.departments) {
      const std::string& department_id = graph.Id(Kind::kDepartment, department);
      department_rows.push_back({{"id", department_id},
                                 {"name", Text(FindIn(departments, department_id), f::dept::kName)},
                                 {"parent", IdOf(graph, Kind::kDepartment, graph.departments[department].parent)}});
    }
    out["departments"] = std::move(department_rows);
    bj::array person_rows;
    person_rows.reserve(map.people.size());
    for (const engine::CustomerGraph::Member& member : map.people) {
      const engine::Person& p = graph.people[member.person];
      const std::string& person_id = graph.Id(Kind::kPerson, member.person);
      const Record* stored = FindIn(people, person_id);
      bj::object row;
      row["id"] = person_id;
      row["name"] = Text(stored, f::person::kName);
      row["title"] = Text(stored, f::person::kTitle);
      row["department"] = IdOf(graph, Kind::kDepartment, p.department);
      row["key"] = p.key;
      row["importance"] = vocab::kImportance[p.importance];
      row["orientation"] = vocab::kOrientation[p.orientation];
      for (int d = 0; d < engine::kDimensions; ++d) row[kDimensionNames[d]] = engine::AttitudeName(member.degrees[d]);
      row["veto"] = engine::YesNoName(member.veto);
      row["approve"] = engine::YesNoName(member.approve);
      person_rows.push_back(std::move(row));
    }
    out["people"] = std::move(person_rows);
    bj::array reporting_rows;
    for (Idx line : map.reporting) {
      const engine::ReportingLine& r = graph.reporting[line];
      reporting_rows.push_back({{"id", graph.Id(Kind::kReporting, line)},
                                {"person", graph.Id(Kind::kPerson, r.person)},
                                {"manager", graph.Id(Kind::kPerson, r.manager)}});
    }
    out["reporting"] = std::move(reporting_rows);
    bj::array link_rows;
    for (Idx link : map.links) {
      const engine::InfluenceLink& l = graph.links[link];
      link_rows.push_back({{"id", graph.Id(Kind::kInfluence, link)},
                           {"from", graph.Id(Kind::kPerson, l.from)},
                           {"to", graph.Id(Kind::kPerson, l.to)},
                           {"strength", vocab::kStrengths[l.strength]}});
    }
    out["links"] = std::move(link_rows);
    for (Idx person : map.outsiders) {
      const Idx other = graph.people[person].org;
      outsiders.push_back({graph.Id(Kind::kPerson, person), graph.Id(Kind::kOrganization, other),
                           graph.orgs[other].people.size()});
    }
    return out;
  });
  if (!answer) return answer;

  // The outsiders' names: a whole organization in one read when many of its persons are at the far end
  // of a link, one read per person otherwise (our own company may have thousands of employees).
  std::unordered_map<std::string, std::vector<const Outsider*>> by_org;
  for (const Outsider& outsider : outsiders) by_org[outsider.org].push_back(&outsider);
  Records outsider_records, orgs;
  for (const auto& [org_id, members] : by_org) {
    if (auto org = store_.Get(Kind::kOrganization, org_id)) orgs.emplace(org_id, std::move(*org));
    if (members.size() * 4 >= members.front()->org_size) {
      for (auto& [person_id, person] : RecordsWhere(store_, Kind::kPerson, f::person::kOrg, org_id)) {
        outsider_records.emplace(person_id, std::move(person));
      }
    } else {
      for (const Outsider* member : members) {
        if (auto person = store_.Get(Kind::kPerson, member->id)) {
          outsider_records.emplace(member->id, std::move(*person));
        }
      }
    }
  }
  bj::array outsider_rows;
  outsider_rows.reserve(outsiders.size());
  for (const Outsider& outsider : outsiders) {
    const Record* org = FindIn(orgs, outsider.org);
    outsider_rows.push_back({{"id", outsider.id},
                             {"name", Text(FindIn(outsider_records, outsider.id), f::person::kName)},
                             {"org", outsider.org},
                             {"org_name", Text(org, f::org::kName)},
                             {"kind", Text(org, f::org::kKind)}});
  }

  bj::object result;
  result["customer"] = {{"id", record->id},
                        {"name", Text(&*record, f::org::kName)},
                        {"owner", Text(&*record, f::org::kOwner)},
                        {"focus", record->Bool(f::org::kFocus)},
                        {"industry", Text(&*record, f::org::kIndustry)},
                        {"region", Text(&*record, f::org::kRegion)}};
  for (auto& [key, value] : *answer) result[key] = std::move(value);
  result["outsiders"] = std::move(outsider_rows);
  result["may_write"] = may_write;
  return result;
}

}  // namespace brm
