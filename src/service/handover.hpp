// An owner handover (交接): a user's customers — all, or the ones chosen — pass to another user in one
// audited step, with their open opportunities and the open tasks about them. The key persons of those
// customers whom only the leaver's person could influence (SPEC.md §5: the employees with an active link)
// become tasks for the new owner. A leaving user is deactivated and their person ends on the leaving day;
// their influence links stay as they are, in the history: the figures before that day still count them.
// Who may hand over is the access policy's (Access::MayHandOver); EntityService::HandOver writes the plan.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "domain/date.hpp"
#include "domain/record.hpp"
#include "domain/result.hpp"
#include "engine/figures.hpp"
#include "service/actor.hpp"
#include "store/store.hpp"

namespace brm {

struct HandoverRequest {
  std::string from, to;                               // user ids
  std::optional<std::vector<std::string>> customers;  // nullopt: every customer `from` owns
  bool leaves = false;                                // `from` leaves the company on `date`
  Date date;                                          // the leaving day (the first day without them)
  bool preview = false;                               // the plan only, nothing written
};

// The body of POST /users/{from}/handover: {"to", "customers", "leaves", "date", "preview"}; `date` defaults
// to `today`. kInvalid naming the field for a wrong type or an unknown field.
Result<HandoverRequest> DecodeHandover(std::string_view from, const boost::json::object& body, Date today);

struct HandoverReport {
  HandoverRequest request;
  std::vector<std::string> customers;      // organizations whose owner becomes `to`
  // Open opportunities that change owner: `to` for the customers handed over; when `from` leaves, their
  // open opportunities of other users' customers go to that customer's owner.
  std::vector<std::pair<std::string, std::string>> opportunities;  // (opportunity, new owner)
  std::vector<std::pair<std::string, std::string>> tasks;  // open or snoozed tasks of `from` passed on: id, assignee
  struct OnlyTheirs {
    std::string person, customer, strength;
    std::string task;  // the task for the new owner: made now, or still open from an earlier handover; empty
                       // in a preview when there is none yet
  };
  std::vector<OnlyTheirs> only_theirs;     // key persons only `from`'s person could influence
};

// What a handover would write, read from `tx` and (for the influence links) `figures` as of `today`: the
// report and the records to write with the stored versions they replace. `from` and `to` are the two user
// records; `by` the actor's user id ("" for the command line), the author of the new tasks. kUnprocessable
// naming `customers[i]` for a customer `from` does not own, kConflict naming `customers` when a leaving user
// would keep customers.
using Writes = std::vector<std::pair<Record, std::optional<Record>>>;
Result<std::pair<HandoverReport, Writes>> PlanHandover(Transaction& tx, const engine::Figures& figures,
                                                       const HandoverRequest& request, const Record& from,
                                                       const Record& to, std::string_view by, Date today);

boost::json::object EncodeHandover(const HandoverReport& report);

}  // namespace brm
