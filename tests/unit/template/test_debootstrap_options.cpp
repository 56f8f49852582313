// The debian and ubuntu templates' options turned into debootstrap's command line.
#include "template/debootstrap_template.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::templates;

namespace {

std::vector<std::string> words(const QString& text)
{
    std::vector<std::string> list;
    for (const QString& word : text.split(' ', Qt::SkipEmptyParts))
        list.push_back(word.toStdString());
    return list;
}

} // namespace

class TestDebootstrapOptions : public QObject {
    Q_OBJECT

private slots:
    void commandLine_data()
    {
        QTest::addColumn<QString>("distro");
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("mirror");
        QTest::addColumn<QString>("packages");
        QTest::addColumn<QString>("expected");   // argv after --arch=, joined by spaces
        const QString boot = "--include=dbus,procps,systemd-sysv";
        QTest::newRow("debian defaults") << "debian" << "" << "" << "" << ""
                                         << "--variant=minbase " + boot + " bookworm /t http://deb.debian.org/debian";
        QTest::newRow("ubuntu defaults") << "ubuntu" << "" << "" << "" << ""
                                         << "--variant=minbase " + boot + " jammy /t http://archive.ubuntu.com/ubuntu";
        QTest::newRow("release") << "debian" << "trixie" << "minbase" << "" << ""
                                 << "--variant=minbase " + boot + " trixie /t http://deb.debian.org/debian";
        QTest::newRow("variant default") << "debian" << "bookworm" << "default" << "" << ""
                                         << boot + " bookworm /t http://deb.debian.org/debian";
        QTest::newRow("variant buildd") << "ubuntu" << "noble" << "buildd" << "" << ""
                                        << "--variant=buildd " + boot + " noble /t http://archive.ubuntu.com/ubuntu";
        QTest::newRow("mirror") << "debian" << "bookworm" << "minbase" << "https://ftp.example.org/debian" << ""
                                << "--variant=minbase " + boot + " bookworm /t https://ftp.example.org/debian";
        QTest::newRow("packages, sorted, duplicates once")
            << "debian" << "" << "minbase" << "" << "vim, less curl,dbus"
            << "--variant=minbase --include=curl,dbus,less,procps,systemd-sysv,vim bookworm /t "
               "http://deb.debian.org/debian";
    }

    void commandLine()
    {
        QFETCH(QString, distro);
        QFETCH(QString, release);
        QFETCH(QString, variant);
        QFETCH(QString, mirror);
        QFETCH(QString, packages);
        QFETCH(QString, expected);
        TemplateOptions options;
        for (auto [key, value] : {std::pair{"release", release}, {"variant", variant}, {"mirror", mirror},
                                  {"packages", packages}, {"root-password", QString("secret")}})
            if (!value.isEmpty())
                options[key] = value.toStdString();
        DebootstrapRequest request = debootstrapRequestOf(distro.toStdString(), options);
        request.architecture = "amd64";
        auto argv = debootstrapArguments(request, "/t");
        QVERIFY2(argv, argv ? "" : argv.error().message.c_str());
        std::vector<std::string> want = {"debootstrap", "--arch=amd64"};
        for (std::string& word : words(expected))
            want.push_back(std::move(word));
        QCOMPARE(*argv, want);
    }

    void hostArchitecture()
    {
        auto argv = debootstrapArguments(debootstrapRequestOf("debian", {}), "/t");
        QVERIFY(argv);
        QCOMPARE(argv->at(1), "--arch=" + *hostDebianArchitecture());
    }

    // The boot packages are part of every entry's key, the user's make their own.
    void cacheKeyFollowsPackages()
    {
        auto plain = normalizedRequest(debootstrapRequestOf("debian", {{"release", "bookworm"}}));
        auto withVim = normalizedRequest(debootstrapRequestOf("debian", {{"release", "bookworm"}, {"packages", "vim"}}));
        auto ubuntu = normalizedRequest(debootstrapRequestOf("ubuntu", {}));
        QVERIFY(plain && withVim && ubuntu);
        QVERIFY(cacheKey(*plain).starts_with("debian-bookworm-minbase-"));
        QVERIFY(cacheKey(*ubuntu).starts_with("ubuntu-jammy-minbase-"));
        QVERIFY(cacheKey(*plain) != cacheKey(*withVim));
    }

    void badPackageRefused()
    {
        auto argv = debootstrapArguments(debootstrapRequestOf("debian", {{"packages", "vim --foo"}}), "/t");
        QVERIFY(!argv);
        QCOMPARE(argv.error().code, EINVAL);
        QVERIFY(argv.error().message.find("'--foo'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDebootstrapOptions)
#include "test_debootstrap_options.moc"
