#include "service/handover.hpp"

#include <algorithm>
#include <set>

#include "domain/schema.hpp"
#include "domain/vocab.hpp"
#include "service/secrets.hpp"

namespace brm {
namespace f = fields;
namespace bj = boost::json;
using engine::Idx;
using engine::kNone;

namespace {

Error Invalid(std::string field, std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message), std::move(field));
}

Error Unprocessable(std::string field, std::string message) {
  return MakeError(ErrorCode::kUnprocessable, std::move(message), std::move(field));
}

bool OpenTask(const Record& task) {
  const std::string& status = task.Text(f::task::kStatus);
  return status == "open" || status == "snoozed";
}

// The task that asks the new owner to build their own relationship with a key person whom only the leaver
// could influence, titled in the new owner's language.
Record OnlyTheirsTask(const Record& to, std::string_view by, std::string_view key, std::string_view person,
                      std::string_view person_name, std::string_view customer, std::string_view leaver_name,
                      std::string_view strength, Date today) {
  const bool english = to.Text(f::user::kLanguage) == "en";
  std::string title = english ? "Build a relationship with " + std::string(person_name) + " (only " +
                                    std::string(leaver_name) + " could influence them)"
                              : "建立与" + std::string(person_name) + "的关系（此前只有" + std::string(leaver_name) +
                                    "能影响）";
  std::string note = english ? "Handed over from " + std::string(leaver_name) + ", whose influence on them was " +
                                   std::string(strength) + "."
                             : "交接自" + std::string(leaver_name) + "；其影响强度：" +
                                   std::string(strength == "strong" ? "强" : strength == "medium" ? "中" : "弱") + "。";
  Record task = BlankRecord(Kind::kTask);
  task.id = NewId(IdPrefix(Kind::kTask));
  task.values[f::task::kTitle] = std::move(title);
  task.values[f::task::kCustomer] = std::string(customer);
  task.values[f::task::kPerson] = std::string(person);
  task.values[f::task::kAssignee] = to.id;
  task.values[f::task::kDue] = FormatDate(AddDays(today, 14));
  task.values[f::task::kStatus] = std::string("open");
  task.values[f::task::kSource] = std::string("handover");
  task.values[f::task::kSourceKey] = std::string(key);
  task.values[f::task::kNote] = std::move(note);
  if (!by.empty()) task.values[f::task::kBy] = std::string(by);
  task.values[f::task::kDate] = FormatDate(today);
  return task;
}

}  // namespace

Result<HandoverRequest> DecodeHandover(std::string_view from, const bj::object& body, Date today) {
  HandoverRequest request;
  request.from = std::string(from);
  request.date = today;
  for (const auto& [name, value] : body) {
    if (name == "to") {
      if (!value.is_string() || value.get_string().empty()) return Invalid("to", "\"to\" must be a user id.");
      request.to = std::string(value.get_string());
    } else if (name == "customers") {
      if (value.is_null()) continue;
      if (!value.is_array()) return Invalid("customers", "\"customers\" must be a list of customer ids, or null for all.");
      std::vector<std::string> ids;
      for (size_t i = 0; i < value.get_array().size(); ++i) {
        const bj::value& id = value.get_array()[i];
        if (!id.is_string() || id.get_string().empty()) {
          return Invalid("customers[" + std::to_string(i) + "]", "A customer id must be text.");
        }
        ids.emplace_back(id.get_string());
      }
      request.customers = std::move(ids);
    } else if (name == "leaves" || name == "preview") {
      if (!value.is_bool()) return Invalid(std::string(name), "\"" + std::string(name) + "\" must be true or false.");
      (name == "leaves" ? request.leaves : request.preview) = value.get_bool();
    } else if (name == "date") {
      const std::optional<Date> day = value.is_string() ? ParseDate(value.get_string()) : std::nullopt;
      if (!day) return Invalid("date", "\"date\" must be a day, YYYY-MM-DD.");
      request.date = *day;
    } else {
      return Invalid(std::string(name), "Unknown field \"" + std::string(name) +
                                            "\"; send \"to\", \"customers\", \"leaves\", \"date\" and \"preview\".");
    }
  }
  if (request.to.empty()) return Invalid("to", "\"to\" is required: the user who takes the customers over.");
  return request;
}

Result<std::pair<HandoverReport, Writes>> PlanHandover(Transaction& tx, const engine::Figures& figures,
                                                       const HandoverRequest& request, const Record& from,
                                                       const Record& to, std::string_view by, Date today) {
  const engine::Graph& graph = figures.graph();
  if (to.id == from.id) return Unprocessable("to", "Customers are handed over to another user.");
  const std::string& role = to.Text(f::user::kRole);
  if (!to.Bool(f::user::kActive) || !ActiveOn(to, today) || (role != "rep" && role != "manager")) {
    return Unprocessable("to", "Customers are handed over to an active rep or manager; " + to.Text(f::user::kLogin) +
                                   " is not one.");
  }

  HandoverReport report;
  report.request = request;
  Writes writes;

  // The customers: all that `from` owns, or the ones chosen among them.
  std::vector<Record> owned;
  for (Record& org : tx.FindBy(Kind::kOrganization, f::org::kOwner, from.id)) {
    if (org.Text(f::org::kKind) == "customer") owned.push_back(std::move(org));
  }
  std::sort(owned.begin(), owned.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
  std::set<std::string> chosen;
  if (request.customers) {
    for (size_t i = 0; i < request.customers->size(); ++i) {
      const std::string& id = (*request.customers)[i];
      const bool theirs = std::any_of(owned.begin(), owned.end(), [&](const Record& org) { return org.id == id; });
      if (!theirs) {
        return Unprocessable("customers[" + std::to_string(i) + "]",
                             "\"" + id + "\" is not a customer of " + from.Text(f::user::kLogin) + ".");
      }
      chosen.insert(id);
    }
  } else {
    for (const Record& org : owned) chosen.insert(org.id);
  }
  if (request.leaves && chosen.size() < owned.size()) {
    return MakeError(ErrorCode::kConflict,
                     from.Text(f::user::kLogin) + " leaves but would keep " + std::to_string(owned.size() - chosen.size()) +
                         " customers: hand all of them over.",
                     "customers");
  }
  for (const Record& org : owned) {
    if (!chosen.count(org.id)) continue;
    Record changed = org;
    changed.values[f::org::kOwner] = to.id;
    report.customers.push_back(org.id);
    writes.emplace_back(std::move(changed), org);
  }

  // Who takes over `from`'s work at a customer ("" for none, or for nothing): `to` at a customer handed over;
  // when `from` leaves, that customer's owner at another user's customer, and `to` for the rest. Otherwise
  // nobody: `from` keeps it.
  auto successor_at = [&](const std::string& customer) -> std::string {
    if (chosen.count(customer)) return to.id;
    if (!request.leaves) return {};
    auto org = customer.empty() ? std::nullopt : tx.Find(Kind::kOrganization, customer);
    if (org && !org->IsNull(f::org::kOwner) && org->Text(f::org::kOwner) != from.id) return org->Text(f::org::kOwner);
    return to.id;
  };

  // Their open opportunities: of the customers handed over to `to`; when `from` leaves, those of other
  // users' customers to that customer's owner.
  for (const Record& opp : tx.FindBy(Kind::kOpportunity, f::opp::kOwner, from.id)) {
    if (opp.Text(f::opp::kStatus) != "open" || !ActiveOn(opp, today)) continue;
    const std::string owner = successor_at(opp.Text(f::opp::kCustomer));
    if (owner.empty()) continue;
    Record changed = opp;
    changed.values[f::opp::kOwner] = owner;
    report.opportunities.emplace_back(opp.id, owner);
    writes.emplace_back(std::move(changed), opp);
  }

  // Their open tasks about those customers (directly, or through an opportunity or a person of theirs).
  auto customer_of = [&](const Record& task) -> std::string {
    if (!task.IsNull(f::task::kCustomer)) return task.Text(f::task::kCustomer);
    if (!task.IsNull(f::task::kOpportunity)) {
      const Idx opp = graph.ids(Kind::kOpportunity).Find(task.Text(f::task::kOpportunity));
      if (opp != kNone && graph.opportunities[opp].customer != kNone) {
        return graph.Id(Kind::kOrganization, graph.opportunities[opp].customer);
      }
    }
    if (!task.IsNull(f::task::kPerson)) {
      const Idx person = graph.ids(Kind::kPerson).Find(task.Text(f::task::kPerson));
      if (person != kNone && graph.people[person].org != kNone) return graph.Id(Kind::kOrganization, graph.people[person].org);
    }
    return {};
  };
  // When `from` leaves, the rest go too: about another user's customer to its owner, about nothing (or a
  // customer without another owner) to `to`.
  for (const Record& task : tx.FindBy(Kind::kTask, f::task::kAssignee, from.id)) {
    if (!OpenTask(task)) continue;
    const std::string assignee = successor_at(customer_of(task));
    if (assignee.empty()) continue;
    Record changed = task;
    changed.values[f::task::kAssignee] = assignee;
    report.tasks.emplace_back(task.id, assignee);
    writes.emplace_back(std::move(changed), task);
  }

  // The key persons of those customers whom only the leaver's person could influence (SPEC.md §5: active
  // links from active employees), strongest link first in the note.
  const Idx leaver = from.IsNull(f::user::kPerson) ? kNone : graph.ids(Kind::kPerson).Find(from.Text(f::user::kPerson));
  if (leaver != kNone && figures.Employee(leaver, today)) {
    const std::string& leaver_name = graph.people[leaver].name;
    for (const std::string& customer : chosen) {
      const Idx org = graph.ids(Kind::kOrganization).Find(customer);
      if (org == kNone) continue;
      for (Idx person : figures.KeyPersons(org, today)) {
        const std::vector<Idx> employees = figures.InfluencingEmployees(person, today);
        if (employees.size() != 1 || employees.front() != leaver) continue;
        uint8_t strongest = 2;
        for (Idx link : graph.people[person].links_in) {
          const engine::InfluenceLink& l = graph.links[link];
          if (l.from == leaver && l.life.On(today)) strongest = std::min(strongest, l.strength);
        }
        HandoverReport::OnlyTheirs only{graph.Id(Kind::kPerson, person), customer,
                                        std::string(vocab::kStrengths[strongest]), {}};
        const std::string key = "handover:" + from.id + ":" + only.person;
        for (const Record& task : tx.FindBy(Kind::kTask, f::task::kSourceKey, key)) {
          if (OpenTask(task)) only.task = task.id;
        }
        if (only.task.empty() && !request.preview) {
          Record task = OnlyTheirsTask(to, by, key, only.person, graph.people[person].name, customer, leaver_name,
                                       only.strength, today);
          only.task = task.id;
          writes.emplace_back(std::move(task), std::nullopt);
        }
        report.only_theirs.push_back(std::move(only));
      }
    }
  }

  // A leaver: their user stops, their person ends on the leaving day; their influence links stay.
  if (request.leaves) {
    if (from.Bool(f::user::kActive)) {
      Record changed = from;
      changed.values[f::user::kActive] = false;
      writes.emplace_back(std::move(changed), from);
    }
    if (leaver != kNone) {
      if (auto person = tx.Find(Kind::kPerson, from.Text(f::user::kPerson))) {
        const std::optional<Date> until = person->IsNull(f::person::kUntil) ? std::nullopt : ParseDate(person->Text(f::person::kUntil));
        if (!until || request.date < *until) {
          Record changed = *person;
          changed.values[f::person::kUntil] = FormatDate(request.date);
          writes.emplace_back(std::move(changed), *person);
        }
      }
    }
  }
  return std::pair{std::move(report), std::move(writes)};
}

bj::object EncodeHandover(const HandoverReport& report) {
  bj::array customers, opportunities, tasks, only;
  for (const std::string& id : report.customers) customers.emplace_back(id);
  for (const auto& [id, owner] : report.opportunities) opportunities.push_back(bj::object{{"id", id}, {"owner", owner}});
  for (const auto& [id, assignee] : report.tasks) tasks.push_back(bj::object{{"id", id}, {"assignee", assignee}});
  for (const auto& o : report.only_theirs) {
    only.push_back(bj::object{{"person", o.person}, {"customer", o.customer}, {"strength", o.strength},
                              {"task", o.task.empty() ? bj::value(nullptr) : bj::value(o.task)}});
  }
  return {{"from", report.request.from},
          {"to", report.request.to},
          {"leaves", report.request.leaves},
          {"date", FormatDate(report.request.date)},
          {"preview", report.request.preview},
          {"customers", std::move(customers)},
          {"opportunities", std::move(opportunities)},
          {"tasks", std::move(tasks)},
          {"only_theirs", std::move(only)}};
}

}  // namespace brm
