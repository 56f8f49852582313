#include "security_fixture.h"

#include "integration_bus.h"

#include <QDBusArgument>
#include <QDBusMetaType>
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

QString asSystemConfig(QString config, const QString& caps)
{
    config.remove(QRegularExpression(QStringLiteral("^(berth\\.kind|lxc\\.execute\\.cmd) = .*\n"),
                                     QRegularExpression::MultilineOption));
    config += QStringLiteral("berth.kind = system\nlxc.init.cmd = /sbin/init\nlxc.signal.halt = SIGPWR\n");
    if (!caps.isEmpty())
        config += QStringLiteral("lxc.cap.keep = ") + caps + QLatin1Char('\n');
    return config;
}

bool hasIdMap(const QString& config)
{
    static const QRegularExpression map(QStringLiteral("^lxc\\.idmap\\s*="), QRegularExpression::MultilineOption);
    return map.match(config).hasMatch();
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

void SecurityFixture::startMemberSystem()
{
    EXPECT_CODE(memberCreate(QStringLiteral("sys"), QStringLiteral("system")), 0);
    QVERIFY(hasIdMap(m_session.config(QStringLiteral("sys"))));
    EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("sys")}), 0);
}

void SecurityFixture::memberContainerRows()
{
    QTest::addColumn<QString>("container");
    QTest::newRow("application") << QStringLiteral("app");
    QTest::newRow("system") << QStringLiteral("sys");
}

void SecurityFixture::kindRows()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("application") << QStringLiteral("application");
    QTest::newRow("system") << QStringLiteral("system");
}

Outcome SecurityFixture::memberCreate(const QString& name, const QString& kind, const QStringList& extra)
{
    if (kind == QLatin1String("application"))
        return memberCreateApp(name, extra);
    return m_session.berthctlAs(
        kMember, QStringList{QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")} + extra);
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
    return m_session.berthctlAs(
        kMember, QStringList{QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")} + extra +
                     QStringList{QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("/bin/sleep"),
                                 QStringLiteral("1000000")});
}

Outcome SecurityFixture::memberProbe(const QString& container, const QStringList& args)
{
    return m_session.berthctlAs(kMember, QStringList{QStringLiteral("exec"), container, QStringLiteral("--"),
                                                     QStringLiteral("/berth-escape-probe")} +
                                             args +
                                             QStringList{QStringLiteral("--host-root"), m_session.rootfs(container)});
}

quint32 SecurityFixture::makeUnprivileged(const QString& name, const QString& config)
{
    QString text = config.isEmpty() ? m_session.config(name) : config;
    if (!hasIdMap(text)) {
        text += QStringLiteral("lxc.idmap = u 0 %1 65536\nlxc.idmap = g 0 %1 65536\n").arg(m_nextBase);
        m_nextBase += 65536;
    }
    if (!m_session.setConfig(name, text).isEmpty())
        return 0;
    static const QRegularExpression base(QStringLiteral("^lxc\\.idmap\\s*=\\s*u\\s+0\\s+(\\d+)\\s"),
                                         QRegularExpression::MultilineOption);
    return base.match(m_session.config(name)).captured(1).toUInt();
}

int SecurityFixture::initPid(const QString& name)
{
    const auto info = m_session.rootCall(kManager, QStringLiteral("GetContainer"), {name});
    return qdbus_cast<QVariantMap>(info.arguments().value(0)).value(QStringLiteral("pid")).toInt();
}

QString SecurityFixture::initUidMap(const QString& name)
{
    const int pid = initPid(name);
    if (pid <= 0)
        return {};
    return QString::fromLatin1(readFile(QStringLiteral("/proc/%1/uid_map").arg(pid))).simplified();
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
