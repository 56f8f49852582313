// The image config's User ("1000", "1000:100", "app", "app:staff") as
// numeric ids, looked up in the image's own passwd and group files.
#pragma once

#include "berth/error.h"

#include <string_view>

#include <sys/types.h>

namespace berth::image {

struct ImageUser {
    uid_t uid = 0;
    gid_t gid = 0;
};

// Pure: `passwd` and `group` are the texts of the image's /etc/passwd and
// /etc/group (empty when the image has none). Empty user: root. Without a
// group: the user's primary group from passwd, or 0 when the uid is not
// listed there (as docker does). A name found nowhere: EINVAL naming it.
[[nodiscard]] Result<ImageUser> resolveImageUser(std::string_view user, std::string_view passwd,
                                                 std::string_view group);

} // namespace berth::image
