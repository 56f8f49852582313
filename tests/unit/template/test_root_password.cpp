// Root passwords: hashing with crypt(3) and editing /etc/shadow in a rootfs.
#include "template/root_password.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <QtTest/QtTest>

#include <crypt.h>

#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth;
using namespace berth::templates;

namespace {

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool verifies(const std::string& password, const std::string& hash)
{
    crypt_data data{};
    const char* again = ::crypt_rn(password.c_str(), hash.c_str(), &data, sizeof(data));
    return again && hash == again;
}

} // namespace

class TestRootPassword : public QObject {
    Q_OBJECT

private slots:
    void shadowEdit_data()
    {
        QTest::addColumn<QString>("shadow");
        QTest::addColumn<QString>("expected");
        QTest::newRow("debootstrap's locked root") << "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
                                                   << "root:HASH:20000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
        QTest::newRow("root not first") << "daemon:*:19000:0:99999:7:::\nroot:!:19000:0:99999:7:::\n"
                                        << "daemon:*:19000:0:99999:7:::\nroot:HASH:20000:0:99999:7:::\n";
        QTest::newRow("no final newline") << "root:*:1::::::"
                                          << "root:HASH:20000::::::";
        QTest::newRow("a user named rootless is not root")
            << "rootless:*:1:0:99999:7:::\nroot:*:1:0:99999:7:::\n"
            << "rootless:*:1:0:99999:7:::\nroot:HASH:20000:0:99999:7:::\n";
        QTest::newRow("only the first root line") << "root:*:1:0:99999:7:::\nroot:*:1:0:99999:7:::\n"
                                                  << "root:HASH:20000:0:99999:7:::\nroot:*:1:0:99999:7:::\n";
        QTest::newRow("comments and blank lines kept") << "# c\n\nroot:*:1:0:99999:7:::\n"
                                                       << "# c\n\nroot:HASH:20000:0:99999:7:::\n";
    }

    void shadowEdit()
    {
        QFETCH(QString, shadow);
        QFETCH(QString, expected);
        auto edited = shadowWithPassword(shadow.toStdString(), "root", "HASH", 20000);
        QVERIFY2(edited, edited ? "" : edited.error().message.c_str());
        QCOMPARE(QString::fromStdString(*edited), expected);
    }

    void shadowRefusals()
    {
        auto missing = shadowWithPassword("daemon:*:1:0:99999:7:::\n", "root", "HASH", 1);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ENOENT);
        auto colon = shadowWithPassword("root:*:1:0:99999:7:::\n", "root", "a:b", 1);
        QVERIFY(!colon);
        QCOMPARE(colon.error().code, EINVAL);
        auto newline = shadowWithPassword("root:*:1:0:99999:7:::\n", "root", "a\nroot::0:::::", 1);
        QVERIFY(!newline);
        QCOMPARE(newline.error().code, EINVAL);
    }

    void hashVerifies()
    {
        auto hash = hashPassword("correct horse");
        QVERIFY(hash);
        QVERIFY2(hash->starts_with("$y$"), hash->c_str());
        QVERIFY(verifies("correct horse", *hash));
        QVERIFY(!verifies("wrong horse", *hash));
        auto other = hashPassword("correct horse");
        QVERIFY(other);
        QVERIFY(*other != *hash); // a fresh salt each time
    }

    // Copy (one tree) and snapshot (read the lower, write the upper).
    void writtenIntoRootfs_data()
    {
        QTest::addColumn<bool>("separateUpper");
        QTest::newRow("copy") << false;
        QTest::newRow("snapshot") << true;
    }

    void writtenIntoRootfs()
    {
        QFETCH(bool, separateUpper);
        QTemporaryDir tmp;
        const std::filesystem::path lower = tmp.path().toStdString() + "/lower";
        const std::filesystem::path upper =
            separateUpper ? std::filesystem::path(tmp.path().toStdString() + "/upper") : lower;
        std::filesystem::create_directories(lower / "etc");
        std::filesystem::create_directories(upper / "etc");
        const std::string original = "root:*:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n";
        std::ofstream(lower / "etc/shadow") << original;
        QCOMPARE(::chmod((lower / "etc/shadow").c_str(), 0640), 0);
        UniqueFd lowerFd(::open(lower.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        UniqueFd upperFd(::open(upper.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        auto set = setRootPassword(lowerFd.get(), upperFd.get(), "hunter2");
        QVERIFY2(set, set ? "" : set.error().message.c_str());

        const std::string text = readText(upper / "etc/shadow");
        const std::string rootLine = text.substr(0, text.find('\n'));
        const std::string hash = rootLine.substr(5, rootLine.find(':', 5) - 5);
        QVERIFY(verifies("hunter2", hash));
        QVERIFY(text.ends_with("\nbin:*:19000:0:99999:7:::\n"));
        struct stat st {};
        QCOMPARE(::stat((upper / "etc/shadow").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, 0640u);
        if (separateUpper)
            QCOMPARE(readText(lower / "etc/shadow"), original);
    }

    void noShadowIsAnError()
    {
        QTemporaryDir tmp;
        std::filesystem::create_directories(tmp.path().toStdString() + "/etc");
        UniqueFd root(::open(tmp.path().toLocal8Bit().constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        auto set = setRootPassword(root.get(), root.get(), "x");
        QVERIFY(!set);
        QCOMPARE(set.error().code, ENOENT);
    }
};

QTEST_GUILESS_MAIN(TestRootPassword)
#include "test_root_password.moc"
