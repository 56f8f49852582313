#include "berth/model/shared_folder.h"

#include "text_fields.h"

#include <optional>
#include <vector>

namespace berth::model {

namespace {

using detail::parseId;
using detail::words;

constexpr std::string_view kEscaped = " \t\n\\";
constexpr std::string_view kCodes[] = {"\\040", "\\011", "\\012", "\\134"};

std::string escape(std::string_view path)
{
    std::string out;
    for (char c : path) {
        const auto which = kEscaped.find(c);
        if (which == std::string_view::npos)
            out += c;
        else
            out += kCodes[which];
    }
    return out;
}

std::expected<std::string, std::string> unescape(std::string_view field)
{
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out += field[i];
            continue;
        }
        bool known = false;
        for (std::size_t k = 0; k < kEscaped.size() && !known; ++k) {
            if (field.substr(i, 4) == kCodes[k]) {
                out += kEscaped[k];
                i += 3;
                known = true;
            }
        }
        if (!known)
            return std::unexpected("'\\' must start \\040, \\011, \\012 or \\134");
    }
    return out;
}

// Each component of an absolute path: "" for "//", "." and ".." as they are.
std::vector<std::string_view> components(std::string_view path)
{
    std::vector<std::string_view> out;
    path.remove_prefix(1);
    while (!path.empty()) {
        const auto slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

struct Options {
    std::optional<std::uint32_t> ownerUid, ownerGid, uid, gid;
};

std::optional<std::string> readOption(std::string_view word, Options& options)
{
    const auto equals = word.find('=');
    const std::string_view key = word.substr(0, equals);
    const std::string_view value = equals == std::string_view::npos ? std::string_view{} : word.substr(equals + 1);
    if (key == "owner") {
        const auto colon = value.find(':');
        if (colon == std::string_view::npos)
            return "owner must be UID:GID";
        options.ownerUid = parseId(value.substr(0, colon));
        options.ownerGid = parseId(value.substr(colon + 1));
        if (!options.ownerUid || !options.ownerGid)
            return "owner must be UID:GID, whole numbers";
        return std::nullopt;
    }
    std::optional<std::uint32_t>* const slot = key == "uid" ? &options.uid : key == "gid" ? &options.gid : nullptr;
    if (!slot)
        return "unknown option '" + std::string(key) + "' (owner=, uid= and gid= are known)";
    *slot = parseId(value);
    if (!*slot)
        return std::string(key) + " must be a whole number";
    return std::nullopt;
}

} // namespace

std::expected<std::string, std::string> normalizeShareTarget(std::string_view target)
{
    std::vector<std::string_view> kept;
    std::string_view rest = target;
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (part.empty() || part == ".")
            continue;
        if (part == "..") {
            if (kept.empty())
                return std::unexpected("the target '" + std::string(target) +
                                       "' climbs out of the container with '..'");
            kept.pop_back();
            continue;
        }
        kept.push_back(part);
    }
    if (kept.empty())
        return std::unexpected("the target '" + std::string(target) + "' is the container's root itself");
    for (std::string_view own : {"proc", "sys", "dev"})
        if (kept.front() == own)
            return std::unexpected("the target '" + std::string(target) + "' is in the container's own /" +
                                   std::string(own) + ", which Berth mounts");
    std::string out;
    for (std::string_view part : kept)
        (out += '/') += part;
    return out;
}

std::expected<std::string, std::string> checkShareHostPath(std::string_view path)
{
    const std::string quoted = "'" + std::string(path) + "'";
    if (!path.starts_with('/'))
        return std::unexpected("the folder " + quoted + " is not an absolute path");
    if (path == "/")
        return std::unexpected("the host's root directory cannot be shared");
    for (std::string_view part : components(path))
        if (part.empty() || part == "." || part == "..")
            return std::unexpected("the folder " + quoted + " is not a normalized path (no '.', '..' or '//')");
    return std::string(path);
}

std::expected<SharedFolder, std::string> parseSharedFolder(std::string_view value)
{
    const std::vector<std::string_view> fields = words(value);
    if (fields.size() < 2)
        return std::unexpected("expected 'HOSTDIR TARGET owner=UID:GID uid=UID gid=GID'");
    SharedFolder share;
    auto host = unescape(fields[0]);
    if (!host)
        return std::unexpected(host.error());
    auto hostPath = checkShareHostPath(*host);
    if (!hostPath)
        return std::unexpected(hostPath.error());
    auto target = unescape(fields[1]);
    if (!target)
        return std::unexpected(target.error());
    auto normal = normalizeShareTarget(*target);
    if (!normal)
        return std::unexpected(normal.error());
    Options options;
    for (std::size_t i = 2; i < fields.size(); ++i)
        if (auto problem = readOption(fields[i], options))
            return std::unexpected(*problem);
    if (!options.ownerUid || !options.uid || !options.gid)
        return std::unexpected("owner=UID:GID, uid= and gid= are all needed");
    return SharedFolder{*hostPath, *normal, *options.ownerUid, *options.ownerGid, *options.uid, *options.gid};
}

std::string formatSharedFolder(const SharedFolder& share)
{
    return escape(share.hostPath) + ' ' + escape(share.target) + " owner=" + std::to_string(share.ownerUid) + ':' +
           std::to_string(share.ownerGid) + " uid=" + std::to_string(share.insideUid) +
           " gid=" + std::to_string(share.insideGid);
}

} // namespace berth::model
