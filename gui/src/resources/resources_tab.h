// The Resources tab: the selected container's memory limit, CPU quota (in
// cores) and pids limit as sliders, applied live through SetLimits after a
// short pause in the movement, and a chart of its memory use with the
// limit. A refusal is shown in plain words and the sliders return to the
// values in force.
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
class UsageChart;
struct ContainerRow;

class ResourcesTab : public QWidget {
    Q_OBJECT
public:
    // Asks a yes/no question; a QMessageBox unless a test replaces it.
    using Confirm = std::function<bool(const QString& title, const QString& question)>;
    static constexpr int kDefaultDebounceMs = 400;

    explicit ResourcesTab(ContainerSource& source, QWidget* parent = nullptr);

    // Keeps the memory history from the model's stats updates.
    void watch(const ContainerListModel& model);
    // nullptr: nothing selected.
    void showContainer(const ContainerRow* row);

    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }

    [[nodiscard]] LimitSlider* slider(const QString& key) const { return m_sliders.value(key); }
    [[nodiscard]] UsageChart* chart() const { return m_chart; }
    [[nodiscard]] QLabel* message() const { return m_message; }

Q_SIGNALS:
    // The helper took new limits for `name` (the model should read it again).
    void limitsApplied(const QString& name);

private:
    void addSlider(const QString& key, const QString& label, const LimitSlider::Scale& scale);
    void edited(const QString& key, const QString& text);
    void apply();
    bool confirmMemory();
    void finished(const QString& name, const QMap<QString, QString>& sent, const client::Status& status);
    void showInForce(const QStringList& keys);
    void updateChart();
    [[nodiscard]] QString inForce(const QString& key) const;

    ContainerSource& m_source;
    QMap<QString, LimitSlider*> m_sliders;
    QFormLayout* m_form = nullptr;
    UsageChart* m_chart = nullptr;
    QLabel* m_message = nullptr;
    QTimer m_debounce;
    Confirm m_confirm;
    UsageHistory m_history;
    QString m_name;
    QMap<QString, QString> m_limits;      // as the model last read them
    QMap<QString, QString> m_applied;     // taken by the helper, until the model reads the container again
    QMap<QString, QString> m_pending;     // moved, not yet sent
    quint64 m_memoryUsage = 0;
    int m_inFlight = 0;
};

} // namespace berth::gui
