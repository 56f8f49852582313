#include "value_parsers.h"

#include "tr.h"

#include <array>
#include <charconv>
#include <cmath>
#include <csignal>
#include <limits>
#include <string>

namespace berth::cli {
namespace {

// The unit suffix's power of 1024: "", "B", "K", "KB", "KiB", ...
std::expected<int, bool> unitPower(QString unit)
{
    unit = unit.toUpper();
    if (unit.endsWith(QLatin1Char('B')))
        unit.chop(1);
    if (unit.endsWith(QLatin1Char('I')) && unit.size() == 2)
        unit.chop(1);
    static const QString units = QStringLiteral("KMGTPE");
    if (unit.isEmpty())
        return 0;
    if (unit.size() != 1 || !units.contains(unit.at(0)))
        return std::unexpected(false);
    return int(units.indexOf(unit.at(0))) + 1;
}

// Digits with at most one '.', fully consumed.
std::expected<double, bool> decimal(const std::string& digits)
{
    if (digits.empty() || digits.front() == '.' || digits.back() == '.')
        return std::unexpected(false);
    double value = 0;
    const auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::fixed);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value))
        return std::unexpected(false);
    return value;
}

std::string numberPart(const QString& text, qsizetype* length)
{
    qsizetype i = 0;
    while (i < text.size() && (text.at(i).isDigit() || text.at(i) == QLatin1Char('.')))
        ++i;
    *length = i;
    return text.left(i).toStdString();
}

} // namespace

Parsed<std::uint64_t> parseSize(const QString& text)
{
    const auto bad = std::unexpected(Cli::tr("invalid size '%1' (examples: 512M, 1.5G, 4096)").arg(text));
    qsizetype length = 0;
    const std::string digits = numberPart(text, &length);
    const auto power = unitPower(text.mid(length));
    if (!power || digits.empty())
        return bad;
    if (digits.find('.') == std::string::npos) {
        std::uint64_t value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc() || end != digits.data() + digits.size())
            return bad;
        for (int i = 0; i < *power; ++i) {
            if (value > std::numeric_limits<std::uint64_t>::max() / 1024)
                return bad;
            value *= 1024;
        }
        return value;
    }
    const auto value = decimal(digits);
    if (!value)
        return bad;
    const double bytes = std::round(*value * std::pow(1024.0, *power));
    if (bytes >= 9.2e18)
        return bad;
    return std::uint64_t(bytes);
}

Parsed<QString> parseSizeLimit(const QString& text)
{
    if (text == QLatin1String("max"))
        return text;
    auto bytes = parseSize(text);
    if (!bytes)
        return std::unexpected(bytes.error());
    return QString::number(*bytes);
}

Parsed<QString> parseCpus(const QString& text)
{
    if (text == QLatin1String("max"))
        return text;
    const auto value = decimal(text.toStdString());
    if (!value || *value <= 0 || *value > 4096)
        return std::unexpected(Cli::tr("invalid CPU count '%1' (a number of cores such as 1.5, or max)").arg(text));
    return text;
}

namespace {

struct SignalName {
    const char* name;
    int number;
};

constexpr std::array<SignalName, 31> kSignals{{
    {"HUP", SIGHUP},   {"INT", SIGINT},       {"QUIT", SIGQUIT}, {"ILL", SIGILL},     {"TRAP", SIGTRAP},
    {"ABRT", SIGABRT}, {"IOT", SIGIOT},       {"BUS", SIGBUS},   {"FPE", SIGFPE},     {"KILL", SIGKILL},
    {"USR1", SIGUSR1}, {"SEGV", SIGSEGV},     {"USR2", SIGUSR2}, {"PIPE", SIGPIPE},   {"ALRM", SIGALRM},
    {"TERM", SIGTERM}, {"STKFLT", SIGSTKFLT}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT},   {"STOP", SIGSTOP},
    {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},     {"TTOU", SIGTTOU}, {"URG", SIGURG},     {"XCPU", SIGXCPU},
    {"XFSZ", SIGXFSZ}, {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"WINCH", SIGWINCH}, {"IO", SIGIO},
    {"PWR", SIGPWR},
}};

// "RTMIN", "RTMIN+3", "RTMAX-1" as glibc numbers them (SIGRTMIN is 34 for callers).
std::expected<int, bool> realtimeSignal(const QString& name)
{
    const bool fromMin = name.startsWith(QLatin1String("RTMIN"));
    if (!fromMin && !name.startsWith(QLatin1String("RTMAX")))
        return std::unexpected(false);
    const int base = fromMin ? SIGRTMIN : SIGRTMAX;
    const QString rest = name.mid(5);
    if (rest.isEmpty())
        return base;
    const QChar sign = rest.at(0);
    if ((fromMin && sign != QLatin1Char('+')) || (!fromMin && sign != QLatin1Char('-')))
        return std::unexpected(false);
    const auto offset = parseInteger(rest.mid(1), 0, SIGRTMAX - SIGRTMIN);
    if (!offset)
        return std::unexpected(false);
    return fromMin ? base + int(*offset) : base - int(*offset);
}

} // namespace

Parsed<int> parseSignal(const QString& text)
{
    const auto bad = std::unexpected(Cli::tr("invalid signal '%1' (a name such as TERM or a number 1-64)").arg(text));
    if (!text.isEmpty() && text.at(0).isDigit()) {
        const auto number = parseInteger(text, 1, 64);
        return number ? Parsed<int>(int(*number)) : bad;
    }
    QString name = text.toUpper();
    if (name.startsWith(QLatin1String("SIG")))
        name = name.mid(3);
    for (const auto& known : kSignals) {
        if (name == QLatin1String(known.name))
            return known.number;
    }
    const auto realtime = realtimeSignal(name);
    return realtime ? Parsed<int>(*realtime) : bad;
}

Parsed<std::pair<QString, QString>> parseKeyValue(const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return std::unexpected(Cli::tr("expected key=value, got '%1'").arg(text));
    return std::pair{text.left(equals), text.mid(equals + 1)};
}

Parsed<std::int64_t> parseInteger(const QString& text, std::int64_t minimum, std::int64_t maximum)
{
    const std::string digits = text.toStdString();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < minimum ||
        value > maximum)
        return std::unexpected(Cli::tr("invalid number '%1' (expected %2 to %3)").arg(text).arg(minimum).arg(maximum));
    return value;
}

QString formatSize(std::uint64_t bytes)
{
    static const char units[] = "KMGTPE";
    if (bytes < 1024)
        return QStringLiteral("%1B").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1%2").arg(value, 0, 'f', 1).arg(QLatin1Char(units[unit]));
}

} // namespace berth::cli
