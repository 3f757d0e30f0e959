// Bundle import: validate everything, write everything, in one transaction (SPEC.md §10).
#include <boost/json.hpp>
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/bundle.hpp"
#include "service/rules.hpp"
#include "service/secrets.hpp"
#include "service/tx_lookup.hpp"

namespace brm {

size_t ImportReport::total_created() const {
  size_t n = 0;
  for (size_t c : created) n += c;
  return n;
}

size_t ImportReport::total_updated() const {
  size_t n = 0;
  for (size_t c : updated) n += c;
  return n;
}

namespace {

constexpr size_t kProgressEvery = 10000;
constexpr size_t kBulkThreshold = 10000;  // facts of one kind above which indexes are rebuilt, not grown

// Prefixes an error with where in the bundle it arose ("people[3].org: …").
Error At(const Error& error, Kind kind, size_t index) {
  const std::string where = std::string(Spec(kind).bundle) + "[" + std::to_string(index) + "]" +
                            (error.field.empty() ? "" : "." + error.field);
  return MakeError(error.code, where + ": " + error.message, where);
}

class Importer {
 public:
  Importer(Store& store, std::string actor, const BundleSource& source, const Progress& progress)
      : store_(store), actor_(std::move(actor)), source_(source), progress_(progress) {}
  ~Importer() {
    next_hash_ = SIZE_MAX / 2;  // an import that failed early stops the hashers at their next password
    for (std::thread& thread : hashers_) thread.join();
  }

  Result<ImportReport> Run() {
    // Records that others reference are read and checked field by field before the transaction starts.
    for (const EntitySpec* spec : AllSpecs()) {
      if (!spec->fact) {
        if (auto status = ReadReferenced(spec->kind); !status) return status.error();
      }
    }
    StartHashing();
    auto tx = store_.Begin();
    TxLookup lookup(*tx);
    for (const EntitySpec* spec : AllSpecs()) {
      const auto& staged = staged_[static_cast<size_t>(spec->kind)];
      lookup.Reserve(spec->kind, staged.size());
      for (const BundleItem& item : staged) lookup.Stage(item.record);
    }
    for (const EntitySpec* spec : AllSpecs()) {
      if (spec->fact) continue;
      if (auto status = WriteReferenced(*tx, lookup, spec->kind); !status) return status.error();
    }
    for (const EntitySpec* spec : AllSpecs()) {
      if (!spec->fact) continue;
      if (auto status = WriteFacts(*tx, lookup, spec->kind); !status) return status.error();
    }
    if (auto status = CheckCriteria(*tx); !status) return status.error();
    if (auto status = WritePasswords(*tx); !status) return status.error();
    if (report_.total_created() + report_.total_updated() > 0) {
      boost::json::object counts;
      for (const EntitySpec* spec : AllSpecs()) {
        const size_t k = static_cast<size_t>(spec->kind);
        if (report_.created[k] + report_.updated[k] == 0) continue;
        counts[spec->bundle] = {{"created", report_.created[k]}, {"updated", report_.updated[k]}};
      }
      tx->AddAudit(AuditEntry{NowTimestamp(), actor_, "bundles", "import", "import", std::nullopt,
                              json::Serialize(counts)});
    }
    tx->Commit();
    return report_;
  }

 private:
  Status ReadReferenced(Kind kind) {
    auto& items = staged_[static_cast<size_t>(kind)];
    std::unordered_set<std::string> ids;
    const size_t count = source_.Count(kind);
    items.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      auto item = source_.Read(kind, i);
      if (!item) return item.error();
      if (auto status = ValidateFields(item->record); !status) return At(status.error(), kind, i);
      if (!ids.insert(item->record.id).second) {
        return At(MakeError(ErrorCode::kConflict, "The id \"" + item->record.id + "\" appears twice.", "id"), kind, i);
      }
      if (item->password) {
        if (item->password->size() < 8 || item->password->size() > 1024) {
          return At(MakeError(ErrorCode::kInvalid, "A password has 8 to 1024 characters.", "password"), kind, i);
        }
      }
      items.push_back(std::move(*item));
      Tick("reading " + std::string(Spec(kind).bundle), i + 1, count);
    }
    return {};
  }

  Status WriteReferenced(Transaction& tx, TxLookup& lookup, Kind kind) {
    auto& items = staged_[static_cast<size_t>(kind)];
    const bool store_empty = store_.Count(kind) == 0;
    for (size_t i = 0; i < items.size(); ++i) {
      Record& record = items[i].record;
      if (auto status = ValidateReferences(record, lookup); !status) return At(status.error(), kind, i);
      if (auto status = CheckSetRules(tx, record); !status) return At(status.error(), kind, i);
      std::optional<Record> existing = store_empty ? std::nullopt : tx.Find(kind, record.id);
      if (!existing) {
        tx.Insert(record);
        ++report_.created[static_cast<size_t>(kind)];
      } else if (*existing == record) {
        ++report_.unchanged[static_cast<size_t>(kind)];
      } else {
        tx.Update(record);
        for (const AuditEntry& entry : DiffAudit(actor_, *existing, record)) tx.AddAudit(entry);
        ++report_.updated[static_cast<size_t>(kind)];
      }
      Tick(Spec(kind).bundle, i + 1, items.size());
    }
    return {};
  }

  Status WriteFacts(Transaction& tx, TxLookup& lookup, Kind kind) {
    const size_t count = source_.Count(kind);
    const bool store_empty = store_.Count(kind) == 0;
    const int until = Spec(kind).until;
    // Facts are the bulk of a bundle; into an empty table their indexes are built once at the end.
    if (store_empty && count > kBulkThreshold) tx.SuspendIndexes(kind);
    for (size_t i = 0; i < count; ++i) {
      auto item = source_.Read(kind, i);
      if (!item) return item.error();
      Record& record = item->record;
      if (auto status = ValidateFields(record); !status) return At(status.error(), kind, i);
      if (auto status = ValidateReferences(record, lookup); !status) return At(status.error(), kind, i);
      std::optional<Record> existing = store_empty ? std::nullopt : tx.Find(kind, record.id);
      if (!existing) {
        // The only record with this id that Insert can meet is one of this bundle's.
        if (!tx.Insert(record)) {
          return At(MakeError(ErrorCode::kConflict, "The id \"" + record.id + "\" appears twice.", "id"), kind, i);
        }
        ++report_.created[static_cast<size_t>(kind)];
      } else if (*existing == record) {
        ++report_.unchanged[static_cast<size_t>(kind)];
      } else {
        Record retired = *existing;
        retired.values[until] = record.values[until];
        if (!(retired == record) || !existing->IsNull(until)) {
          return At(MakeError(ErrorCode::kConflict,
                              WithArticle(Spec(kind).noun) + " with this id is already recorded with other "
                              "values; record a new one to correct it.",
                              "id"),
                    kind, i);
        }
        tx.Update(record);
        for (const AuditEntry& entry : DiffAudit(actor_, *existing, record)) tx.AddAudit(entry);
        ++report_.updated[static_cast<size_t>(kind)];
      }
      Tick(Spec(kind).bundle, i + 1, count);
    }
    tx.RestoreIndexes();
    return {};
  }

  // The weights of each closed opportunity's criteria add up to 100 (SPEC.md §8.1), once every record is in.
  Status CheckCriteria(Transaction& tx) {
    std::set<std::string> opportunities;
    for (const BundleItem& item : staged_[static_cast<size_t>(Kind::kOpportunity)]) opportunities.insert(item.record.id);
    for (const BundleItem& item : staged_[static_cast<size_t>(Kind::kCriterion)]) {
      opportunities.insert(item.record.Text(fields::criterion::kOpportunity));
    }
    for (const std::string& opportunity : opportunities) {
      if (auto status = CheckCriteriaTotal(tx, opportunity); !status) {
        Error error = status.error();
        error.field = "criteria";
        error.message = "criteria: " + error.message;
        return error;
      }
    }
    return {};
  }

  // argon2id is slow on purpose: the bundle's passwords are checked and hashed on the other cores while
  // this thread validates and writes records; WritePasswords then hashes what is left beside them (454
  // users take about 40 s of one core). A password that already matches the stored hash is left alone.
  void StartHashing() {
    const auto& users = staged_[static_cast<size_t>(Kind::kUser)];
    new_hashes_.assign(users.size(), {});
    stored_hashes_.assign(users.size(), std::nullopt);
    for (size_t i = 0; i < users.size(); ++i) {
      if (users[i].password) stored_hashes_[i] = store_.PasswordHash(users[i].record.id);
    }
    const unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    for (unsigned t = 1; t < cores; ++t) hashers_.emplace_back([this] { HashPasswords(); });
  }

  void HashPasswords() {
    const auto& users = staged_[static_cast<size_t>(Kind::kUser)];
    for (size_t i = next_hash_++; i < users.size(); i = next_hash_++) {
      if (users[i].password && !(stored_hashes_[i] && VerifyPassword(*stored_hashes_[i], *users[i].password))) {
        new_hashes_[i] = HashPassword(*users[i].password);
      }
    }
  }

  Status WritePasswords(Transaction& tx) {
    HashPasswords();
    for (std::thread& thread : hashers_) thread.join();
    hashers_.clear();
    const auto& users = staged_[static_cast<size_t>(Kind::kUser)];
    for (size_t i = 0; i < users.size(); ++i) {
      if (new_hashes_[i].empty()) continue;
      if (tx.PasswordHash(users[i].record.id) != stored_hashes_[i]) {
        return At(MakeError(ErrorCode::kConflict, "The password changed during the import; try again.", "password"),
                  Kind::kUser, i);
      }
      if (stored_hashes_[i]) {
        tx.AddAudit(AuditEntry{NowTimestamp(), actor_, "users", users[i].record.id, "password", std::nullopt,
                               std::nullopt});
      }
      tx.SetPasswordHash(users[i].record.id, new_hashes_[i]);
    }
    if (progress_ && !users.empty()) progress_("passwords", users.size(), users.size());
    return {};
  }

  void Tick(std::string_view what, size_t done, size_t total) {
    if (progress_ && (done % kProgressEvery == 0 || done == total)) progress_(what, done, total);
  }

  Store& store_;
  std::string actor_;
  const BundleSource& source_;
  const Progress& progress_;
  std::array<std::vector<BundleItem>, kKindCount> staged_;
  std::vector<std::thread> hashers_;
  std::atomic<size_t> next_hash_{0};
  std::vector<std::string> new_hashes_;                   // per user item; empty when nothing to set
  std::vector<std::optional<std::string>> stored_hashes_;  // per user item, as read before the transaction
  ImportReport report_;
};

}  // namespace

Result<ImportReport> ImportBundle(Store& store, const std::string& actor, const BundleSource& source,
                                  const Progress& progress) {
  return Importer(store, actor, source, progress).Run();
}

}  // namespace brm
