// autostart: what lxc-autostart does for LXC, at boot (berth-autostart.service
// or an init script) and by hand. Containers whose host links are not there
// yet are waited for, not failed: at boot the network may come much later.
#include "autostart_plan.h"
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "link_watcher.h"
#include "session.h"
#include "tr.h"
#include "value_parsers.h"

#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <optional>

namespace berth::cli {

using client::ContainerInfo;

namespace {

// QTimer counts in int milliseconds; a week is past any boot.
constexpr std::int64_t kMaxWaitSeconds = 7 * 24 * 3600;
constexpr std::int64_t kMaxStopSeconds = 3600;
constexpr uint kDefaultStopSeconds{10};

void reportFailure(const QString& message)
{
    printErr(Cli::tr("berthctl autostart: %1\n").arg(message));
}

// Every container's info; one destroyed meanwhile is left out. Returns the
// exit code on failure.
std::optional<int> listInfos(QList<ContainerInfo>& out)
{
    auto names = helperClient().listContainers();
    if (!names)
        return reportError(names.error());
    for (auto it = names->begin(); it != names->end(); ++it) {
        auto info = helperClient().container(it.key());
        if (info)
            out << *info;
        else if (info.error().kind != client::ErrorKind::NotFound)
            return reportError(info.error());
    }
    return std::nullopt;
}

// Starts the plan in order. A container whose links are missing or down
// is passed over until a link event makes them ready; the waiting ones
// keep their order among themselves. lxc.start.delay follows each start.
class AutostartRun {
public:
    AutostartRun(QList<ContainerInfo> plan, std::optional<std::int64_t> timeout)
        : m_pending(std::move(plan)), m_timeout(timeout)
    {
        m_delay.setSingleShot(true);
        // A coarse timer may fire up to 5% early; the delay is a minimum.
        m_delay.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_delay, &QTimer::timeout, [this] { step(); });
        m_deadline.setSingleShot(true);
        QObject::connect(&m_deadline, &QTimer::timeout, [this] {
            m_expired = true;
            step();
        });
    }

    int run()
    {
        // Subscribe before the first look, so no change is missed between.
        if (const QString error = m_watcher.start([this] { step(); }); !error.isEmpty()) {
            reportFailure(Cli::tr("cannot watch network links: %1").arg(error));
            return kExitFailure;
        }
        if (m_timeout)
            m_deadline.start(std::chrono::seconds(*m_timeout));
        step();
        if (!m_pending.isEmpty() || m_delay.isActive())
            m_loop.exec();
        return m_code;
    }

private:
    // The links of `info` that are not there or not up, in its order.
    static QStringList notReady(const ContainerInfo& info)
    {
        QStringList out;
        for (const QString& link : info.waitLinks) {
            if (linkState(link) != LinkState::Up)
                out << link;
        }
        return out;
    }

    void step()
    {
        // A link event while a start's call is under way: the scan under
        // way looks at every link again after each start anyway.
        if (m_delay.isActive() || m_done || m_inStep)
            return;
        m_inStep = true;
        scan();
        m_inStep = false;
    }

    void scan()
    {
        const auto linkUp = [](const QString& link) { return linkState(link) == LinkState::Up; };
        for (;;) {
            announceWaiting();
            const qsizetype next = nextToStart(m_pending, linkUp);
            if (next < 0)
                break;
            const ContainerInfo info = m_pending.takeAt(next);
            if (startOne(info) && info.startDelay > 0 && !m_pending.isEmpty()) {
                const int delay = int(info.startDelay);
                printOut(Cli::tr("Waiting %n second(s) before the next start.\n", nullptr, delay));
                m_delay.start(std::chrono::seconds(delay));
                return;
            }
        }
        if (!m_pending.isEmpty() && m_expired)
            giveUp();
        if (m_pending.isEmpty())
            finish();
    }

    // One line per container the first time it has to wait.
    void announceWaiting()
    {
        for (const ContainerInfo& info : std::as_const(m_pending)) {
            if (m_announced.contains(info.name))
                continue;
            const QStringList missing = notReady(info);
            if (missing.isEmpty())
                continue;
            m_announced << info.name;
            const QString links = missing.join(QStringLiteral(", "));
            printOut(Cli::tr("Waiting for %1 before starting '%2'.\n").arg(links, info.name));
        }
    }

    // True when the container was started (so its delay applies).
    bool startOne(const ContainerInfo& planned)
    {
        // The plan may be old by now (waiting for links): ask again.
        auto info = helperClient().container(planned.name);
        if (!info) {
            fail(Cli::tr("'%1' was not started: %2").arg(planned.name, info.error().message),
                 exitCodeFor(info.error().kind));
            return false;
        }
        if (info->state != model::RunState::Stopped) {
            printOut(Cli::tr("Skipping '%1': it is %2.\n").arg(info->name, client::wireText(info->state)));
            return false;
        }
        printOut(Cli::tr("Starting '%1'.\n").arg(info->name));
        if (auto started = helperClient().start(info->name); !started) {
            fail(Cli::tr("'%1' was not started: %2").arg(info->name, started.error().message),
                 exitCodeFor(started.error().kind));
            return false;
        }
        return true;
    }

    void giveUp()
    {
        for (const ContainerInfo& info : std::as_const(m_pending))
            fail(Cli::tr("'%1' was not started: after %2 seconds, still waiting for %3.")
                     .arg(info.name, QString::number(*m_timeout), notReady(info).join(QStringLiteral(", "))),
                 kExitFailure);
        m_pending.clear();
    }

    void fail(const QString& message, int code)
    {
        reportFailure(message);
        if (m_code == kExitOk)
            m_code = code;
    }

    void finish()
    {
        m_done = true;
        m_deadline.stop();
        m_loop.quit();
    }

    QList<ContainerInfo> m_pending;
    std::optional<std::int64_t> m_timeout;
    QStringList m_announced;
    LinkWatcher m_watcher;
    QTimer m_delay;
    QTimer m_deadline;
    QEventLoop m_loop;
    bool m_expired = false;
    bool m_done = false;
    bool m_inStep = false;
    int m_code = kExitOk;
};

// --stop: the reverse of the start order, each with its halt signal and
// SIGKILL after the timeout; no delays (LXC has none for shutdown either).
int stopAll(const QList<ContainerInfo>& plan, uint timeout)
{
    int code = kExitOk;
    for (auto it = plan.rbegin(); it != plan.rend(); ++it) {
        if (it->state == model::RunState::Stopped)
            continue;
        printOut(Cli::tr("Stopping '%1'.\n").arg(it->name));
        auto job = helperClient().stop(it->name, timeout);
        const client::Status stopped = job ? followJob(*job, true) : client::Status(std::unexpected(job.error()));
        if (!stopped) {
            reportFailure(Cli::tr("'%1' was not stopped: %2").arg(it->name, stopped.error().message));
            if (code == kExitOk)
                code = exitCodeFor(stopped.error().kind);
        }
    }
    return code;
}

// NAME on|off: SetAutostart, which changes lxc.start.auto alone.
int setAutostart(const QStringList& words)
{
    const QString value = words.value(1);
    if (words.size() != 2 || (value != QLatin1String("on") && value != QLatin1String("off")))
        return reportUsage(Cli::tr("autostart: expected NAME on|off"));
    return finishWith(helperClient().setAutostart(words.at(0), value == QLatin1String("on")));
}

} // namespace

int cmdAutostart(const QStringList& args)
{
    VerbLine line(QStringLiteral("autostart"), QStringLiteral("[--list] [--stop] [--timeout SECONDS] | NAME on|off"),
                  Cli::tr("Start the containers with lxc.start.auto = 1: lowest lxc.start.order first,\n"
                          "equal orders by name, lxc.start.delay seconds after each start. A container\n"
                          "whose host bridge or macvlan parent is missing or down is started once that\n"
                          "link is up. With NAME on|off: whether that container starts with the host."));
    line.addFlag({QStringLiteral("l"), QStringLiteral("list")},
                 Cli::tr("Print the plan (order, delay, name, state, links waited for); start nothing."));
    line.addFlag({QStringLiteral("s"), QStringLiteral("stop")},
                 Cli::tr("Stop the autostart containers instead, in reverse order (for shutdown)."));
    line.addValue({QStringLiteral("t"), QStringLiteral("timeout")}, QStringLiteral("SECONDS"),
                  Cli::tr("Give up waiting for links after this many seconds (default: wait without limit); "
                          "with --stop, seconds before SIGKILL (default 10)."));
    if (int code = line.parse(args, 0, 2); code >= 0)
        return code;
    if (!line.positional().isEmpty())
        return setAutostart(line.positional());
    const bool stop = line.isSet(QStringLiteral("stop"));
    std::optional<std::int64_t> timeout;
    if (line.isSet(QStringLiteral("timeout"))) {
        auto parsed = parseInteger(line.value(QStringLiteral("timeout")), 0, stop ? kMaxStopSeconds : kMaxWaitSeconds);
        if (!parsed)
            return reportUsage(parsed.error());
        timeout = *parsed;
    }
    QList<ContainerInfo> infos;
    if (auto failed = listInfos(infos))
        return *failed;
    QList<ContainerInfo> plan = autostartPlan(infos);
    if (line.isSet(QStringLiteral("list"))) {
        if (stop)
            std::ranges::reverse(plan);
        printOut(autostartPlanTable(plan));
        return kExitOk;
    }
    if (stop)
        return stopAll(plan, uint(timeout.value_or(kDefaultStopSeconds)));
    return AutostartRun(std::move(plan), timeout).run();
}

} // namespace berth::cli
