#include "registry/registry_policy.h"

#include "registry/toml_reader.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <system_error>

#include "berth/unique_fd.h"
#include "fs/file_io.h"

namespace berth::registry {

namespace {

// registries.conf is small; a larger one is refused rather than read.
constexpr std::size_t kMaxConfBytes = std::size_t{1} << 20;

std::unexpected<Error> typeError(std::string_view what, const TomlEntry& entry, std::string_view expected)
{
    const std::string where = std::string(what) + ":" + std::to_string(entry.line);
    return failWith(EINVAL, where + ": '" + entry.key + "' is not " + std::string(expected), where);
}

Result<bool> boolValue(std::string_view what, const TomlEntry& entry)
{
    if (entry.value.kind != TomlValue::Kind::Bool)
        return typeError(what, entry, "true or false");
    return entry.value.flag;
}

Result<std::string> stringValue(std::string_view what, const TomlEntry& entry)
{
    if (entry.value.kind != TomlValue::Kind::String)
        return typeError(what, entry, "a string");
    return entry.value.text;
}

Result<std::vector<std::string>> stringList(std::string_view what, const TomlEntry& entry)
{
    if (entry.value.kind != TomlValue::Kind::Array)
        return typeError(what, entry, "an array of strings");
    std::vector<std::string> list;
    for (const TomlValue& item : entry.value.items) {
        if (item.kind != TomlValue::Kind::String)
            return typeError(what, entry, "an array of strings");
        list.push_back(item.text);
    }
    return list;
}

// One key of a [[registry]] table into its entry.
Status readRegistryKey(std::string_view what, const TomlEntry& entry, RegistryEntry& out, std::string& prefix)
{
    if (entry.key == "location" || entry.key == "prefix") {
        auto text = stringValue(what, entry);
        if (!text)
            return fail(text.error());
        (entry.key == "location" ? out.location : prefix) = std::move(*text);
    } else if (entry.key == "insecure" || entry.key == "blocked") {
        auto flag = boolValue(what, entry);
        if (!flag)
            return fail(flag.error());
        (entry.key == "insecure" ? out.insecure : out.blocked) = *flag;
    }
    return {}; // mirror-by-digest-only and others: not Berth's concern
}

// The version 1 format's [registries.search/insecure/block] registries = [...].
Status readVersion1(std::string_view what, const TomlEntry& entry, RegistryPolicy& policy)
{
    auto list = stringList(what, entry);
    if (!list)
        return fail(list.error());
    if (entry.table == "registries.search") {
        policy.searchRegistries.insert(policy.searchRegistries.end(), list->begin(), list->end());
        return {};
    }
    const bool insecure = entry.table == "registries.insecure";
    for (std::string& location : *list)
        policy.registries.push_back(RegistryEntry{std::move(location), insecure, !insecure});
    return {};
}

// What the [[registry]] tables (version 2) say, apart from the version 1
// tables' entries: a file may use one format only.
struct Version2Tables {
    std::vector<RegistryEntry> registries;
    std::vector<std::string> prefixes; // matched instead of the location when set
};

Status readEntry(std::string_view what, const TomlEntry& entry, RegistryPolicy& policy, Version2Tables& version2,
                 bool& version1)
{
    if (entry.table.empty() && entry.key == "unqualified-search-registries") {
        auto list = stringList(what, entry);
        if (!list)
            return fail(list.error());
        policy.searchRegistries = std::move(*list);
    } else if (entry.table == "registry" && entry.arrayTable) {
        const auto index = static_cast<std::size_t>(entry.tableIndex);
        if (version2.registries.size() <= index) {
            version2.registries.resize(index + 1);
            version2.prefixes.resize(index + 1);
        }
        return readRegistryKey(what, entry, version2.registries[index], version2.prefixes[index]);
    } else if ((entry.table == "registries.search" || entry.table == "registries.insecure" ||
                entry.table == "registries.block") &&
               entry.key == "registries") {
        version1 = true;
        return readVersion1(what, entry, policy);
    }
    return {};
}

// "host[:port]" of a location "host[:port][/path]".
std::string_view hostOf(std::string_view location)
{
    return location.substr(0, location.find('/'));
}

// How well `key` (a location or prefix) matches `name`: its length, or -1.
// "*.example.com" matches every subdomain's host.
long matchLength(std::string_view key, std::string_view name)
{
    if (key.starts_with("*.")) {
        const std::string_view host = hostOf(name);
        const std::string_view suffix = key.substr(1);
        return host.size() > suffix.size() && host.ends_with(suffix) ? static_cast<long>(key.size()) : -1;
    }
    if (name == key || (name.starts_with(key) && name.size() > key.size() && name[key.size()] == '/'))
        return static_cast<long>(key.size());
    return -1;
}

} // namespace

bool isLoopbackHost(std::string_view hostPort)
{
    for (std::string_view host : {"localhost", "127.0.0.1", "[::1]"})
        if (hostPort == host || (hostPort.starts_with(host) && hostPort[host.size()] == ':'))
            return true;
    return false;
}

bool RegistryPolicy::isInsecureHost(std::string_view hostPort) const
{
    if (isLoopbackHost(hostPort))
        return true;
    return std::any_of(registries.begin(), registries.end(), [&](const RegistryEntry& e) {
        return e.insecure && matchLength(hostOf(e.location), hostPort) >= 0;
    });
}

bool RegistryPolicy::isBlocked(std::string_view name) const
{
    const RegistryEntry* best = nullptr;
    long bestLength = -1;
    for (const RegistryEntry& e : registries)
        if (const long length = matchLength(e.location, name); length > bestLength) {
            best = &e;
            bestLength = length;
        }
    return best && best->blocked;
}

std::vector<std::filesystem::path> RegistryPolicy::caFiles(std::string_view hostPort) const
{
    std::vector<std::filesystem::path> files;
    // A host from a URL: never a path of its own.
    if (certsDir.empty() || hostPort.empty() || hostPort == "." || hostPort == ".." ||
        hostPort.find('/') != std::string_view::npos)
        return files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(certsDir / hostPort, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".crt" && it->is_regular_file(ec))
            files.push_back(it->path());
    std::sort(files.begin(), files.end());
    return files;
}

Result<RegistryPolicy> parseRegistryPolicy(std::string_view text, std::string_view what)
{
    auto document = parseToml(text, what);
    if (!document)
        return fail(document.error());
    RegistryPolicy policy;
    Version2Tables version2;
    bool version1 = false;
    for (const TomlEntry& entry : document->entries)
        if (auto ok = readEntry(what, entry, policy, version2, version1); !ok)
            return fail(ok.error());
    // As containers/image: the two formats' meanings do not combine.
    if (version1 && !version2.registries.empty())
        return failWith(EINVAL, std::string(what) +
                                    ": mixes [[registry]] tables with the version 1 tables [registries.search], "
                                    "[registries.insecure] and [registries.block]; use one format");
    for (std::size_t i = 0; i < version2.registries.size(); ++i) {
        if (!version2.prefixes[i].empty())
            version2.registries[i].location = version2.prefixes[i];
        policy.registries.push_back(std::move(version2.registries[i]));
    }
    std::erase_if(policy.registries, [](const RegistryEntry& e) { return e.location.empty(); });
    return policy;
}

Result<RegistryPolicy> loadRegistryPolicy(const std::filesystem::path& registriesConf,
                                          const std::filesystem::path& certsDir)
{
    RegistryPolicy policy;
    UniqueFd fd(::open(registriesConf.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd) {
        auto text = fs::readAll(fd.get(), kMaxConfBytes);
        if (!text)
            return fail(text.error().wrap(registriesConf.string()));
        auto parsed = parseRegistryPolicy(*text, registriesConf.string());
        if (!parsed)
            return fail(parsed.error());
        policy = std::move(*parsed);
    } else if (errno != ENOENT)
        return failErrno(errno, "open '" + registriesConf.string() + "'");
    policy.certsDir = certsDir;
    return policy;
}

} // namespace berth::registry
