#include "image_store/sha256_stream.h"

#include <openssl/evp.h>

#include <array>

namespace berth::image_store {

struct Sha256Stream::Context {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256Stream::Sha256Stream() : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view data)
{
    EVP_DigestUpdate(m_context->ctx, data.data(), data.size());
}

std::string Sha256Stream::finish()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, md.data(), &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
        text += kDigits[md[i] >> 4];
        text += kDigits[md[i] & 0xf];
    }
    return text;
}

} // namespace berth::image_store
