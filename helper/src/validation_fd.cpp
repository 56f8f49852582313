// Descriptors a caller passes: checked for what they are and how they were
// opened, never for a path.
#include "validation.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <sys/ioctl.h>

namespace berth::helper {
namespace {

std::string_view streamName(StdioStream stream)
{
    switch (stream) {
    case StdioStream::In:
        return "stdin";
    case StdioStream::Out:
        return "stdout";
    case StdioStream::Err:
        return "stderr";
    }
    return "stdio";
}

// Reading /dev/null gives EOF and writing it discards: `< /dev/null` is
// what scripts pass, and nothing else of a device is reachable through it.
bool isNullDevice(const FdFacts& facts)
{
    return S_ISCHR(facts.mode) && facts.rdev == makedev(1, 3);
}

std::string stdioKind(const FdFacts& facts)
{
    if (S_ISDIR(facts.mode))
        return "a directory";
    if (S_ISCHR(facts.mode))
        return "a device that is not a terminal";
    if (S_ISBLK(facts.mode))
        return "a block device";
    return "not a pipe, socket, terminal or regular file";
}

} // namespace

Result<FdFacts> fdFacts(int fd)
{
    if (fd < 0)
        return failWith(EINVAL, "no file descriptor was passed");
    FdFacts facts;
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return failErrno(errno, "fstat of the passed file descriptor");
    facts.mode = st.st_mode;
    facts.rdev = st.st_rdev;
    facts.flags = ::fcntl(fd, F_GETFL);
    if (facts.flags < 0)
        return failErrno(errno, "fcntl of the passed file descriptor");
    struct termios tio {};
    facts.terminal = (facts.flags & O_PATH) == 0 && S_ISCHR(st.st_mode) && ::ioctl(fd, TCGETS, &tio) == 0;
    return facts;
}

Status validateFdAccess(int flags, FdUse use)
{
    if ((flags & O_PATH) == O_PATH)
        return failWith(EINVAL,
                        "the file descriptor passed was opened with O_PATH, without the right to read or write");
    const int mode = flags & O_ACCMODE;
    if (use == FdUse::Read && mode != O_RDONLY && mode != O_RDWR)
        return failWith(EINVAL, "the file descriptor passed is not open for reading");
    if (use == FdUse::Write && mode != O_WRONLY && mode != O_RDWR)
        return failWith(EINVAL, "the file descriptor passed is not open for writing");
    return {};
}

Status validateFdMode(mode_t mode, bool fileOk, bool directoryOk)
{
    if (fileOk && (S_ISREG(mode) || S_ISFIFO(mode)))
        return {};
    if (directoryOk && S_ISDIR(mode))
        return {};
    std::string wanted = fileOk && directoryOk ? "a regular file, a pipe or a directory"
                         : directoryOk         ? "a directory"
                                               : "a regular file or a pipe";
    return failWith(EINVAL, "the file descriptor passed is not " + wanted);
}

Status validateFileFacts(const FdFacts& facts, FdUse use, bool fileOk, bool directoryOk)
{
    if (auto access = validateFdAccess(facts.flags, use); !access)
        return access;
    return validateFdMode(facts.mode, fileOk, directoryOk);
}

Status validateFd(int fd, FdUse use, bool fileOk, bool directoryOk)
{
    auto facts = fdFacts(fd);
    if (!facts)
        return fail(facts.error());
    return validateFileFacts(*facts, use, fileOk, directoryOk);
}

Status validateStdioFacts(const FdFacts& facts, StdioStream stream)
{
    const std::string name(streamName(stream));
    const bool kindOk = S_ISFIFO(facts.mode) || S_ISSOCK(facts.mode) || S_ISREG(facts.mode) ||
                        (S_ISCHR(facts.mode) && (facts.terminal || isNullDevice(facts)));
    if ((facts.flags & O_PATH) == 0 && !kindOk)
        return failWith(EINVAL, name + " is " + stdioKind(facts) +
                                    ": stdio must be a pipe, a socket, a "
                                    "terminal or a regular file");
    if (auto access = validateFdAccess(facts.flags, stream == StdioStream::In ? FdUse::Read : FdUse::Write); !access)
        return failWith(EINVAL, name + ": " + access.error().message);
    return {};
}

Status validateStdioFd(int fd, StdioStream stream)
{
    auto facts = fdFacts(fd);
    if (!facts)
        return fail(facts.error().wrap(std::string(streamName(stream))));
    return validateStdioFacts(*facts, stream);
}

} // namespace berth::helper
