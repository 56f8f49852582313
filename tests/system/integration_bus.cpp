#include "integration_bus.h"

#include "integration_env.h"

namespace berth::test {

bool startTestBus(SystemBus& bus, QString* why, int helperIdleSeconds)
{
    const auto& env = IntegrationEnvironment::instance();
    SystemBusSettings settings;
    settings.stateRoot = QString::fromStdString(env.stateRoot().string());
    settings.cgroupParent = QString::fromStdString(env.cgroupParent());
    settings.helperIdleSeconds = helperIdleSeconds;
    if (!bus.start(settings, why))
        return false;
    qputenv("BERTH_BUS_ADDRESS", bus.address().toUtf8());
    return true;
}

} // namespace berth::test
