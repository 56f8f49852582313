// The Resources tab's charts together: memory (used, limit, soft limit, OOM
// kills), CPU (used, quota), processes (count, limit), disk IO and network
// rates, over a window of 1, 5 or 15 minutes chosen above them. Above each
// chart its name, the newest figures and the limit in force as numbers,
// and the key (a word-wrapped label: no legend clipped in any language).
#pragma once

#include "usage_series.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;

namespace berth::gui {

class UsageChart;

class UsageCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultWindowMinutes = 5;

    explicit UsageCharts(QWidget* parent = nullptr);

    void setSamples(const QList<UsageSample>& samples);
    // The limits in force now (the samples keep those of their time).
    void setLimits(const UsageLimits& limits);
    // 1, 5 or 15 (Settings picks the default); others are ignored.
    void setWindowMinutes(int minutes);
    [[nodiscard]] int windowMinutes() const;

    // What is drawn, for tests and benches: seconds before the newest
    // sample, in the chart's unit (usage_series.h).
    [[nodiscard]] QList<QPointF> seriesPoints(UsageKind kind) const;
    [[nodiscard]] int pointCount(UsageKind kind) const { return int(seriesPoints(kind).size()); }
    // The time axis' range (seconds before the newest sample), same on every chart.
    [[nodiscard]] std::pair<double, double> visibleRange() const;
    [[nodiscard]] UsageChart* chart(UsageKind kind) const;
    // The figures and key above the chart that draws `kind`.
    [[nodiscard]] QLabel* figures(UsageKind kind) const;
    [[nodiscard]] QComboBox* windowSelector() const { return m_window; }

Q_SIGNALS:
    void windowMinutesChanged(int minutes);

private:
    void redraw();
    void showFigures(int index);

    QComboBox* m_window = nullptr;
    QList<UsageChart*> m_charts;
    QList<QLabel*> m_figures;
    QList<UsageSample> m_samples;
    UsageLimits m_limits;
    UsagePoints m_points;
};

} // namespace berth::gui
