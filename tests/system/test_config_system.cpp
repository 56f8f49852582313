// What a config may reach (issue #14, items 3, 9, 10, 11), end to end:
// the real helper, polkitd and berthctl on a private bus. A member of group
// "berth" is refused a config that mounts proc or sysfs, with the line and
// the rule named; a change of lxc.idmap needs an administrator; an AppArmor profile is kept with a
// warning `berthctl info` shows. A user outside the group learns nothing
// about the file system from lxc.include.
#include "berthctl_run.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace berth::test;

namespace {

const QString kName = QStringLiteral("cfg1");

// The number of the line a key appended to `text` gets.
int nextLine(const QString& text)
{
    return int(text.count(QLatin1Char('\n'))) + 1;
}

} // namespace

class TestConfigSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_files; // config texts the user's berthctl reads
    QString m_config;      // cfg1's config as root created it

    // berthctl as the test user: exit code, stdout and stderr together.
    int asUser(const QStringList& args, QString* out)
    {
        return runAs(kTestUser,
                     QStringList{QStringLiteral("env"), QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANGUAGE="),
                                 QStringLiteral("BERTH_BUS_ADDRESS=") + m_bus.address(),
                                 QStringLiteral(BERTHCTL_BINARY)} +
                         args,
                     out);
    }

    // `berthctl config cfg1 set FILE` as the test user with `text`.
    int setConfigAsUser(const QString& text, QString* out)
    {
        const QString path = m_files.filePath(QStringLiteral("config"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        file.write(text.toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        return asUser({QStringLiteral("config"), kName, QStringLiteral("set"), path}, out);
    }

    QString storedConfig() { return berthctl({QStringLiteral("config"), kName}).outText(); }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureNonMember(kTestUser, &why), qPrintable(why));
        QVERIFY(QFile::setPermissions(m_files.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                          QFile::ReadOther | QFile::ExeOther));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        // An application container, unprivileged (a block of its own) as every new one.
        EXPECT_CODE(berthctl({QStringLiteral("create"), kName, QStringLiteral("-t"), QStringLiteral("busybox"),
                              QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("/bin/sleep"),
                              QStringLiteral("1000")}),
                    0);
        m_config = storedConfig();
        QVERIFY(m_config.contains(QLatin1String("lxc.rootfs.path")));
    }

    void cleanupTestCase()
    {
        for (const QString& name : {kName, QStringLiteral("cfg2")})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        removeFromGroup(kTestUser, kBerthGroup);
        m_bus.stop();
    }

    // Item 10: before authorization nothing is read on the caller's
    // behalf, so a root-only file and a missing one give the same answer.
    void includeProbeAnswersAlike()
    {
        const QString secret = QStringLiteral("/root/berth-probe-%1").arg(QCoreApplication::applicationPid());
        QFile file(secret);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("lxc.uts.name = secret\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QString existing, missing;
        const int codeExisting =
            setConfigAsUser(m_config + QStringLiteral("lxc.include = %1\n").arg(secret), &existing);
        const int codeMissing = setConfigAsUser(
            m_config + QStringLiteral("lxc.include = %1\n").arg(secret + QStringLiteral("-missing")), &missing);
        QFile::remove(secret);
        QCOMPARE(codeExisting, codeMissing);
        QCOMPARE(existing, missing);
        QVERIFY2(existing.contains(QStringLiteral("config:%1: lxc.include: not accepted").arg(nextLine(m_config))),
                 qPrintable(existing));
        QCOMPARE(storedConfig(), m_config);
    }

    // Items 3 and 11: proc and sysfs by lxc.mount.entry need an
    // administrator, whatever their options; the refusal names the line.
    void kernelMountsRefusedWithTheLine_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("fstype");
        QTest::newRow("proc rw") << "proc mnt/p proc rw,create=dir 0 0"
                                 << "proc";
        QTest::newRow("proc ro") << "proc mnt/p proc ro,create=dir 0 0"
                                 << "proc";
        QTest::newRow("sysfs rw") << "sysfs mnt/s sysfs rw,create=dir 0 0"
                                  << "sysfs";
    }
    void kernelMountsRefusedWithTheLine()
    {
        QFETCH(QString, entry);
        QFETCH(QString, fstype);
        QVERIFY(addToGroup(kTestUser, kBerthGroup));
        QString out;
        const QString text = m_config + QStringLiteral("lxc.mount.entry = ") + entry + QLatin1Char('\n');
        const int code = setConfigAsUser(text, &out);
        QVERIFY2(code == 3, qPrintable(out)); // berthctl's "not authorized"
        const QString said = QStringLiteral("config:%1: lxc.mount.entry mounts '%2' (a kernel filesystem")
                                 .arg(nextLine(m_config))
                                 .arg(fstype);
        QVERIFY2(out.contains(said), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("org.berth.host.bind-mount")), qPrintable(out));
        QCOMPARE(storedConfig(), m_config);
    }

    // Item 11 at creation: the refusal says which argument needs an administrator.
    void createRefusalNamesTheNetwork()
    {
        QVERIFY(addToGroup(kTestUser, kBerthGroup));
        QString out;
        const int code = asUser({QStringLiteral("create"), QStringLiteral("cfg2"), QStringLiteral("-t"),
                                 QStringLiteral("busybox"), QStringLiteral("--network"), QStringLiteral("hostbr9"),
                                 QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("/bin/true")},
                                &out);
        QVERIFY2(code == 3, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("network 'hostbr9': eth0 joins a bridge of the host's")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("org.berth.host.bind-mount")), qPrintable(out));
    }

    // Issue #15: the container's user namespace is the administrator's: a
    // member's change of the map is refused by polkit, naming the line (root's
    // map outside Berth's range is the engine's to refuse, below).
    void idmapIsTheAdministrators()
    {
        QVERIFY(addToGroup(kTestUser, kBerthGroup));
        QVERIFY2(m_config.contains(QLatin1String("lxc.idmap = u 0 ")), qPrintable(m_config));
        QString hostIds;
        int line = 0;
        const QStringList lines = m_config.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const bool user = lines[i].startsWith(QLatin1String("lxc.idmap = u"));
            if (user && line == 0)
                line = i + 1;
            hostIds += user ? QStringLiteral("lxc.idmap = u 0 100000 65536")
                       : lines[i].startsWith(QLatin1String("lxc.idmap = g"))
                           ? QStringLiteral("lxc.idmap = g 0 100000 65536")
                           : lines[i];
            if (i + 1 < lines.size())
                hostIds += QLatin1Char('\n');
        }
        QString out;
        const int code = setConfigAsUser(hostIds, &out);
        QVERIFY2(code == 3, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("config:%1: lxc.idmap changes the container's user namespace").arg(line)),
                 qPrintable(out));
        QCOMPARE(storedConfig(), m_config);
    }

    // Issue #15: a map outside Berth's range is refused, even to root, naming
    // the line (the container's own block, which creation wrote, stays).
    void idmapOutsideTheRangeRefused()
    {
        QVERIFY2(m_config.contains(QLatin1String("\nlxc.idmap = u 0 ")), qPrintable(m_config));
        const int line = nextLine(m_config.left(m_config.indexOf(QLatin1String("\nlxc.idmap = u 0 ")) + 1));
        QStringList lines = m_config.split(QLatin1Char('\n'));
        for (QString& text : lines)
            if (text.startsWith(QLatin1String("lxc.idmap = ")))
                text = text.left(14) + QStringLiteral("0 100000 65536");
        const QString path = m_files.filePath(QStringLiteral("root-config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join(QLatin1Char('\n')).toUtf8());
        file.close();
        const Outcome refused = berthctl({QStringLiteral("config"), kName, QStringLiteral("set"), path});
        QVERIFY2(refused.code != 0 && refused.code != 3, qPrintable(describe(refused)));
        QVERIFY2(both(refused).contains(QStringLiteral("config:%1: lxc.idmap: 'u 0 100000 65536': host IDs "
                                                       "100000-165535 are outside Berth's range")
                                            .arg(line)),
                 qPrintable(describe(refused)));
        QCOMPARE(storedConfig(), m_config);
    }

    // Item 9: an AppArmor profile is kept, and `berthctl info` says it is not applied.
    void apparmorKeptWithAWarning()
    {
        QVERIFY(addToGroup(kTestUser, kBerthGroup));
        QString out;
        const QString text = m_config + QStringLiteral("lxc.apparmor.profile = lxc-container-default\n");
        const int code = setConfigAsUser(text, &out);
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(storedConfig(), text);
        QVERIFY2(asUser({QStringLiteral("info"), kName}, &out) == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Warning:")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("config:%1: lxc.apparmor.profile = 'lxc-container-default': AppArmor is "
                                             "not used by Berth")
                                  .arg(nextLine(m_config))),
                 qPrintable(out));
    }

    // Issue #19: an editor's save never overwrites a config changed while
    // it was open (here autostart, set while "vi" runs); the edited copy
    // is kept. Without a change meanwhile the edit is saved.
    void editSavesOnlyOverWhatItRead()
    {
        const QString stored = storedConfig();
        const QString editor = m_files.filePath(QStringLiteral("editor.sh"));
        const auto writeEditor = [&editor](const QString& meanwhile) {
            QFile script(editor);
            QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
            script.write(
                QStringLiteral("#!/bin/sh\n%1\necho 'lxc.start.delay = 2' >> \"$1\"\n").arg(meanwhile).toUtf8());
            script.close();
            QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        };
        writeEditor(QStringLiteral("'%1' autostart %2 on >/dev/null 2>&1").arg(QStringLiteral(BERTHCTL_BINARY), kName));
        qputenv("VISUAL", editor.toUtf8());
        const Outcome refused = berthctl({QStringLiteral("config"), kName, QStringLiteral("edit")});
        EXPECT_CODE(refused, 1);
        QVERIFY2(refused.errText().contains(QStringLiteral("Nothing was saved")), qPrintable(describe(refused)));
        const QString changed = storedConfig();
        QVERIFY2(changed.contains(QStringLiteral("lxc.start.auto = 1")), qPrintable(changed));
        QVERIFY2(!changed.contains(QStringLiteral("lxc.start.delay = 2")), qPrintable(changed));
        const QString err = refused.errText();
        const qsizetype from = err.indexOf(QStringLiteral("kept in '")) + 9;
        const QString kept = err.mid(from, err.indexOf(QLatin1Char('\''), from) - from);
        QFile copy(kept);
        QVERIFY2(copy.open(QIODevice::ReadOnly), qPrintable(kept));
        QVERIFY(copy.readAll().contains("lxc.start.delay = 2"));
        copy.remove();

        writeEditor(QString());
        const Outcome saved = berthctl({QStringLiteral("config"), kName, QStringLiteral("edit")});
        qunsetenv("VISUAL");
        EXPECT_CODE(saved, 0);
        QCOMPARE(storedConfig(), changed + QStringLiteral("lxc.start.delay = 2\n"));
        QFile restore(m_files.filePath(QStringLiteral("restore")));
        QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
        restore.write(stored.toUtf8());
        restore.close();
        EXPECT_CODE(berthctl({QStringLiteral("config"), kName, QStringLiteral("set"), restore.fileName()}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestConfigSystem)

#include "test_config_system.moc"
