// The debootstrap invocation of the debian and ubuntu templates.
#include "template/debootstrap_command.h"

#include <QtTest/QtTest>

using namespace berth::templates;

class TestDebootstrapCommand : public QObject {
    Q_OBJECT

private slots:
    void defaults()
    {
        auto argv = debootstrapArguments({.architecture = "amd64"}, "/var/cache/berth/templates/x");
        QVERIFY(argv);
        const std::vector<std::string> expected = {"debootstrap",
                                                   "--foreign",
                                                   "--keyring=/usr/share/keyrings/debian-archive-keyring.gpg",
                                                   "--force-check-gpg",
                                                   "--arch=amd64",
                                                   "--variant=minbase",
                                                   "--components=main",
                                                   "bookworm",
                                                   "/var/cache/berth/templates/x",
                                                   "http://deb.debian.org/debian"};
        QCOMPARE(*argv, expected);
    }

    void everyOption()
    {
        DebootstrapRequest request{.distro = "ubuntu",
                                   .release = "noble",
                                   .architecture = "arm64",
                                   .variant = "default",
                                   .mirror = "https://mirror.example/ubuntu",
                                   .packages = {"systemd-sysv", "dbus", "dbus"}};
        auto argv = debootstrapArguments(request, "/t");
        QVERIFY(argv);
        const std::vector<std::string> expected = {"debootstrap",
                                                   "--foreign",
                                                   "--keyring=/usr/share/keyrings/ubuntu-archive-keyring.gpg",
                                                   "--force-check-gpg",
                                                   "--arch=arm64",
                                                   "--components=main",
                                                   "--include=dbus,systemd-sysv",
                                                   "noble",
                                                   "/t",
                                                   "https://mirror.example/ubuntu"};
        QCOMPARE(*argv, expected);
    }

    void hostArchitectureByDefault()
    {
        auto normalized = normalizedRequest({});
        QVERIFY(normalized);
        QCOMPARE(normalized->architecture, *hostDebianArchitecture());
        QCOMPARE(normalized->release, std::string("bookworm"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("distro");
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("mirror");
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("message");
        QTest::newRow("distro") << "fedora"
                                << ""
                                << "minbase"
                                << ""
                                << ""
                                << "unknown distribution 'fedora'";
        QTest::newRow("release") << "debian"
                                 << "wheezy-not"
                                 << "minbase"
                                 << ""
                                 << ""
                                 << "'wheezy-not' is not a release";
        QTest::newRow("ubuntu release on debian") << "debian"
                                                  << "jammy"
                                                  << "minbase"
                                                  << ""
                                                  << ""
                                                  << "'jammy' is not a release";
        QTest::newRow("variant") << "debian"
                                 << ""
                                 << "fat"
                                 << ""
                                 << ""
                                 << "variant 'fat'";
        QTest::newRow("mirror scheme") << "debian"
                                       << ""
                                       << "minbase"
                                       << "ftp://x"
                                       << ""
                                       << "mirror 'ftp://x'";
        QTest::newRow("mirror quote") << "debian"
                                      << ""
                                      << "minbase"
                                      << "http://a'b"
                                      << ""
                                      << "mirror";
        QTest::newRow("package upper") << "debian"
                                       << ""
                                       << "minbase"
                                       << ""
                                       << "Vim"
                                       << "'Vim' is not a Debian package";
        QTest::newRow("package option") << "debian"
                                        << ""
                                        << "minbase"
                                        << ""
                                        << "--foo"
                                        << "'--foo' is not a Debian";
        QTest::newRow("package comma") << "debian"
                                       << ""
                                       << "minbase"
                                       << ""
                                       << "a,b"
                                       << "'a,b' is not a Debian";
    }

    void refused()
    {
        QFETCH(QString, distro);
        QFETCH(QString, release);
        QFETCH(QString, variant);
        QFETCH(QString, mirror);
        QFETCH(QString, package);
        QFETCH(QString, message);
        DebootstrapRequest request{.distro = distro.toStdString(),
                                   .release = release.toStdString(),
                                   .architecture = "amd64",
                                   .variant = variant.toStdString(),
                                   .mirror = mirror.toStdString()};
        if (!package.isEmpty())
            request.packages = {package.toStdString()};
        auto argv = debootstrapArguments(request, "/t");
        QVERIFY(!argv);
        QCOMPARE(argv.error().code, EINVAL);
        QVERIFY2(argv.error().message.find(message.toStdString()) != std::string::npos, argv.error().message.c_str());
    }

    void cacheKeys()
    {
        DebootstrapRequest plain{.release = "bookworm", .architecture = "amd64"};
        // Every field is in the hash (test_debootstrap_options checks each one).
        const std::string prefix = "debian-bookworm-minbase-amd64-";
        QVERIFY(cacheKey(plain).starts_with(prefix));
        QCOMPARE(cacheKey(plain).size(), prefix.size() + 32);
        DebootstrapRequest extra = plain;
        extra.packages = {"systemd-sysv"};
        const std::string key = cacheKey(extra);
        QVERIFY(key.starts_with(prefix));
        QVERIFY(key != cacheKey(plain));
        extra.packages = {"dbus"};
        QVERIFY(cacheKey(extra) != key);
    }
};

QTEST_GUILESS_MAIN(TestDebootstrapCommand)
#include "test_debootstrap_command.moc"
