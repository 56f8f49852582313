// What the GUI's system tests share: the private bus with the built helper
// on it (in the test's own state root, cgroup parent and network
// namespace), a container created through a job, a script run inside one.
// Each returns an empty string on success, else what went wrong.
#pragma once

#include "client.h"
#include "integration_env.h"
#include "job_watcher.h"
#include "system_bus.h"

#include <QFile>

namespace berth::test {

// Starts `bus` and points new clients (BERTH_BUS_ADDRESS) at it.
inline QString startHelperBus(SystemBus& bus)
{
    SystemBusSettings settings;
    settings.stateRoot = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
    settings.cgroupParent = QString::fromStdString(IntegrationEnvironment::instance().cgroupParent());
    QString why;
    if (!bus.start(settings, &why))
        return why;
    qputenv("BERTH_BUS_ADDRESS", bus.address().toUtf8());
    return {};
}

// Creates a container and waits for its job to end.
inline QString createThroughJob(client::Client& client, const client::CreateRequest& request)
{
    auto job = client.create(request);
    if (!job)
        return job.error().message;
    client::JobWatcher watcher(client.connection(), job->path());
    watcher.watch();
    auto created = watcher.waitForFinished();
    return created ? QString() : created.error().message;
}

// Runs `/bin/sh -c script` in a running container, its output discarded.
inline QString runInContainer(client::Client& client, const QString& name, const QString& script)
{
    client::ExecRequest exec;
    exec.name = name;
    exec.argv = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
    QFile null(QStringLiteral("/dev/null"));
    if (!null.open(QIODevice::ReadWrite))
        return null.errorString();
    auto id = client.execWithFds(exec, null.handle(), null.handle(), null.handle());
    if (!id)
        return id.error().message;
    auto status = client.waitExec(*id);
    if (!status)
        return status.error().message;
    return status->status == 0 ? QString() : QStringLiteral("'%1' exited with %2").arg(script).arg(status->status);
}

} // namespace berth::test
