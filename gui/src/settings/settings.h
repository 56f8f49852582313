// The application's preferences over QSettings, each read with its default
// and clamped to its range, so a hand-edited file cannot break the window.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace berth::gui {

class Settings : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinSamplingSeconds = 1;
    static constexpr int kMaxSamplingSeconds = 60;
    static constexpr int kDefaultSamplingSeconds = 2;
    static constexpr int kDefaultChartMinutes = 5;

    // The user's settings of the application (QSettings' defaults).
    explicit Settings(QObject* parent = nullptr);
    // `store` (taken over) instead, e.g. an ini file in a test.
    explicit Settings(std::unique_ptr<QSettings> store, QObject* parent = nullptr);
    ~Settings() override;

    // The chart windows on offer, in minutes.
    [[nodiscard]] static QList<int> chartWindowChoices();
    // The bridge the engine creates and uses by default (kDefaultBridge).
    [[nodiscard]] static QString defaultBridgeName();

    [[nodiscard]] int samplingSeconds() const;
    [[nodiscard]] int chartMinutes() const;
    [[nodiscard]] QString defaultBridge() const;
    // Empty: find the desktop's terminal emulator automatically.
    [[nodiscard]] QString terminalCommand() const;

    void setSamplingSeconds(int seconds);
    void setChartMinutes(int minutes);
    void setDefaultBridge(const QString& bridge);
    void setTerminalCommand(const QString& command);

Q_SIGNALS:
    // A value was set that differs from the one stored before.
    void changed();

private:
    void store(const QString& key, const QVariant& value, const QVariant& before);

    std::unique_ptr<QSettings> m_store;
};

} // namespace berth::gui
