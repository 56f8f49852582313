// A directory a caller passed, read with the caller's rights only: a child
// switches to the caller's uid and groups and streams the tree as a tar
// through a pipe (GNU tar, the caller's own reading), which the archive
// extraction then reads like any archive. Root holding the caller's
// directory fd never opens a file beneath it itself: what the caller
// cannot read fails the read, as it would for the caller.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <optional>
#include <vector>

#include <sys/types.h>

namespace berth::image {

// Whose rights: a uid and its groups (unset: the user's from the user
// database; a uid without an entry then gets none).
struct Reader {
    uid_t uid = 0;
    std::optional<std::vector<gid_t>> groups;
};

class TreeStream {
public:
    TreeStream() = default;
    TreeStream(TreeStream&& other) noexcept;
    TreeStream& operator=(TreeStream&&) = delete;
    TreeStream(const TreeStream&) = delete;
    ~TreeStream(); // kills and reaps a reader nobody waited for

    // The tar stream; read it to its end before finish().
    [[nodiscard]] int fd() const { return m_pipe.get(); }
    // Waits for the reader: an error (with what tar said) when it could not
    // read everything, so a partly readable tree is never taken as whole.
    [[nodiscard]] Status finish();

private:
    friend Result<TreeStream> streamTreeAs(int dirFd, const Reader& reader);
    pid_t m_pid = -1;
    UniqueFd m_pipe;
    UniqueFd m_errors; // a memfd with tar's stderr
};

// The tree below dirFd, read as `reader`.
[[nodiscard]] Result<TreeStream> streamTreeAs(int dirFd, const Reader& reader);

} // namespace berth::image
