#include "usage_chart.h"

#include "palette.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace berth::gui {
namespace {

// Colours that read as what they are on either palette: usage in the
// palette's highlight, limits orange, out-of-memory kills red.
QColor styleColor(UsageChart::Style style, int index, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    switch (style) {
    case UsageChart::Style::Usage:
        if (index == 0)
            return palette.color(QPalette::Highlight);
        return dark ? QColor(0xdc, 0x8a, 0xdd) : QColor(0x81, 0x3d, 0x9c);
    case UsageChart::Style::Limit:
        return dark ? QColor(0xff, 0xa3, 0x48) : QColor(0xc6, 0x46, 0x00);
    case UsageChart::Style::Mark:
        break;
    }
    return dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
}

// The index of the last point at or before `x` (points are in time order).
qsizetype pointAt(const QList<QPointF>& points, qreal x)
{
    const auto after = std::upper_bound(points.begin(), points.end(), x,
                                        [](qreal value, const QPointF& point) { return value < point.x(); });
    return after == points.begin() ? -1 : (after - points.begin()) - 1;
}

// More points than pixel columns cost drawing time and show nothing more:
// per column, the lowest and the highest point in their order, so peaks,
// dips and a limit's steps stay where they are; the first and last stay.
// A chart not shown has no columns yet: its points stay as given.
QList<QPointF> thinnedToColumns(const QList<QPointF>& points, int columns)
{
    if (columns <= 0 || points.size() <= 2 * qsizetype(columns) + 2)
        return points;
    const double first = points.first().x();
    const double span = std::max(points.last().x() - first, 1.0);
    const auto columnOf = [&](const QPointF& point) { return int((point.x() - first) / span * columns); };
    QList<QPointF> out;
    out.reserve(2 * qsizetype(columns) + 2);
    out << points.first();
    const qsizetype end = points.size() - 1;
    for (qsizetype i = 1; i < end;) {
        const int column = columnOf(points[i]);
        qsizetype low = i, high = i;
        for (++i; i < end && columnOf(points[i]) == column; ++i) {
            if (points[i].y() < points[low].y())
                low = i;
            if (points[i].y() > points[high].y())
                high = i;
        }
        out << points[std::min(low, high)];
        if (low != high)
            out << points[std::max(low, high)];
    }
    out << points.last();
    return out;
}

} // namespace

UsageChart::UsageChart(const QString& title, ValueUnit unit, const QList<Line>& lines, QWidget* parent)
    : QChartView(parent), m_title(title), m_unit(unit), m_lines(lines)
{
    auto* chart = new QChart;
    // Five charts share the tab: every pixel goes to the lines; the title,
    // the figures and the key are written above the chart (usage_charts).
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true); // "1,5 GiB" in German, and the unit kept as written
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_time = new QDateTimeAxis(chart);
    m_time->setLabelsFont(small);
    m_value = new QValueAxis(chart);
    m_value->setLabelsFont(small);
    m_value->setTickCount(4);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_value, Qt::AlignLeft);
    setChart(chart); // the view owns it from here
    connect(chart, &QChart::plotAreaChanged, this, &UsageChart::fitTimeTicks);
    bool filled = false;
    for (const Line& line : lines) {
        const bool fill = line.style == Style::Usage && !filled;
        filled = filled || fill;
        m_series.insert(line.kind, addSeries(line, fill));
    }
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(200, 120);
    setMouseTracking(true);
    setAccessibleName(title);
    applyPalette();
    setPoints({}, 60, QDateTime::currentMSecsSinceEpoch());
}

QXYSeries* UsageChart::addSeries(const Line& line, bool filled)
{
    QXYSeries* series = nullptr;
    if (line.style == Style::Mark) {
        auto* marks = new QScatterSeries(chart());
        marks->setMarkerSize(9);
        series = marks;
    } else {
        series = new QLineSeries(chart());
    }
    series->setName(line.name);
    QAbstractSeries* drawn = series;
    if (filled) // the area under the usage line, so that usage reads as an amount
        drawn = new QAreaSeries(static_cast<QLineSeries*>(series));
    drawn->setName(line.name);
    chart()->addSeries(drawn);
    drawn->attachAxis(m_time);
    drawn->attachAxis(m_value);
    m_drawn.insert(line.kind, drawn);
    return series;
}

void UsageChart::applyPalette()
{
    const QPalette colours = palette();
    const QColor text = colours.color(QPalette::Text);
    QColor grid = colours.color(QPalette::Mid);
    grid.setAlpha(110);
    setBackgroundBrush(colours.color(QPalette::Window));
    chart()->setBackgroundBrush(colours.color(QPalette::Base));
    chart()->setBackgroundPen(QPen(colours.color(QPalette::Mid)));
    chart()->setTitleBrush(text);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_time), static_cast<QAbstractAxis*>(m_value)}) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(colours.color(QPalette::Mid));
    }
    int index = 0;
    int limits = 0;
    for (const Line& line : std::as_const(m_lines)) {
        const QColor colour = styleColor(line.style, line.style == Style::Usage ? index++ : 0, colours);
        QXYSeries* series = m_series.value(line.kind);
        QPen pen(colour, 2);
        if (line.style == Style::Limit) // dashed, and the second (a soft limit) dotted
            pen.setStyle(limits++ == 0 ? Qt::DashLine : Qt::DotLine);
        if (line.style == Style::Mark)
            static_cast<QScatterSeries*>(series)->setBorderColor(colour);
        series->setColor(colour);
        series->setPen(pen);
        if (auto* area = qobject_cast<QAreaSeries*>(m_drawn.value(line.kind))) {
            QColor fill = colour;
            fill.setAlpha(70);
            area->setBrush(fill);
            area->setPen(pen);
        }
    }
}

void UsageChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        Q_EMIT restyled();
    }
}

QColor UsageChart::color(UsageKind kind) const
{
    const QXYSeries* series = m_series.value(kind);
    return series ? series->color() : QColor();
}

void UsageChart::setPoints(const UsagePoints& points, double windowSeconds, qint64 newestMs)
{
    double top = 0;
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it)
        for (const QPointF& point : points.value(it.key()))
            top = std::max(top, point.y());
    m_scale = valueScale(m_unit, top);
    m_newestMs = newestMs;
    for (auto it = m_series.constBegin(); it != m_series.constEnd(); ++it) {
        const QList<QPointF> given = points.value(it.key());
        QList<QPointF> drawn;
        drawn.reserve(given.size());
        for (const QPointF& point : given)
            drawn << QPointF(double(newestMs) + point.x() * 1000, point.y() * m_scale.factor);
        it.value()->replace(thinnedToColumns(drawn, isVisible() ? int(chart()->plotArea().width()) : 0));
        if (auto* area = qobject_cast<QAreaSeries*>(m_drawn.value(it.key())))
            area->setVisible(!drawn.isEmpty()); // an empty area draws a stray edge
    }
    const bool short_ = windowSeconds <= 60;
    m_time->setFormat(clockFormat(chart()->locale(), short_));
    m_ticks = short_ || windowSeconds > 300 ? 4 : 6; // 20 s, 1 min, 5 min apart
    fitTimeTicks();
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(newestMs - qint64(windowSeconds * 1000)),
                     QDateTime::fromMSecsSinceEpoch(newestMs));
    setValueRange(top * m_scale.factor);
}

void UsageChart::fitTimeTicks()
{
    // As many labels as fit side by side: fewer on a narrow chart, never
    // cut short ("03...").
    const QFontMetrics metrics(m_time->labelsFont());
    const QString widest = QLocale().toString(QDateTime(QDate(2000, 1, 1), QTime(23, 58, 58)), m_time->format());
    const int room = metrics.horizontalAdvance(widest) + metrics.horizontalAdvance(QStringLiteral("  "));
    const int fit = int(chart()->plotArea().width()) / std::max(1, room) + 1;
    m_time->setTickCount(std::clamp(fit, 2, m_ticks));
}

void UsageChart::setValueRange(double top)
{
    // Head room so that the top line stays visible; some height when idle.
    const double least = m_unit == ValueUnit::Count ? 4 : m_unit == ValueUnit::Cores ? 10 : 1;
    m_value->setRange(0, std::max(top * 1.1, least));
    m_value->applyNiceNumbers();
    const double step = (m_value->max() - m_value->min()) / std::max(1, m_value->tickCount() - 1);
    // Localized numbers (set on the chart) keep the text around the number
    // as written: "%" needs no escape, and no glyph goes through Latin-1.
    m_value->setLabelFormat(QStringLiteral("%.%1f %2").arg(decimalsFor(step)).arg(m_scale.suffix).trimmed());
}

QList<QPointF> UsageChart::points(UsageKind kind) const
{
    QList<QPointF> out;
    const QXYSeries* series = m_series.value(kind);
    if (!series)
        return out;
    const QList<QPointF> drawn = series->points();
    out.reserve(drawn.size());
    for (const QPointF& point : drawn)
        out << QPointF((point.x() - double(m_newestMs)) / 1000, point.y() / m_scale.factor);
    return out;
}

std::pair<double, double> UsageChart::visibleRange() const
{
    return {double(m_time->min().toMSecsSinceEpoch() - m_newestMs) / 1000,
            double(m_time->max().toMSecsSinceEpoch() - m_newestMs) / 1000};
}

QString UsageChart::hoverText(qint64 ms) const
{
    const QLocale locale = chart()->locale();
    QStringList lines{locale.toString(QDateTime::fromMSecsSinceEpoch(ms), clockFormat(locale, true))};
    for (const Line& line : m_lines) {
        if (line.style == Style::Mark)
            continue;
        const QList<QPointF> drawn = m_series.value(line.kind)->points();
        const qsizetype at = pointAt(drawn, qreal(ms));
        if (at >= 0)
            lines << tr("%1: %2").arg(line.name, scaledText(m_scale, drawn.at(at).y() / m_scale.factor, locale));
    }
    return lines.join(QLatin1Char('\n'));
}

void UsageChart::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const QPointF at = chart()->mapFromScene(mapToScene(event->position().toPoint()));
    if (!chart()->plotArea().contains(at)) {
        QToolTip::hideText();
        return;
    }
    const qint64 ms = qint64(chart()->mapToValue(at).x());
    QToolTip::showText(event->globalPosition().toPoint(), hoverText(ms), this);
}

} // namespace berth::gui
