// Bundle sources: a parsed JSON document, or a bundle built in memory.
#include <fstream>
#include <map>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/bundle.hpp"
#include "service/secrets.hpp"

namespace brm {
namespace bj = boost::json;

namespace {

constexpr std::string_view kPasswordKey[] = {"password"};

std::string Where(std::string_view array, size_t index, std::string_view field) {
  std::string where = std::string(array) + "[" + std::to_string(index) + "]";
  if (!field.empty()) where += "." + std::string(field);
  return where;
}

class JsonSource final : public BundleSource {
 public:
  explicit JsonSource(bj::value document) : document_(std::move(document)) {}

  Status Index() {
    if (!document_.is_object()) return MakeError(ErrorCode::kInvalid, "A bundle is a JSON object.", "");
    const bj::object& root = document_.get_object();
    const auto* format = root.if_contains("format");
    if (!format || !format->is_string() || format->get_string() != "brm-bundle") {
      return MakeError(ErrorCode::kInvalid, "\"format\" must be \"brm-bundle\".", "format");
    }
    const auto* version = root.if_contains("version");
    if (!version || !version->is_int64() || version->get_int64() != 1) {
      return MakeError(ErrorCode::kInvalid, "\"version\" must be 1, the only bundle version this build reads.",
                       "version");
    }
    for (const auto& [key, value] : root) {
      if (key == "format" || key == "version") continue;
      const EntitySpec* spec = FindBundleArray(key);
      const bool extra = std::find(kExtraArrays.begin(), kExtraArrays.end(), key) != kExtraArrays.end();
      if (!spec && !extra) {
        return MakeError(ErrorCode::kInvalid, "\"" + std::string(key) + "\" is not an array of a bundle.",
                         std::string(key));
      }
      if (!value.is_array()) {
        return MakeError(ErrorCode::kInvalid, "\"" + std::string(key) + "\" must be an array.", std::string(key));
      }
      const bj::array& array = value.get_array();
      for (size_t i = 0; i < array.size(); ++i) {
        if (!array[i].is_object()) {
          return MakeError(ErrorCode::kInvalid, Where(key, i, "") + " must be an object.", Where(key, i, ""));
        }
      }
      if (spec) {
        arrays_[static_cast<size_t>(spec->kind)] = &array;
      } else {
        extras_.emplace(std::string(key), &array);
      }
    }
    return {};
  }

  size_t Count(Kind kind) const override {
    const bj::array* array = arrays_[static_cast<size_t>(kind)];
    return array ? array->size() : 0;
  }

  Result<BundleItem> Read(Kind kind, size_t index) const override {
    const bj::object& object = (*arrays_[static_cast<size_t>(kind)])[index].get_object();
    json::DecodeOptions options;
    if (kind == Kind::kUser) options.extra_keys = kPasswordKey;
    const std::string_view array = Spec(kind).bundle;
    auto record = json::DecodeRecord(kind, object, options);
    if (!record) {
      Error error = record.error();
      error.message = Where(array, index, error.field) + ": " + error.message;
      error.field = Where(array, index, error.field);
      return error;
    }
    BundleItem item{std::move(*record), std::nullopt};
    if (const auto* password = object.if_contains("password")) {
      if (!password->is_string()) {
        const std::string where = Where(array, index, "password");
        return MakeError(ErrorCode::kInvalid, where + ": \"password\" must be a string.", where);
      }
      item.password = std::string(password->get_string());
    }
    return item;
  }

  size_t ExtraCount(std::string_view array) const override {
    auto it = extras_.find(std::string(array));
    return it == extras_.end() ? 0 : it->second->size();
  }

  Result<std::pair<std::string, std::string>> ReadExtra(std::string_view array, size_t index) const override {
    const bj::object& object = (*extras_.at(std::string(array)))[index].get_object();
    std::string body = json::Serialize(object);
    const auto* id = object.if_contains("id");
    if (id && !id->is_string()) {
      const std::string where = Where(array, index, "id");
      return MakeError(ErrorCode::kInvalid, where + ": \"id\" must be a string.", where);
    }
    // Records without an id are keyed by their content, so importing them twice adds nothing.
    std::string key = id ? std::string(id->get_string()) : "sha256:" + Sha256Hex(body);
    return std::make_pair(std::move(key), std::move(body));
  }

 private:
  bj::value document_;
  std::array<const bj::array*, kKindCount> arrays_{};
  std::map<std::string, const bj::array*> extras_;
};

class MemoryBundleSource final : public BundleSource {
 public:
  explicit MemoryBundleSource(const MemoryBundle& bundle) : bundle_(bundle) {}
  size_t Count(Kind kind) const override { return bundle_.of(kind).size(); }
  Result<BundleItem> Read(Kind kind, size_t index) const override { return bundle_.of(kind)[index]; }
  size_t ExtraCount(std::string_view) const override { return 0; }
  Result<std::pair<std::string, std::string>> ReadExtra(std::string_view, size_t) const override {
    return MakeError(ErrorCode::kInvalid, "no extras");
  }

 private:
  const MemoryBundle& bundle_;
};

Result<std::unique_ptr<BundleSource>> Finish(bj::value document) {
  auto source = std::make_unique<JsonSource>(std::move(document));
  if (auto status = source->Index(); !status) return status.error();
  return std::unique_ptr<BundleSource>(std::move(source));
}

Error NotJson(size_t offset, const boost::system::error_code& ec) {
  return MakeError(ErrorCode::kInvalid,
                   "The bundle is not valid JSON (at byte " + std::to_string(offset) + "): " + ec.message() + ".", "");
}

}  // namespace

Result<std::unique_ptr<BundleSource>> ParseBundle(std::string_view text) {
  bj::stream_parser parser;
  boost::system::error_code ec;
  const size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) return NotJson(used, ec);
  return Finish(parser.release());
}

Result<std::unique_ptr<BundleSource>> ReadBundleFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kInvalid, "Cannot read the bundle file " + path + ".", "");
  bj::stream_parser parser;
  std::string chunk(1 << 20, '\0');
  size_t offset = 0;
  boost::system::error_code ec;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const size_t got = static_cast<size_t>(in.gcount());
    if (got == 0) break;
    const size_t used = parser.write(chunk.data(), got, ec);
    if (ec) return NotJson(offset + used, ec);
    offset += got;
  }
  parser.finish(ec);
  if (ec) return NotJson(offset, ec);
  return Finish(parser.release());
}

std::unique_ptr<BundleSource> MemorySource(const MemoryBundle& bundle) {
  return std::make_unique<MemoryBundleSource>(bundle);
}

}  // namespace brm
