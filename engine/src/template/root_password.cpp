#include "template/root_password.h"

#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"

#include <crypt.h>

#include <ctime>
#include <memory>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::templates {

namespace {

// The fields of one shadow line, split at ':'.
std::vector<std::string_view> fieldsOf(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = line.find(':', start);
        fields.push_back(line.substr(start, colon == std::string_view::npos ? line.npos : colon - start));
        if (colon == std::string_view::npos)
            return fields;
        start = colon + 1;
    }
}

std::string joined(const std::vector<std::string_view>& fields)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i)
        line += std::string(i ? ":" : "") + std::string(fields[i]);
    return line;
}

} // namespace

Result<std::string> hashPassword(std::string_view password)
{
    if (password.find('\0') != std::string_view::npos)
        return failWith(EINVAL, "the password contains a NUL character");
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    // No random bytes given: libxcrypt takes them from getrandom(2).
    if (!::crypt_gensalt_rn("$y$", 0, nullptr, 0, setting, sizeof(setting)))
        return failErrno(errno, "make a password salt");
    auto data = std::make_unique<crypt_data>();
    const std::string phrase(password);
    const char* hash = ::crypt_rn(phrase.c_str(), setting, data.get(), sizeof(crypt_data));
    if (!hash || hash[0] == '*')
        return failErrno(errno ? errno : EINVAL, "hash the password");
    return std::string(hash);
}

Result<std::string> shadowWithPassword(std::string_view shadow, std::string_view user, std::string_view hash,
                                       long daysSinceEpoch)
{
    if (hash.find_first_of(":\n") != std::string_view::npos)
        return failWith(EINVAL, "a password hash cannot contain ':' or a newline");
    std::string result;
    bool found = false;
    std::size_t start = 0;
    while (start < shadow.size()) {
        std::size_t end = shadow.find('\n', start);
        const bool newline = end != std::string_view::npos;
        std::string_view line = shadow.substr(start, newline ? end - start : shadow.npos);
        auto fields = fieldsOf(line);
        std::string edited;
        if (!found && fields.size() >= 3 && fields[0] == user) {
            const std::string days = std::to_string(daysSinceEpoch);
            fields[1] = hash;
            fields[2] = days;
            edited = joined(fields);
            line = edited;
            found = true;
        }
        result += std::string(line) + (newline ? "\n" : "");
        start = newline ? end + 1 : shadow.size();
    }
    if (!found)
        return failWith(ENOENT, "no line for '" + std::string(user) + "' in /etc/shadow");
    return result;
}

Status setRootPassword(int readRootFd, int writeRootFd, std::string_view password)
{
    auto source = fs::openInRoot(readRootFd, "/etc/shadow", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (!source)
        return fail(source.error().wrap("open /etc/shadow in the rootfs"));
    struct stat st {};
    if (::fstat(source->get(), &st) != 0)
        return failErrno(errno, "stat /etc/shadow in the rootfs");
    auto text = fs::readAll(source->get());
    if (!text)
        return fail(text.error().wrap("read /etc/shadow in the rootfs"));
    auto hash = hashPassword(password);
    if (!hash)
        return fail(hash.error());
    auto edited = shadowWithPassword(*text, "root", *hash, static_cast<long>(std::time(nullptr) / 86400));
    if (!edited)
        return fail(edited.error());
    auto etc = fs::openInRoot(writeRootFd, "/etc", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (!etc)
        return fail(etc.error().wrap("open /etc in the rootfs"));
    if (auto written = fs::writeFileAtomicAt(etc->get(), "shadow", *edited, st.st_mode & 07777); !written)
        return written;
    // Debian's shadow is root:shadow 0640: keep the group that lets its tools read it.
    if (::fchownat(etc->get(), "shadow", st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno(errno, "set the owner of /etc/shadow");
    return {};
}

} // namespace berth::templates
