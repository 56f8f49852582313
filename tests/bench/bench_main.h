// The main() every bench shares: its options parsed, SIGINT and SIGTERM
// asking the measuring loops to stop (interrupted()) so that every
// destructor still cleans up, and the outcome as the exit status.
#pragma once

#include "berth/error.h"

#include <csignal>
#include <cstdio>

namespace berth::bench {

inline volatile std::sig_atomic_t g_interrupted = 0;

// True once SIGINT or SIGTERM arrived.
[[nodiscard]] inline bool interrupted()
{
    return g_interrupted != 0;
}

// 2 for bad options, 1 when the bench failed, else 0.
template <class Options> int benchMain(const char* name, const Result<Options>& options, Status (*run)(const Options&))
{
    if (!options) {
        std::fprintf(stderr, "%s: %s\n", name, options.error().describe().c_str());
        return 2;
    }
    // No SA_RESTART: a signal ends the current wait, then the loop stops.
    struct sigaction action {};
    action.sa_handler = [](int) { g_interrupted = 1; };
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    if (Status ok = run(*options); !ok) {
        std::fprintf(stderr, "%s: %s\n", name, ok.error().describe().c_str());
        return 1;
    }
    return 0;
}

} // namespace berth::bench
