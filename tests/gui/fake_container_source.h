// A ContainerSource that answers from recorded replies (fixtures/*.json,
// in the helper's own map format) and counts the calls it gets. Answers
// arrive from the event loop, as the real client's do.
#pragma once

#include "container_source.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include <optional>

namespace berth::test {

class FakeContainerSource : public gui::ContainerSource {
    Q_OBJECT
public:
    QMap<QString, client::ContainerInfo> containers;
    QList<QList<client::ContainerStats>> statsSamples;   // answered in turn, the last one repeated
    std::optional<client::ClientError> listError;
    std::optional<client::ClientError> actionError;
    int listCalls = 0;
    int containerCalls = 0;
    int statsCalls = 0;
    int statsAnswered = 0;   // answers handed to the model so far
    QStringList actions;   // "start box1", "kill box1 9", ...

    // Loads fixtures/<file>; false if it cannot be read.
    bool load(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        for (const auto& value : root.value(QStringLiteral("containers")).toArray()) {
            const auto info = client::containerInfoFromMap(value.toObject().toVariantMap());
            containers.insert(info.name, info);
        }
        for (const auto& sample : root.value(QStringLiteral("stats")).toArray()) {
            QList<client::ContainerStats> stats;
            const QVariantMap byName = sample.toObject().toVariantMap();
            for (auto it = byName.begin(); it != byName.end(); ++it)
                stats << client::statsFromMap(it.key(), it.value().toMap());
            statsSamples << stats;
        }
        return !containers.isEmpty();
    }

    static client::ContainerInfo info(const QString& name, const QString& state)
    {
        client::ContainerInfo info;
        info.name = name;
        info.state = state;
        return info;
    }

    void listContainers(QObject* context, gui::Callback<QMap<QString, QString>> done) override
    {
        ++listCalls;
        QMap<QString, QString> states;
        for (const auto& info : std::as_const(containers))
            states.insert(info.name, info.state);
        answer(context, done, listError ? client::Result<QMap<QString, QString>>(std::unexpect, *listError)
                                        : client::Result<QMap<QString, QString>>(states));
    }

    void container(const QString& name, QObject* context, gui::Callback<client::ContainerInfo> done) override
    {
        ++containerCalls;
        if (!containers.contains(name))
            answer(context, done,
                   client::Result<client::ContainerInfo>(
                       std::unexpect, client::clientError(QStringLiteral("org.berth.Error.NotFound"), name)));
        else
            answer(context, done, client::Result<client::ContainerInfo>(containers.value(name)));
    }

    void stats(QObject* context, gui::Callback<QList<client::ContainerStats>> done) override
    {
        const auto sample = statsSamples.isEmpty() ? QList<client::ContainerStats>()
                                                   : statsSamples.value(std::min<qsizetype>(statsCalls, statsSamples.size() - 1));
        ++statsCalls;
        QMetaObject::invokeMethod(
            context,
            [this, done = std::move(done), sample] {
                ++statsAnswered;
                done(sample);
            },
            Qt::QueuedConnection);
    }

    void start(const QString& name, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("start ") + name, context, std::move(done));
    }
    void stop(const QString& name, uint timeout, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("stop %1 %2").arg(name).arg(timeout), context, std::move(done));
    }
    void kill(const QString& name, int signal, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("kill %1 %2").arg(name).arg(signal), context, std::move(done));
    }
    void freeze(const QString& name, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("freeze ") + name, context, std::move(done));
    }
    void thaw(const QString& name, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("thaw ") + name, context, std::move(done));
    }
    void destroy(const QString& name, bool force, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("destroy %1%2").arg(name, force ? QStringLiteral(" force") : QString()), context,
            std::move(done));
    }

private:
    template <class Done, class Value>
    static void answer(QObject* context, Done done, Value value)
    {
        QMetaObject::invokeMethod(context, [done = std::move(done), value = std::move(value)] { done(value); },
                                  Qt::QueuedConnection);
    }

    void act(const QString& what, QObject* context, gui::StatusCallback done)
    {
        actions << what;
        answer(context, std::move(done),
               actionError ? client::Status(std::unexpect, *actionError) : client::Status());
    }
};

} // namespace berth::test
