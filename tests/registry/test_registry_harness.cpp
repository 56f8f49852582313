// The registry harness tests itself, as root in a network namespace of its
// own: docker-registry in each mode (plain http, TLS with the test CA,
// htpasswd basic auth, the bearer-token service) fed by skopeo from the
// image builder's layouts and read back by skopeo; the builder's layers,
// indexes and Docker manifest lists; the hostile registry's every lie as
// curl (and skopeo) sees it.
#include "integration_env.h"

#include "encoding.h"
#include "hostile_registry.h"
#include "image_builder.h"
#include "registry_files.h"
#include "test_registry.h"

#include <archive.h>
#include <archive_entry.h>

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

#include <csignal>

using namespace berth::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// busybox, then a layer that whites out data/gone and makes opq/ opaque.
ImageSpec twoLayerSpec(Compression compression = Compression::Gzip)
{
    std::vector<LayerFile> first = busyboxFiles();
    for (const LayerFile& file :
         {LayerFile::dir("data"), LayerFile::file("data/gone", "gone\n"), LayerFile::file("data/kept", "kept\n"),
          LayerFile::dir("opq"), LayerFile::file("opq/old", "old\n")})
        first.push_back(file);
    ImageSpec spec;
    spec.layers.push_back({first, compression});
    spec.layers.push_back({{LayerFile::dir("data"), LayerFile::whiteout("data/gone"), LayerFile::dir("opq"),
                            LayerFile::opaque("opq"), LayerFile::file("opq/new", "new\n")},
                           compression});
    spec.config.entrypoint = {"/bin/sh", "-c"};
    spec.config.cmd = {"cat /opq/new"};
    spec.config.env = {"PATH=/bin", "GREETING=hello"};
    spec.config.workingDir = "/data";
    spec.config.user = "app";
    spec.config.exposedPorts = {"80/tcp", "53/udp"};
    spec.config.stopSignal = "SIGINT";
    spec.config.labels = {{"org.berth.test", "yes"}};
    return spec;
}

std::set<std::string> tarNames(const std::string& tar)
{
    std::set<std::string> names;
    archive* a = archive_read_new();
    archive_read_support_format_tar(a);
    archive_read_support_filter_all(a);
    archive_read_open_memory(a, tar.data(), tar.size());
    for (archive_entry* entry; archive_read_next_header(a, &entry) == ARCHIVE_OK;)
        names.insert(archive_entry_pathname(entry));
    archive_read_free(a);
    return names;
}

// curl's answer: status, headers, body (saved to a file), exit code.
struct Fetched {
    int exitCode = -1;
    int status = 0;
    std::string headers;
    std::string body;
};

Fetched curl(const std::string& url, const std::vector<std::string>& extra, const fs::path& work)
{
    std::vector<std::string> argv = {
        "curl", "-sS", "-D", (work / "headers").string(), "-o", (work / "body").string(), "-w", "%{http_code}"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(url);
    fs::remove(work / "headers");
    fs::remove(work / "body");
    const CommandResult result = runCommand(argv);
    Fetched fetched{result.exitCode,
                    std::atoi(result.output.substr(result.output.size() >= 3 ? result.output.size() - 3 : 0).c_str()),
                    readWholeFile(work / "headers"), readWholeFile(work / "body")};
    return fetched;
}

} // namespace

class RegistryHarnessTest : public QObject {
    Q_OBJECT

private:
    fs::path m_work;
    BuiltImage m_image = buildImage(twoLayerSpec());

    // Pushes m_image as `repo:v1`, reads it back with skopeo, and pulls it
    // into an OCI layout with skopeo: the registry served each blob once.
    void pushAndReadBack(TestRegistry& registry, const std::string& repo)
    {
        std::string why;
        QVERIFY2(registry.push(m_image, repo, "v1", &why), why.c_str());
        const std::string raw = registry.inspect(registry.reference(repo, "v1"), false, &why);
        QCOMPARE(raw, m_image.manifest);
        const json config = json::parse(registry.inspect(registry.reference(repo, "v1"), true, &why));
        QCOMPARE(config["config"]["WorkingDir"].get<std::string>(), std::string("/data"));
        QCOMPARE(config["rootfs"]["diff_ids"].get<std::vector<std::string>>(), m_image.diffIds);
        std::vector<std::string> argv = {"skopeo", "--insecure-policy", "copy", "--quiet"};
        for (const std::string& flag : registry.skopeoFlags("src"))
            argv.push_back(flag);
        argv.push_back("docker://" + registry.reference(repo, "v1"));
        argv.push_back("oci:" + (m_work / ("pulled-" + repo)).string() + ":v1");
        const CommandResult pulled = runCommand(argv);
        QVERIFY2(pulled.exitCode == 0, pulled.output.c_str());
        for (const std::string& layer : m_image.layerDigests)
            QCOMPARE(registry.blobDownloads(layer), 1);
    }

private slots:
    void initTestCase()
    {
        char dirTemplate[] = "/tmp/berth-registry-harness-XXXXXX";
        QVERIFY(::mkdtemp(dirTemplate));
        m_work = dirTemplate;
    }

    void cleanupTestCase() { fs::remove_all(m_work); }

    void layersKeepWhiteoutsAndCompressions()
    {
        const ImageSpec spec = twoLayerSpec();
        const std::set<std::string> names = tarNames(layerTar(spec.layers[1]));
        QVERIFY(names.contains("data/.wh.gone"));
        QVERIFY(names.contains("opq/.wh..wh..opq"));
        QCOMPARE(m_image.layerMediaTypes[0], std::string("application/vnd.oci.image.layer.v1.tar+gzip"));
        QCOMPARE(tarNames(m_image.blobs.at(m_image.layerDigests[1]).data), names);
        QCOMPARE(sha256Digest(layerTar(spec.layers[1])), m_image.diffIds[1]);
        const BuiltImage zstd = buildImage(twoLayerSpec(Compression::Zstd));
        QCOMPARE(zstd.layerMediaTypes[1], std::string("application/vnd.oci.image.layer.v1.tar+zstd"));
        QCOMPARE(tarNames(zstd.blobs.at(zstd.layerDigests[1]).data), names);
        QCOMPARE(zstd.diffIds, m_image.diffIds);
        // The same description gives the same bytes (fixed times, no gzip timestamp).
        QCOMPARE(buildImage(twoLayerSpec()).manifestDigest, m_image.manifestDigest);
    }

    void plainRegistry()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({}, &why), why.c_str());
        pushAndReadBack(registry, "plain");
        const fs::path storage = registry.storageDir();
        QVERIFY(fs::exists(storage));
        const pid_t pid = registry.pid();
        registry.stop();
        QVERIFY(!fs::exists(storage));
        QCOMPARE(::kill(pid, 0), -1);
    }

    void tlsRegistry()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.tls = true}, &why), why.c_str());
        QVERIFY(fs::exists(registry.certsDir() / registry.hostPort() / "ca.crt"));
        pushAndReadBack(registry, "tls");
        // Without the test CA the certificate is not trusted.
        const CommandResult untrusted =
            runCommand({"skopeo", "inspect", "--raw", "docker://" + registry.reference("tls", "v1")});
        QVERIFY2(untrusted.exitCode != 0, untrusted.output.c_str());
        QVERIFY2(untrusted.output.find("certificate") != std::string::npos, untrusted.output.c_str());
    }

    void basicAuthRegistry()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.user = "berth", .password = "s3cret"}, &why), why.c_str());
        pushAndReadBack(registry, "basic");
        const CommandResult anonymous = runCommand(
            {"skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + registry.reference("basic", "v1")});
        QVERIFY2(anonymous.exitCode != 0, anonymous.output.c_str());
        const CommandResult wrong =
            runCommand({"skopeo", "inspect", "--raw", "--tls-verify=false", "--creds=berth:wrong",
                        "docker://" + registry.reference("basic", "v1")});
        QVERIFY2(wrong.exitCode != 0, wrong.output.c_str());
        QCOMPARE(registry.requestCount("GET", "/v2/basic/manifests/v1") >= 2, true);
    }

    void tokenRegistry()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.tls = true, .user = "berth", .password = "t0ken", .tokenAuth = true}, &why),
                 why.c_str());
        QVERIFY(registry.tokenService());
        QVERIFY(registry.tokenService()->realm().starts_with("https://127.0.0.1:"));
        pushAndReadBack(registry, "token");
        QVERIFY(registry.tokenService()->tokensIssued() > 0);
        const CommandResult wrong =
            runCommand({"skopeo", "inspect", "--raw", "--cert-dir=" + registry.ca().skopeoCertDir().string(),
                        "--creds=berth:wrong", "docker://" + registry.reference("token", "v1")});
        QVERIFY2(wrong.exitCode != 0, wrong.output.c_str());
        QVERIFY(registry.tokenService()->refused() > 0);
    }

    void anonymousTokenRegistry()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.tokenAuth = true}, &why), why.c_str());
        pushAndReadBack(registry, "anonymous");
        QVERIFY(registry.tokenService()->tokensIssued() > 0);
        QCOMPARE(registry.tokenService()->refused(), 0);
    }

    // skopeo reads what registriesConf() and authFileJson() write: the
    // insecure table lets it use http, the login lets it in.
    void registryFilesAreReadBySkopeo()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.user = "berth", .password = "files"}, &why), why.c_str());
        QVERIFY2(registry.push(m_image, "files", "v1", &why), why.c_str());
        const fs::path conf = m_work / "conf/registries.conf";
        const fs::path auth = m_work / "home/.docker/config.json";
        QVERIFY(writeFileMakingDirs(conf, registriesConf({"docker.io"}, {registry.hostPort()})));
        QVERIFY(writeFileMakingDirs(
            auth, authFileJson({{.registry = registry.hostPort(), .user = "berth", .password = "files"}})));
        const std::string url = "docker://" + registry.reference("files", "v1");
        const CommandResult read = runCommand(
            {"skopeo", "--registries-conf", conf.string(), "inspect", "--raw", "--authfile", auth.string(), url});
        QVERIFY2(read.exitCode == 0, read.output.c_str());
        QCOMPARE(read.output, m_image.manifest);
        const CommandResult noLogin = runCommand({"skopeo", "--registries-conf", conf.string(), "inspect", "--raw",
                                                  "--authfile", (m_work / "none.json").string(), url});
        QVERIFY2(noLogin.exitCode != 0, noLogin.output.c_str());
        QVERIFY(writeFileMakingDirs(conf, registriesConf({}, {})));
        const CommandResult secure = runCommand(
            {"skopeo", "--registries-conf", conf.string(), "inspect", "--raw", "--authfile", auth.string(), url});
        QVERIFY2(secure.exitCode != 0, secure.output.c_str());
    }

    void indexesAndManifestLists_data()
    {
        QTest::addColumn<bool>("docker");
        QTest::newRow("OCI index") << false;
        QTest::newRow("Docker manifest list") << true;
    }

    void indexesAndManifestLists()
    {
        QFETCH(bool, docker);
        const ManifestFormat format = docker ? ManifestFormat::DockerV2 : ManifestFormat::Oci;
        ImageSpec amd64 = twoLayerSpec();
        ImageSpec arm64 = twoLayerSpec();
        arm64.config.architecture = "arm64";
        arm64.config.variant = "v8";
        arm64.layers.push_back({{LayerFile::file("arch", "arm64\n")}});
        const BuiltIndex index = buildIndex({buildImage(amd64, format), buildImage(arm64, format)}, format);
        // The Docker list goes through the harness's own push, here with a token and TLS.
        const RegistryOptions options =
            docker ? RegistryOptions{.tls = true, .user = "berth", .password = "pw", .tokenAuth = true}
                   : RegistryOptions{};
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start(options, &why), why.c_str());
        QVERIFY2(registry.push(index, "multi", "v1", &why), why.c_str());
        const std::string raw = registry.inspect(registry.reference("multi", "v1"), false, &why);
        QCOMPARE(raw, index.index);
        QCOMPARE(json::parse(raw)["mediaType"].get<std::string>(), index.mediaType);
        const std::string arm =
            registry.inspect(registry.reference("multi", index.images[1].manifestDigest), false, &why);
        QCOMPARE(arm, index.images[1].manifest);
        QCOMPARE(json::parse(arm)["mediaType"].get<std::string>(),
                 std::string(docker ? media::kDockerManifest : media::kOciManifest));
    }

    void hostileHonest()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.tls = true}, &why), why.c_str());
        hostile.serve("honest", "v1", m_image);
        const std::string base = "https://" + hostile.hostPort() + "/v2/honest/";
        const std::string ca = (hostile.certsDir() / hostile.hostPort() / "ca.crt").string();
        const Fetched manifest = curl(base + "manifests/v1", {"--cacert", ca}, m_work);
        QCOMPARE(manifest.status, 200);
        QCOMPARE(manifest.body, m_image.manifest);
        const std::string layer = m_image.layerDigests[0];
        const std::string& bytes = m_image.blobs.at(layer).data;
        const Fetched range = curl(base + "blobs/" + layer, {"--cacert", ca, "-r", "100-"}, m_work);
        QCOMPARE(range.status, 206);
        QCOMPARE(range.body, bytes.substr(100));
        // A real client copies the image through it.
        const CommandResult copied = runCommand({"skopeo", "--insecure-policy", "copy", "--quiet",
                                                 "--src-cert-dir=" + (hostile.certsDir() / hostile.hostPort()).string(),
                                                 "docker://" + hostile.reference("honest", "v1"),
                                                 "oci:" + (m_work / "honest").string() + ":v1"});
        QVERIFY2(copied.exitCode == 0, copied.output.c_str());
        QCOMPARE(hostile.blobRequests(layer), 2);
    }

    void hostileBlobs()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({}, &why), why.c_str());
        const std::string layer = m_image.layerDigests[0];
        const std::string& bytes = m_image.blobs.at(layer).data;
        hostile.serve("mismatch", "v1", m_image, Lie::BlobDigestMismatch);
        const std::string base = "http://" + hostile.hostPort() + "/v2/";
        const Fetched mismatch = curl(base + "mismatch/blobs/" + layer, {}, m_work);
        QCOMPARE(mismatch.status, 200);
        QCOMPARE(mismatch.body.size(), bytes.size());
        QVERIFY(sha256Digest(mismatch.body) != layer);
        const CommandResult refused =
            runCommand({"skopeo", "--insecure-policy", "copy", "--quiet", "--src-tls-verify=false",
                        "docker://" + hostile.reference("mismatch", "v1"), "oci:" + (m_work / "mismatch").string()});
        QVERIFY2(refused.exitCode != 0 && refused.output.find("igest") != std::string::npos, refused.output.c_str());
        hostile.clearLies();
        hostile.serve("truncated", "v1", m_image, Lie::TruncatedBlob);
        const Fetched truncated = curl(base + "truncated/blobs/" + layer, {}, m_work);
        QCOMPARE(truncated.exitCode, 18); // curl: partial file
        QCOMPARE(truncated.body, bytes.substr(0, bytes.size() / 2));
    }

    void hostileManifests()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({}, &why), why.c_str());
        const std::string base = "http://" + hostile.hostPort() + "/v2/";
        hostile.serve("huge", "v1", m_image, Lie::HugeManifest);
        const CommandResult huge =
            runCommand({"curl", "-sS", "-o", "/dev/null", "-w", "%{size_download}", base + "huge/manifests/v1"});
        QCOMPARE(huge.output, std::string("104857600"));
        hostile.serve("noplatform", "v1", m_image, Lie::NoMatchingPlatform);
        const json index = json::parse(curl(base + "noplatform/manifests/v1", {}, m_work).body);
        QCOMPARE(index["manifests"].size(), std::size_t(2));
        for (const json& entry : index["manifests"])
            QVERIFY(entry["platform"]["architecture"] != "amd64" || entry["platform"]["os"] != "linux");
        hostile.serve("typelie", "v1", m_image, Lie::ManifestMediaTypeLie);
        const Fetched typeLie = curl(base + "typelie/manifests/v1", {}, m_work);
        QVERIFY2(typeLie.headers.find(std::string("Content-Type: ") + media::kOciIndex) != std::string::npos,
                 typeLie.headers.c_str());
        QCOMPARE(typeLie.body, m_image.manifest);
    }

    void hostileRedirects()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.tls = true}, &why), why.c_str());
        const std::string ca = (hostile.certsDir() / hostile.hostPort() / "ca.crt").string();
        const std::string layer = m_image.layerDigests[1];
        hostile.serve("tohttp", "v1", m_image, Lie::RedirectToHttp);
        const Fetched toHttp =
            curl("https://" + hostile.hostPort() + "/v2/tohttp/blobs/" + layer, {"--cacert", ca}, m_work);
        QCOMPARE(toHttp.status, 307);
        QVERIFY2(toHttp.headers.find("Location: http://127.0.0.1:") != std::string::npos, toHttp.headers.c_str());
        const Fetched followed =
            curl("https://" + hostile.hostPort() + "/v2/tohttp/blobs/" + layer, {"--cacert", ca, "-L"}, m_work);
        QCOMPARE(sha256Digest(followed.body), layer);
        hostile.serve("otherhost", "v1", m_image, Lie::RedirectToOtherHost);
        const Fetched other =
            curl("https://" + hostile.hostPort() + "/v2/otherhost/blobs/" + layer, {"--cacert", ca, "-L"}, m_work);
        QCOMPARE(sha256Digest(other.body), layer);
        QVERIFY2(other.headers.find("Location: https://localhost:") != std::string::npos, other.headers.c_str());
    }

    void hostileRealms_data()
    {
        QTest::addColumn<int>("lie");
        QTest::addColumn<QString>("realm");
        QTest::newRow("realm over http") << int(Lie::RealmHttp) << "realm=\"http://127.0.0.1:";
        QTest::newRow("realm on another host") << int(Lie::RealmOtherHost) << "realm=\"https://localhost:";
    }

    void hostileRealms()
    {
        QFETCH(int, lie);
        QFETCH(QString, realm);
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.tls = true}, &why), why.c_str());
        hostile.serve("realm", "v1", m_image, Lie(lie));
        const std::string ca = (hostile.certsDir() / hostile.hostPort() / "ca.crt").string();
        const Fetched challenge = curl("https://" + hostile.hostPort() + "/v2/", {"--cacert", ca}, m_work);
        QCOMPARE(challenge.status, 401);
        QVERIFY2(challenge.headers.find(realm.toStdString()) != std::string::npos, challenge.headers.c_str());
        QCOMPARE(hostile.tokenRequests(), 0);
        const Fetched bearer = curl("https://" + hostile.hostPort() + "/v2/realm/manifests/v1",
                                    {"--cacert", ca, "-H", "Authorization: Bearer x"}, m_work);
        QCOMPARE(bearer.body, m_image.manifest);
    }

    void hostileSlowBlob()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.slowBlobBytes = 4096}, &why), why.c_str());
        hostile.serve("slow", "v1", m_image, Lie::SlowBlob);
        const std::string layer = m_image.layerDigests[0];
        BackgroundProcess download;
        QVERIFY2(download.start({"curl", "-sS", "-o", (m_work / "slow").string(),
                                 "http://" + hostile.hostPort() + "/v2/slow/blobs/" + layer},
                                m_work / "slow.out", m_work / "slow.err", &why),
                 why.c_str());
        QVERIFY(hostile.server().waitForStalled(1, 10000));
        QVERIFY(download.running());
        hostile.release();
        for (int i = 0; i < 500 && download.running(); ++i)
            QTest::qWait(20);
        QVERIFY(!download.running());
        QCOMPARE(sha256Digest(readWholeFile(m_work / "slow")), layer);
    }

    void hostileLayersHoldWhatTheySay()
    {
        const auto lastLayerNames = [](const BuiltImage& image) {
            return tarNames(image.blobs.at(image.layerDigests.back()).data);
        };
        QVERIFY(lastLayerNames(HostileRegistry::traversalImage()).contains("../escaped-by-berth-test"));
        QVERIFY(lastLayerNames(HostileRegistry::absolutePathImage()).contains("/tmp/escaped-by-berth-test"));
        QVERIFY(lastLayerNames(HostileRegistry::symlinkEscapeImage()).contains("out/escaped-by-berth-test"));
        QVERIFY(lastLayerNames(HostileRegistry::deviceNodeImage()).contains("dev/mem-like"));
        QVERIFY(lastLayerNames(HostileRegistry::hardLinkOutImage()).contains("passwd-link"));
    }
};

BERTH_INTEGRATION_MAIN(RegistryHarnessTest)

#include "test_registry_harness.moc"
