#include "template/contained_stage.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"
#include "fs/idmapped_tree.h"
#include "security/capabilities.h"
#include "security/user_namespace.h"
#include "template/contained_child.h"
#include "template/debootstrap_run.h"

#include <charconv>
#include <csignal>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

// The stage's user namespace: 0..65535 inside is kStageIdBase.. outside.
Result<UniqueFd> makeStageUserns()
{
    return security::makeUserNamespace(model::blockIdMap(kStageIdBase));
}

// A detached copy of the mount at `root`, seen through the namespace's ID
// map, without device nodes or setuid.
Result<UniqueFd> idmappedTree(const fsys::path& root, int usernsFd)
{
    auto tree = fs::idmappedTree(root, usernsFd, {.extraAttributes = MOUNT_ATTR_NODEV | MOUNT_ATTR_NOSUID});
    if (!tree)
        return fail(tree.error().wrap("debootstrap's second stage needs a file system with idmapped mounts"));
    return tree;
}

// The third field of each line whose value falls in the block: its first field.
void collectInBlock(std::string_view text, std::vector<std::string>& out)
{
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        std::string_view fields[3];
        for (std::string_view& field : fields) {
            const std::size_t colon = line.find(':');
            field = line.substr(0, colon);
            line = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
        }
        std::uint64_t id = 0;
        const auto [ptr, ec] = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), id);
        if (ec == std::errc{} && ptr == fields[2].data() + fields[2].size() && !fields[2].empty() &&
            id >= kStageIdBase && id < std::uint64_t(kStageIdBase) + kStageIdCount)
            out.emplace_back(fields[0]);
    }
}

Result<std::string> readHostFile(const char* path)
{
    UniqueFd fd(::open(path, O_RDONLY | O_CLOEXEC));
    if (!fd)
        return errno == ENOENT ? Result<std::string>(std::string()) : failErrno(errno, std::string("open ") + path);
    return fs::readAll(fd.get(), std::size_t{64} << 20);
}

Status checkStageBlockUnused()
{
    auto passwd = readHostFile("/etc/passwd");
    auto group = readHostFile("/etc/group");
    if (!passwd || !group)
        return fail((passwd ? group : passwd).error());
    const std::vector<std::string> users = accountsInStageBlock(*passwd, *group);
    if (users.empty())
        return {};
    return failWith(EEXIST, "the host account or group '" + users.front() + "' has an ID in the block " +
                                std::to_string(kStageIdBase) + ".." + std::to_string(kStageIdBase + kStageIdCount - 1) +
                                " that Berth reserves for debootstrap's second stage");
}

// The mount points the stage needs, as directories: debootstrap's first
// stage makes proc a symlink to the host's /proc when it believes it runs
// in Docker (/.dockerenv), and its second stage would undo that itself.
Status ensureMountPoints(const fsys::path& root)
{
    UniqueFd dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open " + root.string());
    for (const char* name : {"proc", "dev"}) {
        struct stat st {};
        const bool exists = ::fstatat(dir.get(), name, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (exists && S_ISDIR(st.st_mode))
            continue;
        if (exists && ::unlinkat(dir.get(), name, 0) != 0)
            return failErrno(errno, "remove " + (root / name).string());
        if (::mkdirat(dir.get(), name, 0755) != 0)
            return failErrno(errno, "create " + (root / name).string());
    }
    return {};
}

} // namespace

std::vector<std::string> accountsInStageBlock(std::string_view passwd, std::string_view group)
{
    std::vector<std::string> out;
    collectInBlock(passwd, out);
    collectInBlock(group, out);
    return out;
}

Result<int> runContained(const fsys::path& root, const std::vector<std::string>& argv, const Progress& progress,
                         const std::function<void(std::string_view)>& onLine, const ContainedRunOptions& options)
{
    if (auto unused = checkStageBlockUnused(); !unused)
        return fail(unused.error());
    if (auto prepared = ensureMountPoints(root); !prepared)
        return fail(prepared.error());
    auto userns = makeStageUserns();
    if (!userns)
        return fail(userns.error());
    auto tree = idmappedTree(root, userns->get());
    if (!tree)
        return fail(tree.error());
    // Caps inside the user namespace only; the system set decides the filter.
    auto seccomp = security::buildDefaultSeccomp(
        ContainerKind::System, security::defaultCapabilities(ContainerKind::System), security::UserNamespace::Own);
    if (!seccomp)
        return fail(seccomp.error());
    const std::string target = root.string();
    const std::string devOptions =
        "mode=0755,size=1m,nr_inodes=64,uid=" + std::to_string(kStageIdBase) + ",gid=" + std::to_string(kStageIdBase);
    const ContainedChild child{.target = target.c_str(),
                               .treeFd = tree->get(),
                               .usernsFd = userns->get(),
                               .devTmpfsOptions = devOptions.c_str(),
                               .hostname = options.hostname.c_str(),
                               .hostnameLength = options.hostname.size(),
                               .seccomp = &*seccomp};
    // container=lxc: debootstrap then knows it cannot make device nodes
    // (its mount check would try) and uses the ones it finds.
    LoggedRunOptions run{
        .silenceLimit = options.silenceLimit,
        .privateMounts = true,
        .newPidNamespace = true,
        .extraEnvironment = {"container=lxc"},
        .childMain = [&child](char* const* args, char* const* envp) { return runContainedChild(child, args, envp); }};
    return runLogged(argv, progress, onLine, run);
}

} // namespace berth::templates
