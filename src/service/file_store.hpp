// FileStore: the files of documents (SPEC.md §8.1 element 10), content-addressed under a directory of the
// data directory: <dir>/<first two hex digits>/<sha256 in hex>. The same content is stored once, whatever
// the number of document records that point to it; the records hold the sha256, size and content type.
//
// A file comes in through a Writer: chunks are hashed while they are written to a temporary file under
// <dir>/tmp, which Commit flushes to disk (fsync) and renames to its address. Nothing is visible before
// Commit; a Writer dropped without it removes its temporary file. Memory use is the chunk being written.
//
// Errors: a disk that refuses to write throws std::runtime_error naming the path (a server fault, caught at
// the request boundary and logged); a source file that cannot be read is a kInvalid result naming it.
// Threads: a FileStore may be shared; each Writer belongs to one thread. Renames are atomic, so two
// writers of the same content both succeed and leave one file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <sodium.h>

#include "domain/result.hpp"

namespace brm {

// Whether text is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

// Where a data directory keeps its documents' files.
inline std::filesystem::path DocumentFilesDir(const std::string& data_dir) {
  return std::filesystem::path(data_dir) / "files";
}

struct StoredFile {
  std::string sha256;
  uint64_t size = 0;
};

class FileStore {
 public:
  explicit FileStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  class Writer {
   public:
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    void Write(std::string_view bytes);
    // The bytes written so far.
    uint64_t size() const { return size_; }
    // Makes the file visible at its address and returns it. Call once.
    StoredFile Commit();

   private:
    friend class FileStore;
    Writer(const FileStore& store, std::filesystem::path temp, std::FILE* file);
    const FileStore& store_;
    std::filesystem::path temp_;
    std::FILE* file_;
    crypto_hash_sha256_state state_;
    uint64_t size_ = 0;
    bool done_ = false;
  };

  // Starts a file.
  std::unique_ptr<Writer> Begin() const;
  // Stores a whole file held in memory (small files: the demo's, tests').
  StoredFile Put(std::string_view bytes) const;
  // Copies a file from disk in (brm import --files); the content is hashed, not trusted by name.
  Result<StoredFile> PutFile(const std::filesystem::path& source) const;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path PathOf(std::string_view sha256) const;
  bool Has(std::string_view sha256) const;
  // Removes the file; false when it was not there.
  bool Remove(std::string_view sha256) const;
  // Every stored file's sha256, sorted.
  std::vector<std::string> List() const;

 private:
  std::filesystem::path dir_;
};

}  // namespace brm
