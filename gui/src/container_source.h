// What the GUI needs from the helper, as an interface: the application
// implements it over berth::client::Client (ClientContainerSource), tests
// feed it recorded replies. Every call is non-blocking: the callback runs
// later on `context`'s thread, and not at all if `context` is gone.
#pragma once

#include "client.h"
#include "image_info.h"
#include "job_handle.h"

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
    // The set fields of `limits` change; the others stay. Not pure, so that
    // sources without it still build; this default refuses.
    virtual void setLimits(const QString& name, const model::Limits& limits, QObject* context, StatusCallback done);
    // Shared folders (not pure either; the default refuses): `folderFd` (not
    // owned) is a directory the user opened; both apply at the next start.
    virtual void shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser,
                             QObject* context, StatusCallback done);
    virtual void unshareFolder(const QString& name, const QString& target, QObject* context, StatusCallback done);

    // The new-container wizard. The job handle is a child of `context`.
    virtual void templates(QObject* context, Callback<QList<client::TemplateInfo>> done) = 0;
    virtual void create(const client::CreateRequest& request, QObject* context, Callback<JobHandle*> done) = 0;
    // `fd` (not owned) is where the tarball goes; the job writes it.
    virtual void exportTo(const QString& name, int fd, QObject* context, Callback<JobHandle*> done) = 0;
    // A stopped privileged container gets a user namespace of its own (a
    // job). Not pure, as setLimits; this default refuses.
    virtual void convertToUnprivileged(const QString& name, QObject* context, Callback<JobHandle*> done);

    // Config and log.
    virtual void config(const QString& name, QObject* context, Callback<QString> done) = 0;
    // The helper parses and validates the text before it replaces the
    // config, and only while the config is still `basedOn` (the text the
    // editor loaded): client::ErrorKind::Changed otherwise.
    virtual void setConfig(const QString& name, const QString& basedOn, const QString& text, QObject* context,
                           StatusCallback done) = 0;
    virtual void readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context,
                         Callback<client::LogChunk> done) = 0;

    // Terminals: the console through the monitor (tty 0 = /dev/console), or
    // a new command on a pty whose master comes back.
    virtual void openConsole(const QString& name, int tty, QObject* context,
                             Callback<QDBusUnixFileDescriptor> done) = 0;
    virtual void resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                               StatusCallback done) = 0;
    virtual void execPty(const client::ExecRequest& request, QObject* context,
                         Callback<std::pair<uint, QDBusUnixFileDescriptor>> done) = 0;

    // Bridges and port forwards ("tcp:8080:80").
    virtual void bridges(QObject* context, Callback<QList<client::Bridge>> done) = 0;
    virtual void createBridge(const QString& name, const client::BridgeSettings& settings, QObject* context,
                              StatusCallback done) = 0;
    // Only what `change` sets changes (model::diff of the editor's before and after).
    virtual void changeBridge(const QString& name, const client::BridgeChange& change, QObject* context,
                              StatusCallback done) = 0;
    virtual void deleteBridge(const QString& name, bool force, QObject* context, StatusCallback done) = 0;
    virtual void forwards(const QString& container, QObject* context, Callback<QStringList> done) = 0;
    virtual void addForward(const QString& container, const QString& forward, QObject* context,
                            StatusCallback done) = 0;
    virtual void removeForward(const QString& container, const QString& forward, QObject* context,
                               StatusCallback done) = 0;

    // What the host can do (the system check page).
    virtual void systemCheck(QObject* context, Callback<QList<client::CheckItem>> done) = 0;

    // Narrow changes instead of config edits (not pure; the default refuses).
    // lxc.start.auto only: the order, delay and the rest of the config stay.
    virtual void setAutostart(const QString& name, bool enabled, QObject* context, StatusCallback done);
    // One interface of the config (lxc.net.N), from the next start on;
    // addInterface answers the new interface's index.
    virtual void addInterface(const QString& name, const model::NetInterface& iface, QObject* context,
                              Callback<uint> done);
    virtual void setInterface(const QString& name, uint index, const client::InterfaceChange& change, QObject* context,
                              StatusCallback done);
    virtual void removeInterface(const QString& name, uint index, QObject* context, StatusCallback done);

    // Images (issue #21; not pure, the defaults refuse). Reads need no
    // authorization; pull, remove and prune ask for org.berth.image.manage.
    virtual void images(QObject* context, Callback<QList<ImageInfo>> done);
    // NotFound when the store has no image of that reference.
    virtual void image(const QString& reference, QObject* context, Callback<ImageInfo> done);
    // A job whose items are the image's layers (JobHandle::itemProgress);
    // the logins come from the user's own files, read by the client.
    virtual void pullImage(const QString& reference, QObject* context, Callback<JobHandle*> done);
    // Busy, naming the containers, while one uses it.
    virtual void removeImage(const QString& reference, QObject* context, StatusCallback done);
    // Unused layers; with `all`, unused images too.
    virtual void pruneImages(bool all, QObject* context, Callback<ImagePruneResult> done);

Q_SIGNALS:
    // A call through this source pulled, removed or pruned images.
    void imagesChanged();
    void containerAdded(const QString& name);
    void containerRemoved(const QString& name);
    void stateChanged(const QString& name, const QString& state);
    // A call through this source changed `name`'s config (limits,
    // autostart, interfaces, shares, forwards, the config itself).
    void configChanged(const QString& name);
    // Another helper took over the bus (the last one stopped, was killed or
    // crashed): the signals in between are lost, so what was read may be
    // out of date.
    void helperReplaced();
};

} // namespace berth::gui
