#include "helper_calls.h"

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QtTest>

namespace berth::test {

QDBusMessage callHelper(const SystemBus& bus, const QString& interface, const QString& method, const QVariantList& args)
{
    auto message = QDBusMessage::createMethodCall(kService, kPath, interface, method);
    message.setArguments(args);
    return bus.connection().call(message, QDBus::Block, 300000);
}

QString containerState(const SystemBus& bus, const QString& name)
{
    auto reply = callHelper(bus, kManager, QStringLiteral("GetContainer"), {name});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorName();
    return qdbus_cast<QVariantMap>(reply.arguments().value(0)).value(QStringLiteral("state")).toString();
}

void destroyAllContainers(const SystemBus& bus)
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    auto list = callHelper(bus, kManager, QStringLiteral("ListContainers"));
    const auto names = qdbus_cast<QMap<QString, QString>>(list.arguments().value(0)).keys();
    for (const auto& name : names)
        callHelper(bus, kManager, QStringLiteral("Destroy"), {name, true});
}

QString jobProperty(const SystemBus& bus, const QString& job, const QString& property)
{
    auto get = QDBusMessage::createMethodCall(kService, job, QStringLiteral("org.freedesktop.DBus.Properties"),
                                              QStringLiteral("Get"));
    get.setArguments({kJob, property});
    const auto reply = bus.connection().call(get);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorName();
    return qdbus_cast<QDBusVariant>(reply.arguments().value(0)).variant().toString();
}

QString waitForJob(const SystemBus& bus, const QString& job)
{
    QString state;
    const bool ended = waitUntil(
        [&] {
            state = jobProperty(bus, job, QStringLiteral("State"));
            return state != QLatin1String("running");
        },
        300000);
    return ended ? state : QStringLiteral("timed out");
}

QStringList gdbusCall(const SystemBus& bus, const QString& interfaceAndMethod, const QString& objectPath)
{
    return {QStringLiteral("gdbus"),         QStringLiteral("call"),
            QStringLiteral("--address"),     bus.address(),
            QStringLiteral("--dest"),        kService,
            QStringLiteral("--object-path"), objectPath,
            QStringLiteral("--method"),      interfaceAndMethod};
}

QString gvariantString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(100);
    }
    return true;
}

} // namespace berth::test
