// One chart of the Resources tab: a few series of one unit (memory used and
// its limits, CPU and its quota, ...) against seconds before the newest
// sample. Limits are lines of their own, drawn dashed; marks (OOM kills)
// are dots.
#pragma once

#include "usage_series.h"

#include <QChartView>
#include <QList>

class QValueAxis;
class QXYSeries;

namespace berth::gui {

class UsageChart : public QChartView {
    Q_OBJECT
public:
    enum class Style { Usage, Limit, Mark };
    struct Line {
        UsageKind kind;
        QString name;
        Style style = Style::Usage;
    };

    UsageChart(const QString& title, const QString& unit, const QList<Line>& lines, QWidget* parent = nullptr);

    // Replaces each series' points in one go (no per-point redraw), and
    // shows the last `windowSeconds`.
    void setPoints(const UsagePoints& points, double windowSeconds);

    [[nodiscard]] QXYSeries* series(UsageKind kind) const { return m_series.value(kind); }
    [[nodiscard]] QValueAxis* timeAxis() const { return m_time; }
    [[nodiscard]] QValueAxis* valueAxis() const { return m_value; }

private:
    QXYSeries* addSeries(const Line& line);

    QHash<UsageKind, QXYSeries*> m_series;
    QValueAxis* m_time = nullptr;
    QValueAxis* m_value = nullptr;
};

} // namespace berth::gui
