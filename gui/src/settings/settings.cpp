#include "settings.h"

#include <QSettings>

#include <algorithm>

namespace berth::gui {
namespace {

const QString kSampling = QStringLiteral("statistics/samplingSeconds");
const QString kChart = QStringLiteral("statistics/chartMinutes");
const QString kBridge = QStringLiteral("network/defaultBridge");
const QString kTerminal = QStringLiteral("terminal/command");

} // namespace

Settings::Settings(QObject* parent) : Settings(std::make_unique<QSettings>(), parent) {}

Settings::Settings(std::unique_ptr<QSettings> store, QObject* parent) : QObject(parent), m_store(std::move(store)) {}

Settings::~Settings() = default;

QList<int> Settings::chartWindowChoices()
{
    return {1, 5, 15};
}

QString Settings::defaultBridgeName()
{
    return QStringLiteral("berthbr0"); // engine/src/net/bridge_host.h kDefaultBridge
}

int Settings::samplingSeconds() const
{
    bool ok = false;
    const int seconds = m_store->value(kSampling).toInt(&ok);
    return ok ? std::clamp(seconds, kMinSamplingSeconds, kMaxSamplingSeconds) : kDefaultSamplingSeconds;
}

int Settings::chartMinutes() const
{
    bool ok = false;
    const int minutes = m_store->value(kChart).toInt(&ok);
    return ok && chartWindowChoices().contains(minutes) ? minutes : kDefaultChartMinutes;
}

QString Settings::defaultBridge() const
{
    const QString bridge = m_store->value(kBridge).toString().trimmed();
    return bridge.isEmpty() ? defaultBridgeName() : bridge;
}

QString Settings::terminalCommand() const
{
    return m_store->value(kTerminal).toString().trimmed();
}

void Settings::setSamplingSeconds(int seconds)
{
    store(kSampling, std::clamp(seconds, kMinSamplingSeconds, kMaxSamplingSeconds), samplingSeconds());
}

void Settings::setChartMinutes(int minutes)
{
    store(kChart, chartWindowChoices().contains(minutes) ? minutes : kDefaultChartMinutes, chartMinutes());
}

void Settings::setDefaultBridge(const QString& bridge)
{
    const QString trimmed = bridge.trimmed();
    store(kBridge, trimmed.isEmpty() ? defaultBridgeName() : trimmed, defaultBridge());
}

void Settings::setTerminalCommand(const QString& command)
{
    store(kTerminal, command.trimmed(), terminalCommand());
}

void Settings::store(const QString& key, const QVariant& value, const QVariant& before)
{
    m_store->setValue(key, value);
    if (value != before)
        Q_EMIT changed();
}

} // namespace berth::gui
