#include "session.h"

#include "berth/model/progress_text.h"
#include "berth/model/trace.h"

#include "bus_address.h"
#include "exit_codes.h"
#include "item_block.h"
#include "job_watcher.h"
#include "local_fd.h"
#include "tr.h"

#include <QSocketNotifier>
#include <QTimer>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <memory>
#include <tuple>
#include <sys/ioctl.h>
#include <unistd.h>

namespace berth::cli {

namespace {

std::unique_ptr<client::Client>& clientInstance()
{
    static std::unique_ptr<client::Client> instance;
    return instance;
}

} // namespace

client::Client& helperClient()
{
    auto& instance = clientInstance();
    if (!instance) {
        const trace::Span traced("berthctl", "connect to the bus and the helper");
        instance = std::make_unique<client::Client>();
    }
    return *instance;
}

void releaseHelperClient()
{
    if (!clientInstance())
        return;
    clientInstance().reset();
    client::closeHelperBus();
}

void printOut(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
}

QString errorText(const client::ClientError& error)
{
    if (error.kind == client::ErrorKind::NoHelper)
        return Cli::tr("cannot reach the Berth helper (org.berth.Berth1): %1").arg(error.message);
    if (error.kind == client::ErrorKind::NotAuthorized && error.message.isEmpty())
        return Cli::tr("not authorized");
    return error.message;
}

int reportError(const client::ClientError& error)
{
    printErr(QStringLiteral("berthctl: %1\n").arg(errorText(error)));
    return exitCodeFor(error.kind);
}

int reportUsage(const QString& message)
{
    printErr(QStringLiteral("berthctl: %1\n").arg(message));
    return kExitUsage;
}

int finishWith(const client::Status& status)
{
    return status ? int(kExitOk) : reportError(status.error());
}

static int terminalWidth()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

namespace {

int g_interruptPipe = -1;

// How long an interrupted berthctl waits for the helper to end the job.
constexpr auto kCancelGrace = std::chrono::seconds(5);

extern "C" void onInterrupt(int)
{
    const char byte = 1;
    if (g_interruptPipe >= 0)
        (void)!::write(g_interruptPipe, &byte, 1);
}

// An interrupt the quick path received before it handed the job over.
void interruptNow()
{
    onInterrupt(SIGINT);
}

// While a job is followed, the first Ctrl-C (or SIGTERM) cancels it rather
// than leaving it running unseen in the helper; a second one ends berthctl
// at once, and so does a cancel the helper has not honoured in kCancelGrace.
class CancelOnInterrupt {
public:
    explicit CancelOnInterrupt(client::JobWatcher& watcher)
    {
        auto pipe = client::LocalFd::pipe(O_NONBLOCK);
        if (!pipe)
            return;
        std::tie(m_read, m_write) = std::move(*pipe);
        g_interruptPipe = m_write.get();
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        action.sa_flags = SA_RESTART | SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        m_notifier = std::make_unique<QSocketNotifier>(m_read.get(), QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [this, &watcher] {
            char byte;
            while (::read(m_read.get(), &byte, 1) > 0) {}
            printErr(Cli::tr("\nCancelling...\n"));
            if (auto cancelled = watcher.cancel(); !cancelled)
                reportError(cancelled.error());
            QTimer::singleShot(kCancelGrace, &watcher, [&watcher] {
                watcher.stopFollowing(client::ClientError{
                    client::ErrorKind::Failed, QString(),
                    Cli::tr("the helper did not end the job within %1 s of the cancel; it may still be running")
                        .arg(kCancelGrace.count())});
            });
        });
    }
    ~CancelOnInterrupt()
    {
        if (!m_read.isValid())
            return;
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        g_interruptPipe = -1;
        m_notifier.reset();
    }
    CancelOnInterrupt(const CancelOnInterrupt&) = delete;
    CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

private:
    client::LocalFd m_read;
    client::LocalFd m_write;
    struct sigaction m_previousInt {};
    struct sigaction m_previousTerm {};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace

client::Status followJob(const QDBusObjectPath& job, bool quiet, QString* resultValue, FollowStart start)
{
    client::JobWatcher watcher(helperClient().connection(), job.path());
    const bool bar = !quiet && ::isatty(STDERR_FILENO);
    QString lastLine;
    QObject::connect(&watcher, &client::JobWatcher::progressChanged, [&](double fraction, const QString& step) {
        if (bar) {
            printErr(QStringLiteral("\r\033[K") +
                     QString::fromStdString(model::progressBarText(fraction, step.toStdString(), terminalWidth() - 1)));
            return;
        }
        const QString line = QString::fromStdString(model::progressLineText(fraction, step.toStdString()));
        if (!quiet && !line.isEmpty() && line != lastLine)
            printErr(line + QLatin1Char('\n'));
        lastLine = line;
    });
    ItemBlock items(bar);
    QObject::connect(&watcher, &client::JobWatcher::logLine, [&](const QString& line) {
        if (!quiet)
            printErr((bar ? QStringLiteral("\r\033[K") : QString()) + line + QLatin1Char('\n'));
        items.linesPrinted();
    });
    QObject::connect(&watcher, &client::JobWatcher::itemProgress, [&](const client::ItemProgress& item) {
        if (!quiet)
            items.update(item);
    });
    CancelOnInterrupt cancelOnInterrupt(watcher);
    if (start == FollowStart::Interrupted)
        interruptNow();
    watcher.watch();
    auto result = watcher.waitForFinished();
    if (bar)
        printErr(QStringLiteral("\r\033[K"));
    if (resultValue)
        *resultValue = watcher.resultValue();
    return result;
}

} // namespace berth::cli
