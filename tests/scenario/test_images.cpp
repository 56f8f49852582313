// Scenario (issue #21): the README tour's image path, as a member of group
// berth types it, against a registry the test runs on 127.0.0.1 in its own
// network namespace (which the helper shares). Plain http to 127.0.0.1 is
// allowed by default, so the helper needs no registries.conf of the test's:
// the tour works with the administrator's defaults.
//   pull (a line per layer) → images → run --rm -i REF (exit status) →
//   create with -e, -w, --entrypoint, -p (read back from the config) →
//   two containers of the image on one copy of its layers (inodes) →
//   image rm refused while they exist (naming them) → destroy, rm, prune
//   (the layers gone) → a pull cancelled with Ctrl-C while a blob stalls
//   leaves the store as it was.
#include "scenario_member.h"

#include "hostile_registry.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "test_registry.h"
#include "test_users.h"

#include "berth/paths.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QtTest>

#include <filesystem>

#include <signal.h>
#include <sys/stat.h>

using namespace berth::test;
namespace fsys = std::filesystem;

namespace {

// The image of the tour: busybox below, a small layer of its own on top.
BuiltImage tourImage()
{
    ImageSpec spec;
    spec.layers.push_back({busyboxFiles()});
    spec.layers.push_back({{LayerFile::dir("etc"), LayerFile::file("etc/motd", "from the second layer\n")}});
    spec.config.cmd = {"/bin/sh"};
    spec.config.env = {"PATH=/bin", "FROM_IMAGE=yes"};
    spec.config.exposedPorts = {"80/tcp"};
    return buildImage(spec);
}

// A first layer big enough to stall halfway (random data: gzip cannot shrink it).
BuiltImage slowImage()
{
    ImageSpec spec;
    spec.layers.push_back({{LayerFile::file("data.bin", pseudoRandomData(4 << 20, 21))}});
    spec.layers.push_back({busyboxFiles()});
    spec.config.cmd = {"/bin/sh"};
    return buildImage(spec);
}

QString hexOf(const std::string& digest)
{
    return QString::fromStdString(digest.substr(digest.find(':') + 1));
}

// A config line "KEY = VALUE" (spaces around '=' as the writer puts them).
bool configHas(const QString& config, const QString& key, const QString& value)
{
    const QRegularExpression line(
        QStringLiteral("^%1\\s*=\\s*%2$").arg(QRegularExpression::escape(key), QRegularExpression::escape(value)),
        QRegularExpression::MultilineOption);
    return line.match(config).hasMatch();
}

QString configValue(const QString& config, const QString& key)
{
    const QRegularExpression line(QStringLiteral("^%1\\s*=\\s*(.*)$").arg(QRegularExpression::escape(key)),
                                  QRegularExpression::MultilineOption);
    return line.match(config).captured(1).trimmed();
}

ino_t inodeOf(const fsys::path& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Entries of a directory whose names start with `prefix` ("" = all).
QStringList entries(const fsys::path& dir, const QString& prefix = {})
{
    QStringList names;
    std::error_code ec;
    for (const auto& entry : fsys::directory_iterator(dir, ec)) {
        const QString name = QString::fromStdString(entry.path().filename().string());
        if (name.startsWith(prefix))
            names << name;
    }
    return names;
}

} // namespace

class TestImages : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    TestRegistry m_registry;
    const BuiltImage m_image = tourImage();
    QString m_ref; // 127.0.0.1:PORT/busybox:latest

    static berth::Paths paths() { return berth::Paths(IntegrationEnvironment::instance().stateRoot()); }
    static fsys::path images() { return paths().imagesDir(); }
    fsys::path layerDir(std::size_t index) const
    {
        return images() / "layers" / hexOf(m_image.diffIds.at(index)).toStdString();
    }
    QString shortImageId() const { return hexOf(m_image.configDigest).left(12); }
    QString imageIds() const { return member({QStringLiteral("images"), QStringLiteral("-q")}).outText(); }

    // berthctl ARGS as the member, left running so the test can signal it
    // (setpriv execs berthctl: the process's PID is berthctl's).
    static void startAsMember(QProcess& process, const QStringList& args)
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process.setProcessEnvironment(env); // BERTH_BUS_ADDRESS from startTestBus
        process.setWorkingDirectory(QStringLiteral("/"));
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral("setpriv"),
                      QStringList{QStringLiteral("--reuid=") + idOf(QStringLiteral("-u"), kTestUser),
                                  QStringLiteral("--regid=") + idOf(QStringLiteral("-g"), kTestUser),
                                  QStringLiteral("--init-groups"), QStringLiteral("--"),
                                  QStringLiteral(BERTHCTL_BINARY)} +
                          args);
    }

    // `ls -i FILE` inside a running container: the inode its view shows.
    static QString inodeInside(const QString& name, const QString& file)
    {
        const Outcome listed = inside(name, QStringLiteral("ls -i ") + file);
        return listed.outText().trimmed().section(QLatin1Char(' '), 0, 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startMemberSession(m_bus, false, &why), qPrintable(why));
        std::string error;
        // Plain http on 127.0.0.1: insecure by default, no registries.conf needed.
        QVERIFY2(m_registry.start({}, &error), error.c_str());
        QVERIFY2(m_registry.push(m_image, "busybox", "latest", &error), error.c_str());
        m_ref = QString::fromStdString(m_registry.reference("busybox", "latest"));
    }

    void cleanupTestCase()
    {
        endMemberSession(m_bus);
        m_registry.stop();
    }

    // docker pull: a line per layer (not a tty: one per change of phase),
    // each layer downloaded once, the image's id at the end.
    void pullShowsEachLayer()
    {
        const Outcome pulled = member({QStringLiteral("pull"), m_ref});
        EXPECT_CODE(pulled, 0);
        const QString said = both(pulled);
        for (const std::string& layer : m_image.layerDigests) {
            const QString shortLayer = hexOf(layer).left(12);
            QVERIFY2(said.contains(shortLayer + QStringLiteral(": Pull complete")), qPrintable(said));
            QCOMPARE(m_registry.blobDownloads(layer), 1);
        }
        // busybox's layer is megabytes: its bytes are shown as they come.
        const QString busyboxLayer = hexOf(m_image.layerDigests.front()).left(12);
        QVERIFY2(said.contains(busyboxLayer + QStringLiteral(": Downloading")), qPrintable(said));
        QVERIFY2(pulled.outText().contains(hexOf(m_image.configDigest)), qPrintable(said));
    }

    // docker images: the name, the tag and the id.
    void imagesListsIt()
    {
        const Outcome listed = member({QStringLiteral("images")});
        EXPECT_CODE(listed, 0);
        const QString repository = QString::fromStdString(m_registry.hostPort()) + QStringLiteral("/busybox");
        const QStringList rows = listed.outText().split(QLatin1Char('\n')).filter(shortImageId());
        QVERIFY2(rows.size() == 1 && rows.front().startsWith(repository) &&
                     rows.front().contains(QLatin1String("latest")),
                 qPrintable(listed.outText()));
        QVERIFY2(imageIds().contains(shortImageId()), qPrintable(imageIds()));
    }

    // docker run --rm IMAGE CMD: the command's output and exit status,
    // from the store (nothing downloaded again), nothing left behind.
    void runGivesTheCommandsStatus()
    {
        const QString before = member({QStringLiteral("list")}).outText();
        const Outcome ran = member({QStringLiteral("run"), QStringLiteral("--rm"), m_ref, QStringLiteral("--"),
                                    QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo hi; exit 3")});
        EXPECT_CODE(ran, 3);
        QCOMPARE(ran.outText(), QStringLiteral("hi\n"));
        QCOMPARE(m_registry.blobDownloads(m_image.layerDigests.front()), 1);
        QCOMPARE(member({QStringLiteral("list")}).outText(), before);
    }

    // docker create -e -w --entrypoint -p: each reaches the container's
    // config; the entrypoint drops the image's Cmd, the image's Env stays.
    void processOptionsReachTheConfig()
    {
        const QString name = QStringLiteral("opts");
        EXPECT_CODE(
            member({QStringLiteral("create"), name, QStringLiteral("--image"), m_ref, QStringLiteral("-e"),
                    QStringLiteral("GREETING=hello"), QStringLiteral("-w"), QStringLiteral("/etc"),
                    QStringLiteral("--entrypoint"), QStringLiteral("/bin/echo"), QStringLiteral("-p"),
                    QStringLiteral("8080:80"), QStringLiteral("--"), QStringLiteral("one"), QStringLiteral("two")}),
            0);
        const Outcome got = member({QStringLiteral("config"), name, QStringLiteral("get")});
        EXPECT_CODE(got, 0);
        const QString config = got.outText();
        QVERIFY2(configHas(config, QStringLiteral("lxc.environment"), QStringLiteral("GREETING=hello")),
                 qPrintable(config));
        QVERIFY2(configHas(config, QStringLiteral("lxc.environment"), QStringLiteral("FROM_IMAGE=yes")),
                 qPrintable(config));
        QVERIFY2(configHas(config, QStringLiteral("lxc.init.cwd"), QStringLiteral("/etc")), qPrintable(config));
        QVERIFY2(configHas(config, QStringLiteral("lxc.execute.cmd"), QStringLiteral("/bin/echo one two")),
                 qPrintable(config));
        QVERIFY2(configHas(config, QStringLiteral("berth.net.forward"), QStringLiteral("tcp:8080:80")),
                 qPrintable(config));
        QVERIFY2(configHas(config, QStringLiteral("berth.image.id"), QString::fromStdString(m_image.configDigest)),
                 qPrintable(config));
        EXPECT_CODE(member({QStringLiteral("destroy"), name, QStringLiteral("-f")}), 0);
    }

    // The same options as run takes them, seen by the command itself.
    void processOptionsReachTheCommand()
    {
        const Outcome ran = member({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-e"),
                                    QStringLiteral("GREETING=hello"), QStringLiteral("-w"), QStringLiteral("/etc"),
                                    QStringLiteral("-u"), QStringLiteral("app"), QStringLiteral("--entrypoint"),
                                    QStringLiteral("/bin/sh"), m_ref, QStringLiteral("--"), QStringLiteral("-c"),
                                    QStringLiteral("echo \"$GREETING $FROM_IMAGE $(pwd) $(id -u)\"")});
        EXPECT_CODE(ran, 0);
        QCOMPARE(ran.outText(), QStringLiteral("hello yes /etc 1000\n"));
    }

    // Two containers of one image: one copy of its layers. Both overlays
    // name the same store layers, and inside each the image's busybox is
    // the store's file itself (same inode), not a copy in the container.
    void twoContainersShareTheLayers()
    {
        for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")}) {
            EXPECT_CODE(member({QStringLiteral("create"), name, QStringLiteral("--image"), m_ref, QStringLiteral("--"),
                                QStringLiteral("sleep"), QStringLiteral("1000000")}),
                        0);
            EXPECT_CODE(member({QStringLiteral("start"), name}), 0);
        }
        const QString rootfsA =
            configValue(member({QStringLiteral("config"), QStringLiteral("a"), QStringLiteral("get")}).outText(),
                        QStringLiteral("lxc.rootfs.path"));
        const QString rootfsB =
            configValue(member({QStringLiteral("config"), QStringLiteral("b"), QStringLiteral("get")}).outText(),
                        QStringLiteral("lxc.rootfs.path"));
        // overlay:TOP:...:BOTTOM:UPPER, the image's layers topmost first.
        const QString lowers = QString::fromStdString(layerDir(1).string() + ":" + layerDir(0).string()) + ":";
        QVERIFY2(rootfsA.startsWith(QStringLiteral("overlay:") + lowers), qPrintable(rootfsA));
        QVERIFY2(rootfsB.startsWith(QStringLiteral("overlay:") + lowers), qPrintable(rootfsB));

        const ino_t stored = inodeOf(layerDir(0) / "bin/busybox");
        QVERIFY(stored != 0);
        QCOMPARE(inodeInside(QStringLiteral("a"), QStringLiteral("/bin/busybox")), QString::number(stored));
        QCOMPARE(inodeInside(QStringLiteral("b"), QStringLiteral("/bin/busybox")), QString::number(stored));
        for (const char* name : {"a", "b"})
            QVERIFY(!fsys::exists(paths().containerDir(name) / "delta/bin/busybox"));
    }

    // docker rmi of an image in use: refused, naming the containers.
    void removeRefusedWhileUsed()
    {
        const Outcome refused = member({QStringLiteral("image"), QStringLiteral("rm"), m_ref});
        EXPECT_CODE(refused, 5);
        QVERIFY2(refused.errText().contains(QLatin1String("'a'")) && refused.errText().contains(QLatin1String("'b'")),
                 qPrintable(describe(refused)));
        QVERIFY2(imageIds().contains(shortImageId()), qPrintable(imageIds()));
    }

    // Once they are gone: rm removes the image, its layers stay for prune,
    // which frees them.
    void removeThenPrune()
    {
        for (const QString& name : {QStringLiteral("a"), QStringLiteral("b")})
            EXPECT_CODE(member({QStringLiteral("destroy"), name, QStringLiteral("-f")}), 0);
        EXPECT_CODE(member({QStringLiteral("image"), QStringLiteral("rm"), m_ref}), 0);
        QVERIFY2(!imageIds().contains(shortImageId()), qPrintable(imageIds()));
        QVERIFY(fsys::exists(layerDir(0)) && fsys::exists(layerDir(1)));
        const Outcome pruned = member({QStringLiteral("image"), QStringLiteral("prune")});
        EXPECT_CODE(pruned, 0);
        QVERIFY2(!fsys::exists(layerDir(0)) && !fsys::exists(layerDir(1)), qPrintable(describe(pruned)));
        QVERIFY2(entries(images() / "images").isEmpty(), qPrintable(entries(images() / "images").join(u' ')));
    }

    // Ctrl-C while a layer stalls halfway: the pull ends, and neither
    // `images` nor the store keeps anything of it.
    void cancelledPullLeavesNothing()
    {
        const BuiltImage image = slowImage();
        HostileRegistry slow;
        std::string why;
        QVERIFY2(slow.start({.slowBlobBytes = 1 << 20}, &why), why.c_str());
        slow.serve("slow", "latest", image, Lie::SlowBlob);
        const QString before = imageIds();

        QProcess pull;
        startAsMember(pull, {QStringLiteral("pull"), QString::fromStdString(slow.reference("slow"))});
        QVERIFY2(pull.waitForStarted(), qPrintable(pull.errorString()));
        // Ctrl-C once the blob stalls and berthctl follows the job (it has
        // printed a layer's line: its handler of SIGINT is in place).
        pull.setReadChannel(QProcess::StandardError);
        const bool stalled =
            slow.server().waitForStalled(1, 120000) && waitUntil([&] { return pull.bytesAvailable() > 0; }, 60000);
        if (stalled)
            ::kill(pid_t(pull.processId()), SIGINT);
        const Outcome cancelled = finish(pull, 60000, QStringLiteral("berthctl pull (cancelled)"));
        slow.release(); // the stalled answer may end now
        QVERIFY2(stalled, qPrintable(describe(cancelled)));
        QVERIFY2(cancelled.code > 0, qPrintable(describe(cancelled)));
        QVERIFY2(cancelled.errText().contains(QLatin1String("Cancelling")), qPrintable(describe(cancelled)));

        QCOMPARE(imageIds(), before);
        QVERIFY(!imageIds().contains(hexOf(image.configDigest).left(12)));
        QVERIFY(!fsys::exists(images() / "images" / (hexOf(image.configDigest).toStdString() + ".json")));
        QVERIFY(!fsys::exists(images() / "layers" / hexOf(image.diffIds.front()).toStdString()));
        QCOMPARE(entries(images() / "layers", QStringLiteral(".tmp-")), QStringList());
        // Only the per-blob locks may stay: no partial download of the stalled blob.
        const QStringList downloads =
            entries(images() / "downloads").filter(QRegularExpression(QStringLiteral("^(?!.*\\.lock$)")));
        QVERIFY2(downloads.isEmpty(), qPrintable(downloads.join(u' ')));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestImages)

#include "test_images.moc"
