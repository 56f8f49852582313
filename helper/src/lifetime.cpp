#include "lifetime.h"

#include <algorithm>

namespace berth::helper {

namespace {
constexpr std::chrono::seconds kSettleTime{5};
}

Lifetime::Lifetime(std::chrono::milliseconds idleTime, QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(idleTime);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_holds == 0)
            Q_EMIT idle();
    });
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(std::min<std::chrono::milliseconds>(kSettleTime, idleTime));
    connect(&m_settleTimer, &QTimer::timeout, this, [this] {
        if (m_holds == 0)
            Q_EMIT settled();
    });
    restart();
}

void Lifetime::restart()
{
    m_timer.start();
    m_settleTimer.start();
}

void Lifetime::touch()
{
    restart();
}

void Lifetime::hold()
{
    ++m_holds;
}

void Lifetime::release()
{
    if (--m_holds == 0)
        restart();
}

} // namespace berth::helper
