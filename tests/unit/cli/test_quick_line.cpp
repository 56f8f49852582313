// berthctl's quick path takes exactly the lines it can carry out as the
// full client would; every other line goes to the full client, which
// explains what is wrong with it (cli/quick/quick_line.h).
#include "quick_line.h"

#include "berth/model/bus_names.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <string>
#include <vector>

using namespace berth::quick;

namespace {

std::optional<QuickLine> parse(const QStringList& words)
{
    std::vector<std::string> owned;
    for (const QString& word : words)
        owned.push_back(word.toStdString());
    std::vector<std::string_view> args(owned.begin(), owned.end());
    return parseQuickLine(args);
}

} // namespace

class TestQuickLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void start()
    {
        const auto line = parse({"start", "web"});
        QVERIFY(line && std::holds_alternative<StartLine>(*line));
        QCOMPARE(std::get<StartLine>(*line).name, std::string("web"));
    }

    void stop_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<unsigned>("timeout");
        QTest::newRow("default timeout") << QStringList{"stop", "web"} << 10u;
        QTest::newRow("-t after") << QStringList{"stop", "web", "-t", "0"} << 0u;
        QTest::newRow("-t before") << QStringList{"stop", "-t", "5", "web"} << 5u;
        QTest::newRow("--timeout") << QStringList{"stop", "--timeout", "3600", "web"} << 3600u;
        QTest::newRow("--timeout=") << QStringList{"stop", "web", "--timeout=7"} << 7u;
    }
    void stop()
    {
        QFETCH(QStringList, words);
        QFETCH(unsigned, timeout);
        const auto line = parse(words);
        QVERIFY(line && std::holds_alternative<StopLine>(*line));
        QCOMPARE(std::get<StopLine>(*line).name, std::string("web"));
        QCOMPARE(std::get<StopLine>(*line).timeoutSeconds, timeout);
    }

    void exec_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<bool>("noTty");
        QTest::newRow("plain") << QStringList{"exec", "web", "--", "ls", "-l", "--", "/"} << false;
        QTest::newRow("-T") << QStringList{"exec", "-T", "web", "--", "ls", "-l", "--", "/"} << true;
        QTest::newRow("--no-tty after") << QStringList{"exec", "web", "--no-tty", "--", "ls", "-l", "--", "/"} << true;
    }
    void exec()
    {
        QFETCH(QStringList, words);
        QFETCH(bool, noTty);
        const auto line = parse(words);
        QVERIFY(line && std::holds_alternative<ExecLine>(*line));
        const auto& exec = std::get<ExecLine>(*line);
        QCOMPARE(exec.name, std::string("web"));
        QCOMPARE(exec.noTty, noTty);
        QCOMPARE(exec.command, (std::vector<std::string>{"ls", "-l", "--", "/"}));
    }

    // The full client's: help, other verbs, options of its own, mistakes.
    void fullClientsLines_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("other verb") << QStringList{"list"};
        QTest::newRow("help") << QStringList{"start", "--help"};
        QTest::newRow("start without name") << QStringList{"start"};
        QTest::newRow("start two names") << QStringList{"start", "a", "b"};
        QTest::newRow("start with command") << QStringList{"start", "web", "--", "sh"};
        QTest::newRow("start with log") << QStringList{"start", "web", "-o", "/tmp/log"};
        QTest::newRow("start dash name") << QStringList{"start", "-web"};
        QTest::newRow("stop without name") << QStringList{"stop", "-t", "5"};
        QTest::newRow("stop timeout too long") << QStringList{"stop", "web", "-t", "3601"};
        QTest::newRow("stop timeout negative") << QStringList{"stop", "web", "-t", "-1"};
        QTest::newRow("stop timeout not a number") << QStringList{"stop", "web", "-t", "5s"};
        QTest::newRow("stop timeout empty") << QStringList{"stop", "web", "--timeout="};
        QTest::newRow("stop timeout twice") << QStringList{"stop", "web", "-t", "1", "-t", "2"};
        QTest::newRow("stop -t last") << QStringList{"stop", "web", "-t"};
        QTest::newRow("stop help") << QStringList{"stop", "web", "--help"};
        QTest::newRow("exec without dashes") << QStringList{"exec", "web", "ls"};
        QTest::newRow("exec without command") << QStringList{"exec", "web", "--"};
        QTest::newRow("exec without name") << QStringList{"exec", "--", "ls"};
        QTest::newRow("exec with env") << QStringList{"exec", "web", "-e", "A=1", "--", "ls"};
        QTest::newRow("exec with cwd") << QStringList{"exec", "web", "--cwd", "/tmp", "--", "ls"};
    }
    void fullClientsLines()
    {
        QFETCH(QStringList, words);
        QVERIFY(!parse(words));
    }

    // The members the quick path names (model/bus_names.h) are the contract's.
    void membersAreTheContracts()
    {
        QString contract;
        const QDir dir(QStringLiteral(BERTH_DBUS_XML_DIR));
        for (const QString& file : dir.entryList({QStringLiteral("*.xml")})) {
            QFile xml(dir.filePath(file));
            QVERIFY(xml.open(QIODevice::ReadOnly));
            contract += QString::fromUtf8(xml.readAll());
        }
        using namespace berth::model::member;
        for (const char* method : {kStart, kStop, kExecWithFds, kWaitExec})
            QVERIFY2(contract.contains(QStringLiteral("<method name=\"%1\"").arg(QLatin1String(method))), method);
        for (const char* signal : {kJobLogLine, kJobFinished})
            QVERIFY2(contract.contains(QStringLiteral("<signal name=\"%1\"").arg(QLatin1String(signal))), signal);
        for (const char* interface : {berth::model::kManagerInterface, berth::model::kJobInterface})
            QVERIFY2(contract.contains(QStringLiteral("<interface name=\"%1\"").arg(QLatin1String(interface))),
                     interface);
    }
};

QTEST_GUILESS_MAIN(TestQuickLine)
#include "test_quick_line.moc"
