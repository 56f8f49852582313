// Runs engine calls off the main thread so no call blocks the helper: a
// start waits for the init, a stop for the halt, a create for debootstrap.
// The engine only forks and execs from these threads; nothing here setns.
#pragma once

#include "lifetime.h"

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace berth::helper {

// `work` runs on a thread of its own; `done` gets its result on the thread
// of `context` (the main thread). The lifetime is held in between.
template <class T>
void runInWorker(QObject* context, Lifetime& lifetime, std::function<T()> work, std::function<void(T)> done)
{
    auto hold = std::make_shared<LifetimeHold>(lifetime);
    std::thread([context, hold, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<std::optional<T>>(work());
        QMetaObject::invokeMethod(
            context, [hold, result, done = std::move(done)]() mutable { done(std::move(**result)); },
            Qt::QueuedConnection);
    }).detach();
}

} // namespace berth::helper
