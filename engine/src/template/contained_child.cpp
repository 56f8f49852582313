#include "template/contained_child.h"

#include "runtime/loopback.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <grp.h>
#include <linux/openat2.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::templates {

namespace {

// The host devices a stage may use, bound onto empty files of /dev's tmpfs.
// No tty: the stage may run in the session of a terminal (tests, berthctl
// run by hand), and /dev/tty would reach it.
constexpr const char* kDevices[] = {"null", "zero", "full", "random", "urandom"};
constexpr const char* kDevLinks[][2] = {{"/proc/self/fd", "fd"},
                                        {"/proc/self/fd/0", "stdin"},
                                        {"/proc/self/fd/1", "stdout"},
                                        {"/proc/self/fd/2", "stderr"},
                                        {"pts/ptmx", "ptmx"}};

// A fixed buffer: nothing here may allocate.
struct Text {
    char data[192] = {};
    std::size_t size = 0;
    Text& operator<<(const char* s)
    {
        while (*s && size + 1 < sizeof(data))
            data[size++] = *s++;
        return *this;
    }
    Text& operator<<(unsigned long n)
    {
        char digits[24];
        std::size_t count = 0;
        do {
            digits[count++] = static_cast<char>('0' + n % 10);
            n /= 10;
        } while (n && count < sizeof(digits));
        while (count && size + 1 < sizeof(data))
            data[size++] = digits[--count];
        return *this;
    }
};

Text fdPath(int fd)
{
    Text path;
    path << "/proc/self/fd/" << static_cast<unsigned long>(fd);
    return path;
}

// Prints what failed as an "E: " line, which the caller's parser takes for
// the error message, and gives the status to exit with.
int failed(const char* what)
{
    const int err = errno;
    Text line;
    line << "E: contained stage: " << what << ": " << ::strerrordesc_np(err) << "\n";
    (void)!::write(2, line.data, line.size);
    return 125;
}

// Below dirFd, never through a symlink: the tree is the target's.
int openBelow(int dirFd, const char* name, int flags)
{
    open_how how{};
    how.flags = static_cast<std::uint64_t>(flags | O_CLOEXEC);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    return static_cast<int>(::syscall(SYS_openat2, dirFd, name, &how, sizeof(how)));
}

bool bindDevice(int devFd, const char* name)
{
    const int file = ::openat(devFd, name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (file < 0)
        return false;
    Text source;
    source << "/dev/" << name;
    const bool bound = ::mount(source.data, fdPath(file).data, nullptr, MS_BIND, nullptr) == 0;
    ::close(file);
    return bound;
}

// A tmpfs over the target's /dev (its own nodes, made by the first stage,
// stay unused) with the host's harmless devices bound in.
int setupDev(const ContainedChild& child)
{
    const int below = openBelow(child.treeFd, "dev", O_PATH | O_DIRECTORY);
    if (below < 0)
        return failed("open the target's /dev");
    const int mounted = ::mount("tmpfs", fdPath(below).data, "tmpfs", MS_NOSUID | MS_NOEXEC, child.devTmpfsOptions);
    ::close(below);
    if (mounted != 0)
        return failed("mount a tmpfs on /dev");
    const int dev = openBelow(child.treeFd, "dev", O_RDONLY | O_DIRECTORY);
    if (dev < 0)
        return failed("open /dev");
    for (const char* name : kDevices)
        if (!bindDevice(dev, name))
            return ::close(dev), failed("bind a device into /dev");
    for (const auto& link : kDevLinks)
        if (::symlinkat(link[0], dev, link[1]) != 0)
            return ::close(dev), failed("link in /dev");
    if (::mkdirat(dev, "pts", 0755) != 0 || ::mkdirat(dev, "shm", 01777) != 0)
        return ::close(dev), failed("make /dev/pts and /dev/shm");
    ::close(dev);
    return 0;
}

// Root of the user namespace: host IDs kStageIdBase.., no supplementary groups.
int enterUserNamespace(const ContainedChild& child)
{
    if (::setns(child.usernsFd, CLONE_NEWUSER) != 0)
        return failed("enter the stage's user namespace");
    if (::syscall(SYS_setgroups, 0, nullptr) != 0 || ::syscall(SYS_setresgid, 0, 0, 0) != 0 ||
        ::syscall(SYS_setresuid, 0, 0, 0) != 0)
        return failed("become root of the stage's user namespace");
    return 0;
}

// The tree of the current directory, copied into this mount namespace:
// the copy made by unshare is locked (it came from a more privileged
// namespace) and pivot_root refuses locked mounts; a clone is not.
int remountTreeHere()
{
    const int clone = static_cast<int>(::open_tree(AT_FDCWD, ".", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE));
    if (clone < 0)
        return -1;
    if (::move_mount(clone, "", AT_FDCWD, ".", MOVE_MOUNT_F_EMPTY_PATH) != 0)
        return ::close(clone), -1;
    return clone;
}

// The stage's /proc, mounted while still host root: the pid namespace (of
// which this process is pid 1) belongs to the host's user namespace.
int mountProc(const ContainedChild& child)
{
    const int proc = openBelow(child.treeFd, "proc", O_PATH | O_DIRECTORY);
    if (proc < 0)
        return failed("open the target's /proc");
    const int mounted = ::mount("proc", fdPath(proc).data, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr);
    ::close(proc);
    return mounted == 0 ? 0 : failed("mount /proc");
}

// Loopback, hostname, pivot_root, confinement, exec.
int execInTree(const ContainedChild& child, int root, char* const* argv, char* const* envp)
{
    if (auto lo = runtime::bringUpLoopback(); !lo) {
        errno = lo.error().code;
        return failed("bring up lo");
    }
    if (::sethostname(child.hostname, child.hostnameLength) != 0)
        return failed("set the hostname");
    if (::fchdir(root) != 0 || ::syscall(SYS_pivot_root, ".", ".") != 0 || ::umount2(".", MNT_DETACH) != 0 ||
        ::chdir("/") != 0)
        return failed("pivot_root into the target");
    if (int err = security::setNoNewPrivs(); err != 0)
        return errno = err, failed("set no_new_privs");
    if (int err = security::applySeccomp(*child.seccomp); err != 0)
        return errno = err, failed("load the seccomp filter");
    ::execve(argv[0], argv, envp);
    return failed("run the stage's program");
}

} // namespace

int runContainedChild(const ContainedChild& child, char* const* argv, char* const* envp)
{
    if (::move_mount(child.treeFd, "", AT_FDCWD, child.target, MOVE_MOUNT_F_EMPTY_PATH) != 0)
        return failed("attach the idmapped tree");
    if (int done = setupDev(child); done != 0)
        return done;
    if (int done = mountProc(child); done != 0)
        return done;
    // Held across unshare(): the working directory follows into the new
    // mount namespace, where no host path may be walked (its directories
    // belong to IDs the namespace does not map).
    if (::fchdir(child.treeFd) != 0)
        return failed("enter the tree");
    if (int entered = enterUserNamespace(child); entered != 0)
        return entered;
    // Changing credentials cleared it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNET) != 0)
        return failed("create the stage's namespaces");
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return failed("make mounts private");
    const int root = remountTreeHere();
    if (root < 0)
        return failed("mount the tree in the stage's namespace");
    return execInTree(child, root, argv, envp);
}

} // namespace berth::templates
