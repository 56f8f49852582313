#include "usage_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace berth::gui {
namespace {

constexpr double kBytesPerMiB = 1024.0 * 1024.0;
constexpr double kMinimumSpanSeconds = 60;

} // namespace

UsageChart::UsageChart(QWidget* parent) : QChartView(parent)
{
    auto* chart = new QChart;
    m_memory = new QLineSeries(chart);
    m_memory->setName(tr("Memory used"));
    m_limit = new QLineSeries(chart);
    m_limit->setName(tr("Memory limit"));
    chart->addSeries(m_memory);
    chart->addSeries(m_limit);
    m_time = new QValueAxis(chart);
    m_time->setTitleText(tr("Seconds ago"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_mib = new QValueAxis(chart);
    m_mib->setTitleText(tr("MiB"));
    m_mib->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_mib, Qt::AlignLeft);
    for (QLineSeries* series : {m_memory, m_limit}) {
        series->attachAxis(m_time);
        series->attachAxis(m_mib);
    }
    setChart(chart);   // the view owns it from here
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(320, 200);
    redraw();
}

void UsageChart::setSamples(const QList<UsageSample>& samples)
{
    m_samples = samples;
    redraw();
}

void UsageChart::setLimit(std::optional<quint64> bytes)
{
    m_limitBytes = bytes;
    redraw();
}

void UsageChart::redraw()
{
    // Time runs to 0 at the newest sample, so the chart scrolls with each one.
    const qint64 newest = m_samples.isEmpty() ? 0 : m_samples.last().timestampNs;
    QList<QPointF> memory;
    double span = kMinimumSpanSeconds;
    double top = 1;
    for (const UsageSample& sample : std::as_const(m_samples)) {
        const double ago = static_cast<double>(sample.timestampNs - newest) / 1e9;
        memory << QPointF(ago, static_cast<double>(sample.memoryBytes) / kBytesPerMiB);
        span = std::max(span, -ago);
        top = std::max(top, memory.last().y());
    }
    m_memory->replace(memory);
    if (m_limitBytes) {
        const double limit = static_cast<double>(*m_limitBytes) / kBytesPerMiB;
        m_limit->replace({QPointF(-span, limit), QPointF(0, limit)});
        top = std::max(top, limit);
    } else {
        m_limit->clear();
    }
    m_time->setRange(-span, 0);
    m_mib->setRange(0, top * 1.1);   // head room so the top line stays visible
    m_mib->applyNiceNumbers();
}

} // namespace berth::gui
