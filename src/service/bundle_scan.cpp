#include "service/bundle_scan.hpp"

namespace brm {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  Result<ScannedBundle> Run() {
    ScannedBundle out;
    SkipSpace();
    if (!Take('{')) return Fail("a bundle is a JSON object");
    SkipSpace();
    if (!Take('}')) {
      while (true) {
        SkipSpace();
        const size_t key_start = pos_;
        if (!SkipString()) return Fail("expected a member name in quotes");
        boost::system::error_code ec;
        const boost::json::value key = boost::json::parse(text_.substr(key_start, pos_ - key_start), ec);
        if (ec) return Fail("bad member name");
        const std::string name(key.get_string());
        if (out.arrays.count(name) || out.scalars.count(name)) return Fail("\"" + name + "\" appears twice");
        SkipSpace();
        if (!Take(':')) return Fail("expected ':'");
        SkipSpace();
        if (Peek() == '[') {
          auto& elements = out.arrays[name];
          ++pos_;
          SkipSpace();
          if (!Take(']')) {
            while (true) {
              SkipSpace();
              const size_t start = pos_;
              if (!SkipValue()) return Fail("bad value in \"" + name + "\"");
              elements.emplace_back(start, pos_ - start);
              SkipSpace();
              if (Take(']')) break;
              if (!Take(',')) return Fail("expected ',' or ']' in \"" + name + "\"");
            }
          }
        } else {
          const size_t start = pos_;
          if (!SkipValue()) return Fail("bad value of \"" + name + "\"");
          boost::json::value value = boost::json::parse(text_.substr(start, pos_ - start), ec);
          if (ec) return Fail("bad value of \"" + name + "\": " + ec.message());
          out.scalars.emplace(name, std::move(value));
        }
        SkipSpace();
        if (Take('}')) break;
        if (!Take(',')) return Fail("expected ',' or '}'");
      }
    }
    SkipSpace();
    if (pos_ != text_.size()) return Fail("text after the end of the bundle");
    return out;
  }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool Take(char c) {
    if (Peek() != c || pos_ >= text_.size()) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool SkipString() {
    if (!Take('"')) return false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '\\') {
        ++pos_;
      } else if (c == '"') {
        return true;
      }
    }
    return false;
  }
  // Skips one value: strings and nesting exactly, scalars up to the next delimiter. The element's own
  // parse rejects whatever a scalar really holds.
  bool SkipValue() {
    const char c = Peek();
    if (c == '"') return SkipString();
    if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < text_.size()) {
        const char d = text_[pos_];
        if (d == '"') {
          if (!SkipString()) return false;
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') ++depth;
        if ((d == '}' || d == ']') && --depth == 0) return true;
      }
      return false;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && std::string_view(",]} \n\r\t").find(text_[pos_]) == std::string_view::npos) ++pos_;
    return pos_ > start;
  }
  Error Fail(const std::string& what) const {
    return MakeError(ErrorCode::kInvalid,
                     "The bundle is not valid JSON (at byte " + std::to_string(pos_) + "): " + what + ".", "");
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Result<ScannedBundle> ScanBundle(std::string_view text) { return Scanner(text).Run(); }

}  // namespace brm
