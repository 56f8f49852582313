// Descriptors a caller passes: checked for what they are, never for a path.
#include "validation.h"

#include <cerrno>
#include <sys/stat.h>

namespace berth::helper {

Status validateFdMode(mode_t mode, bool fileOk, bool directoryOk)
{
    if (fileOk && (S_ISREG(mode) || S_ISFIFO(mode)))
        return {};
    if (directoryOk && S_ISDIR(mode))
        return {};
    std::string wanted = fileOk && directoryOk ? "a regular file, a pipe or a directory"
                         : directoryOk        ? "a directory"
                                              : "a regular file or a pipe";
    return failWith(EINVAL, "the file descriptor passed is not " + wanted);
}

Status validateFd(int fd, bool fileOk, bool directoryOk)
{
    struct stat st {};
    if (fd < 0)
        return failWith(EINVAL, "no file descriptor was passed");
    if (::fstat(fd, &st) != 0)
        return failErrno(errno, "fstat of the passed file descriptor");
    return validateFdMode(st.st_mode, fileOk, directoryOk);
}

} // namespace berth::helper
