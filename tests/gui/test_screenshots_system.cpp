// `berth --screenshots DIR` under Xvfb, against the real helper on a
// private bus with a busybox container running: every main view is saved
// as a PNG of the window's size, in English, German and Chinese, light and
// dark, at 1024×700 and at 2× scale on 2560×1440, and the pictures are kept
// in the build tree (screenshots/<language>-<palette>-<size>/, and
// screenshots/empty/ before any container exists) for people and CI to look
// at. No view may have text that does not fit or a window larger than the
// screen (the tour's clipped-text.txt). Root only (label system).
#include "client.h"
#include "gui_system_support.h"

#include <QImage>
#include <QProcess>
#include <QtTest>

#include <csignal>
#include <unistd.h>
#include <vector>
#include <memory>

using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("demo");
const QString kBridge = QStringLiteral("berthbr0");
const QString kDirectory = QStringLiteral(BERTH_SCREENSHOT_DIR);
constexpr int kParallelTours = 4;

const QStringList kViews{QStringLiteral("01-containers.png"),    QStringLiteral("02-resources.png"),
                         QStringLiteral("03-network.png"),       QStringLiteral("04-console.png"),
                         QStringLiteral("05-log.png"),           QStringLiteral("06-config.png"),
                         QStringLiteral("07-new-container.png"), QStringLiteral("08-new-container-options.png"),
                         QStringLiteral("09-bridge-wizard.png"), QStringLiteral("10-networks.png"),
                         QStringLiteral("11-system-check.png"),  QStringLiteral("12-settings.png"),
                         QStringLiteral("13-images.png")};

// How many distinct colours a picture has: a blank or failed grab has one or two.
int colourCount(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// One run of the tour: where its pictures go and how berth is started.
struct Run {
    QString directory;
    QString language; // a locale name: "de_DE"
    QString palette;  // berth --palette
    QString screen;   // Xvfb's "-screen 0 WxHxD"
    QString scale;    // QT_SCALE_FACTOR
};

QList<Run> everyRun()
{
    QList<Run> runs;
    for (const QString& language : {QStringLiteral("en_US"), QStringLiteral("de_DE"), QStringLiteral("zh_CN")})
        for (const QString& palette : {QStringLiteral("light"), QStringLiteral("dark")}) {
            // "en", "de", "zh_CN": as translations/ names them.
            const QString prefix = language == QLatin1String("zh_CN") ? language : language.left(2);
            runs.push_back({QStringLiteral("%1/%2-%3-1024x700").arg(kDirectory, prefix, palette), language, palette,
                            QStringLiteral("1024x700x24"), QStringLiteral("1")});
            runs.push_back({QStringLiteral("%1/%2-%3-2x").arg(kDirectory, prefix, palette), language, palette,
                            QStringLiteral("2560x1440x24"), QStringLiteral("2")});
        }
    return runs;
}

// berth --screenshots for one run, started (Xvfb of its own, settings of its own).
std::unique_ptr<QProcess> startTour(const Run& run)
{
    auto berth = std::make_unique<QProcess>();
    berth->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString locale = run.language + QStringLiteral(".UTF-8");
    environment.insert(QStringLiteral("LANG"), locale);
    environment.insert(QStringLiteral("LC_ALL"), locale);
    environment.insert(QStringLiteral("LANGUAGE"), run.language);
    environment.insert(QStringLiteral("QT_SCALE_FACTOR"), run.scale);
    // On Xvfb's screen, not the tests' offscreen one (800×800).
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), run.directory + QStringLiteral("/.config"));
    berth->setProcessEnvironment(environment);
    // Nothing of ours outlives the test holding a descriptor: an Xvfb left
    // behind by a killed xvfb-run would keep the system tests' flock.
    berth->setChildProcessModifier([] { (void)close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); });
    QDir().mkpath(run.directory);
    berth->start(QStringLiteral("xvfb-run"),
                 {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 ") + run.screen,
                  QStringLiteral(BERTH_GUI_BINARY), QStringLiteral("--palette"), run.palette,
                  QStringLiteral("--screenshots"), run.directory});
    return berth;
}

// What went wrong with one finished run: missing or blank pictures; and
// the text it found clipped, added to `clipped`.
QStringList checkRun(const Run& run, QProcess& berth, QStringList& clipped)
{
    QStringList problems;
    if (!berth.waitForFinished(180000))
        return {run.directory + QStringLiteral(": berth --screenshots did not end")};
    if (berth.exitCode() != 0)
        problems << run.directory + QStringLiteral(": berth exited with %1").arg(berth.exitCode());
    const QString printed = QString::fromLocal8Bit(berth.readAllStandardOutput());
    for (const QString& view : kViews) {
        const QString path = QDir(run.directory).filePath(view);
        const QImage image(path);
        if (!printed.contains(path) || image.isNull())
            problems << path + QStringLiteral(" not saved");
        else if (image.width() < 200 || image.height() < 150)
            problems << path + QStringLiteral(" is too small");
        else if (colourCount(image) <= 8)
            problems << path + QStringLiteral(" looks blank");
    }
    QFile found(QDir(run.directory).filePath(QStringLiteral("clipped-text.txt")));
    if (!found.open(QIODevice::ReadOnly))
        problems << found.fileName() + QStringLiteral(" not written");
    for (const QString& line : QString::fromUtf8(found.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        clipped << run.directory.section(QLatin1Char('/'), -1) + QStringLiteral("/") + line;
    return problems;
}

// Runs the tours, `parallel` at a time (each mostly waits for its views to
// settle); returns the problems, and the clipped text in `clipped`.
QStringList runTours(const QList<Run>& runs, int parallel, QStringList& clipped)
{
    QStringList problems;
    for (qsizetype first = 0; first < runs.size(); first += parallel) {
        std::vector<std::unique_ptr<QProcess>> started;
        const qsizetype end = std::min(runs.size(), first + parallel);
        for (qsizetype i = first; i < end; ++i)
            started.push_back(startTour(runs[i]));
        for (qsizetype i = first; i < end; ++i)
            problems << checkRun(runs[i], *started[std::size_t(i - first)], clipped);
    }
    return problems;
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

    // An empty install: the first thing a new user sees.
    void emptyInstallSaved()
    {
        QDir(kDirectory).removeRecursively();
        QStringList clipped;
        const Run empty{kDirectory + QStringLiteral("/empty"), QStringLiteral("en_US"), QStringLiteral("light"),
                        QStringLiteral("1024x700x24"), QStringLiteral("1")};
        const QStringList problems = runTours({empty}, 1, clipped);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
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

        QStringList clipped;
        const QStringList problems = runTours(everyRun(), kParallelTours, clipped);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(clipped.isEmpty(),
                 qPrintable(QStringLiteral("text that does not fit:\n") + clipped.join(QLatin1Char('\n'))));
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
