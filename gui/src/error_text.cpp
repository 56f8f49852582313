#include "error_text.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
};

// The helper's message without the context `what` already gives: the
// engine says "create 'x': cancelled", the sentence around it names
// "create 'x'" once.
QString withoutContext(const QString& message, const QString& what)
{
    const QString prefix = what + QLatin1String(": ");
    return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
}

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
        // The helper's reason names what is missing ("no cgroup hierarchy
        // is mounted" is not the container): the general sentence only
        // when it gave none.
        if (!error.message.isEmpty())
            break;
        return ErrorText::tr("Could not %1: it does not exist (any more).").arg(what);
    case ErrorKind::HelperGone:
        // Not "nothing was finished": a stop goes on in the monitor.
        return ErrorText::tr("Could not %1: the Berth helper stopped before it was done. The list shows what is in "
                             "force now; try again if it is not done (the helper starts again and removes what was "
                             "left half-made).")
            .arg(what);
    default:
        break;
    }
    return ErrorText::tr("Could not %1: %2").arg(what, withoutContext(error.message, what));
}

} // namespace berth::gui
