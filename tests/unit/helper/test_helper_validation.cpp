// Every argument check of the helper, with the hostile cases.
#include "validation.h"

#include <QtTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth;
using namespace berth::helper;

namespace {

std::string repeat(char c, std::size_t n)
{
    return std::string(n, c);
}

} // namespace

class TestHelperValidation : public QObject {
    Q_OBJECT
private slots:
    void names_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QByteArray("web") << true;
        QTest::newRow("digits and punctuation") << QByteArray("a1_b.c-d") << true;
        QTest::newRow("63 chars") << QByteArray::fromStdString(repeat('a', 63)) << true;
        QTest::newRow("64 chars") << QByteArray::fromStdString(repeat('a', 64)) << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("dot") << QByteArray(".") << false;
        QTest::newRow("dotdot") << QByteArray("..") << false;
        QTest::newRow("slash") << QByteArray("a/b") << false;
        QTest::newRow("traversal") << QByteArray("../etc") << false;
        QTest::newRow("upper case") << QByteArray("Web") << false;
        QTest::newRow("leading dash") << QByteArray("-rf") << false;
        QTest::newRow("space") << QByteArray("a b") << false;
        QTest::newRow("newline") << QByteArray("a\nb") << false;
        QTest::newRow("nul") << QByteArray("a\0b", 3) << false;
        QTest::newRow("utf8") << QByteArray("caf\xc3\xa9") << false;
    }
    void names()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateName(name.toStdString())), valid);
    }

    void signalNumbers_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << 0 << false;
        QTest::newRow("1") << 1 << true;
        QTest::newRow("SIGKILL") << 9 << true;
        QTest::newRow("64") << 64 << true;
        QTest::newRow("65") << 65 << false;
        QTest::newRow("negative") << -9 << false;
        QTest::newRow("INT_MIN") << std::numeric_limits<int>::min() << false;
    }
    void signalNumbers()
    {
        QFETCH(int, signal);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateSignal(signal)), valid);
    }

    void stopTimeout()
    {
        QCOMPARE(*validateStopTimeout(0), std::chrono::milliseconds(0));
        QCOMPARE(*validateStopTimeout(10), std::chrono::milliseconds(10000));
        QVERIFY(validateStopTimeout(3600));
        QVERIFY(!validateStopTimeout(3601));
        QVERIFY(!validateStopTimeout(std::numeric_limits<std::uint32_t>::max()));
    }

    void tty()
    {
        QVERIFY(validateTty(0));
        QVERIFY(validateTty(63));
        QVERIFY(!validateTty(64));
        QVERIFY(!validateTty(-1));
    }

    void windowSize()
    {
        QVERIFY(validateWindowSize(24, 80));
        QVERIFY(validateWindowSize(1, 1));
        QVERIFY(validateWindowSize(4096, 4096));
        QVERIFY(!validateWindowSize(0, 80));
        QVERIFY(!validateWindowSize(24, 0));
        QVERIFY(!validateWindowSize(4097, 80));
        QVERIFY(!validateWindowSize(24, 65535));
    }

    void kinds()
    {
        QVERIFY(validateKind(""));
        QVERIFY(validateKind("system"));
        QVERIFY(validateKind("application"));
        QVERIFY(!validateKind("System"));
        QVERIFY(!validateKind("vm"));
    }

    void argv()
    {
        QVERIFY(validateArgv({"/bin/sh", "-c", "true"}, false));
        QVERIFY(!validateArgv({}, false));
        QVERIFY(validateArgv({}, true));
        QVERIFY(!validateArgv({""}, true));
        QVERIFY(!validateArgv({"a", std::string("b\0c", 3)}, false));
        QVERIFY(validateArgv(std::vector<std::string>(kMaxArgvEntries, "x"), false));
        auto tooMany = validateArgv(std::vector<std::string>(kMaxArgvEntries + 1, "x"), false);
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().code, E2BIG);
        QVERIFY(!validateArgv({"x", repeat('y', kMaxArgBytes + 1)}, false));
    }

    void env_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "TERM=xterm" << true;
        QTest::newRow("empty value") << "A=" << true;
        QTest::newRow("value with =") << "A=b=c" << true;
        QTest::newRow("underscore") << "_X1=y" << true;
        QTest::newRow("no =") << "TERM" << false;
        QTest::newRow("empty key") << "=x" << false;
        QTest::newRow("digit first") << "1A=x" << false;
        QTest::newRow("dash in key") << "A-B=x" << false;
        QTest::newRow("space in key") << "A B=x" << false;
    }
    void env()
    {
        QFETCH(QString, entry);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateEnv({entry.toStdString()})), valid);
    }

    void envCaps()
    {
        QVERIFY(!validateEnv(std::vector<std::string>(kMaxEnvEntries + 1, "A=b")));
        QVERIFY(!validateEnv({std::string("A=b\0c", 5)}));
    }

    void cwd_data()
    {
        QTest::addColumn<QByteArray>("cwd");
        QTest::addColumn<bool>("valid");
        QTest::newRow("root") << QByteArray("/") << true;
        QTest::newRow("deep") << QByteArray("/srv/app") << true;
        QTest::newRow("dots in names") << QByteArray("/a..b/.c") << true;
        QTest::newRow("relative") << QByteArray("srv") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("dotdot") << QByteArray("/..") << false;
        QTest::newRow("climbing") << QByteArray("/srv/../../etc") << false;
        QTest::newRow("trailing dotdot") << QByteArray("/srv/..") << false;
        QTest::newRow("nul") << QByteArray("/a\0b", 4) << false;
        QTest::newRow("too long") << QByteArray(4097, 'a').prepend('/') << false;
    }
    void cwd()
    {
        QFETCH(QByteArray, cwd);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateCwd(cwd.toStdString())), valid);
    }

    void configText()
    {
        QVERIFY(validateConfigText("lxc.uts.name = a\n"));
        QVERIFY(validateConfigText(repeat('#', kMaxConfigBytes)));
        auto big = validateConfigText(repeat('#', kMaxConfigBytes + 1));
        QVERIFY(!big);
        QCOMPARE(big.error().code, E2BIG);
        QVERIFY(!validateConfigText(std::string("a\0b", 3)));
    }

    void templates()
    {
        QVERIFY(validateTemplate("busybox", {}));
        auto unknown = validateTemplate("nosuch", {});
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, EINVAL);
        QVERIFY(!validateTemplate("busybox", {{"no-such-option", "x"}}));
        QVERIFY(!validateTemplate("", {}));
        QVERIFY(!validateTemplate("../busybox", {}));
        TemplateOptions many;
        for (int i = 0; i < int(kMaxOptions) + 1; ++i)
            many.emplace("k" + std::to_string(i), "v");
        QVERIFY(!validateTemplate("busybox", many));
    }

    void bridgeNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("default") << QByteArray("berthbr0") << true;
        QTest::newRow("15 chars") << QByteArray("abcdefghijklmno") << true;
        QTest::newRow("16 chars") << QByteArray("abcdefghijklmnop") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("slash") << QByteArray("br/0") << false;
        QTest::newRow("dotdot") << QByteArray("..") << false;
        QTest::newRow("space") << QByteArray("br 0") << false;
        QTest::newRow("colon") << QByteArray("br:0") << false;
        QTest::newRow("leading dash") << QByteArray("-br") << false;
        QTest::newRow("nul") << QByteArray("br\0x", 4) << false;
    }
    void bridgeNames()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateBridgeName(name.toStdString())), valid);
    }

    void cidrs_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<bool>("valid");
        QTest::newRow("gateway") << "10.0.3.1/24" << true;
        QTest::newRow("host") << "192.168.1.5/32" << true;
        QTest::newRow("no prefix") << "10.0.3.1" << false;
        QTest::newRow("prefix 33") << "10.0.3.1/33" << false;
        QTest::newRow("octet 256") << "10.0.3.256/24" << false;
        QTest::newRow("short") << "10.0.3/24" << false;
        QTest::newRow("sign") << "10.0.3.1/+24" << false;
        QTest::newRow("trailing") << "10.0.3.1/24x" << false;
        QTest::newRow("ipv6") << "fd00::1/64" << false;
        QTest::newRow("long") << "010.000.003.001/024" << false;
    }
    void cidrs()
    {
        QFETCH(QString, cidr);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateCidr(cidr.toStdString(), false)), valid);
    }

    void emptyCidr()
    {
        QVERIFY(validateCidr("", true));
        QVERIFY(!validateCidr("", false));
    }

    void dhcpRanges_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << "" << true;
        QTest::newRow("range") << "10.0.3.2-10.0.3.199" << true;
        QTest::newRow("one address") << "10.0.3.2-10.0.3.2" << true;
        QTest::newRow("reversed") << "10.0.3.199-10.0.3.2" << false;
        QTest::newRow("comma") << "10.0.3.2,10.0.3.199" << false;
        QTest::newRow("open") << "10.0.3.2-" << false;
        QTest::newRow("garbage") << "a-b" << false;
    }
    void dhcpRanges()
    {
        QFETCH(QString, range);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateDhcpRange(range.toStdString())), valid);
    }

    void mtu()
    {
        QVERIFY(validateMtu(0));
        QVERIFY(validateMtu(1500));
        QVERIFY(validateMtu(68));
        QVERIFY(!validateMtu(67));
        QVERIFY(validateMtu(65535));
        QVERIFY(!validateMtu(65536));
    }

    void domains()
    {
        QVERIFY(validateDomain("berth"));
        QVERIFY(validateDomain("lab.example"));
        QVERIFY(!validateDomain(""));
        QVERIFY(!validateDomain("Berth"));
        QVERIFY(!validateDomain("a;b"));
        QVERIFY(!validateDomain("a\nserver=1.2.3.4")); // would inject a dnsmasq line
    }

    void forwards_data()
    {
        QTest::addColumn<QString>("forward");
        QTest::addColumn<bool>("valid");
        QTest::newRow("tcp") << "tcp:8080:80" << true;
        QTest::newRow("udp with address") << "udp:127.0.0.1:5353:53" << true;
        QTest::newRow("no protocol") << "8080:80" << false;
        QTest::newRow("sctp") << "sctp:1:2" << false;
        QTest::newRow("port 0") << "tcp:0:80" << false;
        QTest::newRow("port 65536") << "tcp:65536:80" << false;
        QTest::newRow("negative") << "tcp:-1:80" << false;
        QTest::newRow("bad address") << "tcp:1.2.3:80:80" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("too long") << QString(100, QLatin1Char('1')).prepend("tcp:") << false;
    }
    void forwards()
    {
        QFETCH(QString, forward);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateForward(forward.toStdString())), valid);
    }

    void fdModes_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::addColumn<bool>("fileOk");
        QTest::addColumn<bool>("directoryOk");
        QTest::addColumn<bool>("valid");
        QTest::newRow("file where file") << uint(S_IFREG) << true << false << true;
        QTest::newRow("pipe where file") << uint(S_IFIFO) << true << false << true;
        QTest::newRow("dir where file") << uint(S_IFDIR) << true << false << false;
        QTest::newRow("dir where dir") << uint(S_IFDIR) << false << true << true;
        QTest::newRow("file where dir") << uint(S_IFREG) << false << true << false;
        QTest::newRow("either, dir") << uint(S_IFDIR) << true << true << true;
        QTest::newRow("socket") << uint(S_IFSOCK) << true << true << false;
        QTest::newRow("char device") << uint(S_IFCHR) << true << true << false;
        QTest::newRow("block device") << uint(S_IFBLK) << true << true << false;
        QTest::newRow("symlink") << uint(S_IFLNK) << true << true << false;
    }
    void fdModes()
    {
        QFETCH(uint, mode);
        QFETCH(bool, fileOk);
        QFETCH(bool, directoryOk);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateFdMode(mode_t(mode), fileOk, directoryOk)), valid);
    }

    // Inputs are read, outputs written: the access mode must say so, and
    // O_PATH (no right to read or write at all) never passes.
    void fileAccess_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::addColumn<int>("flags");
        QTest::addColumn<bool>("read");
        QTest::addColumn<bool>("directoryOk");
        QTest::addColumn<bool>("valid");
        QTest::newRow("input file O_RDONLY") << uint(S_IFREG) << O_RDONLY << true << false << true;
        QTest::newRow("input file O_RDWR") << uint(S_IFREG) << O_RDWR << true << false << true;
        QTest::newRow("input file O_WRONLY") << uint(S_IFREG) << O_WRONLY << true << false << false;
        QTest::newRow("input file O_PATH") << uint(S_IFREG) << O_PATH << true << false << false;
        QTest::newRow("input dir O_RDONLY") << uint(S_IFDIR) << (O_RDONLY | O_DIRECTORY) << true << true << true;
        QTest::newRow("input dir O_PATH") << uint(S_IFDIR) << (O_PATH | O_DIRECTORY) << true << true << false;
        QTest::newRow("input pipe O_RDONLY") << uint(S_IFIFO) << O_RDONLY << true << false << true;
        QTest::newRow("output file O_WRONLY") << uint(S_IFREG) << (O_WRONLY | O_APPEND) << false << false << true;
        QTest::newRow("output file O_RDWR") << uint(S_IFREG) << O_RDWR << false << false << true;
        QTest::newRow("output file O_RDONLY") << uint(S_IFREG) << O_RDONLY << false << false << false;
        QTest::newRow("output file O_PATH") << uint(S_IFREG) << O_PATH << false << false << false;
        QTest::newRow("output pipe O_WRONLY") << uint(S_IFIFO) << O_WRONLY << false << false << true;
        QTest::newRow("output dir O_RDWR") << uint(S_IFDIR) << O_RDWR << false << false << false;
    }
    void fileAccess()
    {
        QFETCH(uint, mode);
        QFETCH(int, flags);
        QFETCH(bool, read);
        QFETCH(bool, directoryOk);
        QFETCH(bool, valid);
        const FdFacts facts{.mode = mode_t(mode), .flags = flags};
        QCOMPARE(bool(validateFileFacts(facts, read ? FdUse::Read : FdUse::Write, true, directoryOk)), valid);
    }

    // stdio: type x access mode x stream. Never a directory, never O_PATH,
    // never a device unless a terminal (or /dev/null); the direction must match.
    void stdio_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::addColumn<int>("flags");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<int>("stream");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("says");
        const int in = int(StdioStream::In), out = int(StdioStream::Out), err = int(StdioStream::Err);
        struct Kind {
            const char* name;
            mode_t mode;
            bool terminal;
            bool ok;
        };
        const Kind kinds[] = {{"pipe", S_IFIFO, false, true},    {"socket", S_IFSOCK, false, true},
                              {"file", S_IFREG, false, true},    {"tty", S_IFCHR, true, true},
                              {"device", S_IFCHR, false, false}, {"block", S_IFBLK, false, false},
                              {"dir", S_IFDIR, false, false},    {"symlink", S_IFLNK, false, false}};
        struct Access {
            const char* name;
            int flags;
        };
        const Access accesses[] = {
            {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_PATH", O_PATH}};
        for (const Kind& kind : kinds) {
            for (const Access& access : accesses) {
                for (int stream : {in, out, err}) {
                    const bool path = access.flags == O_PATH;
                    const bool direction = stream == in ? access.flags != O_WRONLY : access.flags != O_RDONLY;
                    const char* streamName = stream == in ? "stdin" : stream == out ? "stdout" : "stderr";
                    QTest::addRow("%s %s %s", kind.name, access.name, streamName)
                        << uint(kind.mode) << access.flags << kind.terminal << stream << (kind.ok && !path && direction)
                        << QString::fromLatin1(streamName);
                }
            }
        }
        QTest::newRow("directory as stdin says so") << uint(S_IFDIR) << int(O_RDONLY | O_DIRECTORY) << false << in
                                                    << false << QStringLiteral("stdin is a directory");
        QTest::newRow("O_PATH directory as stdin says so")
            << uint(S_IFDIR) << int(O_PATH | O_DIRECTORY) << false << in << false << QStringLiteral("O_PATH");
        QTest::newRow("read-only file as stdout says so")
            << uint(S_IFREG) << O_RDONLY << false << out << false << QStringLiteral("stdout: ");
    }
    void stdio()
    {
        QFETCH(uint, mode);
        QFETCH(int, flags);
        QFETCH(bool, terminal);
        QFETCH(int, stream);
        QFETCH(bool, valid);
        QFETCH(QString, says);
        const FdFacts facts{.mode = mode_t(mode), .flags = flags, .terminal = terminal};
        auto checked = validateStdioFacts(facts, StdioStream(stream));
        QCOMPARE(bool(checked), valid);
        if (!checked) {
            QCOMPARE(checked.error().code, EINVAL);
            QVERIFY2(QString::fromStdString(checked.error().message).contains(says), checked.error().message.c_str());
        }
    }

    void realFds()
    {
        int pipeFds[2];
        QCOMPARE(::pipe2(pipeFds, O_CLOEXEC), 0);
        QVERIFY(validateFd(pipeFds[0], FdUse::Read, true, false));
        QVERIFY(!validateFd(pipeFds[0], FdUse::Write, true, false));
        QVERIFY(validateStdioFd(pipeFds[0], StdioStream::In));
        QVERIFY(validateStdioFd(pipeFds[1], StdioStream::Out));
        QVERIFY(!validateStdioFd(pipeFds[1], StdioStream::In));
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        const int dir = ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(dir >= 0);
        QVERIFY(!validateFd(dir, FdUse::Read, true, false));
        QVERIFY(validateFd(dir, FdUse::Read, false, true));
        QVERIFY(!validateStdioFd(dir, StdioStream::In));
        ::close(dir);
        const int pathDir = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(pathDir >= 0);
        QVERIFY(!validateFd(pathDir, FdUse::Read, false, true));
        QVERIFY(!validateStdioFd(pathDir, StdioStream::In));
        ::close(pathDir);
        const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(!validateFd(null, FdUse::Read, true, true)); // a device is never an input file
        QVERIFY(validateStdioFd(null, StdioStream::In));     // but `< /dev/null` is stdin
        QVERIFY(!validateStdioFd(null, StdioStream::Out));   // opened read-only
        ::close(null);
        const int zero = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
        QVERIFY(!validateStdioFd(zero, StdioStream::In)); // another device: no
        ::close(zero);
        const int ptmx = ::open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
        QVERIFY(ptmx >= 0);
        QVERIFY(validateStdioFd(ptmx, StdioStream::Out)); // a terminal
        ::close(ptmx);
        QVERIFY(!validateFd(-1, FdUse::Read, true, true));
        QVERIFY(!validateFd(100000, FdUse::Read, true, true));
        QVERIFY(!validateStdioFd(-1, StdioStream::In));
    }

    void jobCount()
    {
        QVERIFY(validateJobCount(0));
        QVERIFY(validateJobCount(kMaxRunningJobs - 1));
        auto full = validateJobCount(kMaxRunningJobs);
        QVERIFY(!full);
        QCOMPARE(full.error().code, EBUSY);
    }
};

QTEST_APPLESS_MAIN(TestHelperValidation)
#include "test_helper_validation.moc"
