#include "template/busybox_template.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "template/busybox_files.h"
#include "template/run_capture.h"
#include "template/static_elf.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <map>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::templates {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

struct DirSpec {
    const char* path;
    mode_t mode;
};

constexpr std::array kDirs{
    DirSpec{"bin", 0755},     DirSpec{"sbin", 0755},       DirSpec{"usr", 0755},
    DirSpec{"usr/bin", 0755}, DirSpec{"usr/sbin", 0755},   DirSpec{"usr/share/udhcpc", 0755},
    DirSpec{"etc", 0755},     DirSpec{"etc/init.d", 0755}, DirSpec{"dev", 0755},
    DirSpec{"proc", 0555},    DirSpec{"sys", 0555},        DirSpec{"tmp", 01777},
    DirSpec{"root", 0700},    DirSpec{"home", 0755},       DirSpec{"run", 0755},
    DirSpec{"var", 0755},     DirSpec{"var/log", 0755},    DirSpec{"var/tmp", 01777},
    DirSpec{"mnt", 0755},
};

// Where busybox may put applets; anything else in its list is refused.
constexpr std::array<std::string_view, 4> kAppletDirs{"bin", "sbin", "usr/bin", "usr/sbin"};

// A hostname as sethostname(2) and /etc/hosts accept it (RFC 1123 labels).
Status validateHostname(std::string_view name)
{
    const auto ok = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    };
    if (name.empty() || name.size() > 64 || name.front() == '-' || name.front() == '.' ||
        !std::ranges::all_of(name, ok))
        return failWith(EINVAL,
                        "invalid hostname " + inQuotes(name) + ": use letters, digits, '-' and '.', at most 64");
    return {};
}

Status writeInRoot(int rootFd, std::string_view path, std::string_view content, mode_t mode)
{
    auto fd = fs::createFileInRoot(rootFd, path, mode);
    if (!fd)
        return std::unexpected(fd.error());
    if (auto ok = fs::writeAll(fd->get(), content); !ok)
        return std::unexpected(ok.error().wrap("write " + inQuotes(path)));
    return {};
}

Status makeDirs(int rootFd)
{
    for (const DirSpec& dir : kDirs) {
        if (auto ok = fs::mkdirInRoot(rootFd, dir.path, dir.mode); !ok)
            return ok;
        // An existing directory keeps its mode through mkdir: set it.
        auto fd = fs::openInRoot(rootFd, dir.path, O_RDONLY | O_DIRECTORY);
        if (!fd)
            return std::unexpected(fd.error());
        if (::fchmod(fd->get(), dir.mode) != 0)
            return failErrno(errno, "chmod " + inQuotes(dir.path));
    }
    return {};
}

Result<UniqueFd> openStaticBusybox(const std::filesystem::path& busybox)
{
    UniqueFd fd(::open(busybox.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return failErrno(errno, "open busybox " + inQuotes(busybox.string()));
    if (!S_ISREG(st.st_mode) || !(st.st_mode & S_IXUSR))
        return failWith(ENOEXEC, inQuotes(busybox.string()) + " is not an executable file", busybox.string());
    auto isStatic = isStaticElf(fd.get());
    if (!isStatic)
        return std::unexpected(isStatic.error().wrap("check busybox " + inQuotes(busybox.string())));
    if (!*isStatic)
        return failWith(ENOEXEC,
                        inQuotes(busybox.string()) + " is dynamically linked and would not run inside a "
                                                     "container; install the package busybox-static",
                        busybox.string());
    return fd;
}

Status copyBusybox(int sourceFd, int rootFd)
{
    auto target = fs::createFileInRoot(rootFd, "bin/busybox", 0755);
    if (!target)
        return std::unexpected(target.error());
    std::array<char, 65536> buf{};
    for (;;) {
        const ssize_t n = ::read(sourceFd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "copy busybox");
        if (n == 0)
            return {};
        if (auto ok = fs::writeAll(target->get(), {buf.data(), static_cast<size_t>(n)}); !ok)
            return std::unexpected(ok.error().wrap("copy busybox"));
    }
}

// "usr/bin/wget" -> ("usr/bin", "wget"), refusing anything outside kAppletDirs.
Result<std::pair<std::string_view, std::string_view>> splitApplet(std::string_view line)
{
    const size_t slash = line.rfind('/');
    if (slash != std::string_view::npos) {
        const std::string_view dir = line.substr(0, slash), name = line.substr(slash + 1);
        if (std::ranges::find(kAppletDirs, dir) != kAppletDirs.end() && !name.empty() && name != "." && name != "..")
            return std::pair{dir, name};
    }
    return failWith(EINVAL, "unexpected applet path " + inQuotes(line) + " in 'busybox --list-full'");
}

Status linkApplet(int rootFd, std::map<std::string, UniqueFd, std::less<>>& dirs, std::string_view line)
{
    // "linuxrc" (an initrd's init) is the one applet at the top level; a
    // container has no use for it.
    if (line == "linuxrc")
        return {};
    // Top-level applets (linuxrc, the initramfs init) have no use in a container.
    if (line.find('/') == std::string_view::npos)
        return {};
    auto applet = splitApplet(line);
    if (!applet)
        return std::unexpected(applet.error());
    const auto [dir, name] = *applet;
    if (dir == "bin" && name == "busybox")
        return {};
    auto it = dirs.find(dir);
    if (it == dirs.end()) {
        auto fd = fs::openInRoot(rootFd, dir, O_PATH | O_DIRECTORY);
        if (!fd)
            return std::unexpected(fd.error());
        it = dirs.emplace(std::string(dir), std::move(*fd)).first;
    }
    if (::symlinkat("/bin/busybox", it->second.get(), std::string(name).c_str()) != 0 && errno != EEXIST)
        return failErrno(errno, "link applet " + inQuotes(line));
    return {};
}

Status linkApplets(int rootFd, const std::filesystem::path& busybox)
{
    auto list = runAndCapture({busybox.string(), "--list-full"});
    if (!list)
        return std::unexpected(list.error().wrap("list the applets of busybox"));
    std::map<std::string, UniqueFd, std::less<>> dirs;
    std::string_view rest = *list;
    while (!rest.empty()) {
        const size_t end = std::min(rest.find('\n'), rest.size());
        const std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (!line.empty())
            if (auto ok = linkApplet(rootFd, dirs, line); !ok)
                return ok;
    }
    return {};
}

Status writeFiles(int rootFd, const BusyboxOptions& options)
{
    struct FileSpec {
        const char* path;
        std::string content;
        mode_t mode;
    };
    const std::array files{
        FileSpec{"etc/passwd", busyboxPasswd(), 0644},
        FileSpec{"etc/group", busyboxGroup(), 0644},
        FileSpec{"etc/shadow", busyboxShadow(), 0640},
        FileSpec{"etc/hostname", options.hostname + "\n", 0644},
        FileSpec{"etc/hosts", busyboxHosts(options.hostname), 0644},
        FileSpec{"etc/inittab", busyboxInittab(options.ttys), 0644},
        FileSpec{"etc/init.d/rcS", busyboxRcS(), 0755},
        FileSpec{"etc/profile", busyboxProfile(), 0644},
        FileSpec{"etc/resolv.conf", std::string(), 0644},
        FileSpec{"usr/share/udhcpc/default.script", udhcpcScript(), 0755},
    };
    for (const FileSpec& file : files)
        if (auto ok = writeInRoot(rootFd, file.path, file.content, file.mode); !ok)
            return ok;
    // mount(8) and df read it; the kernel's list is the truth in a container.
    auto etc = fs::openInRoot(rootFd, "etc", O_PATH | O_DIRECTORY);
    if (!etc)
        return std::unexpected(etc.error());
    if (::symlinkat("/proc/self/mounts", etc->get(), "mtab") != 0 && errno != EEXIST)
        return failErrno(errno, "link 'etc/mtab'");
    return {};
}

Result<UniqueFd> openRootfs(const std::filesystem::path& rootfs)
{
    if (::mkdir(rootfs.c_str(), 0755) != 0 && errno != EEXIST)
        return failErrno(errno, "create rootfs " + inQuotes(rootfs.string()));
    UniqueFd fd(::open(rootfs.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd || ::fchmod(fd.get(), 0755) != 0)
        return failErrno(errno, "open rootfs " + inQuotes(rootfs.string()));
    return fd;
}

} // namespace

Status buildBusyboxRootfs(const std::filesystem::path& rootfs, const BusyboxOptions& options)
{
    if (auto ok = validateHostname(options.hostname); !ok)
        return ok;
    auto busybox = openStaticBusybox(options.busybox);
    if (!busybox)
        return std::unexpected(busybox.error());
    auto root = openRootfs(rootfs);
    if (!root)
        return std::unexpected(root.error());
    Status built = makeDirs(root->get());
    if (built)
        built = copyBusybox(busybox->get(), root->get());
    if (built)
        built = linkApplets(root->get(), options.busybox);
    if (built)
        built = writeFiles(root->get(), options);
    if (!built)
        return std::unexpected(built.error().wrap("build busybox rootfs " + inQuotes(rootfs.string())));
    return {};
}

} // namespace berth::templates
