#include "security/seccomp_filter.h"

#include "security/capabilities.h"
#include "security/seccomp_policy.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <climits>
#include <linux/seccomp.h>
#include <map>
#include <memory>
#include <mutex>
#include <sched.h>
#include <seccomp.h>
#include <string>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <tuple>
#include <unistd.h>

namespace berth::security {

namespace {

struct ContextRelease {
    void operator()(void* ctx) const { seccomp_release(ctx); }
};
using Context = std::unique_ptr<void, ContextRelease>;

// libseccomp returns -errno.
std::unexpected<Error> seccompError(int rc, std::string_view what)
{
    return failErrno(-rc, "seccomp: " + std::string(what));
}

// Without the other x86 ABIs in the filter, a process could call the
// refused syscalls through int 0x80 or the x32 numbers; libseccomp then
// emits the rules for each ABI under its own numbers.
Status addArchitectures(scmp_filter_ctx ctx)
{
    if (seccomp_arch_native() != SCMP_ARCH_X86_64)
        return {};
    for (std::uint32_t arch : {SCMP_ARCH_X86, SCMP_ARCH_X32}) {
        const int rc = seccomp_arch_add(ctx, arch);
        if (rc < 0 && rc != -EEXIST)
            return seccompError(rc, "add architecture");
    }
    return {};
}

// Adds nothing for a name libseccomp knows on no architecture:
// an old libseccomp must not stop containers from starting.
Status addRule(scmp_filter_ctx ctx, std::uint32_t action, std::string_view name, const scmp_arg_cmp* cmp = nullptr)
{
    const std::string key(name);
    const int nr = seccomp_syscall_resolve_name(key.c_str());
    if (nr == __NR_SCMP_ERROR)
        return {};
    const int rc = cmp ? seccomp_rule_add(ctx, action, nr, 1, *cmp) : seccomp_rule_add(ctx, action, nr, 0);
    if (rc < 0)
        return seccompError(rc, "rule for '" + key + "'");
    return {};
}

Status denyEach(scmp_filter_ctx ctx, std::span<const std::string_view> names, int err)
{
    for (std::string_view name : names)
        if (auto st = addRule(ctx, SCMP_ACT_ERRNO(static_cast<std::uint32_t>(err)), name); !st)
            return st;
    return {};
}

// personality() may only take the harmless values (as Docker allows).
Status restrictPersonality(scmp_filter_ctx ctx)
{
    const std::uint32_t action = SCMP_ACT_ERRNO(EPERM);
    const scmp_arg_cmp above = SCMP_A0(SCMP_CMP_GT, 0xffffffffULL);
    if (auto st = addRule(ctx, action, "personality", &above); !st)
        return st;
    for (const MaskedValue& block : blocksOutside(allowedPersonalities())) {
        const scmp_arg_cmp cmp = SCMP_A0(SCMP_CMP_MASKED_EQ, block.mask, block.value);
        if (auto st = addRule(ctx, action, "personality", &cmp); !st)
            return st;
    }
    return {};
}

// New namespaces through clone(); clone3 passes its flags in memory that
// seccomp cannot read, so it gets ENOSYS and glibc falls back to clone.
Status restrictClone(scmp_filter_ctx ctx)
{
    for (std::uint64_t flag :
         {CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, CLONE_NEWCGROUP}) {
        const scmp_arg_cmp cmp = SCMP_A0(SCMP_CMP_MASKED_EQ, flag, flag);
        if (auto st = addRule(ctx, SCMP_ACT_ERRNO(EPERM), "clone", &cmp); !st)
            return st;
    }
    return addRule(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3");
}

Status denyHeldCapabilities(scmp_filter_ctx ctx, std::uint64_t capabilities)
{
    for (const CapabilityGuardedSyscall& guarded : syscallsDeniedWithCapability()) {
        if ((capabilities >> guarded.capability) & 1)
            if (auto st = addRule(ctx, SCMP_ACT_ERRNO(EPERM), guarded.name); !st)
                return st;
    }
    return {};
}

Status restrictSocket(scmp_filter_ctx ctx)
{
    for (std::uint64_t family : socketFamiliesDeniedForApplications()) {
        const scmp_arg_cmp cmp = SCMP_A0(SCMP_CMP_EQ, family);
        if (auto st = addRule(ctx, SCMP_ACT_ERRNO(EPERM), "socket", &cmp); !st)
            return st;
    }
    return {};
}

Status addRules(scmp_filter_ctx ctx, ContainerKind kind, std::uint64_t capabilities, UserNamespace userNamespace)
{
    if (auto st = denyEach(ctx, syscallsDeniedForAll(), EPERM); !st)
        return st;
    if (auto st = denyHeldCapabilities(ctx, capabilities); !st)
        return st;
    if (auto st = denyEach(ctx, syscallsWithoutKeyring(), ENOSYS); !st)
        return st;
    if (auto st = restrictPersonality(ctx); !st)
        return st;
    if (kind == ContainerKind::System)
        return userNamespace == UserNamespace::Host ? denyEach(ctx, syscallsDeniedInHostUserNamespace(), EPERM)
                                                    : Status{};
    if (auto st = denyEach(ctx, syscallsDeniedForApplications(), EPERM); !st)
        return st;
    if (auto st = restrictSocket(ctx); !st)
        return st;
    return restrictClone(ctx);
}

Result<std::vector<sock_filter>> readProgram(int fd)
{
    const off_t size = ::lseek(fd, 0, SEEK_END);
    if (size < 0)
        return failErrno(errno, "seccomp: size of the exported filter");
    if (size == 0 || size % static_cast<off_t>(sizeof(sock_filter)) != 0)
        return failWith(EINVAL, "seccomp: exported filter has a bad size " + std::to_string(size));
    std::vector<sock_filter> program(static_cast<std::size_t>(size) / sizeof(sock_filter));
    auto* bytes = reinterpret_cast<char*>(program.data());
    for (off_t done = 0; done < size;) {
        const ssize_t n = ::pread(fd, bytes + done, static_cast<std::size_t>(size - done), done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failErrno(n < 0 ? errno : EIO, "seccomp: read the exported filter");
        done += n;
    }
    return program;
}

// libseccomp 2.5 exports only to a file descriptor; reading the program
// back lets the child load it without libseccomp (and without allocating).
Result<SeccompProgram> exportProgram(scmp_filter_ctx ctx)
{
    UniqueFd fd(::memfd_create("berth-seccomp", MFD_CLOEXEC));
    if (!fd)
        return failErrno(errno, "seccomp: memfd_create");
    if (const int rc = seccomp_export_bpf(ctx, fd.get()); rc < 0)
        return seccompError(rc, "export filter");
    auto program = readProgram(fd.get());
    if (!program)
        return fail(std::move(program.error()));
    return SeccompProgram{std::move(*program)};
}

} // namespace

Result<SeccompProgram> buildDefaultSeccomp(ContainerKind kind, std::uint64_t capabilities, UserNamespace userNamespace)
{
    // libseccomp takes milliseconds to compile one; the helper asks for the
    // same few at every exec.
    using Key = std::tuple<ContainerKind, std::uint64_t, UserNamespace>;
    static std::mutex mutex;
    static std::map<Key, SeccompProgram> built;
    const Key key{kind, capabilities, userNamespace};
    {
        const std::lock_guard lock(mutex);
        if (auto found = built.find(key); found != built.end())
            return found->second;
    }
    Context ctx(seccomp_init(SCMP_ACT_ALLOW));
    if (!ctx)
        return failWith(ENOMEM, "seccomp: cannot create a filter");
    if (auto st = addArchitectures(ctx.get()); !st)
        return fail(std::move(st.error()));
    if (auto st = addRules(ctx.get(), kind, capabilities, userNamespace); !st)
        return fail(std::move(st.error()));
    auto program = exportProgram(ctx.get());
    if (program) {
        const std::lock_guard lock(mutex);
        built.emplace(key, *program);
    }
    return program;
}

void prebuildDefaultSeccomp()
{
    for (const ContainerKind kind : {ContainerKind::Application, ContainerKind::System})
        if (auto caps = planCapabilities(kind, {}, {}, false))
            (void)buildDefaultSeccomp(kind, caps->keep, UserNamespace::Own);
}

int applySeccomp(const SeccompProgram& program) noexcept
{
    if (program.instructions.empty() || program.instructions.size() > USHRT_MAX)
        return EINVAL;
    sock_fprog fprog{};
    fprog.len = static_cast<unsigned short>(program.instructions.size());
    fprog.filter = const_cast<sock_filter*>(program.instructions.data());
    if (::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog, 0, 0) != 0)
        return errno;
    return 0;
}

int setNoNewPrivs() noexcept
{
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return errno;
    return 0;
}

} // namespace berth::security
