/* Runs inside a container (static, copied into its rootfs): tries what no
 * container may do to the host and prints "call=errno" (0: it worked).
 * Every payload is harmless if it works: the clock is stepped by zero or
 * set to what was just read, kexec_load names an architecture no kernel
 * has, init_module gets no module, iopl changes only this process. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <string.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

static void report(const char* name, long rc)
{
    printf("%s=%d\n", name, rc < 0 ? errno : 0);
}

static long adjtimexRead(void)
{
    struct timex tx = {0};
    return syscall(SYS_adjtimex, &tx);
}

static long adjtimexSetOffset(void)
{
    struct timex tx = {0};
    tx.modes = ADJ_SETOFFSET | ADJ_NANO; /* step by 0 s, 0 ns */
    return syscall(SYS_adjtimex, &tx);
}

static long clockSetToNow(void)
{
    struct timespec now;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return -1;
    return syscall(SYS_clock_settime, CLOCK_REALTIME, &now);
}

static long openByHandle(void)
{
    struct {
        unsigned int bytes;
        int type;
        unsigned char data[8];
    } handle = {8, 1, {0}};
    return syscall(SYS_open_by_handle_at, AT_FDCWD, &handle, O_RDONLY);
}

/* Makes a handle of / (opens nothing): 0 where allowed. */
static long nameToHandle(void)
{
    struct {
        struct file_handle head;
        unsigned char data[128];
    } handle;
    int mountId = 0;
    handle.head.handle_bytes = sizeof handle.data;
    return syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &handle.head, &mountId, 0);
}

/* A lookup in no map: the kernel answers EBADF past its permission
 * checks, the filter EPERM. */
static long bpfLookupNoMap(void)
{
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.map_fd = (unsigned)-1;
    return syscall(SYS_bpf, BPF_MAP_LOOKUP_ELEM, &attr, sizeof attr);
}

int main(void)
{
    report("adjtimex_read", adjtimexRead());
    report("adjtimex_setoffset", adjtimexSetOffset());
    report("clock_settime", clockSetToNow());
    report("init_module", syscall(SYS_init_module, NULL, 0UL, ""));
    /* An architecture no kernel has: EINVAL past the permission checks. */
    report("kexec_load", syscall(SYS_kexec_load, 0UL, 0UL, NULL, 0xfffeUL << 16));
    report("open_by_handle_at", openByHandle());
    report("iopl", syscall(SYS_iopl, 3));
    report("name_to_handle_at", nameToHandle());
    report("bpf", bpfLookupNoMap());
    printf("probe-done\n");
    return 0;
}
