// model's user-visible texts (model/texts.h): every table has its rows,
// ids are unique within a table, every row has its English (groups have a
// title only), each option's wording is found for its template, and every
// template and option of the engine's catalog and every check item has a
// text.
#include "berth/model/texts.h"
#include "berth/templates.h"
#include "check/check_text.h"

#include <QTest>

#include <set>
#include <string>

using namespace berth::model;

Q_DECLARE_METATYPE(std::span<const Text>)

class TestModelTexts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tables_data()
    {
        QTest::addColumn<std::span<const Text>>("table");
        QTest::addColumn<bool>("described");
        QTest::newRow("templates") << templateTexts() << true;
        QTest::newRow("options") << optionTexts() << true;
        QTest::newRow("checks") << checkTexts() << true;
        QTest::newRow("check groups") << checkGroupTexts() << false;
    }

    void tables()
    {
        QFETCH(std::span<const Text>, table);
        QFETCH(bool, described);
        QVERIFY(!table.empty());
        std::set<std::string_view> ids;
        for (const Text& text : table) {
            const std::string id(text.id);
            QVERIFY2(!text.id.empty(), id.c_str());
            QVERIFY2(ids.insert(text.id).second, ("duplicate id " + id).c_str());
            QVERIFY2(!text.label.empty(), id.c_str());
            QCOMPARE(text.description.empty(), !described);
            QCOMPARE(findText(table, text.id), &text);
        }
        QVERIFY(!findText(table, "no.such.id"));
    }

    // A template's own wording first, then the one most templates share.
    void optionWording()
    {
        const Text* clone = findOptionText("clone", "snapshot");
        const Text* debian = findOptionText("debian", "snapshot");
        QVERIFY(clone && debian);
        QCOMPARE(clone->id, std::string_view("clone/snapshot"));
        QCOMPARE(debian->id, std::string_view("snapshot"));
        QVERIFY(clone->description.find("of the source") != std::string_view::npos);
        QVERIFY(debian->description.find("of the cached installation") != std::string_view::npos);
        QVERIFY(!findOptionText("debian", "keyring"));
    }

    // The engine replies with these texts, never an empty one.
    void engineUsesThem()
    {
        for (const berth::TemplateInfo& info : berth::templateCatalog()) {
            QVERIFY2(!info.label.empty(), info.name.c_str());
            QCOMPARE(info.label, std::string(findText(templateTexts(), info.name)->label));
            QVERIFY2(!info.description.empty(), info.name.c_str());
            for (const berth::TemplateOption& option : info.options) {
                QVERIFY2(!option.label.empty(), (info.name + '/' + option.key).c_str());
                QVERIFY2(!option.description.empty(), (info.name + '/' + option.key).c_str());
            }
        }
        for (const Text& text : berth::check::allCheckTexts()) {
            const std::string_view group = text.id.substr(0, text.id.find('.'));
            QVERIFY2(!berth::check::groupTitle(group).empty(), std::string(text.id).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestModelTexts)
#include "test_model_texts.moc"
