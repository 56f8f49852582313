// The pure parts of the systemd scope: where /proc/<pid>/cgroup says systemd
// put a process (fixture files of v2, hybrid and v1 hosts), the scope's unit
// name, and the "is systemd init" test on a directory tree.
#include "cgroup/systemd_scope.h"

#include <QtTest>

#include <cerrno>
#include <filesystem>

namespace fs = std::filesystem;

class TestScopeCgroup : public QObject {
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void text_data();
    void text();
    void unitName_data();
    void unitName();
    void systemdIsInit();
};

void TestScopeCgroup::fixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("expected"); // the path, or a part of the error message

    const QString scope = QStringLiteral("/machine.slice/berth-web.scope");
    QTest::newRow("v2") << "unified" << 0 << scope;
    QTest::newRow("hybrid: 0:: and name=systemd") << "hybrid" << 0 << scope;
    QTest::newRow("v1: name=systemd only") << "legacy" << 0 << scope;
    QTest::newRow("v1 with a stray cgroup2 mount") << "legacy-stray-unified" << 0 << scope;
    QTest::newRow("outside any scope") << "elsewhere" << 0 << "/user.slice/user-0.slice/session-1.scope";
    QTest::newRow("cgroup removed") << "deleted" << ENOENT << "was removed";
    QTest::newRow("no systemd hierarchy") << "no-systemd" << ENOENT << "no systemd cgroup";
    QTest::newRow("malformed") << "malformed" << EINVAL << "malformed line '0:/machine.slice/berth-web.scope'";
    QTest::newRow("no such process") << "missing" << ENOENT << "proc/4242/cgroup";
}

void TestScopeCgroup::fixtures()
{
    QFETCH(QString, fixture);
    QFETCH(int, errorCode);
    QFETCH(QString, expected);

    const fs::path root = fs::path(BERTH_SYSTEMD_FIXTURES) / fixture.toStdString();
    const auto path = berth::cgroup::scopeCgroupOf(4242, root);
    if (errorCode == 0) {
        QVERIFY2(path.has_value(), path ? "" : path.error().describe().c_str());
        QCOMPARE(QString::fromStdString(*path), expected);
        return;
    }
    QVERIFY(!path.has_value());
    QCOMPARE(path.error().code, errorCode);
    QVERIFY2(QString::fromStdString(path.error().message).contains(expected), path.error().message.c_str());
}

void TestScopeCgroup::text_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: an error

    QTest::newRow("unified wins over name=systemd") << "1:name=systemd:/b.scope\n0::/a.scope\n"
                                                    << "/a.scope";
    QTest::newRow("no trailing newline") << "0::/a.scope"
                                         << "/a.scope";
    QTest::newRow("root only") << "0::/\n"
                               << "/";
    QTest::newRow("empty file") << ""
                                << "";
    QTest::newRow("relative path") << "0::a.scope\n"
                                   << "";
    QTest::newRow("named other than systemd") << "1:name=elogind:/a.scope\n"
                                              << "";
    QTest::newRow("v1 line with controllers on 0") << "0:cpu:/a.scope\n"
                                                   << "";
}

void TestScopeCgroup::text()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const auto path = berth::cgroup::parseScopeCgroup(text.toStdString(), "fixture");
    if (expected.isEmpty()) {
        QVERIFY(!path.has_value());
        QVERIFY2(path.error().message.find("fixture") != std::string::npos, path.error().message.c_str());
        return;
    }
    QVERIFY2(path.has_value(), path ? "" : path.error().describe().c_str());
    QCOMPARE(QString::fromStdString(*path), expected);
}

void TestScopeCgroup::unitName_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("expected"); // empty: EINVAL

    QTest::newRow("plain") << "web"
                           << "berth-web.scope";
    QTest::newRow("Berth's name characters") << "a0_b.c-d"
                                             << "berth-a0_b.c-d.scope";
    QTest::newRow("longest") << QString(243, QLatin1Char('a')) << "berth-" + QString(243, QLatin1Char('a')) + ".scope";
    QTest::newRow("too long") << QString(244, QLatin1Char('a')) << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("slash") << "a/b"
                           << "";
    QTest::newRow("space") << "a b"
                           << "";
    QTest::newRow("escape") << "a\\x2d"
                            << "";
}

void TestScopeCgroup::unitName()
{
    QFETCH(QString, container);
    QFETCH(QString, expected);

    const auto unit = berth::cgroup::scopeUnitName(container.toStdString());
    if (expected.isEmpty()) {
        QVERIFY(!unit.has_value());
        QCOMPARE(unit.error().code, EINVAL);
        return;
    }
    QVERIFY2(unit.has_value(), unit ? "" : unit.error().describe().c_str());
    QCOMPARE(QString::fromStdString(*unit), expected);
}

// As sd_booted: a directory counts, a symlink or a file does not.
void TestScopeCgroup::systemdIsInit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path root = dir.path().toStdString();
    QVERIFY(!berth::cgroup::systemdIsInit(root));

    fs::create_directories(root / "run/systemd");
    QVERIFY(QFile(QString::fromStdString(root / "run/systemd/system")).open(QIODevice::WriteOnly));
    QVERIFY(!berth::cgroup::systemdIsInit(root));

    fs::remove(root / "run/systemd/system");
    fs::create_directories(root / "elsewhere");
    fs::create_directory_symlink(root / "elsewhere", root / "run/systemd/system");
    QVERIFY(!berth::cgroup::systemdIsInit(root));

    fs::remove(root / "run/systemd/system");
    fs::create_directory(root / "run/systemd/system");
    QVERIFY(berth::cgroup::systemdIsInit(root));
}

QTEST_GUILESS_MAIN(TestScopeCgroup)
#include "test_scope_cgroup.moc"
