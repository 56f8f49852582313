// An incremental sha256 (OpenSSL EVP) for blobs verified while they stream.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::registry {

class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;

    [[nodiscard]] bool valid() const { return m_ctx != nullptr; }
    void update(std::string_view data);
    // Starts over, as for an empty input.
    void reset();
    // "sha256:<hex>" of everything so far; the stream is reset.
    [[nodiscard]] std::string finish();
    // Adds everything readable from `fd` from offset 0 up to `length` bytes
    // (pread: the offset is left alone); EIO when the file is shorter.
    [[nodiscard]] Status updateFromFile(int fd, std::uint64_t length);

private:
    struct Context;
    Context* m_ctx = nullptr;
};

} // namespace berth::registry
