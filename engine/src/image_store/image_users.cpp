#include "image_store/image_users.h"

#include "berth/names.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"

#include <algorithm>
#include <cerrno>
#include <optional>

#include <fcntl.h>

namespace berth::image_store {

namespace {

namespace stdfs = std::filesystem;

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// The last value of `key` in LXC's "key = value" lines, as the config
// reader takes it.
std::optional<std::string> lastValue(std::string_view text, std::string_view key)
{
    std::optional<std::string> value;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        const std::size_t eq = line.find('=');
        if (eq != std::string_view::npos && trim(line.substr(0, eq)) == key)
            value = std::string(trim(line.substr(eq + 1)));
    }
    return value;
}

// Lowers of "overlay:L1:L2:...:UPPER" (or "overlayfs:") that are layers of the store.
std::set<std::string> storeLayers(std::string_view rootfs, const stdfs::path& layersDir)
{
    std::set<std::string> layers;
    for (std::string_view prefix : {"overlay:", "overlayfs:"})
        if (rootfs.starts_with(prefix)) {
            rootfs.remove_prefix(prefix.size());
            break;
        }
    const std::string layersPrefix = layersDir.string() + "/";
    while (!rootfs.empty()) {
        const std::size_t colon = rootfs.find(':');
        const std::string_view part = rootfs.substr(0, colon);
        rootfs = colon == std::string_view::npos ? std::string_view() : rootfs.substr(colon + 1);
        if (part.starts_with(layersPrefix) && part.find('/', layersPrefix.size()) == std::string_view::npos)
            layers.insert(std::string(part.substr(layersPrefix.size())));
    }
    return layers;
}

// ".staging-<name>-<random>" is a creation of <name> in progress.
std::optional<std::string> containerOf(const std::string& entry)
{
    if (entry.starts_with(".staging-")) {
        const std::size_t dash = entry.rfind('-');
        const std::string name = entry.substr(9, dash > 9 ? dash - 9 : 0);
        return isValidContainerName(name) ? std::optional(name) : std::nullopt;
    }
    return isValidContainerName(entry) ? std::optional(entry) : std::nullopt;
}

std::optional<StoreUser> userOf(int containersFd, const std::string& entry, const std::string& name,
                                const stdfs::path& layersDir)
{
    UniqueFd fd(::openat(containersFd, (entry + "/config").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return std::nullopt;
    auto text = fs::readAll(fd.get(), std::size_t{4} << 20);
    if (!text)
        return std::nullopt;
    StoreUser user{name, lastValue(*text, "berth.image.id").value_or(""), {}};
    user.layers = storeLayers(lastValue(*text, "lxc.rootfs.path").value_or(""), layersDir);
    if (user.layers.empty())
        return std::nullopt;
    return user;
}

} // namespace

Result<std::vector<StoreUser>> storeUsers(const Paths& paths)
{
    const stdfs::path dir = paths.containersDir();
    UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dirFd && errno == ENOENT)
        return std::vector<StoreUser>();
    if (!dirFd)
        return failErrno(errno, "open " + dir.string());
    auto entries = fs::listDirectory(dirFd.get());
    if (!entries)
        return fail(entries.error().wrap("list containers"));
    std::vector<StoreUser> users;
    const stdfs::path layersDir = paths.imagesDir() / "layers";
    for (const std::string& entry : *entries)
        if (auto name = containerOf(entry))
            if (auto user = userOf(dirFd.get(), entry, *name, layersDir))
                users.push_back(std::move(*user));
    std::ranges::sort(users, {}, &StoreUser::container);
    return users;
}

std::vector<std::string> usersOf(const std::vector<StoreUser>& users, const std::string& id)
{
    std::vector<std::string> names;
    for (const StoreUser& user : users)
        if (user.imageId == id && std::ranges::find(names, user.container) == names.end())
            names.push_back(user.container);
    return names;
}

} // namespace berth::image_store
