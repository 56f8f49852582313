#include "block_device.h"

#include "berth/unique_fd.h"

#include <QTemporaryDir>

#include <cstdio>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::test {

namespace {

bool opensHere(const std::string& node, DeviceNumber number)
{
    if (::mknod(node.c_str(), S_IFBLK | 0600, makedev(number.major, number.minor)) != 0)
        return false;
    const UniqueFd fd(::open(node.c_str(), O_RDONLY | O_CLOEXEC));
    ::unlink(node.c_str());
    return fd.valid();
}

} // namespace

std::optional<DeviceNumber> openableBlockDevice()
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return std::nullopt;
    const std::string node = dir.filePath("disk").toStdString();
    std::error_code ec;
    for (const std::filesystem::directory_entry& entry : std::filesystem::directory_iterator("/sys/dev/block", ec)) {
        DeviceNumber number;
        const std::string name = entry.path().filename().string();
        if (std::sscanf(name.c_str(), "%u:%u", &number.major, &number.minor) == 2 && opensHere(node, number))
            return number;
    }
    return std::nullopt;
}

} // namespace berth::test
