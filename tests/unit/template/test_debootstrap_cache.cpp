// The template cache with a stand-in for debootstrap: built once, reused,
// and nothing left behind by a failed or cancelled build.
#include "template/debootstrap_cache.h"

#include "berth/unique_fd.h"
#include "fs/lock_file.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>

using namespace berth;
using namespace berth::templates;
namespace fsys = std::filesystem;

namespace {

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> entriesOf(const fsys::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : fsys::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const DebootstrapRequest kRequest{.release = "bookworm",
                                  .architecture = "amd64",
                                  .mirror = "http://mirror.example/debian",
                                  .packages = {"systemd-sysv"}};

} // namespace

class TestDebootstrapCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fsys::path m_cache;
    std::string m_counter;

    // A debootstrap that writes a marker into its target (the argument
    // before the mirror) and counts its runs.
    std::string fakeDebootstrap(const char* name, const std::string& body)
    {
        const std::string path = m_dir.path().toStdString() + "/" + name;
        std::ofstream(path) << "#!/bin/sh\necho run >> '" << m_counter << "'\n"
                            << "eval target=\\${$(($# - 1))}\n"
                            << body;
        ::chmod(path.c_str(), 0755);
        return path;
    }

    std::string goodDebootstrap()
    {
        return fakeDebootstrap("good", "mkdir -p \"$target/etc\"\necho \"$*\" > \"$target/etc/marker\"\n"
                                       "echo 'I: Retrieving base-files 12'\necho 'I: Configuring base-files...'\n"
                                       "echo 'I: Base system installed successfully.'\n");
    }

    int runs() const
    {
        const std::string text = readText(m_counter);
        return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }

    static CacheBuildOptions optionsFor(const std::string& program)
    {
        return {.program = program, .progressShare = 0.85, .privateMounts = false, .secondStage = false};
    }

private slots:
    void init()
    {
        m_cache = m_dir.path().toStdString() + "/cache-" + QTest::currentTestFunction();
        m_counter = m_cache.string() + ".runs";
    }

    void buildsOnceThenReuses()
    {
        const std::string program = goodDebootstrap();
        std::vector<ProgressEvent> events;
        const Progress progress([&](const ProgressEvent& e) { events.push_back(e); }, nullptr);
        auto first = ensureCachedRootfs(m_cache, kRequest, progress, optionsFor(program));
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QVERIFY(first->built);
        const std::string key = cacheKey(*normalizedRequest(kRequest));
        QCOMPARE(first->rootfs, m_cache / key / "rootfs");
        QVERIFY(readText(first->rootfs / "etc/marker").find("--include=systemd-sysv bookworm") != std::string::npos);
        const std::string metadata = readText(m_cache / key / "metadata.json");
        QVERIFY(metadata.find("\"mirror\": \"http://mirror.example/debian\"") != std::string::npos);
        QVERIFY(metadata.find("\"--include=systemd-sysv\"") != std::string::npos);
        QCOMPARE(entriesOf(m_cache), (std::vector<std::string>{".lock-" + key, key}));
        QCOMPARE(runs(), 1);
        auto logged = std::count_if(events.begin(), events.end(),
                                    [](const ProgressEvent& e) { return e.logLine == "I: Retrieving base-files 12"; });
        QCOMPARE(logged, 1);
        QVERIFY(std::any_of(events.begin(), events.end(),
                            [](const ProgressEvent& e) { return e.step == "Configuring packages" && e.fraction > 0; }));

        events.clear();
        auto second = ensureCachedRootfs(m_cache, kRequest, progress, optionsFor(program));
        QVERIFY(second);
        QVERIFY(!second->built);
        QCOMPARE(second->rootfs, first->rootfs);
        QCOMPARE(runs(), 1);
        QCOMPARE(readText(m_cache / key / "metadata.json"), metadata);
        QVERIFY(std::none_of(events.begin(), events.end(), [](const ProgressEvent& e) { return !e.logLine.empty(); }));
    }

    // The second of two simultaneous creations waits for the first's build.
    void concurrentCallersBuildOnce()
    {
        const std::string program = fakeDebootstrap("slow", "sleep 0.3\nmkdir -p \"$target\"\n");
        Result<CachedRootfs> a = failWith(EINVAL, "not run"), b = a;
        std::thread other([&] { a = ensureCachedRootfs(m_cache, kRequest, {}, optionsFor(program)); });
        b = ensureCachedRootfs(m_cache, kRequest, {}, optionsFor(program));
        other.join();
        QVERIFY(a && b);
        QCOMPARE(runs(), 1);
        QVERIFY(a->built != b->built);
    }

    // A creation waiting for another's build can still be cancelled.
    void cancelWhileWaitingForTheLock()
    {
        fsys::create_directories(m_cache);
        UniqueFd dir(::open(m_cache.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        auto held = fs::lockFileAt(dir.get(), ".lock-" + cacheKey(*normalizedRequest(kRequest)), false);
        QVERIFY(held);
        std::atomic<bool> cancel{false};
        bool waited = false;
        const Progress progress(
            [&](const ProgressEvent& e) {
                if (e.step.starts_with("Waiting for another creation")) {
                    waited = true;
                    cancel = true;
                }
            },
            &cancel);
        auto result = ensureCachedRootfs(m_cache, kRequest, progress, optionsFor(goodDebootstrap()));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ECANCELED);
        QVERIFY(waited);
        QCOMPARE(runs(), 0);
    }

    void failureLeavesNothing()
    {
        const std::string program = fakeDebootstrap(
            "failing", "mkdir -p \"$target/debootstrap\"\necho 'I: Retrieving InRelease'\n"
                       "echo 'E: Failed getting release file http://mirror.example/debian/dists/bookworm/Release'\n"
                       "exit 1\n");
        auto result = ensureCachedRootfs(m_cache, kRequest, {}, optionsFor(program));
        QVERIFY(!result);
        QCOMPARE(result.error().code, EIO);
        const std::string& message = result.error().message;
        QVERIFY2(message.find("from http://mirror.example/debian") != std::string::npos, message.c_str());
        QVERIFY2(message.find("Failed getting release file") != std::string::npos, message.c_str());
        QCOMPARE(entriesOf(m_cache), (std::vector<std::string>{".lock-" + cacheKey(*normalizedRequest(kRequest))}));
    }

    void cancelLeavesNothing()
    {
        const std::string program =
            fakeDebootstrap("hanging", "mkdir -p \"$target/etc\"\necho 'I: Retrieving InRelease'\nexec sleep 1000\n");
        std::atomic<bool> cancel{false};
        const Progress progress(
            [&](const ProgressEvent& e) {
                if (e.logLine.starts_with("I: "))
                    cancel = true;
            },
            &cancel);
        auto result = ensureCachedRootfs(m_cache, kRequest, progress, optionsFor(program));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ECANCELED);
        QCOMPARE(entriesOf(m_cache), (std::vector<std::string>{".lock-" + cacheKey(*normalizedRequest(kRequest))}));
    }

    void staleStagingRemoved()
    {
        const std::string key = cacheKey(*normalizedRequest(kRequest));
        fsys::create_directories(m_cache / (".staging-" + key + "-dead") / "rootfs/etc");
        fsys::create_directories(m_cache / ".staging-other-key-dead");
        auto result = ensureCachedRootfs(m_cache, kRequest, {}, optionsFor(goodDebootstrap()));
        QVERIFY(result);
        QCOMPARE(entriesOf(m_cache), (std::vector<std::string>{".lock-" + key, ".staging-other-key-dead", key}));
    }

    void badRequestRunsNothing()
    {
        DebootstrapRequest bad = kRequest;
        bad.release = "nonexistent";
        auto result = ensureCachedRootfs(m_cache, bad, {}, optionsFor(goodDebootstrap()));
        QVERIFY(!result);
        QCOMPARE(result.error().code, EINVAL);
        QCOMPARE(runs(), 0);
    }

    // Issue #14: nothing is installed that cannot be verified: without the
    // archive's keyring no build starts, and the error names the package.
    void missingKeyringRunsNothing()
    {
        DebootstrapRequest request = kRequest;
        request.keyring = m_dir.path().toStdString() + "/no-such-keyring.gpg";
        auto result = ensureCachedRootfs(m_cache, request, {}, optionsFor(goodDebootstrap()));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ENOENT);
        QVERIFY2(result.error().message.find("debian-archive-keyring") != std::string::npos,
                 result.error().message.c_str());
        QCOMPARE(runs(), 0);
        for (const std::string& name : entriesOf(m_cache))
            QVERIFY2(name.starts_with(".lock-"), name.c_str());
    }

    void metadataText()
    {
        auto request = *normalizedRequest(kRequest);
        const std::string text = cacheMetadata(request, {"debootstrap", "--arch=amd64"}, 1700000000, "abc");
        QVERIFY(text.find("\"builtAt\": 1700000000") != std::string::npos);
        QVERIFY(text.find("\"buildId\": \"abc\"") != std::string::npos);
        QVERIFY(text.find("\"key\": \"" + cacheKey(request) + "\"") != std::string::npos);
        QVERIFY(text.find("\"keyring\": \"/usr/share/keyrings/debian-archive-keyring.gpg\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestDebootstrapCache)
#include "test_debootstrap_cache.moc"
