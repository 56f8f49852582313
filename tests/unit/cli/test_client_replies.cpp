// Replies of the wrong type are the client's clear error (BadReply, naming
// the reply and the field), never a default value: hand-built dictionaries
// as they arrive from the bus, and Qt's verdict on a whole reply of the
// wrong signature.
#include "client_call.h"
#include "client_error.h"
#include "client_types.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingReply>
#include <QtTest>

using namespace berth::client;

namespace {

void expectBadReply(const ClientError& error, const QString& reply, const QString& field)
{
    QCOMPARE(int(error.kind), int(ErrorKind::BadReply));
    QVERIFY2(error.message.contains(reply), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("'%1'").arg(field)), qPrintable(error.message));
}

} // namespace

class TestClientReplies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void containerFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("state as int") << "state" << QVariant(2);
        QTest::newRow("kind as bool") << "kind" << QVariant(true);
        QTest::newRow("limits as as") << "limits" << QVariant(QStringList{"memory.max=1G"});
        QTest::newRow("limits as string") << "limits" << QVariant(QStringLiteral("memory.max=1G"));
        QTest::newRow("pid as string") << "pid" << QVariant(QStringLiteral("42"));
        QTest::newRow("pid as fraction") << "pid" << QVariant(4.5);
        QTest::newRow("autostart as string") << "autostart" << QVariant(QStringLiteral("true"));
        QTest::newRow("autostart as int") << "autostart" << QVariant(1);
        QTest::newRow("addresses as string") << "addresses" << QVariant(QStringLiteral("10.0.3.5/24"));
        QTest::newRow("addresses with an int") << "addresses" << QVariant(QVariantList{QStringLiteral("a"), 3});
        QTest::newRow("startDelay as string") << "startDelay" << QVariant(QStringLiteral("7"));
        QTest::newRow("shares as int") << "shares" << QVariant(1);
        QTest::newRow("lastExitCode as string") << "lastExitCode" << QVariant(QStringLiteral("3"));
        QTest::newRow("idmap as list") << "idmap" << QVariant(QStringList{"u 0 1 1"});
    }
    void containerFields()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QVariantMap map{{"name", "web"}, {"state", "running"}, {"pid", 42}};
        map.insert(field, value);
        const auto info = containerInfoFromMap(map);
        QVERIFY(!info);
        expectBadReply(info.error(), QStringLiteral("GetContainer"), field);
    }

    // The types the helper sends, and JSON's (the GUI's recorded replies), pass.
    void containerFieldsOfTheirType()
    {
        const QVariantMap map{{"name", "web"},
                              {"state", "running"},
                              {"pid", qlonglong(42)},
                              {"startDelay", 7.0},
                              {"addresses", QVariantList{QStringLiteral("10.0.3.5/24")}},
                              {"limits", QVariant::fromValue(QMap<QString, QString>{{"pids.max", "100"}})}};
        const auto info = containerInfoFromMap(map);
        QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
        QCOMPARE(info->pid, 42);
        QCOMPARE(info->startDelay, 7u);
        QCOMPARE(info->addresses, QStringList{QStringLiteral("10.0.3.5/24")});
        QCOMPARE(berth::client::limitArgsMap(info->limits).value(QStringLiteral("pids.max")), QStringLiteral("100"));
    }

    void otherReplies()
    {
        expectBadReply(statsFromMap(QStringLiteral("web"), {{"memoryCurrent", QStringLiteral("100")}}).error(),
                       QStringLiteral("GetStats"), QStringLiteral("memoryCurrent"));
        expectBadReply(statsFromReply({{"web", {{"cpuQuotaCores", QStringLiteral("1.5")}}}}).error(),
                       QStringLiteral("GetStats"), QStringLiteral("cpuQuotaCores"));
        expectBadReply(bridgeFromMap({{"name", "berth0"}, {"nat", QStringLiteral("yes")}}).error(),
                       QStringLiteral("ListBridges"), QStringLiteral("nat"));
        expectBadReply(bridgeFromMap({{"mtu", QStringLiteral("1500")}}).error(), QStringLiteral("ListBridges"),
                       QStringLiteral("mtu"));
        expectBadReply(checkItemFromMap({{"id", "ns.pid"}, {"status", 1}}).error(), QStringLiteral("SystemCheck"),
                       QStringLiteral("status"));
        expectBadReply(templateInfoFromMap({{"name", "debian"}, {"options", QStringLiteral("release")}}).error(),
                       QStringLiteral("ListTemplates"), QStringLiteral("options"));
        const QVariantList badOption{QVariantMap{{"key", "release"}, {"required", QStringLiteral("yes")}}};
        expectBadReply(templateInfoFromMap({{"name", "debian"}, {"options", badOption}}).error(),
                       QStringLiteral("ListTemplates"), QStringLiteral("required"));
    }

    // A whole reply of another signature than the proxy's: Qt's check
    // answers InvalidSignature, which is the client's BadReply, not the
    // helper's Failed. The helper's own refusals keep their kind.
    void replySignature()
    {
        const QDBusError mismatch(QDBusError::InvalidSignature,
                                  QStringLiteral("Unexpected reply signature: got \"s\", expected \"a{sv}\""));
        const auto error = detail::callError(mismatch);
        QCOMPARE(int(error.kind), int(ErrorKind::BadReply));
        QVERIFY2(error.message.contains(QLatin1String("a{sv}")), qPrintable(error.message));

        QDBusPendingReply<QVariantMap> refused(
            QDBusMessage::createError(QStringLiteral("org.berth.Error.NotFound"), QStringLiteral("web")));
        QCOMPARE(int(detail::finish(refused).error().kind), int(ErrorKind::NotFound));
    }
};

QTEST_GUILESS_MAIN(TestClientReplies)
#include "test_client_replies.moc"
