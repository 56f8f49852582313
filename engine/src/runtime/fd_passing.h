// Unix socket helpers: one message of text with an optional file descriptor.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

namespace berth::runtime {

// Sends `text` in one sendmsg, with `fd` attached through SCM_RIGHTS when >= 0.
[[nodiscard]] Status sendMessage(int socket, std::string_view text, int fd = -1);

struct Message {
    std::string text;
    UniqueFd fd; // invalid unless one was attached
};

// Receives one message (up to 64 KiB). An empty text with no error means
// the peer closed the connection.
[[nodiscard]] Result<Message> receiveMessage(int socket);

} // namespace berth::runtime
