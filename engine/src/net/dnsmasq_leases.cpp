#include "net/dnsmasq_leases.h"

#include "berth/unique_fd.h"
#include "config/values.h"
#include "fs/file_io.h"
#include "net/mac.h"

#include <cerrno>

#include <fcntl.h>

namespace berth::net {

namespace {

constexpr std::size_t kMaxLeaseFile = std::size_t{4} << 20;

} // namespace

std::vector<DynamicLease> parseDnsmasqLeases(std::string_view text)
{
    std::vector<DynamicLease> leases;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::vector<std::string_view> words = splitBlanks(text.substr(0, newline));
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (words.size() < 3)
            continue;
        auto mac = parseMac(words[1]);
        auto address = Ipv4Address::parse(words[2]);
        if (mac && address)
            leases.push_back({*mac, *address});
    }
    return leases;
}

Result<std::vector<DynamicLease>> loadDnsmasqLeases(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW));
    if (!fd) {
        if (errno == ENOENT)
            return std::vector<DynamicLease>{};
        return failErrno(errno, "open dnsmasq's lease file " + file.string());
    }
    auto text = fs::readAll(fd.get(), kMaxLeaseFile);
    if (!text)
        return fail(text.error().wrap("read dnsmasq's lease file " + file.string()));
    return parseDnsmasqLeases(*text);
}

std::vector<Ipv4Address> leasedToOthers(const std::vector<DynamicLease>& leases, std::string_view mac)
{
    auto own = parseMac(mac); // in the lower case the leases have
    std::vector<Ipv4Address> others;
    for (const DynamicLease& lease : leases)
        if (!own || lease.mac != *own)
            others.push_back(lease.address);
    return others;
}

} // namespace berth::net
