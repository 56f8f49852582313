#include "check/kernel_modules.h"

#include "fs/host_files.h"

#include <system_error>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

// modules.dep of a distribution kernel runs to about a megabyte.
constexpr std::size_t kModuleListLimit = std::size_t{16} << 20;

std::string quoted(std::string_view module)
{
    return "module '" + std::string(module) + "'";
}

// /proc/modules: "veth 40960 0 - Live 0x0000000000000000".
bool listedInProcModules(const stdfs::path& root, std::string_view module)
{
    Result<std::string> text = readHostFile(underRoot(root, "proc/modules"));
    if (!text)
        return false;
    const std::string prefix = std::string(module) + " ";
    return text->starts_with(prefix) || text->find("\n" + prefix) != std::string::npos;
}

// modules.builtin and modules.dep name files: "kernel/drivers/net/veth.ko"
// or "kernel/drivers/net/veth.ko.xz: dependencies".
bool listedInModuleFile(const stdfs::path& file, std::string_view module)
{
    Result<std::string> text = readHostFile(file, kModuleListLimit);
    if (!text)
        return false;
    const std::string name = "/" + std::string(module) + ".ko";
    for (size_t at = text->find(name); at != std::string::npos; at = text->find(name, at + 1)) {
        const char next = at + name.size() < text->size() ? (*text)[at + name.size()] : '\n';
        if (next == '\n' || next == '.' || next == ':')
            return true;
    }
    return false;
}

std::optional<std::string> kernelRelease(const stdfs::path& root)
{
    Result<std::string> release = readHostFile(underRoot(root, "proc/sys/kernel/osrelease"));
    if (!release)
        return std::nullopt;
    std::string name = *release;
    while (!name.empty() && name.back() == '\n')
        name.pop_back();
    if (name.empty() || name.find('/') != std::string::npos)
        return std::nullopt;
    return name;
}

// "CONFIG_VETH=y" or "=m" in the distribution's copy of the kernel config.
std::optional<std::string> fromKernelConfig(const stdfs::path& config, std::string_view symbol)
{
    Result<std::string> text = readHostFile(config, kModuleListLimit);
    if (!text)
        return std::nullopt;
    const std::string key = "CONFIG_" + std::string(symbol) + "=";
    const size_t at = text->starts_with(key) ? 0 : text->find("\n" + key);
    if (at == std::string::npos)
        return std::nullopt;
    const size_t valueAt = text->find('=', at) + 1;
    const char value = valueAt < text->size() ? (*text)[valueAt] : '\n';
    if (value == 'y')
        return "built into the kernel (" + key + "y)";
    if (value == 'm')
        return "available as a module (" + key + "m)";
    return std::nullopt;
}

} // namespace

std::optional<std::string> findKernelModule(const stdfs::path& root, std::string_view module,
                                            std::string_view configSymbol)
{
    std::error_code ec;
    if (stdfs::exists(underRoot(root, "sys/module") / module, ec) || listedInProcModules(root, module))
        return quoted(module) + " loaded";
    const std::optional<std::string> release = kernelRelease(root);
    if (!release)
        return std::nullopt;
    const stdfs::path dir = underRoot(root, "lib/modules") / *release;
    if (listedInModuleFile(dir / "modules.builtin", module))
        return "built into the kernel";
    if (listedInModuleFile(dir / "modules.dep", module))
        return quoted(module) + " can be loaded";
    return fromKernelConfig(underRoot(root, "boot") / ("config-" + *release), configSymbol);
}

std::optional<std::string> findKernelConfig(const stdfs::path& root, std::string_view configSymbol)
{
    const std::optional<std::string> release = kernelRelease(root);
    if (!release)
        return std::nullopt;
    return fromKernelConfig(underRoot(root, "boot") / ("config-" + *release), configSymbol);
}

} // namespace berth::check
