#include "host_state.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <cstdlib>
#include <ctime>

namespace berth::test {
namespace {

// Settings that hand a helper program host root, or weaken what protects it
// (net.ipv4.ip_forward is not among them: Berth's NAT bridges set it).
const char* const kSysctls[] = {
    "kernel/core_pattern",       "kernel/core_uses_pid",
    "kernel/modprobe",           "kernel/sysrq",
    "kernel/hostname",           "kernel/domainname",
    "kernel/poweroff_cmd",       "kernel/kptr_restrict",
    "kernel/dmesg_restrict",     "kernel/unprivileged_bpf_disabled",
    "kernel/randomize_va_space", "kernel/panic",
    "fs/suid_dumpable",          "fs/protected_symlinks",
    "fs/protected_hardlinks",    "vm/mmap_min_addr",
};
const QString kMarkerPrefix = QStringLiteral("berth-security-marker-");

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(absent)");
    return QString::fromUtf8(file.readAll()).trimmed();
}

QByteArray output(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    process.waitForFinished(60000);
    return process.readAllStandardOutput();
}

// IPv6 link-local addresses and their routes: the kernel adds them to a
// link by itself, a moment after it comes up.
bool kernelMade(const QString& address)
{
    return address.startsWith(QLatin1String("fe80:")) || address.startsWith(QLatin1String("ff00:"));
}

// The fields of `ip -j` objects that say what a link, address or route is
// (counters, flags and a bridge's borrowed MAC address change by themselves).
QString ipObjects(const QStringList& args, const QStringList& fields)
{
    QStringList lines;
    for (const auto& value : QJsonDocument::fromJson(output(QStringLiteral("ip"), args)).array()) {
        const QJsonObject object = value.toObject();
        QStringList parts;
        for (const auto& field : fields) {
            if (field == QLatin1String("addr_info")) {
                for (const auto& addr : object.value(field).toArray()) {
                    const QString local = addr.toObject().value(QStringLiteral("local")).toString();
                    if (!kernelMade(local))
                        parts << local + QLatin1Char('/') +
                                     QString::number(addr.toObject().value(QStringLiteral("prefixlen")).toInt());
                }
            } else {
                parts << field + QLatin1Char('=') + object.value(field).toVariant().toString();
            }
        }
        if (!kernelMade(object.value(QStringLiteral("dst")).toString()))
            lines << parts.join(QLatin1Char(' '));
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

// The ruleset without Berth's own table, which it may change.
QString nftRuleset()
{
    QStringList kept;
    bool inBerth = false;
    for (const auto& line :
         QString::fromUtf8(output(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")}))
             .split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("table inet berth ")))
            inBerth = true;
        if (!inBerth)
            kept << line;
        if (inBerth && line == QLatin1String("}"))
            inBerth = false;
    }
    return kept.join(QLatin1Char('\n'));
}

QString hashOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(unreadable)");
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

void readEtc(QMap<QString, QString>& items)
{
    QDirIterator it(QStringLiteral("/etc"), QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        QString value;
        if (info.isSymLink())
            value = QStringLiteral("-> ") + info.symLinkTarget();
        else if (info.isFile())
            value = hashOf(path);
        else
            value = QStringLiteral("dir");
        items.insert(QStringLiteral("etc ") + path, value + QStringLiteral(" mode ") +
                                                        QString::number(int(info.permissions()), 16) +
                                                        QStringLiteral(" owner ") + QString::number(info.ownerId()));
    }
}

void readReleaseAgents(QMap<QString, QString>& items)
{
    for (const auto& hierarchy : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = QStringLiteral("/sys/fs/cgroup/%1/release_agent").arg(hierarchy);
        if (QFile::exists(path))
            items.insert(QStringLiteral("release_agent ") + path, readText(path));
    }
}

qint64 clockOffset()
{
    timespec real{}, boot{};
    ::clock_gettime(CLOCK_REALTIME, &real);
    ::clock_gettime(CLOCK_BOOTTIME, &boot);
    return qint64(real.tv_sec) - qint64(boot.tv_sec);
}

bool writeText(const QString& path, const QString& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8() + '\n') > 0;
}

} // namespace

QStringList revertChangesSince(const HostState& before)
{
    const QStringList changed = before.differences(HostState::read());
    before.restore();
    return changed;
}

QStringList markers()
{
    return QDir(QStringLiteral("/run")).entryList({kMarkerPrefix + QLatin1Char('*')}, QDir::AllEntries | QDir::System);
}

void removeMarkers()
{
    for (const auto& marker : markers())
        QFile::remove(QStringLiteral("/run/") + marker);
}

HostState HostState::read()
{
    HostState state;
    auto& items = state.m_items;
    items.insert(QStringLiteral("links"),
                 ipObjects({QStringLiteral("-j"), QStringLiteral("link")},
                           {QStringLiteral("ifindex"), QStringLiteral("ifname"), QStringLiteral("link_type"),
                            QStringLiteral("master"), QStringLiteral("mtu")}));
    items.insert(QStringLiteral("addresses"), ipObjects({QStringLiteral("-j"), QStringLiteral("addr")},
                                                        {QStringLiteral("ifname"), QStringLiteral("addr_info")}));
    items.insert(QStringLiteral("routes"),
                 ipObjects({QStringLiteral("-j"), QStringLiteral("route"), QStringLiteral("show"),
                            QStringLiteral("table"), QStringLiteral("all")},
                           {QStringLiteral("dst"), QStringLiteral("dev"), QStringLiteral("table"),
                            QStringLiteral("type"), QStringLiteral("gateway")}));
    items.insert(QStringLiteral("nftables"), nftRuleset());
    for (const char* sysctl : kSysctls)
        items.insert(QStringLiteral("sysctl ") + QLatin1String(sysctl),
                     readText(QStringLiteral("/proc/sys/") + QLatin1String(sysctl)));
    items.insert(QStringLiteral("uevent_helper"), readText(QStringLiteral("/sys/kernel/uevent_helper")));
    items.insert(
        QStringLiteral("modules"),
        readText(QStringLiteral("/proc/modules")).replace(QRegularExpression(QStringLiteral(" [^\n]*")), QString()));
    items.insert(QStringLiteral("markers"), markers().join(QLatin1Char(' ')));
    readReleaseAgents(items);
    readEtc(items);
    state.m_clockOffset = clockOffset();
    return state;
}

QStringList HostState::differences(const HostState& later) const
{
    QStringList out;
    QStringList keys = m_items.keys() + later.m_items.keys();
    keys.removeDuplicates();
    for (const auto& key : keys) {
        const QString before = m_items.value(key, QStringLiteral("(none)"));
        const QString after = later.m_items.value(key, QStringLiteral("(none)"));
        if (before != after)
            out << QStringLiteral("%1: '%2' -> '%3'").arg(key, before, after);
    }
    // Seconds apart: reading the two clocks is not atomic.
    if (std::llabs(later.m_clockOffset - m_clockOffset) > 2)
        out << QStringLiteral("clock: moved by %1 s").arg(later.m_clockOffset - m_clockOffset);
    return out;
}

void HostState::restore() const
{
    const HostState now = read();
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (now.m_items.value(it.key()) == it.value() || it.value() == QLatin1String("(absent)"))
            continue;
        if (it.key().startsWith(QLatin1String("sysctl ")))
            writeText(QStringLiteral("/proc/sys/") + it.key().mid(7), it.value());
        else if (it.key().startsWith(QLatin1String("release_agent ")))
            writeText(it.key().mid(14), it.value());
        else if (it.key() == QLatin1String("uevent_helper"))
            writeText(QStringLiteral("/sys/kernel/uevent_helper"), it.value());
    }
    if (std::llabs(now.m_clockOffset - m_clockOffset) > 2) {
        timespec boot{};
        ::clock_gettime(CLOCK_BOOTTIME, &boot);
        const timespec real{boot.tv_sec + m_clockOffset, boot.tv_nsec};
        ::clock_settime(CLOCK_REALTIME, &real);
    }
    removeMarkers();
}

} // namespace berth::test
