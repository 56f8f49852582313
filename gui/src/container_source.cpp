#include "container_source.h"

#include <QMetaObject>

namespace berth::gui {

void ContainerSource::setLimits(const QString& name, const QMap<QString, QString>&, QObject* context,
                                StatusCallback done)
{
    // Answered from the event loop, as every source answers.
    QMetaObject::invokeMethod(
        context,
        [name, done = std::move(done)] {
            done(client::Status{std::unexpect,
                                client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                                                    QStringLiteral("cannot change the limits of '%1' here").arg(name))});
        },
        Qt::QueuedConnection);
}

void ContainerSource::convertToUnprivileged(const QString& name, QObject* context, Callback<JobHandle*> done)
{
    QMetaObject::invokeMethod(
        context,
        [name, done = std::move(done)] {
            done(client::Result<JobHandle*>{
                std::unexpect, client::clientError(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                                                   QStringLiteral("cannot convert '%1' here").arg(name))});
        },
        Qt::QueuedConnection);
}

} // namespace berth::gui
