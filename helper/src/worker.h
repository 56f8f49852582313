// Runs engine calls off the main thread so no call blocks the helper: a
// start waits for the init, a stop for the halt, a create for debootstrap,
// a read for a monitor's answer. The engine only forks and execs from these
// threads; nothing here setns.
#pragma once

#include "lifetime.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace berth::helper {

// What a worker owns between its start and its result: everything in it
// that touches Qt (the lifetime hold restarts a QTimer, `done` holds replies
// and QObjects) is created and destroyed on the main thread.
template <class T> struct WorkerTask {
    std::shared_ptr<LifetimeHold> hold;
    std::function<T()> work;
    std::function<void(T)> done;
    std::optional<T> result;
};

// `work` runs on a thread of its own; `done` gets its result on the thread
// of `context` (the main thread). The lifetime is held in between.
template <class T>
void runInWorker(QObject* context, Lifetime& lifetime, std::function<T()> work, std::function<void(T)> done)
{
    auto task = std::make_shared<WorkerTask<T>>();
    task->hold = std::make_shared<LifetimeHold>(lifetime);
    task->work = std::move(work);
    task->done = std::move(done);
    std::thread([context, task = std::move(task)]() mutable {
        task->result.emplace(task->work());
        // The task moves over whole: when the worker's copy was the last one,
        // the hold's release would restart the idle QTimer from this thread
        // ("QObject::killTimer: Timers cannot be stopped from another thread").
        QMetaObject::invokeMethod(
            context,
            [task = std::move(task)]() mutable {
                auto owned = std::move(task);
                owned->done(std::move(*owned->result));
            },
            Qt::QueuedConnection);
    }).detach();
}

} // namespace berth::helper
