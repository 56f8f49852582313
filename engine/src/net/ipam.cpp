#include "net/ipam.h"

#include "berth/names.h"
#include "config/values.h"
#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "berth/unique_fd.h"
#include "net/ipv4_ops.h"
#include "net/mac.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>

namespace berth::net {

namespace {

constexpr std::size_t kMaxLeaseFile = std::size_t{4} << 20;

Result<std::string> checkedMac(std::string mac)
{
    if (mac.empty())
        return mac;
    return parseMac(mac);
}

// "<container> <address> <mac>" -> Lease.
Result<Lease> parseLeaseLine(std::string_view line)
{
    const std::vector<std::string_view> words = splitBlanks(line);
    if (words.size() != 3)
        return failWith(EINVAL, "expected '<container> <address> <mac>': " + quoteForMessage(line));
    if (Status name = validateContainerName(words[0]); !name)
        return fail(name.error());
    Result<Ipv4Address> address = parseIpv4Address(words[1]);
    if (!address)
        return fail(address.error());
    Result<std::string> mac = checkedMac(words[2] == "-" ? std::string{} : std::string(words[2]));
    if (!mac)
        return fail(mac.error());
    return Lease{std::string(words[0]), *address, *mac};
}

} // namespace

Result<LeaseTable> LeaseTable::parse(std::string_view text, std::string_view sourceName)
{
    LeaseTable table;
    int lineNumber = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        const std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++lineNumber;
        if (splitBlanks(line).empty())
            continue;
        const std::string where = std::string(sourceName) + ":" + std::to_string(lineNumber);
        Result<Lease> lease = parseLeaseLine(line);
        if (!lease)
            return failWith(lease.error().code, where + ": " + lease.error().message, where);
        if (table.find(lease->container))
            return failWith(EINVAL, where + ": container '" + lease->container + "' has a second lease", where);
        if (table.isLeased(lease->address))
            return failWith(EINVAL, where + ": address " + lease->address.toString() + " is leased twice", where);
        table.insert(std::move(*lease));
    }
    return table;
}

Result<LeaseTable> LeaseTable::load(const std::filesystem::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid()) {
        if (errno == ENOENT)
            return LeaseTable{};
        return failErrno(errno, "open lease file " + file.string());
    }
    Result<std::string> text = fs::readAll(fd.get(), kMaxLeaseFile);
    if (!text)
        return fail(text.error().wrap("read lease file " + file.string()));
    return parse(*text, file.string());
}

std::string LeaseTable::serialize() const
{
    std::string out;
    for (const Lease& lease : m_leases)
        out += lease.container + ' ' + lease.address.toString() + ' ' + (lease.mac.empty() ? "-" : lease.mac) + '\n';
    return out;
}

Status LeaseTable::save(const std::filesystem::path& file) const
{
    return fs::writeFileAtomic(file, serialize(), 0644);
}

Result<Ipv4Address> LeaseTable::allocate(std::string container, const BridgeConfig& bridge, std::string mac,
                                         const std::vector<Ipv4Address>& dynamic)
{
    if (Status name = validateContainerName(container); !name)
        return fail(name.error());
    Result<std::string> checked = checkedMac(std::move(mac));
    if (!checked)
        return fail(checked.error());
    const Ipv4Cidr subnet = subnetOf(bridge.gateway);
    const auto usable = [&](Ipv4Address a) {
        return subnet.contains(a) && a != subnet.network() && a != subnet.broadcast() && a != bridge.gateway.address &&
               std::ranges::find(dynamic, a) == dynamic.end();
    };
    const std::optional<Lease> existing = find(container);
    if (existing && usable(existing->address))
        return existing->address;
    // Outside the range first: there dnsmasq never hands out anything.
    for (const bool inRange : {false, true}) {
        for (std::uint64_t a = subnet.network().value + 1ULL; a < subnet.broadcast().value; ++a) {
            const Ipv4Address candidate{static_cast<std::uint32_t>(a)};
            if (usable(candidate) && bridge.dhcpRange.contains(candidate) == inRange && !isLeased(candidate)) {
                release(container); // a lease from before the bridge changed no longer fits
                insert(Lease{std::move(container), candidate, std::move(*checked)});
                return candidate;
            }
        }
    }
    return failWith(ENOSPC, "no free address left on bridge '" + bridge.name + "' (" + subnet.toString() + ")");
}

Status LeaseTable::reserve(std::string container, Ipv4Address address, std::string mac)
{
    if (Status name = validateContainerName(container); !name)
        return name;
    Result<std::string> checked = checkedMac(std::move(mac));
    if (!checked)
        return fail(checked.error());
    for (const Lease& lease : m_leases) {
        if (lease.address == address && lease.container != container)
            return failWith(EEXIST, "address " + address.toString() + " is already used by container '" +
                                        lease.container + "'");
    }
    release(container);
    insert(Lease{std::move(container), address, std::move(*checked)});
    return {};
}

void LeaseTable::release(std::string_view container)
{
    std::erase_if(m_leases, [&](const Lease& lease) { return lease.container == container; });
}

std::optional<Lease> LeaseTable::find(std::string_view container) const
{
    for (const Lease& lease : m_leases) {
        if (lease.container == container)
            return lease;
    }
    return std::nullopt;
}

bool LeaseTable::isLeased(Ipv4Address address) const
{
    return std::ranges::binary_search(m_leases, address, {}, &Lease::address);
}

void LeaseTable::insert(Lease lease)
{
    const auto at = std::ranges::upper_bound(m_leases, lease.address, {}, &Lease::address);
    m_leases.insert(at, std::move(lease));
}

} // namespace berth::net
