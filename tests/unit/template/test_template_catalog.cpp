// The template catalog and option validation against each template's schema.
#include "berth/templates.h"

#include <QtTest>

using namespace berth;

Q_DECLARE_METATYPE(berth::TemplateOptions)

namespace {

TemplateOptions requiredOptions(const TemplateInfo& info)
{
    TemplateOptions options;
    for (const TemplateOption& option : info.options)
        if (option.required && option.type == OptionType::Container)
            options[option.key] = "source-1";
        else if (option.required && option.type == OptionType::String)
            options[option.key] = "debian"; // the image template's reference
    return options;
}

} // namespace

class TestTemplateCatalog : public QObject {
    Q_OBJECT

private slots:
    void everyTemplateIsFound()
    {
        for (const char* name : {"busybox", "debian", "ubuntu", "tarball", "oci", "image", "clone", "lxc-import"}) {
            const TemplateInfo* info = findTemplate(name);
            QVERIFY2(info, name);
            QCOMPARE(info->name, std::string(name));
            QVERIFY(!info->label.empty());
            QVERIFY(!info->description.empty());
        }
        QVERIFY(!findTemplate("nosuch"));
        QVERIFY(!findTemplate(""));
    }

    void schemasAreConsistent()
    {
        for (const TemplateInfo& info : templateCatalog()) {
            int files = 0;
            for (const TemplateOption& option : info.options) {
                files += option.type == OptionType::File;
                if (option.type == OptionType::Choice) {
                    QVERIFY(!option.choices.empty());
                    QVERIFY2(std::ranges::find(option.choices, option.defaultValue) != option.choices.end(),
                             option.key.c_str());
                }
                // The defaults themselves pass validation (with the required ones given).
                TemplateOptions given = requiredOptions(info);
                if (!option.defaultValue.empty())
                    given[option.key] = option.defaultValue;
                QVERIFY2(validateTemplateOptions(info, given), option.key.c_str());
            }
            QVERIFY2(files <= 1, info.name.c_str()); // one inputFd per request
        }
        QCOMPARE(findTemplate("oci")->defaultKind, ContainerKind::Application);
        QCOMPARE(findTemplate("image")->defaultKind, ContainerKind::Application);
        QCOMPARE(findTemplate("debian")->defaultKind, ContainerKind::System);
    }

    // The image template takes its reference (required) and has its own texts for it.
    void imageTemplateTakesAReference()
    {
        const TemplateInfo* image = findTemplate("image");
        QVERIFY(image);
        QCOMPARE(image->options.size(), std::size_t{1});
        const TemplateOption& reference = image->options.front();
        QCOMPARE(reference.key, std::string("reference"));
        QVERIFY(reference.required);
        QVERIFY(!reference.label.empty());
        QVERIFY2(reference.description.find("REPOSITORY") != std::string::npos, reference.description.c_str());
        auto missing = validateTemplateOptions(*image, {});
        QVERIFY(!missing);
        auto given = validateTemplateOptions(*image, {{"reference", "debian:bookworm"}});
        QVERIFY2(given, given ? "" : given.error().describe().c_str());
    }

    void valid_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<TemplateOptions>("given");
        QTest::addColumn<TemplateOptions>("expected");
        QTest::newRow("busybox, nothing") << "busybox" << TemplateOptions{} << TemplateOptions{};
        QTest::newRow("debian defaults") << "debian" << TemplateOptions{}
                                         << TemplateOptions{{"release", "bookworm"},
                                                            {"variant", "minbase"},
                                                            {"mirror", "http://deb.debian.org/debian"},
                                                            {"snapshot", "false"}};
        QTest::newRow("debian chosen") << "debian"
                                       << TemplateOptions{{"release", "trixie"},
                                                          {"packages", "vim,less"},
                                                          {"root-password", "s3cret x"},
                                                          {"snapshot", "yes"}}
                                       << TemplateOptions{{"release", "trixie"},
                                                          {"variant", "minbase"},
                                                          {"mirror", "http://deb.debian.org/debian"},
                                                          {"packages", "vim,less"},
                                                          {"root-password", "s3cret x"},
                                                          {"snapshot", "true"}};
        QTest::newRow("ubuntu default release") << "ubuntu" << TemplateOptions{{"variant", "default"}}
                                                << TemplateOptions{{"release", "jammy"},
                                                                   {"variant", "default"},
                                                                   {"mirror", "http://archive.ubuntu.com/ubuntu"},
                                                                   {"snapshot", "false"}};
        QTest::newRow("clone") << "clone" << TemplateOptions{{"source", "web-1"}, {"snapshot", "0"}}
                               << TemplateOptions{{"source", "web-1"}, {"snapshot", "false"}};
        QTest::newRow("oci reference") << "oci" << TemplateOptions{{"reference", "alpine:3"}}
                                       << TemplateOptions{{"reference", "alpine:3"}};
    }

    void valid()
    {
        QFETCH(QString, templateName);
        QFETCH(TemplateOptions, given);
        QFETCH(TemplateOptions, expected);
        auto result = validateTemplateOptions(*findTemplate(templateName.toStdString()), given);
        QVERIFY2(result, result ? "" : result.error().message.c_str());
        QCOMPARE(*result, expected);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<TemplateOptions>("given");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown key") << "busybox" << TemplateOptions{{"release", "x"}} << "has no option 'release'";
        QTest::newRow("unknown key lists options")
            << "clone" << TemplateOptions{{"source", "a"}, {"size", "1"}} << "source, snapshot";
        QTest::newRow("not a choice") << "debian" << TemplateOptions{{"release", "hamm"}} << "not one of bookworm";
        QTest::newRow("variant") << "debian" << TemplateOptions{{"variant", "fat"}} << "'variant'";
        QTest::newRow("boolean") << "clone" << TemplateOptions{{"source", "a"}, {"snapshot", "maybe"}}
                                 << "not true or false";
        QTest::newRow("container name") << "clone" << TemplateOptions{{"source", "../etc"}} << "'source'";
        QTest::newRow("missing required") << "clone" << TemplateOptions{} << "needs option 'source'";
        QTest::newRow("file as a value") << "tarball" << TemplateOptions{{"archive", "/etc/shadow"}}
                                         << "file descriptor";
        QTest::newRow("newline") << "debian" << TemplateOptions{{"mirror", "http://x/\nrm"}} << "control characters";
        QTest::newRow("too long") << "oci" << TemplateOptions{{"reference", std::string(5000, 'a')}} << "longer than";
    }

    void invalid()
    {
        QFETCH(QString, templateName);
        QFETCH(TemplateOptions, given);
        QFETCH(QString, mentions);
        auto result = validateTemplateOptions(*findTemplate(templateName.toStdString()), given);
        QVERIFY(!result);
        QCOMPARE(result.error().code, EINVAL);
        QVERIFY2(QString::fromStdString(result.error().message).contains(mentions), result.error().message.c_str());
    }

    void listSplitting()
    {
        QCOMPARE(splitListOption("vim, less  curl,,"), (std::vector<std::string>{"vim", "less", "curl"}));
        QVERIFY(splitListOption(" , ").empty());
    }

    void progressReportsAndCancels()
    {
        std::vector<ProgressEvent> events;
        std::atomic<bool> cancel{false};
        Progress progress([&](const ProgressEvent& e) { events.push_back(e); }, &cancel);
        progress.step("Copying", 0.5);
        progress.log("I: Retrieving Release");
        QVERIFY(progress.check());
        cancel = true;
        QCOMPARE(progress.check().error().code, ECANCELED);
        QCOMPARE(events.size(), std::size_t{2});
        QCOMPARE(events[0].step, std::string("Copying"));
        QCOMPARE(events[0].fraction, 0.5);
        QCOMPARE(events[1].logLine, std::string("I: Retrieving Release"));
        Progress silent; // no callback, no flag
        silent.step("x", 1);
        QVERIFY(silent.check());
    }
};

QTEST_GUILESS_MAIN(TestTemplateCatalog)
#include "test_template_catalog.moc"
