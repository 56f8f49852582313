// The answer to a call the helper finishes later (after polkit answered,
// after a worker thread is done): keeps the call and its connection.
#pragma once

#include "berth/error.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QString>
#include <QVariantList>

namespace berth::helper {

class DelayedReply {
public:
    DelayedReply(QDBusConnection bus, QDBusMessage call) : m_bus(std::move(bus)), m_call(std::move(call)) {}

    void ok(const QVariantList& args = {}) const;
    // Maps the code to an org.berth.Error name; failures that are not the
    // caller's fault are logged here, once.
    void error(const Error& error) const;
    void error(const QString& name, const QString& message) const;

    [[nodiscard]] const QDBusMessage& call() const { return m_call; }

private:
    QDBusConnection m_bus;
    QDBusMessage m_call;
};

} // namespace berth::helper
