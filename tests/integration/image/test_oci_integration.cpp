// The oci template end to end as root: an OCI layout directory and a
// classic `docker save` archive, both built here with two layers (the
// second whites out a file of the first and makes a directory opaque),
// run as application containers with the image's command; then broken
// images (a missing blob, a flipped byte) that must leave nothing behind.
#include "integration_env.h"

#include "archive_builder.h"
#include "config/new_container_config.h"
#include "image/oci_digest.h"
#include "store/container_store.h"
#include "template/template_build.h"

#include "berth/engine.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <set>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace berth;
using namespace std::chrono_literals;
namespace fsys = std::filesystem;
using archive_test::Entry;

// moc misreads some of the raw strings below; it needs none of this.
#ifndef Q_MOC_RUN
namespace {

std::string readFile(const fsys::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void writeFile(const fsys::path& file, const std::string& data)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
}

std::string readFd(int fd)
{
    std::string data;
    char buffer[65536];
    for (ssize_t n; (n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(data.size()))) > 0;)
        data.append(buffer, static_cast<std::size_t>(n));
    return data;
}

std::string tarOf(const std::vector<Entry>& entries, int filter = ARCHIVE_FILTER_NONE)
{
    UniqueFd fd = archive_test::buildArchive(entries, filter);
    return readFd(fd.get());
}

std::string hexOf(const std::string& digest)
{
    return digest.substr(7);
}

// Layer 1: busybox and the files layer 2 changes. Layer 2: a whiteout of
// data/gone, opq/ made opaque (opq/old goes, opq/new comes), a new file.
struct TestImage {
    std::vector<std::string> layers; // uncompressed tars
    std::vector<std::string> gzipLayers;
    std::string config;

    TestImage()
    {
        const std::string busybox = readFile("/bin/busybox");
        std::vector<Entry> first = {
            {.type = 'd', .path = "bin", .perm = 0755},
            {.path = "bin/busybox", .data = busybox, .perm = 0755},
            {.type = 'd', .path = "etc", .perm = 0755},
            {.path = "etc/passwd", .data = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n"},
            {.path = "etc/group", .data = "root:x:0:\napp:x:1000:\n"},
            {.type = 'd', .path = "data", .perm = 0755},
            {.path = "data/gone", .data = "gone\n"},
            {.path = "data/kept", .data = "kept\n"},
            {.type = 'd', .path = "opq", .perm = 0755},
            {.path = "opq/old", .data = "old\n"},
        };
        for (const char* applet : {"sh", "cat", "ls", "echo", "pwd", "id"})
            first.push_back({.type = 'l', .path = std::string("bin/") + applet, .link = "busybox"});
        const std::vector<Entry> second = {
            {.type = 'd', .path = "data", .perm = 0755},
            {.path = "data/.wh.gone"},
            {.path = "data/layer2", .data = "from layer 2\n"},
            {.type = 'd', .path = "opq", .perm = 0755},
            {.path = "opq/.wh..wh..opq"},
            {.path = "opq/new", .data = "new\n"},
        };
        layers = {tarOf(first), tarOf(second)};
        gzipLayers = {tarOf(first, ARCHIVE_FILTER_GZIP), tarOf(second, ARCHIVE_FILTER_GZIP)};
        config = R"({"architecture":"amd64","os":"linux","config":{
            "Entrypoint":["/bin/sh","-c"],
            "Cmd":["cat /data/layer2; echo files: $(ls /data /opq); echo cwd=$(pwd) greeting=$GREETING uid=$(id -u):$(id -g)."],
            "Env":["PATH=/bin","GREETING=hello"],"WorkingDir":"/data","User":"app",
            "ExposedPorts":{"80/tcp":{}}},
            "rootfs":{"type":"layers","diff_ids":[")" +
                 image::sha256OfText(layers[0]) + R"(",")" + image::sha256OfText(layers[1]) + R"("]}})";
    }
};

std::string descriptor(const std::string& mediaType, const std::string& blob, const std::string& extra = {})
{
    return R"({"mediaType":")" + mediaType + R"(","digest":")" + image::sha256OfText(blob) + R"(","size":)" +
           std::to_string(blob.size()) + extra + "}";
}

// Writes `blob` under blobs/sha256/ and returns its descriptor.
std::string addBlob(const fsys::path& layout, const std::string& mediaType, const std::string& blob,
                    const std::string& extra = {})
{
    writeFile(layout / "blobs/sha256" / hexOf(image::sha256OfText(blob)), blob);
    return descriptor(mediaType, blob, extra);
}

// An OCI image layout of `image`; `refs` name one manifest entry each in index.json.
void writeLayout(const fsys::path& layout, const TestImage& image, const std::vector<std::string>& refs)
{
    fsys::create_directories(layout / "blobs/sha256");
    writeFile(layout / "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
    std::string layers;
    for (const std::string& layer : image.gzipLayers)
        layers += (layers.empty() ? "" : ",") + addBlob(layout, "application/vnd.oci.image.layer.v1.tar+gzip", layer);
    const std::string manifest = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                                 R"("config":)" +
                                 addBlob(layout, "application/vnd.oci.image.config.v1+json", image.config) +
                                 R"(,"layers":[)" + layers + "]}";
    std::string entries;
    for (const std::string& ref : refs)
        entries += (entries.empty() ? "" : ",") +
                   addBlob(layout, "application/vnd.oci.image.manifest.v1+json", manifest,
                           R"(,"annotations":{"org.opencontainers.image.ref.name":")" + ref + R"("})");
    writeFile(layout / "index.json", R"({"schemaVersion":2,"manifests":[)" + entries + "]}");
}

// A classic `docker save` archive: manifest.json, <config id>.json, <id>/layer.tar.
UniqueFd dockerSaveArchive(const TestImage& image, const std::string& tag)
{
    const std::string configName = hexOf(image::sha256OfText(image.config)) + ".json";
    std::vector<Entry> entries = {{.path = configName, .data = image.config}};
    std::string layerPaths;
    for (std::size_t i = 0; i < image.layers.size(); ++i) {
        const std::string id = std::string(64, char('1' + i));
        entries.push_back({.type = 'd', .path = id, .perm = 0755});
        entries.push_back({.path = id + "/layer.tar", .data = image.layers[i]});
        layerPaths += (layerPaths.empty() ? "\"" : ",\"") + id + "/layer.tar\"";
    }
    entries.push_back({.path = "manifest.json",
                       .data = R"([{"Config":")" + configName + R"(","RepoTags":[")" + tag + R"("],"Layers":[)" +
                               layerPaths + "]}]"});
    return archive_test::buildArchive(entries);
}

// Every path under the state root, to show nothing was left behind.
std::set<std::string> treeOf(const fsys::path& root)
{
    std::set<std::string> paths;
    std::error_code ec;
    for (auto it = fsys::recursive_directory_iterator(root, ec); it != fsys::recursive_directory_iterator();
         it.increment(ec))
        paths.insert(it->path().string());
    return paths;
}

std::string consoleLog(const Engine& engine, const std::string& name)
{
    std::string text = readFile(engine.settings().paths.logFile(name));
    std::erase(text, '\r');
    return text;
}

// A docker save archive whose manifest.json names layers it does not hold.
UniqueFd archiveWithoutLayers(const std::string& config)
{
    const std::string configName = hexOf(image::sha256OfText(config)) + ".json";
    const std::vector<Entry> entries = {
        {.path = configName, .data = config},
        {.path = "manifest.json",
         .data = R"([{"Config":")" + configName + R"(","Layers":["a/layer.tar","b/layer.tar"]}])"}};
    return archive_test::buildArchive(entries);
}

} // namespace
#endif

class TestOciIntegration : public QObject {
    Q_OBJECT

private:
    Engine m_engine{test::IntegrationEnvironment::instance().engineSettings()};
    TestImage m_image;
    QTemporaryDir m_dir;

    // Runs the container to its end and returns its console output.
    std::string runToEnd(const std::string& name)
    {
        auto started = m_engine.start(name);
        if (!started)
            return "start: " + started.error().describe();
        auto stopped = m_engine.waitStopped(name, 30s);
        if (!stopped || !stopped->lastExit || stopped->lastExit->code != 0)
            return "did not exit 0: " + consoleLog(m_engine, name);
        return consoleLog(m_engine, name);
    }

    void checkImageRan(const std::string& name)
    {
        const std::string log = runToEnd(name);
        QVERIFY2(log.find("from layer 2\n") != std::string::npos, log.c_str());
        // ls /data /opq: layer 2's whiteout removed data/gone, its opaque
        // marker hid opq/old; neither marker itself is in the tree.
        QVERIFY2(log.find("files: /data: kept layer2 /opq: new\n") != std::string::npos, log.c_str());
        // The image's User (app, 1000:1000) is whom the command runs as.
        QVERIFY2(log.find("cwd=/data greeting=hello uid=1000:1000.\n") != std::string::npos, log.c_str());
        const std::string config = readFile(m_engine.settings().paths.configFile(name));
        QVERIFY2(config.find("berth.image.expose = 80/tcp\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("lxc.init.uid = 1000\n") != std::string::npos, config.c_str());
        QVERIFY2(config.find("berth.image.id = " + image::sha256OfText(m_image.config)) != std::string::npos,
                 config.c_str());
        // The scratch copy of an archive is gone.
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir(name) / ".image"));
    }

    Status createFrom(const std::string& name, int fd, const TemplateOptions& options = {}, uid_t reader = 0,
                      std::optional<std::vector<gid_t>> groups = {})
    {
        const CreateRequest request{.name = name,
                                    .templateName = "oci",
                                    .options = options,
                                    .inputFd = fd,
                                    .inputReader = reader,
                                    .inputReaderGroups = groups};
        auto created = m_engine.create(request);
        if (created || created.error().message != "unknown template 'oci'")
            return created;
        // Until Engine::create dispatches to the oci builder: the same
        // builder through the store's staging directory, as create does.
        CreateRequest resolved = request;
        resolved.kind = ContainerKind::Application;
        const Paths& paths = m_engine.settings().paths;
        const std::string base = newContainerConfig(resolved, paths.rootfsDir(name));
        const Progress progress;
        return ContainerStore(paths).create(name, [&](const fsys::path& staging) {
            return templates::buildOci({m_engine.settings(), resolved, resolved.options, progress, staging, base});
        });
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void layoutDirectoryRuns()
    {
        const fsys::path layout = fsys::path(m_dir.path().toStdString()) / "layout";
        writeLayout(layout, m_image, {"latest"});
        UniqueFd dir(::open(layout.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        auto created = createFrom("ociapp", dir.get());
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        checkImageRan("ociapp");
        QVERIFY(m_engine.destroy("ociapp"));
    }

    void dockerSaveArchiveRuns()
    {
        UniqueFd archive = dockerSaveArchive(m_image, "berth/test:1");
        auto created = createFrom("dockerapp", archive.get(), {{"reference", "berth/test:1"}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        checkImageRan("dockerapp");
        QVERIFY(m_engine.destroy("dockerapp"));
    }

    void referencePicksAmongSeveral()
    {
        const fsys::path layout = fsys::path(m_dir.path().toStdString()) / "several";
        writeLayout(layout, m_image, {"one", "two"});
        UniqueFd dir(::open(layout.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        auto refused = createFrom("several", dir.get());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EINVAL);
        QVERIFY2(refused.error().message.find("'two'") != std::string::npos, refused.error().message.c_str());
        auto created = createFrom("several", dir.get(), {{"reference", "two"}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const std::string config = readFile(m_engine.settings().paths.configFile("several"));
        QVERIFY2(config.find("berth.image.reference = two\n") != std::string::npos, config.c_str());
        QVERIFY(m_engine.destroy("several"));
    }

    // Anyone but root hands over a directory that is read with their
    // rights (here nobody's): a blob only root may read is refused and
    // nothing is created; the layout readable by all is imported whole.
    void layoutReadWithReadersRights()
    {
        constexpr uid_t kNobody = 65534;
        const fsys::path layout = fsys::path(m_dir.path().toStdString()) / "readers";
        writeLayout(layout, m_image, {"latest"});
        const fsys::path layer1 = layout / "blobs/sha256" / hexOf(image::sha256OfText(m_image.gzipLayers[0]));
        fsys::permissions(layer1, fsys::perms::owner_read | fsys::perms::owner_write);
        UniqueFd dir(::open(layout.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        const auto before = treeOf(m_engine.settings().paths.root());
        auto refused = createFrom("readers", dir.get(), {}, kNobody);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EACCES);
        QVERIFY2(refused.error().describe().find("Permission denied") != std::string::npos,
                 refused.error().describe().c_str());
        for (const std::string& path : treeOf(m_engine.settings().paths.root()))
            if (!before.contains(path))
                QVERIFY2(path.find("/run/berth") != std::string::npos, path.c_str());
        // Root reads it in place, as before.
        auto asRoot = createFrom("readers", dir.get());
        QVERIFY2(asRoot, asRoot ? "" : asRoot.error().describe().c_str());
        QVERIFY(m_engine.destroy("readers"));

        // Groups count as the caller's groups given (the bus's), not the user database's.
        constexpr gid_t kBlobGroup = 4242;
        QCOMPARE(::chown(layer1.c_str(), 0, kBlobGroup), 0);
        fsys::permissions(layer1, fsys::perms::group_read, fsys::perm_options::add);
        auto withoutGroup = createFrom("readers", dir.get(), {}, kNobody);
        QVERIFY(!withoutGroup);
        QCOMPARE(withoutGroup.error().code, EACCES);
        auto otherGroups = createFrom("readers", dir.get(), {}, kNobody, std::vector<gid_t>{65534, 4243});
        QVERIFY(!otherGroups);
        auto withGroup = createFrom("readers", dir.get(), {}, kNobody, std::vector<gid_t>{65534, kBlobGroup});
        QVERIFY2(withGroup, withGroup ? "" : withGroup.error().describe().c_str());
        QVERIFY(m_engine.destroy("readers"));

        fsys::permissions(layer1, fsys::perms::others_read | fsys::perms::group_read, fsys::perm_options::add);
        auto created = createFrom("readers", dir.get(), {}, kNobody);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        checkImageRan("readers");
        QVERIFY(m_engine.destroy("readers"));
    }

    // O_PATH carries no right to read: refused, whoever asks.
    void pathDescriptorRefused()
    {
        const fsys::path layout = fsys::path(m_dir.path().toStdString()) / "opath";
        writeLayout(layout, m_image, {"latest"});
        UniqueFd dir(::open(layout.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        auto refused = createFrom("opath", dir.get());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EINVAL);
        QVERIFY2(refused.error().message.find("O_PATH") != std::string::npos, refused.error().message.c_str());
    }

    void brokenImagesCreateNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("code");
        QTest::newRow("layout: missing layer blob") << 0 << ENOENT;
        QTest::newRow("layout: flipped byte in a layer") << 1 << EINVAL;
        QTest::newRow("archive: flipped byte in a layer") << 2 << EINVAL;
        QTest::newRow("archive: missing layer") << 3 << ENOENT;
    }

    void brokenImagesCreateNothing()
    {
        QFETCH(int, which);
        QFETCH(int, code);
        const fsys::path layout = fsys::path(m_dir.path().toStdString()) / ("broken" + std::to_string(which));
        writeLayout(layout, m_image, {"latest"});
        const fsys::path layer2 = layout / "blobs/sha256" / hexOf(image::sha256OfText(m_image.gzipLayers[1]));
        TestImage broken;
        UniqueFd input;
        if (which == 0)
            fsys::remove(layer2);
        if (which == 1) {
            std::string data = m_image.gzipLayers[1];
            data[data.size() / 2] ^= 0x01;
            writeFile(layer2, data);
        }
        if (which == 2)
            broken.layers[1][700] ^= 0x01; // inside a file's data: still a valid tar
        input = which < 2 ? UniqueFd(::open(layout.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
                          : dockerSaveArchive(broken, "x:1");
        if (which == 3)
            input = archiveWithoutLayers(m_image.config);
        const auto before = treeOf(m_engine.settings().paths.root());
        auto created = createFrom("broken", input.get());
        QVERIFY(!created);
        QCOMPARE(created.error().code, code);
        if (which != 3)
            QVERIFY2(created.error().describe().find(image::sha256OfText(
                         which < 2 ? m_image.gzipLayers[1] : m_image.layers[1])) != std::string::npos,
                     created.error().describe().c_str());
        // No container, no staging directory, no scratch copy; only the lock's run dir may appear.
        for (const std::string& path : treeOf(m_engine.settings().paths.root()))
            if (!before.contains(path))
                QVERIFY2(path.find("/run/berth") != std::string::npos, path.c_str());
    }
};

BERTH_INTEGRATION_MAIN(TestOciIntegration)
#include "test_oci_integration.moc"
