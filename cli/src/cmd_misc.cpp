// template list, checkconfig, export.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "local_fd.h"
#include "session.h"
#include "tr.h"
#include "views.h"

#include <unistd.h>

namespace berth::cli {

int cmdTemplate(const QStringList& args)
{
    VerbLine line(QStringLiteral("template"), QStringLiteral("list [--json]"),
                  Cli::tr("List templates with their options, types and defaults."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    if (int code = line.parse(args, 0, 1); code >= 0)
        return code;
    if (!line.positional().isEmpty() && line.positional().at(0) != QLatin1String("list"))
        return reportUsage(Cli::tr("template: unknown action '%1' (expected 'list')").arg(line.positional().at(0)));
    auto templates = helperClient().templates();
    if (!templates)
        return reportError(templates.error());
    if (line.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& t : *templates)
            array.append(templateJson(t));
        printOut(jsonText(array));
    } else {
        printOut(templatesText(*templates));
    }
    return kExitOk;
}

int cmdCheckconfig(const QStringList& args)
{
    VerbLine line(QStringLiteral("checkconfig"), QStringLiteral("[--json]"),
                  Cli::tr("What this host offers containers (as lxc-checkconfig). Exits 1 when something is missing."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    if (int code = line.parse(args, 0, 0); code >= 0)
        return code;
    auto items = helperClient().systemCheck();
    if (!items)
        return reportError(items.error());
    bool missing = false;
    QJsonArray array;
    for (const auto& item : *items) {
        missing = missing || item.status == QLatin1String("missing");
        array.append(checkItemJson(item));
    }
    printOut(line.isSet(QStringLiteral("json")) ? jsonText(array) : checkText(*items));
    return missing ? int(kExitFailure) : int(kExitOk);
}

int cmdExport(const QStringList& args)
{
    VerbLine line(QStringLiteral("export"), QStringLiteral("NAME FILE|-"),
                  Cli::tr("Write a stopped container's config and root filesystem as a gzip'd tarball to FILE or "
                          "stdout; 'berthctl create NAME -t tarball --file FILE' imports it again."));
    if (int code = line.parse(args, 2, 2); code >= 0)
        return code;
    const QString path = line.positional().at(1);
    const bool toStdout = path == QLatin1String("-");
    if (toStdout && ::isatty(STDOUT_FILENO))
        return reportUsage(Cli::tr("export: refusing to write a tarball to a terminal"));
    auto fd = toStdout ? client::LocalFd::duplicate(STDOUT_FILENO)
                       : client::LocalFd::open(path, client::LocalFd::Mode::Create);
    if (!fd)
        return reportUsage(Cli::tr("cannot create '%1': %2").arg(path, client::errnoText(fd.error())));
    auto job = helperClient().exportTo(line.positional().at(0), fd->get());
    fd->reset(); // the helper holds its own copy
    if (!job) {
        if (!toStdout)
            ::unlink(path.toLocal8Bit().constData());
        return reportError(job.error());
    }
    auto done = followJob(*job);
    if (!done && !toStdout)
        ::unlink(path.toLocal8Bit().constData());
    return done ? int(kExitOk) : reportError(done.error());
}

} // namespace berth::cli
