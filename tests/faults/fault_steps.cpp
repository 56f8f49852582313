#include "fault_steps.h"

#include "bus_names.h"
#include "system_bus.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>

namespace berth::test {

bool startBerthctl(QProcess& process, const QStringList& args)
{
    process.start(QStringLiteral(BERTHCTL_BINARY), args);
    process.closeWriteChannel();
    return process.waitForStarted();
}

QString killHelper(const SystemBus& bus)
{
    const uint pid = bus.ownerPid(kService);
    if (pid == 0)
        return QStringLiteral("no helper owns %1").arg(kService);
    if (::kill(pid_t(pid), SIGKILL) != 0)
        return QStringLiteral("kill %1 failed").arg(pid);
    QElapsedTimer waited;
    waited.start();
    while (bus.ownerPid(kService) != 0) {
        if (waited.elapsed() > 10000)
            return QStringLiteral("the killed helper %1 still owns the name").arg(pid);
        QTest::qWait(20);
    }
    return {};
}

QString checkEndedHelperGone(QProcess& process)
{
    const QString args = process.arguments().join(QLatin1Char(' '));
    // Already seen ending (an event loop ran since) or ending within the bound.
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(15000)) {
        const QString said = QString::fromUtf8(process.readAllStandardError());
        process.kill();
        process.waitForFinished(5000);
        return QStringLiteral("berthctl %1 still waits after the helper died: %2").arg(args, said);
    }
    const QString said = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 6 ||
        !said.contains(QLatin1String("helper stopped")))
        return QStringLiteral("berthctl %1 ended with %2: %3").arg(args).arg(process.exitCode()).arg(said);
    return {};
}

QStringList entriesNaming(const std::filesystem::path& dir, const QString& part)
{
    QStringList found;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const QString entryName = QString::fromStdString(entry.path().filename().string());
        if (entryName.contains(part))
            found << entryName;
    }
    return found;
}

QStringList differencesBesides(const QStringList& differences, const QStringList& allowed)
{
    QStringList left;
    for (const QString& line : differences) {
        const bool isAllowed =
            std::any_of(allowed.begin(), allowed.end(), [&](const QString& part) { return line.contains(part); });
        if (!isAllowed)
            left << line;
    }
    return left;
}

} // namespace berth::test
