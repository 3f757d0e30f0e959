// DocumentService: the files of project documents (SPEC.md §8.1 element 10, issue 10) — upload, download
// and erase, over the document records of EntityService and the files of FileStore.
//
// An upload is checked as the record it will create before its file arrives (the HTTP layer streams the
// body into BeginFile()'s writer, never holding it whole), then recorded with the server's SHA-256, size
// and the request's content type. A file is kept while any document record points to it, retired ones
// included; only erasing (admins) lets it go.
//
// Errors: as EntityService (kNotFound for what the actor may not see, kForbidden, kInvalid /
// kUnprocessable naming the field); kNotFound naming "file" for a document whose file is not stored here.
// Threads: safe to share.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "engine/engine.hpp"
#include "service/actor.hpp"
#include "service/entities.hpp"
#include "service/file_store.hpp"
#include "store/store.hpp"

namespace brm {

struct DocumentConfig {
  std::string files_dir;                // where files are kept: DocumentFilesDir(<data directory>)
  uint64_t max_upload = 50ull << 20;    // bytes; a larger upload is refused with 413
};

// What an upload says about its document, from the request (the query and Content-Type).
struct DocumentUpload {
  std::string opportunity, name, kind, content_type, date;  // date "" = today
};

// A stored file to send back.
struct DocumentFile {
  std::filesystem::path path;
  std::string name, content_type;
  uint64_t size = 0;
};

// A document record whose file is not stored (imported from a bundle without its files).
struct MissingFile {
  std::string document, sha256;
};
// Every document, retired ones included, that names a sha256 `files` does not hold; in id order.
std::vector<MissingFile> MissingFiles(Store& store, const FileStore& files);

class DocumentService {
 public:
  DocumentService(Store& store, engine::Engine& engine, EntityService& entities, DocumentConfig config)
      : store_(store), engine_(engine), entities_(entities), config_(std::move(config)), files_(config_.files_dir) {}

  const DocumentConfig& config() const { return config_; }
  const FileStore& files() const { return files_; }

  // Whether the actor may add this document: everything creating its record checks, short of the file.
  Status Check(const Actor& actor, const DocumentUpload& upload);
  // Where the file goes while it arrives.
  std::unique_ptr<FileStore::Writer> BeginFile() const { return files_.Begin(); }
  // Records the document of a stored file. When the record is refused after all (its opportunity changed
  // meanwhile), the file is removed again unless another document points to it.
  Result<Record> Finish(const Actor& actor, const DocumentUpload& upload, const StoredFile& file);
  // The file of a document the actor may read.
  Result<DocumentFile> File(const Actor& actor, std::string_view id);
  // Admins: retires the document today (when still active), forgets its file (sha256 and size null; an
  // "erase" line in its audit trail) and removes the file when no other document points to it.
  Result<Record> Erase(const Actor& actor, std::string_view id);
  // The documents whose files are not here (after a bundle import, which carries no files).
  std::vector<MissingFile> Missing() { return MissingFiles(store_, files_); }

 private:
  boost::json::object Body(const DocumentUpload& upload, const StoredFile& file) const;
  // Whether a document other than `except` holds this sha256.
  bool Referenced(std::string_view sha256, std::string_view except);

  Store& store_;
  engine::Engine& engine_;
  EntityService& entities_;
  DocumentConfig config_;
  FileStore files_;
};

// The Content-Disposition of a download named `name` (RFC 6266): an ASCII fallback and the UTF-8 name
// percent-encoded, so that Chinese names arrive intact.
std::string AttachmentDisposition(std::string_view name);

}  // namespace brm
