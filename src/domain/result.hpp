// Result<T>: a value or an Error a user can act on (LevelDB's Status idea).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace brm {

// What went wrong, in terms the HTTP layer maps to a status (http/error.cpp) and the CLI prints.
enum class ErrorCode {
  kInvalid,        // malformed input: bad JSON, wrong type, value out of range (400)
  kUnauthenticated,// no or expired credentials (401)
  kForbidden,      // authenticated but not allowed (403)
  kNotFound,       // unknown id, or an id the caller may not see (404)
  kConflict,       // clashes with stored state: duplicate id, second `ours` org (409)
  kTooLarge,       // body over the limit (413)
  kUnprocessable,  // well-formed but breaks a rule: unknown reference, wrong org kind (422)
  kThrottled,      // too many failed logins (429)
};

struct Error {
  ErrorCode code = ErrorCode::kInvalid;
  std::string message;  // English sentence a user can act on
  std::string field;    // the offending field ("people[3].org" in bundles), empty when none
};

inline Error MakeError(ErrorCode code, std::string message, std::string field = {}) {
  return Error{code, std::move(message), std::move(field)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

}  // namespace brm
