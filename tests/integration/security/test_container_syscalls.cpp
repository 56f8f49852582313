// What a container's root may not do to the host, tried from inside real
// containers (issue #14, item 7): the clock, modules, kexec, file handles,
// port I/O. Application and system containers with their default sets,
// and both with lxc.cap.keep = sys_time sys_module sys_rawio (which only an
// administrator may now give, and which still must not set the clock).
// Issue #17: name_to_handle_at works everywhere (it opens nothing); bpf
// reaches the kernel's own checks only in an unprivileged system container.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace berth;
using namespace berth::test;

namespace {

const char* const kProbe = BERTH_SYSCALL_PROBE;

std::map<std::string, int> parseReport(const std::string& output)
{
    std::map<std::string, int> values;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos && eq > 0)
            values[line.substr(0, eq)] = std::atoi(line.c_str() + eq + 1);
    }
    return values;
}

// Empty, or what went wrong.
std::string addProbeAndKeep(const Engine& engine, const std::string& name, const QString& keep)
{
    const auto& paths = engine.settings().paths;
    std::error_code ec;
    std::filesystem::copy_file(kProbe, paths.rootfsDir(name) / "probe", ec);
    if (!ec)
        std::filesystem::permissions(paths.rootfsDir(name) / "probe", std::filesystem::perms(0755), ec);
    if (ec)
        return "copy the probe: " + ec.message();
    if (!keep.isEmpty())
        std::ofstream(paths.containerDir(name) / "config", std::ios::app)
            << "lxc.cap.keep = " << keep.toStdString() << "\n";
    return {};
}

} // namespace

class TestContainerSyscalls : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    std::map<QString, std::string> m_outputs; // by kind and keep: one container each

    // Starts `name`, whose init is the probe, and returns what it printed
    // (or `failure`, when preparing it already failed); destroys it after.
    std::string runProbeAsInit(const std::string& name, std::string failure)
    {
        std::string output = std::move(failure);
        if (output.empty()) {
            auto started = m_engine.start(name);
            if (!started)
                output = "start: " + started.error().describe();
            else if (m_engine.waitStopped(name, std::chrono::seconds(30)))
                output = readConsoleLog(m_engine, name);
        }
        (void)m_engine.destroy(name, true);
        return output;
    }

    std::string runApplicationProbe(const QString& keep)
    {
        const std::string name = "probe-app";
        auto created = m_engine.create({.name = name, .kind = ContainerKind::Application, .command = {"/probe"}});
        if (!created)
            return "create: " + created.error().describe();
        std::string output = addProbeAndKeep(m_engine, name, keep);
        return runProbeAsInit(name, std::move(output));
    }

    std::string runSystemProbe(const QString& keep, bool privileged)
    {
        const std::string name = "probe-sys";
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System, .privileged = privileged});
        if (!created)
            return "create: " + created.error().describe();
        std::string output = addProbeAndKeep(m_engine, name, keep);
        if (output.empty()) {
            auto started = m_engine.start(name);
            output = started ? execCaptured(m_engine, name, {"/probe"}).output : "start: " + started.error().describe();
        }
        (void)m_engine.destroy(name, true);
        return output;
    }

    // The probe as a system container's init: the filter the monitor sends
    // at start (an exec builds its own).
    std::string runSystemInitProbe(bool privileged)
    {
        const std::string name = "probe-sys-init";
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System, .privileged = privileged});
        if (!created)
            return "create: " + created.error().describe();
        std::string output = addProbeAndKeep(m_engine, name, {});
        std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << "lxc.init.cmd = /probe\n";
        return runProbeAsInit(name, std::move(output));
    }

    const std::string& probeOutput(bool system, bool privileged, const QString& keep)
    {
        const QString key = QString(system ? "system:" : "application:") + (privileged ? "privileged:" : "") + keep;
        if (!m_outputs.contains(key))
            m_outputs[key] = system ? runSystemProbe(keep, privileged) : runApplicationProbe(keep);
        return m_outputs[key];
    }

private slots:
    void refused_data()
    {
        QTest::addColumn<bool>("system");
        QTest::addColumn<bool>("privileged");
        QTest::addColumn<QString>("keep");
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("expected"); // errno; 0: allowed
        const QString none;
        const QString extra = "sys_time sys_module sys_rawio";
        // Docker's set plus the three LXC drops: the config on an application.
        const QString appExtra = "chown dac_override fsetid fowner mknod net_raw setgid setuid setfcap setpcap "
                                 "net_bind_service sys_chroot kill audit_write " +
                                 extra;
        struct Case {
            const char* row;
            bool system;
            bool privileged;
            QString keep;
            bool holdsSysTime;
        };
        for (const Case& c : {Case{"application", false, false, none, false}, Case{"system", true, false, none, false},
                              Case{"privileged system", true, true, none, false},
                              Case{"application keeping sys_time", false, false, appExtra, true},
                              Case{"system keeping sys_time", true, false, extra, true}}) {
            // A read of the clock's state works where Docker allows it (no
            // CAP_SYS_TIME); with CAP_SYS_TIME seccomp cannot tell reads from
            // writes, so adjtimex goes whole.
            QTest::addRow("%s adjtimex read", c.row)
                << c.system << c.privileged << c.keep << "adjtimex_read" << (c.holdsSysTime ? EPERM : 0);
            for (const char* call :
                 {"adjtimex_setoffset", "clock_settime", "init_module", "kexec_load", "open_by_handle_at", "iopl"})
                QTest::addRow("%s %s", c.row, call) << c.system << c.privileged << c.keep << call << EPERM;
            QTest::addRow("%s name_to_handle_at", c.row)
                << c.system << c.privileged << c.keep << "name_to_handle_at" << 0;
            // EBADF: the kernel's answer (a lookup in no map), not the filter's.
            const bool bpfAllowed = c.system && !c.privileged;
            QTest::addRow("%s bpf", c.row)
                << c.system << c.privileged << c.keep << "bpf" << (bpfAllowed ? EBADF : EPERM);
        }
    }

    void refused()
    {
        QFETCH(bool, system);
        QFETCH(bool, privileged);
        QFETCH(QString, keep);
        QFETCH(QString, call);
        QFETCH(int, expected);
        const std::string& output = probeOutput(system, privileged, keep);
        QVERIFY2(output.find("probe-done") != std::string::npos, output.c_str());
        const auto values = parseReport(output);
        const auto it = values.find(call.toStdString());
        QVERIFY2(it != values.end(), "the probe did not report the call");
        QCOMPARE(it->second, expected);
    }

    // Issue #17: the init's filter decides bpf by the user namespace as
    // the exec's does (EBADF: the kernel's answer).
    void systemInitFilter_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::addColumn<int>("bpf");
        QTest::newRow("unprivileged") << false << EBADF;
        QTest::newRow("privileged") << true << EPERM;
    }

    void systemInitFilter()
    {
        QFETCH(bool, privileged);
        QFETCH(int, bpf);
        const std::string output = runSystemInitProbe(privileged);
        QVERIFY2(output.find("probe-done") != std::string::npos, output.c_str());
        const auto values = parseReport(output);
        QVERIFY2(values.contains("bpf") && values.contains("name_to_handle_at"), output.c_str());
        QCOMPARE(values.at("bpf"), bpf);
        QCOMPARE(values.at("name_to_handle_at"), 0);
        QCOMPARE(values.at("open_by_handle_at"), EPERM);
    }
};

BERTH_INTEGRATION_MAIN(TestContainerSyscalls)
#include "test_container_syscalls.moc"
