#include "error_text.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

} // namespace

QString errorText(const client::ClientError& error, const QString& what)
{
    using client::ErrorKind;
    switch (error.kind) {
    case ErrorKind::NotAuthorized:
        // The helper's refusal for host access names each line and rule
        // (helper/src/host_reason.h): show them, they say what to change.
        if (error.message.startsWith(QLatin1String("not authorized: ")))
            return ErrorText::tr("You are not allowed to %1: %2").arg(what, error.message.mid(16));
        return ErrorText::tr("You are not allowed to %1.").arg(what);
    case ErrorKind::NoHelper:
        return ErrorText::tr("Could not %1: the Berth helper service cannot be reached.").arg(what);
    case ErrorKind::Busy:
        // The helper's reason says what holds it (a lock, a frozen
        // container, a cgroup exec cannot join): shown when there is one.
        if (!error.message.isEmpty())
            break;
        return ErrorText::tr("Could not %1: another operation on it is still running. Try again in a moment.")
            .arg(what);
    case ErrorKind::NotFound:
        return ErrorText::tr("Could not %1: it does not exist (any more).").arg(what);
    default:
        break;
    }
    return ErrorText::tr("Could not %1: %2").arg(what, error.message);
}

} // namespace berth::gui
