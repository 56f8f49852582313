// The wizard's pure parts: container names as the engine takes them,
// port forwards as AddForward takes them, and the create request made of
// the page fields.
#include "container_name_validator.h"
#include "create_plan.h"
#include "port_forward_check.h"

#include <QtTest>

using berth::gui::ContainerNameValidator;

class TestWizardPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<QString>("reason");   // a part of the problem shown
        QTest::newRow("simple") << "box1" << true << "";
        QTest::newRow("digit first") << "1box" << true << "";
        QTest::newRow("all allowed") << "a_b.c-d" << true << "";
        QTest::newRow("63 chars") << QString(63, QLatin1Char('a')) << true << "";
        QTest::newRow("empty") << "" << false << "Enter a name";
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << false << "longer than 63";
        QTest::newRow("upper case") << "Box" << false << "must start with a lowercase";
        QTest::newRow("upper inside") << "bOx" << false << "contains 'O'";
        QTest::newRow("dash first") << "-box" << false << "must start";
        QTest::newRow("dot") << "." << false << "must start";
        QTest::newRow("dot dot") << ".." << false << "must start";
        QTest::newRow("slash") << "a/b" << false << "contains '/'";
        QTest::newRow("space") << "a b" << false << "contains ' '";
        QTest::newRow("non-ascii") << QStringLiteral("bö") << false << QStringLiteral("contains 'ö'");
        QTest::newRow("taken") << "web" << false << "exists already";
        QTest::newRow("taken is exact") << "web2" << true << "";
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, acceptable);
        QFETCH(QString, reason);
        ContainerNameValidator validator;
        validator.setTaken({QStringLiteral("web"), QStringLiteral("db")});
        int position = 0;
        // Never Invalid: a wrong key press must reach the field so its reason shows.
        QCOMPARE(validator.validate(name, position),
                 acceptable ? QValidator::Acceptable : QValidator::Intermediate);
        const QString problem = validator.problem(name);
        QCOMPARE(problem.isEmpty(), acceptable);
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }

    void forwards_data()
    {
        QTest::addColumn<QString>("forward");
        QTest::addColumn<QString>("reason");   // empty: valid
        QTest::newRow("tcp") << "tcp:8080:80" << "";
        QTest::newRow("udp") << "udp:5353:53" << "";
        QTest::newRow("lowest and highest") << "tcp:1:65535" << "";
        QTest::newRow("host address") << "tcp:127.0.0.1:8080:80" << "";
        QTest::newRow("sctp") << "sctp:8080:80" << "not tcp or udp";
        QTest::newRow("upper case protocol") << "TCP:8080:80" << "not tcp or udp";
        QTest::newRow("port 0") << "tcp:0:80" << "'0'";
        QTest::newRow("port too high") << "tcp:8080:65536" << "'65536'";
        QTest::newRow("negative") << "tcp:-1:80" << "'-1'";
        QTest::newRow("plus sign") << "tcp:+80:80" << "'+80'";
        QTest::newRow("not a number") << "tcp:http:80" << "'http'";
        QTest::newRow("empty port") << "tcp::80" << "''";
        QTest::newRow("too few parts") << "tcp:8080" << "not a port forward";
        QTest::newRow("too many parts") << "tcp:1.2.3.4:1:2:3" << "not a port forward";
        QTest::newRow("bad address") << "tcp:1.2.3:8080:80" << "not an IPv4";
        QTest::newRow("address out of range") << "tcp:1.2.3.256:8080:80" << "not an IPv4";
        QTest::newRow("empty") << "" << "not a port forward";
    }
    void forwards()
    {
        QFETCH(QString, forward);
        QFETCH(QString, reason);
        const QString problem = berth::gui::portForwardProblem(forward);
        QCOMPARE(problem.isEmpty(), reason.isEmpty());
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }

    void request_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("commandLine");
        QTest::addColumn<QStringList>("command");
        QTest::newRow("system ignores the command") << "system" << "/bin/sh" << QStringList();
        QTest::newRow("application") << "application" << "/bin/sh -c \"echo hi there\""
                                     << QStringList{"/bin/sh", "-c", "echo hi there"};
        QTest::newRow("application, extra spaces") << "application" << "  sleep   60 "
                                                   << QStringList{"sleep", "60"};
        QTest::newRow("application, image's command") << "application" << "" << QStringList();
    }
    void request()
    {
        QFETCH(QString, kind);
        QFETCH(QString, commandLine);
        QFETCH(QStringList, command);
        berth::gui::CreateChoices choices;
        choices.templateName = QStringLiteral("debian");
        choices.options = {{QStringLiteral("release"), QStringLiteral("trixie")},
                           {QStringLiteral("mirror"), QString()}};
        choices.name = QStringLiteral("box1");
        choices.kind = kind;
        choices.commandLine = commandLine;
        choices.network = QStringLiteral("berth0");
        choices.inputFd = 7;
        const auto request = berth::gui::buildCreateRequest(choices);
        QCOMPARE(request.name, QStringLiteral("box1"));
        QCOMPARE(request.templateName, QStringLiteral("debian"));
        // An empty field is the template's default: not sent.
        QCOMPARE(request.options, (QMap<QString, QString>{{QStringLiteral("release"), QStringLiteral("trixie")}}));
        QCOMPARE(request.kind, kind);
        QCOMPARE(request.command, command);
        QCOMPARE(request.network, QStringLiteral("berth0"));
        QCOMPARE(request.inputFd, 7);
    }
};

QTEST_MAIN(TestWizardPure)
#include "test_wizard_pure.moc"
