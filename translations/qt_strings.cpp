// Not compiled: lupdate reads it. berthctl's help and option errors come
// from QCommandLineParser, whose own translations (qtbase_*.qm) Debian ships
// in a package Berth does not require; listing them here puts them in Berth's
// .ts files under Qt's context, where QCommandLineParser::tr() finds them.
#include <QtGlobal>

static const char* const qtStrings[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};
