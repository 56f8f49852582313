#include "image/tree_as_caller.h"

#include "process/stdio_proxy.h"

#include <algorithm>
#include <array>
#include <csignal>
#include <string>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::image {

namespace {

constexpr const char* kTar = "/bin/tar";
constexpr gid_t kNoGroup = 65534;

struct Identity {
    uid_t uid = 0;
    gid_t gid = kNoGroup;
    std::vector<gid_t> groups;
};

// Looked up before fork: the child only makes system calls. Groups the
// bus reported are the caller's own (its process may have fewer than the
// user database lists); the first is the primary one.
Identity identityOf(const Reader& reader)
{
    const uid_t uid = reader.uid;
    Identity id{.uid = uid};
    if (reader.groups) {
        id.groups = *reader.groups;
        id.gid = id.groups.empty() ? kNoGroup : id.groups.front();
        return id;
    }
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return id;
    id.gid = found->pw_gid;
    int count = 64;
    id.groups.resize(std::size_t(count));
    if (::getgrouplist(found->pw_name, found->pw_gid, id.groups.data(), &count) < 0) {
        id.groups.resize(std::size_t(count));
        ::getgrouplist(found->pw_name, found->pw_gid, id.groups.data(), &count);
    }
    id.groups.resize(std::size_t(std::max(count, 0)));
    return id;
}

[[noreturn]] void runReader(int dirFd, int out, int errors, const Identity& id, char* const* argv)
{
    // Above stdio first, so the dup2s below clobber none of them.
    dirFd = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 3);
    out = ::fcntl(out, F_DUPFD_CLOEXEC, 3);
    errors = ::fcntl(errors, F_DUPFD_CLOEXEC, 3);
    const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (dirFd < 0 || out < 0 || errors < 0 || null < 0 || ::dup2(null, STDIN_FILENO) < 0 ||
        ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(errors, STDERR_FILENO) < 0)
        ::_exit(125);
    std::array<int, 4> keep{STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO, dirFd};
    runtime::closeAllExcept(keep.data(), keep.size());
    // The caller's identity, for good: groups first, the uid last.
    if (::setgroups(id.groups.size(), id.groups.data()) != 0 || ::setresgid(id.gid, id.gid, id.gid) != 0 ||
        ::setresuid(id.uid, id.uid, id.uid) != 0 || ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        ::_exit(125);
    if (::fchdir(dirFd) != 0) {
        (void)!::write(STDERR_FILENO, "the directory cannot be entered\n", 32);
        ::_exit(125);
    }
    ::close(dirFd);
    char* noEnv[] = {nullptr};
    ::execve(kTar, argv, noEnv);
    ::_exit(127);
}

std::string whatTarSaid(int errors)
{
    char text[2048];
    const ssize_t n = ::pread(errors, text, sizeof text - 1, 0);
    std::string said(text, std::size_t(std::max<ssize_t>(n, 0)));
    while (!said.empty() && said.back() == '\n')
        said.pop_back();
    return said;
}

} // namespace

TreeStream::TreeStream(TreeStream&& other) noexcept
    : m_pid(std::exchange(other.m_pid, -1)), m_pipe(std::move(other.m_pipe)), m_errors(std::move(other.m_errors))
{}

TreeStream::~TreeStream()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {}
    }
}

Status TreeStream::finish()
{
    m_pipe.reset(); // a reader still writing gets EPIPE instead of blocking us
    int status = 0;
    while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {}
    m_pid = -1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {};
    const std::string said = whatTarSaid(m_errors.get());
    return failWith(EACCES, "the directory could not be read whole with the caller's rights" +
                                (said.empty() ? std::string() : ": " + said));
}

Result<TreeStream> streamTreeAs(int dirFd, const Reader& reader)
{
    const Identity id = identityOf(reader);
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd readEnd(ends[0]), writeEnd(ends[1]);
    TreeStream stream;
    stream.m_errors.reset(::memfd_create("berth-tree-reader", MFD_CLOEXEC));
    if (!stream.m_errors)
        return failErrno(errno, "memfd_create");
    // No device, socket or other file system is followed; owners are numbers.
    std::array<const char*, 7> args{"tar", "--create", "--file=-", "--numeric-owner", "--one-file-system",
                                    ".",   nullptr};
    const pid_t pid = ::fork();
    if (pid < 0)
        return failErrno(errno, "fork");
    if (pid == 0)
        runReader(dirFd, writeEnd.get(), stream.m_errors.get(), id, const_cast<char* const*>(args.data()));
    stream.m_pid = pid;
    stream.m_pipe = std::move(readEnd);
    return stream;
}

} // namespace berth::image
