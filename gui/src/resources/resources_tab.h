// The Resources tab: the selected container's limits (memory, soft limit,
// swap, CPU quota in cores, CPU weight, pids, IO weight) as sliders and its
// CPUs as a cpuset picker, applied live through SetLimits after a short
// pause in the movement, and charts of its usage against those limits. A
// refusal is shown in plain words and the controls return to the values in
// force.
#pragma once

#include "container_source.h"
#include "limit_slider.h"
#include "usage_history.h"

#include <QMap>
#include <QTimer>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace berth::gui {

class ContainerListModel;
class CpusetPicker;
class UsageCharts;
struct ContainerRow;

class ResourcesTab : public QWidget {
    Q_OBJECT
public:
    // Asks a yes/no question; a QMessageBox unless a test replaces it.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    static constexpr int kDefaultDebounceMs = 400;

    explicit ResourcesTab(ContainerSource& source, QWidget* parent = nullptr);

    // Keeps the usage history from the model's stats updates (sized for
    // the model's sampling interval now; see setSamplingInterval).
    void watch(const ContainerListModel& model);
    // The model samples at a new interval: the history keeps 15 minutes.
    void setSamplingInterval(int milliseconds);
    // nullptr: nothing selected.
    void showContainer(const ContainerRow* row);

    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }

    [[nodiscard]] LimitSlider* slider(const QString& key) const { return m_sliders.value(key); }
    [[nodiscard]] CpusetPicker* cpusetPicker() const { return m_cpuset; }
    // setWindowMinutes(1, 5 or 15) on it sets the charts' window.
    [[nodiscard]] UsageCharts* charts() const { return m_charts; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    // Says a weight the config holds in cgroup v1 units (cpu.shares,
    // blkio.weight), which the weight sliders do not show.
    [[nodiscard]] QLabel* v1Weights() const { return m_v1Weights; }

Q_SIGNALS:
    // The helper took new limits for `name` (the model should read it again).
    void limitsApplied(const QString& name);

private:
    void addSlider(model::LimitKey key, const QString& label, const LimitSlider::Scale& scale);
    void addCpusetPicker();
    void edited(model::LimitKey key, const LimitSlider& slider);
    void cpusetEdited(const QString& text);
    void apply();
    bool confirmMemory();
    void finished(const QString& name, const model::Limits& sent, const client::Status& status);
    void showInForce(const QStringList& keys);
    void showV1Weights();
    void updateChart();
    [[nodiscard]] QString inForce(const QString& key) const;
    // As the slider shows it: moved and not yet sent, or in force.
    [[nodiscard]] QString shown(const QString& key) const;

    ContainerSource& m_source;
    QMap<QString, LimitSlider*> m_sliders;
    QFormLayout* m_form = nullptr;
    CpusetPicker* m_cpuset = nullptr;
    UsageCharts* m_charts = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_v1Weights = nullptr;
    QTimer m_debounce;
    Confirm m_confirm;
    UsageHistory m_history;
    QString m_name;
    model::Limits m_limits;           // as the model last read them
    QMap<QString, QString> m_applied; // taken by the helper (as SetLimits' text), until the model reads it again
    model::Limits m_pending;          // moved, not yet sent
    QMap<QString, QString> m_sending; // sent, not yet answered (as SetLimits' text)
    quint64 m_memoryUsage = 0;
    int m_inFlight = 0;
};

} // namespace berth::gui
