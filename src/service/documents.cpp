#include "service/documents.hpp"

#include <algorithm>
#include <cstdio>

#include "domain/schema.hpp"
#include "service/access_policy.hpp"

namespace brm {
namespace f = fields;
namespace bj = boost::json;

namespace {

constexpr char kNoFile[] = "0000000000000000000000000000000000000000000000000000000000000000";

}  // namespace

bj::object DocumentService::Body(const DocumentUpload& upload, const StoredFile& file) const {
  bj::object body{{"opportunity", upload.opportunity},
                  {"name", upload.name},
                  {"kind", upload.kind.empty() ? std::string("other") : upload.kind},
                  {"content_type", upload.content_type.empty() ? std::string("application/octet-stream")
                                                               : upload.content_type},
                  {"size", static_cast<double>(file.size)},
                  {"sha256", file.sha256}};
  if (!upload.date.empty()) body["date"] = upload.date;
  return body;
}

Status DocumentService::Check(const Actor& actor, const DocumentUpload& upload) {
  auto checked = entities_.Create(actor, Kind::kDocument, Body(upload, StoredFile{kNoFile, 0}),
                                  EntityService::WriteMode::kCheck);
  if (!checked) return checked.error();
  return {};
}

Result<Record> DocumentService::Finish(const Actor& actor, const DocumentUpload& upload, const StoredFile& file) {
  auto record = entities_.Create(actor, Kind::kDocument, Body(upload, file));
  if (!record && !Referenced(file.sha256, "")) files_.Remove(file.sha256);
  return record;
}

bool DocumentService::Referenced(std::string_view sha256, std::string_view except) {
  auto tx = store_.Begin();
  for (const Record& other : tx->FindBy(Kind::kDocument, f::document::kSha256, sha256)) {
    if (other.id != except) return true;
  }
  return false;
}

Result<DocumentFile> DocumentService::File(const Actor& actor, std::string_view id) {
  auto record = entities_.Get(actor, Kind::kDocument, id);
  if (!record) return record.error();
  const std::string sha256 = record->Text(f::document::kSha256);
  if (!files_.Has(sha256)) {
    return MakeError(ErrorCode::kNotFound,
                     "The file of document \"" + std::string(id) + "\" is not stored on this server" +
                         (sha256.empty() ? " (it was erased, or recorded without one)." : "; import it with brm import --files."),
                     "file");
  }
  DocumentFile file;
  file.path = files_.PathOf(sha256);
  file.name = record->Text(f::document::kName);
  file.content_type = record->Text(f::document::kContentType);
  if (file.content_type.empty()) file.content_type = "application/octet-stream";
  std::error_code error;
  file.size = std::filesystem::file_size(file.path, error);
  return file;
}

Result<Record> DocumentService::Erase(const Actor& actor, std::string_view id) {
  const Status allowed = engine_.With([&](const engine::Figures& figures) {
    return Access(actor, figures.graph()).MayErase();
  });
  if (!allowed) return allowed.error();
  auto record = entities_.Get(actor, Kind::kDocument, id);
  if (!record) return record.error();
  const std::string sha256 = record->Text(f::document::kSha256);
  bj::object patch{{"sha256", nullptr}, {"size", nullptr}};
  if (record->IsNull(f::document::kUntil)) patch["until"] = FormatDate(Today());
  auto erased = entities_.Update(actor, Kind::kDocument, id, patch);
  if (!erased) return erased.error();
  if (!sha256.empty() && !Referenced(sha256, id)) files_.Remove(sha256);
  return erased;
}

std::string AttachmentDisposition(std::string_view name) {
  std::string fallback, encoded;
  for (unsigned char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '-' || c == '_';
    fallback += c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? static_cast<char>(c) : '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  if (fallback.empty()) fallback = "document";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

std::vector<MissingFile> MissingFiles(Store& store, const FileStore& files) {
  std::vector<MissingFile> missing;
  store.ForEach(Kind::kDocument, [&](Record&& document) {
    const std::string sha256 = document.Text(fields::document::kSha256);
    if (!sha256.empty() && !files.Has(sha256)) missing.push_back({document.id, sha256});
  });
  std::sort(missing.begin(), missing.end(), [](const MissingFile& a, const MissingFile& b) { return a.document < b.document; });
  return missing;
}

}  // namespace brm
