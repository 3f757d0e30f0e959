// Bundle sources: bundle text (a mapped file or an upload) read element by element, or a bundle built in
// memory.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "domain/schema.hpp"
#include "json/record_json.hpp"
#include "json/serialize.hpp"
#include "service/bundle.hpp"
#include "service/bundle_scan.hpp"
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

// The bytes of a bundle: a file mapped into memory, or text received over HTTP.
class BundleText {
 public:
  virtual ~BundleText() = default;
  virtual std::string_view view() const = 0;
};

class OwnedText final : public BundleText {
 public:
  explicit OwnedText(std::string text) : text_(std::move(text)) {}
  std::string_view view() const override { return text_; }

 private:
  std::string text_;
};

class MappedFile final : public BundleText {
 public:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  ~MappedFile() override {
    if (data_) munmap(data_, size_);
  }
  std::string_view view() const override { return {static_cast<const char*>(data_), size_}; }

 private:
  void* data_;
  size_t size_;
};

class JsonSource final : public BundleSource {
 public:
  JsonSource(std::unique_ptr<BundleText> text, ScannedBundle scanned)
      : text_(std::move(text)), scanned_(std::move(scanned)) {}

  Status Index() {
    const auto format = scanned_.scalars.find("format");
    if (format == scanned_.scalars.end() || !format->second.is_string() || format->second.get_string() != "brm-bundle") {
      return MakeError(ErrorCode::kInvalid, "\"format\" must be \"brm-bundle\".", "format");
    }
    const auto version = scanned_.scalars.find("version");
    if (version == scanned_.scalars.end() || !version->second.is_int64() || version->second.get_int64() != 1) {
      return MakeError(ErrorCode::kInvalid, "\"version\" must be 1, the only bundle version this build reads.",
                       "version");
    }
    for (const auto& [key, value] : scanned_.scalars) {
      if (key == "format" || key == "version") continue;
      const bool known = FindBundleArray(key) != nullptr;
      return MakeError(ErrorCode::kInvalid,
                       known ? "\"" + key + "\" must be an array." : "\"" + key + "\" is not an array of a bundle.", key);
    }
    for (const auto& [key, elements] : scanned_.arrays) {
      if (const EntitySpec* spec = FindBundleArray(key)) {
        arrays_[static_cast<size_t>(spec->kind)] = &elements;
      } else {
        return MakeError(ErrorCode::kInvalid, "\"" + key + "\" is not an array of a bundle.", key);
      }
    }
    return {};
  }

  size_t Count(Kind kind) const override {
    const auto* elements = arrays_[static_cast<size_t>(kind)];
    return elements ? elements->size() : 0;
  }

  Result<BundleItem> Read(Kind kind, size_t index) const override {
    const std::string_view array = Spec(kind).bundle;
    auto object = Element(array, (*arrays_[static_cast<size_t>(kind)])[index], index);
    if (!object) return object.error();
    json::DecodeOptions options;
    if (kind == Kind::kUser) options.extra_keys = kPasswordKey;
    auto record = json::DecodeRecord(kind, *object, options);
    if (!record) {
      Error error = record.error();
      error.message = Where(array, index, error.field) + ": " + error.message;
      error.field = Where(array, index, error.field);
      return error;
    }
    BundleItem item{std::move(*record), nullptr};
    if (const auto* password = object->if_contains("password")) {
      if (!password->is_string()) {
        const std::string where = Where(array, index, "password");
        return MakeError(ErrorCode::kInvalid, where + ": \"password\" must be a string.", where);
      }
      item.password = std::make_shared<const std::string>(password->get_string());
    }
    return item;
  }

 private:
  // Parses one array element, which must be a JSON object.
  Result<bj::object> Element(std::string_view array, std::pair<size_t, size_t> span, size_t index) const {
    const std::string where = Where(array, index, "");
    const std::string_view text = text_->view().substr(span.first, span.second);
    if (text.empty() || text.front() != '{') {
      return MakeError(ErrorCode::kInvalid, where + " must be an object.", where);
    }
    // One parser for all elements: its buffers are reused instead of allocated per record.
    boost::system::error_code ec;
    parser_.reset();
    parser_.write(text.data(), text.size(), ec);
    bj::value value = ec ? bj::value() : parser_.release();
    if (ec || !value.is_object()) {
      return MakeError(ErrorCode::kInvalid,
                       where + " is not valid JSON (at byte " + std::to_string(span.first) + "): " + ec.message() + ".",
                       where);
    }
    return std::move(value.get_object());
  }

  std::unique_ptr<BundleText> text_;
  ScannedBundle scanned_;
  mutable bj::parser parser_;  // Read() is logically const; sources are used by one thread
  std::array<const std::vector<std::pair<size_t, size_t>>*, kKindCount> arrays_{};
};

class MemoryBundleSource final : public BundleSource {
 public:
  explicit MemoryBundleSource(const MemoryBundle& bundle) : bundle_(bundle) {}
  size_t Count(Kind kind) const override { return bundle_.of(kind).size(); }
  Result<BundleItem> Read(Kind kind, size_t index) const override { return bundle_.of(kind)[index]; }

 private:
  const MemoryBundle& bundle_;
};

// Hands each item over instead of copying it, and frees a kind's items once its last one is taken: the
// import reads every item once, in order, so `brm demo` holds the large company once, not twice.
class DrainingBundleSource final : public BundleSource {
 public:
  explicit DrainingBundleSource(MemoryBundle&& bundle) : bundle_(std::move(bundle)) {
    for (size_t k = 0; k < kKindCount; ++k) counts_[k] = bundle_.items[k].size();
  }
  size_t Count(Kind kind) const override { return counts_[static_cast<size_t>(kind)]; }
  Result<BundleItem> Read(Kind kind, size_t index) const override {
    const size_t k = static_cast<size_t>(kind);
    if (index != taken_[k]) throw std::logic_error("DrainingBundleSource: an item read twice or out of order");
    auto& items = bundle_.items[k];
    BundleItem item = std::move(items[index]);
    if (++taken_[k] == items.size()) std::vector<BundleItem>().swap(items);
    return item;
  }

 private:
  mutable MemoryBundle bundle_;
  std::array<size_t, kKindCount> counts_{};
  mutable std::array<size_t, kKindCount> taken_{};
};

Result<std::unique_ptr<BundleSource>> Finish(std::unique_ptr<BundleText> text) {
  auto scanned = ScanBundle(text->view());
  if (!scanned) return scanned.error();
  auto source = std::make_unique<JsonSource>(std::move(text), std::move(*scanned));
  if (auto status = source->Index(); !status) return status.error();
  return std::unique_ptr<BundleSource>(std::move(source));
}

}  // namespace

Result<std::unique_ptr<BundleSource>> ParseBundle(std::string text) {
  return Finish(std::make_unique<OwnedText>(std::move(text)));
}

Result<std::unique_ptr<BundleSource>> ReadBundleFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return MakeError(ErrorCode::kInvalid, "Cannot read the bundle file " + path + ".", "");
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(fd);
    return MakeError(ErrorCode::kInvalid, path + " is not a readable file.", "");
  }
  const size_t size = static_cast<size_t>(info.st_size);
  void* data = size ? mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : nullptr;
  close(fd);
  if (data == MAP_FAILED) return MakeError(ErrorCode::kInvalid, "Cannot map the bundle file " + path + ".", "");
  if (data) madvise(data, size, MADV_SEQUENTIAL);
  return Finish(std::make_unique<MappedFile>(data, size));
}

std::unique_ptr<BundleSource> MemorySource(const MemoryBundle& bundle) {
  return std::make_unique<MemoryBundleSource>(bundle);
}

std::unique_ptr<BundleSource> DrainingSource(MemoryBundle&& bundle) {
  return std::make_unique<DrainingBundleSource>(std::move(bundle));
}

}  // namespace brm
