// The desktop's terminal emulator running berthctl on a container, for
// those who prefer their own terminal to the embedded one. Which terminal:
// the setting "terminal/command", else $TERMINAL, else Debian's
// x-terminal-emulator. In that command a word "%c" stands for berthctl's
// command line; without one, "-e COMMAND..." is appended (which xterm,
// x-terminal-emulator, konsole and most others understand). Inside a
// Flatpak both the terminal and berthctl are the host's, started through
// flatpak-spawn (flatpak_host.h).
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace berth::gui {

class ExternalTerminal {
    Q_DECLARE_TR_FUNCTIONS(berth::gui::ExternalTerminal)
public:
    enum class Mode { Console, Shell };

    static inline const QString kSettingsKey = QStringLiteral("terminal/command");

    // The terminal's words, from the first of the two that is set.
    [[nodiscard]] static QStringList terminalCommand(const QString& configured, const QString& environment);
    [[nodiscard]] static QStringList berthctlCommand(const QString& berthctl, const QString& container, Mode mode);
    // The whole command line: program first.
    [[nodiscard]] static QStringList commandLine(const QStringList& terminal, const QStringList& command);

    // Starts the terminal detached; an empty string, or why it did not start.
    // root: where /.flatpak-info is looked for; tests pass their own.
    [[nodiscard]] static QString open(const QString& container, Mode mode, const QString& root = QStringLiteral("/"));
};

} // namespace berth::gui
