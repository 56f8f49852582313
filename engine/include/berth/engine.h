// The engine's front door: container lifecycle operations.
#pragma once

#include "berth/container_kind.h"
#include "berth/error.h"
#include "berth/images.h"
#include "berth/limits.h"
#include "berth/model/shared_folder.h"
#include "berth/paths.h"
#include "berth/stats.h"
#include "berth/templates.h"
#include "berth/unique_fd.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace berth {

namespace runtime {
class SpareMonitor;
}

// Berth's own cgroup parent. On a host where systemd is init, containers
// started with this default go into scopes systemd delegates instead.
inline constexpr const char* kDefaultCgroupParent = "berth";

struct EngineSettings {
    Paths paths{"/"};
    // Parent of every container's cgroup, relative to each hierarchy's root.
    std::string cgroupParent = kDefaultCgroupParent;
    // Where berth-monitor and berth-init live; empty = the installed libexec dir.
    std::filesystem::path libexecDir;
    // Directories that lxc.include may read from, besides the container's own.
    std::vector<std::filesystem::path> includeRoots;
    // Where the debian/ubuntu templates cache debootstrap's trees; empty:
    // paths.templateCacheDir(). Tests point it outside their temporary root
    // so that the cache (minutes to build) survives between runs.
    std::filesystem::path templateCacheDir;
    // Where subuid and subgid name Berth's ID range (the entries of user
    // _berth); tests point it at files of their own.
    std::filesystem::path idRangeDir = "/etc";

    // Run by the monitor of a container marked berth.remove_when_stopped
    // once it has stopped, so that whoever removes it learns of it even if
    // it died meanwhile (the helper's: a bus message that starts a helper);
    // empty: nothing is run.
    std::vector<std::string> wakeCommand;

    // Keep a berth-monitor ready ahead of the next start (the helper's: it
    // saves each start the monitor's own start-up); it ends with the engine.
    bool spareMonitor = false;

    // Registries (issue #21), the administrator's files in the format of
    // containers-registries.conf(5) and containers-certs.d(5): search
    // registries for short names, registries allowed over plain http
    // (`insecure = true`; localhost always is), and extra CA certificates
    // per host (<certsDir>/<host[:port]>/*.crt). Tests point them at files of their own.
    std::filesystem::path registriesConf = "/etc/containers/registries.conf";
    std::filesystem::path registryCertsDir = "/etc/containers/certs.d";
};

// What a new container gets besides its template, written into the config
// the template built and checked on this host before the container
// appears: a setup that cannot hold leaves nothing.
struct CreateSetup {
    // eth0's static IPv4 address on its network, "10.0.3.20" (the bridge's
    // prefix is added) or "10.0.3.20/24"; empty: one from the bridge at start.
    std::string address;
    std::vector<std::string> forwards;    // "tcp:8080:80", as addForward takes them
    Limits limits;                        // as setLimits takes them
    bool autostart = false;               // lxc.start.auto = 1
    std::vector<std::string> environment; // "KEY=VALUE" (lxc.environment)
    bool removeWhenStopped = false;       // berth.remove_when_stopped = 1
    // An image container's process, over what its image says (docker run
    // --entrypoint, -w, -u): unset keeps the image's. An entrypoint given
    // drops the image's Cmd too, as Docker does.
    std::optional<std::vector<std::string>> entrypoint;
    std::string workingDir;
    std::string user; // "name", "uid", "uid:gid", looked up in the image's /etc/passwd
    // More config lines, appended as given (berthctl run -s KEY=VALUE).
    std::vector<std::pair<std::string, std::string>> config;

    [[nodiscard]] bool empty() const;
};

// One interface's settings as addInterface takes them and the changes
// setInterface makes: a field left empty is not touched (addInterface: a
// veth without one). Keys as model/interface.h's interface_keys.
struct InterfaceChange {
    std::optional<std::string> type;   // veth, macvlan, empty, none
    std::optional<std::string> link;   // a veth's bridge, a macvlan's parent; "": Berth's default
    std::optional<std::string> hwaddr; // "": chosen at start
    std::optional<std::string> name;   // inside the container; "": the lowest free ethK
    // Static IPv4 addresses, at most one: "10.0.3.20" (the bridge's prefix
    // is added) or "10.0.3.20/24"; empty: none, the bridge leases one.
    std::optional<std::vector<std::string>> ipv4;
    std::optional<unsigned> mtu; // 0: the link's default

    [[nodiscard]] bool empty() const;
};

struct CreateRequest {
    std::string name;
    // A template of templateCatalog() (berth/templates.h).
    std::string templateName = "busybox";
    // The template's options by key (validated against its schema: an
    // unknown key or a bad value is EINVAL and nothing is created).
    // clone: "source" (a stopped container), "snapshot" ("true": an overlayfs
    // snapshot instead of a full copy). debian/ubuntu: "release", "variant",
    // "mirror", "packages", "root-password", "snapshot". oci: "reference".
    // image: "reference" (an image of the store, pulled first when missing).
    TemplateOptions options;
    // The template's File option, opened by the caller (never a path):
    // tarball: the archive (tar, tar.gz, tar.xz, tar.zst); oci: a `docker
    // save` archive or an OCI layout directory; lxc-import: the LXC
    // container's directory (holding config and rootfs/).
    int inputFd = -1;
    // Whose rights a directory input (oci) is read with: the caller's uid
    // and groups (as the bus saw them; unset: the user's groups from the
    // user database). 0, root, reads it in place.
    uid_t inputReader = 0;
    std::optional<std::vector<gid_t>> inputReaderGroups;
    // image: logins for the registry, when the image must be pulled first.
    std::vector<RegistryCredential> credentials;
    // Unset: the template's default (oci, image: application, others: system).
    std::optional<ContainerKind> kind;
    // A privileged container (berth.privileged = 1, no user namespace: its
    // root is the host's root). Otherwise the container gets a block of IDs
    // of its own (lxc.idmap); a clone of a privileged source is privileged
    // only when this asks for it.
    bool privileged = false;
    // Application containers: the command berth-init runs (oci, image: it
    // replaces the image's Cmd and follows its Entrypoint, as `docker run
    // IMAGE COMMAND`; empty takes the image's Cmd).
    std::vector<std::string> command;
    // Empty: the container's name.
    std::string hostname;
    // A network (bridge) to attach eth0 to, "berthbr0" for the default one;
    // empty: no network but loopback (lxc.net.0.type = empty).
    std::string network;
    // tarball: judges the config a container archive brings, as the new
    // container will have it, before any of the archive is written; an
    // error refuses the creation. Unset: any config passes (the helper
    // sets it to its authorization of the caller).
    std::function<Status(const std::string& configText)> checkImportedConfig;
    CreateSetup setup;
};

// A bridge with DHCP and DNS (dnsmasq) and NAT, like LXC's lxcbr0.
struct NetworkSettings {
    std::string name;
    std::string address;   // the bridge's address on its subnet, "10.0.3.1/24"; empty: a free 10.0.N.1/24
    std::string dhcpRange; // "10.0.3.2-10.0.3.199"; empty: .2 to .199 of the subnet
    bool nat = true;
    std::string domain = "berth";
    unsigned mtu = 0; // 0: the kernel's default
};

// A change of a network's settings: what is given changes, nothing else.
struct NetworkChange {
    std::string name;
    std::optional<std::string> address;   // a new subnet without a range gets .2 to .199 of it
    std::optional<std::string> dhcpRange; // empty: .2 to .199 of the subnet
    std::optional<bool> nat;
    std::optional<std::string> domain; // empty: "berth"
    std::optional<unsigned> mtu;       // 0: the kernel's default
};

struct NetworkInfo {
    NetworkSettings settings;
    bool up = false;                     // the bridge exists on this host now
    std::vector<std::string> containers; // whose config attaches to it
};

using RunState = model::RunState; // with its wire names in berth/model/states.h

struct ExitStatus {
    int code = 0;   // exit code, when the init exited
    int signal = 0; // signal number, when the init was killed by one
    [[nodiscard]] bool signaled() const { return signal != 0; }
    // Shell convention: code, or 128 + signal.
    [[nodiscard]] int shellStatus() const { return signal ? 128 + signal : code; }
};

struct ContainerState {
    std::string name;
    RunState state = RunState::Stopped;
    pid_t initPid = 0; // in the host's pid namespace; 0 when stopped
    pid_t monitorPid = 0;
    std::int64_t startedAt = 0; // seconds since the epoch
    std::optional<ExitStatus> lastExit;
    std::string lastError; // why the last run ended abnormally, if it did
};

// An address a container's interface has now (Engine::liveAddresses).
struct LiveAddress {
    std::string interface; // its name inside, "eth0"
    std::string address;   // "10.0.3.200/24"
};

struct StartOptions {
    // Overrides the configured command for this run (lxc-execute -- CMD).
    std::vector<std::string> command;
};

struct ExecRequest {
    std::vector<std::string> argv;
    std::vector<std::string> env; // KEY=VALUE, added to the container's environment
    std::string cwd = "/";
    // Either a new pty (its master is returned) or the caller's stdio fds.
    bool allocatePty = false;
    int stdinFd = -1, stdoutFd = -1, stderrFd = -1;
};

// A user of a container, by its IDs inside.
struct InsideUser {
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
};

// A command running inside a container. wait() reaps it.
class ExecProcess {
public:
    ExecProcess() = default;
    ExecProcess(pid_t pid, UniqueFd statusPipe, UniqueFd ptyMaster);
    ExecProcess(ExecProcess&&) noexcept;
    ExecProcess& operator=(ExecProcess&&) noexcept;
    ~ExecProcess(); // kills and reaps a process nobody waited for

    [[nodiscard]] pid_t pid() const { return m_pid; }
    // The pty's master side when one was asked for, else invalid.
    [[nodiscard]] int ptyMaster() const { return m_ptyMaster.get(); }
    UniqueFd takePtyMaster() { return std::move(m_ptyMaster); }
    [[nodiscard]] Result<ExitStatus> wait();

private:
    pid_t m_pid = -1;
    UniqueFd m_statusPipe;
    UniqueFd m_ptyMaster;
};

// A piece of a container's console log.
struct LogChunk {
    std::string data;
    std::uint64_t nextOffset = 0; // where the next read continues
    std::uint64_t size = 0;       // of the whole log now
};
// The most one readLog call returns.
inline constexpr std::size_t kMaxLogChunk = std::size_t{1} << 20;

class Engine {
public:
    explicit Engine(EngineSettings settings);

    [[nodiscard]] const EngineSettings& settings() const { return m_settings; }

    // Builds the container in a staging directory and renames it into
    // place: a failed or cancelled (ECANCELED) creation leaves nothing.
    // EBUSY while another creation of the same name runs.
    [[nodiscard]] Status create(const CreateRequest& request, const Progress& progress = {});
    // Returns once the init runs (or has already exited), or why it could not start.
    [[nodiscard]] Status start(const std::string& name, const StartOptions& options = {});
    // Halt signal, then SIGKILL after the timeout; returns when it has stopped.
    [[nodiscard]] Status stop(const std::string& name, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    [[nodiscard]] Status kill(const std::string& name, int signal);
    [[nodiscard]] Result<ContainerState> state(const std::string& name) const;
    [[nodiscard]] Result<std::vector<std::string>> list() const;
    [[nodiscard]] Result<ExecProcess> exec(const std::string& name, const ExecRequest& request);
    // A socket connected to console tty `tty` (0 = /dev/console) through the monitor.
    [[nodiscard]] Result<UniqueFd> console(const std::string& name, int tty = 0);
    [[nodiscard]] Status resizeConsole(const std::string& name, int tty, unsigned short rows, unsigned short cols);
    [[nodiscard]] Status destroy(const std::string& name, bool force = false);
    // Gives a stopped privileged container a block of IDs of its own
    // (lxc.idmap) and drops berth.privileged, in one atomic config write; its
    // rootfs is shifted into the block only where the file system has no
    // idmapped mounts. EBUSY while it runs, EINVAL when it is unprivileged.
    [[nodiscard]] Status convertToUnprivileged(const std::string& name);
    // Replaces a container's config atomically, under its lock. An lxc.idmap
    // must map only into Berth's range and away from every other
    // container's IDs (EPERM naming the line); the map, berth.privileged and
    // berth.rootfs.shifted change only while the container is stopped
    // (EBUSY), and a shifted rootfs keeps its map. With `basedOn` (the text
    // the caller read and edited) it is a compare-and-set: a config that is
    // no longer that text is left alone (ESTALE, Error::changedSinceRead).
    [[nodiscard]] Status setConfig(const std::string& name, const std::string& text,
                                   const std::optional<std::string>& basedOn = std::nullopt);
    // Sets lxc.start.auto (1 or 0) and nothing else: other keys, comments
    // and the start order and delay stay as written.
    [[nodiscard]] Status setAutostart(const std::string& name, bool enabled);
    // A container's interfaces (lxc.net.N.*), edited under its lock; the
    // other keys and comments stay as written, and the whole config is
    // checked before it is written atomically. They apply at the next start:
    // a running container keeps the interfaces it has. A static address is
    // checked as createContainer's setup checks it (inside its bridge's
    // subnet, held by no other container). addInterface gives the new one the
    // index after the highest (returned); removeInterface renumbers nothing,
    // so every other interface keeps its index. EINVAL: no such interface.
    [[nodiscard]] Result<unsigned> addInterface(const std::string& name, const InterfaceChange& settings);
    [[nodiscard]] Status setInterface(const std::string& name, unsigned index, const InterfaceChange& changes);
    [[nodiscard]] Status removeInterface(const std::string& name, unsigned index);
    // Writes a stopped container's rootfs as a gzip'd tar to `outFd`, which
    // the tarball template reads back.
    [[nodiscard]] Status exportContainer(const std::string& name, int outFd);
    // Up to maxBytes (at most kMaxLogChunk) of the console log from `offset`;
    // an offset past the end of a log that was replaced starts over at 0.
    // Offsets are logical, across rotations (lxc.console.size): an offset
    // before the oldest byte kept reads from that byte (nextOffset minus
    // the data's size is then past `offset`: that much was dropped).
    [[nodiscard]] Result<LogChunk> readLog(const std::string& name, std::uint64_t offset, std::size_t maxBytes) const;
    // Waits until a running container has stopped on its own.
    [[nodiscard]] Result<ContainerState> waitStopped(const std::string& name, std::chrono::milliseconds timeout);

    // The limits in the container's config (fields the config leaves unset stay unset).
    [[nodiscard]] Result<Limits> limits(const std::string& name) const;
    // Changes the set fields of `limits`: validated against the host, written
    // to the running cgroup (a value the kernel refuses leaves every old
    // value in force and returns the kernel's reason), then persisted to the
    // config atomically. A stopped container's config changes only.
    [[nodiscard]] Status setLimits(const std::string& name, const Limits& limits);
    // One snapshot per running container, read straight from the cgroups.
    [[nodiscard]] Result<std::vector<ContainerStats>> stats() const;
    [[nodiscard]] Status freeze(const std::string& name);
    [[nodiscard]] Status thaw(const std::string& name);

    [[nodiscard]] Result<std::vector<NetworkInfo>> networks() const;
    // Defines the network and brings it up (link, address, dnsmasq, NAT).
    [[nodiscard]] Status createNetwork(const NetworkSettings& settings);
    // Changes the settings given and keeps the others; refused while a
    // running container uses it.
    [[nodiscard]] Status changeNetwork(const NetworkChange& change);
    // Refused while a container's config names it, unless forced.
    [[nodiscard]] Status deleteNetwork(const std::string& name, bool force = false);
    // Brings every network down (dnsmasq, link) and removes table inet berth;
    // the definitions stay. What the package's removal runs, after the
    // containers stopped: EBUSY while any container runs.
    [[nodiscard]] Status stopNetworks();
    // What a killed helper left half-made (a creation's staging directory,
    // its locks): removed unless still in use. The helper calls it once it
    // owns its bus name, so no other helper runs. Returns the paths removed.
    [[nodiscard]] std::vector<std::string> sweepLeftovers();
    // Port forwards of a container, "tcp:8080:80" or "udp:127.0.0.1:5353:53";
    // saved in its config (berth.net.forward) and live while it runs.
    [[nodiscard]] Result<std::vector<std::string>> forwards(const std::string& name) const;
    [[nodiscard]] Status addForward(const std::string& name, const std::string& forward);
    [[nodiscard]] Status removeForward(const std::string& name, const std::string& forward);
    // The IPv4 addresses the bridges' IPAM holds for the container's
    // interfaces that have no configured address, with the bridge's prefix
    // ("10.0.3.200/24"). Reported for stopped containers too (unlike LXC,
    // which reports running ones only): the address stays reserved from the
    // first start until destroy, and the next start gets it again. A
    // container that never ran has none yet. Reads files only: cheap.
    [[nodiscard]] Result<std::vector<std::string>> leasedAddresses(const std::string& name) const;
    // The IPv4 addresses a running container's interfaces really have now,
    // read inside its network namespace (net/namespace_addresses.h), each
    // with its interface, loopback left out; none while it is stopped (a
    // reservation is leasedAddresses' or the config's, never in use).
    // Costs a monitor round trip and a netlink dump in a short thread.
    [[nodiscard]] Result<std::vector<LiveAddress>> liveAddresses(const std::string& name) const;

    // Shared folders (berth.share, engine/src/runtime/shared_folders.h): a
    // host folder of its owner shown at `share.target` as the inside IDs,
    // from the next start on; a share at the same target is replaced. Who
    // may share what is the helper's to judge, not the engine's.
    [[nodiscard]] Result<std::vector<model::SharedFolder>> sharedFolders(const std::string& name) const;
    [[nodiscard]] Status shareFolder(const std::string& name, const model::SharedFolder& share);
    [[nodiscard]] Status unshareFolder(const std::string& name, const std::string& target);
    // The uid and gid of `user` inside the container: "root", a name in its
    // /etc/passwd (read inside its rootfs, never following a link out), or
    // a number (its group from /etc/passwd when listed there, else the same number).
    [[nodiscard]] Result<InsideUser> insideUser(const std::string& name, const std::string& user) const;

    // The image store (issue #21). A pull resolves the reference (short
    // names through the search registries), picks the host's platform from
    // an index, fetches what the store lacks (verified against its digest,
    // resumed after an interruption, one download per blob however many
    // pulls want it) and extracts each layer once, keyed by its diff ID;
    // progress.item() reports each layer, a cancel (ECANCELED) or failure
    // leaves no image and no half-made layer.
    [[nodiscard]] Result<ImageInfo> pullImage(const PullRequest& request, const Progress& progress = {});
    [[nodiscard]] Result<std::vector<ImageInfo>> images() const;
    // One image of the store by name ("debian:bookworm" as a short name
    // resolves), id or a unique id prefix of 12 or more hex digits; ENOENT
    // when the store has none.
    [[nodiscard]] Result<ImageInfo> image(const std::string& reference) const;
    // EBUSY naming the containers made from it. An image with several names
    // loses only the one given (as docker rmi); by id it goes whole.
    [[nodiscard]] Status removeImage(const std::string& reference);
    // Removes layers no image uses and images without a name no container
    // uses; with `all`, every image no container uses.
    [[nodiscard]] Result<PruneResult> pruneImages(bool all);

private:
    [[nodiscard]] Status setFrozen(const std::string& name, bool frozen);

    EngineSettings m_settings;
    std::shared_ptr<runtime::SpareMonitor> m_spareMonitor; // with settings.spareMonitor
};

} // namespace berth
