// A ContainerSource that answers from recorded replies (fixtures/*.json,
// in the helper's own map format) and counts the calls it gets. Answers
// arrive from the event loop, as the real client's do.
#pragma once

#include "container_source.h"
#include "limit_key.h"

#include <functional>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaMethod>
#include <QMetaObject>

#include <optional>

namespace berth::test {

// A job the test drives by emitting its signals.
class FakeJobHandle : public gui::JobHandle {
    Q_OBJECT
public:
    using gui::JobHandle::JobHandle;
    int cancelCalls = 0;
    void cancel() override { ++cancelCalls; }
    // Someone listens to the job's end (its answer has been delivered).
    [[nodiscard]] bool isFollowed() const
    {
        return isSignalConnected(QMetaMethod::fromSignal(&gui::JobHandle::finished));
    }
};

class FakeContainerSource : public gui::ContainerSource {
    Q_OBJECT
public:
    QMap<QString, client::ContainerInfo> containers;
    QList<QList<client::ContainerStats>> statsSamples; // answered in turn, the last one repeated
    std::optional<client::ClientError> listError;
    std::optional<client::ClientError> actionError;
    std::optional<client::ClientError> containerError; // GetContainer's answer for every name
    int listCalls = 0;
    int containerCalls = 0;
    bool holdContainerAnswers = false;
    QList<std::function<void()>> heldContainerAnswers;
    int statsCalls = 0;
    int statsAnswered = 0; // answers handed to the model so far
    QStringList actions;   // "start box1", "kill box1 9", ...
    QList<client::TemplateInfo> templateList;
    QList<client::CreateRequest> createRequests;
    QList<FakeJobHandle*> jobs; // handed out by create and exportTo, newest last
    QMap<QString, QString> configs;
    QMap<QString, QByteArray> logs;
    QList<client::Bridge> bridgeList;
    QMap<QString, QStringList> forwardLists;
    QList<client::CheckItem> checkItems;
    QList<client::ExecRequest> execRequests;
    int ptyFd = -1; // duplicated into every openConsole and execPty answer; -1: refused
    // Images (ListImages, GetImage); pulls are jobs ("pull REF"), removals
    // and prunes actions ("image-rm REF", "image-prune" / "image-prune all").
    QList<gui::ImageInfo> imageList;
    std::optional<client::ClientError> imageListError;
    gui::ImagePruneResult pruneResult;
    int imageListCalls = 0;
    int imageCalls = 0;

    // Loads fixtures/<file>; false if it cannot be read.
    bool load(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        // A recorded reply the client would refuse (a field of the wrong type) fails the load.
        bool readable = true;
        auto read = [&readable](auto result) {
            readable = readable && result.has_value();
            return result.value_or(typename decltype(result)::value_type{});
        };
        for (const auto& value : root.value(QStringLiteral("containers")).toArray()) {
            const auto info = read(client::containerInfoFromMap(value.toObject().toVariantMap()));
            containers.insert(info.name, info);
        }
        for (const auto& value : root.value(QStringLiteral("templates")).toArray())
            templateList << read(client::templateInfoFromMap(value.toObject().toVariantMap()));
        for (const auto& value : root.value(QStringLiteral("bridges")).toArray())
            bridgeList << read(client::bridgeFromMap(value.toObject().toVariantMap()));
        for (const auto& value : root.value(QStringLiteral("images")).toArray())
            imageList << read(client::imageInfoFromMap(value.toObject().toVariantMap()));
        for (const auto& sample : root.value(QStringLiteral("stats")).toArray()) {
            QList<client::ContainerStats> stats;
            const QVariantMap byName = sample.toObject().toVariantMap();
            for (auto it = byName.begin(); it != byName.end(); ++it)
                stats << read(client::statsFromMap(it.key(), it.value().toMap()));
            statsSamples << stats;
        }
        return readable && (!containers.isEmpty() || !imageList.isEmpty());
    }

    // An image by any of its names, its ID, or a name without the registry
    // ("debian:bookworm" for "docker.io/library/debian:bookworm").
    [[nodiscard]] const gui::ImageInfo* findImage(const QString& reference) const
    {
        for (const auto& image : imageList) {
            if (image.id == reference)
                return &image;
            for (const QString& name : image.names)
                if (name == reference || name.endsWith(QLatin1Char('/') + reference))
                    return &image;
        }
        return nullptr;
    }

    static client::ContainerInfo info(const QString& name, model::RunState state)
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
            states.insert(info.name, client::wireText(info.state));
        answer(context, done,
               listError ? client::Result<QMap<QString, QString>>(std::unexpect, *listError)
                         : client::Result<QMap<QString, QString>>(states));
    }

    void container(const QString& name, QObject* context, gui::Callback<client::ContainerInfo> done) override
    {
        ++containerCalls;
        if (holdContainerAnswers) {
            // Answered when the test says, in the order it chooses (a helper
            // answers reads from worker threads, in any order).
            heldContainerAnswers <<
                [done, info = containers.value(name)] { done(client::Result<client::ContainerInfo>(info)); };
            return;
        }
        if (containerError)
            answer(context, done, client::Result<client::ContainerInfo>(std::unexpect, *containerError));
        else if (!containers.contains(name))
            answer(context, done,
                   client::Result<client::ContainerInfo>(
                       std::unexpect, client::clientError(QStringLiteral("org.berth.Error.NotFound"), name)));
        else
            answer(context, done, client::Result<client::ContainerInfo>(containers.value(name)));
    }

    void stats(QObject* context, gui::Callback<QList<client::ContainerStats>> done) override
    {
        const auto sample = statsSamples.isEmpty()
                                ? QList<client::ContainerStats>()
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

    void setLimits(const QString& name, const model::Limits& limits, QObject* context,
                   gui::StatusCallback done) override
    {
        QStringList pairs;
        const QMap<QString, QString> shown = limitsShown(limits);
        for (auto it = shown.begin(); it != shown.end(); ++it)
            pairs << it.key() + QLatin1Char('=') + it.value();
        act(QStringLiteral("limits %1 %2").arg(name, pairs.join(QLatin1Char(' '))), context, std::move(done));
        if (!actionError)
            Q_EMIT configChanged(name); // as ClientContainerSource after SetLimits
    }

    // The folder as the descriptor names it (the box opens it, the source never sees a path).
    void shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser,
                     QObject* context, gui::StatusCallback done) override
    {
        const QString folder = QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(folderFd));
        act(QStringLiteral("share %1 %2 %3 %4").arg(name, folder, target, insideUser), context, std::move(done));
    }
    void unshareFolder(const QString& name, const QString& target, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("unshare %1 %2").arg(name, target), context, std::move(done));
    }

    void templates(QObject* context, gui::Callback<QList<client::TemplateInfo>> done) override
    {
        answer(context, std::move(done), client::Result<QList<client::TemplateInfo>>(templateList));
    }
    void create(const client::CreateRequest& request, QObject* context, gui::Callback<gui::JobHandle*> done) override
    {
        createRequests << request;
        job(QStringLiteral("create ") + request.name + setupText(request.setup), context, std::move(done));
    }
    // Typed limits as SetLimits' keys and values (limitArgsText), the CPU
    // period left out when it is the default one a lone cpu.max gets.
    static QMap<QString, QString> limitsShown(const model::Limits& limits)
    {
        QMap<QString, QString> shown = client::limitArgsMap(limits);
        if (limits.cpuQuota && limits.cpuQuota->periodUs == model::kDefaultPeriodUs)
            shown.remove(gui::limitKey(model::LimitKey::CpuPeriod));
        return shown;
    }
    // SetLimits' keys and values as typed limits; what does not parse is none.
    static model::Limits limitsFrom(const QMap<QString, QString>& args)
    {
        std::map<std::string, std::string> wire;
        for (auto it = args.begin(); it != args.end(); ++it)
            wire.emplace(it.key().toStdString(), it.value().toStdString());
        return model::parseLimitArgs(wire).value_or(model::Limits{});
    }
    // " address=A forwards=F1,F2 limits=K=V,K=V autostart": what of the setup is set.
    static QString setupText(const client::CreateSetup& setup)
    {
        QString text;
        if (!setup.address.isEmpty())
            text += QStringLiteral(" address=") + setup.address;
        if (!setup.forwards.isEmpty())
            text += QStringLiteral(" forwards=") + setup.forwards.join(QLatin1Char(','));
        QStringList limits;
        const QMap<QString, QString> shown = limitsShown(setup.limits);
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            limits << it.key() + QLatin1Char('=') + it.value();
        if (!limits.isEmpty())
            text += QStringLiteral(" limits=") + limits.join(QLatin1Char(','));
        if (setup.autostart)
            text += QStringLiteral(" autostart");
        return text;
    }
    void setAutostart(const QString& name, bool enabled, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("autostart %1 %2").arg(name, enabled ? QStringLiteral("on") : QStringLiteral("off")),
            context, std::move(done));
        if (!actionError)
            Q_EMIT configChanged(name);
    }
    void exportTo(const QString& name, int, QObject* context, gui::Callback<gui::JobHandle*> done) override
    {
        job(QStringLiteral("export ") + name, context, std::move(done));
    }
    void convertToUnprivileged(const QString& name, QObject* context, gui::Callback<gui::JobHandle*> done) override
    {
        job(QStringLiteral("convert ") + name, context, std::move(done));
    }
    void config(const QString& name, QObject* context, gui::Callback<QString> done) override
    {
        answer(context, std::move(done), found(configs, name));
    }
    // As the helper's SetConfigIfUnchanged: refused when the config is no
    // longer `basedOn`.
    void setConfig(const QString& name, const QString& basedOn, const QString& text, QObject* context,
                   gui::StatusCallback done) override
    {
        if (!actionError && configs.value(name) != basedOn) {
            const auto changed = client::clientError(QStringLiteral("org.berth.Error.Changed"),
                                                     QStringLiteral("the config of '%1' was changed").arg(name));
            act(QStringLiteral("config ") + name, context, [done = std::move(done), changed](const client::Status&) {
                done(client::Status(std::unexpect, changed));
            });
            return;
        }
        if (!actionError)
            configs.insert(name, text);
        act(QStringLiteral("config ") + name, context, std::move(done));
    }
    void readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context,
                 gui::Callback<client::LogChunk> done) override
    {
        const QByteArray log = logs.value(name);
        const auto from = offset > quint64(log.size()) ? 0 : qsizetype(offset);
        const QByteArray piece = log.mid(from, maxBytes);
        answer(context, std::move(done),
               client::Result<client::LogChunk>(
                   client::LogChunk{piece, quint64(from + piece.size()), quint64(log.size())}));
    }
    void openConsole(const QString& name, int tty, QObject* context,
                     gui::Callback<QDBusUnixFileDescriptor> done) override
    {
        actions << QStringLiteral("console %1 %2").arg(name).arg(tty);
        answer(context, std::move(done), pty<QDBusUnixFileDescriptor>([](auto fd) { return fd; }));
    }
    void resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                       gui::StatusCallback done) override
    {
        act(QStringLiteral("resize %1 %2 %3x%4").arg(name).arg(tty).arg(rows).arg(columns), context, std::move(done));
    }
    void execPty(const client::ExecRequest& request, QObject* context,
                 gui::Callback<std::pair<uint, QDBusUnixFileDescriptor>> done) override
    {
        execRequests << request;
        const uint id = uint(execRequests.size());
        answer(context, std::move(done), pty<std::pair<uint, QDBusUnixFileDescriptor>>([id](auto fd) {
                   return std::pair{id, fd};
               }));
    }
    void bridges(QObject* context, gui::Callback<QList<client::Bridge>> done) override
    {
        answer(context, std::move(done), client::Result<QList<client::Bridge>>(bridgeList));
    }
    void createBridge(const QString& name, const client::BridgeSettings& s, QObject* context,
                      gui::StatusCallback done) override
    {
        act(QStringLiteral("bridge-create %1 %2 %3 nat=%4 %5")
                .arg(name, s.address, s.dhcpRange)
                .arg(s.nat)
                .arg(s.domain),
            context, std::move(done));
    }
    // "bridge-change lab0 mtu=1400 nat=1": the keys ChangeBridge gets, sorted.
    void changeBridge(const QString& name, const client::BridgeChange& change, QObject* context,
                      gui::StatusCallback done) override
    {
        QStringList keys;
        const QVariantMap map = client::bridgeChangeMap(change);
        for (auto it = map.begin(); it != map.end(); ++it)
            keys << it.key() + QLatin1Char('=') + it.value().toString();
        act(QStringLiteral("bridge-change %1 %2").arg(name, keys.join(QLatin1Char(' '))), context, std::move(done));
    }
    void deleteBridge(const QString& name, bool force, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("bridge-delete %1%2").arg(name, force ? QStringLiteral(" force") : QString()), context,
            std::move(done));
    }
    void forwards(const QString& container, QObject* context, gui::Callback<QStringList> done) override
    {
        answer(context, std::move(done), client::Result<QStringList>(forwardLists.value(container)));
    }
    void addForward(const QString& container, const QString& forward, QObject* context,
                    gui::StatusCallback done) override
    {
        if (!actionError)
            forwardLists[container] << forward;
        act(QStringLiteral("forward-add %1 %2").arg(container, forward), context, std::move(done));
    }
    void removeForward(const QString& container, const QString& forward, QObject* context,
                       gui::StatusCallback done) override
    {
        if (!actionError)
            forwardLists[container].removeAll(forward);
        act(QStringLiteral("forward-remove %1 %2").arg(container, forward), context, std::move(done));
    }
    void systemCheck(QObject* context, gui::Callback<QList<client::CheckItem>> done) override
    {
        answer(context, std::move(done), client::Result<QList<client::CheckItem>>(checkItems));
    }

    // Interfaces: "interface-add box1 veth lab0 10.0.3.12/24" (the fields
    // that are set), "interface-set box1 1 link=lab1 ipv4=", "interface-remove
    // box1 1"; a taken change shows in `containers` too.
    void addInterface(const QString& name, const model::NetInterface& iface, QObject* context,
                      gui::Callback<uint> done) override
    {
        const QString address = iface.ipv4.empty() ? QString() : QString::fromStdString(iface.ipv4.front().toString());
        QStringList words{QStringLiteral("interface-add"), name, QString::fromStdString(iface.type),
                          QString::fromStdString(iface.link), address};
        words.removeAll(QString());
        actions << words.join(QLatin1Char(' '));
        auto& interfaces = containers[name].interfaces;
        const uint index = interfaces.empty() ? 0 : interfaces.back().index + 1;
        if (!actionError) {
            interfaces.push_back(iface);
            interfaces.back().index = index;
        }
        answer(context, std::move(done),
               actionError ? client::Result<uint>(std::unexpect, *actionError) : client::Result<uint>(index));
    }
    void setInterface(const QString& name, uint index, const client::InterfaceChange& change, QObject* context,
                      gui::StatusCallback done) override
    {
        QStringList keys;
        const QVariantMap map = client::interfaceChangeMap(change);
        for (auto it = map.begin(); it != map.end(); ++it)
            keys << it.key() + QLatin1Char('=') +
                        (it.value().typeId() == QMetaType::QStringList
                             ? it.value().toStringList().join(QLatin1Char(','))
                             : it.value().toString());
        act(QStringLiteral("interface-set %1 %2 %3").arg(name).arg(index).arg(keys.join(QLatin1Char(' '))), context,
            std::move(done));
    }
    void removeInterface(const QString& name, uint index, QObject* context, gui::StatusCallback done) override
    {
        if (!actionError)
            std::erase_if(containers[name].interfaces, [index](const auto& iface) { return iface.index == index; });
        act(QStringLiteral("interface-remove %1 %2").arg(name).arg(index), context, std::move(done));
    }

    void images(QObject* context, gui::Callback<QList<gui::ImageInfo>> done) override
    {
        ++imageListCalls;
        answer(context, std::move(done),
               imageListError ? client::Result<QList<gui::ImageInfo>>(std::unexpect, *imageListError)
                              : client::Result<QList<gui::ImageInfo>>(imageList));
    }
    void image(const QString& reference, QObject* context, gui::Callback<gui::ImageInfo> done) override
    {
        ++imageCalls;
        const gui::ImageInfo* found = findImage(reference);
        answer(context, std::move(done),
               found ? client::Result<gui::ImageInfo>(*found)
                     : client::Result<gui::ImageInfo>(
                           std::unexpect, client::clientError(QStringLiteral("org.berth.Error.NotFound"),
                                                              QStringLiteral("no image '%1'").arg(reference))));
    }
    void pullImage(const QString& reference, QObject* context, gui::Callback<gui::JobHandle*> done) override
    {
        job(QStringLiteral("pull ") + reference, context, std::move(done));
    }
    void removeImage(const QString& reference, QObject* context, gui::StatusCallback done) override
    {
        act(QStringLiteral("image-rm ") + reference, context, std::move(done));
    }
    void pruneImages(bool all, QObject* context, gui::Callback<gui::ImagePruneResult> done) override
    {
        actions << (all ? QStringLiteral("image-prune all") : QStringLiteral("image-prune"));
        answer(context, std::move(done),
               actionError ? client::Result<gui::ImagePruneResult>(std::unexpect, *actionError)
                           : client::Result<gui::ImagePruneResult>(pruneResult));
    }

private:
    template <class T> client::Result<T> found(const QMap<QString, T>& map, const QString& name) const
    {
        if (!map.contains(name))
            return client::Result<T>(std::unexpect,
                                     client::clientError(QStringLiteral("org.berth.Error.NotFound"), name));
        return map.value(name);
    }

    template <class T, class Make> client::Result<T> pty(Make make) const
    {
        if (ptyFd < 0 || actionError)
            return client::Result<T>(std::unexpect,
                                     actionError ? *actionError
                                                 : client::clientError(QStringLiteral("org.berth.Error.NotRunning"),
                                                                       QStringLiteral("no console")));
        return make(QDBusUnixFileDescriptor(ptyFd));
    }

    void job(const QString& what, QObject* context, gui::Callback<gui::JobHandle*> done)
    {
        actions << what;
        if (actionError) {
            answer(context, std::move(done), client::Result<gui::JobHandle*>(std::unexpect, *actionError));
            return;
        }
        auto* handle = new FakeJobHandle(context);
        jobs << handle;
        answer(context, std::move(done), client::Result<gui::JobHandle*>(handle));
    }

    template <class Done, class Value> static void answer(QObject* context, Done done, Value value)
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), value = std::move(value)] { done(value); }, Qt::QueuedConnection);
    }

    void act(const QString& what, QObject* context, gui::StatusCallback done)
    {
        actions << what;
        answer(context, std::move(done), actionError ? client::Status(std::unexpect, *actionError) : client::Status());
    }
};

} // namespace berth::test
