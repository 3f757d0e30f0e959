// /api/v1/bundle: GET exports the tenant, POST imports a bundle (admins only).
#include <sstream>

#include "http/api.hpp"
#include "http/errors.hpp"
#include "service/bundle.hpp"
#include "service/documents.hpp"

namespace brm::http {

Response Api::BundleHandler(const Request& request, const Caller& caller) {
  if (request.method == "GET") {
    std::ostringstream out;
    if (auto status = entities_.ExportBundle(caller.actor, out); !status) return ErrorResponse(status.error());
    Response response;
    response.body = std::move(out).str();
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"brm-bundle.json\"");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  }
  if (request.method == "POST") {
    auto source = ParseBundle(request.body);
    if (!source) return ErrorResponse(source.error());
    auto report = entities_.ImportBundle(caller.actor, **source);
    if (!report) return ErrorResponse(report.error());
    boost::json::object counts;
    size_t unchanged = 0;
    for (size_t n : report->unchanged) unchanged += n;
    counts["created"] = report->total_created();
    counts["updated"] = report->total_updated();
    counts["unchanged"] = unchanged;
    // A bundle carries the documents' records, not their files: say which are missing here.
    boost::json::array missing;
    for (const MissingFile& file : documents_.Missing()) {
      missing.push_back({{"document", file.document}, {"sha256", file.sha256}});
    }
    counts["missing_files"] = std::move(missing);
    return JsonResponse(200, counts);
  }
  return ErrorResponse(MakeError(ErrorCode::kNotFound, "Use GET to export or POST to import."));
}

}  // namespace brm::http
