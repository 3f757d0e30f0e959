// The review that closes a project (複盤, issue 10 item 4): the result, the closing date, the winner and the
// amounts, each vendor's result and rank, our final quote, the scoring items and the lessons, written in one
// transaction through EntityService::WriteAll — all of it or nothing.
//
// Request (a JSON object; unknown keys are refused by name):
//   status       "won" | "lost" | "abandoned" (required)
//   closed       "YYYY-MM-DD" (required)
//   winner       org id (ours or a competitor) or null; a won project's winner defaults to ours
//   winning_bid, our_bid   numbers ≥ 0 or null; our_bid defaults to the final quote's price
//   vendors      [{org, result, rank, note}] — a vendor record per org, changed when the opportunity has an
//                active one for that org, created otherwise; vendors not listed stay as they are
//   quote        {price, date, round, note} — our final quote: round defaults to the highest round of the
//                opportunity's active quotes (1 when there is none), date to `closed`; our active quote of
//                that round is changed, or one is created
//   criteria     [{id, item, weight, our_score, best_score, note}] — the whole set: an item with the id of
//                an active criterion of the opportunity changes it, one without creates it, and the active
//                criteria not listed are retired on `closed`; the weights must add up to 100
//   lessons      [{kind, tags, text}] — added, by the caller, dated `closed`
// Errors name the field as the request spells it: "status", "vendors[1].org", "criteria[0].weight".
#pragma once

#include <string_view>

#include <boost/json.hpp>

#include "domain/result.hpp"
#include "service/actor.hpp"
#include "service/entities.hpp"

namespace brm {

// Closes the opportunity `id` as `actor` (who must be allowed to change it); the opportunity as written.
Result<Record> ReviewProject(EntityService& entities, const Actor& actor, std::string_view id,
                             const boost::json::object& request);

}  // namespace brm
