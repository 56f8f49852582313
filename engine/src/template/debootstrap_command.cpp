#include "template/debootstrap_command.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include <sys/utsname.h>

namespace berth::templates {

namespace {

struct Distro {
    const char* name;
    const char* defaultRelease;
    const char* defaultMirror;
    std::array<const char*, 6> releases;
};

constexpr Distro kDistros[] = {
    {"debian", "bookworm", "http://deb.debian.org/debian",
     {"bookworm", "bullseye", "trixie", "sid", "buster", nullptr}},
    {"ubuntu", "jammy", "http://archive.ubuntu.com/ubuntu", {"jammy", "noble", "focal", nullptr, nullptr, nullptr}},
};

constexpr std::pair<const char*, const char*> kArchitectures[] = {
    {"x86_64", "amd64"}, {"aarch64", "arm64"}, {"i686", "i386"}, {"armv7l", "armhf"},
    {"ppc64le", "ppc64el"}, {"s390x", "s390x"}, {"riscv64", "riscv64"},
};

const Distro* findDistro(const std::string& name)
{
    for (const Distro& distro : kDistros)
        if (name == distro.name)
            return &distro;
    return nullptr;
}

bool knownRelease(const Distro& distro, const std::string& release)
{
    return std::any_of(distro.releases.begin(), distro.releases.end(),
                       [&](const char* known) { return known && release == known; });
}

// Debian policy: lower case letters, digits, + - . ; at least two
// characters; starts with a letter or digit.
bool validPackageName(const std::string& name)
{
    if (name.size() < 2 || !std::isalnum(static_cast<unsigned char>(name.front())))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
               c == '+' || c == '-' || c == '.';
    });
}

bool validMirror(const std::string& mirror)
{
    const bool scheme = mirror.starts_with("http://") || mirror.starts_with("https://");
    return scheme && mirror.find_first_of(" \t\n'\"\\") == std::string::npos && mirror.size() < 512;
}

bool knownArchitecture(const std::string& arch)
{
    return std::any_of(std::begin(kArchitectures), std::end(kArchitectures),
                       [&](const auto& entry) { return arch == entry.second; });
}

} // namespace

Result<std::string> hostDebianArchitecture()
{
    utsname host{};
    if (::uname(&host) != 0)
        return failErrno(errno, "uname");
    for (const auto& [machine, debian] : kArchitectures)
        if (std::string_view(host.machine) == machine)
            return std::string(debian);
    return failWith(ENOTSUP, std::string("no Debian architecture is known for '") + host.machine + "'");
}

Result<DebootstrapRequest> normalizedRequest(DebootstrapRequest request)
{
    const Distro* distro = findDistro(request.distro);
    if (!distro)
        return failWith(EINVAL, "unknown distribution '" + request.distro + "' (debian or ubuntu)");
    if (request.release.empty())
        request.release = distro->defaultRelease;
    if (!knownRelease(*distro, request.release))
        return failWith(EINVAL, "'" + request.release + "' is not a release of " + request.distro + " that Berth knows");
    if (request.architecture.empty()) {
        auto host = hostDebianArchitecture();
        if (!host)
            return fail(host.error());
        request.architecture = *host;
    }
    if (!knownArchitecture(request.architecture))
        return failWith(EINVAL, "unknown architecture '" + request.architecture + "'");
    if (request.variant != "minbase" && request.variant != "buildd" && request.variant != "default")
        return failWith(EINVAL, "variant '" + request.variant + "' is not minbase, buildd or default");
    if (request.mirror.empty())
        request.mirror = distro->defaultMirror;
    if (!validMirror(request.mirror))
        return failWith(EINVAL, "mirror '" + request.mirror + "' is not an http or https URL");
    for (const std::string& package : request.packages)
        if (!validPackageName(package))
            return failWith(EINVAL, "'" + package + "' is not a Debian package name");
    std::sort(request.packages.begin(), request.packages.end());
    request.packages.erase(std::unique(request.packages.begin(), request.packages.end()), request.packages.end());
    return request;
}

Result<std::vector<std::string>> debootstrapArguments(const DebootstrapRequest& request,
                                                      const std::filesystem::path& target)
{
    auto checked = normalizedRequest(request);
    if (!checked)
        return fail(checked.error());
    std::vector<std::string> argv = {"debootstrap", "--arch=" + checked->architecture};
    if (checked->variant != "default")
        argv.push_back("--variant=" + checked->variant);
    if (!checked->packages.empty()) {
        std::string include;
        for (const std::string& package : checked->packages)
            include += (include.empty() ? "" : ",") + package;
        argv.push_back("--include=" + include);
    }
    argv.push_back(checked->release);
    argv.push_back(target.string());
    argv.push_back(checked->mirror);
    return argv;
}

std::string cacheKey(const DebootstrapRequest& request)
{
    std::string key = request.distro + "-" + request.release + "-" + request.variant + "-" + request.architecture;
    if (!request.packages.empty()) {
        // The extra packages change the tree: a short, stable hash of them.
        std::uint32_t hash = 2166136261u;
        for (const std::string& package : request.packages)
            for (char c : package + ",")
                hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        char suffix[16];
        std::snprintf(suffix, sizeof(suffix), "-%08x", hash);
        key += suffix;
    }
    return key;
}

} // namespace berth::templates
