// Two unprivileged containers of the member's, each in a block of IDs of
// its own, cannot read each other's 0600 files through any path: not
// through their own root, not through /proc, not through the host path of
// the other's root, not through a lower layer they share as snapshots of
// one source, not when an administrator binds the other's files in; and a
// process holding the other's host IDs (a root that escaped its container)
// is refused too. What a container writes is its block's: through its own
// view, and in a snapshot's upper layer on disk.
#include "integration_bus.h"
#include "security_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtTest>

#include <sys/mount.h>
#include <sys/stat.h>

using namespace berth::test;

namespace {

const QByteArray kSecret = "secret of ";

// The snapshot's upper directory on the host (lxc.rootfs.path = overlay:LOWER:UPPER).
QString upperOf(const QString& config)
{
    static const QRegularExpression path(QStringLiteral("^lxc\\.rootfs\\.path\\s*=\\s*overlay:[^:\\n]+:([^\\n]+)$"),
                                         QRegularExpression::MultilineOption);
    return path.match(config).captured(1).trimmed();
}

struct Owner {
    int uid = -1;
    int gid = -1;
};

Owner ownerOf(const QString& path)
{
    struct stat st {};
    if (::lstat(qPrintable(path), &st) != 0)
        return {};
    return {int(st.st_uid), int(st.st_gid)};
}

} // namespace

class TestIsolation : public SecurityFixture {
    Q_OBJECT
private:
    QMap<QString, quint32> m_base;

    Outcome inside(const QString& container, const QString& script)
    {
        return m_session.berthctlAs(kMember, {QStringLiteral("exec"), container, QStringLiteral("--"),
                                              QStringLiteral("/bin/sh"), QStringLiteral("-c"), script});
    }

    // `cat PATH` on the host as a process holding `base`'s IDs: a
    // container's root that got out of its namespaces.
    Outcome asEscapedRoot(quint32 base, const QString& path)
    {
        Outcome outcome;
        QString out;
        outcome.code = run(QStringLiteral("setpriv"),
                           {QStringLiteral("--reuid=%1").arg(base), QStringLiteral("--regid=%1").arg(base),
                            QStringLiteral("--clear-groups"), QStringLiteral("/bin/cat"), path},
                           &out);
        outcome.out = out.toUtf8();
        return outcome;
    }

    void createUnprivileged(const QString& name, const QStringList& how)
    {
        EXPECT_CODE(
            m_session.berthctlAs(kMember, QStringList{QStringLiteral("create"), name} + how +
                                              QStringList{QStringLiteral("--app"), QStringLiteral("--"),
                                                          QStringLiteral("/bin/sleep"), QStringLiteral("1000000")}),
            0);
        const quint32 base = makeUnprivileged(name);
        QVERIFY(base != 0);
        m_base.insert(name, base);
    }

    void start(const QString& name)
    {
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), name}), 0);
        QCOMPARE(initUidMap(name), QStringLiteral("0 %1 65536").arg(m_base.value(name)));
    }

    // Root inside `name` writes /secret, 0600, its own.
    void writeSecret(const QString& name)
    {
        EXPECT_CODE(inside(name, QStringLiteral("umask 077; printf '%1%2' > /secret; chmod 600 /secret")
                                     .arg(QString::fromLatin1(kSecret), name)),
                    0);
    }

    // Every way `reader`'s root has to `owner`'s /secret, each refused.
    void cannotRead(const QString& reader, const QString& owner, const QString& ownerRootOnHost)
    {
        const QByteArray secret = kSecret + owner.toLatin1();
        const QString script =
            QStringLiteral("cat /secret; cat %1/secret; for p in /proc/[0-9]*; do cat $p/root/secret; done; "
                           "cat /proc/*/root%1/secret; true")
                .arg(ownerRootOnHost);
        const Outcome tried = inside(reader, script);
        QVERIFY2(!tried.out.contains(secret),
                 qPrintable(reader + QStringLiteral(" read ") + owner + QStringLiteral("'s secret")));
        // The other's root on the host, escaped: its files by their host
        // path, and the other's view through its init's /proc entry.
        const quint32 base = m_base.value(reader);
        for (const QString& path : {ownerRootOnHost + QStringLiteral("/secret"),
                                    QStringLiteral("/proc/%1/root/secret").arg(initPid(owner))}) {
            const Outcome escaped = asEscapedRoot(base, path);
            QVERIFY2(escaped.code != 0 && !escaped.out.contains(secret),
                     qPrintable(QStringLiteral("host uid %1 read %2: %3").arg(base).arg(path, describe(escaped))));
        }
    }

protected:
    void setUpScene() override
    {
        createUnprivileged(QStringLiteral("a"), {QStringLiteral("-t"), QStringLiteral("busybox")});
        createUnprivileged(QStringLiteral("b"), {QStringLiteral("-t"), QStringLiteral("busybox")});
        QVERIFY(m_base.value(QStringLiteral("a")) != m_base.value(QStringLiteral("b")));
        start(QStringLiteral("a"));
        start(QStringLiteral("b"));
    }

private Q_SLOTS:
    void directoryRoots()
    {
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        writeSecret(a);
        writeSecret(b);
        cannotRead(b, a, m_session.rootfs(a));
        cannotRead(a, b, m_session.rootfs(b));
        // Through its own view the file is the block's root's; on disk in
        // the shared, unchowned root it is 0 (the idmapped mount maps
        // it), unless the root was shifted at creation.
        const bool shifted = m_session.config(b).contains(QLatin1String("berth.rootfs.shifted = 1"));
        const quint32 base = m_base.value(b);
        const Owner seen = ownerOf(QStringLiteral("/proc/%1/root/secret").arg(initPid(b)));
        QCOMPARE(seen.uid, int(base));
        QCOMPARE(seen.gid, int(base));
        QCOMPARE(ownerOf(m_session.rootfs(b) + QStringLiteral("/secret")).uid, shifted ? int(base) : 0);
    }

    // Two snapshots of one stopped source: the lower is shared, each one's
    // writes land in its own upper, as its own block's IDs on disk.
    void snapshotsOfOneSource()
    {
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("src"), QStringLiteral("-t"),
                                           QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                           QStringLiteral("/bin/sleep"), QStringLiteral("1000000")}),
            0);
        const QStringList snapshot{QStringLiteral("-t"), QStringLiteral("clone"),
                                   QStringLiteral("-o"), QStringLiteral("source=src"),
                                   QStringLiteral("-o"), QStringLiteral("snapshot=true")};
        createUnprivileged(QStringLiteral("sa"), snapshot);
        createUnprivileged(QStringLiteral("sb"), snapshot);
        const QString upperA = upperOf(m_session.config(QStringLiteral("sa")));
        const QString upperB = upperOf(m_session.config(QStringLiteral("sb")));
        QVERIFY2(!upperA.isEmpty() && !upperB.isEmpty(), "the clones are not snapshots");
        start(QStringLiteral("sa"));
        start(QStringLiteral("sb"));
        const QString lowerPasswd = m_session.rootfs(QStringLiteral("src")) + QStringLiteral("/etc/passwd");
        const QByteArray passwd = readFile(lowerPasswd);
        QVERIFY(!passwd.isEmpty());

        writeSecret(QStringLiteral("sa"));
        // A file of the shared lower, changed by one snapshot's root.
        EXPECT_CODE(inside(QStringLiteral("sa"), QStringLiteral("echo intruder:x:0:0::/:/bin/sh >> /etc/passwd")), 0);
        cannotRead(QStringLiteral("sb"), QStringLiteral("sa"), upperA);
        const Outcome seen = inside(QStringLiteral("sb"), QStringLiteral("cat /etc/passwd"));
        QVERIFY2(!seen.out.contains("intruder"), "one snapshot's write reached the other");
        QCOMPARE(readFile(lowerPasswd), passwd);

        // On disk, the upper holds the writer's block's IDs.
        const quint32 base = m_base.value(QStringLiteral("sa"));
        QCOMPARE(ownerOf(upperA + QStringLiteral("/secret")).uid, int(base));
        QCOMPARE(ownerOf(upperA + QStringLiteral("/etc/passwd")).uid, int(base));
        QCOMPARE(ownerOf(lowerPasswd).uid, 0);

        // Even handed the other's upper by an administrator's bind, a
        // container's root finds its files owned by IDs it does not map.
        // (Named by its own path the upper is out of reach: the container's
        // root cannot pass through another container's directory, 0700.
        // The bind is from a path it can pass through.)
        const QString reachable = m_files.path() + QStringLiteral("/upper-of-sa");
        QVERIFY(QDir().mkpath(reachable));
        QVERIFY(::mount(qPrintable(upperA), qPrintable(reachable), nullptr, MS_BIND, nullptr) == 0);
        const auto unbind = qScopeGuard([&] { ::umount2(qPrintable(reachable), MNT_DETACH); });
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("peer"), QStringLiteral("-t"),
                                           QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                           QStringLiteral("/bin/sleep"), QStringLiteral("1000000")}),
            0);
        QVERIFY(makeUnprivileged(
                    QStringLiteral("peer"),
                    m_session.config(QStringLiteral("peer")) +
                        QStringLiteral("lxc.mount.entry = %1 peer none bind,create=dir 0 0\n").arg(reachable)) != 0);
        auto started = m_session.rootCall(kManager, QStringLiteral("Start"), {QStringLiteral("peer")});
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        // Only the administrator enters a container with a host bind.
        const Outcome bound = m_session.berthctlAs(
            QStringLiteral("root"),
            {QStringLiteral("exec"), QStringLiteral("peer"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
             QStringLiteral("-c"), QStringLiteral("stat -c '%u %a' /peer/secret; cat /peer/secret")});
        QVERIFY2(!bound.out.contains(kSecret), qPrintable(describe(bound)));
        QVERIFY2(bound.outText().startsWith(QLatin1String("65534 600")), qPrintable(describe(bound)));
        destroy(QStringLiteral("peer"));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestIsolation)

#include "test_isolation.moc"
