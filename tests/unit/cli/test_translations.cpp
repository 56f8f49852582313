// The translations are complete and current, berthctl loads them, and the
// polkit policy carries every language too.
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <charconv>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString translation;
    QStringList forms; // of a plural message (<numerusform>)
    QString type;
    bool hasTranslation = false;
};

struct TsFile {
    QString language;
    QList<TsMessage> messages;
    QString error;
};

// lupdate writes characters that XML cannot hold (the \r of the console
// message) as <byte value="xd"/>.
QChar byteValue(QXmlStreamReader& xml)
{
    const QByteArray hex = xml.attributes().value(QLatin1String("value")).toLatin1();
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(hex.constBegin() + (hex.startsWith('x') ? 1 : 0), hex.constEnd(), value, 16);
    if (ec != std::errc() || end != hex.constEnd() || value > 0xffff)
        xml.raiseError(QStringLiteral("bad <byte value=\"%1\"/>").arg(QString::fromLatin1(hex)));
    return QChar(char16_t(value));
}

// The text of the current element, <byte> elements included.
QString elementText(QXmlStreamReader& xml)
{
    QString text;
    const QString name = xml.name().toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            text += xml.text();
        else if (xml.isStartElement() && xml.name() == QLatin1String("byte"))
            text += byteValue(xml);
        else if (xml.isEndElement() && xml.name() == name)
            break;
    }
    return text;
}

// A plural message's translation is one <numerusform> per plural form.
void readTranslation(QXmlStreamReader& xml, TsMessage& message)
{
    message.hasTranslation = true;
    message.type = xml.attributes().value(QLatin1String("type")).toString();
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            message.translation += xml.text();
        else if (xml.isStartElement() && xml.name() == QLatin1String("byte"))
            message.translation += byteValue(xml);
        else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
            message.forms << elementText(xml);
        else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
            break;
    }
}

TsMessage readMessage(QXmlStreamReader& xml, const QString& context)
{
    TsMessage message{context, {}, {}, {}, {}, false};
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("source")) {
            message.source = elementText(xml);
        } else if (xml.name() == QLatin1String("translation")) {
            readTranslation(xml, message);
        } else {
            xml.skipCurrentElement();
        }
    }
    return message;
}

void readContext(QXmlStreamReader& xml, TsFile& file)
{
    QString name;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("name"))
            name = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            file.messages << readMessage(xml, name);
        else
            xml.skipCurrentElement();
    }
}

TsFile parseTs(const QByteArray& data)
{
    TsFile file;
    QXmlStreamReader xml(data);
    if (xml.readNextStartElement() && xml.name() == QLatin1String("TS")) {
        file.language = xml.attributes().value(QLatin1String("language")).toString();
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("context"))
                readContext(xml, file);
            else
                xml.skipCurrentElement();
        }
    } else if (!xml.hasError()) {
        xml.raiseError(QStringLiteral("no <TS> element"));
    }
    if (xml.hasError())
        file.error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return file;
}

TsFile readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {}, QStringLiteral("cannot open %1: %2").arg(path, file.errorString())};
    return parseTs(file.readAll());
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%[1-9n]"));
    QSet<QString> found;
    for (const auto& match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// Help texts are laid out line by line; a translation keeps the layout.
bool sameLineBreaks(const QString& source, const QString& translation)
{
    return source.count(QLatin1Char('\n')) == translation.count(QLatin1Char('\n')) &&
           source.count(QLatin1Char('\r')) == translation.count(QLatin1Char('\r')) &&
           source.startsWith(QLatin1Char('\n')) == translation.startsWith(QLatin1Char('\n')) &&
           source.endsWith(QLatin1Char('\n')) == translation.endsWith(QLatin1Char('\n'));
}

// How many plural forms a language has (Qt's rules for the languages Berth has).
qsizetype pluralForms(const QString& language)
{
    return language.startsWith(QLatin1String("zh")) ? 1 : 2;
}

QString textProblem(const QString& source, const QString& translation)
{
    if (translation.trimmed().isEmpty())
        return QStringLiteral("empty translation");
    if (placeholders(source) != placeholders(translation))
        return QStringLiteral("placeholders differ: '%1'").arg(translation);
    if (!sameLineBreaks(source, translation))
        return QStringLiteral("line breaks differ: '%1'").arg(translation);
    return {};
}

QString messageProblem(const TsMessage& m, const QString& language)
{
    static const QStringList badTypes{QStringLiteral("unfinished"), QStringLiteral("vanished"),
                                      QStringLiteral("obsolete")};
    if (!m.hasTranslation)
        return QStringLiteral("no translation");
    if (badTypes.contains(m.type))
        return QStringLiteral("translation is %1").arg(m.type);
    if (m.forms.isEmpty())
        return textProblem(m.source, m.translation);
    if (m.forms.size() != pluralForms(language))
        return QStringLiteral("%1 plural forms, %2 needs %3")
            .arg(m.forms.size())
            .arg(language)
            .arg(pluralForms(language));
    for (const QString& form : m.forms) {
        if (const QString problem = textProblem(m.source, form); !problem.isEmpty())
            return problem;
    }
    return {};
}

// Every problem of the file, one a line, so that one run lists them all.
QStringList problems(const TsFile& file, const QString& expectedLanguage)
{
    if (!file.error.isEmpty())
        return {file.error};
    QStringList out;
    if (file.language != expectedLanguage)
        out << QStringLiteral("language is '%1', not '%2'").arg(file.language, expectedLanguage);
    if (file.messages.isEmpty())
        out << QStringLiteral("no messages");
    for (const auto& m : file.messages) {
        if (const QString problem = messageProblem(m, expectedLanguage); !problem.isEmpty())
            out << QStringLiteral("[%1] '%2': %3").arg(m.context, m.source, problem);
    }
    return out;
}

QStringList listDefine(const char* joined)
{
    return QString::fromUtf8(joined).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

// berth_zh_CN.ts -> zh_CN
QString languageOf(const QString& tsPath)
{
    const QString base = QFileInfo(tsPath).completeBaseName();
    return base.mid(base.indexOf(QLatin1Char('_')) + 1);
}

QByteArray tsWith(const QByteArray& message)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n<TS version=\"2.1\" language=\"de\">\n"
           "<context><name>berthctl</name>\n" +
           message + "\n</context>\n</TS>\n";
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkerCatches_data();
    void checkerCatches();
    void tsComplete_data();
    void tsComplete();
    void tsCurrent_data();
    void tsCurrent();
    void berthctlSpeaks_data();
    void berthctlSpeaks();
    void policyTranslated();
};

// The checks below pass only if they can fail: each bad case is caught.
void TestTranslations::checkerCatches_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("good");
    QTest::newRow("translated") << QByteArray(
                                       "<message><source>cannot open '%1': %2</source>"
                                       "<translation>'%1' kann nicht geöffnet werden: %2</translation></message>")
                                << true;
    QTest::newRow("carriage return") << QByteArray("<message><source>a<byte value=\"xd\"/>\n</source>"
                                                   "<translation>b<byte value=\"xd\"/>\n</translation></message>")
                                     << true;
    QTest::newRow("unfinished") << QByteArray(
                                       "<message><source>Start a container</source>"
                                       "<translation type=\"unfinished\">Container starten</translation></message>")
                                << false;
    QTest::newRow("vanished") << QByteArray("<message><source>old</source>"
                                            "<translation type=\"vanished\">alt</translation></message>")
                              << false;
    QTest::newRow("obsolete") << QByteArray("<message><source>old</source>"
                                            "<translation type=\"obsolete\">alt</translation></message>")
                              << false;
    QTest::newRow("no translation") << QByteArray("<message><source>Start</source></message>") << false;
    QTest::newRow("empty") << QByteArray("<message><source>Start</source><translation> </translation></message>")
                           << false;
    QTest::newRow("lost placeholder") << QByteArray("<message><source>unknown limit '%1'</source>"
                                                    "<translation>unbekannte Grenze</translation></message>")
                                      << false;
    QTest::newRow("added placeholder") << QByteArray("<message><source>not authorized</source>"
                                                     "<translation>%1 nicht berechtigt</translation></message>")
                                       << false;
    QTest::newRow("lost newline") << QByteArray("<message><source>No changes.\n</source>"
                                                "<translation>Keine Änderungen.</translation></message>")
                                  << false;
    QTest::newRow("lost carriage return") << QByteArray("<message><source>a<byte value=\"xd\"/>\n</source>"
                                                        "<translation>b\n</translation></message>")
                                          << false;
    QTest::newRow("plural") << QByteArray("<message numerus=\"yes\"><source>%n match(es)</source><translation>"
                                          "<numerusform>%n Treffer</numerusform><numerusform>%n Treffer</numerusform>"
                                          "</translation></message>")
                            << true;
    QTest::newRow("plural, one form") << QByteArray(
                                             "<message numerus=\"yes\"><source>%n match(es)</source><translation>"
                                             "<numerusform>%n Treffer</numerusform></translation></message>")
                                      << false;
    QTest::newRow("plural form without %n") << QByteArray("<message numerus=\"yes\"><source>%n match(es)</source>"
                                                          "<translation><numerusform>%n Treffer</numerusform>"
                                                          "<numerusform>Treffer</numerusform></translation></message>")
                                            << false;
    QTest::newRow("not XML") << QByteArray("<message><source>a</source><translation>b</message>") << false;
}

void TestTranslations::checkerCatches()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, good);
    const QStringList found = problems(parseTs(tsWith(message)), QStringLiteral("de"));
    QVERIFY2(found.isEmpty() == good, qPrintable(found.join(QLatin1Char('\n'))));
}

void TestTranslations::tsComplete_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : listDefine(BERTH_TS_FILES))
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::tsComplete()
{
    QFETCH(QString, path);
    const QStringList found = problems(readTs(path), languageOf(path));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestTranslations::tsCurrent_data()
{
    tsComplete_data();
}

// lupdate on a copy marks strings new in the sources as unfinished and
// strings gone from them as vanished: either means 'ninja update_translations'
// and translating were forgotten.
void TestTranslations::tsCurrent()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(BERTH_LUPDATE),
                  listDefine(BERTH_TR_SOURCES) + listDefine(BERTH_LUPDATE_OPTIONS) +
                      QStringList{QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());
    const QStringList found = problems(readTs(copy), languageOf(path));
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("run 'ninja update_translations' and translate:\n") +
                                         found.join(QLatin1Char('\n'))));
}

void TestTranslations::berthctlSpeaks_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QStringList help{QStringLiteral("--help")};
    const QStringList listHelp{QStringLiteral("list"), QStringLiteral("--help")};
    QTest::newRow("de") << QStringLiteral("de_DE.UTF-8") << help << QStringLiteral("Verwaltet Berth-Container");
    QTest::newRow("de, Qt's strings") << QStringLiteral("de_DE.UTF-8") << listHelp << QStringLiteral("\nOptionen:\n");
    QTest::newRow("de_AT") << QStringLiteral("de_AT.UTF-8") << help << QStringLiteral("\nBefehle:\n");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << help << QStringLiteral("管理 Berth 容器");
    QTest::newRow("zh_CN, a verb") << QStringLiteral("zh_CN.UTF-8") << listHelp << QStringLiteral("列出容器。");
    QTest::newRow("C") << QStringLiteral("C") << help << QStringLiteral("\nCommands:\n");
    QTest::newRow("fr (none)") << QStringLiteral("fr_FR.UTF-8") << help << QStringLiteral("\nCommands:\n");
}

void TestTranslations::berthctlSpeaks()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("LANG"), lang);
    QProcess ctl;
    ctl.setProcessEnvironment(env);
    ctl.start(QStringLiteral(BERTH_CTL), args);
    QVERIFY2(ctl.waitForFinished(60000), qPrintable(ctl.errorString()));
    QCOMPARE(ctl.exitCode(), 0);
    const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
    QVERIFY2(out.contains(expected), qPrintable(out));
}

// Every action has its description and message in English, German and Chinese,
// in a form polkit shows.
void TestTranslations::policyTranslated()
{
    QFile file(QStringLiteral(BERTH_POLICY));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    QXmlStreamReader xml(&file);
    QMap<QString, QStringList> texts; // action id -> "tag/lang" seen
    QString action;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("action"))
            action = xml.attributes().value(QLatin1String("id")).toString();
        if (xml.name() != QLatin1String("description") && xml.name() != QLatin1String("message"))
            continue;
        // Debian's polkit ignores the xml:lang elements of a text with a
        // gettext domain, and Berth ships no gettext catalog.
        QVERIFY2(!xml.attributes().hasAttribute(QLatin1String("gettext-domain")),
                 qPrintable(QStringLiteral("%1: gettext-domain hides the xml:lang texts").arg(action)));
        const QString key =
            xml.name().toString() + QLatin1Char('/') + xml.attributes().value(QLatin1String("xml:lang")).toString();
        if (!xml.readElementText().trimmed().isEmpty())
            texts[action] << key;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(texts.size(), 7); // six container, network and host actions, and org.berth.image.manage
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        for (const char* key :
             {"description/", "description/de", "description/zh_CN", "message/", "message/de", "message/zh_CN"})
            QVERIFY2(it.value().contains(QLatin1String(key)), qPrintable(it.key() + QLatin1Char(' ') + key));
    }
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
