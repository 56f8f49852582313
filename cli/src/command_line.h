// One verb's command line: a QCommandLineParser with --help, the verb's
// synopsis in its usage line, a count of positional arguments, and the
// words after "--" kept apart (exec and run pass them on untouched).
#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace berth::cli {

class VerbLine {
public:
    VerbLine(const QString& verb, const QString& synopsis, const QString& description);

    QCommandLineParser& parser() { return m_parser; }
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }
    void addFlag(const QStringList& names, const QString& help);
    void addValue(const QStringList& names, const QString& valueName, const QString& help);

    // args: the words after the verb. Returns -1 to go on, else the exit
    // code to return (0 after --help, 2 on a usage error, with a message).
    int parse(const QStringList& args, int minPositional, int maxPositional);

    [[nodiscard]] bool isSet(const QString& name) const { return m_parser.isSet(name); }
    [[nodiscard]] QString value(const QString& name) const { return m_parser.value(name); }
    [[nodiscard]] QStringList values(const QString& name) const { return m_parser.values(name); }
    [[nodiscard]] const QStringList& positional() const { return m_positional; }
    [[nodiscard]] const QStringList& afterDashes() const { return m_afterDashes; }
    [[nodiscard]] bool hadDashes() const { return m_hadDashes; }
    [[nodiscard]] QString helpText() const;

private:
    QString m_verb;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QStringList m_positional;
    QStringList m_afterDashes;
    bool m_hadDashes = false;
};

// The exit codes' text, the tail of every --help.
[[nodiscard]] QString exitCodesHelp();

} // namespace berth::cli
