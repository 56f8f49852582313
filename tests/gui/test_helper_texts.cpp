// HelperTexts: every text the engine's template catalog and system check
// send goes through translation (context berth::model, by id), every one of
// model's texts has a German and a Chinese translation, a text it does not
// know or whose English changed comes back as the helper sent it, and under
// the German translation a known text comes out in German.
#include "helper_texts.h"

#include "berth/model/texts.h"
#include "berth/templates.h"
#include "check/check_text.h"

#include <QTranslator>
#include <QtTest>

using berth::client::CheckItem;
using berth::client::TemplateInfo;
using berth::client::TemplateOption;
using berth::gui::HelperTexts;

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Brackets every text of model's context, so a test sees which texts went
// through the translation and from which English.
class BracketTranslator : public QTranslator {
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, berth::model::kTextContext.data()) != 0)
            return {};
        return QLatin1Char('[') + QString::fromUtf8(source) + QLatin1Char(']');
    }
};

QString bracketed(const QString& text)
{
    return QLatin1Char('[') + text + QLatin1Char(']');
}

// The helper's reply for an engine template, as the GUI receives it.
TemplateInfo clientTemplate(const berth::TemplateInfo& info)
{
    TemplateInfo result{.name = qs(info.name), .label = qs(info.label), .description = qs(info.description)};
    for (const berth::TemplateOption& option : info.options)
        result.options << TemplateOption{
            .key = qs(option.key), .label = qs(option.label), .description = qs(option.description)};
    return result;
}

// The helper's reply for an engine check item: the group title comes from
// the group id, the first part of the item's id.
CheckItem clientCheckItem(const berth::check::CheckText& text)
{
    const std::string_view id = text.id;
    const std::string_view groupId = id.substr(0, id.find('.'));
    return CheckItem{.group = qs(berth::check::groupTitle(groupId)),
                     .id = qs(id),
                     .title = qs(text.label),
                     .status = QStringLiteral("ok"),
                     .detail = QStringLiteral("found"),
                     .explanation = qs(text.description)};
}

TemplateOption option(const QString& key, const QString& label, const QString& description)
{
    return TemplateOption{.key = key, .label = label, .description = description};
}

} // namespace

class TestHelperTexts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(QCoreApplication::installTranslator(&m_brackets)); }
    void cleanup() { QCoreApplication::removeTranslator(&m_brackets); }

    void everyEngineTemplateTextIsKnown()
    {
        QVERIFY(!berth::templateCatalog().empty());
        for (const berth::TemplateInfo& engine : berth::templateCatalog()) {
            const TemplateInfo info = clientTemplate(engine);
            QCOMPARE(HelperTexts::templateLabel(info), bracketed(info.label));
            QCOMPARE(HelperTexts::templateDescription(info), bracketed(info.description));
            for (const TemplateOption& option : info.options) {
                QCOMPARE(HelperTexts::optionLabel(info.name, option), bracketed(option.label));
                QCOMPARE(HelperTexts::optionDescription(info.name, option), bracketed(option.description));
            }
        }
    }

    void everyEngineCheckTextIsKnown()
    {
        QVERIFY(!berth::check::allCheckTexts().empty());
        for (const berth::check::CheckText& text : berth::check::allCheckTexts()) {
            const CheckItem item = clientCheckItem(text);
            QVERIFY2(!item.group.isEmpty(), qPrintable(item.id));
            QCOMPARE(HelperTexts::checkGroup(item), bracketed(item.group));
            QCOMPARE(HelperTexts::checkTitle(item), bracketed(item.title));
            QCOMPARE(HelperTexts::checkExplanation(item), bracketed(item.explanation));
        }
    }

    // What lupdate found in model/src: every text of every table.
    void everyModelTextIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void everyModelTextIsTranslated()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/berth_%1.qm").arg(language)));
        const char* context = berth::model::kTextContext.data();
        int texts = 0;
        for (const auto table : {berth::model::templateTexts(), berth::model::optionTexts(), berth::model::checkTexts(),
                                 berth::model::checkGroupTexts()}) {
            for (const berth::model::Text& text : table) {
                for (const std::string_view source : {text.label, text.description}) {
                    if (source.empty())
                        continue;
                    ++texts;
                    QVERIFY2(!translator.translate(context, source.data()).isEmpty(), source.data());
                }
            }
        }
        QVERIFY(texts > 0);
    }

    void unknownOrChangedTextIsTheHelpers_data()
    {
        QTest::addColumn<CheckItem>("item");
        QTest::addColumn<bool>("groupKnown");
        QTest::newRow("unknown id") << CheckItem{QStringLiteral("Namespaces"),
                                                 QStringLiteral("ns.time"),
                                                 QStringLiteral("Time namespace"),
                                                 QStringLiteral("ok"),
                                                 {},
                                                 QStringLiteral("Containers get clocks of their own.")}
                                    << true;
        QTest::newRow("unknown group") << CheckItem{QStringLiteral("Hardware"),
                                                    QStringLiteral("hw.gpu"),
                                                    QStringLiteral("GPU"),
                                                    QStringLiteral("ok"),
                                                    {},
                                                    QStringLiteral("Containers can use the GPU.")}
                                       << false;
        QTest::newRow("reworded") << CheckItem{QStringLiteral("Name spaces"),
                                               QStringLiteral("ns.pid"),
                                               QStringLiteral("Process ID namespace"),
                                               QStringLiteral("ok"),
                                               {},
                                               QStringLiteral("Containers number their processes from 1.")}
                                  << false;
    }

    void unknownOrChangedTextIsTheHelpers()
    {
        QFETCH(CheckItem, item);
        QFETCH(bool, groupKnown);
        QCOMPARE(HelperTexts::checkGroup(item), groupKnown ? bracketed(item.group) : item.group);
        QCOMPARE(HelperTexts::checkTitle(item), item.title);
        QCOMPARE(HelperTexts::checkExplanation(item), item.explanation);
    }

    void unknownOrChangedOptionIsTheHelpers_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<TemplateOption>("option");
        QTest::newRow("unknown key") << QStringLiteral("debian")
                                     << option(QStringLiteral("keyring"), QStringLiteral("Keyring"),
                                               QStringLiteral("The keyring to check the archive with"));
        // Debian's snapshot is of its cached installation, never of a source.
        QTest::newRow("clone's wording in debian")
            << QStringLiteral("debian")
            << option(QStringLiteral("snapshot"), QStringLiteral("Shallow copy"),
                      QStringLiteral("Make the root filesystem an overlayfs snapshot of the source (instant, shares "
                                     "unchanged files) instead of a full copy"));
    }

    void unknownOrChangedOptionIsTheHelpers()
    {
        QFETCH(QString, templateName);
        QFETCH(TemplateOption, option);
        QCOMPARE(HelperTexts::optionLabel(templateName, option), option.label);
        QCOMPARE(HelperTexts::optionDescription(templateName, option), option.description);
    }

    void unknownTemplateIsTheHelpers()
    {
        const TemplateInfo info{.name = QStringLiteral("alpine"),
                                .label = QStringLiteral("Alpine"),
                                .description = QStringLiteral("Alpine Linux from its minirootfs")};
        QCOMPARE(HelperTexts::templateLabel(info), info.label);
        QCOMPARE(HelperTexts::templateDescription(info), info.description);
    }

    void localizedKeepsIdsAndValues()
    {
        const TemplateInfo engine = clientTemplate(*berth::findTemplate("clone"));
        TemplateInfo info = engine;
        info.options[0].choices = {QStringLiteral("box1")};
        info.options[0].defaultValue = QStringLiteral("box1");
        const TemplateInfo localized = HelperTexts::localized(info);
        QCOMPARE(localized.name, info.name);
        QCOMPARE(localized.label, bracketed(info.label));
        QCOMPARE(localized.options.size(), info.options.size());
        QCOMPARE(localized.options[0].key, QStringLiteral("source"));
        QCOMPARE(localized.options[0].choices, info.options[0].choices);
        QCOMPARE(localized.options[0].defaultValue, QStringLiteral("box1"));
        QCOMPARE(localized.options[1].description, bracketed(info.options[1].description));
        const CheckItem item = clientCheckItem(berth::check::checkText("cgroup.memory"));
        const CheckItem check = HelperTexts::localized(item);
        QCOMPARE(check.id, item.id);
        QCOMPARE(check.detail, item.detail);
        QCOMPARE(check.title, bracketed(item.title));
    }

    void germanTranslation()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/berth_de.qm")));
        QCoreApplication::removeTranslator(&m_brackets);
        QVERIFY(QCoreApplication::installTranslator(&german));
        const TemplateInfo archive = clientTemplate(*berth::findTemplate("tarball"));
        QCOMPARE(HelperTexts::templateLabel(archive), QStringLiteral("Archiv mit Wurzeldateisystem"));
        QCOMPARE(HelperTexts::optionLabel(archive.name, archive.options.at(0)), QStringLiteral("Archiv"));
        const CheckItem pid = clientCheckItem(berth::check::checkText("ns.pid"));
        QCOMPARE(HelperTexts::checkGroup(pid), QStringLiteral("Namensräume"));
        QCOMPARE(HelperTexts::checkTitle(pid), QStringLiteral("PID-Namensraum"));
        // Texts the GUI does not know stay as the helper sent them.
        CheckItem time = pid;
        time.id = QStringLiteral("ns.time");
        QCOMPARE(HelperTexts::checkTitle(time), pid.title);
    }

private:
    BracketTranslator m_brackets;
};

QTEST_GUILESS_MAIN(TestHelperTexts)
#include "test_helper_texts.moc"
