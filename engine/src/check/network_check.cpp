#include "check/check_groups.h"
#include "fs/host_files.h"
#include "check/kernel_modules.h"
#include "check/link_probe.h"

#include <array>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

struct LinkSpec {
    LinkKind kind;
    std::string_view id;
    std::string_view module;
    std::string_view configSymbol;
};

constexpr std::array kLinks{
    LinkSpec{LinkKind::Veth, "net.veth", "veth", "VETH"},
    LinkSpec{LinkKind::Bridge, "net.bridge", "bridge", "BRIDGE"},
    LinkSpec{LinkKind::Macvlan, "net.macvlan", "macvlan", "MACVLAN"},
    LinkSpec{LinkKind::Vlan, "net.vlan", "8021q", "VLAN_8021Q"},
};

CheckItem probedItem(const LinkSpec& spec, const LinkProbeReport& report)
{
    const int result = report.result(spec.kind);
    if (result == 0)
        return makeItem(spec.id, CheckStatus::Ok, "created one in a test namespace");
    return makeItem(spec.id, CheckStatus::Missing, "cannot create one: " + linkProbeErrorText(result));
}

// Without a probe the modules are all there is to go on; `why` says why
// no probe was made, when one was wanted.
CheckItem moduleItem(const stdfs::path& root, const LinkSpec& spec, const std::string& why)
{
    const std::string suffix = why.empty() ? std::string() : " (not probed: " + why + ")";
    if (std::optional<std::string> found = findKernelModule(root, spec.module, spec.configSymbol))
        return makeItem(spec.id, CheckStatus::Ok, *found + suffix);
    return makeItem(spec.id, CheckStatus::Missing,
                    "no module '" + std::string(spec.module) + "' loaded, built in or installed, nor CONFIG_" +
                        std::string(spec.configSymbol) + " in the kernel config" + suffix);
}

} // namespace

CheckGroup checkNetwork(const stdfs::path& root, bool probeKernel)
{
    CheckGroup group = makeGroup("net");
    Result<LinkProbeReport> report = probeKernel ? probeLinkKinds() : Result<LinkProbeReport>(std::unexpect);
    for (const LinkSpec& spec : kLinks) {
        if (report)
            group.items.push_back(probedItem(spec, *report));
        else
            group.items.push_back(moduleItem(root, spec, probeKernel ? report.error().describe() : std::string()));
    }
    return group;
}

} // namespace berth::check
