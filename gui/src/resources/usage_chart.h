// One chart of the Resources tab: a few series of one unit (memory used and
// its limits, CPU and its quota, ...) against clock time. The value axis
// reads in a unit chosen from the range (chart_scale.h); usage is a filled
// area, limits dashed lines in a colour of their own, marks (OOM kills)
// dots; every colour follows the widget's palette, so a dark palette gives
// a dark chart. Hovering shows the time and each line's value there.
#pragma once

#include "chart_scale.h"
#include "usage_series.h"

#include <QChartView>
#include <QColor>
#include <QList>

class QAbstractSeries;
class QDateTimeAxis;
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

    UsageChart(const QString& title, ValueUnit unit, const QList<Line>& lines, QWidget* parent = nullptr);

    // Replaces each series' points in one go (no per-point redraw), and
    // shows the last `windowSeconds` up to `newestMs` (the newest sample's
    // clock time, x = 0 in `points`).
    void setPoints(const UsagePoints& points, double windowSeconds, qint64 newestMs);

    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] const QList<Line>& lines() const { return m_lines; }
    [[nodiscard]] QXYSeries* series(UsageKind kind) const { return m_series.value(kind); }
    [[nodiscard]] QColor color(UsageKind kind) const;
    // What a series draws, back in setPoints' terms (seconds before the
    // newest sample, the chart's unit).
    [[nodiscard]] QList<QPointF> points(UsageKind kind) const;
    // The time axis' range in the same seconds.
    [[nodiscard]] std::pair<double, double> visibleRange() const;
    [[nodiscard]] QDateTimeAxis* timeAxis() const { return m_time; }
    [[nodiscard]] QValueAxis* valueAxis() const { return m_value; }
    [[nodiscard]] const ValueScale& scale() const { return m_scale; }
    // The tooltip at clock time `ms`: the time, then each line's value.
    [[nodiscard]] QString hoverText(qint64 ms) const;

Q_SIGNALS:
    // The palette changed and the series' colours with it.
    void restyled();

protected:
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QXYSeries* addSeries(const Line& line, bool filled);
    void applyPalette();
    void setValueRange(double top);
    void fitTimeTicks();

    QString m_title;
    ValueUnit m_unit;
    QList<Line> m_lines;
    QHash<UsageKind, QXYSeries*> m_series;
    QHash<UsageKind, QAbstractSeries*> m_drawn; // the series or the area filled under it
    QDateTimeAxis* m_time = nullptr;
    QValueAxis* m_value = nullptr;
    ValueScale m_scale;
    qint64 m_newestMs = 0;
    int m_ticks = 4; // for the window, if there is room
};

} // namespace berth::gui
