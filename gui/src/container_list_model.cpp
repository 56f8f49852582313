#include "container_list_model.h"

#include "privilege_presentation.h"
#include "state_presentation.h"
#include "figures.h"

#include <QDateTime>
#include <QHash>
#include <QThread>

namespace berth::gui {
namespace {

// The limit in force while it runs, else the configured one.
std::optional<quint64> memoryLimit(const ContainerRow& row)
{
    if (row.stats)
        return row.stats->memoryLimit == client::kNoLimit ? std::nullopt : std::optional(row.stats->memoryLimit);
    const std::optional<std::uint64_t> configured = row.info.limits.memoryMax;
    if (!configured || *configured == model::kUnlimited)
        return std::nullopt;
    return quint64(*configured);
}

bool expectsStats(const ContainerRow& row)
{
    return row.state() && model::isActive(*row.state());
}

std::optional<double> cpuPercent(const client::ContainerStats& before, const client::ContainerStats& now)
{
    const qint64 elapsed = now.timestampNs - before.timestampNs;
    if (elapsed <= 0 || now.cpuUsageNs < before.cpuUsageNs)
        return std::nullopt; // a restart in between resets the counter
    return 100.0 * double(now.cpuUsageNs - before.cpuUsageNs) / double(elapsed);
}

// Just started with an interface and no address yet: DHCP answers a few
// seconds into the run, so the list asks again each tick until the address
// shows, for the first two minutes of the run at most.
bool awaitsAddress(const client::ContainerInfo& info)
{
    constexpr qint64 kAddressWaitSeconds = 120;
    return info.state == model::RunState::Running && !info.interfaces.empty() && info.addresses.isEmpty() &&
           info.startedAt > 0 && QDateTime::currentSecsSinceEpoch() - info.startedAt < kAddressWaitSeconds;
}

} // namespace

QString stateText(const ContainerRow& row)
{
    if (!row.unknownState.isEmpty())
        return row.unknownState;
    return toneText(stateTone(row.state(), lastRunFailed(row.info)), row.info.state);
}

ContainerListModel::ContainerListModel(ContainerSource& source, QObject* parent)
    : QAbstractTableModel(parent), m_source(source)
{
    m_statsTimer.setInterval(kDefaultStatsIntervalMs);
    connect(&m_statsTimer, &QTimer::timeout, this, &ContainerListModel::pollStats);
    connect(&m_source, &ContainerSource::containerAdded, this, &ContainerListModel::refresh);
    connect(&m_source, &ContainerSource::containerRemoved, this, &ContainerListModel::removeContainer);
    // The new helper knows what is in force; its predecessor's last signals may be lost.
    connect(&m_source, &ContainerSource::helperReplaced, this, &ContainerListModel::reload);
    connect(&m_source, &ContainerSource::stateChanged, this, [this](const QString& name, const QString& state) {
        setState(name, state);
        refresh(name); // pid, start time and exit status change with it
    });
}

int ContainerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ContainerRow& r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case SortRole:
        return sortValue(r, index.column());
    case Qt::DecorationRole:
        return decoration(r, index.column());
    case Qt::CheckStateRole:
        return index.column() == AutostartColumn ? QVariant(r.info.autostart ? Qt::Checked : Qt::Unchecked)
                                                 : QVariant();
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case ToneRole:
        return index.column() == StateColumn ? QVariant(int(stateTone(r.state(), lastRunFailed(r.info)))) : QVariant();
    case UsageFractionRole:
        return usageFraction(r, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == MemoryColumn || index.column() == CpuColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    default:
        return {};
    }
}

// The state's icon; a privileged container's badge by its name.
QVariant ContainerListModel::decoration(const ContainerRow& r, int column) const
{
    if (column == StateColumn)
        return stateIcon(r.state());
    if (column == NameColumn && r.info.privileged)
        return privilegedIcon();
    return {};
}

QVariant ContainerListModel::toolTip(const ContainerRow& r, int column) const
{
    if (column == StateColumn && !r.info.lastError.isEmpty())
        return r.info.lastError;
    if (column == NameColumn && r.info.privileged)
        return privilegedToolTip();
    return {};
}

QVariant ContainerListModel::display(const ContainerRow& r, int column) const
{
    switch (column) {
    case NameColumn:
        return r.info.name;
    case StateColumn:
        return stateText(r);
    case AddressColumn:
        return r.info.addresses.join(QStringLiteral(", "));
    case MemoryColumn: {
        const auto limit = memoryLimit(r);
        const QString used = r.stats ? formatBytes(r.stats->memoryCurrent) : QStringLiteral("–");
        return limit ? tr("%1 / %2").arg(used, formatBytes(*limit)) : (r.stats ? used : QString());
    }
    case CpuColumn:
        return r.cpuPercent ? tr("%1 %").arg(*r.cpuPercent, 0, 'f', 1) : QString();
    case TemplateColumn:
        return r.info.templateName;
    default:
        return {};
    }
}

QVariant ContainerListModel::usageFraction(const ContainerRow& r, int column) const
{
    if (column == MemoryColumn && r.stats) {
        const auto limit = memoryLimit(r);
        return limit && *limit > 0 ? QVariant(std::min(1.0, double(r.stats->memoryCurrent) / double(*limit)))
                                   : QVariant();
    }
    if (column == CpuColumn && r.cpuPercent && r.stats) {
        // Against its quota; without one, against every core of the host.
        const double cores =
            r.stats->cpuQuotaCores > 0 ? r.stats->cpuQuotaCores : double(std::max(1, QThread::idealThreadCount()));
        return std::min(1.0, *r.cpuPercent / (100.0 * cores));
    }
    return {};
}

QVariant ContainerListModel::sortValue(const ContainerRow& r, int column) const
{
    switch (column) {
    case MemoryColumn:
        return r.stats ? r.stats->memoryCurrent : 0ULL;
    case CpuColumn:
        return r.cpuPercent.value_or(-1.0);
    case AutostartColumn:
        return r.info.autostart;
    case StateColumn: // the state, failed or not, so stopped ones stay together
        return r.unknownState.isEmpty() ? stateText(r.info.state) : r.unknownState;
    default:
        return display(r, column);
    }
}

QVariant ContainerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case AddressColumn:
        return tr("Address");
    case MemoryColumn:
        return tr("Memory used / limit");
    case CpuColumn:
        return tr("CPU");
    case TemplateColumn:
        return tr("Template");
    case AutostartColumn:
        return tr("Autostart");
    default:
        return {};
    }
}

void ContainerListModel::reload()
{
    m_source.listContainers(this, [this](client::Result<QMap<QString, QString>> list) {
        if (!list) {
            m_statsTimer.stop();
            Q_EMIT loadFailed(list.error());
            return;
        }
        applyList(*list);
        m_statsTimer.start();
        Q_EMIT loaded();
    });
}

void ContainerListModel::applyList(const QMap<QString, QString>& states)
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!states.contains(m_rows.at(i).info.name))
            removeContainer(m_rows.at(i).info.name);
    }
    for (auto it = states.begin(); it != states.end(); ++it) {
        client::ContainerInfo known;
        known.name = it.key();
        if (rowOf(it.key()) < 0)
            upsert(known);
        setState(it.key(), it.value());
        refresh(it.key());
    }
}

void ContainerListModel::refresh(const QString& name)
{
    const quint64 asked = ++m_lastRefresh[name];
    m_source.container(name, this, [this, name, asked](client::Result<client::ContainerInfo> info) {
        if (m_lastRefresh.value(name) != asked)
            return; // a later refresh was asked: its answer is newer
        if (info)
            upsert(*info);
        else if (info.error().kind == client::ErrorKind::NotFound)
            removeContainer(name);
    });
}

void ContainerListModel::upsert(const client::ContainerInfo& info)
{
    const int at = rowOf(info.name);
    if (at >= 0) {
        m_rows[at].info = info;
        m_rows[at].unknownState.clear(); // the client took its state
        rowChanged(at);
        return;
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(ContainerRow{info, std::nullopt, std::nullopt});
    endInsertRows();
}

void ContainerListModel::setState(const QString& name, const QString& state)
{
    const int at = rowOf(name);
    if (at < 0)
        return;
    const auto known = model::parseRunState(state.toStdString());
    m_rows[at].info.state = known.value_or(m_rows[at].info.state);
    m_rows[at].unknownState = known ? QString() : state;
    if (!expectsStats(m_rows[at])) {
        m_rows[at].stats.reset();
        m_rows[at].cpuPercent.reset();
    }
    rowChanged(at);
}

void ContainerListModel::removeContainer(const QString& name)
{
    const int at = rowOf(name);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
}

void ContainerListModel::pollStats()
{
    if (m_statsPending || m_rows.isEmpty())
        return;
    m_statsPending = true;
    m_source.stats(this, [this](client::Result<QList<client::ContainerStats>> stats) {
        m_statsPending = false;
        if (stats)
            applyStats(*stats);
    });
}

void ContainerListModel::applyStats(const QList<client::ContainerStats>& stats)
{
    QHash<QString, const client::ContainerStats*> byName;
    for (const auto& s : stats)
        byName.insert(s.name, &s);
    QStringList vanished;
    for (auto& r : m_rows) {
        const auto* now = byName.value(r.info.name);
        if (!now) {
            if (expectsStats(r))
                vanished << r.info.name;
            r.stats.reset();
            r.cpuPercent.reset();
            continue;
        }
        r.cpuPercent = r.stats ? cpuPercent(*r.stats, *now) : std::nullopt;
        r.stats = *now;
    }
    // One signal for the figures of every row.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, MemoryColumn), index(int(m_rows.size()) - 1, CpuColumn));
    // The helper signals changes it makes, not a container whose init
    // exited on its own (or after Kill): missing figures tell. A call only
    // while the list and the statistics disagree.
    for (const auto& name : std::as_const(vanished))
        refresh(name);
    for (const ContainerRow& r : std::as_const(m_rows))
        if (awaitsAddress(r.info) && !vanished.contains(r.info.name))
            refresh(r.info.name);
}

void ContainerListModel::setStatsInterval(int milliseconds)
{
    m_statsTimer.setInterval(milliseconds);
}

int ContainerListModel::rowOf(const QString& name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).info.name == name)
            return i;
    }
    return -1;
}

void ContainerListModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace berth::gui
