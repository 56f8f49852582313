// An image directory read as the oci template reads it: nested indexes,
// digests checked on every document, blobs opened only inside the layout,
// and layers applied with whiteouts. Temporary directories only.
#include "archive_builder.h"

#include "berth/templates.h"
#include "image/oci_digest.h"
#include "image/oci_layers.h"
#include "image/oci_manifest.h"
#include "image/oci_resolve.h"

#include <QtTest/QtTest>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fcntl.h>

using namespace berth;
using namespace berth::image;
namespace fsys = std::filesystem;

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

std::string tarOf(const std::vector<archive_test::Entry>& entries)
{
    UniqueFd fd = archive_test::buildArchive(entries, ARCHIVE_FILTER_GZIP);
    std::string data;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd.get(), buffer, sizeof buffer)) > 0;)
        data.append(buffer, static_cast<std::size_t>(n));
    return data;
}

fsys::path blobFile(const fsys::path& layout, const std::string& blob)
{
    return layout / "blobs/sha256" / sha256OfText(blob).substr(7);
}

std::string addBlob(const fsys::path& layout, std::string_view mediaType, const std::string& blob,
                    const std::string& extra = {})
{
    writeFile(blobFile(layout, blob), blob);
    return R"({"mediaType":")" + std::string(mediaType) + R"(","digest":")" + sha256OfText(blob) + R"(","size":)" +
           std::to_string(blob.size()) + extra + "}";
}

struct Layout {
    std::string layer1, layer2, config, manifest, otherManifest, nestedIndex;
};

// index.json -> a nested index named "web" -> an amd64 and an arm64 manifest.
Layout writeLayout(const fsys::path& dir)
{
    Layout l;
    fsys::create_directories(dir / "blobs/sha256");
    writeFile(dir / "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
    l.layer1 = tarOf({{.type = 'd', .path = "etc", .perm = 0755},
                      {.path = "etc/gone", .data = "gone"},
                      {.path = "etc/kept", .data = "kept"},
                      {.type = 'd', .path = "var", .perm = 0755},
                      {.path = "var/old", .data = "old"}});
    l.layer2 = tarOf({{.path = "etc/.wh.gone"},
                      {.path = "var/.wh..wh..opq"},
                      {.path = "var/new", .data = "new"},
                      {.path = "etc/.wh.never-was"}});
    l.config = R"({"config":{"Cmd":["/bin/sh"]},"rootfs":{"diff_ids":[]}})";
    const std::string layers = addBlob(dir, "application/vnd.oci.image.layer.v1.tar+gzip", l.layer1) + "," +
                               addBlob(dir, "application/vnd.oci.image.layer.v1.tar+gzip", l.layer2);
    l.manifest = R"({"schemaVersion":2,"config":)" +
                 addBlob(dir, "application/vnd.oci.image.config.v1+json", l.config) + R"(,"layers":[)" + layers + "]}";
    l.otherManifest = R"({"schemaVersion":2,"config":)" +
                      addBlob(dir, "application/vnd.oci.image.config.v1+json", l.config) + R"(,"layers":[]})";
    l.nestedIndex =
        R"({"schemaVersion":2,"manifests":[)" +
        addBlob(dir, media::kOciManifest, l.manifest,
                R"(,"platform":{"os":"linux","architecture":")" + std::string(hostOciArchitecture()) + R"("})") +
        "," +
        addBlob(dir, media::kOciManifest, l.otherManifest, R"(,"platform":{"os":"linux","architecture":"elsewhere"})") +
        "]}";
    writeFile(dir / "index.json", R"({"schemaVersion":2,"manifests":[)" +
                                      addBlob(dir, media::kOciIndex, l.nestedIndex,
                                              R"(,"annotations":{"org.opencontainers.image.ref.name":"web"})") +
                                      "]}");
    return l;
}

} // namespace
#endif

class TestOciLayout : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_count = 0;

    fsys::path freshDir(const char* what)
    {
        const fsys::path dir = fsys::path(m_tmp.path().toStdString()) / (what + std::to_string(++m_count));
        fsys::create_directories(dir);
        return dir;
    }

    static UniqueFd openDir(const fsys::path& dir)
    {
        return UniqueFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    }

private slots:
    void nestedIndexResolves()
    {
        const fsys::path dir = freshDir("layout");
        const Layout l = writeLayout(dir);
        auto image = resolveImage(openDir(dir).get(), "web");
        QVERIFY2(image, image ? "" : image.error().describe().c_str());
        QCOMPARE(image->origin.digest, sha256OfText(l.manifest));
        QCOMPARE(image->origin.id, sha256OfText(l.config));
        QCOMPARE(image->config.cmd, std::vector<std::string>{"/bin/sh"});
        QCOMPARE(image->layers.size(), std::size_t(2));
        QCOMPARE(image->layers[1].digest, sha256OfText(l.layer2));
        // The only manifest for this host needs no reference either.
        QVERIFY(resolveImage(openDir(dir).get(), ""));
        QCOMPARE(resolveImage(openDir(dir).get(), "db").error().code, ENOENT);
    }

    void layersApplyWithWhiteouts()
    {
        const fsys::path dir = freshDir("layout");
        writeLayout(dir);
        auto image = resolveImage(openDir(dir).get(), "");
        QVERIFY(image);
        const fsys::path root = freshDir("root");
        auto applied = applyLayers(openDir(dir).get(), image->layers, openDir(root).get(), Progress());
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        QCOMPARE(readFile(root / "etc/kept"), std::string("kept"));
        QCOMPARE(readFile(root / "var/new"), std::string("new"));
        QVERIFY(!fsys::exists(root / "etc/gone"));
        QVERIFY(!fsys::exists(root / "var/old"));
        // Whiteout markers are consumed, never written.
        QVERIFY(!fsys::exists(root / "etc/.wh.gone"));
        QVERIFY(!fsys::exists(root / "etc/.wh.never-was"));
        QVERIFY(!fsys::exists(root / "var/.wh..wh..opq"));
    }

    void cancelStopsBeforeTheFirstLayer()
    {
        const fsys::path dir = freshDir("layout");
        writeLayout(dir);
        auto image = resolveImage(openDir(dir).get(), "");
        QVERIFY(image);
        const fsys::path root = freshDir("root");
        std::atomic<bool> cancel{true};
        std::vector<std::string> steps;
        const Progress progress([&](const ProgressEvent& e) { steps.push_back(e.step); }, &cancel);
        auto applied = applyLayers(openDir(dir).get(), image->layers, openDir(root).get(), progress);
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, ECANCELED);
        QVERIFY(fsys::is_empty(root));
        QVERIFY(steps.empty());
    }

    void badLayouts_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("code");
        QTest::newRow("manifest blob missing") << 0 << ENOENT;
        QTest::newRow("config changed") << 1 << EINVAL;
        QTest::newRow("nested index changed") << 2 << EINVAL;
        QTest::newRow("layer blob missing") << 3 << ENOENT;
        QTest::newRow("layer blob changed") << 4 << EINVAL;
        QTest::newRow("blob is a symlink out of the layout") << 5 << ENOENT;
        QTest::newRow("blob is a directory") << 6 << EINVAL;
        QTest::newRow("no oci-layout") << 7 << ENOENT;
        QTest::newRow("no index, no manifest.json") << 8 << EINVAL;
    }

    // Each breaks one file; the error names the digest of the blob at fault.
    void badLayouts()
    {
        QFETCH(int, which);
        QFETCH(int, code);
        const fsys::path dir = freshDir("layout");
        const Layout l = writeLayout(dir);
        const std::string* blobs[] = {&l.manifest, &l.config, &l.nestedIndex, &l.layer2,
                                      &l.layer2,   &l.config, &l.config};
        const std::string* victim = which < 7 ? blobs[which] : nullptr;
        const fsys::path file = victim ? blobFile(dir, *victim) : fsys::path();
        switch (which) {
        case 0:
        case 3:
            fsys::remove(file);
            break;
        case 1:
        case 2:
        case 4:
            writeFile(file, readFile(file) + " ");
            break;
        case 5: // resolved inside the layout, the link finds nothing there
            fsys::remove(file);
            fsys::create_symlink(m_tmp.path().toStdString() + "/../../etc/hostname", file);
            break;
        case 6:
            fsys::remove(file);
            fsys::create_directory(file);
            break;
        case 7:
            fsys::remove(dir / "oci-layout");
            break;
        default:
            fsys::remove(dir / "index.json");
            break;
        }
        auto image = resolveImage(openDir(dir).get(), "");
        const UniqueFd root = openDir(freshDir("root"));
        Status result = image ? applyLayers(openDir(dir).get(), image->layers, root.get(), Progress())
                              : Status(std::unexpected(image.error()));
        QVERIFY(!result);
        QCOMPARE(result.error().code, code);
        if (victim && which != 6)
            QVERIFY2(result.error().describe().find(sha256OfText(*victim)) != std::string::npos,
                     result.error().describe().c_str());
    }
};

QTEST_GUILESS_MAIN(TestOciLayout)
#include "test_oci_layout.moc"
