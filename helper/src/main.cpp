// berth-helper: the root D-Bus service org.berth.Berth1, started by bus
// activation; exits when idle. Containers keep running without it.
#include "berth/model/bus_names.h"
#include "berth/model/trace.h"
#include "common/code_pages.h"
#include "dbus_types.h"
#include "helper_options.h"
#include "lifetime.h"
#include "logging.h"
#include "service.h"

#include <QCoreApplication>
#include <QDBusConnection>

#include <cstdio>
#include <cstdlib>

#include <malloc.h>
#include <sys/stat.h>

namespace {

// The bus and its caller chose our environment; children (monitors,
// debootstrap) get a known one instead. Called after the bus connection
// is made, since Qt reads the bus address from the environment.
void resetEnvironment()
{
    ::clearenv();
    ::setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 1);
    ::setenv("LANG", "C.UTF-8", 1);
    ::umask(022);
}

std::vector<std::string> arguments(int argc, char** argv)
{
    return {argv + 1, argv + argc};
}

// berth-helper --stop-networks: run by the package's prerm as root, with
// no bus involved.
int stopNetworks(const berth::helper::HelperOptions& options)
{
    berth::Engine engine(berth::helper::engineSettings(options));
    if (auto stopped = engine.stopNetworks(); !stopped) {
        std::fprintf(stderr, "berth-helper: %s\n", stopped.error().describe().c_str());
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    using namespace berth::helper;
    auto options = parseHelperOptions(arguments(argc, argv), std::getenv("BERTH_HELPER_IDLE_TIMEOUT"));
    if (!options) {
        std::fprintf(stderr, "berth-helper: %s\n", options.error().describe().c_str());
        return 2;
    }
    if (options->stopNetworks)
        return stopNetworks(*options);
    QCoreApplication app(argc, argv);
    registerDBusTypes();
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCCritical(lcHelper).noquote() << "cannot connect to the system bus:" << bus.lastError().message();
        return 1;
    }
    // The bus a monitor wakes us on, read before the environment goes.
    const std::string busAddress = qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS").toStdString();
    // So is the trace file (BERTH_TRACE, given by whoever started the helper).
    (void)berth::trace::enabled();
    resetEnvironment();

    berth::EngineSettings settings = engineSettings(*options);
    settings.wakeCommand = wakeCommand(busAddress);
    settings.spareMonitor = true;
    berth::Engine engine(settings);
    Lifetime lifetime(options->idleTimeout.count() ? std::chrono::milliseconds(options->idleTimeout)
                                                   : std::chrono::milliseconds(std::numeric_limits<int>::max()));
    Service service(engine, bus, lifetime);
    if (!bus.registerObject(QLatin1String(berth::model::kObjectPath), &service, QDBusConnection::ExportAdaptors) ||
        !bus.registerService(QLatin1String(berth::model::kServiceName))) {
        qCCritical(lcHelper).noquote() << "cannot own org.berth.Berth1:" << bus.lastError().message();
        return 1;
    }
    // Owning the name, no other helper runs: what a killed one left goes
    // now, before the first call is served.
    for (const std::string& path : engine.sweepLeftovers())
        qCInfo(lcHelper).noquote() << "removed a killed helper's leftover" << QString::fromStdString(path);
    QObject::connect(&lifetime, &Lifetime::idle, &app, &QCoreApplication::quit);
    // Between calls the helper keeps only what it uses while it waits:
    // freed heap goes back to the system, start-up and call code leaves
    // the resident set (it stays in the page cache for the next call).
    QObject::connect(&lifetime, &Lifetime::settled, &app, [] {
        ::malloc_trim(0);
        berth::releaseCodePages();
    });
    // The bus went away (a test bus torn down, a system shutdown): nobody can call us any more.
    bus.connect(QString(), QStringLiteral("/org/freedesktop/DBus/Local"), QStringLiteral("org.freedesktop.DBus.Local"),
                QStringLiteral("Disconnected"), &app, SLOT(quit()));
    return app.exec();
}
