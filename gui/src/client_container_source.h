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
    void setLimits(const QString& name, const QMap<QString, QString>& limits, QObject* context,
                   StatusCallback done) override;

private:
    client::Client& m_client;
};

} // namespace berth::gui
