// fs::walkTree: symlinks never followed, pre- and post-order as the sites
// need, deep trees with few fds, an unreadable directory named in the error.
#include "berth/unique_fd.h"
#include "fs/tree_walk.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stdfs = std::filesystem;
using berth::fs::Descend;

namespace {

// Records every call as "enter:a", "entry:a/b", "leave:a"; enters every
// directory it is offered.
class Recorder : public berth::fs::TreeVisitor {
public:
    std::vector<std::string> calls;

    berth::Status enter(const berth::fs::WalkDir& dir) override
    {
        calls.push_back("enter:" + std::string(dir.path));
        return {};
    }
    berth::Result<Descend> entry(const berth::fs::WalkEntry& e) override
    {
        calls.push_back("entry:" + std::string(e.path));
        return Descend::Yes;
    }
    berth::Status leave(const berth::fs::WalkDir& dir, int /*parentFd*/) override
    {
        calls.push_back("leave:" + std::string(dir.path));
        return {};
    }

    [[nodiscard]] long indexOf(const std::string& call) const
    {
        const auto it = std::find(calls.begin(), calls.end(), call);
        return it == calls.end() ? -1 : it - calls.begin();
    }
};

berth::Status walk(const stdfs::path& root, berth::fs::TreeVisitor& visitor, std::string_view shown = {})
{
    berth::UniqueFd fd(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    return berth::fs::walkTree(fd.get(), visitor, shown);
}

} // namespace

class TestTreeWalk : public QObject {
    Q_OBJECT

private slots:
    void symlinksToOutsideAreEntriesNotEntered()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "outside/secret");
        stdfs::create_directories(top / "tree/a");
        stdfs::create_directory_symlink(top / "outside", top / "tree/a/abs");
        stdfs::create_directory_symlink("../../outside", top / "tree/a/rel");
        Recorder r;
        auto ok = walk(top / "tree", r);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(r.indexOf("entry:a/abs") >= 0);
        QVERIFY(r.indexOf("entry:a/rel") >= 0);
        for (const std::string& call : r.calls)
            QVERIFY2(call.find("secret") == std::string::npos && call.rfind("enter:a/", 0) != 0, call.c_str());
    }

    void preOrderEntersAndPostOrderLeaves()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "a/b");
        stdfs::create_directories(top / "c");
        std::ofstream(top / "a/file") << "x";
        Recorder r;
        auto ok = walk(top, r);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        // Names in order; a directory's entries before any of its subtrees;
        // each subtree left before the next is entered, the root last.
        const std::vector<std::string> expected = {
            "enter:",    "entry:a",   "entry:c", "enter:a", "entry:a/b", "entry:a/file",
            "enter:a/b", "leave:a/b", "leave:a", "enter:c", "leave:c",   "leave:",
        };
        QCOMPARE(r.calls, expected);
    }

    void deepTreeNeedsFewFds()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        constexpr int kDepth = 600;
        berth::UniqueFd dir(::open(top.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        for (int i = 0; i < kDepth; ++i) {
            QCOMPARE(::mkdirat(dir.get(), "d", 0755), 0);
            dir.reset(::openat(dir.get(), "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        }
        dir.reset();
        struct rlimit old {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &old), 0);
        struct rlimit low = old;
        low.rlim_cur = 64;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        Recorder r;
        auto ok = walk(top, r);
        ::setrlimit(RLIMIT_NOFILE, &old);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        const long leaves = std::count_if(r.calls.begin(), r.calls.end(),
                                          [](const std::string& c) { return c.rfind("leave:", 0) == 0; });
        QCOMPARE(leaves, long(kDepth + 1));
    }

    // A site that lets directories go meanwhile (cgroups) skips one it
    // cannot open any more: no error, nothing below it visited.
    void aDirectoryTheVisitorSkipsIsNotEntered()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "gone/below");
        stdfs::create_directories(top / "kept");
        struct Skipper : Recorder {
            berth::Result<berth::UniqueFd> openSubdir(int parentFd, const std::string& name,
                                                      std::string_view shown) override
            {
                if (name == "gone")
                    return berth::UniqueFd{};
                return TreeVisitor::openSubdir(parentFd, name, shown);
            }
        } r;
        auto ok = walk(top, r);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QCOMPARE(r.indexOf("enter:gone"), -1L);
        QCOMPARE(r.indexOf("leave:gone"), -1L);
        QCOMPARE(r.indexOf("entry:gone/below"), -1L);
        QVERIFY(r.indexOf("leave:kept") >= 0);
    }

    // Run as another user in a child, so root's DAC override does not open it.
    void unreadableDirectoryNamedInError()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        ::chmod(top.c_str(), 0755);
        stdfs::create_directories(top / "tree/open/locked/inner");
        ::chmod((top / "tree/open/locked").c_str(), 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(3);
            Recorder r;
            auto ok = walk(top / "tree", r, "/shown/tree");
            const bool named = !ok && ok.error().code == EACCES &&
                               ok.error().describe().find("'/shown/tree/open/locked'") != std::string::npos;
            ::_exit(named && r.indexOf("enter:open/locked/inner") < 0 ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        ::chmod((top / "tree/open/locked").c_str(), 0755);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

QTEST_GUILESS_MAIN(TestTreeWalk)
#include "test_tree_walk.moc"
