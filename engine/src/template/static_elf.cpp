#include "template/static_elf.h"

#include <cerrno>
#include <cstring>

#include <elf.h>
#include <unistd.h>

namespace berth::templates {

namespace {

Status readAt(int fd, void* buf, size_t size, off_t offset)
{
    const ssize_t n = ::pread(fd, buf, size, offset);
    if (n < 0)
        return failErrno(errno, "read ELF header");
    if (static_cast<size_t>(n) != size)
        return failWith(ENOEXEC, "truncated ELF file");
    return {};
}

// Walks the program headers of one ELF class looking for PT_INTERP.
template <class Ehdr, class Phdr> Result<bool> hasInterpreter(int fd)
{
    Ehdr header{};
    if (auto ok = readAt(fd, &header, sizeof header, 0); !ok)
        return std::unexpected(ok.error());
    if (header.e_phentsize != sizeof(Phdr) || header.e_phnum > 4096)
        return failWith(ENOEXEC, "unexpected ELF program header layout");
    for (unsigned i = 0; i < header.e_phnum; ++i) {
        Phdr ph{};
        const off_t at = static_cast<off_t>(header.e_phoff + i * sizeof(Phdr));
        if (auto ok = readAt(fd, &ph, sizeof ph, at); !ok)
            return std::unexpected(ok.error());
        if (ph.p_type == PT_INTERP)
            return true;
    }
    return false;
}

} // namespace

Result<bool> isStaticElf(int fd)
{
    unsigned char ident[EI_NIDENT] = {};
    if (auto ok = readAt(fd, ident, sizeof ident, 0); !ok)
        return std::unexpected(ok.error());
    if (std::memcmp(ident, ELFMAG, SELFMAG) != 0)
        return failWith(ENOEXEC, "not an ELF executable");
    Result<bool> interp = ident[EI_CLASS] == ELFCLASS64   ? hasInterpreter<Elf64_Ehdr, Elf64_Phdr>(fd)
                          : ident[EI_CLASS] == ELFCLASS32 ? hasInterpreter<Elf32_Ehdr, Elf32_Phdr>(fd)
                                                          : Result<bool>(failWith(ENOEXEC, "unknown ELF class"));
    if (!interp)
        return interp;
    return !*interp;
}

} // namespace berth::templates
