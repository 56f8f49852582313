#include "fs/idmapped_tree.h"

#include <fcntl.h>
#include <sys/mount.h>

namespace berth::fs {

Result<UniqueFd> idmappedTree(int rootFd, int usernsFd, const IdmappedTreeOptions& options)
{
    const unsigned flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | (options.recursive ? AT_RECURSIVE : 0);
    UniqueFd tree(::open_tree(rootFd, "", flags));
    if (!tree)
        return failErrno(errno, "clone the mount");
    mount_attr attr{};
    attr.attr_set = MOUNT_ATTR_IDMAP | options.extraAttributes;
    attr.userns_fd = static_cast<std::uint64_t>(usernsFd);
    const unsigned setFlags = AT_EMPTY_PATH | (options.recursive ? AT_RECURSIVE : 0);
    if (::mount_setattr(tree.get(), "", setFlags, &attr, sizeof(attr)) != 0)
        return failErrno(errno, "make an idmapped mount (the file system must support them)");
    return tree;
}

Result<UniqueFd> idmappedTree(const std::filesystem::path& root, int usernsFd, const IdmappedTreeOptions& options)
{
    UniqueFd dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open " + root.string());
    auto tree = idmappedTree(dir.get(), usernsFd, options);
    if (!tree)
        return fail(tree.error().wrap(root.string()));
    return tree;
}

} // namespace berth::fs
