#include "berthctl_run.h"

#include "system_bus.h"

#include <QDebug>
#include <QProcess>
#include <QProcessEnvironment>

namespace berth::test {
QString idOf(const QString& flag, const QString& user)
{
    QString out;
    run(QStringLiteral("id"), {flag, user}, &out);
    return out.trimmed();
}

Outcome finish(QProcess& process, int timeoutMs, const QString& what)
{
    Outcome outcome;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs))
        return outcome;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (qEnvironmentVariableIsSet("BERTH_TEST_VERBOSE"))
        qInfo().noquote() << what << "->" << outcome.code << "\n" << both(outcome);
    return outcome;
}

Outcome berthctl(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(BERTHCTL_BINARY), args);
    process.closeWriteChannel();
    return finish(process, 300000, QStringLiteral("berthctl ") + args.join(QLatin1Char(' ')));
}

Outcome runAsUser(const QString& user, const QStringList& command, const QString& busAddress, const QString& stdinPath)
{
    const QStringList asUser{QStringLiteral("--reuid=") + idOf(QStringLiteral("-u"), user),
                             QStringLiteral("--regid=") + idOf(QStringLiteral("-g"), user),
                             QStringLiteral("--init-groups"),
                             QStringLiteral("--"),
                             QStringLiteral("/bin/sh"),
                             QStringLiteral("-c"),
                             QStringLiteral("exec \"$@\" < \"$BERTH_TEST_STDIN\""),
                             QStringLiteral("sh")};
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), busAddress);
    env.insert(QStringLiteral("BERTH_TEST_STDIN"), stdinPath);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(QStringLiteral("/"));
    process.start(QStringLiteral("setpriv"), asUser + command);
    return finish(process, 300000, user + QLatin1Char(' ') + command.join(QLatin1Char(' ')));
}

QString describe(const Outcome& outcome)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(outcome.code)
        .arg(outcome.outText(), outcome.errText());
}

QString both(const Outcome& outcome)
{
    return outcome.outText() + outcome.errText();
}

} // namespace berth::test
