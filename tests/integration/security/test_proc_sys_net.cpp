// Issue #17, item 5: /proc/sys/net is writable inside a container with a
// network namespace of its own (privileged or not), as LXC's proc:mixed:
// a sysctl there is the container's namespace's, the host's value stays,
// and the host-wide net sysctls are not even shown. The rest of /proc/sys
// stays read-only, and so does /proc/sys/net of a container on the host's
// network (lxc.net.0.type = none). "The host" is the test's own network
// namespace, which the containers' are made beside.
#include "berth/config.h"
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth;
using namespace berth::test;

namespace {

const char* const kIpForward = "/proc/sys/net/ipv4/ip_forward";

std::string hostIpForward()
{
    std::ifstream in(kIpForward);
    std::string value;
    in >> value;
    return value;
}

} // namespace

class TestProcSysNet : public QObject {
    Q_OBJECT

    Engine m_engine = makeEngine();

    // A started busybox system container; empty, or what went wrong.
    std::string startSystem(const std::string& name, bool privileged, bool hostNetwork)
    {
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System, .privileged = privileged});
        if (!created)
            return "create: " + created.error().describe();
        if (hostNetwork) {
            auto config = Config::load(m_engine.settings().paths.configFile(name), {});
            if (!config || !config->set("lxc.net.0.type", "none"))
                return "config";
            if (auto set = m_engine.setConfig(name, config->serialize()); !set)
                return "set config: " + set.error().describe();
        }
        auto started = m_engine.start(name);
        return started ? std::string() : "start: " + started.error().describe();
    }

    std::string shell(const std::string& name, const std::string& script)
    {
        return execCaptured(m_engine, name, {"/bin/sh", "-c", script + " 2>&1"}).output;
    }

private slots:
    // A failed case leaves no container running for the next.
    void cleanup()
    {
        for (const char* name : {"net-priv", "net-userns", "host-priv", "host-userns"})
            (void)m_engine.destroy(name, true);
    }

    void ownNetworkNamespace_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::newRow("unprivileged") << false;
        QTest::newRow("privileged") << true;
    }

    void ownNetworkNamespace()
    {
        QFETCH(bool, privileged);
        const std::string name = privileged ? "net-priv" : "net-userns";
        const std::string before = hostIpForward();
        const std::string other = before == "1" ? "0" : "1";
        const std::string started = startSystem(name, privileged, false);
        QVERIFY2(started.empty(), started.c_str());
        const std::string set = shell(name, "echo " + other + " > " + kIpForward + " && cat " + kIpForward);
        QCOMPARE(set, other + "\n");
        QCOMPARE(hostIpForward(), before);
        // Host-wide net sysctls are registered in the initial namespace only.
        QCOMPARE(shell(name, "test -e /proc/sys/net/core/bpf_jit_enable || echo hidden"), std::string("hidden\n"));
        const std::string kernel = shell(name, "echo x > /proc/sys/kernel/domainname");
        QVERIFY2(kernel.find("Read-only file system") != std::string::npos, kernel.c_str());
        QVERIFY(m_engine.destroy(name, true));
    }

    void hostNetworkStaysReadOnly_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::newRow("unprivileged") << false;
        QTest::newRow("privileged") << true;
    }

    void hostNetworkStaysReadOnly()
    {
        QFETCH(bool, privileged);
        const std::string name = privileged ? "host-priv" : "host-userns";
        const std::string before = hostIpForward();
        const std::string other = before == "1" ? "0" : "1";
        const std::string started = startSystem(name, privileged, true);
        QVERIFY2(started.empty(), started.c_str());
        const std::string set = shell(name, "echo " + other + " > " + kIpForward);
        QVERIFY2(set.find("Read-only file system") != std::string::npos, set.c_str());
        QCOMPARE(hostIpForward(), before);
        QVERIFY(m_engine.destroy(name, true));
    }
};

BERTH_INTEGRATION_MAIN(TestProcSysNet)
#include "test_proc_sys_net.moc"
