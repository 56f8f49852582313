// The object on /org/berth/Berth1: org.berth.Manager1 and org.berth.Network1
// (their adaptors are generated from helper/dbus/*.xml and call these
// slots). Every method validates all its arguments first, then asks the
// Authorizer, then runs the engine call on a worker thread and replies
// when it is done; reads answer at once without authorization.
#pragma once

#include "authorizer.h"
#include "berth/engine.h"
#include "dbus_types.h"
#include "delayed_reply.h"
#include "job.h"
#include "lifetime.h"
#include "privilege_rules.h"
#include "state_watcher.h"
#include "worker.h"

#include <QDBusContext>
#include <QDBusObjectPath>
#include <QDBusServiceWatcher>
#include <QDBusUnixFileDescriptor>
#include <QObject>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

namespace berth::helper {

// What an authorized method replies once its work succeeded: the reply, who
// was granted, and the work's value (none for a Status).
template <class T> struct AnswerOf {
    using type = std::function<void(const DelayedReply& reply, const AuthorizationResult& auth, T value)>;
};
template <> struct AnswerOf<void> {
    using type = std::function<void(const DelayedReply& reply, const AuthorizationResult& auth)>;
};
template <class T> using AnswerWith = typename AnswerOf<T>::type;

struct InterfaceEdit; // interface_args.h

class Service : public QObject, protected QDBusContext {
    Q_OBJECT
public:
    Service(Engine& engine, QDBusConnection bus, Lifetime& lifetime, QObject* parent = nullptr);

public Q_SLOTS:
    // org.berth.Manager1: reads (service_reads.cpp)
    StringMap ListContainers();
    QVariantMap GetContainer(const QString& name);
    QString GetConfig(const QString& name);
    // (service_log.cpp)
    QByteArray GetLog(const QString& name, qulonglong offset, uint maxBytes, qulonglong& nextOffset, qulonglong& size);
    NamedMaps GetStats();
    MapList ListTemplates();
    MapList SystemCheck();

    // org.berth.Manager1: lifecycle (service_lifecycle.cpp)
    void Start(const QString& name);
    void StartWith(const QString& name, const QStringList& command);
    QDBusObjectPath Stop(const QString& name, uint timeout);
    void Kill(const QString& name, int signal);
    void Freeze(const QString& name);
    void Thaw(const QString& name);
    void Destroy(const QString& name, bool force);
    QDBusUnixFileDescriptor OpenConsole(const QString& name, int tty);
    void ResizeConsole(const QString& name, int tty, ushort rows, ushort columns);

    // org.berth.Manager1: commands in a running container (service_exec.cpp)
    uint ExecPty(const QString& name, const QStringList& argv, const QStringList& env, const QString& cwd,
                 QDBusUnixFileDescriptor& pty);
    uint ExecWithFds(const QString& name, const QStringList& argv, const QStringList& env, const QString& cwd,
                     const QDBusUnixFileDescriptor& stdinFd, const QDBusUnixFileDescriptor& stdoutFd,
                     const QDBusUnixFileDescriptor& stderrFd);
    int WaitExec(uint id, int& signal);
    // (service_remove.cpp)
    int WaitRemoved(const QString& name, int& signal);

    // org.berth.Manager1: creation, export, config (service_create.cpp, service_config.cpp)
    QDBusObjectPath Create(const QString& name, const QString& templateName, const StringMap& options,
                           const QString& kind, const QStringList& command, const QString& network);
    QDBusObjectPath CreateFromFile(const QString& name, const QString& templateName, const StringMap& options,
                                   const QString& kind, const QStringList& command, const QString& network,
                                   const QDBusUnixFileDescriptor& input);
    QDBusObjectPath Export(const QString& name, const QDBusUnixFileDescriptor& output);
    // (service_create.cpp: one call, all or nothing)
    QDBusObjectPath CreateContainer(const QString& name, const QString& templateName, const StringMap& options,
                                    const QString& kind, const QStringList& command, const QVariantMap& setup);
    QDBusObjectPath CreateContainerFromFile(const QString& name, const QString& templateName, const StringMap& options,
                                            const QString& kind, const QStringList& command, const QVariantMap& setup,
                                            const QDBusUnixFileDescriptor& input);
    void SetAutostart(const QString& name, bool enabled);
    void SetConfig(const QString& name, const QString& text);
    void SetConfigIfUnchanged(const QString& name, const QString& basedOn, const QString& text);
    void SetLimits(const QString& name, const StringMap& limits);
    // (service_interfaces.cpp: one interface of the config, at the next start)
    uint AddInterface(const QString& name, const QVariantMap& settings);
    void SetInterface(const QString& name, uint index, const QVariantMap& changes);
    void RemoveInterface(const QString& name, uint index);
    QDBusObjectPath ConvertContainer(const QString& name);
    // (service_share.cpp)
    void ShareFolder(const QString& name, const QDBusUnixFileDescriptor& folder, const QString& target,
                     const QString& insideUser);
    void UnshareFolder(const QString& name, const QString& target);

    // org.berth.Network1 (service_network.cpp)
    MapList ListBridges();
    void CreateBridge(const QString& name, const QString& address, const QString& dhcpRange, bool nat,
                      const QString& domain, uint mtu);
    void ChangeBridge(const QString& name, const QVariantMap& changes);
    void DeleteBridge(const QString& name, bool force);
    QStringList ListForwards(const QString& container);
    void AddForward(const QString& container, const QString& forward);
    void RemoveForward(const QString& container, const QString& forward);

    // org.berth.Manager1: the image store (service_images.cpp, issue #21)
    QDBusObjectPath PullImage(const QString& reference, const BerthRegistryLogins& credentials);
    MapList ListImages();
    QVariantMap GetImage(const QString& reference);
    void RemoveImage(const QString& reference);
    QStringList PruneImages(bool all, QStringList& layers, qulonglong& bytesFreed);

Q_SIGNALS:
    void ContainerAdded(const QString& name);
    void ContainerRemoved(const QString& name);
    void StateChanged(const QString& name, const QString& state);
    void JobProgress(const QDBusObjectPath& job, double fraction, const QString& step);
    void JobItemProgress(const QDBusObjectPath& job, const QString& item, const QString& phase, qulonglong done,
                         qulonglong total);
    void ExecExited(uint id, int status);

private:
    // Replies with the error's D-Bus name when `status` failed; true then.
    bool rejected(const Status& status);
    // The container must exist (NotFound otherwise).
    bool rejectedUnlessExists(const std::string& name);
    // AddInterface's, SetInterface's and RemoveInterface's validation and
    // needs (service_interfaces.cpp); false when it replied already.
    bool interfaceEditNeeds(const std::string& name, const InterfaceEdit& edit, Needs& needs);
    // SetConfig and SetConfigIfUnchanged (service_config.cpp).
    void replaceConfig(const QString& name, const QString& text, std::optional<std::string> basedOn);
    // Validation is done: authorize, run `work` on a worker thread, reply
    // (after `onSuccess`, on the main thread).
    void authorizeAndRun(const Needs& needs, std::function<Status()> work, std::function<void()> onSuccess = {});
    // The same for needs that depend on who calls.
    void authorizeAndRun(Authorizer::NeedsOf needsOf, std::function<Status()> work,
                         std::function<void()> onSuccess = {});
    // The one sequence of an authorized method once its arguments are valid:
    // authorize (authorizeThen), run `work` on a worker thread, reply with
    // its error, or let `answer` reply with its value (main thread).
    template <class T>
    void runAuthorized(Authorizer::NeedsOf needsOf, std::function<Result<T>()> work, AnswerWith<T> answer);
    // Delays the reply and holds the helper while polkit answers; a refusal
    // replies NotAuthorized, a grant calls `granted` (main thread).
    using Granted = std::function<void(const DelayedReply& reply, const AuthorizationResult& auth)>;
    void authorizeThen(Authorizer::NeedsOf needsOf, Granted granted);
    // Validation is done: authorize, then start a job and reply with its path.
    void authorizeJob(const Needs& needs, const QString& operation, const std::string& container, Job::Work work,
                      Job::Done done = {}, Job::ResultSlot result = {});
    // The same for work that acts with the caller's rights: it gets the caller's uid and groups.
    using CallerWork = std::function<Status(const Progress&, const CallerIdentity& caller)>;
    void authorizeJobFor(const Needs& needs, const QString& operation, const std::string& container, CallerWork work,
                         Job::Done done = {}, Job::ResultSlot result = {});
    // Privileged containers (service_privilege.cpp): the verdict on an
    // existing one; adding the host action and its reason to `needs` when
    // the called method needs it for `verdict`.
    [[nodiscard]] PrivilegeVerdict existingPrivilege(const std::string& name) const;
    void requirePrivilege(const PrivilegeVerdict& verdict, const std::string& name, Needs& needs);
    // What an existing container's config reaches on the host (an
    // administrator approved it for that container), each reason's place
    // prefixed by `as` ("clone of 'x'", "running a command in container 'x'").
    [[nodiscard]] HostReasons exposuresOf(const Result<Config>& config, const std::string& as) const;
    // Console and exec: root in a privileged container, or in one whose
    // config reaches the host, reaches the host too.
    void requireEntering(const std::string& name, Needs& needs);
    // A clone keeps its source's config: what an administrator let the
    // source reach is not the caller's to copy. (Its privilege is not: a
    // clone gets a user namespace of its own unless privileged is asked for.)
    void requireCloneOf(const std::string& source, Needs& needs);
    void startJob(const DelayedReply& reply, uint owner, const QString& operation, const std::string& container,
                  Job::Work work, Job::Done done, Job::ResultSlot result = {});
    // CreateContainer from the image template: org.berth.image.manage too
    // when the store lacks the image, since the job will pull it.
    void requireImageFor(const CreateRequest& request, Needs& needs) const;
    // Start and StartWith once validated.
    void startAs(const std::string& name, const Needs& needs, StartOptions options);
    // Announces `name`'s state with StateChanged unless it was the last
    // one announced (a call's own change and the watcher's see the same).
    void emitState(const std::string& name);
    // At the helper's start: the monitors another instance started, so that
    // a monitor killed later is announced too (its container unmanaged); and
    // each container's state as clients read it from now on, so that a
    // change finished later (a stop a killed helper began) is announced.
    void watchMonitors();
    // Delays the reply and answers with what `read` returns on a worker thread.
    void answerFromWorker(std::function<Result<QVariant>()> read);
    [[nodiscard]] Result<QVariantMap> containerInfo(const std::string& name) const;
    [[nodiscard]] std::size_t runningJobs() const;
    QDBusObjectPath createJob(const std::string& name, const QString& templateName, const StringMap& options,
                              const QString& kind, const QStringList& command, const QVariantMap& setup,
                              const QDBusUnixFileDescriptor* input);

    // A command started by Exec*: who started it, how it ended, who waits.
    struct ExecEntry {
        uint owner = 0;
        std::optional<ExitStatus> status;
        std::vector<DelayedReply> waiters;
    };
    struct ExecArgs {
        std::string name;
        ExecRequest request;
        std::vector<QDBusUnixFileDescriptor> keep; // the caller's fds, open until the command started
    };
    void startExec(ExecArgs args);
    void execStarted(const DelayedReply& reply, uint owner, bool pty, ExecProcess process);
    void execEnded(uint id, const Result<ExitStatus>& status);
    [[nodiscard]] std::size_t runningExecs() const;

    // A container marked berth.remove_when_stopped (service_remove.cpp):
    // its end, and who holds its removal back until it has read it.
    struct RemovalEntry {
        QString holder;           // the bus name that started it, while it is on the bus
        bool holderWaits = false; // the holder called WaitRemoved: it has what it needs
        std::optional<ExitStatus> exit;
        bool removing = false;
        std::vector<DelayedReply> waiters;
        std::shared_ptr<LifetimeHold> hold;
        unsigned run = 0; // which start this entry watches
    };
    // After a start by `holder` (empty: nobody holds it): watches a marked container.
    void removeWhenStopped(const std::string& name, const QString& holder);
    // At the helper's start: marked containers that run or have run.
    void removeLeftovers();
    void holderLeft(const QString& holder);
    // Makes `holder` the holder of `entry` and watches it leave the bus;
    // one already gone is let go as soon as the bus says so.
    void holdRemoval(RemovalEntry& entry, const QString& holder);
    void removeIfReleased(const std::string& name);
    // After a create by `creator`: a marked container goes if its creator
    // leaves the bus before anyone starts it (a start takes the entry over).
    void removeUnlessStarted(const std::string& name, const QString& creator);

    Engine& m_engine;
    QDBusConnection m_bus;
    StateWatcher m_stateWatcher;
    std::map<std::string, QString> m_announcedStates;
    Lifetime& m_lifetime;
    Authorizer m_authorizer;
    uint m_nextJob = 1;
    std::map<uint, ExecEntry> m_execs;
    uint m_nextExec = 1;
    std::map<std::string, RemovalEntry> m_removals;
    QDBusServiceWatcher m_removalHolders;
    unsigned m_removalRuns = 0;
    // How the removed ones ended, for a while: a caller whose helper died
    // asks the next one, which may have removed it already.
    std::map<std::string, ExitStatus> m_removedExits;
    int m_readsInFlight = 0; // reads answered from worker threads (main thread only)
};

template <class T>
void Service::runAuthorized(Authorizer::NeedsOf needsOf, std::function<Result<T>()> work, AnswerWith<T> answer)
{
    authorizeThen(std::move(needsOf), [this, work = std::move(work), answer = std::move(answer)](
                                          const DelayedReply& reply, const AuthorizationResult& auth) {
        runInWorker<Result<T>>(this, m_lifetime, work, [reply, auth, answer](Result<T> result) {
            if (!result) {
                reply.error(result.error());
                return;
            }
            if constexpr (std::is_void_v<T>)
                answer(reply, auth);
            else
                answer(reply, auth, std::move(*result));
        });
    });
}

} // namespace berth::helper
