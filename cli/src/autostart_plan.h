// berthctl autostart's plan: which containers, in which order, and the
// --list table. Pure, so the order is unit-tested without a bus.
#pragma once

#include "client_types.h"

#include <QList>
#include <QString>

#include <functional>

namespace berth::cli {

// LXC's order (lxc-autostart since LXC 2.0): lower lxc.start.order first,
// equal orders by name. A total order, so the plan never depends on the
// order the helper listed the containers in.
[[nodiscard]] bool startsBefore(const client::ContainerInfo& a, const client::ContainerInfo& b);

// The containers with lxc.start.auto = 1, in start order. Stopping goes
// the reverse way.
[[nodiscard]] QList<client::ContainerInfo> autostartPlan(const QList<client::ContainerInfo>& containers);

// The index in `pending` (plan order) of the next container to start: the
// first whose waitLinks are all up; -1 while every one still waits. A
// waiting container holds back none after it, and once links come up the
// waiting ones start in plan order among themselves.
[[nodiscard]] qsizetype nextToStart(const QList<client::ContainerInfo>& pending,
                                    const std::function<bool(const QString&)>& linkUp);

// ORDER, DELAY, NAME, STATE, WAITS FOR: one row per planned container.
[[nodiscard]] QString autostartPlanTable(const QList<client::ContainerInfo>& plan);

} // namespace berth::cli
