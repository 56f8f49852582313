#include "external_terminal.h"

#include "flatpak_host.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

namespace berth::gui {
namespace {

const QString kPlaceholder = QStringLiteral("%c");

// The berthctl installed beside this berth (or built beside it), so the
// two always speak the same version of the interface; else PATH's.
QString berthctlPath()
{
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("berthctl"));
    return QFileInfo(beside).isExecutable() ? beside : QStringLiteral("berthctl");
}

} // namespace

QStringList ExternalTerminal::terminalCommand(const QString& configured, const QString& environment)
{
    for (const QString& candidate : {configured, environment}) {
        const QStringList words = QProcess::splitCommand(candidate);
        if (!words.isEmpty())
            return words;
    }
    return {QStringLiteral("x-terminal-emulator")};
}

QStringList ExternalTerminal::berthctlCommand(const QString& berthctl, const QString& container, Mode mode)
{
    if (mode == Mode::Console)
        return {berthctl, QStringLiteral("console"), container};
    return {berthctl, QStringLiteral("exec"), container, QStringLiteral("--"), QStringLiteral("/bin/sh")};
}

QStringList ExternalTerminal::commandLine(const QStringList& terminal, const QStringList& command)
{
    QStringList line;
    bool placed = false;
    for (const QString& word : terminal) {
        if (word == kPlaceholder && !placed) {
            line << command;
            placed = true;
        } else {
            line << word;
        }
    }
    if (!placed)
        line << QStringLiteral("-e") << command;
    return line;
}

QString ExternalTerminal::open(const QString& container, Mode mode, const QString& root)
{
    const TerminalHost host = terminalHost(root);
    if (host == TerminalHost::FlatpakNoHostAccess)
        return tr("Berth runs as a Flatpak that may not start programs on the host, so it cannot open a terminal "
                  "there. Use the Console tab, or allow it with: flatpak override --user "
                  "--talk-name=org.freedesktop.Flatpak org.berth.Berth");
    const QString configured = QSettings().value(kSettingsKey).toString();
    const QStringList line =
        hostCommandLine(commandLine(terminalCommand(configured, qEnvironmentVariable("TERMINAL")),
                                    berthctlCommand(berthctlFor(host, berthctlPath()), container, mode)),
                        host);
    const QString program = QStandardPaths::findExecutable(line.first());
    if (program.isEmpty())
        return tr("The terminal program '%1' was not found. Choose one in the settings.").arg(line.first());
    if (!QProcess::startDetached(program, line.mid(1)))
        return tr("The terminal program '%1' could not be started.").arg(line.first());
    return {};
}

} // namespace berth::gui
