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
        QTest::addColumn<QString>("expected"); // argv after --arch=, joined by spaces
        const QString boot = "--components=main --include=dbus,iproute2,iputils-ping,procps,sudo,systemd-sysv";
        QTest::newRow("debian defaults") << "debian"
                                         << ""
                                         << ""
                                         << ""
                                         << ""
                                         << "--variant=minbase " + boot + " bookworm /t http://deb.debian.org/debian";
        QTest::newRow("ubuntu defaults") << "ubuntu"
                                         << ""
                                         << ""
                                         << ""
                                         << ""
                                         << "--variant=minbase " + boot + " jammy /t http://archive.ubuntu.com/ubuntu";
        QTest::newRow("release") << "debian"
                                 << "trixie"
                                 << "minbase"
                                 << ""
                                 << ""
                                 << "--variant=minbase " + boot + " trixie /t http://deb.debian.org/debian";
        QTest::newRow("variant default") << "debian"
                                         << "bookworm"
                                         << "default"
                                         << ""
                                         << "" << boot + " bookworm /t http://deb.debian.org/debian";
        QTest::newRow("variant buildd") << "ubuntu"
                                        << "noble"
                                        << "buildd"
                                        << ""
                                        << ""
                                        << "--variant=buildd " + boot + " noble /t http://archive.ubuntu.com/ubuntu";
        QTest::newRow("mirror") << "debian"
                                << "bookworm"
                                << "minbase"
                                << "https://ftp.example.org/debian"
                                << ""
                                << "--variant=minbase " + boot + " bookworm /t https://ftp.example.org/debian";
        QTest::newRow("packages, sorted, duplicates once")
            << "debian"
            << ""
            << "minbase"
            << ""
            << "vim, less curl,dbus"
            << "--variant=minbase --components=main "
               "--include=curl,dbus,iproute2,iputils-ping,less,procps,sudo,systemd-sysv,vim bookworm /t "
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
        for (auto [key, value] : {std::pair{"release", release},
                                  {"variant", variant},
                                  {"mirror", mirror},
                                  {"packages", packages},
                                  {"root-password", QString("secret")}})
            if (!value.isEmpty())
                options[key] = value.toStdString();
        DebootstrapRequest request = debootstrapRequestOf(distro.toStdString(), options);
        request.architecture = "amd64";
        auto argv = debootstrapArguments(request, "/t");
        QVERIFY2(argv, argv ? "" : argv.error().message.c_str());
        std::vector<std::string> want = {"debootstrap", "--foreign",
                                         "--keyring=" + defaultKeyring(distro.toStdString()), "--force-check-gpg",
                                         "--arch=amd64"};
        for (std::string& word : words(expected))
            want.push_back(std::move(word));
        QCOMPARE(*argv, want);
    }

    void hostArchitecture()
    {
        auto argv = debootstrapArguments(debootstrapRequestOf("debian", {}), "/t");
        QVERIFY(argv);
        QCOMPARE(argv->at(4), "--arch=" + *hostDebianArchitecture());
    }

    // The boot packages are part of every entry's key, the user's make their own.
    void cacheKeyFollowsPackages()
    {
        auto plain = normalizedRequest(debootstrapRequestOf("debian", {{"release", "bookworm"}}));
        auto withVim =
            normalizedRequest(debootstrapRequestOf("debian", {{"release", "bookworm"}, {"packages", "vim"}}));
        auto ubuntu = normalizedRequest(debootstrapRequestOf("ubuntu", {}));
        QVERIFY(plain && withVim && ubuntu);
        QVERIFY(cacheKey(*plain).starts_with("debian-bookworm-minbase-"));
        QVERIFY(cacheKey(*ubuntu).starts_with("ubuntu-jammy-minbase-"));
        QVERIFY(cacheKey(*plain) != cacheKey(*withVim));
    }

    // Issue #14: the first stage only downloads, verifies and extracts
    // (--foreign), against the distribution's keyring, and refuses an
    // unsigned or unverifiable Release (--force-check-gpg); the second
    // stage is debootstrap's own copy in the target.
    void signaturesAlwaysChecked_data()
    {
        QTest::addColumn<QString>("distro");
        QTest::addColumn<QString>("keyring");
        QTest::newRow("debian") << "debian"
                                << "/usr/share/keyrings/debian-archive-keyring.gpg";
        QTest::newRow("ubuntu") << "ubuntu"
                                << "/usr/share/keyrings/ubuntu-archive-keyring.gpg";
    }

    void signaturesAlwaysChecked()
    {
        QFETCH(QString, distro);
        QFETCH(QString, keyring);
        for (const char* mirror : {"", "http://mirror.example/x", "https://mirror.example/x"}) {
            auto argv = debootstrapArguments(debootstrapRequestOf(distro.toStdString(), {{"mirror", mirror}}), "/t");
            QVERIFY(argv);
            const auto has = [&](const std::string& word) {
                return std::find(argv->begin(), argv->end(), word) != argv->end();
            };
            QVERIFY(has("--foreign"));
            QVERIFY(has("--force-check-gpg"));
            QVERIFY(has("--keyring=" + keyring.toStdString()));
            QVERIFY(!has("--no-check-gpg"));
        }
        QCOMPARE(secondStageArguments(), (std::vector<std::string>{"/debootstrap/debootstrap", "--second-stage"}));
    }

    void keyringMustBeAbsolute()
    {
        DebootstrapRequest request = debootstrapRequestOf("debian", {});
        request.keyring = "keys.gpg";
        auto checked = normalizedRequest(request);
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, EINVAL);
    }

    // Issue #14: everything that changes the tree is in the key, so an
    // entry is only ever reused for the same build.
    void cacheKeyFollowsEveryField_data()
    {
        QTest::addColumn<QString>("field");
        for (const char* field :
             {"distro", "release", "variant", "architecture", "mirror", "components", "packages", "keyring"})
            QTest::newRow(field) << field;
    }

    void cacheKeyFollowsEveryField()
    {
        QFETCH(QString, field);
        DebootstrapRequest base = debootstrapRequestOf("debian", {{"release", "bookworm"}});
        base.architecture = "amd64";
        DebootstrapRequest changed = base;
        if (field == "distro") {
            auto debian = normalizedRequest(debootstrapRequestOf("debian", {}));
            auto ubuntu = normalizedRequest(debootstrapRequestOf("ubuntu", {}));
            QVERIFY(debian && ubuntu);
            QVERIFY(cacheKey(*debian) != cacheKey(*ubuntu));
            return;
        }
        if (field == "release") {
            changed.release = "trixie";
        } else if (field == "variant") {
            changed.variant = "buildd";
        } else if (field == "architecture") {
            changed.architecture = "arm64";
        } else if (field == "mirror") {
            changed.mirror = "http://mirror.example/debian";
        } else if (field == "components") {
            changed.components = {"main", "contrib"};
        } else if (field == "packages") {
            changed.packages.push_back("vim");
        } else if (field == "keyring") {
            changed.keyring = "/etc/berth/other-keyring.gpg";
        }
        auto a = normalizedRequest(base);
        auto b = normalizedRequest(changed);
        QVERIFY2(a && b, (a ? b : a).error().message.c_str());
        QVERIFY(cacheKey(*a) != cacheKey(*b));
        QCOMPARE(cacheKey(*a), cacheKey(*normalizedRequest(base))); // stable
        // The default mirror, keyring and components written out make the same key.
        DebootstrapRequest explicitDefaults = base;
        explicitDefaults.mirror = defaultMirror("debian");
        explicitDefaults.keyring = defaultKeyring("debian");
        explicitDefaults.components = {"main"};
        QCOMPARE(cacheKey(*normalizedRequest(explicitDefaults)), cacheKey(*a));
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
