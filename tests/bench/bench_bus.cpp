#include "bench_bus.h"

#include <cerrno>
#include <cstdlib>

namespace berth::bench {

Status startBenchBus(test::SystemBus& bus, const std::filesystem::path& stateRoot, const std::string& cgroupParent)
{
    test::SystemBusSettings settings;
    settings.stateRoot = QString::fromStdString(stateRoot.string());
    settings.cgroupParent = QString::fromStdString(cgroupParent);
    settings.helperIdleSeconds = 3600; // the bench decides when it ends
    QString why;
    if (!bus.start(settings, &why))
        return failWith(EIO, "private bus: " + why.toStdString());
    ::setenv("BERTH_BUS_ADDRESS", bus.address().toUtf8().constData(), 1);
    return {};
}

} // namespace berth::bench
