#include "security_fixture.h"

#include "integration_bus.h"

#include <QRegularExpression>
#include <QtTest>

namespace berth::test {

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size() &&
           file.setPermissions(mode);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void SecurityFixture::initTestCase()
{
    removeMarkers();
    QVERIFY(m_files.isValid());
    QVERIFY(QFile::setPermissions(m_files.path(), kPublicDir));
    QString why;
    QVERIFY2(m_session.start(&why), qPrintable(why));
    m_baseline = HostState::read();
    setUpScene();
}

void SecurityFixture::cleanupTestCase()
{
    m_session.destroyAll();
    if (m_bridge)
        m_session.rootCall(kNetwork, QStringLiteral("DeleteBridge"), {kBridge, true});
    const QStringList changed = revertChangesSince(m_baseline);
    m_session.stop();
    QVERIFY2(changed.isEmpty(), qPrintable(changed.join(QLatin1Char('\n'))));
}

void SecurityFixture::init()
{
    m_before = HostState::read();
}

void SecurityFixture::cleanup()
{
    const QStringList changed = revertChangesSince(m_before);
    QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("the host changed:\n") + changed.join(QLatin1Char('\n'))));
}

void SecurityFixture::createBridge()
{
    m_bridge = true;
    auto bridge = m_session.rootCall(kNetwork, QStringLiteral("CreateBridge"),
                                     {kBridge, QStringLiteral("10.231.0.1/24"), QString(), true, QString(), 0u});
    QVERIFY2(bridge.type() == QDBusMessage::ReplyMessage, qPrintable(bridge.errorMessage()));
}

void SecurityFixture::startMemberApp()
{
    EXPECT_CODE(memberCreateApp(QStringLiteral("app")), 0);
    EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("app")}), 0);
}

QString SecurityFixture::publicFile(const QString& name, const QByteArray& data)
{
    const QString path = m_files.path() + QLatin1Char('/') + name;
    return writeFile(path, data, kPublic) ? path : QString();
}

Outcome SecurityFixture::memberSetConfig(const QString& container, const QString& text)
{
    return m_session.berthctlAs(kMember, {QStringLiteral("config"), container, QStringLiteral("set"),
                                          publicFile(container + QStringLiteral(".conf"), text.toUtf8())});
}

Outcome SecurityFixture::memberCreateApp(const QString& name, const QStringList& extra)
{
    return m_session.berthctlAs(kMember, QStringList{QStringLiteral("create"), name, QStringLiteral("-t"),
                                                     QStringLiteral("busybox")} +
                                             extra +
                                             QStringList{QStringLiteral("--app"), QStringLiteral("--"),
                                                         QStringLiteral("/bin/sleep"), QStringLiteral("1000000")});
}

Outcome SecurityFixture::memberProbe(const QString& container, const QStringList& args)
{
    return m_session.berthctlAs(kMember, QStringList{QStringLiteral("exec"), container, QStringLiteral("--"),
                                                     QStringLiteral("/berth-escape-probe")} +
                                             args + QStringList{QStringLiteral("--host-root"), m_session.rootfs(container)});
}

void SecurityFixture::destroy(const QString& name)
{
    m_session.rootCall(kManager, QStringLiteral("Destroy"), {name, true});
}

void SecurityFixture::waitForJobOf(const Outcome& gdbus)
{
    const QRegularExpression jobPath(QStringLiteral("objectpath '([^']+)'"));
    if (const auto match = jobPath.match(gdbus.outText()); match.hasMatch())
        m_session.waitForJob(match.captured(1));
}

} // namespace berth::test
