// The external terminal inside and outside a Flatpak: the decision from
// /.flatpak-info (under a root of the test's own), the command lines for
// both cases, and the message when the sandbox may not reach the host.
#include "external_terminal.h"
#include "flatpak_host.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using berth::gui::ExternalTerminal;
using berth::gui::TerminalHost;

Q_DECLARE_METATYPE(TerminalHost)

namespace {

// As flatpak writes it for an app built with flatpak/org.berth.Berth.json.
const QString kWithHost = QStringLiteral("[Application]\n"
                                         "name=org.berth.Berth\n"
                                         "runtime=runtime/org.kde.Platform/x86_64/6.10\n"
                                         "\n"
                                         "[Context]\n"
                                         "shared=ipc;\n"
                                         "sockets=x11;wayland;\n"
                                         "\n"
                                         "[Session Bus Policy]\n"
                                         "org.freedesktop.Flatpak=talk\n"
                                         "\n"
                                         "[System Bus Policy]\n"
                                         "org.berth.Berth1=talk\n");

// The same app after `flatpak override --no-talk-name=org.freedesktop.Flatpak`.
const QString kWithoutHost = QStringLiteral("[Application]\n"
                                            "name=org.berth.Berth\n"
                                            "\n"
                                            "[Context]\n"
                                            "shared=ipc;\n"
                                            "sockets=x11;wayland;\n"
                                            "\n"
                                            "[System Bus Policy]\n"
                                            "org.berth.Berth1=talk\n");

bool writeInfo(const QTemporaryDir& root, const QString& text)
{
    QFile file(root.filePath(QStringLiteral(".flatpak-info")));
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

} // namespace

class TestFlatpakHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // QSettings of our own, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("berth-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("gui_flatpak_host"));
    }

    void infoAllowsHost_data()
    {
        QTest::addColumn<QString>("info");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("talk") << kWithHost << true;
        QTest::newRow("no entry") << kWithoutHost << false;
        QTest::newRow("empty file") << QString() << false;
        QTest::newRow("own") << "[Session Bus Policy]\norg.freedesktop.Flatpak=own\n" << true;
        QTest::newRow("see only") << "[Session Bus Policy]\norg.freedesktop.Flatpak=see\n" << false;
        QTest::newRow("none") << "[Session Bus Policy]\norg.freedesktop.Flatpak=none\n" << false;
        QTest::newRow("spaces, CRLF") << "[Session Bus Policy]\r\n org.freedesktop.Flatpak = talk \r\n" << true;
        QTest::newRow("system bus, not session") << "[System Bus Policy]\norg.freedesktop.Flatpak=talk\n" << false;
        QTest::newRow("other name") << "[Session Bus Policy]\norg.freedesktop.FlatpakX=talk\n" << false;
        QTest::newRow("commented out") << "[Session Bus Policy]\n#org.freedesktop.Flatpak=talk\n" << false;
        QTest::newRow("whole session bus") << "[Context]\nsockets=x11;session-bus;\n" << true;
        QTest::newRow("session bus denied") << "[Context]\nsockets=x11;!session-bus;\n" << false;
    }
    void infoAllowsHost()
    {
        QFETCH(QString, info);
        QFETCH(bool, allowed);
        QCOMPARE(berth::gui::flatpakInfoAllowsHost(info), allowed);
    }

    void terminalHost_data()
    {
        QTest::addColumn<bool>("sandboxed");
        QTest::addColumn<QString>("info");
        QTest::addColumn<TerminalHost>("host");
        QTest::newRow("no .flatpak-info") << false << QString() << TerminalHost::Local;
        QTest::newRow("flatpak with host access") << true << kWithHost << TerminalHost::FlatpakHost;
        QTest::newRow("flatpak without") << true << kWithoutHost << TerminalHost::FlatpakNoHostAccess;
    }
    void terminalHost()
    {
        QFETCH(bool, sandboxed);
        QFETCH(QString, info);
        QFETCH(TerminalHost, host);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        if (sandboxed)
            QVERIFY(writeInfo(root, info));
        QCOMPARE(berth::gui::terminalHost(root.path()), host);
    }

    // The whole command line of the terminal in both cases: the berthctl
    // beside berth locally, the host's through flatpak-spawn in a Flatpak.
    void commandLine_data()
    {
        QTest::addColumn<TerminalHost>("host");
        QTest::addColumn<QString>("terminal");
        QTest::addColumn<bool>("shell");
        QTest::addColumn<QStringList>("line");
        QTest::newRow("local") << TerminalHost::Local << QString() << false
                               << QStringList{"x-terminal-emulator", "-e", "/usr/bin/berthctl", "console", "box1"};
        QTest::newRow("flatpak") << TerminalHost::FlatpakHost << QString() << false
                                 << QStringList{"flatpak-spawn", "--host", "x-terminal-emulator", "-e", "berthctl",
                                                "console",       "box1"};
        QTest::newRow("flatpak, placeholder, shell")
            << TerminalHost::FlatpakHost << "gnome-terminal --wait -- %c" << true
            << QStringList{"flatpak-spawn", "--host", "gnome-terminal", "--wait", "--",
                           "berthctl",      "exec",   "box1",           "--",     "/bin/sh"};
        QTest::newRow("local, placeholder, shell")
            << TerminalHost::Local << "gnome-terminal --wait -- %c" << true
            << QStringList{"gnome-terminal", "--wait", "--", "/usr/bin/berthctl", "exec", "box1", "--", "/bin/sh"};
    }
    void commandLine()
    {
        QFETCH(TerminalHost, host);
        QFETCH(QString, terminal);
        QFETCH(bool, shell);
        QFETCH(QStringList, line);
        const auto mode = shell ? ExternalTerminal::Mode::Shell : ExternalTerminal::Mode::Console;
        const QString berthctl = berth::gui::berthctlFor(host, QStringLiteral("/usr/bin/berthctl"));
        QCOMPARE(
            berth::gui::hostCommandLine(ExternalTerminal::commandLine(
                                            ExternalTerminal::terminalCommand(terminal, QString()),
                                            ExternalTerminal::berthctlCommand(berthctl, QStringLiteral("box1"), mode)),
                                        host),
            line);
    }

    // Without the permission nothing is started and the user reads why;
    // the terminal setting names a program that does not exist, so a
    // launch attempt would show the "not found" message instead.
    void openWithoutHostAccess()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QVERIFY(writeInfo(root, kWithoutHost));
        QSettings().setValue(ExternalTerminal::kSettingsKey, QStringLiteral("/nonexistent/berth-test-terminal"));
        const QString error =
            ExternalTerminal::open(QStringLiteral("box1"), ExternalTerminal::Mode::Console, root.path());
        QVERIFY2(error.contains(QStringLiteral("org.freedesktop.Flatpak")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("/nonexistent/berth-test-terminal")), qPrintable(error));

        // The same root without .flatpak-info is the ordinary local case.
        QVERIFY(QFile::remove(root.filePath(QStringLiteral(".flatpak-info"))));
        const QString local =
            ExternalTerminal::open(QStringLiteral("box1"), ExternalTerminal::Mode::Console, root.path());
        QSettings().remove(ExternalTerminal::kSettingsKey);
        QVERIFY2(local.contains(QStringLiteral("/nonexistent/berth-test-terminal")), qPrintable(local));
    }
};

QTEST_MAIN(TestFlatpakHost)
#include "test_flatpak_host.moc"
