// The image store's methods on the real bus with real polkit (issue #21):
// a user outside group berth is refused PullImage, RemoveImage and
// PruneImages before anything is touched; a member gets past authorization
// (PruneImages of an empty store answers, RemoveImage of an image the store
// lacks is NotFound); and a member cannot pass a path or a hostile login,
// which are refused before authorization is even asked. berthctl's exit
// codes for the same (3 refused, 4 no such image). No registry is needed.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QtTest>

using namespace berth::test;

namespace {

const QString kOutsider = QStringLiteral("berth-test-outsider");

} // namespace

class TestImagesSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    // gdbus Manager1.METHOD as `user`; its output, errors included.
    QString callAs(const QString& user, const QString& method, const QStringList& args)
    {
        QString out;
        (void)runAs(user, gdbusCall(m_bus, kManager + QStringLiteral(".") + method) + args, &out);
        return out;
    }

    Outcome berthctlAs(const QString& user, const QStringList& args)
    {
        return runAsUser(user, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(ensureNonMember(kOutsider, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void outsiderIsRefused()
    {
        const QString pull = callAs(kOutsider, QStringLiteral("PullImage"),
                                    {QStringLiteral("'localhost:5000/app:1'"), QStringLiteral("@a(sss) []")});
        QVERIFY2(pull.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(pull));
        QVERIFY2(pull.contains(QLatin1String("org.berth.image.manage")), qPrintable(pull));
        const QString removed = callAs(kOutsider, QStringLiteral("RemoveImage"), {QStringLiteral("'debian'")});
        QVERIFY2(removed.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(removed));
        const QString pruned = callAs(kOutsider, QStringLiteral("PruneImages"), {QStringLiteral("true")});
        QVERIFY2(pruned.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(pruned));
        EXPECT_CODE(berthctlAs(kOutsider, {QStringLiteral("image"), QStringLiteral("prune")}), 3);
    }

    void readsNeedNothing()
    {
        const QString listed = callAs(kOutsider, QStringLiteral("ListImages"), {});
        QVERIFY2(!listed.contains(QLatin1String("Error")), qPrintable(listed));
        const QString missing = callAs(kOutsider, QStringLiteral("GetImage"), {QStringLiteral("'nosuch:1'")});
        QVERIFY2(missing.contains(QLatin1String("org.berth.Error.NotFound")), qPrintable(missing));
        EXPECT_CODE(berthctlAs(kOutsider, {QStringLiteral("images")}), 0);
        EXPECT_CODE(
            berthctlAs(kOutsider, {QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("nosuch:1")}), 4);
    }

    void memberIsAllowed()
    {
        const QString pruned = callAs(kTestUser, QStringLiteral("PruneImages"), {QStringLiteral("false")});
        QVERIFY2(!pruned.contains(QLatin1String("Error")), qPrintable(pruned));
        const QString removed = callAs(kTestUser, QStringLiteral("RemoveImage"), {QStringLiteral("'nosuch:1'")});
        QVERIFY2(removed.contains(QLatin1String("org.berth.Error.NotFound")), qPrintable(removed));
        EXPECT_CODE(berthctlAs(kTestUser, {QStringLiteral("image"), QStringLiteral("prune")}), 0);
    }

    // Refused before authorization, for members too: a caller names an
    // image, never a path, and cannot smuggle anything in a login.
    void memberCannotPassPathsOrHostileLogins_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("credentials");
        QTest::newRow("path") << "'/etc/shadow'"
                              << "@a(sss) []";
        QTest::newRow("dot dot") << "'../../var/lib/berth'"
                                 << "@a(sss) []";
        QTest::newRow("url") << "'http://localhost:5000/app'"
                             << "@a(sss) []";
        QTest::newRow("header injection") << "'localhost:5000/app'"
                                          << "[('localhost:5000', 'u', 'p\\r\\nHost: evil')]";
        QTest::newRow("registry path") << "'localhost:5000/app'"
                                       << "[('/etc', 'u', 'p')]";
    }
    void memberCannotPassPathsOrHostileLogins()
    {
        QFETCH(QString, reference);
        QFETCH(QString, credentials);
        const QString out = callAs(kTestUser, QStringLiteral("PullImage"), {reference, credentials});
        QVERIFY2(out.contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(out));
        QVERIFY2(!out.contains(QLatin1String("Host: evil")), qPrintable(out)); // never echoed
    }
};

BERTH_SYSTEM_TEST_MAIN(TestImagesSystem)
#include "test_images_system.moc"
