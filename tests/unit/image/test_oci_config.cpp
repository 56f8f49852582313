// The image config: parsing, the user it names, the command it gives, and
// the container config written from it.
#include "berth/config.h"
#include "spec/container_spec.h"
#include "image/oci_container_config.h"
#include "image/oci_image_config.h"
#include "image/oci_user.h"
#include "berth/model/units.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <string>

using namespace berth;
using namespace berth::image;

namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> v;
    for (const QString& s : list)
        v.push_back(s.toStdString());
    return v;
}

const char* const kConfig = R"({
  "architecture": "amd64", "os": "linux",
  "config": {
    "User": "app",
    "Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "GREETING=hello world"],
    "Entrypoint": ["/bin/sh", "-c"],
    "Cmd": ["echo $GREETING"],
    "WorkingDir": "/srv",
    "ExposedPorts": {"443/tcp": {}, "80/tcp": {}}
  },
  "rootfs": {"type": "layers", "diff_ids": [
    "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]}
})";

const char* const kPasswd = "root:x:0:0:root:/root:/bin/sh\n"
                            "app:x:1000:1001:App:/home/app:/bin/sh\n"
                            "broken:x:12\n"
                            "nogid:x:2000:abc::/:/bin/sh\n";
const char* const kGroup = "root:x:0:\nstaff:x:50:app\napp:x:1001:\n";

const char* const kBase = "# Berth container 'web', template oci\n"
                          "lxc.uts.name = web\n"
                          "lxc.rootfs.path = dir:/var/lib/berth/containers/web/rootfs\n"
                          "lxc.net.0.type = empty\n"
                          "berth.kind = application\n"
                          "lxc.execute.cmd = \n";

} // namespace

class TestOciConfig : public QObject {
    Q_OBJECT

private slots:
    void configParses()
    {
        auto image = parseImageConfig(kConfig, "config");
        QVERIFY2(image, image ? "" : image.error().describe().c_str());
        QCOMPARE(image->entrypoint, (std::vector<std::string>{"/bin/sh", "-c"}));
        QCOMPARE(image->cmd, std::vector<std::string>{"echo $GREETING"});
        QCOMPARE(image->env.size(), std::size_t(2));
        QCOMPARE(image->workingDir, std::string("/srv"));
        QCOMPARE(image->user, std::string("app"));
        QCOMPARE(image->exposedPorts, (std::vector<std::string>{"443/tcp", "80/tcp"}));
        QCOMPARE(image->diffIds.size(), std::size_t(1));
    }

    void emptyConfigIsFine()
    {
        // Images built FROM scratch without a process config have only rootfs.
        auto image = parseImageConfig(R"({"config":null,"rootfs":{"diff_ids":[]}})", "config");
        QVERIFY(image);
        QVERIFY(image->entrypoint.empty() && image->cmd.empty() && image->user.empty());
    }

    void badConfigs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not json") << "{";
        QTest::newRow("array") << "[]";
        QTest::newRow("config a string") << R"({"config":"x"})";
        QTest::newRow("cmd a string") << R"({"config":{"Cmd":"/bin/sh"}})";
        QTest::newRow("cmd of numbers") << R"({"config":{"Cmd":[1]}})";
        QTest::newRow("entrypoint an object") << R"({"config":{"Entrypoint":{}}})";
        QTest::newRow("env a string") << R"({"config":{"Env":"A=b"}})";
        QTest::newRow("user a number") << R"({"config":{"User":0}})";
        QTest::newRow("working dir a list") << R"({"config":{"WorkingDir":["/"]}})";
        QTest::newRow("ports a list") << R"({"config":{"ExposedPorts":["80/tcp"]}})";
        QTest::newRow("rootfs a list") << R"({"rootfs":[]})";
        QTest::newRow("bad diff id") << R"({"rootfs":{"diff_ids":["sha256:12"]}})";
    }

    void badConfigs()
    {
        QFETCH(QString, text);
        auto image = parseImageConfig(text.toStdString(), "config sha256:x");
        QVERIFY(!image);
        QCOMPARE(image.error().code, EINVAL);
        QVERIFY2(image.error().message.find("config sha256:x") != std::string::npos, image.error().message.c_str());
    }

    void users_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("uid"); // -1: refused
        QTest::addColumn<int>("gid");
        QTest::newRow("none") << "" << 0 << 0;
        QTest::newRow("root by name") << "root" << 0 << 0;
        QTest::newRow("name") << "app" << 1000 << 1001;
        QTest::newRow("uid in passwd") << "1000" << 1000 << 1001;
        QTest::newRow("uid not in passwd") << "4242" << 4242 << 0;
        QTest::newRow("uid:gid") << "4242:77" << 4242 << 77;
        QTest::newRow("name:group") << "app:staff" << 1000 << 50;
        QTest::newRow("uid:group") << "7:staff" << 7 << 50;
        QTest::newRow("unknown name") << "nobody" << -1 << 0;
        QTest::newRow("unknown group") << "app:wheel" << -1 << 0;
        QTest::newRow("short passwd line") << "broken" << -1 << 0;
        QTest::newRow("bad gid in passwd") << "nogid" << -1 << 0;
        QTest::newRow("no user part") << ":50" << -1 << 0;
        QTest::newRow("uid too large") << "4294967295" << -1 << 0;
        QTest::newRow("negative uid") << "-1" << -1 << 0;
    }

    void users()
    {
        QFETCH(QString, user);
        QFETCH(int, uid);
        QFETCH(int, gid);
        auto resolved = resolveImageUser(user.toStdString(), kPasswd, kGroup);
        if (uid < 0) {
            QVERIFY(!resolved);
            QCOMPARE(resolved.error().code, EINVAL);
            return;
        }
        QVERIFY2(resolved, resolved ? "" : resolved.error().describe().c_str());
        QCOMPARE(int(resolved->uid), uid);
        QCOMPARE(int(resolved->gid), gid);
    }

    // Docker's rule: a requested command replaces Cmd and follows the
    // Entrypoint; a given entrypoint replaces the Entrypoint and drops Cmd.
    void commands_data()
    {
        QTest::addColumn<QStringList>("entrypoint");
        QTest::addColumn<QStringList>("cmd");
        QTest::addColumn<QStringList>("requested");
        QTest::addColumn<bool>("entrypointGiven");
        QTest::addColumn<QStringList>("givenEntrypoint");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("entrypoint and cmd") << QStringList{"/bin/sh", "-c"} << QStringList{"date"} << QStringList{}
                                            << false << QStringList{} << QStringList{"/bin/sh", "-c", "date"};
        QTest::newRow("cmd only") << QStringList{} << QStringList{"top", "-b"} << QStringList{} << false
                                  << QStringList{} << QStringList{"top", "-b"};
        QTest::newRow("entrypoint only") << QStringList{"/app"} << QStringList{} << QStringList{} << false
                                         << QStringList{} << QStringList{"/app"};
        QTest::newRow("requested replaces cmd, follows entrypoint")
            << QStringList{"/app"} << QStringList{"x"} << QStringList{"ls", "/"} << false << QStringList{}
            << QStringList{"/app", "ls", "/"};
        QTest::newRow("requested without entrypoint")
            << QStringList{} << QStringList{"x"} << QStringList{"ls"} << false << QStringList{} << QStringList{"ls"};
        QTest::newRow("given entrypoint drops cmd") << QStringList{"/app"} << QStringList{"x"} << QStringList{} << true
                                                    << QStringList{"/bin/sh"} << QStringList{"/bin/sh"};
        QTest::newRow("given entrypoint and command")
            << QStringList{"/app"} << QStringList{"x"} << QStringList{"date"} << true << QStringList{"/bin/sh", "-c"}
            << QStringList{"/bin/sh", "-c", "date"};
        QTest::newRow("empty entrypoint given, command") << QStringList{"/app"} << QStringList{"x"} << QStringList{"ls"}
                                                         << true << QStringList{} << QStringList{"ls"};
        QTest::newRow("empty entrypoint given, nothing")
            << QStringList{"/app"} << QStringList{"x"} << QStringList{} << true << QStringList{} << QStringList{};
        QTest::newRow("nothing") << QStringList{} << QStringList{} << QStringList{} << false << QStringList{}
                                 << QStringList{};
    }

    void commands()
    {
        QFETCH(QStringList, entrypoint);
        QFETCH(QStringList, cmd);
        QFETCH(QStringList, requested);
        QFETCH(bool, entrypointGiven);
        QFETCH(QStringList, givenEntrypoint);
        QFETCH(QStringList, expected);
        ImageConfig image;
        image.entrypoint = toStd(entrypoint);
        image.cmd = toStd(cmd);
        ProcessOverrides overrides{.command = toStd(requested)};
        if (entrypointGiven)
            overrides.entrypoint = toStd(givenEntrypoint);
        QCOMPARE(composeCommand(image, overrides), toStd(expected));
    }

    // -w and -u replace WorkingDir and User; the image's are kept otherwise.
    void workingDirAndUserOverrides()
    {
        auto image = parseImageConfig(kConfig, "config");
        QVERIFY(image);
        const ProcessOverrides overrides{.workingDir = "tmp", .user = "0:0"};
        QCOMPARE(effectiveUser(*image, overrides), std::string("0:0"));
        QCOMPARE(effectiveUser(*image, {}), std::string("app"));
        auto text = imageContainerConfig(kBase, *image, overrides, ImageUser{0, 0}, {});
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        auto config = Config::parse(*text);
        QVERIFY(config);
        QCOMPARE(config->get("lxc.init.cwd").value_or(""), std::string("/tmp"));
        QCOMPARE(config->get("lxc.init.uid").value_or(""), std::string("0"));
        QCOMPARE(config->get("lxc.execute.cmd").value_or(""), std::string("/bin/sh -c 'echo $GREETING'"));
    }

    // StopSignal is the signal that stops the container; one that is no
    // signal is refused before anything is written.
    void stopSignal_data()
    {
        QTest::addColumn<QString>("stopSignal");
        QTest::addColumn<QString>("halt"); // empty: refused
        QTest::newRow("name") << "SIGQUIT"
                              << "SIGQUIT";
        QTest::newRow("number") << "2"
                                << "2";
        QTest::newRow("real-time") << "SIGRTMIN+3"
                                   << "SIGRTMIN+3";
        QTest::newRow("not a signal") << "SIGNOPE"
                                      << "";
    }

    void stopSignal()
    {
        QFETCH(QString, stopSignal);
        QFETCH(QString, halt);
        ImageConfig image;
        image.cmd = {"/bin/true"};
        image.stopSignal = stopSignal.toStdString();
        auto text = imageContainerConfig(kBase, image, {}, std::nullopt, {});
        if (halt.isEmpty()) {
            QVERIFY(!text);
            QCOMPARE(text.error().code, EINVAL);
            return;
        }
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        auto config = Config::parse(*text);
        QVERIFY(config);
        QCOMPARE(QString::fromStdString(config->get("lxc.signal.halt").value_or("")), halt);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QCOMPARE(spec->haltSignal, *model::parseSignal(stopSignal.toStdString()));
    }

    void containerConfigFromImage()
    {
        auto image = parseImageConfig(kConfig, "config");
        QVERIFY(image);
        image->env.push_back("BARE"); // would pass the helper's own variable on
        const ImageOrigin origin{"sha256:" + std::string(64, 'a'), "sha256:" + std::string(64, 'b'), "web:1"};
        auto text = imageContainerConfig(kBase, *image, {}, ImageUser{1000, 1001}, origin);
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        auto config = Config::parse(*text);
        QVERIFY(config);
        QCOMPARE(config->get("lxc.execute.cmd").value_or(""), std::string("/bin/sh -c 'echo $GREETING'"));
        QCOMPARE(config->getAll("lxc.environment"),
                 (std::vector<std::string>{"PATH=/usr/local/bin:/usr/bin:/bin", "GREETING=hello world"}));
        QCOMPARE(config->get("lxc.init.cwd").value_or(""), std::string("/srv"));
        QCOMPARE(config->get("lxc.init.uid").value_or(""), std::string("1000"));
        QCOMPARE(config->get("lxc.init.gid").value_or(""), std::string("1001"));
        QCOMPARE(config->get("berth.image.expose").value_or(""), std::string("443/tcp 80/tcp"));
        QCOMPARE(config->get("berth.image.id").value_or(""), origin.id);
        QCOMPARE(config->get("berth.image.digest").value_or(""), origin.digest);
        QCOMPARE(config->get("berth.image.reference").value_or(""), std::string("web:1"));
        QCOMPARE(config->get("lxc.uts.name").value_or(""), std::string("web"));
        // The runtime reads it back as the image meant it.
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QCOMPARE(spec->command, (std::vector<std::string>{"/bin/sh", "-c", "echo $GREETING"}));
        QCOMPARE(spec->cwd, std::filesystem::path("/srv"));
        QCOMPARE(spec->environment.size(), std::size_t(2));
    }

    void requestedCommandAndRelativeWorkdir()
    {
        ImageConfig image;
        image.cmd = {"/bin/false"};
        image.workingDir = "srv/app";
        auto text = imageContainerConfig(kBase, image, {.command = {"echo", "it's me"}}, std::nullopt, {});
        QVERIFY(text);
        auto config = Config::parse(*text);
        QVERIFY(config);
        QCOMPARE(config->get("lxc.execute.cmd").value_or(""), std::string("echo 'it'\\''s me'"));
        QCOMPARE(config->get("lxc.init.cwd").value_or(""), std::string("/srv/app"));
        QVERIFY(!config->get("lxc.init.uid"));
        QVERIFY(!config->get("berth.image.expose"));
        QVERIFY(!config->get("berth.image.reference"));
    }

    // Every key the image's config gets is one Berth knows (issue #19).
    void containerConfigFromImageHasNoWarnings()
    {
        auto image = parseImageConfig(kConfig, "config");
        QVERIFY(image);
        const ImageOrigin origin{"sha256:" + std::string(64, 'a'), "sha256:" + std::string(64, 'b'), "web:1"};
        auto text = imageContainerConfig(kBase, *image, {}, ImageUser{1000, 1001}, origin);
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        auto config = Config::parse(*text);
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QVERIFY2(spec->warnings.empty(), spec->warnings.empty() ? "" : spec->warnings.front().c_str());
    }

    void noCommandIsRefused()
    {
        auto text = imageContainerConfig(kBase, ImageConfig{}, {}, std::nullopt, {});
        QVERIFY(!text);
        QCOMPARE(text.error().code, EINVAL);
    }

    void envWithNewlineIsRefused()
    {
        ImageConfig image;
        image.cmd = {"/bin/true"};
        image.env = {"A=1\nlxc.mount.entry = /etc etc none bind"};
        auto text = imageContainerConfig(kBase, image, {}, std::nullopt, {});
        QVERIFY(!text);
        QCOMPARE(text.error().code, EINVAL);
    }
};

QTEST_GUILESS_MAIN(TestOciConfig)
#include "test_oci_config.moc"
