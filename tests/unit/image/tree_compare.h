// Test helper: compares two directory trees entry by entry (types, modes,
// owners, mtimes, sizes, contents, symlink targets, device numbers, link
// counts, xattrs) and lists every difference. Header-only, shared by the
// unit and integration tests of the image module.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/xattr.h>

namespace berth::test {

inline std::string readWhole(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::map<std::string, std::string> xattrsOf(const std::filesystem::path& p)
{
    std::map<std::string, std::string> out;
    std::vector<char> names(65536);
    const ssize_t n = ::llistxattr(p.c_str(), names.data(), names.size());
    for (ssize_t pos = 0; n > 0 && pos < n;) {
        const std::string key(names.data() + pos);
        pos += static_cast<ssize_t>(key.size()) + 1;
        std::vector<char> value(65536);
        const ssize_t v = ::lgetxattr(p.c_str(), key.c_str(), value.data(), value.size());
        out[key] = v < 0 ? "<error>" : std::string(value.data(), static_cast<size_t>(v));
    }
    return out;
}

// Differences of one entry present on both sides.
inline void compareEntry(const std::filesystem::path& a, const std::filesystem::path& b, const std::string& rel,
                         bool topLevel, std::vector<std::string>& diffs)
{
    struct stat sa {
    }, sb{};
    if (::lstat(a.c_str(), &sa) != 0 || ::lstat(b.c_str(), &sb) != 0) {
        diffs.push_back(rel + ": cannot stat");
        return;
    }
    auto differ = [&](const char* what, auto x, auto y) {
        if (x != y) {
            std::ostringstream s;
            s << rel << ": " << what << " " << x << " != " << y;
            diffs.push_back(s.str());
        }
    };
    differ("mode", sa.st_mode, sb.st_mode);
    differ("uid", sa.st_uid, sb.st_uid);
    differ("gid", sa.st_gid, sb.st_gid);
    differ("mtime.sec", sa.st_mtim.tv_sec, sb.st_mtim.tv_sec);
    differ("mtime.nsec", sa.st_mtim.tv_nsec, sb.st_mtim.tv_nsec);
    if (!topLevel && !S_ISDIR(sa.st_mode))
        differ("nlink", sa.st_nlink, sb.st_nlink);
    if (S_ISCHR(sa.st_mode) || S_ISBLK(sa.st_mode))
        differ("rdev", sa.st_rdev, sb.st_rdev);
    if (S_ISREG(sa.st_mode)) {
        differ("size", sa.st_size, sb.st_size);
        if (readWhole(a) != readWhole(b))
            diffs.push_back(rel + ": contents differ");
    }
    if (S_ISLNK(sa.st_mode))
        differ("target", std::filesystem::read_symlink(a).string(), std::filesystem::read_symlink(b).string());
    if (xattrsOf(a) != xattrsOf(b))
        diffs.push_back(rel + ": xattrs differ");
}

// Every difference between trees a and b (empty when identical); the roots
// themselves are compared too.
inline std::vector<std::string> compareTrees(const std::filesystem::path& a, const std::filesystem::path& b)
{
    std::vector<std::string> diffs;
    compareEntry(a, b, ".", true, diffs);
    std::map<std::string, bool> names; // relative path -> present in b
    for (auto it = std::filesystem::recursive_directory_iterator(a); it != decltype(it)(); ++it)
        names[std::filesystem::relative(it->path(), a).string()] = false;
    for (auto it = std::filesystem::recursive_directory_iterator(b); it != decltype(it)(); ++it) {
        const std::string rel = std::filesystem::relative(it->path(), b).string();
        if (!names.contains(rel))
            diffs.push_back(rel + ": only in the copy");
        else
            names[rel] = true;
    }
    for (const auto& [rel, inB] : names) {
        if (!inB)
            diffs.push_back(rel + ": missing from the copy");
        else
            compareEntry(a / rel, b / rel, rel, false, diffs);
    }
    return diffs;
}

inline std::string joined(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& l : lines)
        out += l + "\n";
    return out;
}

} // namespace berth::test
