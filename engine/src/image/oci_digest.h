// Content digests of OCI blobs ("sha256:<64 hex>") and their check.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace berth::image {

// The 64 lowercase hex digits of a "sha256:..." digest. Other algorithms
// (sha512 is allowed by the spec but unused in practice) are EOPNOTSUPP;
// anything malformed is EINVAL naming the text.
[[nodiscard]] Result<std::string> parseSha256Digest(std::string_view digest);

// "sha256:<hex>" of everything readable from `fd` from offset 0 (pread, so
// the offset is left alone), and the byte count in *size.
[[nodiscard]] Result<std::string> sha256OfFile(int fd, std::uint64_t* size);

// "sha256:<hex>" of a buffer.
[[nodiscard]] std::string sha256OfText(std::string_view data);

// Compares a computed digest and size with a descriptor's (size unset: not
// checked, as docker's manifest.json gives none). EINVAL naming the digest.
[[nodiscard]] Status checkDigest(std::string_view expected, std::optional<std::uint64_t> expectedSize,
                                 std::string_view actual, std::uint64_t actualSize);

} // namespace berth::image
