// What berthctl's quick path (cli/quick/) hands over to this client: an
// error to report as the verb would have, or a job to go on following.
// These words are not verbs a person types; --help does not list them.
#include "commands.h"
#include "exit_codes.h"
#include "session.h"

#include <QDBusObjectPath>

namespace berth::cli {

// --report-error exec|verb ERROR-NAME MESSAGE
int handOffReportError(const QStringList& args)
{
    if (args.size() != 3)
        return reportUsage(QStringLiteral("--report-error: CONTEXT ERROR-NAME MESSAGE"));
    const client::ClientError error = client::clientError(args.at(1), args.at(2));
    (void)reportError(error);
    return args.at(0) == QLatin1String("exec") ? exitCodeForExec(error) : exitCodeFor(error.kind);
}

// --report-helper-left: the helper left the bus while a job ran.
int handOffReportHelperLeft(const QStringList&)
{
    return reportError(client::helperGone());
}

// --follow-job PATH [--cancel]
int handOffFollowJob(const QStringList& args)
{
    const bool cancel = args.size() == 2 && args.at(1) == QLatin1String("--cancel");
    if (args.isEmpty() || (args.size() == 2 && !cancel) || args.size() > 2)
        return reportUsage(QStringLiteral("--follow-job: PATH [--cancel]"));
    const QDBusObjectPath job(args.at(0));
    if (job.path().isEmpty())
        return reportUsage(QStringLiteral("--follow-job: '%1' is not an object path").arg(args.at(0)));
    return finishWith(followJob(job, false, nullptr, cancel ? FollowStart::Interrupted : FollowStart::Normally));
}

} // namespace berth::cli
