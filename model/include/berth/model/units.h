// Figures as people and configs write them: sizes in binary units, CPU
// cores, durations, signal names. One parser and one printer of each, so
// the engine, the helper, berthctl and the GUI read and show them alike.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace berth::model {

// Which size forms are read. Both take "4096", "64K", "64k", "1KB", "1KiB",
// "1Ki", "10B" (powers of 1024, any case).
enum class SizeSyntax {
    Whole, // configs and SetLimits: whole numbers, units K, M, G (what LXC configs hold)
    Human, // what people type: also fractions ("1.5G") and T, P, E
};

enum class SizeProblem {
    NotASize,
    TooLarge, // more than 2^64-1 bytes (Whole) or 9.2e18 (Human)
};

[[nodiscard]] std::expected<std::uint64_t, SizeProblem> parseSize(std::string_view text,
                                                                  SizeSyntax syntax = SizeSyntax::Whole);

enum class SizeStyle {
    Exact, // the largest unit that divides exactly: "512M", "1G", "1000" (configs; memparse reads it)
    Short, // one decimal: "512.0M", "1.5G", "900B" (berthctl)
    Long,  // "512 B", "1.5 KiB", "256 MiB": one decimal while under 100 and not whole (the GUI)
};

[[nodiscard]] std::string formatSize(std::uint64_t bytes, SizeStyle style);

// A number of CPU cores in fixed notation ("1.5", "0.25", ".5"): more than 0, at most 4096.
[[nodiscard]] std::expected<double, bool> parseCores(std::string_view text);
// Fixed notation, no exponent ("0.00000001", not "1e-08"), so parseCores reads it back.
[[nodiscard]] std::string formatCores(double cores);

// A duration split for printing: "45 s", "12 min", "3 h 05 min", "2 d 4 h".
// The words are the caller's (the GUI translates them).
struct DurationParts {
    enum class Form { Seconds, Minutes, HoursMinutes, DaysHours };
    Form form = Form::Seconds;
    std::int64_t first = 0;  // seconds, minutes, hours or days
    std::int64_t second = 0; // minutes or hours for the two-part forms
};
[[nodiscard]] DurationParts splitDuration(std::int64_t seconds);
// English: "45 s", "12 min", "3 h 05 min", "2 d 4 h".
[[nodiscard]] std::string formatDuration(std::int64_t seconds);

// "15", "SIGTERM", "term", "IOT", "SIGRTMIN+3", "RTMAX-1": 1..SIGRTMAX.
enum class SignalProblem {
    NotASignal,
    OutOfRange, // a number beyond 1..SIGRTMAX or beyond the real-time signals
};
[[nodiscard]] std::expected<int, SignalProblem> parseSignal(std::string_view text);
// "TERM", "RTMIN+3"; "" for a number that is no signal.
[[nodiscard]] std::string signalName(int signal);

} // namespace berth::model
