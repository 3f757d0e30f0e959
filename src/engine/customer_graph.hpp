// The map of one customer on a day (`GET /customers/{id}/graph`): what the customer page's org chart and
// influence graph draw — the active departments and persons with their customer-level attitudes and
// votes, the reporting lines between those persons, and the influence links that reach them, with the
// persons of other organizations at their far ends.
//
// Threads: pure reads of the graph, like Figures.
#pragma once

#include <array>
#include <functional>
#include <vector>

#include "engine/figures.hpp"

namespace brm::engine {

struct CustomerGraph {
  Idx customer = kNone;
  Date as_of;
  Idx toward = kOurs;
  struct Member {
    Idx person = kNone;
    std::array<int8_t, kDimensions> degrees{kUnknown, kUnknown, kUnknown};  // customer level, toward `toward`
    int8_t veto = kUnknown, approve = kUnknown;
  };
  std::vector<Idx> departments;  // active on the day, by id
  std::vector<Member> people;    // the customer's persons active on the day, by person id
  std::vector<Idx> reporting;    // lines active on the day between two of `people`, by id
  std::vector<Idx> links;        // links counting on the day with an end in `people`, the other visible; by id
  std::vector<Idx> outsiders;    // the far ends of `links` outside `people`, by person id
};

// The graph of `customer` (an organization of kind customer) on `day` toward `toward` (kOurs or a
// competitor). `visible(org)` tells whether the caller may see the persons of another organization; a
// link whose far end is hidden is left out.
CustomerGraph MapCustomer(const Figures& figures, Idx customer, Idx toward, Date day,
                          const std::function<bool(Idx org)>& visible);

}  // namespace brm::engine
