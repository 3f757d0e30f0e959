// Passwords, tokens and generated ids, on libsodium.
// Threads: every function is thread-safe once InitSecrets() has returned.
#pragma once

#include <string>
#include <string_view>

namespace brm {

// Initialises libsodium; throws std::runtime_error when it cannot. Call once at start-up.
void InitSecrets();

// An argon2id hash (libsodium's encoded string) with 64 MiB of memory and libsodium's interactive
// operations limit. Takes ~0.1 s of one core by design.
std::string HashPassword(std::string_view password);
// Whether `password` matches `hash`; false for a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// `bytes` random bytes as unpadded base64url (32 bytes → 43 characters, 256 bits).
std::string RandomToken(size_t bytes = 32);
// Lower-case hex SHA-256 of `text`.
std::string Sha256Hex(std::string_view text);
// A fresh record id: `prefix` + "-" + 16 random lower-case hex digits ("per-3f9a0c…").
std::string NewId(std::string_view prefix);
// Constant-time comparison of two strings.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace brm
