// ContainerSource over the real client library (the helper on D-Bus).
#pragma once

#include "container_source.h"

namespace berth::gui {

class ClientContainerSource final : public ContainerSource {
    Q_OBJECT
public:
    // `client` must outlive this object.
    explicit ClientContainerSource(client::Client& client, QObject* parent = nullptr);

    void listContainers(QObject* context, Callback<QMap<QString, QString>> done) override;
    void container(const QString& name, QObject* context, Callback<client::ContainerInfo> done) override;
    void stats(QObject* context, Callback<QList<client::ContainerStats>> done) override;
    void start(const QString& name, QObject* context, StatusCallback done) override;
    void stop(const QString& name, uint timeoutSeconds, QObject* context, StatusCallback done) override;
    void kill(const QString& name, int signal, QObject* context, StatusCallback done) override;
    void freeze(const QString& name, QObject* context, StatusCallback done) override;
    void thaw(const QString& name, QObject* context, StatusCallback done) override;
    void destroy(const QString& name, bool force, QObject* context, StatusCallback done) override;
    void setLimits(const QString& name, const model::Limits& limits, QObject* context, StatusCallback done) override;
    void shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser,
                     QObject* context, StatusCallback done) override;
    void unshareFolder(const QString& name, const QString& target, QObject* context, StatusCallback done) override;

    void templates(QObject* context, Callback<QList<client::TemplateInfo>> done) override;
    void create(const client::CreateRequest& request, QObject* context, Callback<JobHandle*> done) override;
    void exportTo(const QString& name, int fd, QObject* context, Callback<JobHandle*> done) override;
    void convertToUnprivileged(const QString& name, QObject* context, Callback<JobHandle*> done) override;
    void config(const QString& name, QObject* context, Callback<QString> done) override;
    void setConfig(const QString& name, const QString& basedOn, const QString& text, QObject* context,
                   StatusCallback done) override;
    void readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context,
                 Callback<client::LogChunk> done) override;
    void openConsole(const QString& name, int tty, QObject* context, Callback<QDBusUnixFileDescriptor> done) override;
    void resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                       StatusCallback done) override;
    void execPty(const client::ExecRequest& request, QObject* context,
                 Callback<std::pair<uint, QDBusUnixFileDescriptor>> done) override;
    void bridges(QObject* context, Callback<QList<client::Bridge>> done) override;
    void createBridge(const QString& name, const client::BridgeSettings& settings, QObject* context,
                      StatusCallback done) override;
    void changeBridge(const QString& name, const client::BridgeChange& change, QObject* context,
                      StatusCallback done) override;
    void deleteBridge(const QString& name, bool force, QObject* context, StatusCallback done) override;
    void forwards(const QString& container, QObject* context, Callback<QStringList> done) override;
    void addForward(const QString& container, const QString& forward, QObject* context, StatusCallback done) override;
    void removeForward(const QString& container, const QString& forward, QObject* context,
                       StatusCallback done) override;
    void systemCheck(QObject* context, Callback<QList<client::CheckItem>> done) override;
    void setAutostart(const QString& name, bool enabled, QObject* context, StatusCallback done) override;
    void addInterface(const QString& name, const model::NetInterface& iface, QObject* context,
                      Callback<uint> done) override;
    void setInterface(const QString& name, uint index, const client::InterfaceChange& change, QObject* context,
                      StatusCallback done) override;
    void removeInterface(const QString& name, uint index, QObject* context, StatusCallback done) override;
    // Pulls carry the user's own registry logins (client/registry_credentials.h).
    void images(QObject* context, Callback<QList<ImageInfo>> done) override;
    void image(const QString& reference, QObject* context, Callback<ImageInfo> done) override;
    void pullImage(const QString& reference, QObject* context, Callback<JobHandle*> done) override;
    void removeImage(const QString& reference, QObject* context, StatusCallback done) override;
    void pruneImages(bool all, QObject* context, Callback<ImagePruneResult> done) override;

private:
    client::Client& m_client;
};

} // namespace berth::gui
