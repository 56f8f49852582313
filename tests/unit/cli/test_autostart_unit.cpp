// berth-autostart.service (cli/berth-autostart.service.in): systemd's own
// checker accepts it, and it has the settings that keep a late bridge
// from holding the boot back and stop the containers at shutdown.
#include <QtTest>

namespace {

// The unit as configured for the build tree: ExecStart and ExecStop name
// the berthctl just built, which systemd-analyze checks is executable.
const QString kUnit = QStringLiteral(BERTH_AUTOSTART_UNIT);
const QString kBerthctl = QStringLiteral(BERTH_CTL);

QString unitText()
{
    QFile file(kUnit);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// systemd-analyze verify: warnings (unknown keys, bad values) leave its
// exit code at 0, so any output counts as a failure too.
QString verify(const QString& path)
{
    QProcess analyze;
    analyze.setProcessChannelMode(QProcess::MergedChannels);
    // --man=no: the man page of berthctl is not installed in a build tree.
    analyze.start(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), QStringLiteral("--man=no"), path});
    if (!analyze.waitForFinished(60000))
        return QStringLiteral("systemd-analyze did not finish");
    const QString output = QString::fromLocal8Bit(analyze.readAll()).trimmed();
    if (analyze.exitStatus() != QProcess::NormalExit || analyze.exitCode() != 0)
        return QStringLiteral("exit %1: %2").arg(analyze.exitCode()).arg(output);
    return output;
}

} // namespace

class TestAutostartUnit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(!unitText().isEmpty(), qPrintable(kUnit)); }

    void settings_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("exec, not oneshot") << QStringLiteral("Type=exec");
        QTest::newRow("start") << QStringLiteral("ExecStart=-%1 autostart").arg(kBerthctl);
        QTest::newRow("stop") << QStringLiteral("ExecStop=%1 autostart --stop").arg(kBerthctl);
        QTest::newRow("stop runs at shutdown") << QStringLiteral("RemainAfterExit=yes");
        QTest::newRow("after the bus") << QStringLiteral("After=dbus.service network.target");
        QTest::newRow("at boot") << QStringLiteral("WantedBy=multi-user.target");
    }
    void settings()
    {
        QFETCH(QString, line);
        QVERIFY2(unitText().split(QLatin1Char('\n')).contains(line), qPrintable(line));
    }

    // Waiting for network-online.target would hold the start back for
    // nothing: berthctl waits for the links a container needs itself.
    void noNetworkOnline()
    {
        for (const QString& line : unitText().split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('#')))
                QVERIFY2(!line.contains(QStringLiteral("network-online")), qPrintable(line));
        }
    }

    void systemdAccepts()
    {
        // scripts/install-deps.sh installs it: missing is a failure, never a skip.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty(),
                 "systemd-analyze is not installed (Debian package systemd, from scripts/install-deps.sh)");
        const QString problems = verify(kUnit);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // The check can fail: the same unit with an ExecStop that does not exist.
    void systemdRejectsBrokenCopy()
    {
        // scripts/install-deps.sh installs it: missing is a failure, never a skip.
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty(),
                 "systemd-analyze is not installed (Debian package systemd, from scripts/install-deps.sh)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile copy(dir.filePath(QStringLiteral("berth-autostart.service")));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        QString text = unitText();
        text.replace(QStringLiteral("ExecStop=%1").arg(kBerthctl), QStringLiteral("ExecStop=/nonexistent/berthctl"));
        copy.write(text.toUtf8());
        copy.close();
        QVERIFY(!verify(copy.fileName()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAutostartUnit)
#include "test_autostart_unit.moc"
