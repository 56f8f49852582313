// Start, stop, kill, freeze, thaw, destroy, console: org.berth.container.manage
// (console: .console, destroy: .destroy; StartWith, the caller's command as
// the init: .manage and .console).
#include "service.h"

#include "logging.h"
#include "validation.h"
#include "worker.h"

namespace berth::helper {

void Service::Start(const QString& qname)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return;
    startAs(name, {kActionManage}, {});
}

void Service::StartWith(const QString& qname, const QStringList& command)
{
    const std::string name = qname.toStdString();
    StartOptions options;
    for (const QString& arg : command)
        options.command.push_back(arg.toStdString());
    if (rejected(validateName(name)) || rejected(validateArgv(options.command, false)) || rejectedUnlessExists(name))
        return;
    // The caller's command as the container's init: as much as an exec.
    Needs needs{QString::fromLatin1(kActionManage), QString::fromLatin1(kActionConsole)};
    requireEntering(name, needs);
    startAs(name, needs, std::move(options));
}

void Service::startAs(const std::string& name, const Needs& needs, StartOptions options)
{
    authorizeAndRun(
        needs, [this, name, options = std::move(options)] { return m_engine.start(name, options); },
        [this, name, holder = message().service()] {
            emitState(name);
            removeWhenStopped(name, holder);
        });
}

QDBusObjectPath Service::Stop(const QString& qname, uint timeoutSeconds)
{
    const std::string name = qname.toStdString();
    auto timeout = validateStopTimeout(timeoutSeconds);
    if (rejected(validateName(name)) || rejected(timeout ? Status{} : fail(timeout.error())) ||
        rejected(validateJobCount(runningJobs())) || rejectedUnlessExists(name))
        return {};
    authorizeJob(
        {QString::fromLatin1(kActionManage)}, QStringLiteral("stop"), name,
        [this, name, timeout = *timeout](const Progress& progress) {
            progress.step("Stopping", -1);
            return m_engine.stop(name, timeout);
        },
        [this, name](const Status&) { emitState(name); });
    return {};
}

void Service::Kill(const QString& qname, int signal)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateSignal(signal)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionManage}, [this, name, signal] { return m_engine.kill(name, signal); });
}

void Service::Freeze(const QString& qname)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun(
        {kActionManage}, [this, name] { return m_engine.freeze(name); }, [this, name] { emitState(name); });
}

void Service::Thaw(const QString& qname)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun(
        {kActionManage}, [this, name] { return m_engine.thaw(name); }, [this, name] { emitState(name); });
}

void Service::Destroy(const QString& qname, bool force)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun(
        {kActionDestroy}, [this, name, force] { return m_engine.destroy(name, force); },
        [this, qname] { Q_EMIT ContainerRemoved(qname); });
}

QDBusUnixFileDescriptor Service::OpenConsole(const QString& qname, int tty)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateTty(tty)) || rejectedUnlessExists(name))
        return {};
    Needs needs{QString::fromLatin1(kActionConsole)};
    requireEntering(name, needs);
    runAuthorized<UniqueFd>(
        Authorizer::always(needs), [this, name, tty] { return m_engine.console(name, tty); },
        [](const DelayedReply& reply, const AuthorizationResult&, UniqueFd console) {
            // QDBusUnixFileDescriptor dups; ours closes when `console` goes.
            reply.ok({QVariant::fromValue(QDBusUnixFileDescriptor(console.get()))});
        });
    return {};
}

void Service::ResizeConsole(const QString& qname, int tty, ushort rows, ushort columns)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateTty(tty)) || rejected(validateWindowSize(rows, columns)) ||
        rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionConsole},
                    [this, name, tty, rows, columns] { return m_engine.resizeConsole(name, tty, rows, columns); });
}

} // namespace berth::helper
