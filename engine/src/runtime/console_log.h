// The console log file with LXC's lxc.console.size and lxc.console.rotate
// semantics: once the file holds `size` bytes it is renamed to `<log>.1`
// (rotate, replacing the older one) or emptied (no rotate), so a chatty
// container never fills the disk. Positions are logical: a byte keeps its
// offset across rotations (the offset of a file's first byte is kept in
// its extended attribute kStartAttribute), so a reader that follows the
// log neither repeats nor skips what is still there, and sees what was
// dropped as a jump of its offset.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "berth/unique_fd.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace berth::runtime {

inline constexpr char kStartAttribute[] = "user.berth.log_start";

struct ConsoleLogLimits {
    std::uint64_t size = 0; // at least a page
    bool rotate = true;     // keep the previous `size` bytes in <log>.1
};

class ConsoleLog {
public:
    // Opens (appends to) `file`, made with its directory when missing.
    static Result<ConsoleLog> open(const std::filesystem::path& file, ConsoleLogLimits limits);

    [[nodiscard]] int fd() const { return m_fd.get(); }
    // Writes all of `data`, rotating or emptying the file at the limit; a
    // write error drops the output (the console must not stall).
    void write(const char* data, std::size_t size);

private:
    ConsoleLog() = default;
    Status rotate();
    Status truncate();

    std::filesystem::path m_path;
    ConsoleLogLimits m_limits;
    UniqueFd m_fd;
    std::uint64_t m_size = 0;  // of the current file
    std::uint64_t m_start = 0; // logical offset of its first byte
};

// A piece of the log from logical `offset`: an offset before the oldest
// byte kept starts at that byte (`from` > offset: output was dropped);
// one past the end (a new log) starts at the oldest byte too.
struct ConsoleLogPiece {
    std::string data;
    std::uint64_t from = 0;   // logical offset of data[0]
    std::uint64_t oldest = 0; // logical offset of the oldest byte kept
    std::uint64_t end = 0;    // logical offset after the newest byte
};

Result<ConsoleLogPiece> readConsoleLog(const std::filesystem::path& file, std::uint64_t offset, std::size_t maxBytes);

} // namespace berth::runtime
