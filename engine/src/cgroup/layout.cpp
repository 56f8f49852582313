#include "cgroup/layout.h"

#include "cgroup/cgroup_file.h"

#include <algorithm>
#include <array>
#include <set>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

// Super options of a v1 mount mix controllers with flags (rw, xattr,
// clone_children, release_agent=...): only these names are controllers.
constexpr std::array kV1Controllers{
    "blkio",  "cpu",  "cpuacct", "cpuset",   "debug",      "devices", "freezer", "hugetlb",
    "memory", "misc", "net_cls", "net_prio", "perf_event", "pids",    "rdma",
};

struct MountEntry {
    std::string devno;
    fs::path mountPoint;
    std::string fsType;
    std::string superOptions;
};

// Mount points escape space, tab, newline and backslash as \ooo.
std::string unescapeOctal(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool octal = text[i] == '\\' && i + 3 < text.size() &&
                           std::all_of(text.begin() + static_cast<long>(i) + 1, text.begin() + static_cast<long>(i) + 4,
                                       [](char c) { return c >= '0' && c <= '7'; });
        if (!octal) {
            out.push_back(text[i]);
            continue;
        }
        out.push_back(static_cast<char>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 + (text[i + 3] - '0')));
        i += 3;
    }
    return out;
}

// "id parent major:minor root mountpoint options [optional...] - fstype source superoptions"
Result<MountEntry> parseMountLine(std::string_view line, size_t lineNo)
{
    const std::vector<std::string> fields = split(line, " ");
    const auto dash = std::find(fields.begin(), fields.end(), "-");
    if (fields.size() < 6 || dash == fields.end() || dash - fields.begin() < 6 || fields.end() - dash < 4)
        return failWith(EINVAL, "malformed mountinfo line " + std::to_string(lineNo),
                        "mountinfo:" + std::to_string(lineNo));
    return MountEntry{fields[2], unescapeOctal(fields[4]), *(dash + 1), *(dash + 3)};
}

Hierarchy legacyHierarchy(const MountEntry& mount)
{
    Hierarchy h;
    h.mountPoint = mount.mountPoint;
    for (const std::string& option : split(mount.superOptions, ",")) {
        if (option.starts_with("name="))
            h.name = option.substr(5);
        else if (std::find(kV1Controllers.begin(), kV1Controllers.end(), option) != kV1Controllers.end())
            h.controllers.push_back(option);
    }
    return h;
}

Result<Hierarchy> unifiedHierarchy(const MountEntry& mount, const fs::path& root)
{
    Hierarchy h;
    h.mountPoint = root / mount.mountPoint.relative_path();
    h.unified = true;
    Result<std::string> controllers = readFile(h.mountPoint / "cgroup.controllers");
    if (!controllers)
        return std::unexpected(controllers.error().wrap("cgroup2 controllers"));
    h.controllers = split(*controllers);
    return h;
}

Mode decideMode(const Layout& layout)
{
    const bool v1Controllers = std::any_of(layout.legacy.begin(), layout.legacy.end(),
                                           [](const Hierarchy& h) { return !h.controllers.empty(); });
    if (!v1Controllers)
        return Mode::Unified;
    return layout.unified ? Mode::Hybrid : Mode::Legacy;
}

// Adds one cgroup mount; a hierarchy mounted twice (same device) counts once.
Status addMount(Layout& layout, std::set<std::string>& seen, const MountEntry& mount, const fs::path& root)
{
    if (!seen.insert(mount.devno).second)
        return {};
    if (mount.fsType == "cgroup") {
        Hierarchy h = legacyHierarchy(mount);
        h.mountPoint = root / mount.mountPoint.relative_path();
        layout.legacy.push_back(std::move(h));
        return {};
    }
    Result<Hierarchy> h = unifiedHierarchy(mount, root);
    if (!h)
        return std::unexpected(std::move(h.error()));
    if (!layout.unified)
        layout.unified = std::move(*h);
    return {};
}

} // namespace

bool Hierarchy::has(std::string_view controller) const
{
    return std::find(controllers.begin(), controllers.end(), controller) != controllers.end();
}

std::vector<Hierarchy> Layout::placementHierarchies() const
{
    std::vector<Hierarchy> all = legacy;
    if (unified)
        all.push_back(*unified);
    return all;
}

const char* modeName(Mode mode)
{
    switch (mode) {
    case Mode::Unified:
        return "unified";
    case Mode::Legacy:
        return "legacy";
    case Mode::Hybrid:
        return "hybrid";
    }
    return "unknown";
}

Result<Layout> detectLayout(const fs::path& mountinfo, const fs::path& root)
{
    Result<std::string> text = readFile(mountinfo);
    if (!text)
        return std::unexpected(std::move(text.error()));
    Layout layout;
    std::set<std::string> seen;
    size_t lineNo = 0;
    for (const std::string& line : split(*text, "\n")) {
        Result<MountEntry> mount = parseMountLine(line, ++lineNo);
        if (!mount)
            return std::unexpected(std::move(mount.error()));
        if (mount->fsType != "cgroup" && mount->fsType != "cgroup2")
            continue;
        if (Status added = addMount(layout, seen, *mount, root); !added)
            return std::unexpected(std::move(added.error()));
    }
    if (layout.legacy.empty() && !layout.unified)
        return failWith(ENOENT, "no cgroup hierarchy is mounted", mountinfo.string());
    layout.mode = decideMode(layout);
    return layout;
}

} // namespace berth::cgroup
