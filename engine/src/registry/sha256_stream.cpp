#include "registry/sha256_stream.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <unistd.h>

namespace berth::registry {

struct Sha256Stream::Context {
    EVP_MD_CTX* md = nullptr;
};

Sha256Stream::Sha256Stream() : m_ctx(new Context{EVP_MD_CTX_new()})
{
    if (!m_ctx->md || EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(m_ctx->md);
        delete m_ctx;
        m_ctx = nullptr;
    }
}

Sha256Stream::~Sha256Stream()
{
    if (m_ctx)
        EVP_MD_CTX_free(m_ctx->md);
    delete m_ctx;
}

void Sha256Stream::update(std::string_view data)
{
    EVP_DigestUpdate(m_ctx->md, data.data(), data.size());
}

void Sha256Stream::reset()
{
    EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr);
}

std::string Sha256Stream::finish()
{
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned length = 0;
    EVP_DigestFinal_ex(m_ctx->md, md.data(), &length);
    std::string out = "sha256:";
    for (unsigned i = 0; i < length; ++i) {
        out += kHex[md[i] >> 4];
        out += kHex[md[i] & 15];
    }
    reset();
    return out;
}

Status Sha256Stream::updateFromFile(int fd, std::uint64_t length)
{
    std::array<char, 1 << 16> buffer{};
    for (std::uint64_t offset = 0; offset < length;) {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), length - offset));
        const ssize_t n = ::pread(fd, buffer.data(), want, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read a partial download");
        if (n == 0)
            return failWith(EIO, "a partial download is shorter than it was");
        update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        offset += static_cast<std::uint64_t>(n);
    }
    return {};
}

} // namespace berth::registry
