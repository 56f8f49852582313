// Typed views of the helper's replies (the dictionaries its XML documents).
// Conversions are pure so they are unit-tested without a bus.
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "berth/model/bridge.h"
#include "berth/model/interface.h"
#include "berth/model/limits.h"
#include "berth/model/shared_folder.h"
#include "berth/model/states.h"
#include "client_dbus_types.h"
#include "client_error.h"

#include <optional>
#include <vector>

#include <cstdint>

namespace berth::client {

inline constexpr quint64 kNoLimit = UINT64_MAX;

struct ContainerInfo {
    QString name;
    model::RunState state = model::RunState::Stopped;
    int pid = 0;
    int monitorPid = 0;
    qint64 startedAt = 0;
    std::optional<model::ContainerKind> kind; // none when its config does not parse
    QString templateName;
    QStringList addresses;
    bool autostart = false;                  // lxc.start.auto
    int startOrder = 0;                      // lxc.start.order: lower starts first
    uint startDelay = 0;                     // lxc.start.delay: seconds before the next start
    QStringList waitLinks;                   // host links it needs up that Berth does not create
    model::Limits limits;                    // GetContainer's `limits`, read with model::parseLimitArgs
    bool privileged = false;                 // no user namespace of its own: its root is the host's root
    QString idMap;                           // its lxc.idmap lines joined by ", "; empty when privileged
    QString rootfsIds;                       // "idmapped", "shifted", or empty when privileged
    quint32 hostUidFirst = 0;                // the host user ID of root inside (from idMap)
    quint32 hostUidCount = 0;                // how many user IDs from there; 0: no map
    QStringList warnings;                    // what its config asks for that Berth does not apply
    std::vector<model::SharedFolder> shares; // berth.share, applied at the next start
    int lastExitCode = 0;
    bool hasExited = false;
    QString lastError;
    std::vector<model::NetInterface> interfaces; // lxc.net.N in order (GetContainer's `interfaces`)
    // `addresses` are those its interfaces have now (none while stopped);
    // each one's interface inside, in the same order.
    QStringList addressInterfaces;
    // Reserved for it, not in use: its config's static ones and its leases.
    QStringList reservedAddresses;
};

struct TemplateOption {
    QString key;
    QString type;
    QString label;
    QString description;
    QString defaultValue;
    QStringList choices;
    bool required = false;
    qint64 minimum = 0;
    qint64 maximum = 0;
    bool acceptsFile = false;
    bool acceptsDirectory = false;
};

struct TemplateInfo {
    QString name;
    QString label;
    QString description;
    std::optional<model::ContainerKind> defaultKind; // none: the template names none Berth knows
    QList<TemplateOption> options;
};

struct ContainerStats {
    QString name;
    qint64 timestampNs = 0;
    quint64 memoryCurrent = 0;
    quint64 memoryLimit = kNoLimit;
    quint64 memoryCache = 0;
    quint64 memoryAnon = 0;
    quint64 oomKills = 0;
    quint64 cpuUsageNs = 0;
    quint64 cpuThrottledNs = 0;
    double cpuQuotaCores = 0;
    quint64 pidsCurrent = 0;
    quint64 pidsLimit = kNoLimit;
    quint64 ioReadBytes = 0;
    quint64 ioWriteBytes = 0;
    quint64 netRxBytes = 0;
    quint64 netTxBytes = 0;
};

struct Bridge {
    QString name;
    QString address;
    QString dhcpRange;
    QString domain;
    bool nat = false;
    bool up = false;
    uint mtu = 0;
    QStringList containers;
};

struct BridgeSettings {
    QString address;   // empty: a free one
    QString dhcpRange; // empty: .2 to .199
    bool nat = true;
    QString domain; // empty: 'berth'
    uint mtu = 0;   // 0: the kernel's default
};

// A change of a bridge: what is set changes, nothing else (ChangeBridge).
using BridgeChange = model::BridgeChange;

struct CheckItem {
    QString group;
    QString id;
    QString title;
    QString status; // ok, missing, limited
    QString detail;
    QString explanation;
};

// CreateContainer's setup: what the new container gets besides its
// template, applied with it in one job (all or nothing).
struct CreateSetup {
    QString address;                // eth0's static IPv4 address, "10.0.3.20" or "10.0.3.20/24"
    QStringList forwards;           // "tcp:8080:80"
    model::Limits limits;           // the limits set at create
    bool autostart = false;         // lxc.start.auto
    QStringList environment;        // KEY=VALUE
    bool removeWhenStopped = false; // berth.remove_when_stopped
    QMap<QString, QString> config;  // more config lines
    // An image container (template "image"): over what its image says.
    std::optional<QStringList> entrypoint; // set: replaces the Entrypoint, drops the Cmd
    QString workingDir;                    // empty: the image's
    QString user;                          // empty: the image's
};

struct CreateRequest {
    QString name;
    QString templateName;
    QMap<QString, QString> options;
    std::optional<model::ContainerKind> kind; // none: the template's default
    QStringList command;                      // application containers
    QString network;                          // bridge, empty: loopback only
    int inputFd = -1;                         // a file or directory for templates with a File option; not owned
    bool privileged = false;                  // no user namespace: root inside is the host's root (admin only)
    CreateSetup setup;                        // CreateContainer's; Create takes only the network
    QList<RegistryLogin> credentials;         // template "image": logins for a pull (CreateContainer only)
};

// CreateContainer's setup dictionary (a{sv}): the network and what of the
// setup is set.
[[nodiscard]] QVariantMap createSetupMap(const CreateRequest& request);

// Create's options dictionary: the template's options and Berth's own
// (model/create_options.h).
[[nodiscard]] QMap<QString, QString> createOptions(const CreateRequest& request);

// SetInterface's changes: only the fields set are sent, and change. An
// empty string (link, hwaddr, name), an empty ipv4 list or mtu 0 removes
// the key from the interface.
struct InterfaceChange {
    std::optional<std::string> type;
    std::optional<std::string> link;
    std::optional<std::string> hwaddr;
    std::optional<std::string> name;
    std::optional<std::vector<model::Ipv4Cidr>> ipv4;
    std::optional<unsigned> mtu;
};

// AddInterface's settings (a{sv}, model/interface.h's interface_keys but
// index): the type, and each other field that is set.
[[nodiscard]] QVariantMap interfaceSettingsMap(const model::NetInterface& iface);
// SetInterface's changes (a{sv}): the fields the change holds.
[[nodiscard]] QVariantMap interfaceChangeMap(const InterfaceChange& change);

struct ExecRequest {
    QString name;
    QStringList argv;
    QStringList env; // KEY=VALUE
    QString cwd = QStringLiteral("/");
};

// A piece of a container's console log (GetLog); continue at nextOffset.
struct LogChunk {
    QByteArray data;
    quint64 nextOffset = 0;
    quint64 size = 0; // of the whole log now
};

struct ExecStatus {
    int status = 0; // exit code, or 128 + signal
    int signal = 0;
};

// The replies converted once; a field of the wrong type is BadReply
// (reply_fields.h), an absent one keeps its default.
[[nodiscard]] Result<ContainerInfo> containerInfoFromMap(const QVariantMap& map);
[[nodiscard]] Result<TemplateInfo> templateInfoFromMap(const QVariantMap& map);
[[nodiscard]] Result<ContainerStats> statsFromMap(const QString& name, const QVariantMap& map);
// GetStats' reply: every container's, by name.
[[nodiscard]] Result<QList<ContainerStats>> statsFromReply(const QMap<QString, QVariantMap>& byName);
[[nodiscard]] Result<Bridge> bridgeFromMap(const QVariantMap& map);
// The wire words (berthctl's output and its JSON show them as they are).
[[nodiscard]] QString wireText(model::RunState state);
[[nodiscard]] QString wireText(std::optional<model::ContainerKind> kind); // empty for none
// ChangeBridge's dictionary: the keys of what is set.
[[nodiscard]] QVariantMap bridgeChangeMap(const BridgeChange& change);
[[nodiscard]] Result<CheckItem> checkItemFromMap(const QVariantMap& map);

// Nested containers arrive as QDBusArgument inside a QVariant; plain
// values (from a QVariantMap built in the same process) pass through.
[[nodiscard]] QList<QVariantMap> variantMapList(const QVariant& value);
[[nodiscard]] QVariantMap variantMap(const QVariant& value);
[[nodiscard]] QMap<QString, QString> stringMap(const QVariant& value);

// SetLimits' dictionary (and GetContainer's): model::limitArgsText as Qt strings.
[[nodiscard]] QMap<QString, QString> limitArgsMap(const model::Limits& limits);

} // namespace berth::client
