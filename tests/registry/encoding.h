// The digests and encodings the registry harness needs: OCI's
// "sha256:<hex>", base64 (basic auth, x5c) and base64url (JWT).
#pragma once

#include <string>
#include <string_view>

namespace berth::test {

// "sha256:<64 hex digits>" of data.
std::string sha256Digest(std::string_view data);
std::string base64(std::string_view data);
// RFC 4648 §5 without padding, as JWTs are written.
std::string base64Url(std::string_view data);
// A JSON string literal (quotes included).
std::string jsonString(std::string_view text);

} // namespace berth::test
