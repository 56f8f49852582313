// model/forward.h: the port forward text "PROTO:[HOSTADDR:]HOSTPORT:PORT"
// (rows formerly in tests/gui/test_network_pure.cpp, plus the edges and
// which part is at fault), its printer and the admin rule.
#include "berth/model/forward.h"

#include <QtTest>

using namespace berth::model;

Q_DECLARE_METATYPE(ForwardProblem)

class TestModelForward : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forward_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("hostAddress");
        QTest::addColumn<int>("hostPort");
        QTest::addColumn<int>("containerPort");
        QTest::newRow("tcp") << "tcp:8080:80" << true << "tcp"
                             << "" << 8080 << 80;
        QTest::newRow("udp with address") << "udp:127.0.0.1:5353:53" << true << "udp"
                                          << "127.0.0.1" << 5353 << 53;
        QTest::newRow("top port") << "tcp:65535:1" << true << "tcp"
                                  << "" << 65535 << 1;
        QTest::newRow("lowest ports") << "udp:1:1" << true << "udp"
                                      << "" << 1 << 1;
        QTest::newRow("sctp") << "sctp:80:80" << false << ""
                              << "" << 0 << 0;
        QTest::newRow("port 0") << "tcp:0:80" << false << ""
                                << "" << 0 << 0;
        QTest::newRow("container port 0") << "tcp:80:0" << false << ""
                                          << "" << 0 << 0;
        QTest::newRow("port too big") << "tcp:65536:80" << false << ""
                                      << "" << 0 << 0;
        QTest::newRow("huge port") << "tcp:99999999999999999999:80" << false << ""
                                   << "" << 0 << 0;
        QTest::newRow("signed port") << "tcp:+80:80" << false << ""
                                     << "" << 0 << 0;
        QTest::newRow("bad address") << "tcp:1.2.3:80:80" << false << ""
                                     << "" << 0 << 0;
        QTest::newRow("too few parts") << "tcp:80" << false << ""
                                       << "" << 0 << 0;
        QTest::newRow("too many parts") << "tcp:1.2.3.4:5:80:80" << false << ""
                                        << "" << 0 << 0;
        QTest::newRow("empty") << "" << false << ""
                               << "" << 0 << 0;
        QTest::newRow("capital protocol") << "TCP:80:80" << false << ""
                                          << "" << 0 << 0;
    }
    void forward()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto spec = parseForwardSpec(text.toStdString());
        QCOMPARE(spec.has_value(), valid);
        if (!valid)
            return;
        QTEST(QString::fromLatin1(protocolName(spec->protocol)), "protocol");
        QTEST(spec->hostAddress ? QString::fromStdString(spec->hostAddress->toString()) : QString(), "hostAddress");
        QTEST(int(spec->hostPort), "hostPort");
        QTEST(int(spec->containerPort), "containerPort");
        QCOMPARE(QString::fromStdString(spec->toString()), text);
    }

    void problem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ForwardProblem>("problem");
        QTest::addColumn<QString>("part");
        QTest::newRow("shape") << "tcp:80" << ForwardProblem::Shape << "tcp:80";
        QTest::newRow("protocol") << "sctp:80:80" << ForwardProblem::Protocol << "sctp";
        QTest::newRow("address") << "tcp:1.2.3:80:80" << ForwardProblem::HostAddress << "1.2.3";
        QTest::newRow("host port") << "tcp:x:80" << ForwardProblem::Port << "x";
        QTest::newRow("container port") << "tcp:80:65536" << ForwardProblem::Port << "65536";
    }
    void problem()
    {
        QFETCH(QString, text);
        QFETCH(ForwardProblem, problem);
        QFETCH(QString, part);
        const auto spec = parseForwardSpec(text.toStdString());
        QVERIFY(!spec);
        QCOMPARE(spec.error().problem, problem);
        QCOMPARE(QString::fromStdString(spec.error().part), part);
    }

    void needsAdmin_data()
    {
        QTest::addColumn<int>("hostPort");
        QTest::addColumn<bool>("admin");
        QTest::newRow("1") << 1 << true;
        QTest::newRow("80") << 80 << true;
        QTest::newRow("1023") << 1023 << true;
        QTest::newRow("1024") << 1024 << false;
        QTest::newRow("65535") << 65535 << false;
    }
    void needsAdmin()
    {
        QFETCH(int, hostPort);
        QFETCH(bool, admin);
        ForwardSpec spec;
        spec.hostPort = static_cast<std::uint16_t>(hostPort);
        spec.containerPort = 8080; // the container's side never matters
        QCOMPARE(spec.needsAdmin(), admin);
    }
};

QTEST_GUILESS_MAIN(TestModelForward)
#include "test_model_forward.moc"
