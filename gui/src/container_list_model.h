// The container list: one row per container of the helper, filled by one
// ListContainers answer and a GetContainer per container, kept current by
// the helper's signals, and its figures by ONE GetStats call per interval
// for all containers together.
#pragma once

#include "container_source.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

#include <optional>

namespace berth::gui {

struct ContainerRow {
    client::ContainerInfo info;
    std::optional<client::ContainerStats> stats; // while it runs
    std::optional<double> cpuPercent;            // of one core, from two samples
    // A state word this GUI does not know (a newer helper's, or "unknown"
    // when the helper could not read it), shown as received.
    QString unknownState;

    // None while the state is one this GUI does not know.
    [[nodiscard]] std::optional<model::RunState> state() const
    {
        return unknownState.isEmpty() ? std::optional(info.state) : std::nullopt;
    }
};

// Its state as shown: translated ("Failed" for a stopped container whose
// last run failed), or the word as received.
[[nodiscard]] QString stateText(const ContainerRow& row);

class ContainerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        AddressColumn,
        MemoryColumn,
        CpuColumn,
        TemplateColumn,
        AutostartColumn,
        ColumnCount
    };
    // Raw values (bytes, percent, bool) for sorting.
    static constexpr int SortRole = Qt::UserRole + 1;
    // The state column's StateTone (int): its colour in the list.
    static constexpr int ToneRole = Qt::UserRole + 2;
    // Memory and CPU: the share of the limit in use, 0..1 (double); none
    // while it does not run, or when there is nothing to measure against.
    static constexpr int UsageFractionRole = Qt::UserRole + 3;
    static constexpr int kDefaultStatsIntervalMs = 2000;

    explicit ContainerListModel(ContainerSource& source, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Asks for the whole list again; rows appear with their state at once
    // and gain their details as each GetContainer answers.
    void reload();
    // Asks for one container's details again (after an action or a signal).
    void refresh(const QString& name);
    // One GetStats call, unless the previous one is still unanswered.
    void pollStats();

    void setStatsInterval(int milliseconds);
    [[nodiscard]] int statsInterval() const { return m_statsTimer.interval(); }

    [[nodiscard]] int rowOf(const QString& name) const; // -1 if unknown
    [[nodiscard]] const ContainerRow& row(int row) const { return m_rows.at(row); }

Q_SIGNALS:
    void loaded();
    // The list could not be read; kind NoHelper: the helper is unreachable.
    void loadFailed(const berth::client::ClientError& error);

private:
    [[nodiscard]] QVariant display(const ContainerRow& row, int column) const;
    [[nodiscard]] QVariant decoration(const ContainerRow& row, int column) const;
    [[nodiscard]] QVariant toolTip(const ContainerRow& row, int column) const;
    [[nodiscard]] QVariant sortValue(const ContainerRow& row, int column) const;
    [[nodiscard]] QVariant usageFraction(const ContainerRow& row, int column) const;
    void applyList(const QMap<QString, QString>& states);
    void upsert(const client::ContainerInfo& info);
    void setState(const QString& name, const QString& state);
    void removeContainer(const QString& name);
    void applyStats(const QList<client::ContainerStats>& stats);
    void rowChanged(int row);

    ContainerSource& m_source;
    QList<ContainerRow> m_rows;
    QTimer m_statsTimer;
    bool m_statsPending = false;
    // The last refresh asked for each container: only its answer is taken.
    // The helper answers reads from worker threads, so an earlier read (the
    // state before a stop finished) may arrive after a later one or after
    // the StateChanged that followed it; it must not undo them.
    QHash<QString, quint64> m_lastRefresh;
};

} // namespace berth::gui
