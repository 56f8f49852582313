// The answer to a call the helper finishes later (after polkit answered,
// after a worker thread is done): keeps the call and its connection.
#pragma once

#include "berth/error.h"
#include "berth/model/trace.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QString>
#include <QVariantList>

namespace berth::helper {

class DelayedReply {
public:
    DelayedReply(QDBusConnection bus, QDBusMessage call)
        : m_bus(std::move(bus)), m_call(std::move(call)), m_received(trace::Clock::now())
    {}

    void ok(const QVariantList& args = {}) const;
    // Maps the code to an org.berth.Error name; failures that are not the
    // caller's fault are logged here, once.
    void error(const Error& error) const;
    void error(const QString& name, const QString& message) const;

    [[nodiscard]] const QDBusMessage& call() const { return m_call; }

private:
    QDBusConnection m_bus;
    QDBusMessage m_call;
    trace::Clock::time_point m_received; // for the trace: the call's whole time in the helper
};

} // namespace berth::helper
