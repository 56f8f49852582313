// Telling a statically linked ELF executable from a dynamically linked one.
#pragma once

#include "berth/error.h"

namespace berth::templates {

// True when the ELF file open at `fd` has no program interpreter
// (PT_INTERP), so it runs inside a rootfs without the host's libraries.
// Not an ELF file at all: ENOEXEC.
[[nodiscard]] Result<bool> isStaticElf(int fd);

} // namespace berth::templates
