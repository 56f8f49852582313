// Containers made from an image of the store (issue #21), as root: a
// store built by hand in the test's state root (a bottom layer with
// busybox-static, a top layer with an overlayfs whiteout and an opaque
// directory), containers of it created in O(1) (they share the layers'
// inodes, their own directories stay tiny), run unprivileged (idmapped
// lowers) and privileged with the merged view inside, forty-five lowers
// (past mount(2)'s one page of options), export and clones flattened or
// sharing the layers, and destroy leaving the layers alone.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include "archive_builder.h"
#include "config/new_container_config.h"
#include "idmap/container_identity.h"
#include "image/oci_digest.h"
#include "image_store/image_commit.h"
#include "image_store/layer_store.h"
#include "image_store/store_dirs.h"
#include "image/overlay_lookup.h"
#include "store/container_store.h"
#include "template/template_build.h"

#include "berth/engine.h"

#include <QtTest/QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;
namespace fsys = std::filesystem;

namespace {

const char* const kApplets[] = {"sh", "cat", "ls", "echo", "id", "touch", "wc", "stat", "sleep"};

void writeFile(const fsys::path& file, const std::string& data)
{
    fsys::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
}

std::string readFile(const fsys::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string hexNamed(int n)
{
    std::string hex = std::to_string(n);
    return std::string(64 - hex.size(), 'a') + hex;
}

// The bottom layer: busybox and its applets, a user database, the files
// the top layer changes.
void makeBaseLayer(const fsys::path& dir)
{
    fsys::create_directories(dir / "bin");
    fsys::copy_file("/bin/busybox", dir / "bin/busybox");
    for (const char* applet : kApplets)
        fsys::create_symlink("busybox", dir / "bin" / applet);
    writeFile(dir / "etc/passwd", "root:x:0:0:root:/:/bin/sh\napp:x:1000:1000::/:/bin/sh\n");
    writeFile(dir / "etc/group", "root:x:0:\napp:x:1000:\n");
    writeFile(dir / "data/gone", "whited out\n");
    writeFile(dir / "data/kept", "kept\n");
    writeFile(dir / "opq/old", "hidden by opacity\n");
    QCOMPARE(::chown((dir / "data").c_str(), 1000, 1000), 0); // the image's user writes there
}

// The top layer as the store keeps it: overlayfs' own whiteout and opaque marker.
void makeTopLayer(const fsys::path& dir)
{
    writeFile(dir / "data/layer2", "from layer 2\n");
    QCOMPARE(::chown((dir / "data").c_str(), 1000, 1000), 0); // the topmost /data is what the merged view shows
    QCOMPARE(::mknod((dir / "data/gone").c_str(), S_IFCHR | 0, makedev(0, 0)), 0);
    writeFile(dir / "opq/new", "new\n");
    QCOMPARE(::setxattr((dir / "opq").c_str(), "trusted.overlay.opaque", "y", 1, 0), 0);
}

// A layer as a registry serves it (a tar with OCI whiteouts), put into
// the store by the store's own extraction; returns its diff ID.
std::string storeLayerOf(const image_store::StoreDirs& dirs, const std::vector<archive_test::Entry>& entries)
{
    UniqueFd fd = archive_test::buildArchive(entries);
    std::string blob;
    char buffer[65536];
    for (ssize_t n; (n = ::pread(fd.get(), buffer, sizeof buffer, static_cast<off_t>(blob.size()))) > 0;)
        blob.append(buffer, static_cast<std::size_t>(n));
    ::lseek(fd.get(), 0, SEEK_SET);
    const std::string diffId = image::sha256OfText(blob);
    auto stored = image_store::storeLayer(dirs, fd.get(), diffId, blob.size(), diffId, Progress{});
    if (!stored)
        QTest::qFail(stored.error().describe().c_str(), __FILE__, __LINE__);
    return diffId;
}

// Entries of a tar archive: path -> uid.
std::map<std::string, std::int64_t> archiveEntries(int fd)
{
    std::map<std::string, std::int64_t> entries;
    ::lseek(fd, 0, SEEK_SET);
    archive* a = archive_read_new();
    archive_read_support_format_all(a);
    archive_read_support_filter_all(a);
    if (archive_read_open_fd(a, fd, 65536) == ARCHIVE_OK) {
        archive_entry* entry = nullptr;
        while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
            std::string path = archive_entry_pathname(entry);
            if (path.starts_with("./"))
                path.erase(0, 2);
            entries[path] = archive_entry_uid(entry);
        }
    }
    archive_read_free(a);
    return entries;
}

// Bytes a directory tree takes on disk (du), never leaving it.
std::uintmax_t diskUsage(const fsys::path& dir)
{
    std::uintmax_t bytes = 0;
    for (const auto& entry : fsys::recursive_directory_iterator(dir)) {
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) == 0)
            bytes += static_cast<std::uintmax_t>(st.st_blocks) * 512;
    }
    return bytes;
}

} // namespace

class TestImageContainer : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();
    image_store::StoredImage m_image;
    fsys::path m_layers;

    // What Engine::create does for template "image" once the store has
    // found the image (image_store::findForUse is the store's), with this
    // test's stored image.
    Status createFrom(const std::string& name, const image_store::StoredImage& stored, CreateRequest request = {})
    {
        request.name = name;
        request.templateName = "image";
        request.options = {{"reference", stored.name}};
        request.kind = request.kind.value_or(ContainerKind::Application);
        const Paths& paths = m_engine.settings().paths;
        const std::string base = newContainerConfig(request, paths.rootfsDir(name));
        const Progress progress;
        std::optional<idmap::BlockLock> block;
        return ContainerStore(paths).create(name, [&](const fsys::path& staging) -> Status {
            const templates::BuildContext ctx{m_engine.settings(), request, request.options, progress, staging, base};
            if (auto built = templates::buildFromStoredImage(ctx, stored, stored.name); !built)
                return built;
            auto settled = idmap::settleNewIdentity(m_engine.settings(), request, staging);
            if (!settled)
                return fail(settled.error());
            block.emplace(std::move(*settled));
            return Status{};
        });
    }

    std::string runToEnd(const std::string& name)
    {
        auto started = m_engine.start(name);
        if (!started)
            return "start: " + started.error().describe();
        auto stopped = m_engine.waitStopped(name, 30s);
        if (!stopped || !stopped->lastExit || stopped->lastExit->code != 0)
            return "did not exit 0: " + readConsoleLog(m_engine, name);
        return readConsoleLog(m_engine, name);
    }

    void destroy(const std::string& name)
    {
        auto destroyed = m_engine.destroy(name, true);
        QVERIFY2(destroyed, destroyed ? "" : destroyed.error().describe().c_str());
    }

    [[nodiscard]] fsys::path base() const { return m_image.layerDirs.front(); }
    [[nodiscard]] fsys::path top() const { return m_image.layerDirs.back(); }

private slots:
    void initTestCase()
    {
        m_layers = m_engine.settings().paths.imagesDir() / "layers";
        fsys::create_directories(m_layers);
        makeBaseLayer(m_layers / hexNamed(1));
        makeTopLayer(m_layers / hexNamed(2));
        m_image.id = "sha256:" + std::string(64, 'c');
        m_image.manifestDigest = "sha256:" + std::string(64, 'd');
        m_image.name = "localhost/berth/test:1";
        m_image.layerDirs = {m_layers / hexNamed(1), m_layers / hexNamed(2)};
        m_image.config.cmd = {"/bin/sh", "-c",
                              "cat /data/layer2; echo files: $(ls /data /opq); echo uid=$(id -u):$(id -g); "
                              "echo inode=$(stat -c %i /bin/busybox); touch /data/by-run"};
        m_image.config.user = "app";
        m_image.config.env = {"PATH=/bin"};
        m_image.config.workingDir = "/data";
        m_image.stopSignal = "SIGQUIT";
    }

    // A file of the merged view read through the layers, as overlayfs
    // shows it (mknod of a whiteout and trusted.* xattrs need root).
    void mergedFileReadThroughLayers()
    {
        const fsys::path dir = m_layers.parent_path() / "lookup";
        const fsys::path l1 = dir / "1", l2 = dir / "2", l3 = dir / "3";
        writeFile(l1 / "etc/passwd", "bottom\n");
        writeFile(l1 / "etc/group", "bottom group\n");
        writeFile(l1 / "opq/file", "hidden\n");
        writeFile(l1 / "gone/file", "hidden\n");
        writeFile(l2 / "etc/passwd", "middle\n");
        writeFile(l2 / "opq/other", "x");
        QCOMPARE(::setxattr((l2 / "opq").c_str(), "trusted.overlay.opaque", "y", 1, 0), 0);
        fsys::create_directories(l3 / "etc");
        QCOMPARE(::mknod((l3 / "etc/group").c_str(), S_IFCHR | 0, makedev(0, 0)), 0);
        QCOMPARE(::mknod((l3 / "gone").c_str(), S_IFCHR | 0, makedev(0, 0)), 0);
        fsys::create_symlink("/etc", l3 / "link");
        writeFile(l1 / "link/passwd", "behind a symlink\n");
        const std::vector<fsys::path> layers{l3, l2, l1};
        const auto read = [&](const char* path) {
            auto text = image::readMergedFile(layers, path);
            return text ? text->value_or("<none>") : "<error " + text.error().describe() + ">";
        };
        QCOMPARE(read("/etc/passwd"), std::string("middle\n"));
        QCOMPARE(read("etc/passwd"), std::string("middle\n"));
        QCOMPARE(read("/etc/group"), std::string("<none>"));
        QCOMPARE(read("/opq/file"), std::string("<none>"));
        QCOMPARE(read("/opq/other"), std::string("x"));
        QCOMPARE(read("/gone/file"), std::string("<none>"));
        QCOMPARE(read("/link/passwd"), std::string("<none>"));
        QCOMPARE(read("/nothing/here"), std::string("<none>"));
        fsys::remove_all(dir);
    }

    // The whole path: layers extracted by the store (whiteouts from .wh.
    // entries), the record, Engine::create with template "image" finding
    // it by name; `image rm` refused while the container exists.
    void createThroughTheStore()
    {
        using archive_test::Entry;
        auto dirs = image_store::openStore(m_engine.settings().paths, true);
        QVERIFY2(dirs, dirs ? "" : dirs.error().describe().c_str());
        std::vector<Entry> first = {
            {.type = 'd', .path = "bin", .perm = 0755},
            {.path = "bin/busybox", .data = readFile("/bin/busybox"), .perm = 0755},
            {.type = 'd', .path = "data", .perm = 0755},
            {.path = "data/gone", .data = "gone\n"},
            {.path = "data/kept", .data = "kept\n"},
        };
        for (const char* applet : kApplets)
            first.push_back({.type = 'l', .path = std::string("bin/") + applet, .link = "busybox"});
        const std::vector<Entry> second = {
            {.type = 'd', .path = "data", .perm = 0755},
            {.path = "data/.wh.gone"},
            {.path = "data/layer2", .data = "from layer 2\n"},
        };
        const std::string bottom = storeLayerOf(*dirs, first);
        const std::string topLayer = storeLayerOf(*dirs, second);
        const std::string config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{"
                                   "\"Cmd\":[\"/bin/sh\",\"-c\",\"cat /data/layer2; echo files: $(ls /data)\"],"
                                   "\"Env\":[\"PATH=/bin\"],\"StopSignal\":\"SIGUSR1\"},"
                                   "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" +
                                   bottom + "\",\"" + topLayer + "\"]}}";
        auto record = image_store::commitImage(*dirs, {.name = "localhost/berth/store:1",
                                                       .manifestDigest = "sha256:" + std::string(64, 'e'),
                                                       .config = config,
                                                       .layerDigests = {bottom, topLayer}});
        QVERIFY2(record, record ? "" : record.error().describe().c_str());
        auto created = m_engine.create(
            {.name = "imgstore", .templateName = "image", .options = {{"reference", "localhost/berth/store:1"}}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const std::string text = readFile(m_engine.settings().paths.configFile("imgstore"));
        QVERIFY2(text.find("berth.image.id = " + record->id + "\n") != std::string::npos, text.c_str());
        QVERIFY2(text.find("lxc.signal.halt = SIGUSR1\n") != std::string::npos, text.c_str());
        const std::string log = runToEnd("imgstore");
        QVERIFY2(log.find("from layer 2\nfiles: kept layer2\n") != std::string::npos, log.c_str());
        auto refused = m_engine.removeImage("localhost/berth/store:1");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EBUSY);
        QVERIFY2(refused.error().message.find("imgstore") != std::string::npos, refused.error().message.c_str());
        // An entrypoint, working directory or user is only for images.
        CreateRequest busybox{.name = "imgnot", .kind = ContainerKind::Application, .command = {"/bin/true"}};
        busybox.setup.workingDir = "/tmp";
        auto notImage = m_engine.create(busybox);
        QVERIFY(!notImage);
        QCOMPARE(notImage.error().code, EINVAL);
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("imgnot")));
        destroy("imgstore");
        auto removed = m_engine.removeImage("localhost/berth/store:1");
        QVERIFY2(removed, removed ? "" : removed.error().describe().c_str());
    }

    // An image the store lacks is pulled first: here from a registry that
    // is not there (nothing listens in the test's network namespace), so
    // the create fails with the pull's error and leaves nothing.
    void missingImageIsPulled()
    {
        auto created = m_engine.create(
            {.name = "imgpull", .templateName = "image", .options = {{"reference", "127.0.0.1:9/berth/none:1"}}});
        QVERIFY(!created);
        QVERIFY2(created.error().code != ENOENT, created.error().describe().c_str());
        QVERIFY2(created.error().describe().find("127.0.0.1:9") != std::string::npos,
                 created.error().describe().c_str());
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("imgpull")));
    }

    // The config names the layers, topmost first, under the container's own upper layer.
    void configIsAnOverlayOfTheLayers()
    {
        auto created = createFrom("imgcfg", m_image);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const fsys::path dir = m_engine.settings().paths.containerDir("imgcfg");
        const std::string config = readFile(dir / "config");
        const std::string rootfs = "lxc.rootfs.path = overlay:" + top().string() + ":" + base().string() + ":" +
                                   (dir / "delta").string() + "\n";
        QVERIFY2(config.find(rootfs) != std::string::npos, config.c_str());
        QVERIFY2(config.find("berth.image.id = " + m_image.id + "\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("berth.image.reference = localhost/berth/test:1\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("lxc.signal.halt = SIGQUIT\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("lxc.init.uid = 1000\n") != std::string::npos, config.c_str());
        QVERIFY(fsys::is_directory(dir / "delta"));
        QVERIFY(fsys::is_empty(dir / "delta"));
        QVERIFY(fsys::is_empty(dir / "rootfs"));
        destroy("imgcfg");
    }

    // -u names a user the image's layers know (the top layer has no passwd).
    void userOverrideLookedUpThroughLayers()
    {
        CreateRequest request;
        request.setup.user = "root";
        request.setup.workingDir = "/opq";
        request.setup.entrypoint = std::vector<std::string>{"/bin/echo"};
        request.command = {"hello"};
        auto created = createFrom("imguser", m_image, request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const std::string config = readFile(m_engine.settings().paths.configFile("imguser"));
        QVERIFY2(config.find("lxc.init.uid = 0\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("lxc.init.cwd = /opq\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("lxc.execute.cmd = /bin/echo hello\n") != std::string::npos, config.c_str());
        const std::string log = runToEnd("imguser");
        QVERIFY2(log.find("hello\n") != std::string::npos, log.c_str());
        destroy("imguser");
        request.setup.user = "nobody-here";
        auto refused = createFrom("imguser", m_image, request);
        QVERIFY(!refused);
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("imguser")));
    }

    // Unprivileged (idmapped lowers) and privileged: the merged view
    // inside, whiteout and opaque directory honoured, the image's user.
    void runsWithTheMergedView_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::newRow("unprivileged") << false;
        QTest::newRow("privileged") << true;
    }

    void runsWithTheMergedView()
    {
        QFETCH(bool, privileged);
        CreateRequest request;
        request.privileged = privileged;
        auto created = createFrom("imgrun", m_image, request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const std::string log = runToEnd("imgrun");
        QVERIFY2(log.find("from layer 2\n") != std::string::npos, log.c_str());
        QVERIFY2(log.find("files: /data: kept layer2 /opq: new\n") != std::string::npos, log.c_str());
        QVERIFY2(log.find("uid=1000:1000\n") != std::string::npos, log.c_str());
        // Written to the container's own layer, never to the image's.
        const fsys::path delta = m_engine.settings().paths.containerDir("imgrun") / "delta";
        QVERIFY(fsys::exists(delta / "data/by-run"));
        QVERIFY(!fsys::exists(base() / "data/by-run") && !fsys::exists(top() / "data/by-run"));
        struct stat st {};
        QCOMPARE(::lstat((base() / "bin/busybox").c_str(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(0)); // never chowned
        if (privileged) {
            // Converted to a block of its own: only its own layer moves.
            auto converted = m_engine.convertToUnprivileged("imgrun");
            QVERIFY2(converted, converted ? "" : converted.error().describe().c_str());
            const std::string again = runToEnd("imgrun");
            QVERIFY2(again.find("files: /data: by-run kept layer2 /opq: new\n") != std::string::npos, again.c_str());
            QCOMPARE(::lstat((base() / "bin/busybox").c_str(), &st), 0);
            QCOMPARE(st.st_uid, uid_t(0));
            QCOMPARE(::lstat((top() / "data").c_str(), &st), 0);
            QCOMPARE(st.st_uid, uid_t(1000));
        }
        destroy("imgrun");
    }

    // A running container of an image: exec sees the merged view, as the
    // image's user (looked up through the layers); stop works.
    void execAndStop()
    {
        CreateRequest request;
        request.command = {"/bin/sleep", "100"};
        QVERIFY(createFrom("imgexec", m_image, request));
        auto started = m_engine.start("imgexec");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        const RunResult cat = execCaptured(m_engine, "imgexec", {"/bin/cat", "/data/layer2"});
        QCOMPARE(cat.exit.code, 0);
        QVERIFY2(cat.output.find("from layer 2") != std::string::npos, cat.output.c_str());
        const RunResult gone = execCaptured(m_engine, "imgexec", {"/bin/cat", "/data/gone"});
        QVERIFY(gone.exit.code != 0);
        auto stopped = m_engine.stop("imgexec", 5s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        destroy("imgexec");
    }

    // Creating is O(1) in the image's size: two containers share the
    // layers' inodes (seen inside), their own directories stay tiny.
    void twoContainersShareTheLayers()
    {
        QVERIFY(createFrom("imgone", m_image));
        QVERIFY(createFrom("imgtwo", m_image));
        struct stat st {};
        QCOMPARE(::stat((base() / "bin/busybox").c_str(), &st), 0);
        const std::string inode = "inode=" + std::to_string(st.st_ino) + "\n";
        for (const char* name : {"imgone", "imgtwo"}) {
            const std::string log = runToEnd(name);
            QVERIFY2(log.find(inode) != std::string::npos, (inode + log).c_str());
            const std::uintmax_t used = diskUsage(m_engine.settings().paths.containerDir(name));
            QVERIFY2(used < 64 * 1024, std::to_string(used).c_str());
        }
        QVERIFY(diskUsage(base()) > 1024 * 1024); // busybox alone
        destroy("imgone");
        destroy("imgtwo");
    }

    // Forty-five lowers of long paths: past one page of mount options.
    void manyLowers()
    {
        image_store::StoredImage many = m_image;
        std::size_t optionBytes = 0;
        for (int i = 0; i < 43; ++i) {
            const fsys::path layer = m_layers / (hexNamed(100 + i) + "-" + std::string(40, 'x'));
            writeFile(layer / "many" / ("f" + std::to_string(i)), "x");
            many.layerDirs.push_back(layer);
        }
        for (const auto& layer : many.layerDirs)
            optionBytes += layer.native().size() + 1;
        QVERIFY2(optionBytes > 4096, std::to_string(optionBytes).c_str());
        many.config.cmd = {"/bin/sh", "-c", "echo count=$(ls /many | wc -l)"};
        for (bool privileged : {false, true}) {
            CreateRequest request;
            request.privileged = privileged;
            auto created = createFrom("imgmany", many, request);
            QVERIFY2(created, created ? "" : created.error().describe().c_str());
            const std::string log = runToEnd("imgmany");
            QVERIFY2(log.find("count=43\n") != std::string::npos, log.c_str());
            destroy("imgmany");
        }
    }

    // Export flattens: the archive holds the merged view (no whiteouts, no
    // hidden files), what the container wrote owned by its inside IDs.
    void exportIsTheMergedView()
    {
        QVERIFY(createFrom("imgexp", m_image));
        const std::string log = runToEnd("imgexp");
        QVERIFY2(log.find("from layer 2") != std::string::npos, log.c_str());
        UniqueFd out(::memfd_create("export", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("imgexp", out.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        const auto entries = archiveEntries(out.get());
        const auto in = [&](const std::string& p) {
            for (const auto& [path, uid] : entries)
                if (path.ends_with(p))
                    return true;
            return false;
        };
        QVERIFY(in("rootfs/bin/busybox"));
        QVERIFY(in("rootfs/data/layer2"));
        QVERIFY(in("rootfs/data/kept"));
        QVERIFY(in("rootfs/opq/new"));
        QVERIFY(in("rootfs/data/by-run"));
        QVERIFY(!in("rootfs/data/gone"));
        QVERIFY(!in("rootfs/opq/old"));
        for (const auto& [path, uid] : entries) {
            QVERIFY2(path.find(".wh.") == std::string::npos, path.c_str());
            if (path.ends_with("data/by-run"))
                QCOMPARE(uid, std::int64_t(1000)); // the image's user inside, not its host ID
        }
        // Nothing stays mounted (the merged view was detached).
        QVERIFY(fsys::is_empty(m_engine.settings().paths.containerDir("imgexp") / "rootfs"));
        destroy("imgexp");
    }

    // A full copy is flat; a snapshot shares the image's layers and starts
    // from a copy of the source's own layer.
    void clones()
    {
        QVERIFY(createFrom("imgsrc", m_image));
        QVERIFY(runToEnd("imgsrc").find("from layer 2") != std::string::npos);
        const Paths& paths = m_engine.settings().paths;
        auto copy = m_engine.create(
            {.name = "imgcopy", .templateName = "clone", .options = {{"source", "imgsrc"}, {"snapshot", "false"}}});
        QVERIFY2(copy, copy ? "" : copy.error().describe().c_str());
        const fsys::path rootfs = paths.rootfsDir("imgcopy");
        QVERIFY(fsys::exists(rootfs / "data/layer2") && fsys::exists(rootfs / "data/by-run"));
        QVERIFY(!fsys::exists(rootfs / "data/gone") && !fsys::exists(rootfs / "opq/old"));
        struct stat st {};
        QCOMPARE(::lstat((rootfs / "data/by-run").c_str(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(1000)); // inside IDs again on disk
        QVERIFY(readFile(paths.configFile("imgcopy")).find("lxc.rootfs.path = dir:") != std::string::npos);
        QVERIFY2(runToEnd("imgcopy").find("files: /data: by-run kept layer2 /opq: new\n") != std::string::npos,
                 readConsoleLog(m_engine, "imgcopy").c_str());

        auto snap = m_engine.create(
            {.name = "imgsnap", .templateName = "clone", .options = {{"source", "imgsrc"}, {"snapshot", "true"}}});
        QVERIFY2(snap, snap ? "" : snap.error().describe().c_str());
        const std::string config = readFile(paths.configFile("imgsnap"));
        QVERIFY2(config.find("overlay:" + top().string() + ":" + base().string() + ":") != std::string::npos,
                 config.c_str());
        QVERIFY(fsys::exists(paths.containerDir("imgsnap") / "delta/data/by-run"));
        QVERIFY2(runToEnd("imgsnap").find("files: /data: by-run kept layer2 /opq: new\n") != std::string::npos,
                 readConsoleLog(m_engine, "imgsnap").c_str());
        for (const char* name : {"imgsnap", "imgcopy", "imgsrc"})
            destroy(name);
    }

    // Destroy removes the container's own layer only.
    void destroyLeavesTheLayers()
    {
        struct stat before {};
        QCOMPARE(::lstat((base() / "bin/busybox").c_str(), &before), 0);
        QVERIFY(createFrom("imggone", m_image));
        QVERIFY(runToEnd("imggone").find("from layer 2") != std::string::npos);
        destroy("imggone");
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("imggone")));
        struct stat after {};
        QCOMPARE(::lstat((base() / "bin/busybox").c_str(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QVERIFY(fsys::exists(top() / "data/layer2"));
        QVERIFY(fsys::exists(base() / "data/gone"));
        struct stat whiteout {};
        QCOMPARE(::lstat((top() / "data/gone").c_str(), &whiteout), 0);
        QVERIFY(S_ISCHR(whiteout.st_mode));
    }
};

BERTH_INTEGRATION_MAIN(TestImageContainer)
#include "test_image_container.moc"
