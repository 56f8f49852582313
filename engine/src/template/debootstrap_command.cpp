#include "template/debootstrap_command.h"

#include "image/oci_digest.h"

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
    // Plain http is fine: the Release file's signature is always checked
    // and it pins every package's hash (apt's model).
    const char* defaultMirror;
    const char* keyring;
    std::array<const char*, 6> releases;
};

constexpr Distro kDistros[] = {
    {"debian",
     "bookworm",
     "http://deb.debian.org/debian",
     "/usr/share/keyrings/debian-archive-keyring.gpg",
     {"bookworm", "bullseye", "trixie", "sid", "buster", nullptr}},
    {"ubuntu",
     "jammy",
     "http://archive.ubuntu.com/ubuntu",
     "/usr/share/keyrings/ubuntu-archive-keyring.gpg",
     {"jammy", "noble", "focal", nullptr, nullptr, nullptr}},
};

constexpr std::pair<const char*, const char*> kArchitectures[] = {
    {"x86_64", "amd64"},    {"aarch64", "arm64"}, {"i686", "i386"},       {"armv7l", "armhf"},
    {"ppc64le", "ppc64el"}, {"s390x", "s390x"},   {"riscv64", "riscv64"},
};

const Distro* findDistro(std::string_view name)
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
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '+' ||
               c == '-' || c == '.';
    });
}

// Archive components: lower case letters, digits and - (main, contrib,
// non-free-firmware, universe).
bool validComponent(const std::string& name)
{
    return !name.empty() && name.size() < 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
    });
}

bool validKeyring(const std::string& path)
{
    return path.starts_with('/') && path.size() < 512 && path.find_first_of(" \t\n'\"\\,") == std::string::npos;
}

std::string joined(const std::vector<std::string>& words)
{
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "" : ",") + word;
    return text;
}

Status checkWords(const std::vector<std::string>& words, bool (*valid)(const std::string&), const char* what)
{
    for (const std::string& word : words)
        if (!valid(word))
            return failWith(EINVAL, "'" + word + "' is not " + what);
    return {};
}

void sortUnique(std::vector<std::string>& words)
{
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
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

std::string defaultKeyring(std::string_view distro)
{
    const Distro* found = findDistro(distro);
    return found ? found->keyring : "";
}

std::string defaultMirror(std::string_view distro)
{
    const Distro* found = findDistro(distro);
    return found ? found->defaultMirror : "";
}

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
        return failWith(EINVAL,
                        "'" + request.release + "' is not a release of " + request.distro + " that Berth knows");
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
    if (request.components.empty())
        request.components = {"main"};
    if (auto valid = checkWords(request.components, validComponent, "an archive component"); !valid)
        return fail(valid.error());
    if (auto valid = checkWords(request.packages, validPackageName, "a Debian package name"); !valid)
        return fail(valid.error());
    sortUnique(request.components);
    sortUnique(request.packages);
    if (request.keyring.empty())
        request.keyring = distro->keyring;
    if (!validKeyring(request.keyring))
        return failWith(EINVAL, "keyring '" + request.keyring + "' is not an absolute path");
    return request;
}

Result<std::vector<std::string>> debootstrapArguments(const DebootstrapRequest& request,
                                                      const std::filesystem::path& target)
{
    auto checked = normalizedRequest(request);
    if (!checked)
        return fail(checked.error());
    std::vector<std::string> argv = {"debootstrap", "--foreign", "--keyring=" + checked->keyring, "--force-check-gpg",
                                     "--arch=" + checked->architecture};
    if (checked->variant != "default")
        argv.push_back("--variant=" + checked->variant);
    argv.push_back("--components=" + joined(checked->components));
    if (!checked->packages.empty())
        argv.push_back("--include=" + joined(checked->packages));
    argv.push_back(checked->release);
    argv.push_back(target.string());
    argv.push_back(checked->mirror);
    return argv;
}

std::vector<std::string> secondStageArguments()
{
    return {"/debootstrap/debootstrap", "--second-stage"};
}

std::string cacheKey(const DebootstrapRequest& request)
{
    // One field a line: no value holds a newline (normalizedRequest).
    const std::string identity = "berth-debootstrap-1\n" + request.distro + "\n" + request.release + "\n" +
                                 request.variant + "\n" + request.architecture + "\n" + request.mirror + "\n" +
                                 joined(request.components) + "\n" + request.keyring + "\n" + joined(request.packages) +
                                 "\n";
    const std::string digest = image::sha256OfText(identity); // "sha256:<64 hex>"
    return request.distro + "-" + request.release + "-" + request.variant + "-" + request.architecture + "-" +
           digest.substr(digest.find(':') + 1, 32);
}

} // namespace berth::templates
