#include "image/oci_digest.h"

#include "berth/unique_fd.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <memory>
#include <vector>

#include <unistd.h>

namespace berth::image {

namespace {

constexpr std::string_view kSha256 = "sha256:";
constexpr std::size_t kHexLength = 64;

std::string quoted(std::string_view s)
{
    return "'" + std::string(s.substr(0, 100)) + "'";
}

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

Result<MdCtxPtr> newSha256()
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return failWith(ENOMEM, "set up a sha256 digest");
    return ctx;
}

std::string finish(EVP_MD_CTX* ctx)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx, md.data(), &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text(kSha256);
    for (unsigned int i = 0; i < length; ++i) {
        text += kDigits[md[i] >> 4];
        text += kDigits[md[i] & 0xf];
    }
    return text;
}

} // namespace

Result<std::string> parseSha256Digest(std::string_view digest)
{
    const std::size_t colon = digest.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return failWith(EINVAL, "digest " + quoted(digest) + " has no algorithm", std::string(digest));
    if (digest.substr(0, colon + 1) != kSha256)
        return failWith(EOPNOTSUPP, "digest " + quoted(digest) + " does not use sha256", std::string(digest));
    const std::string_view hex = digest.substr(colon + 1);
    if (hex.size() != kHexLength || !std::all_of(hex.begin(), hex.end(), isLowerHex))
        return failWith(EINVAL, "digest " + quoted(digest) + " is not 64 lowercase hex digits", std::string(digest));
    return std::string(hex);
}

Result<std::string> sha256OfFile(int fd, std::uint64_t* size)
{
    auto ctx = newSha256();
    if (!ctx)
        return fail(ctx.error());
    std::vector<char> buffer(std::size_t{1} << 16);
    std::uint64_t offset = 0;
    for (;;) {
        const ssize_t n = ::pread(fd, buffer.data(), buffer.size(), static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read blob");
        if (n == 0)
            break;
        EVP_DigestUpdate(ctx->get(), buffer.data(), static_cast<std::size_t>(n));
        offset += static_cast<std::uint64_t>(n);
    }
    *size = offset;
    return finish(ctx->get());
}

std::string sha256OfText(std::string_view data)
{
    auto ctx = newSha256();
    if (!ctx)
        return {};
    EVP_DigestUpdate(ctx->get(), data.data(), data.size());
    return finish(ctx->get());
}

Status checkDigest(std::string_view expected, std::optional<std::uint64_t> expectedSize, std::string_view actual,
                   std::uint64_t actualSize)
{
    if (expectedSize && *expectedSize != actualSize)
        return failWith(EINVAL,
                        "blob " + quoted(expected) + " has " + std::to_string(actualSize) +
                            " bytes, its descriptor says " + std::to_string(*expectedSize),
                        std::string(expected));
    if (expected != actual)
        return failWith(EINVAL,
                        "blob " + quoted(expected) + " does not match its digest (its content is " +
                            std::string(actual) + ")",
                        std::string(expected));
    return {};
}

} // namespace berth::image
