// org.berth.Manager1.GetLog: the console log in pieces, so clients follow it.
#include "service.h"

#include "validation.h"
#include "worker.h"

namespace berth::helper {

QByteArray Service::GetLog(const QString& qname, qulonglong offset, uint maxBytes, qulonglong& /*nextOffset*/,
                           qulonglong& /*size*/)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return {};
    setDelayedReply(true);
    m_lifetime.touch();
    DelayedReply reply(connection(), message());
    // What a container printed may be private to whoever runs it: as for its console.
    m_authorizer.check(message(), {QString::fromLatin1(kActionConsole)},
                       [this, reply, name, offset, maxBytes](const AuthorizationResult& auth) {
                           if (!auth.allowed) {
                               reply.error(QStringLiteral("org.berth.Error.NotAuthorized"), auth.why);
                               return;
                           }
                           runInWorker<Result<LogChunk>>(
                               this, m_lifetime,
                               [this, name, offset, maxBytes] { return m_engine.readLog(name, offset, maxBytes); },
                               [reply](Result<LogChunk> chunk) {
                                   if (!chunk) {
                                       reply.error(chunk.error());
                                       return;
                                   }
                                   reply.ok({QByteArray::fromStdString(chunk->data),
                                             QVariant::fromValue(qulonglong{chunk->nextOffset}),
                                             QVariant::fromValue(qulonglong{chunk->size})});
                               });
                       });
    return {};
}

} // namespace berth::helper
