#include "berthctl_run.h"

#include <QDebug>
#include <QProcess>

namespace berth::test {

Outcome berthctl(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(BERTHCTL_BINARY), args);
    process.closeWriteChannel();
    Outcome outcome;
    if (!process.waitForStarted() || !process.waitForFinished(300000))
        return outcome;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (qEnvironmentVariableIsSet("BERTH_TEST_VERBOSE"))
        qInfo().noquote() << "berthctl" << args.join(QLatin1Char(' ')) << "->" << outcome.code << "\n"
                          << outcome.out << outcome.err;
    return outcome;
}

QString describe(const Outcome& outcome)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3")
        .arg(outcome.code)
        .arg(outcome.outText(), outcome.errText());
}

} // namespace berth::test
