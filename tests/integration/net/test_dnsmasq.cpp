// dnsmasq per bridge, for real, in the test's private network namespace:
// a bridge br-t (10.0.77.1/24) with a "container" namespace behind a veth;
// DHCP with busybox udhcpc, DNS with busybox nslookup, restart after a
// kill, stop, and the checks that keep a recycled pid from being signalled.
#include "common/pidfd.h"
#include "net/dnsmasq_process.h"

#include "integration_env.h"
#include "net_services_support.h"

#include <QtTest/QtTest>

#include <fstream>
#include <poll.h>

using namespace berth::net;
using namespace berth::test::netsvc;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Blocks until the process behind `pidFd` has exited (ctest's timeout is the bound).
bool waitGone(int pidFd)
{
    pollfd pfd{pidFd, POLLIN, 0};
    return ::poll(&pfd, 1, -1) == 1;
}

// Live dnsmasq processes whose command line mentions `marker`.
QStringList dnsmasqsMentioning(const std::string& marker)
{
    QStringList found;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const std::string stat = readText(entry.path() / "stat");
        const std::size_t close = stat.rfind(')');
        if (stat.find("(dnsmasq)") == std::string::npos || close == std::string::npos || stat[close + 2] == 'Z')
            continue;
        if (readText(entry.path() / "cmdline").find(marker) != std::string::npos)
            found << QString::fromStdString(name);
    }
    return found;
}

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto result_ = (expr);                                                                                   \
        QVERIFY2(result_.has_value(), result_ ? "" : result_.error().describe().c_str());                              \
    } while (false)

} // namespace

class TestDnsmasq : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;
    fs::path m_pidFile;
    NetnsHolder m_container;

    std::vector<std::string> arguments(const fs::path& pidFile, const std::vector<std::string>& extra = {}) const
    {
        std::vector<std::string> argv = {kDnsmasqProgram,
                                         "--strict-order",
                                         "--bind-interfaces",
                                         "--except-interface=lo",
                                         "--interface=br-t",
                                         "--listen-address=10.0.77.1",
                                         "--dhcp-range=10.0.77.2,10.0.77.50",
                                         "--dhcp-no-override",
                                         "--dhcp-leasefile=" + (m_dir / "leases").string(),
                                         "--pid-file=" + pidFile.string(),
                                         "--conf-file=",
                                         "--hostsdir=" + (m_dir / "hosts").string(),
                                         "--domain=berth"};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return argv;
    }

    // A dnsmasq that serves neither DNS (port 0) nor DHCP, so it can run
    // beside the main one.
    std::vector<std::string> quietArguments(const fs::path& pidFile, const std::vector<std::string>& extra = {}) const
    {
        std::vector<std::string> argv = {kDnsmasqProgram, "--bind-interfaces", "--interface=br-t",
                                         "--port=0",      "--conf-file=",      "--pid-file=" + pidFile.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return argv;
    }

    pid_t currentPid() const { return std::stoi(readText(m_pidFile)); }

    QString lookup(const QString& name) const
    {
        return m_container.exec({"/bin/busybox", "nslookup", name, "10.0.77.1"}).output;
    }

    static void run(const QStringList& argv)
    {
        const CommandResult r = runCommand(argv);
        QVERIFY2(r.exitCode == 0, qPrintable(argv.join(' ') + ": " + r.output));
    }

private slots:
    void initTestCase()
    {
        // Under the environment's state root (0755): dnsmasq reads its
        // hosts dir as user nobody.
        m_dir = berth::test::IntegrationEnvironment::instance().stateRoot() / "dnsmasq";
        fs::create_directories(m_dir / "hosts");
        fs::permissions(m_dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                   fs::perms::others_read | fs::perms::others_exec);
        m_pidFile = m_dir / "br-t.pid";
        std::ofstream(m_dir / "hosts/containers") << "10.0.77.9 web.berth web\n";
        std::ofstream(m_dir / "udhcpc.sh")
            << "#!/bin/sh\n[ \"$1\" = bound ] && echo \"$ip\" > " + (m_dir / "lease").string() + "\nexit 0\n";
        fs::permissions(m_dir / "udhcpc.sh", fs::perms::owner_all);

        QVERIFY(m_container.start());
        run({"ip", "link", "add", "br-t", "type", "bridge"});
        run({"ip", "addr", "add", "10.0.77.1/24", "dev", "br-t"});
        run({"ip", "link", "set", "br-t", "up"});
        run({"ip", "link", "add", "vc-h", "type", "veth", "peer", "name", "eth0", "netns",
             QString::number(m_container.pid())});
        run({"ip", "link", "set", "vc-h", "master", "br-t", "up"});
        QCOMPARE(m_container.exec({"ip", "link", "set", "eth0", "up"}).exitCode, 0);
        // Outside the DHCP range: for DNS queries before any lease.
        QCOMPARE(m_container.exec({"ip", "addr", "add", "10.0.77.60/24", "dev", "eth0"}).exitCode, 0);
    }

    void cleanupTestCase()
    {
        QVERIFY(stopDnsmasq(m_pidFile));
        runCommand({"ip", "link", "del", "vc-h"});
        runCommand({"ip", "link", "del", "br-t"});
        QCOMPARE(dnsmasqsMentioning(m_dir.string()), QStringList());
    }

    void findsTheProgram()
    {
        auto found = findDnsmasq();
        QVERIFY(found);
        QCOMPARE(found->string(), std::string("/usr/sbin/dnsmasq"));
        auto missing = findDnsmasq("/nonexistent/dnsmasq");
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ENOENT);
        QVERIFY(missing.error().message.find("dnsmasq-base") != std::string::npos);
    }

    void refusesBadArguments_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("code");
        QTest::newRow("no argv") << 0 << EINVAL;
        QTest::newRow("missing program") << 1 << ENOENT;
        QTest::newRow("pid file not named") << 2 << EINVAL;
        QTest::newRow("another pid file named") << 3 << EINVAL;
    }

    void refusesBadArguments()
    {
        QFETCH(int, which);
        QFETCH(int, code);
        std::vector<std::string> argv;
        if (which == 1)
            argv = {"/nonexistent/dnsmasq", "--pid-file=" + m_pidFile.string()};
        if (which == 2)
            argv = {kDnsmasqProgram, "--conf-file="};
        if (which == 3)
            argv = quietArguments(m_dir / "other.pid");
        auto started = startDnsmasq(argv, m_pidFile);
        QVERIFY(!started);
        QCOMPARE(started.error().code, code);
        QVERIFY(!fs::exists(m_pidFile));
    }

    void pidFileForms_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("names");
        QTest::newRow("long =") << QStringList{"--pid-file=/run/x.pid"} << true;
        QTest::newRow("long separate") << QStringList{"-k", "--pid-file", "/run/x.pid"} << true;
        QTest::newRow("short joined") << QStringList{"-x/run/x.pid"} << true;
        QTest::newRow("short separate") << QStringList{"-x", "/run/x.pid"} << true;
        QTest::newRow("other file") << QStringList{"--pid-file=/run/y.pid"} << false;
        QTest::newRow("prefix only") << QStringList{"--pid-file=/run/x.pid.old"} << false;
        QTest::newRow("dangling") << QStringList{"--pid-file"} << false;
        QTest::newRow("as a value") << QStringList{"--conf-file=/run/x.pid"} << false;
    }

    void pidFileForms()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, names);
        std::vector<std::string> argv;
        for (const QString& arg : args)
            argv.push_back(arg.toStdString());
        QCOMPARE(argumentsNamePidFile(argv, "/run/x.pid"), names);
    }

    void startFailureCarriesDnsmasqsMessage()
    {
        // No interface has 10.0.78.1: dnsmasq cannot bind and says so.
        std::vector<std::string> argv = arguments(m_pidFile);
        std::replace(argv.begin(), argv.end(), std::string("--listen-address=10.0.77.1"),
                     std::string("--listen-address=10.0.78.1"));
        auto started = startDnsmasq(argv, m_pidFile);
        QVERIFY(!started);
        QVERIFY2(started.error().message.find("10.0.78.1") != std::string::npos, started.error().message.c_str());
        QCOMPARE(started.error().code, EADDRINUSE); // dnsmasq's exit code 2: a network problem
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);
        QCOMPARE(dnsmasqsMentioning(m_dir.string()), QStringList());
    }

    void leaseFromRealDnsmasq()
    {
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);
        auto pid = startDnsmasq(arguments(m_pidFile), m_pidFile);
        QVERIFY2(pid, pid ? "" : pid.error().describe().c_str());
        QCOMPARE(currentPid(), *pid);
        running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && *running);

        const CommandResult dhcp =
            m_container.exec({"/bin/busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-s",
                              QString::fromStdString((m_dir / "udhcpc.sh").string())});
        QVERIFY2(dhcp.exitCode == 0, qPrintable(dhcp.output));
        const QString leased = QString::fromStdString(readText(m_dir / "lease")).trimmed();
        const QStringList octets = leased.split('.');
        QCOMPARE(octets.size(), 4);
        QCOMPARE(octets.mid(0, 3).join('.'), QString("10.0.77"));
        QVERIFY2(octets[3].toInt() >= 2 && octets[3].toInt() <= 50, qPrintable(leased));
        // dnsmasq records the lease right after it acknowledges it.
        QTRY_VERIFY_WITH_TIMEOUT(readText(m_dir / "leases").find(" " + leased.toStdString() + " ") != std::string::npos,
                                 30000);
    }

    void dnsAnswersFromTheHostsDir()
    {
        const QString answer = lookup("web.berth");
        QVERIFY2(answer.contains("10.0.77.9"), qPrintable(answer));
        // And a name it does not know gets no such address.
        QVERIFY(!lookup("nothere.berth").contains("10.0.77.9"));
    }

    void secondStartIsRefused()
    {
        const pid_t before = currentPid();
        auto again = startDnsmasq(arguments(m_pidFile), m_pidFile);
        QVERIFY(!again);
        QCOMPARE(again.error().code, EEXIST);
        QCOMPARE(currentPid(), before);
    }

    void ensureRestartsAfterAKill()
    {
        const pid_t killed = currentPid();
        VERIFY_OK(ensureDnsmasq(arguments(m_pidFile), m_pidFile));
        QCOMPARE(currentPid(), killed); // running: left alone

        berth::UniqueFd pidFd = berth::pidfdOpen(killed);
        QVERIFY(pidFd);
        QCOMPARE(::kill(killed, SIGKILL), 0);
        QVERIFY(waitGone(pidFd.get()));
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);

        VERIFY_OK(ensureDnsmasq(arguments(m_pidFile), m_pidFile));
        QVERIFY(currentPid() != killed);
        running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && *running);
        QVERIFY(lookup("web.berth").contains("10.0.77.9"));
    }

    // An older Berth's dnsmasq read its names elsewhere: one running with
    // other arguments is replaced (issue #16).
    void ensureRestartsWithOtherArguments()
    {
        const pid_t old = currentPid();
        VERIFY_OK(ensureDnsmasq(arguments(m_pidFile, {"--domain-needed"}), m_pidFile));
        QVERIFY(currentPid() != old);
        QVERIFY(readText("/proc/" + std::to_string(currentPid()) + "/cmdline").find("--domain-needed") !=
                std::string::npos);
        const pid_t current = currentPid();
        VERIFY_OK(ensureDnsmasq(arguments(m_pidFile, {"--domain-needed"}), m_pidFile));
        QCOMPARE(currentPid(), current); // the same arguments: left alone
        VERIFY_OK(ensureDnsmasq(arguments(m_pidFile), m_pidFile));
        QVERIFY(currentPid() != current);
        QCOMPARE(dnsmasqsMentioning(m_dir.string()).size(), 1);
    }

    void stopLeavesNothing()
    {
        const pid_t pid = currentPid();
        berth::UniqueFd pidFd = berth::pidfdOpen(pid);
        QVERIFY(pidFd);
        VERIFY_OK(stopDnsmasq(m_pidFile));
        QVERIFY(!fs::exists(m_pidFile));
        pollfd pfd{pidFd.get(), POLLIN, 0};
        QCOMPARE(::poll(&pfd, 1, 0), 1); // exited already, not later
        QCOMPARE(dnsmasqsMentioning(m_dir.string()), QStringList());
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);
        VERIFY_OK(stopDnsmasq(m_pidFile)); // nothing to stop
    }

    void foregroundDnsmasqIsReaped()
    {
        auto pid = startDnsmasq(arguments(m_pidFile, {"--keep-in-foreground"}), m_pidFile);
        QVERIFY2(pid, pid ? "" : pid.error().describe().c_str());
        // It stayed our child.
        QCOMPARE(::waitpid(*pid, nullptr, WNOHANG), 0);
        VERIFY_OK(stopDnsmasq(m_pidFile));
        errno = 0;
        QCOMPARE(::waitpid(*pid, nullptr, WNOHANG), -1);
        QCOMPARE(errno, ECHILD);
    }

    void neverSignalsAStranger()
    {
        // A process that is not dnsmasq, named by a stale pid file.
        const pid_t stranger = ::fork();
        if (stranger == 0) {
            ::execl("/bin/sleep", "sleep", "1000", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::ofstream(m_pidFile) << stranger << "\n";
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);
        const auto stopped = stopDnsmasq(m_pidFile);
        const bool alive = ::waitpid(stranger, nullptr, WNOHANG) == 0;
        ::kill(stranger, SIGKILL);
        ::waitpid(stranger, nullptr, 0);
        QVERIFY(stopped);
        QVERIFY(alive);
        QVERIFY(!fs::exists(m_pidFile)); // the stale file is gone
    }

    void neverSignalsAnotherBridgesDnsmasq()
    {
        const fs::path otherPidFile = m_dir / "other.pid";
        auto other = startDnsmasq(quietArguments(otherPidFile), otherPidFile);
        QVERIFY2(other, other ? "" : other.error().describe().c_str());
        std::ofstream(m_pidFile) << *other << "\n";
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(running && !*running);
        VERIFY_OK(stopDnsmasq(m_pidFile));
        running = dnsmasqRunning(otherPidFile);
        QVERIFY(running && *running);
        VERIFY_OK(stopDnsmasq(otherPidFile));
        QVERIFY(!fs::exists(otherPidFile));
    }

    void malformedPidFile()
    {
        std::ofstream(m_pidFile) << "12ab\n";
        auto running = dnsmasqRunning(m_pidFile);
        QVERIFY(!running);
        QCOMPARE(running.error().code, EINVAL);
        fs::remove(m_pidFile);
    }
};

BERTH_INTEGRATION_MAIN(TestDnsmasq)
#include "test_dnsmasq.moc"
