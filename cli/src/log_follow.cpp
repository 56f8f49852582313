#include "log_follow.h"

#include "exit_codes.h"
#include "line_ends.h"
#include "session.h"
#include "tr.h"

#include <QEventLoop>
#include <QTimer>

#include <unistd.h>

namespace berth::cli {

namespace {

// How often a running container's log is read for new output.
constexpr int kPollIntervalMs = 100;

void writeOut(const QByteArray& text)
{
    qsizetype done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(STDOUT_FILENO, text.constData() + done, size_t(text.size() - done));
        if (n <= 0)
            return; // stdout closed: nothing more to say
        done += n;
    }
}

// Until the next read: the poll interval, or less when the container's state
// changes (a command that ends is printed and its status returned at once,
// not at the next tick).
void waitForOutputOrStop(const QString& name)
{
    QEventLoop loop;
    QTimer::singleShot(kPollIntervalMs, &loop, &QEventLoop::quit);
    QObject::connect(&helperClient(), &client::Client::stateChanged, &loop,
                     [&loop, &name](const QString& changed, const QString&) {
                         if (changed == name)
                             loop.quit();
                     });
    loop.exec();
}

} // namespace

int printLog(const QString& name, bool follow)
{
    quint64 offset = 0;
    QByteArray pending;
    bool seen = false;
    bool toldDropped = false;
    for (;;) {
        // The state before the read: whatever was printed before it stopped is in this read.
        auto info = helperClient().container(name);
        if (!info && seen && info.error().kind == client::ErrorKind::NotFound)
            break; // removed meanwhile (run --rm, by a new helper that did not know we read)
        if (!info)
            return reportError(info.error());
        seen = true;
        auto chunk = helperClient().readLog(name, offset);
        if (!chunk)
            return reportError(chunk.error());
        // The piece begins past our offset: the log's cap dropped that much.
        if (chunk->nextOffset - quint64(chunk->data.size()) > offset && !toldDropped) {
            printErr(Cli::tr("berthctl: older console output was dropped at the log's size limit "
                             "(lxc.console.size)\n"));
            toldDropped = true;
        }
        writeOut(foldLineEnds(pending, chunk->data));
        offset = chunk->nextOffset;
        if (chunk->nextOffset < chunk->size)
            continue; // more than one piece was waiting
        if (!follow)
            break;
        if (info->state == model::RunState::Stopped)
            return info->hasExited ? exitCodeForStatus(info->lastExitCode, 0) : int(kExitOk);
        waitForOutputOrStop(name);
    }
    writeOut(pending);
    return kExitOk;
}

} // namespace berth::cli
