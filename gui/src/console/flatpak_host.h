// Where the desktop's terminal runs. Inside a Flatpak the terminal
// emulator and berthctl (from the distribution package, beside
// berth-helper) live on the host, not in the sandbox, so the terminal is
// started there through `flatpak-spawn --host`, which needs the sandbox's
// permission to talk to org.freedesktop.Flatpak (flatpak/README.md).
#pragma once

#include <QString>
#include <QStringList>

namespace berth::gui {

enum class TerminalHost {
    Local,              // not sandboxed: start the terminal here
    FlatpakHost,        // a Flatpak allowed to start programs on the host
    FlatpakNoHostAccess // a Flatpak without that permission
};

// From the text of a sandbox's /.flatpak-info (a key file): whether its
// session bus policy lets it call org.freedesktop.Flatpak.
[[nodiscard]] bool flatpakInfoAllowsHost(const QString& flatpakInfo);

// The decision for the system under `root` ("/" but in tests): Local
// when root/.flatpak-info does not exist.
[[nodiscard]] TerminalHost terminalHost(const QString& root);

// The berthctl to run: the one beside this berth when local, the host's
// own (found on the host's PATH) from a Flatpak.
[[nodiscard]] QString berthctlFor(TerminalHost host, const QString& besideApp);

// The command line that starts `line` (program first) where `host` says.
[[nodiscard]] QStringList hostCommandLine(const QStringList& line, TerminalHost host);

} // namespace berth::gui
