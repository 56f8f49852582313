// A sha256 computed as bytes stream past (OpenSSL EVP), "sha256:<hex>" at the end.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace berth::image_store {

class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream&) = delete;
    Sha256Stream& operator=(const Sha256Stream&) = delete;

    void update(std::string_view data);
    // "sha256:<64 hex>"; the stream is done with.
    [[nodiscard]] std::string finish();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace berth::image_store
