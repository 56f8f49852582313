// What the GUI needs from the helper, as an interface: the application
// implements it over berth::client::Client (ClientContainerSource), tests
// feed it recorded replies. Every call is non-blocking: the callback runs
// later on `context`'s thread, and not at all if `context` is gone.
#pragma once

#include "client.h"

#include <QObject>

namespace berth::gui {

using client::Callback;
using client::StatusCallback;

class ContainerSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void listContainers(QObject* context, Callback<QMap<QString, QString>> done) = 0;
    virtual void container(const QString& name, QObject* context, Callback<client::ContainerInfo> done) = 0;
    // One call answers for every running container.
    virtual void stats(QObject* context, Callback<QList<client::ContainerStats>> done) = 0;

    virtual void start(const QString& name, QObject* context, StatusCallback done) = 0;
    // Done when the stop is over (the helper runs it as a job).
    virtual void stop(const QString& name, uint timeoutSeconds, QObject* context, StatusCallback done) = 0;
    virtual void kill(const QString& name, int signal, QObject* context, StatusCallback done) = 0;
    virtual void freeze(const QString& name, QObject* context, StatusCallback done) = 0;
    virtual void thaw(const QString& name, QObject* context, StatusCallback done) = 0;
    virtual void destroy(const QString& name, bool force, QObject* context, StatusCallback done) = 0;
    // Keys and values as SetLimits takes them ("memory.max" = "268435456"
    // or "max"). Not pure, so that sources without it still build; this
    // default refuses.
    virtual void setLimits(const QString& name, const QMap<QString, QString>& limits, QObject* context,
                           StatusCallback done);

Q_SIGNALS:
    void containerAdded(const QString& name);
    void containerRemoved(const QString& name);
    void stateChanged(const QString& name, const QString& state);
};

} // namespace berth::gui
