// The registry client (engine/src/registry, issue #21) against real
// registries in the test's own network namespace: Debian's docker-registry
// (plain, TLS with a test CA, htpasswd, a bearer-token realm) fed by skopeo,
// and the harness's hostile registry for what a real one never does.
#include "hostile_registry.h"
#include "integration_env.h"
#include "test_registry.h"

#include "berth/model/image_reference.h"
#include "image/oci_digest.h"
#include "registry/blob_fetch.h"
#include "registry/remote_image.h"
#include "registry/session.h"

#include <QtTest>

#include <atomic>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace berth;
using namespace berth::registry;
using namespace berth::test;

namespace {

model::ImageReference parseRef(const std::string& text)
{
    auto parsed = model::parseImageReference(text);
    if (!parsed)
        qFatal("bad reference %s", text.c_str());
    return *parsed;
}

// Progress events, collected from any thread.
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
                    std::lock_guard lock(mutex);
                    items.push_back(*e.item);
                }
                if (onItem)
                    onItem(*e.item);
            },
            &cancel);
    }
    bool saw(const std::string& phase)
    {
        std::lock_guard lock(mutex);
        return std::any_of(items.begin(), items.end(), [&](const ItemProgress& i) { return i.phase == phase; });
    }
};

// A two-layer image whose first layer is big enough to be caught midway
// (the hostile registry stalls in the first one).
BuiltImage twoLayerImage()
{
    ImageSpec spec;
    spec.layers.push_back({{LayerFile::file("data.bin", pseudoRandomData(3 << 20, 7))}, Compression::Zstd});
    spec.layers.push_back({{LayerFile::dir("etc"), LayerFile::file("etc/hello", "hello\n")}, Compression::Gzip});
    spec.config.cmd = {"/bin/sh"};
    spec.config.stopSignal = "SIGTERM";
    spec.config.labels = {{"org.example.purpose", "test"}};
    return buildImage(spec);
}

std::string readFd(int fd)
{
    std::string data;
    char buffer[65536];
    for (off_t offset = 0;;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
        if (n <= 0)
            return data;
        data.append(buffer, static_cast<std::size_t>(n));
        offset += n;
    }
}

std::string message(const Error& e)
{
    return e.describe();
}

} // namespace

class TestRegistryClient : public QObject {
    Q_OBJECT

    std::optional<QTemporaryDir> m_downloads;
    UniqueFd m_downloadsFd;

    int downloadsFd() const { return m_downloadsFd.get(); }
    bool inDownloads(const std::string& name) const
    {
        struct stat st {};
        return ::fstatat(m_downloadsFd.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    }
    static std::string hexOf(const std::string& digest) { return digest.substr(7); }

    // Resolves and fetches every layer; checks each blob's bytes.
    void pullAll(Session& session, const std::string& reference, const BuiltImage& image)
    {
        auto remote = resolveRemote(session, parseRef(reference));
        QVERIFY2(remote.has_value(), remote ? "" : message(remote.error()).c_str());
        QCOMPARE(remote->configDigest, image.configDigest);
        QCOMPARE(remote->layers.size(), image.layerDigests.size());
        for (std::size_t i = 0; i < remote->layers.size(); ++i) {
            QCOMPARE(remote->layers[i].digest, image.layerDigests[i]);
            QCOMPARE(remote->layers[i].diffId, image.diffIds[i]);
            auto fd = fetchBlob(session, remote->reference, remote->layers[i], downloadsFd(), session.progress());
            QVERIFY2(fd.has_value(), fd ? "" : message(fd.error()).c_str());
            QCOMPARE(image::sha256OfText(readFd(fd->get())), image.layerDigests[i]);
        }
    }

private Q_SLOTS:
    void init()
    {
        m_downloads.emplace();
        QVERIFY(m_downloads->isValid());
        m_downloadsFd = UniqueFd(::open(m_downloads->path().toLocal8Bit().constData(), O_DIRECTORY | O_CLOEXEC));
        QVERIFY(m_downloadsFd.valid());
    }
    void cleanup()
    {
        m_downloadsFd.reset();
        m_downloads.reset(); // removed: each test starts with empty downloads
    }

    void anonymousPlainHttp()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "team/app", "v1", &why), why.c_str());
        Recorder recorder;
        Session session({}, {}, recorder.progress());
        pullAll(session, registry.reference("team/app", "v1"), image);
        auto remote = resolveRemote(session, parseRef(registry.reference("team/app", "v1")));
        QVERIFY(remote.has_value());
        QCOMPARE(remote->manifestDigest, image.manifestDigest);
        QCOMPARE(remote->parsedConfig.stopSignal, std::string("SIGTERM"));
        QCOMPARE(remote->parsedConfig.labels.at("org.example.purpose"), std::string("test"));
        QCOMPARE(remote->parsedConfig.created, std::int64_t{1767225600});
        QVERIFY(recorder.saw("downloading"));
        QVERIFY(recorder.saw("verifying"));
        // Fetched again: found complete, no second download.
        auto again = fetchBlob(session, remote->reference, remote->layers[0], downloadsFd(), session.progress());
        QVERIFY(again.has_value());
        QVERIFY(recorder.saw("exists"));
        QCOMPARE(registry.blobDownloads(image.layerDigests[0]), 1);
        // By digest, the manifest is held to it.
        auto byDigest = resolveRemote(session, parseRef(registry.reference("team/app", image.manifestDigest)));
        QVERIFY2(byDigest.has_value(), byDigest ? "" : message(byDigest.error()).c_str());
        auto missing = resolveRemote(session, parseRef(registry.reference("team/app", "nope")));
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, ENOENT);
        QVERIFY2(message(missing.error()).find("answered 404 for manifest 'nope'") != std::string::npos,
                 message(missing.error()).c_str());
    }

    void indexAndManifestListPickThisHost()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({}, &why), why.c_str());
        for (ManifestFormat format : {ManifestFormat::Oci, ManifestFormat::DockerV2}) {
            ImageSpec amd;
            amd.layers.push_back({{LayerFile::file("arch", "amd64\n")}, Compression::Gzip});
            ImageSpec arm = amd;
            arm.layers[0].files[0].data = "arm64\n";
            arm.config.architecture = "arm64";
            const BuiltIndex index = buildIndex({buildImage(amd, format), buildImage(arm, format)}, format);
            const std::string repo = format == ManifestFormat::Oci ? "multi-oci" : "multi-docker";
            QVERIFY2(registry.push(index, repo, "latest", &why), why.c_str());
            Session session({}, {}, {});
            auto remote = resolveRemote(session, parseRef(registry.reference(repo)));
            QVERIFY2(remote.has_value(), remote ? "" : message(remote.error()).c_str());
            QCOMPARE(remote->indexDigest, index.digest);
            QCOMPARE(remote->manifestDigest, index.images[0].manifestDigest);
            QCOMPARE(remote->parsedConfig.architecture, std::string("amd64"));
        }
    }

    void basicAuth()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.user = "alice", .password = "s3cret"}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "private", "latest", &why), why.c_str());
        Session anonymous({}, {}, {});
        auto refused = resolveRemote(anonymous, parseRef(registry.reference("private")));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, EACCES);
        QVERIFY2(message(refused.error()).find("asks for a login") != std::string::npos,
                 message(refused.error()).c_str());
        Session wrong({}, {{registry.hostPort(), "alice", "wrong"}}, {});
        auto denied = resolveRemote(wrong, parseRef(registry.reference("private")));
        QVERIFY(!denied.has_value());
        QCOMPARE(denied.error().code, EACCES);
        Session session({}, {{registry.hostPort(), "alice", "s3cret"}}, {});
        pullAll(session, registry.reference("private"), image);
    }

    void bearerToken()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.tokenAuth = true}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "tokened", "latest", &why), why.c_str());
        const int before = registry.tokenService()->tokensIssued();
        Session session({}, {}, {});
        pullAll(session, registry.reference("tokened"), image);
        // One token for the repository, reused for every request after it.
        QCOMPARE(registry.tokenService()->tokensIssued(), before + 1);
    }

    // A token realm that wants the caller's login: refused without one,
    // a token with it.
    void bearerTokenWithLogin()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.user = "bob", .password = "pw", .tokenAuth = true}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "tokened", "latest", &why), why.c_str());
        Session anonymous({}, {}, {});
        auto refused = resolveRemote(anonymous, parseRef(registry.reference("tokened")));
        QVERIFY(!refused.has_value());
        QCOMPARE(refused.error().code, EACCES);
        QVERIFY2(message(refused.error()).find("a token for '") != std::string::npos, message(refused.error()).c_str());
        Session session({}, {{registry.hostPort(), "bob", "pw"}}, {});
        pullAll(session, registry.reference("tokened"), image);
    }

    void tlsWithTestCa()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.tls = true}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "secure", "latest", &why), why.c_str());
        RegistryPolicy trusting;
        trusting.certsDir = registry.certsDir();
        Session session(trusting, {}, {});
        pullAll(session, registry.reference("secure"), image);
        // Served over TLS: nothing came in plain.
        QCOMPARE(registry.requestCount("GET", "/v2/secure/manifests/"), 1);
    }

    // A registry on an address that is not loopback and not listed as
    // insecure is never spoken to in plain http; listed, it is.
    void plainHttpOnlyForInsecureRegistries()
    {
        QCOMPARE(std::system("ip addr add 10.251.0.1/32 dev lo"), 0);
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({.address = "10.251.0.1"}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "app", "latest", &why), why.c_str());
        const int before = registry.requestCount("GET", "/v2/app/");
        Session strict({}, {}, {});
        auto refused = resolveRemote(strict, parseRef(registry.reference("app")));
        QVERIFY(!refused.has_value());
        QVERIFY2(message(refused.error()).find("registry '" + registry.hostPort() + "'") != std::string::npos,
                 message(refused.error()).c_str());
        QCOMPARE(registry.requestCount("GET", "/v2/app/"), before);
        auto listed = parseRegistryPolicy("[[registry]]\nlocation = \"" + registry.hostPort() + "\"\ninsecure = true\n",
                                          "registries.conf");
        QVERIFY(listed.has_value());
        Session allowed(*listed, {}, {});
        pullAll(allowed, registry.reference("app"), image);
        auto blocked = parseRegistryPolicy(
            "[[registry]]\nlocation = \"" + registry.hostPort() + "/app\"\nblocked = true\n", "registries.conf");
        QVERIFY(blocked.has_value());
        Session blockedSession(*blocked, {}, {});
        auto refusedBlocked = resolveRemote(blockedSession, parseRef(registry.reference("app")));
        QVERIFY(!refusedBlocked.has_value());
        QCOMPARE(refusedBlocked.error().code, EACCES);
    }

    // Half a blob left by an interrupted pull is continued with a Range
    // request; a partial file of wrong bytes fails the digest and goes.
    void resumesAPartialDownload()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "app", "latest", &why), why.c_str());
        Session session({}, {}, {});
        auto remote = resolveRemote(session, parseRef(registry.reference("app")));
        QVERIFY(remote.has_value());
        const LayerDescriptor& layer = remote->layers[0];
        const std::string& bytes = image.blobs.at(layer.digest).data;
        const std::string partial = m_downloads->path().toStdString() + "/" + hexOf(layer.digest) + ".partial";
        std::ofstream(partial, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
        auto fd = fetchBlob(session, remote->reference, layer, downloadsFd(), {});
        QVERIFY2(fd.has_value(), fd ? "" : message(fd.error()).c_str());
        QCOMPARE(readFd(fd->get()), bytes);
        QVERIFY(!inDownloads(hexOf(layer.digest) + ".partial"));
        bool ranged = false;
        for (const RegistryRequest& r : registry.requests())
            ranged = ranged || (r.path.find(layer.digest) != std::string::npos && r.status == 206);
        QVERIFY2(ranged, "no 206 answer for the resumed blob");

        // Wrong bytes in a partial file: the digest fails, nothing is kept.
        const LayerDescriptor& first = remote->layers[1];
        const std::string firstPartial = m_downloads->path().toStdString() + "/" + hexOf(first.digest) + ".partial";
        std::ofstream(firstPartial, std::ios::binary) << std::string(first.size / 2, 'x');
        auto bad = fetchBlob(session, remote->reference, first, downloadsFd(), {});
        QVERIFY(!bad.has_value());
        QVERIFY2(message(bad.error()).find("does not match its digest") != std::string::npos,
                 message(bad.error()).c_str());
        QVERIFY(!inDownloads(hexOf(first.digest) + ".partial"));
        QVERIFY(!inDownloads(hexOf(first.digest)));
        auto good = fetchBlob(session, remote->reference, first, downloadsFd(), {});
        QVERIFY2(good.has_value(), good ? "" : message(good.error()).c_str());
    }

    // Cancel while a blob stalls midway: ECANCELED at once, the bytes so
    // far kept as .partial, and the next fetch resumes from them.
    void cancelMidBlobKeepsThePartial()
    {
        HostileRegistry hostile;
        std::string why;
        const BuiltImage image = twoLayerImage();
        QVERIFY2(hostile.start({.slowBlobBytes = 1 << 20}, &why), why.c_str());
        hostile.serve("app", "latest", image, Lie::SlowBlob);
        Recorder recorder;
        Session session({}, {}, recorder.progress());
        auto remote = resolveRemote(session, parseRef(hostile.reference("app")));
        QVERIFY2(remote.has_value(), remote ? "" : message(remote.error()).c_str());
        const LayerDescriptor& layer = remote->layers[0]; // the stalling one
        std::optional<Result<UniqueFd>> result;
        std::thread puller(
            [&] { result = fetchBlob(session, remote->reference, layer, downloadsFd(), session.progress()); });
        QVERIFY(hostile.server().waitForStalled(1, 30000));
        recorder.cancel = true;
        puller.join();
        QVERIFY(result && !result->has_value());
        QCOMPARE(result->error().code, ECANCELED);
        struct stat st {};
        QCOMPARE(::fstatat(downloadsFd(), (hexOf(layer.digest) + ".partial").c_str(), &st, 0), 0);
        QVERIFY(st.st_size > 0);
        QVERIFY(static_cast<std::uint64_t>(st.st_size) <= layer.size);
        hostile.release();
        hostile.clearLies();
        Session resumed({}, {}, {});
        auto fd = fetchBlob(resumed, remote->reference, layer, downloadsFd(), {});
        QVERIFY2(fd.has_value(), fd ? "" : message(fd.error()).c_str());
        QCOMPARE(image::sha256OfText(readFd(fd->get())), layer.digest);
    }

    // Two pulls of one blob at the same time: one download, both get it.
    void twoThreadsOneDownload()
    {
        TestRegistry registry;
        std::string why;
        QVERIFY2(registry.start({}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        QVERIFY2(registry.push(image, "app", "latest", &why), why.c_str());
        Recorder recorder;
        Session session({}, {}, recorder.progress());
        auto remote = resolveRemote(session, parseRef(registry.reference("app")));
        QVERIFY(remote.has_value());
        const LayerDescriptor& layer = remote->layers[0];
        std::optional<Result<UniqueFd>> a, b;
        std::thread first([&] { a = fetchBlob(session, remote->reference, layer, downloadsFd(), session.progress()); });
        std::thread second(
            [&] { b = fetchBlob(session, remote->reference, layer, downloadsFd(), session.progress()); });
        first.join();
        second.join();
        QVERIFY2(a && a->has_value(), a && !a->has_value() ? message(a->error()).c_str() : "");
        QVERIFY2(b && b->has_value(), b && !b->has_value() ? message(b->error()).c_str() : "");
        QCOMPARE(registry.blobDownloads(layer.digest), 1);
        QVERIFY(recorder.saw("exists"));
    }

    void hostileAnswersAreRefused_data()
    {
        QTest::addColumn<int>("lie");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QString>("expected");
        QTest::newRow("blob digest mismatch") << int(Lie::BlobDigestMismatch) << false << "does not match its digest";
        QTest::newRow("truncated blob") << int(Lie::TruncatedBlob) << false << "registry '";
        QTest::newRow("100 MB manifest") << int(Lie::HugeManifest) << false << "larger than 4194304 bytes";
        QTest::newRow("redirect to http") << int(Lie::RedirectToHttp) << true << "only redirects to https";
        QTest::newRow("redirect to another host in plain http")
            << int(Lie::RedirectToOtherHost) << false << "only redirects to https";
        QTest::newRow("no matching platform")
            << int(Lie::NoMatchingPlatform) << false << "no image for linux/amd64 in '";
        QTest::newRow("media type lie") << int(Lie::ManifestMediaTypeLie) << false << "but was sent as";
    }
    void hostileAnswersAreRefused()
    {
        QFETCH(int, lie);
        QFETCH(bool, tls);
        QFETCH(QString, expected);
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.tls = tls}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        hostile.serve("app", "latest", image, static_cast<Lie>(lie));
        RegistryPolicy policy;
        policy.certsDir = hostile.certsDir();
        Session session(policy, {}, {});
        auto remote = resolveRemote(session, parseRef(hostile.reference("app")));
        std::string error;
        if (!remote)
            error = message(remote.error());
        for (std::size_t i = 0; remote && i < remote->layers.size() && error.empty(); ++i)
            if (auto fd = fetchBlob(session, remote->reference, remote->layers[i], downloadsFd(), {}); !fd)
                error = message(fd.error());
        QVERIFY2(!error.empty(), "the lie was believed");
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(error.starts_with("pull '"), error.c_str());
        // Nothing complete in the downloads.
        for (const std::string& digest : image.layerDigests)
            QVERIFY(!inDownloads(hexOf(digest)));
    }

    // Redirects to another host over https are followed (Docker Hub sends
    // blobs to a CDN) but without the registry's Authorization.
    void redirectToAnotherHttpsHostIsFollowed()
    {
        HostileRegistry hostile;
        std::string why;
        QVERIFY2(hostile.start({.tls = true}, &why), why.c_str());
        const BuiltImage image = twoLayerImage();
        hostile.serve("app", "latest", image, Lie::RedirectToOtherHost);
        RegistryPolicy policy;
        policy.certsDir = hostile.certsDir();
        Session session(policy, {}, {});
        pullAll(session, hostile.reference("app"), image);
    }
};

BERTH_INTEGRATION_MAIN(TestRegistryClient)
#include "test_registry_client.moc"
