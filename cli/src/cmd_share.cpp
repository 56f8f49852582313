// share and unshare: a host folder in a container (berth.share). berthctl
// opens the folder itself and passes the descriptor: the helper never opens
// a path it is given, and checks the folder's owner against the caller.
#include "commands.h"
#include "command_line.h"
#include "exit_codes.h"
#include "local_fd.h"
#include "session.h"
#include "tr.h"

namespace berth::cli {

int cmdShare(const QStringList& args)
{
    VerbLine line(QStringLiteral("share"), QStringLiteral("NAME HOSTDIR TARGET [--user USER]"),
                  Cli::tr("Share a host folder with a container at TARGET, from its next start on. Your files in it "
                          "belong to USER inside (root unless given), everyone else's to nobody. Sharing a folder "
                          "you own needs no password; anyone else's needs an administrator."));
    line.addValue({QStringLiteral("u"), QStringLiteral("user")}, QStringLiteral("USER"),
                  Cli::tr("Whom your files belong to inside: root, a user of the container, or a number."));
    if (int code = line.parse(args, 3, 3); code >= 0)
        return code;
    const QString name = line.positional().at(0);
    const QString folder = line.positional().at(1);
    const QString target = line.positional().at(2);
    const QString user =
        line.isSet(QStringLiteral("user")) ? line.value(QStringLiteral("user")) : QStringLiteral("root");
    auto fd = client::LocalFd::open(folder, client::LocalFd::Mode::ReadDirectory);
    if (!fd)
        return reportUsage(Cli::tr("cannot open '%1': %2").arg(folder, client::errnoText(fd.error())));
    auto shared = helperClient().shareFolder(name, fd->get(), target, user);
    fd->reset(); // the helper holds its own copy
    if (!shared)
        return reportError(shared.error());
    printOut(Cli::tr("'%1' is shared at '%2' in '%3' from its next start on.\n").arg(folder, target, name));
    return kExitOk;
}

int cmdUnshare(const QStringList& args)
{
    VerbLine line(QStringLiteral("unshare"), QStringLiteral("NAME TARGET"),
                  Cli::tr("Stop sharing the folder at TARGET with a container, from its next start on."));
    if (int code = line.parse(args, 2, 2); code >= 0)
        return code;
    const QString name = line.positional().at(0);
    const QString target = line.positional().at(1);
    auto unshared = helperClient().unshareFolder(name, target);
    if (!unshared)
        return reportError(unshared.error());
    printOut(Cli::tr("'%1' in '%2' is no longer shared from its next start on.\n").arg(target, name));
    return kExitOk;
}

} // namespace berth::cli
