// The built web app: files under ApiConfig::web_dir, with index.html for every other path (the app routes
// in the browser).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/api.hpp"
#include "http/errors.hpp"

namespace brm::http {
namespace {

std::string ContentType(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool ReadFile(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return true;
}

}  // namespace

Response Api::Static(const Request& request) const {
  namespace fs = std::filesystem;
  if (config_.web_dir.empty()) {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "This server has no web app configured (--web)."));
  }
  fs::path path = config_.web_dir;
  bool safe = true;
  for (const std::string& segment : request.segments) {
    // Segments are percent-decoded: an encoded '/' or '\\' would otherwise climb out of web_dir.
    if (segment.empty() || segment[0] == '.' || segment.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos) {
      safe = false;
      break;
    }
    path /= segment;
  }
  Response response;
  std::error_code ec;
  if (safe) {
    // Belt and braces: whatever the segments were, the file must lie inside web_dir.
    const std::string root = fs::weakly_canonical(config_.web_dir, ec).string() + "/";
    safe = !ec && fs::weakly_canonical(path, ec).string().rfind(root, 0) == 0 && !ec;
  }
  if (!safe || request.segments.empty() || !fs::is_regular_file(path, ec)) {
    path = fs::path(config_.web_dir) / "index.html";
    response.headers.emplace_back("Cache-Control", "no-cache");
  } else if (request.segments.front() == "assets") {
    response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  }
  if (!ReadFile(path, response.body)) {
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "The web app is not built; run `make build`."));
  }
  response.content_type = ContentType(path);
  return response;
}

}  // namespace brm::http
