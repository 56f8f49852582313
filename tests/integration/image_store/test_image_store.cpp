// The image store's layers and records as root (issue #21): layers built
// here as tar archives, extracted into the store with overlayfs
// whiteouts, mounted as an overlay to see the merged tree; hostile layers
// and lying diff IDs refused with nothing left behind; two images sharing
// a layer on disk; rm refused while used; prune.
#include "integration_env.h"

#include "archive_builder.h"
#include "image/oci_digest.h"
#include "image_store/image_commit.h"
#include "image_store/image_store.h"
#include "image_store/layer_store.h"
#include "image_store/store_dirs.h"
#include "image_store/store_lock.h"

#include "berth/engine.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace berth;
namespace fsys = std::filesystem;
using archive_test::Entry;

namespace {

std::string readFd(int fd)
{
    std::string data;
    char buffer[65536];
    for (ssize_t n; (n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(data.size()))) > 0;)
        data.append(buffer, static_cast<std::size_t>(n));
    return data;
}

// A layer: its compressed blob in a memfd, and the digests a config and a
// manifest give it.
struct Layer {
    std::string tar;
    std::string blob;
    std::string diffId;
    std::string digest;
};

Layer makeLayer(const std::vector<Entry>& entries, int filter = ARCHIVE_FILTER_GZIP)
{
    Layer layer;
    layer.tar = readFd(archive_test::buildArchive(entries, ARCHIVE_FILTER_NONE).get());
    layer.blob = readFd(archive_test::buildArchive(entries, filter).get());
    layer.diffId = image::sha256OfText(layer.tar);
    layer.digest = image::sha256OfText(layer.blob);
    return layer;
}

UniqueFd memfdOf(const std::string& data)
{
    UniqueFd fd(::memfd_create("blob", MFD_CLOEXEC));
    (void)!::write(fd.get(), data.data(), data.size());
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

std::string configOf(const std::vector<Layer>& layers, const std::string& cmd)
{
    std::string ids;
    for (const Layer& l : layers)
        ids += (ids.empty() ? "\"" : ",\"") + l.diffId + "\"";
    return R"({"architecture":"amd64","os":"linux","created":"2024-05-01T12:00:00Z","config":{"Cmd":[")" + cmd +
           R"("],"Env":["PATH=/bin"],"StopSignal":"SIGINT","Labels":{"a":"b"}},"rootfs":{"type":"layers","diff_ids":[)" +
           ids + "]}}";
}

std::vector<std::string> treeNames(const fsys::path& dir)
{
    std::vector<std::string> names;
    if (fsys::exists(dir))
        for (const auto& e : fsys::directory_iterator(dir))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const std::vector<Entry> kBase = {
    {.type = 'd', .path = "data", .perm = 0755}, {.path = "data/gone", .data = "gone\n"},
    {.path = "data/kept", .data = "kept\n"},     {.type = 'd', .path = "opq", .perm = 0755},
    {.path = "opq/old", .data = "old\n"},        {.path = "big", .data = std::string(256 * 1024, 'x')},
};
const std::vector<Entry> kTop = {
    {.type = 'd', .path = "data", .perm = 0755}, {.path = "data/.wh.gone"},    {.path = "data/top", .data = "top\n"},
    {.type = 'd', .path = "opq", .perm = 0755},  {.path = "opq/.wh..wh..opq"}, {.path = "opq/new", .data = "new\n"},
};

} // namespace

class TestImageStore : public QObject {
    Q_OBJECT

private:
    EngineSettings m_settings;
    fsys::path m_images;

    image_store::StoreDirs store()
    {
        auto dirs = image_store::openStore(m_settings.paths, true);
        if (!dirs)
            qFatal("open store: %s", dirs.error().describe().c_str());
        return std::move(*dirs);
    }

    void put(const Layer& layer, const image_store::StoreDirs& dirs)
    {
        UniqueFd fd = memfdOf(layer.blob);
        auto stored = image_store::storeLayer(dirs, fd.get(), layer.diffId, layer.blob.size(), layer.digest, {});
        QVERIFY2(stored, stored ? "" : stored.error().describe().c_str());
    }

    std::string commit(const std::vector<Layer>& layers, const std::string& name, const std::string& cmd)
    {
        auto dirs = store();
        for (const Layer& l : layers)
            put(l, dirs);
        std::vector<std::string> digests;
        for (const Layer& l : layers)
            digests.push_back(l.digest);
        const std::string config = configOf(layers, cmd);
        auto record = image_store::commitImage(dirs, {.name = name,
                                                      .manifestDigest = image::sha256OfText("m" + config),
                                                      .manifest = "m" + config,
                                                      .config = config,
                                                      .layerDigests = digests});
        if (!record)
            qWarning("commit: %s", record.error().describe().c_str());
        return record ? record->id : std::string();
    }

    void addContainer(const std::string& name, const std::string& id, const std::vector<fsys::path>& lowers)
    {
        const fsys::path dir = m_settings.paths.containerDir(name);
        fsys::create_directories(dir);
        std::string rootfs = "overlay:";
        for (auto it = lowers.rbegin(); it != lowers.rend(); ++it)
            rootfs += it->string() + ":";
        std::ofstream(dir / "config") << "lxc.uts.name = " << name << "\nlxc.rootfs.path = " << rootfs
                                      << (dir / "delta").string() << "\nberth.image.id = " << id << "\n";
    }

private slots:
    void init()
    {
        m_settings = test::IntegrationEnvironment::instance().engineSettings();
        m_settings.registriesConf = m_settings.paths.root() / "no-registries.conf";
        m_images = m_settings.paths.imagesDir();
    }
    void cleanup() { fsys::remove_all(m_settings.paths.root() / "var/lib/berth"); }

    void whiteoutsAreStoredForOverlay();
    void lyingDiffIdLeavesNothing();
    void hostileLayersAreRefused_data();
    void hostileLayersAreRefused();
    void imagesShareLayersOnDisk();
    void findForUseHoldsTheLockAndDropsRepeatedLayers();
    void removeRefusedWhileUsedThenPrune();
    void nameMovesToTheNewImage();
    void startUpSweepRemovesDeadExtractions();
};

void TestImageStore::whiteoutsAreStoredForOverlay()
{
    const Layer base = makeLayer(kBase), top = makeLayer(kTop, ARCHIVE_FILTER_ZSTD);
    const std::string id = commit({base, top}, "docker.io/test/app:latest", "/bin/true");
    QVERIFY(!id.empty());
    const fsys::path topDir = m_images / "layers" / top.diffId.substr(7);
    struct stat st {};
    QCOMPARE(::lstat((topDir / "data/gone").c_str(), &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
    QCOMPARE(st.st_rdev, makedev(0, 0));
    char value[4] = {};
    QCOMPARE(::getxattr((topDir / "opq").c_str(), "trusted.overlay.opaque", value, sizeof value), 1L);
    QCOMPARE(value[0], 'y');
    QVERIFY(!fsys::exists(topDir / "data/.wh.gone"));
    QVERIFY(!fsys::exists(topDir / "opq/.wh..wh..opq"));

    // The overlay of the two layers is the image's tree.
    const fsys::path merged = m_settings.paths.root() / "merged";
    fsys::create_directories(merged);
    const std::string options =
        "lowerdir=" + topDir.string() + ":" + (m_images / "layers" / base.diffId.substr(7)).string();
    QVERIFY2(::mount("overlay", merged.c_str(), "overlay", MS_RDONLY, options.c_str()) == 0, strerror(errno));
    const auto dataNames = treeNames(merged / "data");
    const auto opqNames = treeNames(merged / "opq");
    ::umount2(merged.c_str(), MNT_DETACH);
    QCOMPARE(dataNames, (std::vector<std::string>{"kept", "top"}));
    QCOMPARE(opqNames, (std::vector<std::string>{"new"}));
}

void TestImageStore::lyingDiffIdLeavesNothing()
{
    auto dirs = store();
    const Layer base = makeLayer(kBase);
    UniqueFd fd = memfdOf(base.blob);
    const std::string lie = image::sha256OfText("something else");
    auto stored = image_store::storeLayer(dirs, fd.get(), lie, base.blob.size(), base.digest, {});
    QVERIFY(!stored);
    QCOMPARE(stored.error().code, EINVAL);
    QVERIFY2(stored.error().message.find("diff ID") != std::string::npos, stored.error().message.c_str());
    QCOMPARE(treeNames(m_images / "layers"), std::vector<std::string>{});
}

void TestImageStore::hostileLayersAreRefused_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("dot-dot") << 0;
    QTest::newRow("absolute") << 1;
    QTest::newRow("device node") << 2;
    QTest::newRow("through a symlink out") << 3;
    QTest::newRow("hard link out") << 4;
}

void TestImageStore::hostileLayersAreRefused()
{
    QFETCH(int, which);
    const std::vector<std::vector<Entry>> layers = {
        {{.type = 'd', .path = "a"}, {.path = "a/../../escape", .data = "x"}},
        {{.path = "/etc/escape", .data = "x"}},
        {{.type = 'c', .path = "dev/mem"}},
        {{.type = 'l', .path = "out", .link = "/"}, {.path = "out/tmp/escape", .data = "x"}},
        {{.type = 'h', .path = "passwd", .link = "../../../etc/passwd"}},
    };
    auto dirs = store();
    const Layer layer = makeLayer(layers[static_cast<std::size_t>(which)]);
    UniqueFd fd = memfdOf(layer.blob);
    auto stored = image_store::storeLayer(dirs, fd.get(), layer.diffId, layer.blob.size(), layer.digest, {});
    QVERIFY(!stored);
    qInfo("refused: %s", stored.error().describe().c_str());
    QCOMPARE(treeNames(m_images / "layers"), std::vector<std::string>{});
    QVERIFY(!fsys::exists("/tmp/escape") && !fsys::exists("/etc/escape"));
}

void TestImageStore::imagesShareLayersOnDisk()
{
    const Layer base = makeLayer(kBase), top = makeLayer(kTop);
    const Layer other = makeLayer({{.path = "other", .data = "other\n"}});
    const std::string a = commit({base, top}, "docker.io/test/a:latest", "a");
    const std::string b = commit({base, other}, "docker.io/test/b:latest", "b");
    QVERIFY(!a.empty() && !b.empty() && a != b);
    QCOMPARE(treeNames(m_images / "layers").size(), 6u); // three layers, each with its .size

    auto useA = image_store::findForUse(m_settings.paths, {}, "test/a");
    QVERIFY2(useA, useA ? "" : useA.error().describe().c_str());
    auto useB = image_store::findForUse(m_settings.paths, {}, "docker.io/test/b:latest");
    QVERIFY2(useB, useB ? "" : useB.error().describe().c_str());
    QCOMPARE(useA->first.layerDirs.front(), useB->first.layerDirs.front());
    struct stat sa {
    }, sb{};
    QCOMPARE(::stat((useA->first.layerDirs.front() / "big").c_str(), &sa), 0);
    QCOMPARE(::stat((useB->first.layerDirs.front() / "big").c_str(), &sb), 0);
    QCOMPARE(sa.st_ino, sb.st_ino);

    Engine engine(m_settings);
    auto images = engine.images();
    QVERIFY2(images, images ? "" : images.error().describe().c_str());
    QCOMPARE(images->size(), 2u);
    for (const ImageInfo& info : *images) {
        QCOMPARE(info.layers, 2u);
        QCOMPARE(info.sharedLayers, 1u);
        QVERIFY(info.sharedSize >= 256u * 1024 && info.sharedSize < info.size);
        QCOMPARE(info.stopSignal, std::string("SIGINT"));
        QCOMPARE(info.labels.at("a"), std::string("b"));
        QCOMPARE(info.created, std::int64_t{1714564800});
    }
    // The store holds the shared layer once: less than both images' sizes added.
    const std::uint64_t both = (*images)[0].size + (*images)[1].size;
    const std::uint64_t onDisk = both - (*images)[0].sharedSize;
    QVERIFY(onDisk < both);
}

void TestImageStore::findForUseHoldsTheLockAndDropsRepeatedLayers()
{
    const Layer base = makeLayer(kBase), empty = makeLayer({}), top = makeLayer(kTop);
    const std::string id = commit({base, empty, top, empty}, "docker.io/test/rep:1", "x");
    QVERIFY(!id.empty());
    auto use = image_store::findForUse(m_settings.paths, {}, id.substr(7, 12));
    QVERIFY2(use, use ? "" : use.error().describe().c_str());
    QCOMPARE(use->first.name, std::string());
    QCOMPARE(use->first.layerDirs.size(), 3u);
    QCOMPARE(use->first.layerDirs.back().filename().string(), empty.diffId.substr(7));
    QCOMPARE(use->first.config.cmd, std::vector<std::string>{"x"});
    QCOMPARE(use->first.stopSignal, std::string("SIGINT"));
    auto dirs = store();
    QVERIFY(!image_store::tryLockStoreExclusive(dirs.rootFd.get())); // the UseLock holds it shared
    use = fail(Error::make(0, "released"));
    QVERIFY(image_store::tryLockStoreExclusive(dirs.rootFd.get()));
    auto missing = image_store::findForUse(m_settings.paths, {}, "test/none");
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ENOENT);
}

void TestImageStore::removeRefusedWhileUsedThenPrune()
{
    const Layer base = makeLayer(kBase), top = makeLayer(kTop), other = makeLayer({{.path = "o", .data = "o"}});
    const std::string a = commit({base, top}, "docker.io/test/a:latest", "a");
    const std::string b = commit({base, other}, "docker.io/test/b:latest", "b");
    auto use = image_store::findForUse(m_settings.paths, {}, "test/a");
    QVERIFY(use);
    addContainer("web", a, use->first.layerDirs);
    addContainer("db", a, use->first.layerDirs);
    use = fail(Error::make(0, "released"));

    Engine engine(m_settings);
    auto removed = engine.removeImage("test/a");
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, EBUSY);
    QVERIFY2(removed.error().message.find("'db', 'web'") != std::string::npos, removed.error().message.c_str());
    auto info = engine.image("test/a");
    QVERIFY(info);
    QCOMPARE(info->usedBy, (std::vector<std::string>{"db", "web"}));

    auto pruned = engine.pruneImages(true);
    QVERIFY2(pruned, pruned ? "" : pruned.error().describe().c_str());
    QCOMPARE(pruned->removedImages, std::vector<std::string>{b});
    QCOMPARE(pruned->removedLayers, std::vector<std::string>{other.diffId});
    QVERIFY(pruned->bytesFreed > 0);
    QVERIFY(fsys::exists(m_images / "layers" / base.diffId.substr(7)));

    fsys::remove_all(m_settings.paths.containersDir());
    QVERIFY(engine.removeImage(a.substr(7)));
    QVERIFY(engine.image("test/a").error().code == ENOENT);
    pruned = engine.pruneImages(false);
    QVERIFY(pruned);
    QCOMPARE(pruned->removedLayers.size(), 2u);
    QCOMPARE(treeNames(m_images / "layers"), std::vector<std::string>{});
    QCOMPARE(treeNames(m_images / "blobs/sha256"), std::vector<std::string>{});
    QCOMPARE(treeNames(m_images / "images"), std::vector<std::string>{});
}

void TestImageStore::nameMovesToTheNewImage()
{
    const Layer base = makeLayer(kBase);
    const std::string old = commit({base}, "docker.io/test/a:latest", "old");
    QVERIFY(!commit({base}, "docker.io/test/a:v1", "old").empty()); // a second name of the same image
    const std::string fresh = commit({base}, "docker.io/test/a:latest", "new");
    Engine engine(m_settings);
    QCOMPARE(engine.image("test/a")->id, fresh);
    QCOMPARE(engine.image(old)->names, std::vector<std::string>{"docker.io/test/a:v1"});
    QVERIFY(engine.removeImage("test/a:v1")); // its last name: the image goes
    QVERIFY(!engine.image(old));
    QCOMPARE(engine.images()->size(), 1u);
}

// A pull killed while extracting leaves layers/.tmp-*; the helper's
// start-up sweep removes it, but never while a pull holds the store's lock.
void TestImageStore::startUpSweepRemovesDeadExtractions()
{
    auto dirs = store();
    const fsys::path dead = m_images / "layers" / (".tmp-" + std::string(64, 'a') + "-1234");
    fsys::create_directories(dead / "usr/bin");
    std::ofstream(dead / "usr/bin/x") << "x";
    Engine engine(m_settings);
    {
        auto pulling = image_store::lockStore(dirs.rootFd.get(), image_store::LockMode::Shared);
        QVERIFY(pulling);
        (void)engine.sweepLeftovers();
        QVERIFY(fsys::exists(dead));
    }
    const auto swept = engine.sweepLeftovers();
    QVERIFY(!fsys::exists(dead));
    QVERIFY(std::find(swept.begin(), swept.end(), dead.string()) != swept.end());
}

BERTH_INTEGRATION_MAIN(TestImageStore)
#include "test_image_store.moc"
