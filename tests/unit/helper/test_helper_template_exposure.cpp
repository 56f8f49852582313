// Issue #14: a mirror other than the template's own needs the host action
// (org.berth.host.bind-mount); the template's defaults and everything else
// a member may choose do not.
#include "template_exposure.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

std::vector<std::string> exposuresOf(const std::string& templateName, const TemplateOptions& given)
{
    const TemplateInfo* info = findTemplate(templateName);
    if (!info)
        return {"no template " + templateName};
    auto validated = validateTemplateOptions(*info, given);
    if (!validated)
        return {"invalid: " + validated.error().message};
    return templateSourceExposures(*info, *validated);
}

} // namespace

class TestHelperTemplateExposure : public QObject {
    Q_OBJECT

private slots:
    void sources_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("exposes");
        QTest::newRow("debian defaults") << "debian"
                                         << ""
                                         << "" << false;
        QTest::newRow("ubuntu defaults") << "ubuntu"
                                         << ""
                                         << "" << false;
        QTest::newRow("debian default mirror named") << "debian"
                                                     << "mirror"
                                                     << "http://deb.debian.org/debian" << false;
        QTest::newRow("ubuntu default mirror named") << "ubuntu"
                                                     << "mirror"
                                                     << "http://archive.ubuntu.com/ubuntu" << false;
        QTest::newRow("debian other mirror") << "debian"
                                             << "mirror"
                                             << "http://attacker.example/debian" << true;
        QTest::newRow("debian https of the default") << "debian"
                                                     << "mirror"
                                                     << "https://deb.debian.org/debian" << true;
        QTest::newRow("ubuntu other mirror") << "ubuntu"
                                             << "mirror"
                                             << "http://attacker.example/ubuntu" << true;
        QTest::newRow("extra packages") << "debian"
                                        << "packages"
                                        << "vim curl" << false;
        QTest::newRow("release") << "ubuntu"
                                 << "release"
                                 << "noble" << false;
        QTest::newRow("busybox") << "busybox"
                                 << ""
                                 << "" << false;
    }

    void sources()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, exposes);
        TemplateOptions given;
        if (!key.isEmpty())
            given.emplace(key.toStdString(), value.toStdString());
        const auto reasons = exposuresOf(templateName.toStdString(), given);
        QCOMPARE(reasons.size(), exposes ? std::size_t(1) : std::size_t(0));
        if (exposes) {
            // The refusal says which option, its value and why.
            QVERIFY2(reasons.front().find("option 'mirror'") != std::string::npos, reasons.front().c_str());
            QVERIFY2(reasons.front().find(value.toStdString()) != std::string::npos, reasons.front().c_str());
            QVERIFY2(reasons.front().find("another source") != std::string::npos, reasons.front().c_str());
        }
    }

    // Every debootstrap template marks its mirror, so no new template can
    // forget it silently.
    void mirrorsAreMarked()
    {
        for (const TemplateInfo& info : templateCatalog())
            for (const TemplateOption& option : info.options)
                if (option.key == "mirror")
                    QVERIFY2(option.changesSource, info.name.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHelperTemplateExposure)
#include "test_helper_template_exposure.moc"
