#include "runtime/container_init.h"

#include "runtime/etc_files.h"
#include "runtime/fd_passing.h"
#include "runtime/guest_network.h"
#include "runtime/loopback.h"
#include "runtime/monitor_protocol.h"
#include "runtime/mount_util.h"
#include "runtime/overlay_mount.h"
#include "runtime/rootfs_setup.h"
#include "runtime/user_identity.h"

#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <linux/close_range.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char** environ;

namespace berth::runtime {

namespace {

// Host files the container takes, opened in the child's mount namespace
// while it still has the host's IDs: the test and state roots may be
// closed to others (0700), which the container's root is on the host.
struct HostHandles {
    UniqueFd rootfsDir;  // where the monitor's rootfs mount is attached
    UniqueFd initBinary; // berth-init, for application containers
    // Sent by the monitor with the go-ahead, for a container in its own
    // user namespace: detached mounts it could not make itself.
    UniqueFd rootfsMount; // see container_rootfs.h; invalid: bind the rootfs here
    UniqueFd sysfs;       // plan.autoMounts.sysFromMonitor
};

Result<HostHandles> openHostHandles(const LaunchPlan& plan)
{
    HostHandles handles;
    handles.rootfsDir.reset(::open(plan.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!handles.rootfsDir)
        return failErrno(errno, "open rootfs " + plan.rootfs.string());
    if (!plan.initBinary.empty()) {
        handles.initBinary.reset(::open(plan.initBinary.c_str(), O_PATH | O_CLOEXEC));
        if (!handles.initBinary)
            return failErrno(errno, "open " + plan.initBinary.string());
    }
    return handles;
}

// The go-ahead carries the rootfs mount when the monitor made one; a
// sysfs follows it when the plan says so.
Result<UniqueFd> receiveFromMonitor(int syncFd, std::string_view what)
{
    auto message = receiveMessage(syncFd);
    if (!message || message->text != what)
        return failWith(ECANCELED, "the monitor did not let the container start");
    return std::move(message->fd);
}

// Waited for even when the handles could not be opened: the failure is
// reported on syncFd, which the monitor reads after the go-ahead.
Status waitForGoAhead(const LaunchPlan& plan, int syncFd, HostHandles& handles)
{
    auto go = receiveFromMonitor(syncFd, "go");
    if (!go)
        return fail(go.error());
    handles.rootfsMount = std::move(*go);
    if (!plan.autoMounts.sysFromMonitor)
        return {};
    auto sysfs = receiveFromMonitor(syncFd, "sysfs");
    if (!sysfs)
        return fail(sysfs.error());
    handles.sysfs = std::move(*sysfs);
    return {};
}

Status bindInitBinary(int rootFd, const HostHandles& handles)
{
    if (!handles.initBinary)
        return {};
    if (auto dir = ensureDirInRoot(rootFd, "dev/.berth", 0755); !dir)
        return dir;
    if (auto file = ensureFileInRoot(rootFd, "dev/.berth/berth-init", 0755); !file)
        return file;
    return bindInRoot(rootFd, "dev/.berth/berth-init", fdPath(handles.initBinary.get()), false,
                      MS_RDONLY | MS_NOSUID | MS_NODEV);
}

Status mountEverything(int rootFd, const LaunchPlan& plan, const HostHandles& handles)
{
    if (auto s = mountProc(rootFd, plan.autoMounts.proc, !plan.network.hostNetwork); !s)
        return s;
    if (auto s = mountSys(rootFd, plan.autoMounts.sys, handles.sysfs.get()); !s)
        return s;
    if (auto s = setupDev(rootFd, plan.dev); !s)
        return s;
    if (auto s = applyMountEntries(rootFd, plan.mounts); !s)
        return s;
    if (auto s = attachSharedFolders(rootFd, plan.shares); !s)
        return s;
    if (auto s = mountCgroups(rootFd, plan.autoMounts.cgroup, plan.cgroupTrees); !s)
        return s;
    if (plan.autoMounts.proc != AutoMountPlan::Proc::None)
        if (auto s = maskProcPaths(rootFd); !s)
            return s;
    return bindInitBinary(rootFd, handles);
}

// An overlay rootfs's merged view (a snapshot's, an image container's),
// mounted in the container's own mount namespace only: it goes away with
// the container.
Status mountSnapshot(const image::OverlayLayout& layout)
{
    if (auto options = image::overlayMountOptions(layout); !options)
        return fail(options.error());
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_SLAVE, nullptr) != 0)
        return failErrno(errno, "make mounts private");
    auto overlay = overlayMount(layout, {}, 0);
    if (!overlay)
        return fail(overlay.error());
    if (::move_mount(overlay->get(), "", AT_FDCWD, layout.merged.c_str(), MOVE_MOUNT_F_EMPTY_PATH) != 0)
        return failErrno(errno, "mount the overlay on " + layout.merged.string());
    return {};
}

Status writeEtcFiles(int rootFd, const LaunchPlan& plan)
{
    if (auto written = writeHostFiles(rootFd, plan.hostname); !written)
        return written;
    if (!plan.network.resolvConf.empty())
        if (auto written = writeResolvConf(rootFd, plan.network.resolvConf); !written)
            return written;
    // A system container's own init brings its network up; an application
    // container's address was set above (configureInsideContainer).
    if (plan.initBinary.empty())
        return writeGuestNetwork(rootFd, plan.network);
    return {};
}

// The monitor's mount (idmapped tree or overlay), or the rootfs bound
// onto itself; a privileged snapshot is mounted here first.
Result<UniqueFd> setUpRootfs(const LaunchPlan& plan, HostHandles& handles)
{
    if (handles.rootfsMount)
        return attachRootfs(std::move(handles.rootfsMount), handles.rootfsDir.get());
    // Shifted on disk: bound as it is, through the handle (its path may
    // cross directories the container's root cannot enter).
    if (plan.ownUserNamespace() && !plan.overlay) {
        auto tree = cloneTree(handles.rootfsDir.get());
        if (!tree)
            return fail(tree.error());
        return attachRootfs(std::move(*tree), handles.rootfsDir.get());
    }
    if (plan.overlay)
        if (auto merged = mountSnapshot(*plan.overlay); !merged)
            return fail(merged.error());
    return prepareRootfs(plan.rootfs);
}

Status enterRoot(const LaunchPlan& plan, HostHandles& handles)
{
    if (::unshare(CLONE_NEWCGROUP) != 0)
        return failErrno(errno, "enter a new cgroup namespace");
    if (!plan.network.hostNetwork) {
        if (auto lo = bringUpLoopback(); !lo)
            return lo;
        if (auto links = configureInsideContainer(plan.network); !links)
            return links;
    }
    auto rootFd = setUpRootfs(plan, handles);
    if (!rootFd)
        return fail(rootFd.error());
    if (auto mounted = mountEverything(rootFd->get(), plan, handles); !mounted)
        return mounted;
    if (plan.readOnlyRoot) {
        if (auto ro = remountReadOnly(rootFd->get()); !ro)
            return ro;
    } else if (auto written = writeEtcFiles(rootFd->get(), plan); !written) {
        return written;
    }
    if (auto pivoted = pivotInto(rootFd->get()); !pivoted)
        return pivoted;
    if (::sethostname(plan.hostname.data(), plan.hostname.size()) != 0)
        return failErrno(errno, "set hostname");
    return {};
}

Status takeConsole()
{
    if (::setsid() < 0)
        return failErrno(errno, "setsid");
    UniqueFd console(::open("/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!console)
        return failErrno(errno, "open /dev/console");
    if (::ioctl(console.get(), TIOCSCTTY, 0) != 0)
        return failErrno(errno, "make /dev/console the controlling terminal");
    for (int fd = 0; fd < 3; ++fd)
        if (::dup2(console.get(), fd) < 0)
            return failErrno(errno, "attach stdio to the console");
    return {};
}

// The monitor compiles the filter while this child mounts; it arrives as
// one message of sock_filter instructions.
Result<security::SeccompProgram> receiveSeccomp(int syncFd)
{
    security::SeccompProgram program;
    program.instructions.resize(BPF_MAXINSNS);
    ssize_t got;
    do {
        got = ::read(syncFd, program.instructions.data(), program.instructions.size() * sizeof(sock_filter));
    } while (got < 0 && errno == EINTR);
    if (got <= 0 || got % sizeof(sock_filter) != 0)
        return failWith(EPROTO, "the monitor sent no seccomp filter");
    program.instructions.resize(static_cast<size_t>(got) / sizeof(sock_filter));
    return program;
}

Status dropPrivileges(const LaunchPlan& plan, const security::SeccompProgram& seccomp)
{
    if (plan.noNewPrivs)
        if (int err = security::setNoNewPrivs(); err != 0)
            return failErrno(err, "set no_new_privs");
    // Loaded while CAP_SYS_ADMIN is still held, so it works without no_new_privs too.
    if (int err = security::applySeccomp(seccomp); err != 0)
        return failErrno(err, "load the seccomp filter");
    if (int err = security::applyCapabilities(plan.capabilities); err != 0)
        return failErrno(err, "drop capabilities");
    return takeInitIds(plan.initIds);
}

Status prepareAndExec(const LaunchPlan& plan, HostHandles& handles, int syncFd)
{
    if (plan.ownUserNamespace())
        if (auto root = becomeNamespaceRoot(); !root)
            return root;
    if (auto entered = enterRoot(plan, handles); !entered)
        return entered;
    if (auto console = takeConsole(); !console)
        return console;
    if (::chdir(plan.cwd.c_str()) != 0)
        return failErrno(errno, "change to working directory '" + plan.cwd + "'");
    // Only stdio and the sync socket (close-on-exec) may reach the init.
    ::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC);

    std::vector<char*> argv, envp;
    for (const std::string& arg : plan.argv)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    for (const std::string& var : plan.env)
        envp.push_back(const_cast<char*>(var.c_str()));
    envp.push_back(nullptr);
    auto seccomp = receiveSeccomp(syncFd);
    if (!seccomp)
        return fail(seccomp.error());
    if (auto dropped = dropPrivileges(plan, *seccomp); !dropped)
        return dropped;
    environ = envp.data();
    // A namespace's init loses a signal it neither catches nor blocks: a
    // halt sent between the exec and berth-init's first line would be
    // dropped. Blocked across the exec it waits for berth-init, which
    // unblocks what it does not wait for.
    if (!plan.initBinary.empty()) {
        sigset_t all;
        sigfillset(&all);
        ::sigprocmask(SIG_SETMASK, &all, nullptr);
    }
    ::execvp(argv[0], argv.data());
    return failErrno(errno, "execute init '" + plan.argv.front() + "'");
}

[[noreturn]] void reportAndExit(int syncFd, const Error& error)
{
    const std::string text = encodeMessage(SetupFailure{error});
    (void)!::write(syncFd, text.data(), text.size());
    ::_exit(127);
}

} // namespace

void runContainerInit(const LaunchPlan& plan, int syncFd)
{
    // The monitor blocks and ignores signals for its own loop; the init
    // must start with the defaults.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    auto handles = openHostHandles(plan);
    HostHandles failed;
    if (!waitForGoAhead(plan, syncFd, handles ? *handles : failed))
        ::_exit(126);
    if (!handles)
        reportAndExit(syncFd, handles.error());
    auto result = prepareAndExec(plan, *handles, syncFd);
    reportAndExit(syncFd, result.error());
}

} // namespace berth::runtime
