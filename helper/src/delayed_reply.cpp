#include "delayed_reply.h"

#include "error_names.h"
#include "logging.h"

namespace berth::helper {

namespace {

void traceCall(const QDBusMessage& call, trace::Clock::time_point received)
{
    if (trace::enabled())
        trace::record("helper", "call " + call.member().toStdString(), received, trace::Clock::now());
}

} // namespace

void DelayedReply::ok(const QVariantList& args) const
{
    traceCall(m_call, m_received);
    m_bus.send(m_call.createReply(args));
}

void DelayedReply::error(const Error& error) const
{
    const auto name = errorNameFor(error);
    const QString message = QString::fromStdString(error.describe());
    if (name == kErrorFailed)
        qCWarning(lcHelper).noquote() << m_call.member() << "failed:" << message;
    this->error(QString::fromLatin1(name.data(), qsizetype(name.size())), message);
}

void DelayedReply::error(const QString& name, const QString& message) const
{
    traceCall(m_call, m_received);
    m_bus.send(m_call.createErrorReply(name, message));
}

} // namespace berth::helper
