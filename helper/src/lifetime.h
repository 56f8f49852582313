// When the helper may exit: after an idle time with no call, no job, no
// operation in a worker thread and no exec being waited on. Containers
// keep running without it; the next call activates a new helper.
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace berth::helper {

class Lifetime : public QObject {
    Q_OBJECT
public:
    explicit Lifetime(std::chrono::milliseconds idleTime, QObject* parent = nullptr);

    // A call arrived: the idle time starts again.
    void touch();
    // Something is in progress that the exit must wait for.
    void hold();
    void release();
    [[nodiscard]] int holds() const { return m_holds; }

Q_SIGNALS:
    void idle();
    // A few seconds after the last call, with nothing in progress: a time
    // to give memory back (the helper may stay up much longer).
    void settled();

private:
    void restart();

    QTimer m_timer;
    QTimer m_settleTimer;
    int m_holds = 0;
};

// Keeps a Lifetime held for as long as it lives (copies share the hold).
class LifetimeHold {
public:
    explicit LifetimeHold(Lifetime& lifetime) : m_lifetime(&lifetime) { lifetime.hold(); }
    LifetimeHold(const LifetimeHold&) = delete;
    LifetimeHold& operator=(const LifetimeHold&) = delete;
    ~LifetimeHold() { m_lifetime->release(); }

private:
    Lifetime* m_lifetime;
};

} // namespace berth::helper
