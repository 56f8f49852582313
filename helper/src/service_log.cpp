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
    // What a container printed may be private to whoever runs it: as for its console.
    runAuthorized<LogChunk>(
        Authorizer::always({QString::fromLatin1(kActionConsole)}),
        [this, name, offset, maxBytes] { return m_engine.readLog(name, offset, maxBytes); },
        [](const DelayedReply& reply, const AuthorizationResult&, LogChunk chunk) {
            reply.ok({QByteArray::fromStdString(chunk.data), QVariant::fromValue(qulonglong{chunk.nextOffset}),
                      QVariant::fromValue(qulonglong{chunk.size})});
        });
    return {};
}

} // namespace berth::helper
