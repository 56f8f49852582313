#include "command_line.h"

#include "exit_codes.h"
#include "tr.h"

#include <cstdio>

namespace berth::cli {

QString exitCodesHelp()
{
    return Cli::tr("Exit codes:\n"
                   "  0  success\n"
                   "  1  failure\n"
                   "  2  usage error or invalid argument\n"
                   "  3  not authorized\n"
                   "  4  no such container or image\n"
                   "  5  busy (another operation holds the container)\n"
                   "  6  the helper (org.berth.Berth1) cannot be reached\n"
                   "  exec and run: the command's own exit status\n"
                   "  exec: 127 if the command is not found, 126 if it cannot be run\n");
}

VerbLine::VerbLine(const QString& verb, const QString& synopsis, const QString& description)
    : m_verb(verb), m_synopsis(synopsis)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

void VerbLine::addFlag(const QStringList& names, const QString& help)
{
    m_parser.addOption(QCommandLineOption(names, help));
}

void VerbLine::addValue(const QStringList& names, const QString& valueName, const QString& help)
{
    m_parser.addOption(QCommandLineOption(names, help, valueName));
}

QString VerbLine::helpText() const
{
    QString text = m_parser.helpText();
    // Qt's first line names argv[0] and nothing of the verb.
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    text.replace(0, firstBreak, Cli::tr("Usage: berthctl %1 %2").arg(m_verb, m_synopsis));
    return text + QLatin1Char('\n') + exitCodesHelp();
}

int VerbLine::parse(const QStringList& args, int minPositional, int maxPositional)
{
    QStringList before = args;
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes >= 0) {
        m_hadDashes = true;
        before = args.mid(0, dashes);
        m_afterDashes = args.mid(dashes + 1);
    }
    if (!m_parser.parse(QStringList{QStringLiteral("berthctl")} + before)) {
        std::fprintf(stderr, "berthctl %s: %s\n", qPrintable(m_verb), qPrintable(m_parser.errorText()));
        return kExitUsage;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(helpText()), stdout);
        return kExitOk;
    }
    m_positional = m_parser.positionalArguments();
    if (m_positional.size() < minPositional || (maxPositional >= 0 && m_positional.size() > maxPositional)) {
        std::fprintf(stderr, "%s", qPrintable(Cli::tr("Usage: berthctl %1 %2\n").arg(m_verb, m_synopsis)));
        std::fprintf(stderr, "%s", qPrintable(Cli::tr("Try 'berthctl %1 --help'.\n").arg(m_verb)));
        return kExitUsage;
    }
    return -1;
}

} // namespace berth::cli
