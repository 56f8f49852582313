// A container that overlay snapshots use as their lower layer runs with a
// read-only root while they exist (overlayfs does not support changes to
// a lower layer), is writable again once they are gone, and can still be
// exported and copied meanwhile. lxc.rootfs.options = ro does the same.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "runtime/read_only_root.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/mman.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace fsys = std::filesystem;

class TestSnapshotReadOnly : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    void start(const std::string& name)
    {
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    void stop(const std::string& name)
    {
        auto stopped = m_engine.stop(name, 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
    }

    // `touch /marker` inside; returns its exit code and checks what it said.
    int touchInside(const std::string& name, const std::string& marker)
    {
        const RunResult touched = execCaptured(m_engine, name, {"touch", "/" + marker});
        if (touched.exit.code != 0 && touched.output.find("Read-only file system") == std::string::npos)
            qWarning("touch failed for another reason: %s", touched.output.c_str());
        return touched.exit.code;
    }

private slots:
    void rootfsOptions_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("empty") << "" << false;
        QTest::newRow("ro") << "ro" << true;
        QTest::newRow("among others") << "noatime,ro,nodev" << true;
        QTest::newRow("rw") << "rw" << false;
        QTest::newRow("ro as part of a word") << "rootcontext=x,errors=remount-ro" << false;
    }
    void rootfsOptions()
    {
        QFETCH(QString, options);
        QFETCH(bool, readOnly);
        QCOMPARE(runtime::rootfsOptionsReadOnly(options.toStdString()), readOnly);
    }

    void sourceIsReadOnlyWhileSnapshotsExist()
    {
        const Paths& paths = m_engine.settings().paths;
        QVERIFY(m_engine.create({.name = "source"}));
        auto snapshot = m_engine.create(
            {.name = "snap", .templateName = "clone", .options = {{"source", "source"}, {"snapshot", "true"}}});
        QVERIFY2(snapshot, snapshot ? "" : snapshot.error().describe().c_str());
        auto users = runtime::snapshotsOf(m_engine.settings(), paths.rootfsDir("source"));
        QVERIFY(users && *users == std::vector<std::string>{"snap"});

        start("source");
        start("snap");
        QVERIFY(touchInside("source", "from-source") != 0);
        QCOMPARE(touchInside("snap", "from-snap"), 0);
        QVERIFY(!fsys::exists(paths.rootfsDir("source") / "from-source"));
        QVERIFY(!fsys::exists(paths.rootfsDir("source") / "from-snap"));
        // Only the root is read-only: the container's own /dev and /proc are not.
        QCOMPARE(execCaptured(m_engine, "source", {"touch", "/dev/shm/ok"}).exit.code, 0);
        stop("snap");
        stop("source");

        // Meanwhile the host side still reads it: export and a full copy.
        UniqueFd sink(::memfd_create("export", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("source", sink.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        auto copied = m_engine.create({.name = "copy", .templateName = "clone", .options = {{"source", "source"}}});
        QVERIFY2(copied, copied ? "" : copied.error().describe().c_str());
        start("copy");
        QCOMPARE(touchInside("copy", "from-copy"), 0); // a copy is nobody's lower layer
        stop("copy");
        QVERIFY(m_engine.destroy("copy"));

        QVERIFY(m_engine.destroy("snap"));
        start("source");
        QCOMPARE(touchInside("source", "after"), 0);
        QVERIFY(fsys::exists(paths.rootfsDir("source") / "after"));
        stop("source");
        QVERIFY(m_engine.destroy("source"));
    }

    void rootfsOptionsRo()
    {
        const Paths& paths = m_engine.settings().paths;
        QVERIFY(m_engine.create({.name = "ro"}));
        std::ofstream(paths.configFile("ro"), std::ios::app) << "lxc.rootfs.options = ro\n";
        start("ro");
        QVERIFY(touchInside("ro", "x") != 0);
        stop("ro");
        QVERIFY(!fsys::exists(paths.rootfsDir("ro") / "x"));
        QVERIFY(m_engine.destroy("ro"));
    }
};

BERTH_INTEGRATION_MAIN(TestSnapshotReadOnly)
#include "test_snapshot_readonly.moc"
