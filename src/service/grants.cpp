// The writes made on one grant of the access policy rather than record by record: an introduction answered
// by the employee asked (what accepting records is theirs to write), and an owner handover.
#include <algorithm>

#include "domain/schema.hpp"
#include "domain/validate.hpp"
#include "json/serialize.hpp"
#include "service/access_policy.hpp"
#include "service/entities.hpp"
#include "service/secrets.hpp"

namespace brm {
namespace f = fields;

Result<std::vector<Record>> EntityService::CommitGranted(const Actor& actor, Writes writes,
                                                         const std::vector<AuditEntry>& extra) {
  for (auto& [record, previous] : writes) {
    if (auto status = ValidateFields(record); !status) return status.error();
  }
  auto tx = store_.Begin();
  for (auto& [record, previous] : writes) {
    if (previous) {
      auto current = tx->Find(record.kind, record.id);
      if (!current || !(*current == *previous)) {
        return MakeError(ErrorCode::kConflict, record.id + " changed while this request was checked (by someone else); try again.");
      }
    }
    if (auto status = Stage(nullptr, *tx, record, previous); !status) return status.error();
  }
  std::vector<Record> written;
  for (const auto& [record, previous] : writes) {
    AddAuditLines(*tx, actor, record, previous);
    if (record.kind == Kind::kUser && (!record.Bool(f::user::kActive) || !ActiveOn(record, Today()))) {
      tx->DeleteSessionsOf(record.id);
    }
    written.push_back(record);
  }
  for (const AuditEntry& entry : extra) tx->AddAudit(entry);
  tx->Commit();
  for (const Record& record : written) engine_.Apply(record);
  tx.reset();
  for (const auto& [record, previous] : writes) Committed(actor, record, previous);
  return written;
}

Result<Record> EntityService::AnswerIntroduction(const Actor& actor, std::string_view id, bool accept,
                                                std::string_view note) {
  auto before = ReadVisible(actor, Kind::kIntroduction, id);
  if (!before) return NotFound(Kind::kIntroduction, id);
  const Status allowed = engine_.With([&](const engine::Figures& figures) {
    return Access(actor, figures.graph()).MayAnswerIntroduction(*before);
  });
  if (!allowed) return allowed.error();
  if (before->Text(f::intro::kStatus) != "pending") {
    return MakeError(ErrorCode::kConflict, "The request is " + before->Text(f::intro::kStatus) + " already.", "status");
  }
  const std::string today = FormatDate(Today());
  Record request = *before;
  request.values[f::intro::kStatus] = std::string(accept ? "accepted" : "declined");
  request.values[f::intro::kAnswer] = note.empty() ? Value{} : Value{std::string(note)};
  request.values[f::intro::kAnsweredOn] = today;
  Writes writes;
  if (accept) {
    Record activity = BlankRecord(Kind::kActivity);
    activity.id = NewId(IdPrefix(Kind::kActivity));
    activity.values[f::activity::kPerson] = before->Text(f::intro::kPerson);
    activity.values[f::activity::kOpportunity] = before->values[f::intro::kOpportunity];
    activity.values[f::activity::kKind] = std::string("other");
    activity.values[f::activity::kDate] = today;
    if (actor.role != Role::kSystem) activity.values[f::activity::kBy] = actor.user;
    activity.values[f::activity::kNote] = note.empty() ? Value{} : Value{std::string(note)};
    request.values[f::intro::kActivity] = activity.id;
    writes.emplace_back(std::move(activity), std::nullopt);
    if (!before->IsNull(f::intro::kOpportunity)) {
      Record use = BlankRecord(Kind::kInfluenceUse);
      use.id = NewId(IdPrefix(Kind::kInfluenceUse));
      use.values[f::use::kOpportunity] = before->Text(f::intro::kOpportunity);
      use.values[f::use::kEmployee] = before->Text(f::intro::kEmployee);
      use.values[f::use::kPerson] = before->Text(f::intro::kPerson);
      use.values[f::use::kDate] = today;
      use.values[f::use::kNote] = note.empty() ? Value{} : Value{std::string(note.substr(0, 2000))};
      request.values[f::intro::kUse] = use.id;
      writes.emplace_back(std::move(use), std::nullopt);
    }
  }
  writes.emplace_back(std::move(request), std::move(before));
  auto written = CommitGranted(actor, std::move(writes));
  if (!written) return written.error();
  return written->back();
}

Result<HandoverReport> EntityService::HandOver(const Actor& actor, const HandoverRequest& request) {
  auto from = ReadVisible(actor, Kind::kUser, request.from);
  if (!from) return NotFound(Kind::kUser, request.from);
  auto to = ReadVisible(actor, Kind::kUser, request.to);
  if (!to) return MakeError(ErrorCode::kUnprocessable, "No user has the id \"" + request.to + "\".", "to");
  const Status allowed = engine_.With([&](const engine::Figures& figures) {
    return Access(actor, figures.graph()).MayHandOver(*from, *to, request.leaves);
  });
  if (!allowed) return allowed.error();
  auto plan = [&]() -> Result<std::pair<HandoverReport, Writes>> {
    auto tx = store_.Begin();  // read only: rolled back
    return engine_.With([&](const engine::Figures& figures) {
      return PlanHandover(*tx, figures, request, *from, *to, actor.role == Role::kSystem ? "" : actor.user, Today());
    });
  }();
  if (!plan) return plan.error();
  auto& [report, writes] = *plan;
  if (request.preview) return report;
  boost::json::object line{{"to", request.to},
                           {"customers", report.customers.size()},
                           {"opportunities", report.opportunities.size()},
                           {"tasks", report.tasks.size()},
                           {"only_theirs", report.only_theirs.size()},
                           {"leaves", request.leaves}};
  if (request.leaves) line["date"] = FormatDate(request.date);
  const AuditEntry audit{NowTimestamp(), actor.user, std::string(Spec(Kind::kUser).collection), request.from, "handover",
                         std::nullopt, json::Serialize(line)};
  auto written = CommitGranted(actor, std::move(writes), {audit});
  if (!written) return written.error();
  return report;
}

}  // namespace brm
