// ExecPty, ExecWithFds, WaitExec (org.berth.container.console). The
// command's end is waited for on a worker thread; WaitExec callers get a
// delayed reply then, so the helper's thread never blocks on it.
#include "service.h"

#include "error_names.h"
#include "validation.h"
#include "worker.h"

#include <QTimer>

#include <cerrno>
#include <csignal>

namespace berth::helper {
namespace {

constexpr auto kKeepExitStatus = std::chrono::minutes(5);

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& item : list)
        out.push_back(item.toStdString());
    return out;
}

Status validateExec(const std::string& name, const ExecRequest& request)
{
    for (const Status& check :
         {validateName(name), validateArgv(request.argv, false), validateEnv(request.env), validateCwd(request.cwd)}) {
        if (!check)
            return check;
    }
    return {};
}

ExecRequest execRequest(const QStringList& argv, const QStringList& env, const QString& cwd)
{
    ExecRequest request;
    request.argv = toStd(argv);
    request.env = toStd(env);
    request.cwd = cwd.isEmpty() ? std::string("/") : cwd.toStdString();
    return request;
}

} // namespace

uint Service::ExecPty(const QString& name, const QStringList& argv, const QStringList& env, const QString& cwd,
                      QDBusUnixFileDescriptor&)
{
    ExecArgs args{name.toStdString(), execRequest(argv, env, cwd), {}};
    args.request.allocatePty = true;
    startExec(std::move(args));
    return 0;
}

uint Service::ExecWithFds(const QString& name, const QStringList& argv, const QStringList& env, const QString& cwd,
                          const QDBusUnixFileDescriptor& stdinFd, const QDBusUnixFileDescriptor& stdoutFd,
                          const QDBusUnixFileDescriptor& stderrFd)
{
    if (!stdinFd.isValid() || !stdoutFd.isValid() || !stderrFd.isValid()) {
        rejected(failWith(EINVAL, "stdin, stdout and stderr must be open file descriptors"));
        return 0;
    }
    // The engine copies through pipes of its own, so the command never
    // holds these; what they are is still checked here, before anything runs.
    if (rejected(validateStdioFd(stdinFd.fileDescriptor(), StdioStream::In)) ||
        rejected(validateStdioFd(stdoutFd.fileDescriptor(), StdioStream::Out)) ||
        rejected(validateStdioFd(stderrFd.fileDescriptor(), StdioStream::Err)))
        return 0;
    ExecArgs args{name.toStdString(), execRequest(argv, env, cwd), {stdinFd, stdoutFd, stderrFd}};
    args.request.stdinFd = stdinFd.fileDescriptor();
    args.request.stdoutFd = stdoutFd.fileDescriptor();
    args.request.stderrFd = stderrFd.fileDescriptor();
    startExec(std::move(args));
    return 0;
}

void Service::startExec(ExecArgs args)
{
    if (rejected(validateExec(args.name, args.request)) || rejectedUnlessExists(args.name))
        return;
    if (runningExecs() >= kMaxPendingExecs) {
        rejected(failWith(EBUSY, "too many commands are running; try again later"));
        return;
    }
    Needs needs{QString::fromLatin1(kActionConsole)};
    requireEntering(args.name, needs);
    const bool pty = args.request.allocatePty;
    auto shared = std::make_shared<ExecArgs>(std::move(args));
    runAuthorized<ExecProcess>(
        Authorizer::always(needs), [this, shared] { return m_engine.exec(shared->name, shared->request); },
        [this, pty](const DelayedReply& reply, const AuthorizationResult& auth, ExecProcess process) {
            execStarted(reply, auth.uid, pty, std::move(process));
        });
}

void Service::execStarted(const DelayedReply& reply, uint owner, bool pty, ExecProcess process)
{
    const uint id = m_nextExec++;
    m_execs[id].owner = owner;
    QVariantList out{id};
    UniqueFd master = process.takePtyMaster();
    if (pty)
        out << QVariant::fromValue(QDBusUnixFileDescriptor(master.get())); // dups; ours closes below
    reply.ok(out);
    auto running = std::make_shared<ExecProcess>(std::move(process));
    runInWorker<Result<ExitStatus>>(
        this, m_lifetime, [running] { return running->wait(); },
        [this, id](Result<ExitStatus> status) { execEnded(id, status); });
}

void Service::execEnded(uint id, const Result<ExitStatus>& status)
{
    auto& entry = m_execs[id];
    // A wait that failed is reported as killed by SIGKILL: the command is gone either way.
    entry.status = status ? *status : ExitStatus{0, SIGKILL};
    const int shell = entry.status->shellStatus();
    for (const auto& waiter : entry.waiters)
        waiter.ok({shell, entry.status->signal});
    entry.waiters.clear();
    Q_EMIT ExecExited(id, shell);
    QTimer::singleShot(kKeepExitStatus, this, [this, id] { m_execs.erase(id); });
}

int Service::WaitExec(uint id, int&)
{
    setDelayedReply(true);
    m_lifetime.touch();
    DelayedReply reply(connection(), message());
    m_authorizer.callerUid(message(), [this, reply, id](bool ok, uint uid) {
        auto it = m_execs.find(id);
        if (it == m_execs.end()) {
            reply.error(QString::fromLatin1(kErrorNotFound.data()), QStringLiteral("no exec %1").arg(id));
            return;
        }
        if (!ok || (uid != 0 && uid != it->second.owner)) {
            reply.error(QString::fromLatin1(kErrorNotAuthorized.data()),
                        QStringLiteral("only the caller that started exec %1 may wait for it").arg(id));
            return;
        }
        if (it->second.status)
            reply.ok({it->second.status->shellStatus(), it->second.status->signal});
        else
            it->second.waiters.push_back(reply);
    });
    return 0;
}

std::size_t Service::runningExecs() const
{
    std::size_t running = 0;
    for (const auto& [id, entry] : m_execs)
        running += entry.status ? 0 : 1;
    return running;
}

} // namespace berth::helper
