// Gives back the pages of program code a long-lived process touched while
// it started and will not run again (the monitor once its container runs,
// the helper between calls): they leave the process's resident set and
// stay in the page cache, where the next start finds them; code that does
// run again comes back with a minor fault.
#pragma once

#include <cstddef>

namespace berth {

// Unmaps the resident pages of this process's read-only file mappings (its
// own code and constants and its libraries'). A mapping holding a private
// copy of a page (relocated data, a debugger's breakpoint) is left alone:
// its copy would be lost.
// Returns the bytes of the mappings released; 0 when /proc cannot be read.
std::size_t releaseCodePages() noexcept;

} // namespace berth
