// The lxc-import template's config conversion: which keys are kept,
// dropped and rewritten, where the rootfs is found, and what is refused.
#include "template/lxc_import_config.h"

#include "berth/config.h"
#include "spec/container_spec.h"
#include "test_lxc_import_sample.h"

#include <QtTest>

using namespace berth;
using namespace berth::templates;

namespace {

const std::string kNewRootfs = "/var/lib/berth/containers/new/rootfs";

// What Berth gives a new container (see config/new_container_config.cpp).
std::string baseConfig(const std::string& network)
{
    std::string text = "lxc.uts.name = new\nlxc.rootfs.path = dir:" + kNewRootfs + "\n";
    text += "lxc.mount.auto = proc:mixed sys:ro\n";
    if (network.empty())
        text += "lxc.net.0.type = empty\n";
    else
        text +=
            "lxc.net.0.type = veth\nlxc.net.0.link = " + network + "\nlxc.net.0.name = eth0\nlxc.net.0.flags = up\n";
    return text + "berth.kind = system\nlxc.init.cmd = /sbin/init\n";
}

// berthbr0 and br1 are Berth's bridges here; lxcbr0 is LXC's.
LxcImportTarget target(const std::string& network = {}, const std::string& hostname = {})
{
    return {"new", hostname, kNewRootfs, baseConfig(network), !network.empty(), [](std::string_view link) {
                return link == "berthbr0" || link == "br1";
            }};
}

Result<LxcImportPlan> convert(const std::string& text, const std::string& dir = "/var/lib/lxc/old",
                              const LxcImportTarget& to = target())
{
    return convertLxcConfig(text, dir, to);
}

// The converted text read back (it must parse without any include).
Config converted(const std::string& text, const LxcImportTarget& to = target())
{
    auto plan = convert(text, "/var/lib/lxc/old", to);
    if (!plan)
        qFatal("conversion failed: %s", plan.error().message.c_str());
    auto config = Config::parse(plan->config);
    if (!config)
        qFatal("converted config does not parse: %s", config.error().message.c_str());
    return std::move(*config);
}

std::string valueOr(const Config& config, const std::string& key)
{
    return config.get(key).value_or("<unset>");
}

} // namespace

class TestLxcImportConfig : public QObject {
    Q_OBJECT
private slots:
    void kept_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("arch, unknown to Berth") << "lxc.arch"
                                                << "linux64";
        QTest::newRow("halt signal") << "lxc.signal.halt"
                                     << "SIGUSR1";
        QTest::newRow("reboot signal") << "lxc.signal.reboot"
                                       << "SIGTERM";
        QTest::newRow("autodev") << "lxc.autodev"
                                 << "1";
        QTest::newRow("ttys") << "lxc.tty.max"
                              << "5";
        QTest::newRow("ptys") << "lxc.pty.max"
                              << "1";
        QTest::newRow("capabilities") << "lxc.cap.drop"
                                      << "sys_module mac_admin mac_override sys_time";
        QTest::newRow("mount.auto of the container") << "lxc.mount.auto"
                                                     << "cgroup:mixed proc:mixed sys:ro";
        QTest::newRow("last mount entry") << "lxc.mount.entry"
                                          << "/sys/kernel/security sys/kernel/security none ro,bind,optional 0 0";
    }
    void kept()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        const Config config = converted(test::kLxcBusyboxConfig);
        QCOMPARE(QString::fromStdString(valueOr(config, key.toStdString())), value);
    }

    void keptLinesStayAsWritten()
    {
        auto plan = convert(test::kLxcBusyboxConfig);
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        for (const char* line :
             {"# Template used to create this container: /usr/share/lxc/templates/lxc-busybox\n",
              "#lxc.apparmor.profile = unconfined\n", "lxc.mount.entry = shm dev/shm tmpfs defaults,create=dir 0 0\n"})
            QVERIFY2(plan->config.find(line) != std::string::npos, line);
        QCOMPARE(converted(test::kLxcBusyboxConfig).getAll("lxc.mount.entry").size(), std::size_t(3));
    }

    // The keys LXC's busybox template writes and the import keeps are all
    // ones Berth knows: none is warned about as unknown (issue #19).
    void busyboxSampleHasNoUnknownKeys()
    {
        auto spec = ContainerSpec::fromConfig(converted(test::kLxcBusyboxConfig));
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        for (const std::string& warning : spec->warnings)
            QVERIFY2(!warning.contains("does not know"), warning.c_str());
    }

    void dropped_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("include of common.conf") << "lxc.include";
        QTest::newRow("console log of the old install") << "lxc.console.logfile";
        QTest::newRow("log of the old install") << "lxc.log.file";
        QTest::newRow("hook") << "lxc.hook.pre-start";
        QTest::newRow("veth on LXC's bridge") << "lxc.net.0.link";
        QTest::newRow("its hwaddr") << "lxc.net.0.hwaddr";
    }
    void dropped()
    {
        QFETCH(QString, key);
        const Config config = converted(test::kLxcBusyboxConfig);
        QVERIFY(config.entries(key.toStdString()).empty());
    }

    void droppedIncludes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("common.conf") << "lxc.include = /usr/share/lxc/config/common.conf";
        QTest::newRow("distro common") << "lxc.include = /usr/share/lxc/config/debian.common.conf";
        QTest::newRow("common.conf.d") << "lxc.include = /usr/share/lxc/config/common.conf.d/";
        QTest::newRow("/usr/local") << "lxc.include = /usr/local/share/lxc/config/ubuntu.common.conf";
    }
    void droppedIncludes()
    {
        QFETCH(QString, line);
        auto plan = convert(line.toStdString() + "\nlxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        // Kept as a comment, so the user sees what was not carried over.
        QVERIFY(plan->config.starts_with("# dropped by the import"));
        QVERIFY(plan->config.find(line.toStdString()) != std::string::npos);
    }

    void hookKeysAllDropped()
    {
        const std::string text = "lxc.hook.mount = /usr/share/lxc/hooks/a\nlxc.hook.start-host = /b\n"
                                 "lxc.hook.version = 1\nlxc.seccomp.profile = /usr/share/lxc/config/common.seccomp\n"
                                 "lxc.rootfs.mount = /usr/lib/x86_64-linux-gnu/lxc/rootfs\n";
        const Config config = converted(text);
        for (const ConfigEntry& entry : config.allEntries())
            QVERIFY2(!entry.key.starts_with("lxc.hook.") && entry.key != "lxc.seccomp.profile" &&
                         entry.key != "lxc.rootfs.mount",
                     entry.key.c_str());
        QVERIFY(config.get("lxc.rootfs.path"));
    }

    // An AppArmor profile is imported and warned about (issue #14, item 9):
    // the copy claims no confinement in silence, and the import still works.
    void apparmorProfileKeptWithAWarning()
    {
        const Config config = converted("lxc.apparmor.profile = generated\nlxc.apparmor.allow_nesting = 0\n"
                                        "lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        QCOMPARE(valueOr(config, "lxc.apparmor.profile"), std::string("generated"));
        auto spec = ContainerSpec::fromConfig(config);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->warnings.size(), std::size_t(2));
        QVERIFY2(spec->warnings.front().starts_with("config:1: lxc.apparmor.profile = 'generated': AppArmor"),
                 spec->warnings.front().c_str());
    }

    void rewritten_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("hostname is the new name") << ""
                                                  << ""
                                                  << "lxc.uts.name"
                                                  << "new";
        QTest::newRow("requested hostname") << ""
                                            << "web1"
                                            << "lxc.uts.name"
                                            << "web1";
        QTest::newRow("rootfs") << ""
                                << ""
                                << "lxc.rootfs.path" << QString::fromStdString("dir:" + kNewRootfs);
        QTest::newRow("kind") << ""
                              << ""
                              << "berth.kind"
                              << "system";
        QTest::newRow("origin") << ""
                                << ""
                                << "berth.imported-from"
                                << "old";
        QTest::newRow("no network") << ""
                                    << ""
                                    << "lxc.net.0.type"
                                    << "empty";
        QTest::newRow("no network, no link") << ""
                                             << ""
                                             << "lxc.net.0.link"
                                             << "<unset>";
        QTest::newRow("Berth's bridge") << "berthbr0"
                                        << ""
                                        << "lxc.net.0.link"
                                        << "berthbr0";
        QTest::newRow("veth to it") << "berthbr0"
                                    << ""
                                    << "lxc.net.0.type"
                                    << "veth";
        QTest::newRow("no hwaddr") << "berthbr0"
                                   << ""
                                   << "lxc.net.0.hwaddr"
                                   << "<unset>";
    }
    void rewritten()
    {
        QFETCH(QString, network);
        QFETCH(QString, hostname);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const Config config = converted(test::kLxcBusyboxConfig, target(network.toStdString(), hostname.toStdString()));
        QCOMPARE(QString::fromStdString(valueOr(config, key.toStdString())), value);
        QCOMPARE(config.entries(key.toStdString()).size() <= 1, true);
    }

    // Issue #16: the LXC network was dropped without a word. What Berth can
    // express is imported; the rest is named in a note (a log line of the
    // job and a comment atop the config).
    void networkImported()
    {
        const std::string text = "lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n"
                                 "lxc.net.0.type = veth\nlxc.net.0.link = br1\nlxc.net.0.flags = up\n"
                                 "lxc.net.0.name = eth0\nlxc.net.0.hwaddr = 00:16:3e:5a:7c:01\n"
                                 "lxc.net.0.ipv4.address = 10.0.3.200/24\nlxc.net.0.ipv4.gateway = 10.0.3.1\n"
                                 "lxc.net.0.ipv6.address = fd00::2/64\n"
                                 "lxc.net.1.type = veth\nlxc.net.1.link = lxcbr0\n"
                                 "lxc.net.2.type = phys\nlxc.net.2.link = eth3\n";
        auto plan = convert(text);
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        auto config = Config::parse(plan->config);
        QVERIFY(config);
        for (const auto& [key, value] : {std::pair{"lxc.net.0.type", "veth"},
                                         {"lxc.net.0.link", "br1"},
                                         {"lxc.net.0.flags", "up"},
                                         {"lxc.net.0.name", "eth0"},
                                         {"lxc.net.0.hwaddr", "00:16:3e:5a:7c:01"},
                                         {"lxc.net.0.ipv4.address", "10.0.3.200/24"},
                                         {"lxc.net.0.ipv4.gateway", "10.0.3.1"}})
            QCOMPARE(QString::fromStdString(valueOr(*config, key)), QString::fromLatin1(value));
        for (const char* key : {"lxc.net.0.ipv6.address", "lxc.net.1.type", "lxc.net.2.type"})
            QCOMPARE(QString::fromStdString(valueOr(*config, key)), QStringLiteral("<unset>"));
        const QStringList notes = [&] {
            QStringList out;
            for (const std::string& note : plan->notes)
                out << QString::fromStdString(note);
            return out;
        }();
        QCOMPARE(notes.size(), 4);
        QCOMPARE(notes[0], QStringLiteral("config:9: lxc.net.0.ipv6.address = 'fd00::2/64' is not imported "
                                          "(Berth has no such network key)"));
        QVERIFY2(notes[1].startsWith("lxc.net.0.hwaddr 00:16:3e:5a:7c:01 is the LXC container's"),
                 qPrintable(notes[1]));
        QVERIFY2(notes[2].startsWith("lxc.net.1 is not imported: a veth on 'lxcbr0', which is not a Berth bridge"),
                 qPrintable(notes[2]));
        QVERIFY2(notes[3].startsWith("lxc.net.2 is not imported: type 'phys' cannot be imported"),
                 qPrintable(notes[3]));
        QVERIFY(plan->config.starts_with("# lxc-import: config:9: lxc.net.0.ipv6.address"));
    }

    // Nothing importable (LXC's own lxcbr0): no network, and a note says why.
    void networkOnLxcBridgeNoted()
    {
        auto plan = convert(test::kLxcBusyboxConfig);
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        QCOMPARE(plan->notes.size(), std::size_t(1));
        QVERIFY2(plan->notes.front().starts_with("lxc.net.0 is not imported: a veth on 'lxcbr0'"),
                 plan->notes.front().c_str());
        auto asked = convert(test::kLxcBusyboxConfig, "/var/lib/lxc/old", target("berthbr0"));
        QVERIFY(asked);
        QCOMPARE(asked->notes,
                 std::vector<std::string>{"the LXC network (lxc.net.*) is replaced by the network asked for"});
    }

    // common.conf set lxc.mount.auto; without it Berth's default applies.
    void mountAutoFromBaseWhenMissing()
    {
        const Config config = converted("lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        QCOMPARE(valueOr(config, "lxc.mount.auto"), std::string("proc:mixed sys:ro"));
    }

    void rootfsLocation_data()
    {
        QTest::addColumn<QString>("rootfs");
        QTest::addColumn<QString>("directory");
        QTest::addColumn<QString>("inDirectory");
        QTest::newRow("as LXC wrote it") << "dir:/var/lib/lxc/old/rootfs"
                                         << "/var/lib/lxc/old"
                                         << "rootfs";
        QTest::newRow("trailing slash") << "dir:/var/lib/lxc/old/rootfs/"
                                        << "/var/lib/lxc/old/"
                                        << "rootfs";
        QTest::newRow("plain path") << "/var/lib/lxc/old/rootfs"
                                    << "/var/lib/lxc/old"
                                    << "rootfs";
        QTest::newRow("directory moved") << "dir:/var/lib/lxc/old/rootfs"
                                         << "/srv/backup/old"
                                         << "rootfs";
        QTest::newRow("other lxcpath, nested") << "dir:/data/lxc/old/fs/root"
                                               << "/tmp/x/old"
                                               << "fs/root";
        QTest::newRow("unset: LXC's default") << ""
                                              << "/var/lib/lxc/old"
                                              << "rootfs";
    }
    void rootfsLocation()
    {
        QFETCH(QString, rootfs);
        QFETCH(QString, directory);
        QFETCH(QString, inDirectory);
        const std::string text = rootfs.isEmpty() ? "" : "lxc.rootfs.path = " + rootfs.toStdString() + "\n";
        auto plan = convert(text, directory.toStdString());
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        QCOMPARE(QString::fromStdString(plan->rootfsInDirectory), inDirectory);
        QCOMPARE(plan->oldName, std::string("old"));
    }

    // An unprivileged LXC container keeps its map, and its copied rootfs is
    // said to be shifted on disk (creation keeps or moves the map: issue #15).
    void userNamespaceKept()
    {
        const Config config = converted("lxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n"
                                        "lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        QCOMPARE(config.getAll("lxc.idmap"), (std::vector<std::string>{"u 0 100000 65536", "g 0 100000 65536"}));
        QCOMPARE(valueOr(config, "berth.rootfs.shifted"), std::string("1"));
        const Config privileged = converted("lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        QCOMPARE(valueOr(privileged, "berth.rootfs.shifted"), std::string("<unset>"));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("rootfs elsewhere")
            << "lxc.rootfs.path = dir:/srv/other/rootfs" << EINVAL << "rootfs outside the container directory";
        QTest::newRow("rootfs is the directory")
            << "lxc.rootfs.path = dir:/var/lib/lxc/old" << EINVAL << "rootfs outside the container directory";
        QTest::newRow("rootfs climbs out") << "lxc.rootfs.path = /var/lib/lxc/old/../x/rootfs" << EINVAL << "'..'";
        QTest::newRow("btrfs rootfs") << "lxc.rootfs.path = btrfs:/var/lib/lxc/old/rootfs" << EOPNOTSUPP
                                      << "rootfs type 'btrfs'";
        QTest::newRow("overlay rootfs") << "lxc.rootfs.path = overlay:/a:/var/lib/lxc/old/delta0" << EOPNOTSUPP
                                        << "rootfs type 'overlay'";
        QTest::newRow("LXC 2 name") << "lxc.utsname = old" << EINVAL << "lxc.utsname: an LXC 2 key";
        QTest::newRow("LXC 2 network") << "lxc.network.type = veth" << EINVAL << "lxc-update-config";
        QTest::newRow("half a user namespace") << "lxc.idmap = u 0 100000 65536" << EINVAL << "lxc.idmap";
        QTest::newRow("userns include") << "lxc.include = /usr/share/lxc/config/userns.conf" << EOPNOTSUPP
                                        << "'/usr/share/lxc/config/userns.conf' is not imported";
        QTest::newRow("nesting include") << "lxc.include = /usr/share/lxc/config/nesting.conf" << EOPNOTSUPP
                                         << "config:1: lxc.include";
        QTest::newRow("local include") << "lxc.include = extra.conf" << EOPNOTSUPP << "'extra.conf'";
        QTest::newRow("common.conf elsewhere") << "lxc.include = /etc/lxc/common.conf" << EOPNOTSUPP << "lxc.include";
        QTest::newRow("fstab") << "lxc.mount.fstab = /var/lib/lxc/old/fstab" << EOPNOTSUPP << "lxc.mount.fstab";
        QTest::newRow("bad capability") << "lxc.cap.drop = sys_nonsense" << EINVAL << "lxc.cap.drop";
        QTest::newRow("bad halt signal") << "lxc.signal.halt = SIGFOO" << EINVAL << "lxc.signal.halt";
        QTest::newRow("bad tty count") << "lxc.tty.max = lots" << EINVAL << "lxc.tty.max";
        QTest::newRow("bad mount entry") << "lxc.mount.entry = /x ../../etc none bind 0 0" << EINVAL
                                         << "lxc.mount.entry";
        QTest::newRow("syntax") << "this is not a config line" << EINVAL << "config:1";
    }
    void refused()
    {
        QFETCH(QString, line);
        QFETCH(int, code);
        QFETCH(QString, message);
        const std::string text =
            line.toStdString() + "\n" +
            (line.startsWith("lxc.rootfs.path") ? "" : "lxc.rootfs.path = dir:/var/lib/lxc/old/rootfs\n");
        auto plan = convert(text);
        QVERIFY2(!plan, "the config was accepted");
        QVERIFY2(QString::fromStdString(plan.error().message).contains(message), plan.error().message.c_str());
        QCOMPARE(plan.error().code, code);
    }

    // Unknown keys are the user's: they come along untouched.
    void unknownKeysKept()
    {
        const Config config = converted("lxc.rootfs.path = /var/lib/lxc/old/rootfs\nlxc.future.key = 42\n"
                                        "user.note = keep me\n");
        QCOMPARE(valueOr(config, "lxc.future.key"), std::string("42"));
        QCOMPARE(valueOr(config, "user.note"), std::string("keep me"));
    }
};

QTEST_GUILESS_MAIN(TestLxcImportConfig)
#include "test_lxc_import_config.moc"
