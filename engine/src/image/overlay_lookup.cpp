#include "image/overlay_lookup.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::image {

namespace {

// What one layer says of a name.
enum class Found {
    Nothing,   // the layer has no such name: look in the ones below
    Whiteout,  // hidden: the merged view has nothing
    Directory, // go on inside it
    File,      // a regular file: read it
    Other,     // a symlink, device, FIFO...: not followed
};

Result<Found> lookAt(int dirFd, const std::string& name, const std::string& shown)
{
    struct stat st {};
    if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Result<Found>(Found::Nothing) : failErrno(errno, "stat " + shown);
    if (S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0))
        return Found::Whiteout;
    if (S_ISDIR(st.st_mode))
        return Found::Directory;
    return S_ISREG(st.st_mode) ? Found::File : Found::Other;
}

bool isOpaque(int dirFd)
{
    char value[2] = {};
    return ::fgetxattr(dirFd, "trusted.overlay.opaque", value, sizeof(value)) == 1 && value[0] == 'y';
}

std::vector<std::string> componentsOf(std::string_view path)
{
    std::vector<std::string> names;
    for (const auto& part : std::filesystem::path(path).relative_path())
        if (!part.empty() && part != ".")
            names.push_back(part.string());
    return names;
}

struct LayerAnswer {
    Found found = Found::Nothing;
    bool opaque = false; // a directory on the way hides the layers below
    std::optional<std::string> text;
};

Result<LayerAnswer> askLayer(const std::filesystem::path& layer, const std::vector<std::string>& names,
                             std::size_t limit)
{
    LayerAnswer answer;
    UniqueFd dir(::open(layer.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open layer " + layer.string());
    std::filesystem::path shown = layer;
    for (std::size_t i = 0; i < names.size(); ++i) {
        shown /= names[i];
        auto found = lookAt(dir.get(), names[i], shown.string());
        if (!found)
            return fail(found.error());
        answer.found = *found;
        const bool last = i + 1 == names.size();
        if (last)
            break;
        if (*found != Found::Directory) {
            // Not a directory on the way: it hides the path (or the layer lacks it).
            answer.found = *found == Found::Nothing ? Found::Nothing : Found::Other;
            return answer;
        }
        UniqueFd next(::openat(dir.get(), names[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next)
            return failErrno(errno, "open " + shown.string());
        dir = std::move(next);
        answer.opaque = answer.opaque || isOpaque(dir.get());
    }
    if (answer.found != Found::File)
        return answer;
    UniqueFd file(::openat(dir.get(), names.back().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!file)
        return failErrno(errno, "open " + shown.string());
    auto text = fs::readAll(file.get(), limit);
    if (!text)
        return fail(text.error().wrap("read " + shown.string()));
    answer.text = std::move(*text);
    return answer;
}

} // namespace

Result<std::optional<std::string>> readMergedFile(const std::vector<std::filesystem::path>& layersTopFirst,
                                                  std::string_view path, std::size_t limit)
{
    const std::vector<std::string> names = componentsOf(path);
    if (names.empty())
        return std::optional<std::string>();
    for (const std::filesystem::path& layer : layersTopFirst) {
        auto answer = askLayer(layer, names, limit);
        if (!answer)
            return fail(answer.error());
        if (answer->found == Found::File)
            return std::move(answer->text);
        // A whiteout or an opaque directory hides the rest; so does
        // anything but a directory where the path goes on (a file at
        // /etc hides /etc/passwd of lower layers).
        if (answer->found != Found::Nothing || answer->opaque)
            return std::optional<std::string>();
    }
    return std::optional<std::string>();
}

} // namespace berth::image
