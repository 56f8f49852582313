// The wizard's pure parts: container names as the engine takes them,
// port forwards as AddForward takes them (the Network area's parser, which
// the wizard uses), static addresses on a bridge, and the create request
// made of the page fields (the address line is the engine's to write now).
#include "container_name_validator.h"
#include "create_plan.h"
#include "berth/model/forward.h"
#include "berth/model/interface.h"
#include "bridge_problem_text.h"

#include <QtTest>

using berth::gui::ContainerNameValidator;

class TestWizardPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<QString>("reason"); // a part of the problem shown
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
        QCOMPARE(validator.validate(name, position), acceptable ? QValidator::Acceptable : QValidator::Intermediate);
        const QString problem = validator.problem(name);
        QCOMPARE(problem.isEmpty(), acceptable);
        QVERIFY2(problem.contains(reason), qPrintable(problem));
    }

    void forwards_data()
    {
        QTest::addColumn<QString>("forward");
        QTest::addColumn<bool>("valid");
        QTest::newRow("tcp") << "tcp:8080:80" << true;
        QTest::newRow("udp") << "udp:5353:53" << true;
        QTest::newRow("lowest and highest") << "tcp:1:65535" << true;
        QTest::newRow("host address") << "tcp:127.0.0.1:8080:80" << true;
        QTest::newRow("sctp") << "sctp:8080:80" << false;
        QTest::newRow("upper case protocol") << "TCP:8080:80" << false;
        QTest::newRow("port 0") << "tcp:0:80" << false;
        QTest::newRow("port too high") << "tcp:8080:65536" << false;
        QTest::newRow("negative") << "tcp:-1:80" << false;
        QTest::newRow("plus sign") << "tcp:+80:80" << false;
        QTest::newRow("not a number") << "tcp:http:80" << false;
        QTest::newRow("empty port") << "tcp::80" << false;
        QTest::newRow("too few parts") << "tcp:8080" << false;
        QTest::newRow("too many parts") << "tcp:1.2.3.4:1:2:3" << false;
        QTest::newRow("bad address") << "tcp:1.2.3:8080:80" << false;
        QTest::newRow("address out of range") << "tcp:1.2.3.256:8080:80" << false;
        // The engine reads no leading zeros (inet_aton would take them as octal).
        QTest::newRow("address with leading zero") << "tcp:127.0.0.01:8080:80" << false;
        QTest::newRow("empty") << "" << false;
    }
    void forwards()
    {
        QFETCH(QString, forward);
        QFETCH(bool, valid);
        const auto spec = berth::model::parseForwardSpec(forward.toStdString());
        QCOMPARE(spec.has_value(), valid);
        // What is taken is sent as it was typed.
        if (spec)
            QCOMPARE(QString::fromStdString(spec->toString()), forward);
    }

    void staticAddresses_data()
    {
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("reason"); // a part of the problem shown; empty: valid
        QTest::addColumn<QString>("cidr");   // as the config takes it
        QTest::newRow("inside") << "10.0.3.1/24"
                                << "10.0.3.20"
                                << ""
                                << "10.0.3.20/24";
        QTest::newRow("last host") << "10.0.3.1/24"
                                   << "10.0.3.254"
                                   << ""
                                   << "10.0.3.254/24";
        QTest::newRow("first host, bridge elsewhere") << "10.0.3.254/24"
                                                      << "10.0.3.1"
                                                      << ""
                                                      << "10.0.3.1/24";
        QTest::newRow("wide subnet") << "172.16.0.1/16"
                                     << "172.16.9.9"
                                     << ""
                                     << "172.16.9.9/16";
        QTest::newRow("outside") << "10.0.3.1/24"
                                 << "10.0.4.20"
                                 << "not in the bridge's network 10.0.3.0/24"
                                 << "";
        QTest::newRow("outside, other class") << "10.0.3.1/24"
                                              << "192.168.1.2"
                                              << "not in the bridge's network"
                                              << "";
        QTest::newRow("network") << "10.0.3.1/24"
                                 << "10.0.3.0"
                                 << "address of the network"
                                 << "";
        QTest::newRow("broadcast") << "10.0.3.1/24"
                                   << "10.0.3.255"
                                   << "broadcast"
                                   << "";
        QTest::newRow("bridge's own") << "10.0.3.1/24"
                                      << "10.0.3.1"
                                      << "bridge's own"
                                      << "";
        QTest::newRow("empty") << "10.0.3.1/24"
                               << ""
                               << "Enter"
                               << "";
        QTest::newRow("three parts") << "10.0.3.1/24"
                                     << "10.0.3"
                                     << "not an IPv4 address"
                                     << "";
        QTest::newRow("octet too big") << "10.0.3.1/24"
                                       << "10.0.3.256"
                                       << "not an IPv4 address"
                                       << "";
        QTest::newRow("leading zero") << "10.0.3.1/24"
                                      << "10.0.3.020"
                                      << "not an IPv4 address"
                                      << "";
        QTest::newRow("with prefix") << "10.0.3.1/24"
                                     << "10.0.3.20/24"
                                     << "not an IPv4 address"
                                     << "";
        QTest::newRow("letters") << "10.0.3.1/24"
                                 << "box1"
                                 << "not an IPv4 address"
                                 << "";
        QTest::newRow("trailing dot") << "10.0.3.1/24"
                                      << "10.0.3.20."
                                      << "not an IPv4 address"
                                      << "";
    }
    void staticAddresses()
    {
        QFETCH(QString, bridge);
        QFETCH(QString, address);
        QFETCH(QString, reason);
        QFETCH(QString, cidr);
        const auto bridgeCidr = berth::model::Ipv4Cidr::parse(bridge.toStdString());
        QVERIFY(bridgeCidr);
        const QString problem = berth::gui::addressProblemText(
            berth::model::checkStaticAddress(address.toStdString(), *bridgeCidr), address, *bridgeCidr);
        QCOMPARE(problem.isEmpty(), reason.isEmpty());
        QVERIFY2(problem.contains(reason), qPrintable(problem));
        const auto got = berth::model::staticAddressCidr(address.toStdString(), *bridgeCidr);
        QCOMPARE(got ? QString::fromStdString(got->toString()) : QString(), cidr);
    }

    void request_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("commandLine");
        QTest::addColumn<QStringList>("command");
        QTest::newRow("system ignores the command") << "system"
                                                    << "/bin/sh" << QStringList();
        QTest::newRow("application") << "application"
                                     << "/bin/sh -c \"echo hi there\"" << QStringList{"/bin/sh", "-c", "echo hi there"};
        QTest::newRow("application, extra spaces") << "application"
                                                   << "  sleep   60 " << QStringList{"sleep", "60"};
        QTest::newRow("application, image's command") << "application"
                                                      << "" << QStringList();
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
        choices.kind = *berth::model::parseContainerKind(kind.toStdString());
        choices.commandLine = commandLine;
        choices.network = QStringLiteral("berth0");
        choices.inputFd = 7;
        const auto request = berth::gui::buildCreateRequest(choices);
        QCOMPARE(request.name, QStringLiteral("box1"));
        QCOMPARE(request.templateName, QStringLiteral("debian"));
        // An empty field is the template's default: not sent.
        QCOMPARE(request.options, (QMap<QString, QString>{{QStringLiteral("release"), QStringLiteral("trixie")}}));
        QCOMPARE(berth::client::wireText(request.kind), kind);
        QCOMPARE(request.command, command);
        QCOMPARE(request.network, QStringLiteral("berth0"));
        QCOMPARE(request.inputFd, 7);
    }
};

QTEST_MAIN(TestWizardPure)
#include "test_wizard_pure.moc"
