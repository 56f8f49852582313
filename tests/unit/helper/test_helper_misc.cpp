// Error names clients rely on, and the helper's command line.
#include "error_names.h"
#include "helper_options.h"

#include <QtTest>

#include <algorithm>
#include <cerrno>

using namespace berth;
using namespace berth::helper;

class TestHelperMisc : public QObject {
    Q_OBJECT
private slots:
    void errorNames_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("name");
        // Issue #16: a missing file, program or cgroup is no missing container.
        QTest::newRow("ENOENT") << ENOENT << "org.berth.Error.Failed";
        QTest::newRow("EEXIST") << EEXIST << "org.berth.Error.AlreadyExists";
        QTest::newRow("EBUSY") << EBUSY << "org.berth.Error.Busy";
        QTest::newRow("EINVAL") << EINVAL << "org.berth.Error.InvalidArgument";
        QTest::newRow("E2BIG") << E2BIG << "org.berth.Error.InvalidArgument";
        // The kernel refusing the engine is not the caller lacking rights.
        QTest::newRow("EPERM") << EPERM << "org.berth.Error.Failed";
        QTest::newRow("EACCES") << EACCES << "org.berth.Error.Failed";
        QTest::newRow("EIO") << EIO << "org.berth.Error.Failed";
        QTest::newRow("ECANCELED") << ECANCELED << "org.berth.Error.Failed";
        QTest::newRow("zero") << 0 << "org.berth.Error.Failed";
    }
    void errorNames()
    {
        QFETCH(int, code);
        QFETCH(QString, name);
        const auto got = errorNameFor(Error::make(code, "x"));
        QCOMPARE(QString::fromLatin1(got.data(), qsizetype(got.size())), name);
    }

    // NotFound (berthctl's exit 4) is a container the caller named, however wrapped.
    void missingContainerIsNotFound()
    {
        const Error missing = Error::missingContainer("web").wrap("start 'web'");
        QCOMPARE(QString::fromStdString(missing.message), QStringLiteral("start 'web': no container named 'web'"));
        QCOMPARE(missing.code, ENOENT);
        QCOMPARE(errorNameFor(missing), kErrorNotFound);
    }

    // exec's command that could not be executed has names of its own
    // (berthctl's 127 and 126); any other failure of an exec keeps its code's.
    void commandNotRunHasItsOwnNames()
    {
        Error missing = Error::fromErrno(ENOENT, "run 'x'").wrap("exec in 'web'");
        missing.commandNotRun = true;
        QCOMPARE(errorNameFor(missing), kErrorCommandNotFound);
        Error throughAFile = Error::fromErrno(ENOTDIR, "run '/etc/passwd/x'");
        throughAFile.commandNotRun = true;
        QCOMPARE(errorNameFor(throughAFile), kErrorCommandNotFound);
        Error denied = Error::fromErrno(EACCES, "run '/etc'");
        denied.commandNotRun = true;
        QCOMPARE(errorNameFor(denied), kErrorCommandNotRunnable);
        QCOMPARE(errorNameFor(Error::fromErrno(ENOENT, "change directory to '/d'")), kErrorFailed);
    }

    // A config changed since the caller read it has a name of its own
    // (SetConfigIfUnchanged); any other ESTALE is a failure.
    void changedSinceReadIsChanged()
    {
        Error changed = Error::make(ESTALE, "the config of 'web' was changed since it was read");
        changed.changedSinceRead = true;
        QCOMPARE(errorNameFor(changed.wrap("set config")), kErrorChanged);
        QCOMPARE(errorNameFor(Error::make(ESTALE, "'x' was replaced while it was being copied")), kErrorFailed);
    }

    void defaults()
    {
        auto options = parseHelperOptions({}, nullptr);
        QVERIFY(options);
        QCOMPARE(options->root, std::filesystem::path("/"));
        QCOMPARE(options->idleTimeout, std::chrono::seconds(60));
        QCOMPARE(options->cgroupParent, std::string(kDefaultCgroupParent));
    }

    void commandLine()
    {
        auto options = parseHelperOptions(
            {"--root", "/tmp/r", "--idle-timeout", "5", "--cgroup-parent", "test/x", "--libexec-dir", "/b/libexec"},
            "30");
        QVERIFY(options);
        QCOMPARE(options->root, std::filesystem::path("/tmp/r"));
        QCOMPARE(options->idleTimeout, std::chrono::seconds(5)); // the command line wins
        QCOMPARE(options->cgroupParent, std::string("test/x"));
        QCOMPARE(engineSettings(*options).libexecDir, std::filesystem::path("/b/libexec"));
    }

    // A monitor wakes the helper on the bus the helper itself is on.
    void wakeCommandNamesTheBus()
    {
        const std::vector<std::string> onSystem = wakeCommand("");
        QCOMPARE(onSystem.front(), std::string("/usr/bin/dbus-send"));
        QVERIFY(std::ranges::find(onSystem, "--system") != onSystem.end());
        QVERIFY(std::ranges::find(onSystem, "--dest=org.berth.Berth1") != onSystem.end());
        const std::vector<std::string> onTest = wakeCommand("unix:path=/tmp/t/bus");
        QVERIFY(std::ranges::find(onTest, "--bus=unix:path=/tmp/t/bus") != onTest.end());
        QVERIFY(std::ranges::find(onTest, "--system") == onTest.end());
    }

    void stopNetworksIsAFlag()
    {
        QVERIFY(!parseHelperOptions({}, nullptr)->stopNetworks);
        auto options = parseHelperOptions({"--root", "/tmp/r", "--stop-networks", "--idle-timeout", "5"}, nullptr);
        QVERIFY(options);
        QVERIFY(options->stopNetworks);
        QCOMPARE(options->root, std::filesystem::path("/tmp/r"));
        QCOMPARE(options->idleTimeout, std::chrono::seconds(5));
        QVERIFY(!parseHelperOptions({"--stop-networks", "yes"}, nullptr));
    }

    void environment()
    {
        QCOMPARE(parseHelperOptions({}, "0")->idleTimeout, std::chrono::seconds(0));
        QVERIFY(!parseHelperOptions({}, "-1"));
        QVERIFY(!parseHelperOptions({}, "soon"));
    }

    void invalid_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown") << QStringList{"--verbose", "1"};
        QTest::newRow("missing value") << QStringList{"--root"};
        QTest::newRow("relative root") << QStringList{"--root", "tmp"};
        QTest::newRow("idle too long") << QStringList{"--idle-timeout", "86401"};
        QTest::newRow("idle signed") << QStringList{"--idle-timeout", "+5"};
        QTest::newRow("cgroup absolute") << QStringList{"--cgroup-parent", "/berth"};
        QTest::newRow("cgroup climbing") << QStringList{"--cgroup-parent", "../x"};
    }
    void invalid()
    {
        QFETCH(QStringList, args);
        std::vector<std::string> list;
        for (const auto& arg : args)
            list.push_back(arg.toStdString());
        QVERIFY(!parseHelperOptions(list, nullptr));
    }
};

QTEST_APPLESS_MAIN(TestHelperMisc)
#include "test_helper_misc.moc"
