// bench_net_attach: time to attach a container to a bridge -- veth pair with
// the peer created in the container's network namespace, host end into the
// bridge and up, address and link up inside the namespace -- through
// Berth's netlink layer, next to the same steps with `ip` commands, and
// next to what a veth adds to lxc-execute, in one invocation, round-robin.
// Needs root; runs in private network and mount namespaces. See README.md.
//   bench_net_attach [--runs N] [--warmup N]
#include "bench_env.h"
#include "bench_main.h"
#include "berth_contender.h"
#include "command.h"
#include "netns_holder.h"
#include "stats.h"

#include "net/netlink_address.h"
#include "net/netlink_link.h"
#include "net/netlink_socket.h"
#include "net/netlink_veth.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string_view>
#include <vector>

#include <sys/mount.h>

namespace {

using namespace berth;
using namespace berth::bench;
namespace fs = std::filesystem;

constexpr const char* kBridge = "bbr0";
constexpr net::Ipv4Cidr kBridgeAddress{net::Ipv4Address{0x0ad20001}, 24};    // 10.210.0.1/24
constexpr net::Ipv4Cidr kContainerAddress{net::Ipv4Address{0x0ad20002}, 24}; // 10.210.0.2/24
constexpr const char* kContainerAddressText = "10.210.0.2/24";
constexpr const char* kLxcAddressText = "10.210.0.3/24";

struct Options {
    int runs = 100;
    int warmup = 3;
};

struct Contender {
    std::string name;
    std::function<Result<double>()> runOnce;
    std::vector<double> samples;
};

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point begin)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
}

Result<int> parseCount(std::string_view flag, const char* text, int min)
{
    const std::string_view value = text ? text : "";
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || result < min || result > 100000)
        return failWith(EINVAL, std::string(flag) + " needs a number from " + std::to_string(min) + " to 100000",
                        "'" + std::string(value) + "'");
    return result;
}

Result<Options> parseOptions(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        Result<int> count = arg == "--runs" ? parseCount(arg, value, 1)
                            : arg == "--warmup"
                                ? parseCount(arg, value, 0)
                                : failWith(EINVAL, "usage: bench_net_attach [--runs N] [--warmup N]", std::string(arg));
        if (!count)
            return fail(count.error());
        (arg == "--runs" ? options.runs : options.warmup) = *count;
        ++i;
    }
    return options;
}

// The timed steps of Berth's attach; the holder is the container's init.
Status berthAttach(net::NetlinkSocket& sock, NetnsHolder& holder, const char* hostEnd)
{
    if (Status ok = net::createVethPair(sock, hostEnd, "eth0", holder.pid(), "00:16:3e:0a:d2:02", 0); !ok)
        return ok;
    if (Status ok = net::setMaster(sock, hostEnd, kBridge); !ok)
        return ok;
    if (Status ok = net::setLinkUp(sock, hostEnd, true); !ok)
        return ok;
    return holder.configure();
}

Status ipAttach(pid_t pid, const char* hostEnd, const fs::path& log)
{
    const std::string target = std::to_string(pid);
    const std::vector<Argv> steps = {
        {"ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", target},
        {"ip", "link", "set", hostEnd, "master", kBridge, "up"},
        {"nsenter", "-t", target, "-n", "ip", "addr", "add", kContainerAddressText, "dev", "eth0"},
        {"nsenter", "-t", target, "-n", "ip", "link", "set", "eth0", "up"},
    };
    for (const Argv& step : steps)
        if (Result<double> ms = timedRun(step, log); !ms)
            return fail(ms.error());
    return {};
}

// A fresh namespace per run (untimed), the attach (timed), then the host
// end deleted (untimed: deleting a veth costs about as much again) so the
// next run can reuse its name.
Result<double> attachRun(net::NetlinkSocket& sock, const char* hostEnd,
                         const std::function<Status(NetnsHolder&)>& attach)
{
    NetnsHolder holder;
    if (Status ok = holder.start("eth0", kContainerAddress); !ok)
        return fail(ok.error());
    const Clock::time_point begin = Clock::now();
    Status ok = attach(holder);
    const double ms = msSince(begin);
    Result<bool> exists = net::linkExists(sock, hostEnd);
    if (exists && *exists)
        if (Status deleted = net::deleteLink(sock, hostEnd); !deleted && ok)
            ok = deleted;
    if (!ok)
        return fail(ok.error());
    return ms;
}

Status writeLxcConfig(const fs::path& file, const fs::path& rootfs, const std::string& cgroupParent, bool veth)
{
    std::ofstream out(file, std::ios::trunc);
    out << "lxc.uts.name = bench-net\n"
        << "lxc.rootfs.path = dir:" << rootfs.string() << '\n'
        << "lxc.mount.auto = proc:mixed sys:ro\n"
        << "lxc.autodev = 1\n"
        << "lxc.apparmor.profile = unconfined\n"
        << "lxc.cgroup.dir.monitor = " << cgroupParent << "/lxc-monitor\n"
        << "lxc.cgroup.dir.container = " << cgroupParent << "/lxc-payload\n"
        << "lxc.cgroup.dir.monitor.pivot = " << cgroupParent << "/lxc-pivot\n";
    if (veth)
        out << "lxc.net.0.type = veth\n"
            << "lxc.net.0.link = " << kBridge << '\n'
            << "lxc.net.0.name = eth0\n"
            << "lxc.net.0.flags = up\n"
            << "lxc.net.0.ipv4.address = " << kLxcAddressText << '\n';
    else
        out << "lxc.net.0.type = empty\n";
    if (!out.flush())
        return failWith(EIO, "cannot write the LXC config", file.string());
    return {};
}

Result<Contender> lxcContender(const fs::path& dir, const fs::path& rootfs, const std::string& cgroupParent, bool veth)
{
    const std::string tag = veth ? "veth" : "empty";
    const fs::path lxcPath = dir / ("lxc-" + tag);
    const fs::path config = dir / ("lxc-" + tag + ".conf");
    std::error_code ec;
    fs::create_directories(lxcPath, ec);
    if (ec)
        return failWith(ec.value(), "create the LXC path: " + ec.message(), lxcPath.string());
    if (Status ok = writeLxcConfig(config, rootfs, cgroupParent, veth); !ok)
        return fail(ok.error());
    Argv argv = {"lxc-execute",   "-P", lxcPath.string(), "-n", "bench-net-" + tag, "-f",
                 config.string(), "--", "/bin/true"};
    const fs::path log = dir / ("lxc-" + tag + ".log");
    return Contender{veth ? "lxc-execute, veth on bridge" : "lxc-execute, no network",
                     [argv, log] { return timedRun(argv, log); },
                     {}};
}

// LXC looks the bridge up under /sys/class/net, which shows the links of
// the namespace sysfs was mounted in (the host's). A sysfs mounted here
// shows the bench's own; its net directories are bound over the old ones,
// in the bench's private mount namespace only, leaving the rest of /sys
// (cgroups) as it is.
Status exposeOwnSysfsNet(const fs::path& tempDir)
{
    const fs::path sys = tempDir / "sys";
    std::error_code ec;
    fs::create_directory(sys, ec);
    if (ec)
        return failWith(ec.value(), "create " + sys.string() + ": " + ec.message());
    if (::mount("sysfs", sys.c_str(), "sysfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
        return failErrno(errno, "mount sysfs on " + sys.string());
    for (const char* dir : {"class/net", "devices/virtual/net"}) {
        const fs::path from = sys / dir;
        const fs::path to = fs::path("/sys") / dir;
        if (::mount(from.c_str(), to.c_str(), nullptr, MS_BIND, nullptr) != 0)
            return failErrno(errno, "bind " + from.string() + " on " + to.string());
    }
    return {};
}

Status createBridge(net::NetlinkSocket& sock)
{
    if (Status ok = net::createBridge(sock, kBridge, 0); !ok)
        return ok;
    if (Status ok = net::addAddress(sock, kBridge, kBridgeAddress); !ok)
        return ok;
    return net::setLinkUp(sock, kBridge, true);
}

// Round-robin, so drift in the machine's load touches every contender alike.
Status measure(std::vector<Contender>& contenders, const Options& options)
{
    for (int run = 0; run < options.warmup + options.runs; ++run) {
        for (Contender& contender : contenders) {
            if (interrupted())
                return failWith(EINTR, "interrupted");
            Result<double> ms = contender.runOnce();
            if (!ms)
                return fail(ms.error().wrap(contender.name + ", run " + std::to_string(run + 1)));
            if (run >= options.warmup)
                contender.samples.push_back(*ms);
        }
    }
    return {};
}

// What the veth adds to lxc-execute: each veth sample minus the no-network median.
TableRow lxcVethCost(const Contender& withVeth, const Contender& without)
{
    const double offset = summarize(without.samples).median;
    std::vector<double> adjusted;
    for (double ms : withVeth.samples)
        adjusted.push_back(ms - offset);
    return {"lxc veth - no-network median", summarize(std::move(adjusted))};
}

void printResults(const std::vector<Contender>& contenders)
{
    std::vector<TableRow> rows;
    for (const Contender& contender : contenders)
        rows.push_back({contender.name, summarize(contender.samples)});
    rows.push_back(lxcVethCost(contenders[2], contenders[3]));
    std::printf("\nattach a container to a bridge (wall time, steady_clock)\n%s", formatTable(rows).c_str());
}

Status runBench(const Options& options)
{
    BenchEnvironment env;
    if (Status ok = env.enter(); !ok)
        return ok;
    Result<net::NetlinkSocket> sock = net::NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    if (Status ok = createBridge(*sock); !ok)
        return ok;
    if (Status ok = exposeOwnSysfsNet(env.tempDir()); !ok)
        return ok;
    EngineSettings settings;
    settings.paths = Paths(env.tempDir());
    settings.cgroupParent = env.cgroupParent();
    settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
    BerthContender rootfsOwner(std::move(settings)); // only its busybox rootfs is used, by LXC
    if (Status ok = rootfsOwner.create(); !ok)
        return ok;
    Result<Contender> lxcVeth = lxcContender(env.tempDir(), rootfsOwner.rootfs(), env.cgroupParent(), true);
    Result<Contender> lxcEmpty = lxcContender(env.tempDir(), rootfsOwner.rootfs(), env.cgroupParent(), false);
    if (!lxcVeth || !lxcEmpty)
        return fail(!lxcVeth ? lxcVeth.error() : lxcEmpty.error());
    const fs::path ipLog = env.tempDir() / "ip.log";
    net::NetlinkSocket& nl = *sock;
    // The order of rows; printResults relies on the LXC rows at 2 and 3.
    std::vector<Contender> contenders;
    contenders.push_back(
        {"berth (libnl, peer born in netns)",
         [&] { return attachRun(nl, "vbh0", [&](NetnsHolder& h) { return berthAttach(nl, h, "vbh0"); }); },
         {}});
    contenders.push_back(
        {"ip link + nsenter ip (4 commands)",
         [&] { return attachRun(nl, "vih0", [&](NetnsHolder& h) { return ipAttach(h.pid(), "vih0", ipLog); }); },
         {}});
    contenders.push_back(std::move(*lxcVeth));
    contenders.push_back(std::move(*lxcEmpty));
    std::printf("bench_net_attach: %d runs (+%d warm-up) of each, round-robin\n", options.runs, options.warmup);
    if (Status ok = measure(contenders, options); !ok)
        return ok;
    printResults(contenders);
    return {};
}

} // namespace

int main(int argc, char** argv)
{
    return benchMain("bench_net_attach", parseOptions(argc, argv), runBench);
}
