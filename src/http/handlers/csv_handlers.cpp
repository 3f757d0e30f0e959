// /api/v1/csv: CSV import of organizations, people, opportunities and ratings (docs/csv.md). Admins only.
//   POST   /csv/{kind}?preset=&map.<field>=&commit=true   the file's bytes as the body: a preview or an import
//   GET    /csv/presets                                   the ready and saved column mappings
//   PUT    /csv/presets/{name}, DELETE /csv/presets/{name}
//   GET    /csv/template?kind=&lang=zh|en                 a template file
#include "http/api.hpp"
#include "http/errors.hpp"
#include "service/csv_import.hpp"

namespace brm::http {

Response Api::CsvHandler(const Request& request, const Caller& caller) {
  const auto& s = request.segments;
  if (s.size() == 4 && s[3] == "template" && request.method == "GET") {
    const auto kind = csv::KindOf(request.Query("kind"));
    if (!kind) return ErrorResponse(MakeError(ErrorCode::kInvalid, "\"kind\" is organizations, people, opportunities or ratings.", "kind"));
    if (auto status = csv_.MayImport(caller.actor); !status) return ErrorResponse(status.error());
    const std::string language = request.HasQuery("lang") ? request.Query("lang") : "zh";
    auto text = CsvImportService::Template(*kind, language);
    if (!text) return ErrorResponse(text.error());
    Response response;
    response.body = std::move(*text);
    response.content_type = "text/csv; charset=utf-8";
    response.headers.emplace_back("Content-Disposition", "attachment; filename=\"brm-" + request.Query("kind") + "-" + language + ".csv\"");
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  }
  if (s.size() == 4 && s[3] == "presets" && request.method == "GET") {
    auto presets = csv_.Presets(caller.actor);
    if (!presets) return ErrorResponse(presets.error());
    boost::json::array items;
    for (const csv::Preset& preset : *presets) items.push_back(EncodeCsvPreset(preset));
    return JsonResponse(200, {{"items", std::move(items)}});
  }
  if (s.size() == 5 && s[3] == "presets" && request.method == "PUT") {
    auto body = ParseObject(request.body);
    if (!body) return ErrorResponse(body.error());
    auto saved = csv_.SavePreset(caller.actor, s[4], *body);
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(200, EncodeCsvPreset(*saved));
  }
  if (s.size() == 5 && s[3] == "presets" && request.method == "DELETE") {
    if (auto status = csv_.DeletePreset(caller.actor, s[4]); !status) return ErrorResponse(status.error());
    return JsonResponse(200, {{"deleted", s[4]}});
  }
  const auto kind = s.size() == 4 ? csv::KindOf(s[3]) : std::nullopt;
  if (!kind || request.method != "POST") {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "No such endpoint: " + request.path + "; see docs/csv.md."));
  }
  CsvRequest csv_request;
  csv_request.kind = *kind;
  for (const auto& [key, value] : request.query) {
    if (key == "preset") {
      csv_request.preset = value;
    } else if (key == "commit") {
      if (value != "true" && value != "false") return ErrorResponse(MakeError(ErrorCode::kInvalid, "\"commit\" is true or false.", "commit"));
      csv_request.commit = value == "true";
    } else if (key.rfind("map.", 0) == 0) {
      csv_request.columns[key.substr(4)] = value;
    } else {
      return ErrorResponse(MakeError(ErrorCode::kInvalid, "Unknown parameter \"" + key + "\"; send preset, map.<field> and commit.", key));
    }
  }
  CsvReport failed;
  auto report = csv_.Import(caller.actor, csv_request, request.body, &failed);
  if (!report) {
    Response response = ErrorResponse(report.error());
    if (report.error().code != ErrorCode::kUnprocessable || failed.headers.empty()) return response;
    boost::json::object body = boost::json::parse(response.body).as_object();
    body["report"] = EncodeCsvReport(failed);
    return JsonResponse(response.status, body);
  }
  return JsonResponse(200, EncodeCsvReport(*report));
}

}  // namespace brm::http
