#include "overview_text.h"

#include "berth/model/forward.h"
#include "berth/model/units.h"
#include "container_list_model.h"
#include "figures.h"
#include "state_presentation.h"

#include <QCoreApplication>

#include <csignal>

namespace berth::gui {
namespace {

struct Overview {
    Q_DECLARE_TR_FUNCTIONS(Overview)
};

constexpr int kSignalBase = 128; // a shell-style status: 128 + the signal

bool isStopSignal(int signal)
{
    return signal == SIGTERM || signal == SIGINT || signal == SIGHUP || signal == SIGPWR || signal == SIGRTMIN + 3;
}

bool unlimited(const std::optional<std::uint64_t>& value)
{
    return !value || *value == model::kUnlimited;
}

QString cores(double value)
{
    return QString::fromStdString(model::formatCores(value));
}

void addCpuLines(QStringList& lines, const model::Limits& limits)
{
    if (limits.cpuQuota && limits.cpuQuota->cores > 0)
        lines << Overview::tr("CPU up to %1 cores").arg(cores(limits.cpuQuota->cores));
    else
        lines << Overview::tr("CPU: no limit");
    if (limits.cpuWeight)
        lines << Overview::tr("CPU weight %1 when containers compete (100 is the default)").arg(*limits.cpuWeight);
    if (limits.cpuShares)
        lines << Overview::tr("CPU shares %1 when containers compete (1024 is the default)").arg(*limits.cpuShares);
    if (limits.cpus)
        lines << Overview::tr("Runs only on CPUs %1").arg(QString::fromStdString(*limits.cpus));
    if (limits.mems)
        lines << Overview::tr("Uses only memory nodes %1").arg(QString::fromStdString(*limits.mems));
}

QString rate(std::uint64_t bytesPerSecond)
{
    return Overview::tr("%1/s").arg(formatBytes(bytesPerSecond));
}

void addDiskLines(QStringList& lines, const model::Limits& limits)
{
    if (limits.ioWeight)
        lines << Overview::tr("Disk weight %1 when containers compete (100 is the default)").arg(*limits.ioWeight);
    if (limits.blkioWeight)
        lines << Overview::tr("Disk weight %1 when containers compete (500 is the default)").arg(*limits.blkioWeight);
    for (const auto& device : limits.ioDevices) {
        QStringList parts;
        if (device.readBps != model::kUnlimited)
            parts << Overview::tr("reads up to %1").arg(rate(device.readBps));
        if (device.writeBps != model::kUnlimited)
            parts << Overview::tr("writes up to %1").arg(rate(device.writeBps));
        if (device.readIops != model::kUnlimited)
            parts << Overview::tr("%1 reads per second").arg(device.readIops);
        if (device.writeIops != model::kUnlimited)
            parts << Overview::tr("%1 writes per second").arg(device.writeIops);
        if (!parts.isEmpty())
            lines << Overview::tr("Disk %1:%2: %3")
                         .arg(device.major)
                         .arg(device.minor)
                         .arg(parts.join(Overview::tr(", ")));
    }
}

QString memoryUse(const client::ContainerStats& stats)
{
    const QString used = formatBytes(stats.memoryCurrent);
    return stats.memoryLimit == client::kNoLimit
               ? Overview::tr("memory %1 (no limit)").arg(used)
               : Overview::tr("memory %1 of %2").arg(used, formatBytes(stats.memoryLimit));
}

QString processUse(const client::ContainerStats& stats)
{
    // Not %n: English has no translation file to give its plural.
    const QString count =
        stats.pidsCurrent == 1 ? Overview::tr("1 process") : Overview::tr("%1 processes").arg(stats.pidsCurrent);
    return stats.pidsLimit == client::kNoLimit ? count
                                               : Overview::tr("%1 of at most %2").arg(count).arg(stats.pidsLimit);
}

} // namespace

QString exitText(int status)
{
    if (status == 0)
        return Overview::tr("exited normally");
    const int signal = status - kSignalBase;
    const std::string name = signal > 0 ? model::signalName(signal) : std::string();
    if (name.empty())
        return Overview::tr("exited with code %1").arg(status);
    const QString sig = QStringLiteral("SIG") + QString::fromStdString(name);
    if (signal == SIGKILL)
        return Overview::tr("killed by %1 (Force stop, or out of memory)").arg(sig);
    if (isStopSignal(signal))
        return Overview::tr("stopped by %1").arg(sig);
    return Overview::tr("killed by %1").arg(sig);
}

QString statusText(const ContainerRow& row, qint64 now)
{
    const client::ContainerInfo& info = row.info;
    const auto state = row.state();
    if (!state)
        return stateText(row);
    switch (*state) {
    case model::RunState::Running:
        return info.startedAt > 0 && now >= info.startedAt
                   ? Overview::tr("Running for %1").arg(formatDuration(now - info.startedAt))
                   : Overview::tr("Running");
    case model::RunState::Frozen:
        return Overview::tr("Frozen: its processes are paused until you thaw it");
    case model::RunState::Starting:
        return Overview::tr("Starting…");
    case model::RunState::Stopping:
        return Overview::tr("Stopping…");
    case model::RunState::Unmanaged:
        return Overview::tr("Running without its monitor (it was killed): its console and commands are unavailable; "
                            "Stop ends it");
    case model::RunState::Stopped:
        break;
    }
    const QString how = !info.lastError.isEmpty() ? info.lastError
                        : info.hasExited          ? exitText(info.lastExitCode)
                                                  : QString();
    if (how.isEmpty())
        return Overview::tr("Stopped");
    return lastRunFailed(info) ? Overview::tr("Stopped — last run ended with an error: %1").arg(how)
                               : Overview::tr("Stopped — last run: %1").arg(how);
}

QString execCommand(const client::ContainerInfo& info)
{
    // BusyBox and most application images have no bash.
    const bool small = info.kind == model::ContainerKind::Application || info.templateName == QLatin1String("busybox");
    return QStringLiteral("berthctl exec %1 -- %2")
        .arg(info.name, small ? QStringLiteral("sh") : QStringLiteral("bash"));
}

QString usingText(const ContainerRow& row)
{
    if (!row.stats)
        return {};
    QStringList parts;
    if (row.cpuPercent)
        parts << Overview::tr("CPU %1 % of one core").arg(*row.cpuPercent, 0, 'f', 1);
    parts << memoryUse(*row.stats) << processUse(*row.stats);
    return parts.join(QStringLiteral(" · "));
}

QStringList allowedLines(const model::Limits& limits)
{
    QStringList lines;
    lines << (unlimited(limits.memoryMax) ? Overview::tr("Memory: no limit")
                                          : Overview::tr("Memory up to %1").arg(formatBytes(*limits.memoryMax)));
    if (!unlimited(limits.memorySoft))
        lines << Overview::tr("Memory above %1 is reclaimed first").arg(formatBytes(*limits.memorySoft));
    if (limits.swapMax)
        lines << (unlimited(limits.swapMax) ? Overview::tr("Swap: no limit")
                                            : Overview::tr("Swap up to %1").arg(formatBytes(*limits.swapMax)));
    addCpuLines(lines, limits);
    lines << (unlimited(limits.pidsMax) ? Overview::tr("Processes: no limit")
                                        : Overview::tr("At most %1 processes").arg(*limits.pidsMax));
    addDiskLines(lines, limits);
    return lines;
}

QString kindText(std::optional<model::ContainerKind> kind)
{
    if (!kind)
        return Overview::tr("unknown (its configuration cannot be read)");
    return *kind == model::ContainerKind::System ? Overview::tr("System container: boots its own init")
                                                 : Overview::tr("Application container: runs one command");
}

QString forwardText(const QString& forward)
{
    const auto spec = model::parseForwardSpec(forward.toStdString());
    if (!spec)
        return forward;
    const QString protocol =
        spec->protocol == model::ForwardSpec::Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
    const QString host =
        spec->hostAddress
            ? Overview::tr("%1 port %2").arg(QString::fromStdString(spec->hostAddress->toString())).arg(spec->hostPort)
            : Overview::tr("host port %1").arg(spec->hostPort);
    return Overview::tr("%1 → port %2 (%3)").arg(host).arg(spec->containerPort).arg(protocol);
}

QString addressesText(const client::ContainerInfo& info)
{
    QStringList lines;
    for (qsizetype i = 0; i < info.addresses.size(); ++i) {
        const QString on = i < info.addressInterfaces.size() ? info.addressInterfaces[i] : QString();
        lines << (on.isEmpty() ? info.addresses[i] : Overview::tr("%1 on %2").arg(info.addresses[i], on));
    }
    if (!lines.isEmpty())
        return lines.join(QLatin1Char('\n'));
    if (info.interfaces.empty())
        return Overview::tr("No network: loopback only");
    const QString reserved = info.reservedAddresses.join(QLatin1String(", "));
    if (!model::isActive(info.state))
        return reserved.isEmpty() ? Overview::tr("None while it is not running")
                                  : Overview::tr("None while it is not running (reserved: %1)").arg(reserved);
    return Overview::tr("No address yet");
}

} // namespace berth::gui
