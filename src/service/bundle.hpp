// Bundles (SPEC.md §10): a whole tenant, or part of one, as one JSON document.
#pragma once

#include <array>
#include <map>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/record.hpp"
#include "domain/result.hpp"
#include "store/store.hpp"

namespace brm {

// One record as read from a bundle, with the plain password a user may carry (shared and null for every other
// record: 16 bytes instead of an optional string's 40, for the millions of a large import).
struct BundleItem {
  Record record;
  std::shared_ptr<const std::string> password;
};

// A bundle held in memory, as built by `brm demo`. Items of each kind in recording order.
struct MemoryBundle {
  std::array<std::vector<BundleItem>, kKindCount> items;
  // The contents of the documents' files, by sha256 (lower-case hex); `brm demo` stores them with the data.
  std::map<std::string, std::string> files;
  std::vector<BundleItem>& of(Kind kind) { return items[static_cast<size_t>(kind)]; }
  const std::vector<BundleItem>& of(Kind kind) const { return items[static_cast<size_t>(kind)]; }
};

// Where an import reads from: a parsed JSON document (DecodeBundle) or a MemoryBundle.
// Read() may decode lazily, so it can fail with an error naming the field.
class BundleSource {
 public:
  virtual ~BundleSource() = default;
  virtual size_t Count(Kind kind) const = 0;
  virtual Result<BundleItem> Read(Kind kind, size_t index) const = 0;
};

// Progress of long work: called with (what, done, total) now and then; never from two threads at once.
using Progress = std::function<void(std::string_view what, size_t done, size_t total)>;

struct ImportReport {
  std::array<size_t, kKindCount> created{};
  std::array<size_t, kKindCount> updated{};
  std::array<size_t, kKindCount> unchanged{};
  size_t total_created() const;
  size_t total_updated() const;
};

}  // namespace brm

namespace brm {

// Reads and parses a bundle file. Errors name the problem: not JSON (with the byte offset), not a
// brm-bundle, an unknown version, an unknown or mistyped array (field "people" …).
Result<std::unique_ptr<BundleSource>> ReadBundleFile(const std::string& path);
// The same from text already in memory (an HTTP upload).
Result<std::unique_ptr<BundleSource>> ParseBundle(std::string text);
// A source over a bundle built in memory (the demo generator's).
std::unique_ptr<BundleSource> MemorySource(const MemoryBundle& bundle);
// A source that takes the bundle over and hands each item out once, freeing the items as they go: for one
// ImportBundle, which reads every item once and in order (`brm demo` of the large company).
std::unique_ptr<BundleSource> DrainingSource(MemoryBundle&& bundle);

// Imports a bundle all-or-nothing in one transaction: new ids are created, identical records are left
// alone, changed records are updated with audit lines; facts may only gain `until`. On any error nothing
// changes and the error names the array, the index and the field ("ratings[12].person").
Result<ImportReport> ImportBundle(Store& store, const std::string& actor, const BundleSource& source,
                                  const Progress& progress = {});

// Writes the whole tenant as a bundle: every array, records in recording order, one per line.
// Passwords and their hashes are never written.
void ExportBundle(Store& store, std::ostream& out);
// Writes a bundle built in memory in the same layout, with users' plain passwords (for `brm demo --bundle`).
void WriteBundle(const MemoryBundle& bundle, std::ostream& out);

}  // namespace brm
