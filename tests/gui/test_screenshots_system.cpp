// `berth --screenshots DIR` under Xvfb, against the real helper on a
// private bus with a busybox container running: every main view is saved
// as a PNG of the window's size, and the pictures are kept in the build
// tree (screenshots/) for people and CI to look at. Root only (label system).
#include "client.h"
#include "gui_system_support.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("demo");
const QString kBridge = QStringLiteral("berthbr0");
const QString kDirectory = QStringLiteral(BERTH_SCREENSHOT_DIR);

const QStringList kViews{QStringLiteral("01-containers.png"),    QStringLiteral("02-resources.png"),
                         QStringLiteral("03-network.png"),       QStringLiteral("04-console.png"),
                         QStringLiteral("05-log.png"),           QStringLiteral("06-config.png"),
                         QStringLiteral("07-new-container.png"), QStringLiteral("08-new-container-options.png"),
                         QStringLiteral("09-bridge-wizard.png"), QStringLiteral("10-networks.png"),
                         QStringLiteral("11-system-check.png")};

// How many distinct colours a picture has: a blank or failed grab has one or two.
int colourCount(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestScreenshotsSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    std::unique_ptr<berth::client::Client> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = startHelperBus(m_bus);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_client = std::make_unique<berth::client::Client>();
    }

    void runInBox(const QString& script)
    {
        const QString why = runInContainer(*m_client, kBox, script);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void cleanupTestCase()
    {
        if (m_client) {
            (void)m_client->kill(kBox, SIGKILL);
            QTest::qWait(500);
            (void)m_client->destroy(kBox, true);
            (void)m_client->deleteBridge(kBridge, true);
            m_client.reset();
        }
        m_bus.stop();
    }

    void everyViewSaved()
    {
        // A bridge (in the test's own network namespace) so that the network
        // views have something to draw.
        berth::client::BridgeSettings bridge;
        bridge.address = QStringLiteral("10.0.3.1/24");
        auto bridged = m_client->createBridge(kBridge, bridge);
        QVERIFY2(bridged, qPrintable(bridged ? QString() : bridged.error().message));
        berth::client::CreateRequest request;
        request.name = kBox;
        request.templateName = QStringLiteral("busybox");
        request.network = kBridge;
        const QString created = createThroughJob(*m_client, request);
        QVERIFY2(created.isEmpty(), qPrintable(created));
        berth::model::Limits limits;
        limits.memoryMax = 256ULL << 20;
        limits.cpuQuota = berth::model::CpuQuota{.cores = 0.5};
        limits.pidsMax = 64;
        auto limited = m_client->setLimits(kBox, limits);
        QVERIFY2(limited, qPrintable(limited ? QString() : limited.error().message));
        auto forwarded = m_client->addForward(kBox, QStringLiteral("tcp:8080:80"));
        QVERIFY2(forwarded, qPrintable(forwarded ? QString() : forwarded.error().message));
        auto started = m_client->start(kBox);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
        // Something for the charts: 48 MiB in shared memory, and a busy loop
        // held to half a core by the quota, for the time the pictures take.
        runInBox(QStringLiteral("dd if=/dev/zero of=/dev/shm/fill bs=1M count=48"));
        runInBox(QStringLiteral("timeout 90 sh -c 'while :; do :; done' &"));

        QDir(kDirectory).removeRecursively();
        QProcess berth;
        berth.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        berth.start(QStringLiteral("xvfb-run"),
                    {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1280x800x24"),
                     QStringLiteral(BERTH_GUI_BINARY), QStringLiteral("--screenshots"), kDirectory});
        QVERIFY2(berth.waitForFinished(180000), "berth --screenshots did not end");
        const QString printed = QString::fromLocal8Bit(berth.readAllStandardOutput());
        QCOMPARE(berth.exitCode(), 0);
        for (const QString& view : kViews) {
            const QString path = QDir(kDirectory).filePath(view);
            QVERIFY2(printed.contains(path), qPrintable(view + QStringLiteral(" not reported")));
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QVERIFY2(image.width() >= 400 && image.height() >= 300, qPrintable(path));
            QVERIFY2(colourCount(image) > 8, qPrintable(path + QStringLiteral(" looks blank")));
        }
    }
};

// As BERTH_INTEGRATION_MAIN, with a QGuiApplication for QImage.
int main(int argc, char** argv)
{
    return berth::test::runIntegrationTest("TestScreenshotsSystem", [&] {
        QGuiApplication app(argc, argv);
        TestScreenshotsSystem test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "test_screenshots_system.moc"
