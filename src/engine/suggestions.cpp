#include "engine/suggestions.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "domain/vocab.hpp"
#include "engine/features.hpp"
#include "engine/introduction_paths.hpp"
#include "engine/line_cache.hpp"
#include "engine/message_text.hpp"

namespace brm::engine {

namespace {

constexpr int kRecentDays = 90;

bool Supporting(int8_t value) { return value != kUnknown && value >= 1; }
bool Opposing(int8_t value) { return value != kUnknown && value <= -1; }

std::string Names(const Graph& graph, Kind kind, const std::vector<Idx>& items) {
  std::vector<std::string> ids;
  for (Idx item : items) ids.push_back(graph.Id(kind, item));
  return JoinWords(ids);
}

}  // namespace

int8_t Suggestions::Effective(Idx person, Idx opportunity, Date day) const {
  const int8_t project = figures_.Rating(person, Dimension::kCloseness, kOurs, opportunity, day);
  return project != kUnknown ? project : figures_.Rating(person, Dimension::kCloseness, kOurs, kNone, day);
}

int8_t Suggestions::EffectiveVeto(Idx member, Date day) const {
  const ChainMember& m = graph_.members[member];
  return m.veto != kUnknown ? m.veto : figures_.Vote(m.person, VoteKind::kVeto, day);
}

std::optional<Effect> Suggestions::Step(const Stats& set, int8_t value, bool chain) {
  if (value == kUnknown || set.known() == 0) return std::nullopt;
  Effect effect;
  effect.chain = chain;
  effect.known = set.known();
  const double sum = static_cast<double>(set.sum());
  effect.before = sum / effect.known;
  effect.after = (sum + (std::min<int>(value + 1, 2) - value)) / effect.known;
  return effect;
}

std::shared_ptr<const std::vector<Suggestion>> Suggestions::CachedFor(const Scope& scope, Date day) const {
  LineCache* cache = figures_.cache();
  if (!cache) return std::make_shared<const std::vector<Suggestion>>(For(scope, day));
  LineCache::WholeKey key{"suggestions", scope, kOurs, day, figures_.thresholds(), {}};
  return cache->Whole<std::vector<Suggestion>>(key, graph_.touches, [&] { return For(scope, day); });
}

std::vector<Suggestion> Suggestions::For(const Scope& scope, Date day) const {
  std::vector<Idx> customers;
  for (Idx org = 0; org < graph_.orgs.size(); ++org) {
    const Organization& o = graph_.orgs[org];
    if (o.kind == OrgKind::kCustomer && o.life.On(day) && scope.Has(org)) customers.push_back(org);
  }
  std::vector<Suggestion> out;
  const IntroductionPaths paths(figures_);
  const IntroductionPaths::Managers managers = paths.ManagersOn(day, [&](Idx org) { return scope.Has(org); });
  for (Idx customer : customers) {
    const Organization& org = graph_.orgs[customer];
    const std::vector<Idx> key_persons = figures_.KeyPersons(customer, day);
    const Stats customer_closeness = figures_.CustomerDegrees(customer, kOurs, day)[0];
    const Idx owner_person = org.owner != kNone && org.owner < graph_.users.size() ? graph_.users[org.owner].person : kNone;

    // introduce, and profile (focus customers)
    for (Idx person : key_persons) {
      const PersonState state = figures_.State(person, kOurs, day);
      const int8_t closeness = state.degrees[0];
      if (Opposing(closeness) || !state.insighted) {
        // An introduction is by someone else: the customer's owner reaching the person through their own
        // acquaintance is not one.
        std::vector<IntroductionPath> found = paths.To(person, day, managers);
        const auto by_other = std::find_if(found.begin(), found.end(),
                                           [&](const IntroductionPath& p) { return p.employee != owner_person; });
        if (by_other != found.end()) {
          const IntroductionPath& best = *by_other;
          Suggestion s{.kind = SuggestionKind::kIntroduce, .customer = customer, .person = person, .value = closeness};
          s.employees = {best.employee};
          s.via = best.via;
          s.strength = best.strength;
          s.effect = Step(customer_closeness, closeness, false);
          s.message = "Ask " + graph_.Id(Kind::kPerson, best.employee) + " to introduce you to " +
                      graph_.Id(Kind::kPerson, person) + (best.via.empty() ? "" : " via " + Names(graph_, Kind::kPerson, best.via)) +
                      (Opposing(closeness) ? " (who opposes us on closeness)." : " (not yet insighted).");
          out.push_back(std::move(s));
        }
      }
      if (org.focus && !state.fully_profiled) {
        Suggestion s{.kind = SuggestionKind::kProfile, .customer = customer, .person = person, .value = closeness};
        s.features = FeatureNames(UnknownFeatures(figures_, person, day));
        s.message = "Profile key person " + graph_.Id(Kind::kPerson, person) + " of focus customer " +
                    graph_.Id(Kind::kOrganization, customer) + ": unknown " + JoinWords(s.features) + ".";
        out.push_back(std::move(s));
      }
    }

    // The open chains.
    for (Idx opp : org.opportunities) {
      const Opportunity& o = graph_.opportunities[opp];
      if (!o.OpenOn(day)) continue;
      const Stats chain_closeness = figures_.ChainDegrees(opp, kOurs, day)[0];
      std::vector<Idx> asked, contacted;
      for (Idx member : o.members) {
        if (!figures_.MemberCounts(member, day)) continue;
        const Idx person = graph_.members[member].person;
        const int8_t closeness = Effective(person, opp, day);
        if (EffectiveVeto(member, day) == 1 && !Supporting(closeness) &&
            std::find(asked.begin(), asked.end(), person) == asked.end()) {
          std::vector<Idx> employees = figures_.InfluencingEmployees(person, day);
          if (!employees.empty()) {
            asked.push_back(person);
            Suggestion s{.kind = SuggestionKind::kAskVeto, .customer = customer, .opportunity = opp, .person = person,
                         .value = closeness};
            s.effect = Step(chain_closeness, closeness, true);
            s.message = "Ask " + Names(graph_, Kind::kPerson, employees) + " to influence " +
                        graph_.Id(Kind::kPerson, person) + ", who holds a veto in opportunity " +
                        graph_.Id(Kind::kOpportunity, opp) + " and is not supporting us on closeness.";
            s.employees = std::move(employees);
            out.push_back(std::move(s));
          }
        }
        if (o.focus && figures_.ActiveKeyPerson(person, day) && figures_.Activities(person, kNone, day) == 0 &&
            std::find(contacted.begin(), contacted.end(), person) == contacted.end()) {
          contacted.push_back(person);
          Suggestion s{.kind = SuggestionKind::kContact, .customer = customer, .opportunity = opp, .person = person,
                       .value = closeness};
          // The latest activity dated on or before the day that is still on record on it.
          for (const ActivityPoint& a : graph_.people[person].activities) {
            if (a.date <= day && day < a.until && (!s.days || day.days - a.date.days < *s.days)) s.days = day.days - a.date.days;
          }
          s.effect = Step(chain_closeness, closeness, true);
          s.message = "Contact key person " + graph_.Id(Kind::kPerson, person) + " of focus opportunity " +
                      graph_.Id(Kind::kOpportunity, opp) + ": no activity in the last " + std::to_string(kRecentDays) +
                      " days" + (s.days ? " (the last " + std::to_string(*s.days) + " days ago)." : " (none on record).");
          out.push_back(std::move(s));
        }
      }
      if (o.focus) {
        const ChainFigures chain = figures_.Chain(opp, kOurs, day);
        if (!chain.missing_roles.empty()) {
          Suggestion s{.kind = SuggestionKind::kFillRole, .customer = customer, .opportunity = opp};
          s.roles = chain.missing_roles;
          std::vector<std::string_view> roles;
          for (uint8_t role : s.roles) roles.push_back(vocab::kDecisionRoles[role]);
          s.message = "Find the " + JoinWords(roles) + " of focus opportunity " + graph_.Id(Kind::kOpportunity, opp) +
                      ": the chain has none.";
          out.push_back(std::move(s));
        }
      }
    }
  }

  auto id = [&](Kind kind, Idx index) -> std::string_view {
    return index == kNone ? std::string_view() : std::string_view(graph_.Id(kind, index));
  };
  std::stable_sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
    // Effects compared exactly: delta = step / known, so a.step × b.known against b.step × a.known.
    const bool ea = a.effect.has_value(), eb = b.effect.has_value();
    if (ea != eb) return ea;
    if (ea) {
      const double x = (a.effect->after - a.effect->before) * a.effect->known;  // the step, a whole number
      const double y = (b.effect->after - b.effect->before) * b.effect->known;
      const double left = std::round(x) * b.effect->known, right = std::round(y) * a.effect->known;
      if (left != right) return left > right;
    }
    return std::tuple(static_cast<int>(a.kind), id(Kind::kOrganization, a.customer), id(Kind::kOpportunity, a.opportunity),
                      id(Kind::kPerson, a.person)) <
           std::tuple(static_cast<int>(b.kind), id(Kind::kOrganization, b.customer), id(Kind::kOpportunity, b.opportunity),
                      id(Kind::kPerson, b.person));
  });
  return out;
}

}  // namespace brm::engine
