// OCI indexes, manifests, docker's manifest.json and blob digests: parsing
// fixture documents, picking the manifest a reference names, bad input.
#include "berth/unique_fd.h"
#include "image/oci_digest.h"
#include "image/oci_docker_manifest.h"
#include "image/oci_manifest.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

using namespace berth;
using namespace berth::image;

namespace {

const std::string kHexA(64, 'a');
const std::string kHexB(64, 'b');
const std::string kHexC(64, 'c');
const std::string kEmptySha = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kAbcSha = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

std::string descriptor(const std::string& mediaType, const std::string& hex, const std::string& extra = {})
{
    return R"({"mediaType":")" + mediaType + R"(","digest":"sha256:)" + hex + R"(","size":12)" + extra + "}";
}

std::string manifestEntry(const std::string& hex, const std::string& refName, const std::string& platform = {})
{
    std::string extra = R"(,"annotations":{"org.opencontainers.image.ref.name":")" + refName + R"("})";
    if (!platform.empty())
        extra += R"(,"platform":{"os":"linux","architecture":")" + platform + R"("})";
    return descriptor(std::string(media::kOciManifest), hex, extra);
}

std::string index(const std::string& manifests)
{
    return R"({"schemaVersion":2,"manifests":[)" + manifests + "]}";
}

const char* const kManifest = R"({
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "config": {"mediaType": "application/vnd.oci.image.config.v1+json",
             "digest": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "size": 7023},
  "layers": [
    {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
     "digest": "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "size": 32654},
    {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
     "digest": "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc", "size": 16724}
  ]
})";

// Built outside the test class: moc misreads some of these raw strings.
#ifndef Q_MOC_RUN
std::vector<std::pair<const char*, std::string>> badIndexTexts()
{
    return {
        {"not json", "{\"schemaVersion\":2,"},
        {"array", "[]"},
        {"no schema version", R"({"manifests":[]})"},
        {"schema version 1", R"({"schemaVersion":1,"manifests":[]})"},
        {"no manifests", R"({"schemaVersion":2})"},
        {"manifests not an array", R"({"schemaVersion":2,"manifests":{}})"},
        {"descriptor not an object", R"({"schemaVersion":2,"manifests":["x"]})"},
        {"no digest", index(R"({"mediaType":"a","size":1})")},
        {"digest a number", index(R"({"mediaType":"a","digest":5,"size":1})")},
        {"bad digest", index(R"({"mediaType":"a","digest":"sha256:xyz","size":1})")},
        {"no size", index(R"({"mediaType":"a","digest":"sha256:)" + kHexA + R"("})")},
        {"negative size", index(R"({"mediaType":"a","digest":"sha256:)" + kHexA + R"(","size":-1})")},
        {"size a string", index(R"({"mediaType":"a","digest":"sha256:)" + kHexA + R"(","size":"1"})")},
        {"no media type", index(R"({"digest":"sha256:)" + kHexA + R"(","size":1})")},
        {"annotation a number", index(descriptor("a", kHexA, R"(,"annotations":{"x":1})"))},
        {"platform a string", index(descriptor("a", kHexA, R"(,"platform":"linux")"))},
    };
}

struct ManifestRow {
    const char* name;
    std::string text;
    int code;
};

std::vector<ManifestRow> badManifestTexts()
{
    const std::string head = R"({"schemaVersion":2,)";
    const std::string config = R"("config":)" + descriptor("application/vnd.oci.image.config.v1+json", kHexA);
    const std::string layer = descriptor("application/vnd.oci.image.layer.v1.tar", kHexB);
    const std::string encrypted = descriptor("application/vnd.oci.image.layer.v1.tar+gzip+encrypted", kHexB);
    return {
        {"no config", head + R"("layers":[]})", EINVAL},
        {"config a string", head + R"("config":"x","layers":[]})", EINVAL},
        {"no layers", head + config + "}", EINVAL},
        {"layers an object", head + config + R"(,"layers":{}})", EINVAL},
        {"bad layer digest",
         head + config + R"(,"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar",)" +
             R"("digest":"sha256:1","size":1}]})",
         EINVAL},
        {"encrypted layer", head + config + R"(,"layers":[)" + encrypted + "]}", EOPNOTSUPP},
        {"good", head + config + R"(,"layers":[)" + layer + "]}", 0},
    };
}

std::string dockerManifestText()
{
    return R"([{"Config":")" + kHexA + R"(.json","RepoTags":["busybox:latest"],
               "Layers":["1111/layer.tar","2222/layer.tar"]},
              {"Config":"blobs/sha256/)" +
           kHexB + R"(","RepoTags":["alpine:3"],)" + R"("Layers":["blobs/sha256/)" + kHexC + R"("]}])";
}
#endif

} // namespace

class TestOciManifest : public QObject {
    Q_OBJECT

private slots:
    void digestsParse_data()
    {
        QTest::addColumn<QString>("digest");
        QTest::addColumn<int>("code");
        QTest::newRow("good") << QString::fromStdString("sha256:" + kHexA) << 0;
        QTest::newRow("no algorithm") << QString::fromStdString(kHexA) << EINVAL;
        QTest::newRow("empty algorithm") << QString::fromStdString(":" + kHexA) << EINVAL;
        QTest::newRow("sha512") << QString::fromStdString("sha512:" + kHexA + kHexA) << EOPNOTSUPP;
        QTest::newRow("short") << QString::fromStdString("sha256:" + kHexA.substr(1)) << EINVAL;
        QTest::newRow("long") << QString::fromStdString("sha256:" + kHexA + "a") << EINVAL;
        QTest::newRow("uppercase") << QString::fromStdString("sha256:" + std::string(64, 'A')) << EINVAL;
        QTest::newRow("not hex") << QString::fromStdString("sha256:" + std::string(64, 'g')) << EINVAL;
        QTest::newRow("path in it") << QString::fromStdString("sha256:../../" + kHexA.substr(6)) << EINVAL;
    }

    void digestsParse()
    {
        QFETCH(QString, digest);
        QFETCH(int, code);
        auto hex = parseSha256Digest(digest.toStdString());
        QCOMPARE(hex ? 0 : hex.error().code, code);
        if (hex)
            QCOMPARE(*hex, kHexA);
    }

    void digestsOfKnownData()
    {
        QCOMPARE(sha256OfText(""), kEmptySha);
        QCOMPARE(sha256OfText("abc"), kAbcSha);
        berth::UniqueFd fd(::memfd_create("blob", MFD_CLOEXEC));
        QCOMPARE(::write(fd.get(), "abc", 3), ssize_t(3));
        std::uint64_t size = 0;
        auto digest = sha256OfFile(fd.get(), &size);
        QVERIFY(digest);
        QCOMPARE(*digest, kAbcSha);
        QCOMPARE(size, std::uint64_t(3));
    }

    void digestCheck_data()
    {
        QTest::addColumn<QString>("actual");
        QTest::addColumn<qint64>("expectedSize"); // -1: not given
        QTest::addColumn<int>("code");
        QTest::newRow("match") << QString::fromStdString(kAbcSha) << qint64(3) << 0;
        QTest::newRow("match, no size") << QString::fromStdString(kAbcSha) << qint64(-1) << 0;
        QTest::newRow("other content") << QString::fromStdString(kEmptySha) << qint64(3) << EINVAL;
        QTest::newRow("other size") << QString::fromStdString(kAbcSha) << qint64(4) << EINVAL;
    }

    void digestCheck()
    {
        QFETCH(QString, actual);
        QFETCH(qint64, expectedSize);
        QFETCH(int, code);
        const auto size = expectedSize < 0 ? std::nullopt : std::optional<std::uint64_t>(expectedSize);
        auto ok = checkDigest(kAbcSha, size, actual.toStdString(), 3);
        QCOMPARE(ok ? 0 : ok.error().code, code);
        if (!ok)
            QVERIFY2(ok.error().message.find(kAbcSha) != std::string::npos, ok.error().message.c_str());
    }

    void indexLists()
    {
        auto list = parseIndex(
            index(manifestEntry(kHexA, "latest", "amd64") + "," + descriptor(std::string(media::kOciIndex), kHexB)),
            "index.json");
        QVERIFY2(list, list ? "" : list.error().describe().c_str());
        QCOMPARE(list->size(), std::size_t(2));
        QCOMPARE((*list)[0].digest, "sha256:" + kHexA);
        QCOMPARE((*list)[0].size, std::optional<std::uint64_t>(12));
        QCOMPARE((*list)[0].architecture, std::string("amd64"));
        QCOMPARE(descriptorNames((*list)[0]), std::vector<std::string>{"latest"});
        QVERIFY(isIndexMediaType((*list)[1].mediaType));
    }

    void badIndexes_data()
    {
        QTest::addColumn<QString>("text");
        for (const auto& [name, text] : badIndexTexts())
            QTest::newRow(name) << QString::fromStdString(text);
    }

    void badIndexes()
    {
        QFETCH(QString, text);
        auto list = parseIndex(text.toStdString(), "index.json");
        QVERIFY(!list);
        QCOMPARE(list.error().code, EINVAL);
        QVERIFY2(list.error().message.find("index.json") != std::string::npos, list.error().message.c_str());
    }

    void manifestParses()
    {
        auto manifest = parseManifest(kManifest, "manifest");
        QVERIFY2(manifest, manifest ? "" : manifest.error().describe().c_str());
        QCOMPARE(manifest->config.digest, "sha256:" + kHexA);
        QCOMPARE(manifest->config.size, std::optional<std::uint64_t>(7023));
        QCOMPARE(manifest->layers.size(), std::size_t(2));
        QCOMPARE(manifest->layers[0].digest, "sha256:" + kHexB);
        QCOMPARE(manifest->layers[1].digest, "sha256:" + kHexC);
    }

    void badManifests_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        for (const auto& [name, text, code] : badManifestTexts())
            QTest::newRow(name) << QString::fromStdString(text) << code;
    }

    void badManifests()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        auto manifest = parseManifest(text.toStdString(), "manifest sha256:x");
        QCOMPARE(manifest ? 0 : manifest.error().code, code);
    }

    void selection_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<int>("pick"); // index of the expected manifest, or -errno
        QTest::newRow("by ref.name") << "v2" << 1;
        QTest::newRow("by full name") << "docker.io/library/busybox:v1" << 0;
        QTest::newRow("by short name") << "busybox:v1" << 0;
        QTest::newRow("by name with docker.io") << "docker.io/busybox:v1" << 0;
        QTest::newRow("unknown") << "v3" << -ENOENT;
        QTest::newRow("several and no reference") << "" << -EINVAL;
    }

    void selection()
    {
        QFETCH(QString, reference);
        QFETCH(int, pick);
        std::vector<Descriptor> manifests(3);
        manifests[0].digest = "sha256:" + kHexA;
        manifests[0].annotations = {{"io.containerd.image.name", "docker.io/library/busybox:v1"},
                                    {"org.opencontainers.image.ref.name", "v1"}};
        manifests[1].digest = "sha256:" + kHexB;
        manifests[1].annotations = {{"org.opencontainers.image.ref.name", "v2"}};
        // Another architecture is never picked, whatever its name.
        manifests[2].digest = "sha256:" + kHexC;
        manifests[2].architecture = "not-this-one";
        manifests[2].annotations = {{"org.opencontainers.image.ref.name", "v2"}};
        auto chosen = selectManifest(manifests, reference.toStdString(), "amd64");
        if (pick < 0) {
            QVERIFY(!chosen);
            QCOMPARE(chosen.error().code, -pick);
            // The message lists what there is to choose from.
            QVERIFY2(chosen.error().message.find("'v2'") != std::string::npos, chosen.error().message.c_str());
            return;
        }
        QVERIFY2(chosen, chosen ? "" : chosen.error().describe().c_str());
        QCOMPARE(chosen->digest, manifests[static_cast<std::size_t>(pick)].digest);
    }

    void onlyManifestNeedsNoReference()
    {
        std::vector<Descriptor> manifests(2);
        manifests[0].digest = "sha256:" + kHexA;
        manifests[0].architecture = "amd64";
        manifests[1].digest = "sha256:" + kHexB;
        manifests[1].architecture = "arm64";
        auto chosen = selectManifest(manifests, "", "arm64");
        QVERIFY(chosen);
        QCOMPARE(chosen->digest, "sha256:" + kHexB);
        QCOMPARE(selectManifest(manifests, "", "s390x").error().code, ENOENT);
    }

    void dockerManifest()
    {
        auto images = parseDockerManifest(dockerManifestText());
        QVERIFY2(images, images ? "" : images.error().describe().c_str());
        QCOMPARE(images->size(), std::size_t(2));
        QCOMPARE((*images)[0].layers, (std::vector<std::string>{"1111/layer.tar", "2222/layer.tar"}));
        QCOMPARE(dockerConfigDigest((*images)[0].config).value(), "sha256:" + kHexA);
        QCOMPARE(dockerConfigDigest((*images)[1].config).value(), "sha256:" + kHexB);

        QCOMPARE(selectDockerImage(*images, "alpine:3")->config, (*images)[1].config);
        QCOMPARE(selectDockerImage(*images, "docker.io/library/busybox:latest")->config, (*images)[0].config);
        auto several = selectDockerImage(*images, "");
        QVERIFY(!several);
        QCOMPARE(several.error().code, EINVAL);
        QVERIFY2(several.error().message.find("'alpine:3'") != std::string::npos, several.error().message.c_str());
        QCOMPARE(selectDockerImage(*images, "debian:12").error().code, ENOENT);
    }

    void badDockerManifests_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("object") << R"({"Config":"a.json"})";
        QTest::newRow("empty") << "[]";
        QTest::newRow("entry a string") << R"(["x"])";
        QTest::newRow("no config") << R"([{"Layers":["a/layer.tar"]}])";
        QTest::newRow("config a number") << R"([{"Config":1,"Layers":["a/layer.tar"]}])";
        QTest::newRow("no layers") << R"([{"Config":"a.json"}])";
        QTest::newRow("layer a number") << R"([{"Config":"a.json","Layers":[1]}])";
        QTest::newRow("tags a string") << R"([{"Config":"a.json","RepoTags":"x","Layers":["a"]}])";
    }

    void badDockerManifests()
    {
        QFETCH(QString, text);
        auto images = parseDockerManifest(text.toStdString());
        QVERIFY(!images);
        QCOMPARE(images.error().code, EINVAL);
    }

    void dockerConfigNames_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("good");
        QTest::newRow("classic") << QString::fromStdString(kHexA + ".json") << true;
        QTest::newRow("blob") << QString::fromStdString("blobs/sha256/" + kHexA) << true;
        QTest::newRow("other name") << "config.json" << false;
        QTest::newRow("in a directory") << QString::fromStdString("x/" + kHexA + ".json") << false;
    }

    void dockerConfigNames()
    {
        QFETCH(QString, path);
        QFETCH(bool, good);
        QCOMPARE(dockerConfigDigest(path.toStdString()).has_value(), good);
    }
};

QTEST_GUILESS_MAIN(TestOciManifest)
#include "test_oci_manifest.moc"
