#include "template/debootstrap_rootfs.h"

#include "fs/atomic_file.h"
#include "fs/directory.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "image/tree_copy.h"
#include "runtime/etc_files.h"

#include <ranges>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

// The file's text, or empty when the rootfs has none.
Result<std::string> readInRoot(int rootFd, std::string_view path)
{
    auto fd = fs::openInRoot(rootFd, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (!fd && fd.error().code == ENOENT)
        return std::string();
    if (!fd)
        return fail(fd.error());
    return fs::readAll(fd->get());
}

constexpr std::string_view kNetworkdCondition =
    "# Written by Berth at create: networkd runs only when /etc/systemd/network has\n"
    "# a .network file (Berth writes one per interface at every start).\n"
    "[Unit]\nConditionPathExistsGlob=/etc/systemd/network/*.network\n";

// What `systemctl enable systemd-networkd` links (its [Install] WantedBy,
// Alias and Also), but the network generator: it would read the host's
// kernel command line.
Status linkNetworkdUnits(const RootfsWriter& writer)
{
    struct Link {
        std::string_view dir, name, unit;
    };
    constexpr Link links[] = {
        {"etc/systemd/system/multi-user.target.wants", "systemd-networkd.service", "systemd-networkd.service"},
        {"etc/systemd/system", "dbus-org.freedesktop.network1.service", "systemd-networkd.service"},
        {"etc/systemd/system/sockets.target.wants", "systemd-networkd.socket", "systemd-networkd.socket"},
        {"etc/systemd/system/network-online.target.wants", "systemd-networkd-wait-online.service",
         "systemd-networkd-wait-online.service"},
    };
    for (const Link& link : links) {
        auto dir = makeDirectories(writer, link.dir);
        if (!dir)
            return fail(dir.error());
        const std::string target = "/lib/systemd/system/" + std::string(link.unit);
        const std::string name(link.name);
        if (::symlinkat(target.c_str(), dir->get(), name.c_str()) != 0 && errno != EEXIST)
            return failErrno(errno, "enable " + name);
    }
    return {};
}

} // namespace

Result<RootfsWriter> makeContainerRootfs(const fsys::path& cachedRootfs, const fsys::path& staging, bool snapshot)
{
    auto lower = fs::openDirectory(cachedRootfs);
    if (!lower)
        return fail(lower.error().wrap("the cached rootfs"));
    auto rootfs = fs::makeDirectory(staging / "rootfs");
    if (!rootfs)
        return fail(rootfs.error());
    if (snapshot) {
        auto delta = fs::makeDirectory(staging / "delta");
        if (!delta)
            return fail(delta.error());
        return RootfsWriter{std::move(*lower), std::move(*delta), true};
    }
    if (auto copied = image::copyTree(lower->get(), rootfs->get()); !copied)
        return fail(copied.error().wrap("copy the cached rootfs " + cachedRootfs.string()));
    UniqueFd again(::fcntl(rootfs->get(), F_DUPFD_CLOEXEC, 0));
    if (!again)
        return failErrno(errno, "duplicate the rootfs descriptor");
    return RootfsWriter{std::move(*rootfs), std::move(again), false};
}

Result<UniqueFd> makeDirectories(const RootfsWriter& writer, std::string_view path)
{
    UniqueFd dir(::fcntl(writer.writeRoot.get(), F_DUPFD_CLOEXEC, 0));
    if (!dir)
        return failErrno(errno, "duplicate the rootfs descriptor");
    std::string prefix;
    for (const auto& part : std::views::split(path, '/')) {
        const std::string name(part.begin(), part.end());
        prefix += (prefix.empty() ? "" : "/") + name;
        struct stat st {};
        st.st_mode = 0755;
        if (auto lower = fs::openInRoot(writer.readRoot.get(), prefix, O_PATH | O_DIRECTORY | O_CLOEXEC))
            if (::fstat(lower->get(), &st) != 0)
                return failErrno(errno, "stat /" + prefix + " of the cached rootfs");
        if (::mkdirat(dir.get(), name.c_str(), st.st_mode & 07777) == 0) {
            if (::fchmodat(dir.get(), name.c_str(), st.st_mode & 07777, 0) != 0 ||
                ::fchownat(dir.get(), name.c_str(), st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW) != 0)
                return failErrno(errno, "set the owner and mode of /" + prefix);
        } else if (errno != EEXIST) {
            return failErrno(errno, "create /" + prefix);
        }
        dir.reset(::openat(dir.get(), name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!dir)
            return failErrno(errno, "open /" + prefix);
    }
    return dir;
}

Status enableNetworkd(const RootfsWriter& writer)
{
    if (!fs::openInRoot(writer.readRoot.get(), "lib/systemd/system/systemd-networkd.service", O_PATH | O_CLOEXEC))
        return {};
    if (auto linked = linkNetworkdUnits(writer); !linked)
        return linked;
    // Never on the host's links: a container sharing the host's network has
    // no file there (the vendor's in /lib match nspawn's host-side links).
    for (std::string_view unit : {"systemd-networkd.service", "systemd-networkd.socket"}) {
        auto dir = makeDirectories(writer, "etc/systemd/system/" + std::string(unit) + ".d");
        if (!dir)
            return fail(dir.error());
        if (auto written = fs::writeFileAtomicAt(dir->get(), "berth.conf", kNetworkdCondition, 0644); !written)
            return written;
    }
    return {};
}

Status writeHostname(const RootfsWriter& writer, std::string_view hostname)
{
    auto hosts = readInRoot(writer.readRoot.get(), "/etc/hosts");
    if (!hosts)
        return fail(hosts.error().wrap("read /etc/hosts of the rootfs"));
    auto etc = fs::openInRoot(writer.writeRoot.get(), "/etc", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (!etc)
        return fail(etc.error().wrap("open /etc of the rootfs"));
    if (auto written = fs::writeFileAtomicAt(etc->get(), "hostname", std::string(hostname) + "\n", 0644); !written)
        return written;
    return fs::writeFileAtomicAt(etc->get(), "hosts", runtime::updatedHosts(*hosts, hostname), 0644);
}

} // namespace berth::templates
