#include "common/code_pages.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace berth {

namespace {

struct Mapping {
    unsigned long start = 0;
    unsigned long end = 0;
    bool readOnlyFile = false;
};

// A mapping's first line in smaps: "start-end perms offset dev inode [path]".
bool parseHeader(const char* line, Mapping& mapping)
{
    char perms[8] = {};
    unsigned long inode = 0;
    if (std::sscanf(line, "%lx-%lx %7s %*s %*s %lu", &mapping.start, &mapping.end, perms, &inode) != 4)
        return false;
    // Code and constants of a file, mapped read-only and private.
    mapping.readOnlyFile = inode != 0 && (std::strcmp(perms, "r-xp") == 0 || std::strcmp(perms, "r--p") == 0);
    return true;
}

// The read-only file mappings without private copies of pages: all their
// pages are the file's. smaps, not maps: a mapping's "Anonymous:" counts
// the copies, which a write makes (the dynamic loader's relocation of
// what is then made read-only, a debugger's breakpoint).
std::vector<Mapping> releasableMappings()
{
    std::vector<Mapping> found;
    std::FILE* smaps = std::fopen("/proc/self/smaps", "re");
    if (!smaps)
        return found;
    Mapping current;
    char line[512];
    while (std::fgets(line, sizeof(line), smaps)) {
        unsigned long anonymousKiB = 0;
        if (std::sscanf(line, "Anonymous: %lu kB", &anonymousKiB) == 1) {
            if (current.readOnlyFile && anonymousKiB == 0)
                found.push_back(current);
            current = Mapping{};
        } else if (Mapping header; parseHeader(line, header)) {
            current = header;
        }
    }
    std::fclose(smaps);
    return found;
}

} // namespace

std::size_t releaseCodePages() noexcept
{
    // Listed first, released after: reading smaps runs code of the very
    // mappings being released.
    std::vector<Mapping> mappings;
    try {
        mappings = releasableMappings();
    } catch (const std::bad_alloc&) {
        return 0;
    }
    std::size_t released = 0;
    for (const Mapping& mapping : mappings) {
        void* start = reinterpret_cast<void*>(mapping.start);
        const std::size_t length = mapping.end - mapping.start;
        if (::madvise(start, length, MADV_DONTNEED) == 0)
            released += length;
    }
    return released;
}

} // namespace berth
