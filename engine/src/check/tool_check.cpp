#include "check/check_groups.h"
#include "fs/host_files.h"

#include "berth/unique_fd.h"
#include "template/debootstrap_command.h"
#include "template/static_elf.h"

#include <array>
#include <cerrno>
#include <system_error>

#include <fcntl.h>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

constexpr std::string_view kSearched = "not found in /usr/sbin, /usr/bin, /sbin or /bin";

// Library directories, plain and multiarch (usr/lib/x86_64-linux-gnu, ...).
std::vector<stdfs::path> libraryDirs(const stdfs::path& root)
{
    std::vector<stdfs::path> dirs;
    for (const char* base : {"usr/lib", "lib", "usr/lib64", "lib64"}) {
        const stdfs::path dir = underRoot(root, base);
        dirs.push_back(dir);
        std::error_code ec;
        for (const stdfs::directory_entry& entry : stdfs::directory_iterator(dir, ec))
            if (entry.path().filename().string().find("-linux-") != std::string::npos)
                dirs.push_back(entry.path());
    }
    return dirs;
}

std::optional<stdfs::path> findLibrary(const stdfs::path& root, std::string_view soname)
{
    std::error_code ec;
    for (const stdfs::path& dir : libraryDirs(root))
        if (stdfs::exists(dir / soname, ec))
            return dir / soname;
    return std::nullopt;
}

// Berth talks to nftables through libnftables; the nft program serves too.
CheckItem nftablesItem(const stdfs::path& root)
{
    std::vector<std::string> found;
    if (std::optional<stdfs::path> lib = findLibrary(root, "libnftables.so.1"))
        found.push_back(displayPath(root, *lib));
    if (std::optional<stdfs::path> nft = findProgram(root, "nft"))
        found.push_back(displayPath(root, *nft));
    if (found.empty())
        return makeItem("tool.nftables", CheckStatus::Missing, "neither libnftables.so.1 nor nft found");
    std::string detail = found[0];
    for (size_t i = 1; i < found.size(); ++i)
        detail += ", " + found[i];
    return makeItem("tool.nftables", CheckStatus::Ok, std::move(detail));
}

CheckItem programItem(const stdfs::path& root, std::string_view id, std::string_view name)
{
    if (std::optional<stdfs::path> path = findProgram(root, name))
        return makeItem(id, CheckStatus::Ok, displayPath(root, *path));
    return makeItem(id, CheckStatus::Missing, std::string(name) + " " + std::string(kSearched));
}

// debootstrap, and what the templates verify its downloads with: gpgv and
// each distribution's archive keyring (a build without them is refused).
CheckItem debootstrapItem(const stdfs::path& root)
{
    CheckItem item = programItem(root, "tool.debootstrap", "debootstrap");
    if (item.status != CheckStatus::Ok)
        return item;
    std::error_code ec;
    if (!stdfs::exists(underRoot(root, "usr/bin/gpgv"), ec))
        return makeItem("tool.debootstrap", CheckStatus::Missing,
                        item.detail + "; gpgv is missing (install gpgv): no archive signature can be checked");
    std::string missing;
    for (const auto& [distro, package] :
         {std::pair{"debian", "debian-archive-keyring"}, {"ubuntu", "ubuntu-keyring"}}) {
        const std::string keyring = templates::defaultKeyring(distro);
        if (!stdfs::exists(underRoot(root, keyring.substr(1)), ec))
            missing +=
                "; " + keyring + " is missing (install " + package + "): the " + distro + " template refuses to build";
    }
    return missing.empty() ? item : makeItem("tool.debootstrap", CheckStatus::Limited, item.detail + missing);
}

CheckItem busyboxItem(const stdfs::path& root)
{
    const stdfs::path path = underRoot(root, "bin/busybox");
    const std::string shown = displayPath(root, path);
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC));
    if (!fd)
        return makeItem("tool.busybox", CheckStatus::Missing, shown + ": " + std::generic_category().message(errno));
    Result<bool> isStatic = templates::isStaticElf(fd.get());
    if (!isStatic)
        return makeItem("tool.busybox", CheckStatus::Missing, shown + ": " + isStatic.error().describe());
    if (!*isStatic)
        return makeItem("tool.busybox", CheckStatus::Limited, shown + " is dynamically linked: install busybox-static");
    return makeItem("tool.busybox", CheckStatus::Ok, shown);
}

} // namespace

CheckGroup checkTools(const stdfs::path& root)
{
    CheckGroup group = makeGroup("tool");
    group.items.push_back(nftablesItem(root));
    group.items.push_back(programItem(root, "tool.dnsmasq", "dnsmasq"));
    group.items.push_back(debootstrapItem(root));
    group.items.push_back(busyboxItem(root));
    return group;
}

} // namespace berth::check
