// Limits and writes as one line of text, so a failed comparison shows
// every field at once.
#pragma once

#include "berth/limits.h"
#include "cgroup/limit_writes.h"

#include <QString>
#include <QStringList>

namespace limits_text {

inline QString number(std::uint64_t value)
{
    return value == berth::kUnlimited ? QStringLiteral("max") : QString::number(value);
}

template <class T> void add(QStringList& parts, const char* name, const std::optional<T>& value)
{
    if (value)
        parts << QString::fromLatin1(name) + "=" + number(*value);
}

inline QString describe(const berth::Limits& l)
{
    QStringList parts;
    add(parts, "mem", l.memoryMax);
    add(parts, "soft", l.memorySoft);
    add(parts, "swap", l.swapMax);
    add(parts, "weight", l.cpuWeight);
    add(parts, "shares", l.cpuShares);
    if (l.cpuQuota)
        parts << "quota=" + QString::number(l.cpuQuota->cores) + "/" + QString::number(l.cpuQuota->periodUs);
    if (l.cpus)
        parts << "cpus=" + QString::fromStdString(*l.cpus);
    if (l.mems)
        parts << "mems=" + QString::fromStdString(*l.mems);
    add(parts, "pids", l.pidsMax);
    add(parts, "ioweight", l.ioWeight);
    add(parts, "blkioweight", l.blkioWeight);
    for (const berth::IoDeviceLimit& d : l.ioDevices)
        parts << QString("io=%1:%2,%3,%4,%5,%6")
                     .arg(d.major)
                     .arg(d.minor)
                     .arg(number(d.readBps), number(d.writeBps), number(d.readIops), number(d.writeIops));
    return parts.join(' ');
}

// "controller/file=value" per write, joined by " | ".
inline QString describe(const std::vector<berth::cgroup::CgroupWrite>& writes)
{
    QStringList parts;
    for (const auto& w : writes)
        parts << QString::fromStdString(w.controller + "/" + w.file + "=" + w.value);
    return parts.join(" | ");
}

} // namespace limits_text
