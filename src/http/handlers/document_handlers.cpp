// Project documents' files (issue 10): the streamed upload `POST /api/v1/documents/upload?opportunity=&name=
// &kind=[&date=]` (the body is the file, its Content-Type the file's), the download `GET
// /api/v1/documents/{id}/file`, and erasing, `POST /api/v1/documents/{id}/erase` (admins).
#include <fstream>

#include "http/api.hpp"
#include "http/errors.hpp"
#include "json/record_json.hpp"
#include "service/documents.hpp"

namespace brm::http {
namespace {

// Receives an upload's body into its file, then records the document.
class UploadSink : public BodySink {
 public:
  UploadSink(DocumentService& documents, SignIn& sign_in, Actor actor, DocumentUpload upload)
      : documents_(documents),
        sign_in_(sign_in),
        actor_(std::move(actor)),
        upload_(std::move(upload)) {}

  void Write(std::string_view chunk) override { File().Write(chunk); }

  Response Finish() override {
    const StoredFile stored = File().Commit();
    auto record = documents_.Finish(actor_, upload_, stored);
    if (!record) return ErrorResponse(record.error());
    sign_in_.Invalidate();
    return JsonResponse(201, json::EncodeRecord(*record));
  }

 private:
  DocumentService& documents_;
  SignIn& sign_in_;
  const Actor actor_;
  const DocumentUpload upload_;
  // Begun with the first bytes, so that an upload refused before its body leaves no file behind.
  FileStore::Writer& File() {
    if (!file_) file_ = documents_.BeginFile();
    return *file_;
  }
  std::unique_ptr<FileStore::Writer> file_;
};

StreamStart Answer(const Error& error) {
  StreamStart start;
  start.answer = ErrorResponse(error);
  return start;
}

}  // namespace

std::optional<StreamStart> Api::UploadStart(Request& request) {
  if (request.path != "/api/v1/documents/upload") return std::nullopt;
  if (request.method != "POST") return Answer(MakeError(ErrorCode::kNotFound, "Upload a document with POST."));
  auto caller = Authenticate(sign_in_, request);
  if (!caller) return Answer(caller.error());
  DocumentUpload upload;
  for (const auto& [name, value] : request.query) {
    if (name == "opportunity") upload.opportunity = value;
    else if (name == "name") upload.name = value;
    else if (name == "kind") upload.kind = value;
    else if (name == "date") upload.date = value;
    else {
      return Answer(MakeError(ErrorCode::kInvalid,
                              "Unknown parameter \"" + name + "\"; an upload takes opportunity, name, kind and date.", name));
    }
  }
  if (upload.opportunity.empty()) {
    return Answer(MakeError(ErrorCode::kInvalid, "Say which opportunity the document belongs to (?opportunity=).", "opportunity"));
  }
  if (upload.name.empty()) return Answer(MakeError(ErrorCode::kInvalid, "Give the document a name (?name=).", "name"));
  upload.content_type = request.Header("content-type");
  if (auto status = documents_.Check(caller->actor, upload); !status) return Answer(status.error());
  StreamStart start;
  start.limit = documents_.config().max_upload;
  start.too_large = "The file is larger than the upload limit of " + std::to_string(start.limit) + " bytes.";
  start.sink = std::make_unique<UploadSink>(documents_, sign_in_, caller->actor, std::move(upload));
  return start;
}

Response Api::DocumentFileHandler(const Caller& caller, const std::string& id) {
  auto file = documents_.File(caller.actor, id);
  if (!file) return ErrorResponse(file.error());
  std::ifstream in(file->path, std::ios::binary);
  Response response;
  response.body.resize(file->size);
  if (!in.read(response.body.data(), static_cast<std::streamsize>(response.body.size()))) {
    throw std::runtime_error("cannot read " + file->path.string());
  }
  response.content_type = file->content_type;
  response.headers.emplace_back("Content-Disposition", AttachmentDisposition(file->name));
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

}  // namespace brm::http
