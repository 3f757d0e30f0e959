#include "service/file_store.hpp"

#include "service/secrets.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace brm {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void DiskError(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

FileStore::Writer::Writer(const FileStore& store, fs::path temp, std::FILE* file)
    : store_(store), temp_(std::move(temp)), file_(file) {
  crypto_hash_sha256_init(&state_);
}

FileStore::Writer::~Writer() {
  if (file_) std::fclose(file_);
  if (!done_) {
    std::error_code ignored;
    fs::remove(temp_, ignored);
  }
}

void FileStore::Writer::Write(std::string_view bytes) {
  if (bytes.empty()) return;
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) DiskError("cannot write", temp_);
  size_ += bytes.size();
}

StoredFile FileStore::Writer::Commit() {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256_final(&state_, digest.data());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest.data(), digest.size());
  StoredFile stored{hex, size_};
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  std::fclose(file_);
  file_ = nullptr;
  if (!flushed) DiskError("cannot flush", temp_);
  const fs::path target = store_.PathOf(stored.sha256);
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  fs::rename(temp_, target, error);
  if (error) throw std::runtime_error("cannot store " + target.string() + ": " + error.message());
  done_ = true;
  return stored;
}

std::unique_ptr<FileStore::Writer> FileStore::Begin() const {
  const fs::path tmp = dir_ / "tmp";
  std::error_code error;
  fs::create_directories(tmp, error);
  if (error) throw std::runtime_error("cannot create " + tmp.string() + ": " + error.message());
  const fs::path temp = tmp / (RandomToken(12) + ".part");
  std::FILE* file = std::fopen(temp.c_str(), "wbx");
  if (!file) DiskError("cannot create", temp);
  return std::unique_ptr<Writer>(new Writer(*this, temp, file));
}

StoredFile FileStore::Put(std::string_view bytes) const {
  auto writer = Begin();
  writer->Write(bytes);
  return writer->Commit();
}

Result<StoredFile> FileStore::PutFile(const fs::path& source) const {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(source.c_str(), "rb"), &std::fclose);
  auto unreadable = [&] {
    return MakeError(ErrorCode::kInvalid, "Cannot read " + source.string() + ": " + std::strerror(errno) + ".", "files");
  };
  if (!in) return unreadable();
  auto writer = Begin();
  std::array<char, 64 * 1024> buffer;
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), in.get())) > 0) writer->Write(std::string_view(buffer.data(), n));
  if (std::ferror(in.get())) return unreadable();
  return writer->Commit();
}

fs::path FileStore::PathOf(std::string_view sha256) const {
  const std::string name(sha256);
  return dir_ / name.substr(0, 2) / name;
}

bool FileStore::Has(std::string_view sha256) const {
  std::error_code error;
  return IsSha256Hex(sha256) && fs::is_regular_file(PathOf(sha256), error);
}

bool FileStore::Remove(std::string_view sha256) const {
  std::error_code error;
  return IsSha256Hex(sha256) && fs::remove(PathOf(sha256), error);
}

std::vector<std::string> FileStore::List() const {
  std::vector<std::string> out;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir_, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file(error) && IsSha256Hex(name) && it->path().parent_path().filename() == name.substr(0, 2)) {
      out.push_back(name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace brm
