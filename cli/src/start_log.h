// berthctl start's log (lxc-start -o FILE -l LEVEL): one line per event,
// "TIME LEVEL text", to a file berthctl opens as its user (the helper never
// opens a caller's path) or to stderr; lines below the level are left out.
#pragma once

#include "value_parsers.h"

#include <QDateTime>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace berth::cli {

// lxc's priorities, lowest first.
enum class LogLevel { Trace, Debug, Info, Notice, Warn, Error, Crit, Alert, Fatal };

// lxc's names, in any case: "error", "WARN", "Info".
[[nodiscard]] Parsed<LogLevel> parseLogLevel(const QString& text);
[[nodiscard]] QString logLevelName(LogLevel level);
// All of them, lowest first.
[[nodiscard]] QStringList logLevelNames();
// "2026-12-06T19:01:06.123Z ERROR text", the text on one line.
[[nodiscard]] QString logLineText(const QDateTime& when, LogLevel level, const QString& text);

class StartLog {
public:
    // Appends to `path`, created 0644 under the umask as lxc-start does.
    [[nodiscard]] static Parsed<StartLog> openFile(const QString& path, LogLevel threshold);
    [[nodiscard]] static StartLog toStderr(LogLevel threshold);

    void write(LogLevel level, const QString& text);
    [[nodiscard]] bool isFile() const { return m_isFile; }

private:
    StartLog(std::unique_ptr<QFile> file, LogLevel threshold, bool isFile);

    std::unique_ptr<QFile> m_file;
    LogLevel m_threshold;
    bool m_isFile;
};

} // namespace berth::cli
