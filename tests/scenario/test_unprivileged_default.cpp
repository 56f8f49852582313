// Scenario (issue #15): a new member of group berth makes a container
// with nothing but the defaults, as the README tells a new user to, and
// gets an unprivileged one: its root is a block of host IDs of its own,
// `berthctl info` says so, and asking for a privileged one is refused
// without an administrator. All through the built berthctl on the private
// bus with the real polkitd and helper, as the member.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QtTest>

using namespace berth::test;

class TestUnprivilegedDefault : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    Outcome member(const QStringList& args)
    {
        return runAsUser(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        // A new member: made one now, as an administrator adds a user.
        QVERIFY2(ensureNonMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(addToGroup(kTestUser, kBerthGroup, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    void defaultsGiveAnUnprivilegedContainer()
    {
        EXPECT_CODE(
            member({QStringLiteral("create"), QStringLiteral("c1"), QStringLiteral("-t"), QStringLiteral("busybox")}),
            0);
        EXPECT_CODE(member({QStringLiteral("start"), QStringLiteral("c1")}), 0);
        const Outcome map = member({QStringLiteral("exec"), QStringLiteral("c1"), QStringLiteral("--"),
                                    QStringLiteral("cat"), QStringLiteral("/proc/self/uid_map")});
        EXPECT_CODE(map, 0);
        // "0 BASE 65536": root inside is BASE outside, never 0.
        const QStringList fields = map.outText().simplified().split(QLatin1Char(' '));
        QVERIFY2(fields.size() == 3 && fields[0] == QLatin1String("0") && fields[1].toUInt() != 0 &&
                     fields[2] == QLatin1String("65536"),
                 qPrintable(describe(map)));
        const Outcome info = member({QStringLiteral("info"), QStringLiteral("c1")});
        EXPECT_CODE(info, 0);
        // "User namespace:   host IDs BASE–BASE+65535 (...)": the block it runs in.
        const QRegularExpression line(QStringLiteral("^User namespace:\\s+host IDs %1\\D").arg(fields[1]),
                                      QRegularExpression::MultilineOption);
        QVERIFY2(line.match(info.outText()).hasMatch(), qPrintable(describe(info)));
    }

    void privilegedIsRefused()
    {
        const Outcome refused = member({QStringLiteral("create"), QStringLiteral("c2"), QStringLiteral("-t"),
                                        QStringLiteral("busybox"), QStringLiteral("--privileged")});
        QVERIFY2(refused.code == 3, qPrintable(describe(refused))); // not authorized
        QVERIFY2(refused.errText().contains(QLatin1String("administrator")), qPrintable(describe(refused)));
        QCOMPARE(containerState(m_bus, QStringLiteral("c2")), QStringLiteral("org.berth.Error.NotFound"));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestUnprivilegedDefault)

#include "test_unprivileged_default.moc"
