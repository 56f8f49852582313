// Capability plans: base sets by container kind, lxc.cap.keep/drop, names.
#include "security/capabilities.h"

#include <QtTest/QtTest>

#include <linux/capability.h>

#include <fstream>

using berth::ContainerKind;
using namespace berth::security;

Q_DECLARE_METATYPE(ContainerKind)

namespace {

std::uint64_t bits(std::initializer_list<int> caps)
{
    std::uint64_t set = 0;
    for (int cap : caps)
        set |= std::uint64_t{1} << cap;
    return set;
}

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& s : list)
        out.push_back(s.toStdString());
    return out;
}

const std::uint64_t kDocker =
    bits({CAP_CHOWN, CAP_DAC_OVERRIDE, CAP_FSETID, CAP_FOWNER, CAP_MKNOD, CAP_NET_RAW, CAP_SETGID, CAP_SETUID,
          CAP_SETFCAP, CAP_SETPCAP, CAP_NET_BIND_SERVICE, CAP_SYS_CHROOT, CAP_KILL, CAP_AUDIT_WRITE});

// Capabilities 0..40 minus LXC's common.conf drops.
const std::uint64_t kSystem40 = ((std::uint64_t{1} << 41) - 1) &
                                ~bits({CAP_SYS_MODULE, CAP_SYS_TIME, CAP_SYS_RAWIO, CAP_MAC_ADMIN, CAP_MAC_OVERRIDE});

} // namespace

class TestCapabilities : public QObject {
    Q_OBJECT

private slots:
    void plan_data()
    {
        QTest::addColumn<ContainerKind>("kind");
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QStringList>("keep");
        QTest::addColumn<bool>("keepGiven");
        QTest::addColumn<int>("lastCap");
        QTest::addColumn<quint64>("expected");

        const auto app = ContainerKind::Application;
        const auto sys = ContainerKind::System;
        QTest::newRow("application default")
            << app << QStringList{} << QStringList{} << false << 40 << quint64(kDocker);
        QTest::newRow("system default") << sys << QStringList{} << QStringList{} << false << 40 << quint64(kSystem40);
        QTest::newRow("system on an older kernel") << sys << QStringList{} << QStringList{} << false << 37
                                                   << quint64(kSystem40 & ((std::uint64_t{1} << 38) - 1));
        QTest::newRow("drop plain names") << app << QStringList{"net_raw", "mknod"} << QStringList{} << false << 40
                                          << quint64(kDocker & ~bits({CAP_NET_RAW, CAP_MKNOD}));
        QTest::newRow("drop with prefix and case")
            << sys << QStringList{"CAP_SYS_ADMIN", "Cap_Net_Admin"} << QStringList{} << false << 40
            << quint64(kSystem40 & ~bits({CAP_SYS_ADMIN, CAP_NET_ADMIN}));
        QTest::newRow("drop what is not there")
            << app << QStringList{"sys_admin"} << QStringList{} << false << 40 << quint64(kDocker);
        QTest::newRow("keep replaces the base") << app << QStringList{} << QStringList{"sys_admin", "CAP_CHOWN"} << true
                                                << 40 << quint64(bits({CAP_SYS_ADMIN, CAP_CHOWN}));
        QTest::newRow("keep then drop") << sys << QStringList{"chown"} << QStringList{"chown", "kill"} << true << 40
                                        << quint64(bits({CAP_KILL}));
        QTest::newRow("keep none") << sys << QStringList{} << QStringList{"none"} << true << 40 << quint64(0);
        QTest::newRow("keep given empty") << app << QStringList{} << QStringList{} << true << 40 << quint64(0);
        QTest::newRow("keep unknown to the kernel")
            << app << QStringList{} << QStringList{"checkpoint_restore", "bpf"} << true << 38 << quint64(0);
        QTest::newRow("keep ignored unless given")
            << app << QStringList{} << QStringList{"sys_admin"} << false << 40 << quint64(kDocker);
    }

    void plan()
    {
        QFETCH(ContainerKind, kind);
        QFETCH(QStringList, drop);
        QFETCH(QStringList, keep);
        QFETCH(bool, keepGiven);
        QFETCH(int, lastCap);
        QFETCH(quint64, expected);
        const auto plan = planCapabilities(kind, toStd(drop), toStd(keep), keepGiven, lastCap);
        QVERIFY2(plan.has_value(), plan ? "" : plan.error().describe().c_str());
        QCOMPARE(quint64(plan->keep), expected);
    }

    void unknownName_data()
    {
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QStringList>("keep");
        QTest::addColumn<QString>("bad");
        QTest::newRow("drop") << QStringList{"chown", "sys_bogus"} << QStringList{} << "sys_bogus";
        QTest::newRow("keep") << QStringList{} << QStringList{"CAP_NOPE"} << "CAP_NOPE";
        QTest::newRow("bare prefix") << QStringList{"cap_"} << QStringList{} << "cap_";
        QTest::newRow("empty") << QStringList{""} << QStringList{} << "''";
    }

    void unknownName()
    {
        QFETCH(QStringList, drop);
        QFETCH(QStringList, keep);
        QFETCH(QString, bad);
        const auto plan = planCapabilities(ContainerKind::Application, toStd(drop), toStd(keep), true, 40);
        QVERIFY(!plan.has_value());
        QCOMPARE(plan.error().code, EINVAL);
        QVERIFY2(plan.error().message.find(bad.toStdString()) != std::string::npos, plan.error().message.c_str());
    }

    void runningKernel()
    {
        // Whatever the kernel, the application set never grows past Docker's.
        const auto plan = planCapabilities(ContainerKind::Application, {}, {}, false);
        QVERIFY2(plan.has_value(), plan ? "" : plan.error().describe().c_str());
        QCOMPARE(quint64(plan->keep), quint64(kDocker));
    }

    void namesRoundTrip()
    {
        for (int cap = 0; cap <= CAP_LAST_CAP; ++cap) {
            const std::string_view name = capabilityName(cap);
            QVERIFY(!name.empty());
            const auto back = capabilityFromName(
                "CAP_" + QString::fromLatin1(name.data(), qsizetype(name.size())).toUpper().toStdString());
            QVERIFY(back.has_value());
            QCOMPARE(*back, cap);
        }
        QVERIFY(capabilityName(-1).empty());
        QVERIFY(capabilityName(64).empty());
        QCOMPARE(*capabilityFromName("sys_admin"), CAP_SYS_ADMIN);
        QCOMPARE(*capabilityFromName("checkpoint_restore"), CAP_CHECKPOINT_RESTORE);
    }

    void lastCapabilityFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected"); // -1: an error
        QTest::newRow("plain") << QByteArray("40\n") << 40;
        QTest::newRow("no newline") << QByteArray("37") << 37;
        QTest::newRow("zero") << QByteArray("0\n") << 0;
        QTest::newRow("too large") << QByteArray("64\n") << -1;
        QTest::newRow("negative") << QByteArray("-1\n") << -1;
        QTest::newRow("junk after") << QByteArray("40x\n") << -1;
        QTest::newRow("empty") << QByteArray("") << -1;
    }

    void lastCapabilityFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path file = dir.filePath("cap_last_cap").toStdString();
        std::ofstream(file) << content.toStdString();
        const auto last = readLastCapability(file);
        if (expected < 0) {
            QVERIFY(!last.has_value());
            QCOMPARE(last.error().code, EINVAL);
        } else {
            QVERIFY2(last.has_value(), last ? "" : last.error().describe().c_str());
            QCOMPARE(*last, expected);
        }
    }

    void lastCapabilityMissing()
    {
        const auto last = readLastCapability("/nonexistent/cap_last_cap");
        QVERIFY(!last.has_value());
        QCOMPARE(last.error().code, ENOENT);
        QVERIFY(last.error().message.find("/nonexistent/cap_last_cap") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestCapabilities)
#include "test_capabilities.moc"
