// Engine::pullImage (issue #21) against registries in the test's own
// network namespace: Debian's docker-registry fed by skopeo, and the
// harness's hostile registry for the answers a real one never gives.
#include "hostile_registry.h"
#include "integration_env.h"
#include "test_registry.h"

#include "berth/engine.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <mutex>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;
namespace fsys = std::filesystem;

namespace {

// Item progress from the pull (reported on the pulling thread).
struct Recorder {
    std::mutex mutex;
    std::vector<ItemProgress> items;
    std::atomic<bool> cancel{false};
    std::function<void(const ItemProgress&)> onItem;

    Progress progress()
    {
        return Progress(
            [this](const ProgressEvent& e) {
                if (!e.item)
                    return;
                {
                    const std::lock_guard lock(mutex);
                    items.push_back(*e.item);
                }
                if (onItem)
                    onItem(*e.item);
            },
            &cancel);
    }
    std::string lastPhase(const std::string& id)
    {
        const std::lock_guard lock(mutex);
        std::string phase;
        for (const ItemProgress& item : items)
            if (item.id == id)
                phase = item.phase;
        return phase;
    }
};

std::vector<std::string> names(const fsys::path& dir)
{
    std::vector<std::string> list;
    if (fsys::exists(dir))
        for (const auto& e : fsys::directory_iterator(dir))
            list.push_back(e.path().filename().string());
    std::sort(list.begin(), list.end());
    return list;
}

ImageSpec baseSpec()
{
    ImageSpec spec;
    spec.layers.push_back({busyboxFiles()});
    spec.layers.push_back({{LayerFile::dir("etc"), LayerFile::file("etc/motd", "two\n")}, Compression::Zstd});
    spec.config.cmd = {"/bin/sh"};
    spec.config.stopSignal = "SIGINT";
    spec.config.labels = {{"purpose", "test"}};
    return spec;
}

ImageSpec fiveLayerSpec()
{
    ImageSpec spec = baseSpec();
    spec.layers.push_back({{LayerFile::dir("data"), LayerFile::file("data/gone", "x"), LayerFile::dir("opq"),
                            LayerFile::file("opq/old", "old")}});
    spec.layers.push_back({{LayerFile::dir("data"), LayerFile::whiteout("data/gone"), LayerFile::dir("opq"),
                            LayerFile::opaque("opq"), LayerFile::file("opq/new", "new")}});
    spec.layers.push_back({{LayerFile::file("big", pseudoRandomData(1 << 20, 3))}, Compression::None});
    spec.config.cmd = {"/bin/sh", "-c", "ls"};
    return spec;
}

BuiltImage bigFirstLayer()
{
    ImageSpec spec;
    spec.layers.push_back({{LayerFile::file("data.bin", pseudoRandomData(4 << 20, 9))}, Compression::Zstd});
    spec.layers.push_back({{LayerFile::file("hello", "hello\n")}});
    return buildImage(spec);
}

} // namespace

class TestImagePull : public QObject {
    Q_OBJECT

    EngineSettings m_settings;
    fsys::path m_images;

    // Nothing of a failed pull: no record, no extraction, no download.
    void checkNothingKept(const std::string& why)
    {
        QVERIFY2(names(m_images / "images").empty(), why.c_str());
        for (const std::string& name : names(m_images / "layers"))
            QVERIFY2(!name.starts_with(".tmp-"), (why + ": " + name).c_str());
        for (const std::string& name : names(m_images / "downloads"))
            QVERIFY2(name.ends_with(".lock"), (why + ": " + name).c_str());
    }

    Result<ImageInfo> pull(const std::string& reference, Recorder* recorder = nullptr)
    {
        Engine engine(m_settings);
        return engine.pullImage({.reference = reference, .credentials = {}},
                                recorder ? recorder->progress() : Progress());
    }

private slots:
    void init()
    {
        m_settings = IntegrationEnvironment::instance().engineSettings();
        m_settings.registriesConf = m_settings.paths.root() / "no-registries.conf";
        m_images = m_settings.paths.imagesDir();
    }
    void cleanup() { fsys::remove_all(m_settings.paths.root() / "var/lib/berth"); }

    void pullsTwoAndFiveLayersSharingTheBase();
    void pullsThePlatformOfAnIndexAndAList();
    void pullsOverTlsWithTheTestCa();
    void hostileAnswersAreRefused_data();
    void hostileAnswersAreRefused();
    void redirectToAnotherHttpsHostIsFollowedAndVerified();
    void cancelHalfwayLeavesNothing();
    void killedPullResumes();
};

void TestImagePull::pullsTwoAndFiveLayersSharingTheBase()
{
    const BuiltImage two = buildImage(baseSpec());
    const BuiltImage five = buildImage(fiveLayerSpec());
    QCOMPARE(two.layerDigests[0], five.layerDigests[0]);
    TestRegistry registry;
    std::string why;
    QVERIFY2(registry.start({}, &why), why.c_str());
    QVERIFY2(registry.push(two, "app", "two", &why), why.c_str());
    QVERIFY2(registry.push(five, "app", "five", &why), why.c_str());

    Recorder first;
    auto pulled = pull(registry.reference("app", "two"), &first);
    QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
    QCOMPARE(pulled->id, two.configDigest);
    QCOMPARE(pulled->names, std::vector<std::string>{registry.reference("app", "two")});
    QCOMPARE(pulled->layers, 2u);
    QCOMPARE(pulled->stopSignal, std::string("SIGINT"));
    QCOMPARE(first.lastPhase(two.layerDigests[0]), std::string("done"));

    Recorder second;
    pulled = pull(registry.reference("app", "five"), &second);
    QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
    QCOMPARE(pulled->id, five.configDigest);
    QCOMPARE(pulled->layers, 5u);
    QCOMPARE(pulled->sharedLayers, 2u);
    QCOMPARE(second.lastPhase(five.layerDigests[0]), std::string("exists"));
    QCOMPARE(registry.blobDownloads(five.layerDigests[0]), 1); // the base came once
    QCOMPARE(names(m_images / "layers").size(), 10u);          // 5 layers, each with its .size
    QCOMPARE(names(m_images / "images").size(), 2u);

    // The whiteout and the opaque directory are stored as overlayfs reads them.
    const fsys::path fourth = m_images / "layers" / five.diffIds[3].substr(7);
    QVERIFY(fsys::is_character_file(fsys::symlink_status(fourth / "data/gone")));
    // A pull of what the store has fetches no layer.
    pulled = pull(registry.reference("app", "five"));
    QVERIFY(pulled);
    QCOMPARE(registry.blobDownloads(five.layerDigests[4]), 1);
    for (const std::string& name : names(m_images / "downloads"))
        QVERIFY2(name.ends_with(".lock"), name.c_str());
}

void TestImagePull::pullsThePlatformOfAnIndexAndAList()
{
    ImageSpec amd = baseSpec(), arm = baseSpec();
    arm.config.architecture = "arm64";
    arm.layers[1].files.push_back(LayerFile::file("etc/arch", "arm64\n"));
    const BuiltImage amdImage = buildImage(amd), armImage = buildImage(arm);
    const BuiltImage amdDocker = buildImage(amd, ManifestFormat::DockerV2);
    const BuiltImage armDocker = buildImage(arm, ManifestFormat::DockerV2);
    TestRegistry registry;
    std::string why;
    QVERIFY2(registry.start({}, &why), why.c_str());
    QVERIFY2(registry.push(buildIndex({armImage, amdImage}), "multi", "oci", &why), why.c_str());
    QVERIFY2(registry.push(buildIndex({armDocker, amdDocker}, ManifestFormat::DockerV2), "multi", "docker", &why),
             why.c_str());
    for (const auto& [tag, image] : {std::pair{"oci", &amdImage}, std::pair{"docker", &amdDocker}}) {
        auto pulled = pull(registry.reference("multi", tag));
        QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
        QCOMPARE(pulled->id, image->configDigest);
        QCOMPARE(pulled->manifestDigest, image->manifestDigest);
        QCOMPARE(pulled->architecture, std::string("amd64"));
    }
}

void TestImagePull::pullsOverTlsWithTheTestCa()
{
    const BuiltImage image = buildImage(baseSpec());
    TestRegistry registry;
    std::string why;
    QVERIFY2(registry.start({.tls = true}, &why), why.c_str());
    QVERIFY2(registry.push(image, "secure", "latest", &why), why.c_str());
    auto refused = pull(registry.reference("secure")); // 127.0.0.1 speaks TLS; its CA is not trusted yet
    QVERIFY(!refused);
    checkNothingKept("untrusted CA");
    m_settings.registryCertsDir = registry.certsDir();
    auto pulled = pull(registry.reference("secure"));
    QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
    QCOMPARE(pulled->id, image.configDigest);
}

void TestImagePull::hostileAnswersAreRefused_data()
{
    QTest::addColumn<int>("lie");
    QTest::addColumn<int>("hostileLayer"); // -1: the honest image with the lie
    QTest::addColumn<bool>("tls");
    QTest::newRow("blob digest mismatch") << int(Lie::BlobDigestMismatch) << -1 << false;
    QTest::newRow("truncated blob") << int(Lie::TruncatedBlob) << -1 << false;
    QTest::newRow("100 MB manifest") << int(Lie::HugeManifest) << -1 << false;
    QTest::newRow("redirect to http") << int(Lie::RedirectToHttp) << -1 << true;
    QTest::newRow("no matching platform") << int(Lie::NoMatchingPlatform) << -1 << false;
    QTest::newRow("manifest media type lies") << int(Lie::ManifestMediaTypeLie) << -1 << false;
    QTest::newRow("../ in a layer") << int(Lie::None) << 0 << false;
    QTest::newRow("absolute path in a layer") << int(Lie::None) << 1 << false;
    QTest::newRow("symlink escape in a layer") << int(Lie::None) << 2 << false;
    QTest::newRow("device node in a layer") << int(Lie::None) << 3 << false;
    QTest::newRow("hard link out of a layer") << int(Lie::None) << 4 << false;
}

void TestImagePull::hostileAnswersAreRefused()
{
    QFETCH(int, lie);
    QFETCH(int, hostileLayer);
    QFETCH(bool, tls);
    const std::vector<BuiltImage (*)()> hostile = {
        &HostileRegistry::traversalImage, &HostileRegistry::absolutePathImage, &HostileRegistry::symlinkEscapeImage,
        &HostileRegistry::deviceNodeImage, &HostileRegistry::hardLinkOutImage};
    const BuiltImage image =
        hostileLayer >= 0 ? hostile[static_cast<std::size_t>(hostileLayer)]() : buildImage(fiveLayerSpec());
    HostileRegistry registry;
    std::string why;
    QVERIFY2(registry.start({.tls = tls}, &why), why.c_str());
    if (tls)
        m_settings.registryCertsDir = registry.certsDir();
    registry.serve("bad", "latest", image, static_cast<Lie>(lie));
    auto pulled = pull(registry.reference("bad"));
    QVERIFY(!pulled);
    const std::string message = pulled.error().describe();
    qInfo("refused: %s", message.c_str());
    QVERIFY2(message.find("bad") != std::string::npos, message.c_str()); // names what was pulled
    checkNothingKept(message);
    // The layer at fault is not in the store (an honest one beside it may
    // be: it was verified, and prune removes it when no image has it).
    if (hostileLayer >= 0)
        QVERIFY2(!fsys::exists(m_images / "layers" / image.diffIds.back().substr(7)), message.c_str());
    if (lie == int(Lie::BlobDigestMismatch) || lie == int(Lie::TruncatedBlob))
        QVERIFY2(!fsys::exists(m_images / "layers" / image.diffIds[0].substr(7)), message.c_str());
    for (const char* escaped : {"/escaped-by-berth-test", "/escaped-by-berth-test-2", "/tmp/escaped-by-berth-test"})
        QVERIFY2(!fsys::exists(escaped), escaped);
}

// Docker Hub sends blobs from another host (its CDN) over https: such a
// redirect is followed (without the registry's Authorization, which the
// registry client's own test checks) and what it serves is verified.
void TestImagePull::redirectToAnotherHttpsHostIsFollowedAndVerified()
{
    const BuiltImage image = buildImage(baseSpec());
    HostileRegistry registry;
    std::string why;
    QVERIFY2(registry.start({.tls = true}, &why), why.c_str());
    m_settings.registryCertsDir = registry.certsDir();
    registry.serve("moved", "latest", image, Lie::RedirectToOtherHost);
    auto pulled = pull(registry.reference("moved"));
    QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
    QCOMPARE(pulled->id, image.configDigest);
    QVERIFY(fsys::exists(m_images / "layers" / image.diffIds[0].substr(7)));
}

void TestImagePull::cancelHalfwayLeavesNothing()
{
    const BuiltImage image = bigFirstLayer();
    HostileRegistry registry;
    std::string why;
    QVERIFY2(registry.start({.slowBlobBytes = 1 << 20}, &why), why.c_str());
    registry.serve("slow", "latest", image, Lie::SlowBlob);
    Recorder recorder;
    // Cancelled once the first layer has stalled halfway.
    recorder.onItem = [&](const ItemProgress& item) {
        if (item.id == image.layerDigests[0] && item.phase == "downloading" && item.done >= (1u << 20))
            recorder.cancel = true;
    };
    std::jthread canceller([&] {
        if (registry.server().waitForStalled(1, 30000))
            recorder.cancel = true;
    });
    auto pulled = pull(registry.reference("slow"), &recorder);
    registry.release();
    QVERIFY(!pulled);
    QCOMPARE(pulled.error().code, ECANCELED);
    checkNothingKept("cancel");
    QVERIFY(!fsys::exists(m_images / "layers" / image.diffIds[0].substr(7)));
}

void TestImagePull::killedPullResumes()
{
    const BuiltImage image = bigFirstLayer();
    HostileRegistry registry;
    std::string why;
    QVERIFY2(registry.start({.slowBlobBytes = 1 << 20}, &why), why.c_str());
    registry.serve("slow", "latest", image, Lie::SlowBlob);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        auto pulled = pull(registry.reference("slow"));
        ::_exit(pulled ? 0 : 1);
    }
    const std::string partial = image.layerDigests[0].substr(7) + ".partial";
    const fsys::path partialFile = m_images / "downloads" / partial;
    // Killed once the first megabyte is on disk (the stall point).
    bool stalled = registry.server().waitForStalled(1, 30000);
    for (int i = 0; stalled && i < 600; ++i) {
        std::error_code ec;
        if (fsys::file_size(partialFile, ec) >= (1u << 20))
            break;
        QTest::qWait(50);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    QVERIFY(stalled);
    QVERIFY2(fsys::exists(partialFile), "the killed pull left its partial blob");
    QCOMPARE(fsys::file_size(partialFile), std::uintmax_t{1} << 20);
    registry.release();
    registry.clearLies();
    Engine engine(m_settings);
    (void)engine.sweepLeftovers();
    auto pulled = pull(registry.reference("slow"));
    QVERIFY2(pulled, pulled ? "" : pulled.error().describe().c_str());
    QCOMPARE(pulled->id, image.configDigest);
    QVERIFY(!fsys::exists(m_images / "downloads" / partial));
    QCOMPARE(registry.blobRequests(image.layerDigests[0]), 2); // the killed one, then one to finish it
}

BERTH_INTEGRATION_MAIN(TestImagePull)
#include "test_image_pull.moc"
