#include "start_log.h"

#include "local_fd.h"
#include "tr.h"

#include <array>
#include <unistd.h>
#include <utility>

namespace berth::cli {
namespace {

struct LevelName {
    LogLevel level;
    const char* name;
};

constexpr std::array kLevels{
    LevelName{LogLevel::Trace, "TRACE"},   LevelName{LogLevel::Debug, "DEBUG"}, LevelName{LogLevel::Info, "INFO"},
    LevelName{LogLevel::Notice, "NOTICE"}, LevelName{LogLevel::Warn, "WARN"},   LevelName{LogLevel::Error, "ERROR"},
    LevelName{LogLevel::Crit, "CRIT"},     LevelName{LogLevel::Alert, "ALERT"}, LevelName{LogLevel::Fatal, "FATAL"},
};

} // namespace

QStringList logLevelNames()
{
    QStringList names;
    for (const auto& entry : kLevels)
        names << QLatin1String(entry.name);
    return names;
}

Parsed<LogLevel> parseLogLevel(const QString& text)
{
    for (const auto& entry : kLevels) {
        if (text.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.level;
    }
    return std::unexpected(
        Cli::tr("invalid log level '%1' (one of %2)").arg(text, logLevelNames().join(QStringLiteral(", "))));
}

QString logLevelName(LogLevel level)
{
    for (const auto& entry : kLevels) {
        if (entry.level == level)
            return QLatin1String(entry.name);
    }
    return {};
}

QString logLineText(const QDateTime& when, LogLevel level, const QString& text)
{
    // A message of several lines (a helper's refusal) stays one event.
    QString oneLine = text.trimmed();
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return QStringLiteral("%1 %2 %3\n").arg(when.toUTC().toString(Qt::ISODateWithMs), logLevelName(level), oneLine);
}

StartLog::StartLog(std::unique_ptr<QFile> file, LogLevel threshold, bool isFile)
    : m_file(std::move(file)), m_threshold(threshold), m_isFile(isFile)
{}

Parsed<StartLog> StartLog::openFile(const QString& path, LogLevel threshold)
{
    auto fd = client::LocalFd::open(path, client::LocalFd::Mode::Append);
    if (!fd)
        return std::unexpected(Cli::tr("cannot open the log file '%1': %2").arg(path, client::errnoText(fd.error())));
    auto file = std::make_unique<QFile>();
    const auto mode = QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered;
    if (!file->open(fd->get(), mode, QFileDevice::AutoCloseHandle))
        return std::unexpected(Cli::tr("cannot open the log file '%1': %2").arg(path, file->errorString()));
    (void)fd->release(); // the file closes it now
    return StartLog(std::move(file), threshold, true);
}

StartLog StartLog::toStderr(LogLevel threshold)
{
    auto file = std::make_unique<QFile>();
    (void)file->open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle);
    return StartLog(std::move(file), threshold, false);
}

void StartLog::write(LogLevel level, const QString& text)
{
    if (level < m_threshold || !m_file->isOpen())
        return;
    // Each line as it happens, so a berthctl that is killed leaves what it saw.
    m_file->write(logLineText(QDateTime::currentDateTimeUtc(), level, text).toLocal8Bit());
}

} // namespace berth::cli
