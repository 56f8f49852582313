// A file descriptor the caller's own process opened, with the rights of the
// person running it, owned until it goes out of scope. The helper never
// opens a caller's path: it gets a duplicate of this descriptor over the bus
// (QDBusUnixFileDescriptor), so the caller's copy may close right after the
// call is sent.
#pragma once

#include <QDBusUnixFileDescriptor>
#include <QString>

#include <expected>
#include <utility>

namespace berth::client {

class LocalFd {
public:
    enum class Mode {
        Read,          // O_RDONLY: a file or a directory
        ReadDirectory, // O_RDONLY | O_DIRECTORY: a directory only
        Create,        // O_WRONLY | O_CREAT | O_TRUNC, 0644
        Append,        // O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY, 0644
    };

    LocalFd() = default;
    explicit LocalFd(int fd) : m_fd(fd) {}
    LocalFd(LocalFd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    LocalFd& operator=(LocalFd&& other) noexcept
    {
        if (this != &other)
            reset(std::exchange(other.m_fd, -1));
        return *this;
    }
    LocalFd(const LocalFd&) = delete;
    LocalFd& operator=(const LocalFd&) = delete;
    ~LocalFd() { reset(); }

    // Always close-on-exec; the error is errno's value.
    [[nodiscard]] static std::expected<LocalFd, int> open(const QString& path, Mode mode);
    // A close-on-exec duplicate of `fd` (stdin for "-"), so that closing
    // this one leaves `fd` open.
    [[nodiscard]] static std::expected<LocalFd, int> duplicate(int fd);

    // pipe2(flags | O_CLOEXEC): the read end, then the write end.
    [[nodiscard]] static std::expected<std::pair<LocalFd, LocalFd>, int> pipe(int flags = 0);

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool isValid() const { return m_fd >= 0; }
    // For a call's argument: the bus sends a duplicate.
    [[nodiscard]] QDBusUnixFileDescriptor forBus() const { return QDBusUnixFileDescriptor(m_fd); }
    // Gives up ownership (to a QFile that closes it, say).
    [[nodiscard]] int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1);

private:
    int m_fd = -1;
};

// errno's text, for messages.
[[nodiscard]] QString errnoText(int error);

} // namespace berth::client
