#include "berth/model/trace.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace berth::trace {

namespace {

// Read once and kept: the helper clears its environment after its first look.
const char* fileName()
{
    static const std::string name = [] {
        const char* value = std::getenv("BERTH_TRACE");
        return std::string(value ? value : "");
    }();
    return name.empty() ? nullptr : name.c_str();
}

// Opened once, unbuffered and appending: each line is one write(2), whole
// among the other processes' lines.
std::FILE* stream()
{
    static std::FILE* const out = [] {
        std::FILE* f = std::fopen(fileName(), "ae");
        if (f)
            std::setvbuf(f, nullptr, _IONBF, 0);
        return f;
    }();
    return out;
}

long long nanoseconds(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

} // namespace

bool enabled()
{
    return fileName() != nullptr;
}

const char* file()
{
    return fileName();
}

void record(std::string_view layer, std::string_view step, Clock::time_point begin, Clock::time_point end)
{
    std::FILE* out = stream();
    if (!out)
        return;
    std::string line = std::to_string(nanoseconds(begin)) + ' ' + std::to_string(nanoseconds(end)) + ' ' +
                       std::to_string(::getpid()) + ' ';
    line.append(layer).append(" ").append(step).append("\n");
    std::fwrite(line.data(), 1, line.size(), out);
}

} // namespace berth::trace
