#include "runtime/etc_files.h"

#include "fs/file_io.h"
#include "fs/safe_path.h"

#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

Status writeFileInRoot(int rootFd, std::string_view path, std::string_view content)
{
    // O_NONBLOCK: a FIFO the container's root put there does not hold the start.
    auto fd = fs::openInRoot(rootFd, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (!fd)
        return fail(fd.error().wrap("write /" + std::string(path)));
    if (struct stat st{}; ::fstat(fd->get(), &st) != 0 || !S_ISREG(st.st_mode))
        return failWith(EINVAL, "write /" + std::string(path) + ": not a regular file");
    if (auto written = fs::writeAll(fd->get(), content); !written)
        return fail(written.error().wrap("write /" + std::string(path)));
    return {};
}

// A file that already says it is left alone: most starts find what the
// last one wrote, and a truncating write costs more than a read.
Status replaceFileInRoot(int rootFd, std::string_view path, std::string_view content)
{
    if (auto current = fs::openInRoot(rootFd, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) {
        struct stat st {};
        if (::fstat(current->get(), &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_size == static_cast<off_t>(content.size()))
            if (auto text = fs::readAll(current->get(), content.size() + 1); text && *text == content)
                return {};
    }
    return writeFileInRoot(rootFd, path, content);
}

} // namespace

std::string updatedHosts(std::string_view current, std::string_view hostname)
{
    const std::string entry = "127.0.1.1\t" + std::string(hostname);
    std::istringstream in{std::string(current)};
    std::string result, line;
    bool replaced = false;
    while (std::getline(in, line)) {
        if (line.starts_with("127.0.1.1")) {
            if (replaced)
                continue;
            line = entry;
            replaced = true;
        }
        result += line + "\n";
    }
    if (result.empty())
        result = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    if (!replaced)
        result += entry + "\n";
    return result;
}

Status writeResolvConf(int rootFd, std::string_view text)
{
    if (!fs::openInRoot(rootFd, "etc", O_PATH | O_DIRECTORY | O_CLOEXEC))
        return {};
    return replaceFileInRoot(rootFd, "etc/resolv.conf", text);
}

Status writeHostFiles(int rootFd, std::string_view hostname)
{
    auto etc = fs::openInRoot(rootFd, "etc", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (!etc)
        return {};
    if (auto written = replaceFileInRoot(rootFd, "etc/hostname", std::string(hostname) + "\n"); !written)
        return written;
    std::string hosts;
    if (auto in = fs::openInRoot(rootFd, "etc/hosts", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) {
        auto text = fs::readAll(in->get());
        if (!text)
            return fail(text.error().wrap("read /etc/hosts"));
        hosts = std::move(*text);
    }
    // Read already: written only when the entry changes it.
    const std::string updated = updatedHosts(hosts, hostname);
    if (updated == hosts)
        return {};
    return writeFileInRoot(rootFd, "etc/hosts", updated);
}

} // namespace berth::runtime
