#include "lifetime.h"

namespace berth::helper {

Lifetime::Lifetime(std::chrono::milliseconds idleTime, QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(idleTime);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_holds == 0)
            Q_EMIT idle();
    });
    m_timer.start();
}

void Lifetime::touch()
{
    m_timer.start();
}

void Lifetime::hold()
{
    ++m_holds;
}

void Lifetime::release()
{
    if (--m_holds == 0)
        m_timer.start();
}

} // namespace berth::helper
