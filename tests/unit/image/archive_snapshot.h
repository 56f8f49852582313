// A text description of every entry of a tree, to compare a tree with its
// exported and re-extracted copy.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

namespace archive_test {

inline std::string xattrsOf(const std::filesystem::path& p)
{
    char names[4096];
    const ssize_t len = ::llistxattr(p.c_str(), names, sizeof names);
    std::map<std::string, std::string> values;
    for (ssize_t pos = 0; len > 0 && pos < len;) {
        const std::string name(names + pos);
        char value[4096];
        const ssize_t n = ::lgetxattr(p.c_str(), name.c_str(), value, sizeof value);
        values[name] = n >= 0 ? std::string(value, static_cast<size_t>(n)) : "?";
        pos += static_cast<ssize_t>(name.size()) + 1;
    }
    std::string out;
    for (const auto& [k, v] : values)
        out += " " + k + "=" + v;
    return out;
}

inline std::string describe(const std::filesystem::path& p)
{
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0)
        return "missing";
    std::ostringstream out;
    out << std::oct << st.st_mode << std::dec << " " << st.st_uid << ":" << st.st_gid << " nlink=" << st.st_nlink
        << " mtime=" << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec;
    if (S_ISREG(st.st_mode)) {
        std::ifstream in(p, std::ios::binary);
        out << " size=" << st.st_size << " data=" << std::string(std::istreambuf_iterator<char>(in), {});
    }
    if (S_ISLNK(st.st_mode))
        out << " -> " << std::filesystem::read_symlink(p).string();
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        out << " rdev=" << major(st.st_rdev) << "," << minor(st.st_rdev);
    // Directory mtimes change when entries are added; they are compared too
    // because extraction applies them last.
    out << xattrsOf(p);
    return out.str();
}

inline std::map<std::string, std::string> snapshot(const std::filesystem::path& root)
{
    std::map<std::string, std::string> tree{{".", describe(root)}};
    for (auto it = std::filesystem::recursive_directory_iterator(root);
         it != std::filesystem::recursive_directory_iterator(); ++it)
        tree[std::filesystem::relative(it->path(), root).string()] = describe(it->path());
    return tree;
}

} // namespace archive_test
