#include "usage_chart.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace berth::gui {

UsageChart::UsageChart(const QString& title, const QString& unit, const QList<Line>& lines, QWidget* parent)
    : QChartView(parent)
{
    auto* chart = new QChart;
    // Five charts share the tab: every pixel of margin and axis title goes
    // to the lines instead, the unit in the title, times on the labels.
    chart->setTitle(tr("%1 (%2)").arg(title, unit));
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_time = new QValueAxis(chart);
    m_time->setLabelFormat(tr("%d s"));
    m_time->setLabelsFont(small);
    m_time->setTickCount(4);
    m_value = new QValueAxis(chart);
    m_value->setLabelsFont(small);
    m_value->setLabelFormat(QStringLiteral("%.4g"));
    m_value->setTickCount(4);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_value, Qt::AlignLeft);
    setChart(chart); // the view owns it from here
    for (const Line& line : lines)
        m_series.insert(line.kind, addSeries(line));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 160);
    setPoints({}, 60);
}

QXYSeries* UsageChart::addSeries(const Line& line)
{
    QXYSeries* series = nullptr;
    if (line.style == Style::Mark) {
        auto* marks = new QScatterSeries(chart());
        marks->setMarkerSize(9);
        marks->setColor(Qt::red);
        series = marks;
    } else {
        series = new QLineSeries(chart());
    }
    series->setName(line.name);
    chart()->addSeries(series);
    if (line.style == Style::Limit) {
        // Dashed, so that usage meeting its limit stays readable.
        QPen pen = series->pen();
        pen.setStyle(Qt::DashLine);
        pen.setWidth(2);
        series->setPen(pen);
    }
    series->attachAxis(m_time);
    series->attachAxis(m_value);
    return series;
}

void UsageChart::setPoints(const UsagePoints& points, double windowSeconds)
{
    double top = 0;
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
        const QList<QPointF> kindPoints = points.value(it.key());
        for (const QPointF& point : kindPoints)
            top = std::max(top, point.y());
        it.value()->replace(kindPoints);
    }
    m_time->setRange(-windowSeconds, 0);
    // Head room so that the top line stays visible; some height when idle.
    m_value->setRange(0, top > 0 ? top * 1.1 : 1);
    m_value->applyNiceNumbers();
}

} // namespace berth::gui
