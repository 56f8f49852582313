#include "usage_charts.h"

#include "usage_chart.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QValueAxis>
#include <QXYSeries>

namespace berth::gui {
namespace {

using Style = UsageChart::Style;

QList<UsageChart*> makeCharts(QWidget* parent)
{
    const QString kiBs = UsageCharts::tr("KiB/s");
    return {
        new UsageChart(UsageCharts::tr("Memory"), UsageCharts::tr("MiB"),
                       {{UsageKind::MemoryUsed, UsageCharts::tr("Used")},
                        {UsageKind::MemoryLimit, UsageCharts::tr("Limit"), Style::Limit},
                        {UsageKind::MemorySoftLimit, UsageCharts::tr("Soft limit"), Style::Limit},
                        {UsageKind::OomKills, UsageCharts::tr("Out-of-memory kill"), Style::Mark}},
                       parent),
        new UsageChart(UsageCharts::tr("CPU"), UsageCharts::tr("cores"),
                       {{UsageKind::CpuUsed, UsageCharts::tr("Used")},
                        {UsageKind::CpuQuota, UsageCharts::tr("Quota"), Style::Limit}},
                       parent),
        new UsageChart(UsageCharts::tr("Processes"), UsageCharts::tr("count"),
                       {{UsageKind::Pids, UsageCharts::tr("Running")},
                        {UsageKind::PidsLimit, UsageCharts::tr("Limit"), Style::Limit}},
                       parent),
        new UsageChart(UsageCharts::tr("Disk"), kiBs,
                       {{UsageKind::IoRead, UsageCharts::tr("Read")}, {UsageKind::IoWrite, UsageCharts::tr("Written")}},
                       parent),
        new UsageChart(UsageCharts::tr("Network"), kiBs,
                       {{UsageKind::NetRx, UsageCharts::tr("Received")}, {UsageKind::NetTx, UsageCharts::tr("Sent")}},
                       parent),
    };
}

} // namespace

UsageCharts::UsageCharts(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QGridLayout(this);
    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("chartWindow"));
    for (int minutes : {1, 5, 15})
        m_window->addItem(tr("Last %n minute(s)", nullptr, minutes), minutes);
    auto* windowLabel = new QLabel(tr("Show:"), this);
    windowLabel->setBuddy(m_window);
    layout->addWidget(windowLabel, 0, 0, Qt::AlignRight);
    layout->addWidget(m_window, 0, 1, Qt::AlignLeft);
    m_charts = makeCharts(this);
    for (int i = 0; i < m_charts.size(); ++i)
        layout->addWidget(m_charts.at(i), 1 + i / 2, i % 2);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        redraw();
        Q_EMIT windowMinutesChanged(windowMinutes());
    });
    setWindowMinutes(kDefaultWindowMinutes);
    redraw();
}

void UsageCharts::setSamples(const QList<UsageSample>& samples)
{
    m_samples = samples;
    redraw();
}

void UsageCharts::setLimits(const UsageLimits& limits)
{
    m_limits = limits;
    redraw();
}

void UsageCharts::setWindowMinutes(int minutes)
{
    const int index = m_window->findData(minutes);
    if (index >= 0)
        m_window->setCurrentIndex(index);
}

int UsageCharts::windowMinutes() const
{
    return m_window->currentData().toInt();
}

void UsageCharts::redraw()
{
    const double window = windowMinutes() * 60.0;
    const UsagePoints points = usagePoints(m_samples, window, m_limits);
    for (UsageChart* chart : std::as_const(m_charts))
        chart->setPoints(points, window);
}

UsageChart* UsageCharts::chart(UsageKind kind) const
{
    for (UsageChart* chart : m_charts) {
        if (chart->series(kind))
            return chart;
    }
    return nullptr;
}

QList<QPointF> UsageCharts::seriesPoints(UsageKind kind) const
{
    const UsageChart* owner = chart(kind);
    return owner ? owner->series(kind)->points() : QList<QPointF>();
}

std::pair<double, double> UsageCharts::visibleRange() const
{
    const QValueAxis* axis = m_charts.first()->timeAxis();
    return {axis->min(), axis->max()};
}

} // namespace berth::gui
