#include "usage_charts.h"

#include "usage_chart.h"
#include "usage_summary.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QXYSeries>

namespace berth::gui {
namespace {

using Style = UsageChart::Style;

QList<UsageChart*> makeCharts(QWidget* parent)
{
    return {
        new UsageChart(UsageCharts::tr("Memory"), ValueUnit::Mebibytes,
                       {{UsageKind::MemoryUsed, UsageCharts::tr("Used")},
                        {UsageKind::MemoryLimit, UsageCharts::tr("Limit"), Style::Limit},
                        {UsageKind::MemorySoftLimit, UsageCharts::tr("Soft limit"), Style::Limit},
                        {UsageKind::OomKills, UsageCharts::tr("Out-of-memory kill"), Style::Mark}},
                       parent),
        new UsageChart(UsageCharts::tr("CPU (100 % = one core)"), ValueUnit::Cores,
                       {{UsageKind::CpuUsed, UsageCharts::tr("Used")},
                        {UsageKind::CpuQuota, UsageCharts::tr("Quota"), Style::Limit}},
                       parent),
        new UsageChart(UsageCharts::tr("Processes"), ValueUnit::Count,
                       {{UsageKind::Pids, UsageCharts::tr("Running")},
                        {UsageKind::PidsLimit, UsageCharts::tr("Limit"), Style::Limit}},
                       parent),
        new UsageChart(UsageCharts::tr("Disk"), ValueUnit::KibPerSecond,
                       {{UsageKind::IoRead, UsageCharts::tr("Read")}, {UsageKind::IoWrite, UsageCharts::tr("Written")}},
                       parent),
        new UsageChart(UsageCharts::tr("Network"), ValueUnit::KibPerSecond,
                       {{UsageKind::NetRx, UsageCharts::tr("Received")}, {UsageKind::NetTx, UsageCharts::tr("Sent")}},
                       parent),
    };
}

// A swatch per line in its colour, then its name: the chart's key.
QString keyHtml(const UsageChart& chart)
{
    QStringList entries;
    for (const UsageChart::Line& line : chart.lines()) {
        const QString swatch = line.style == Style::Usage   ? QStringLiteral("\u25a0")
                               : line.style == Style::Limit ? QStringLiteral("- -")
                                                            : QStringLiteral("\u25cf");
        entries << QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>&nbsp;%3")
                       .arg(chart.color(line.kind).name(), swatch, line.name.toHtmlEscaped());
    }
    return entries.join(QStringLiteral(" &nbsp; "));
}

// The summary as HTML, each figure with its unit kept on one line
// ("146 KiB/s" never broken after the slash or before the unit).
QString figuresHtml(const QString& summary)
{
    static const QRegularExpression figure(QStringLiteral("\\d[\\d.,]*(?: (?:%|[KMGTP]?i?B(?:/s)?))?"));
    QString html;
    qsizetype done = 0;
    for (auto it = figure.globalMatch(summary); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        html += summary.mid(done, match.capturedStart() - done).toHtmlEscaped();
        // Rich text breaks lines inside a nowrap span too: bind the parts.
        html += match.captured()
                    .toHtmlEscaped()
                    .replace(QLatin1Char(' '), QStringLiteral("&nbsp;"))
                    .replace(QLatin1Char('/'), QStringLiteral("/&#8288;"));
        done = match.capturedEnd();
    }
    return html + summary.mid(done).toHtmlEscaped();
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
    for (int i = 0; i < m_charts.size(); ++i) {
        auto* panel = new QVBoxLayout;
        panel->setSpacing(2);
        auto* figures = new QLabel(this);
        figures->setWordWrap(true);
        figures->setMinimumWidth(m_charts.at(i)->minimumWidth());
        figures->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
        figures->setTextFormat(Qt::RichText);
        figures->setTextInteractionFlags(Qt::TextSelectableByMouse);
        panel->addWidget(figures);
        panel->addWidget(m_charts.at(i), 1);
        layout->addLayout(panel, 1 + i / 2, i % 2);
        m_figures << figures;
        connect(m_charts.at(i), &UsageChart::restyled, this, [this, i] { showFigures(i); });
    }
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
    const qint64 newest = m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().wallMs;
    m_points = usagePoints(m_samples, window, m_limits);
    for (int i = 0; i < m_charts.size(); ++i) {
        m_charts.at(i)->setPoints(m_points, window, newest);
        showFigures(i);
    }
}

void UsageCharts::showFigures(int index)
{
    UsageChart* chart = m_charts.at(index);
    const QString summary = usageSummary(chart->lines().first().kind, m_points, m_limits);
    QLabel* figures = m_figures.at(index);
    figures->setText(QStringLiteral("<b>%1</b> &nbsp; %2<br>%3")
                         .arg(chart->title().toHtmlEscaped(), figuresHtml(summary), keyHtml(*chart)));
    // Layouts size a word-wrapped label for one width; at the narrowest the
    // text is the tallest: ask for that height, so that no line is cut off.
    figures->setMinimumHeight(figures->heightForWidth(chart->minimumWidth()));
    chart->setAccessibleDescription(tr("%1: %2").arg(chart->title(), summary));
}

UsageChart* UsageCharts::chart(UsageKind kind) const
{
    for (UsageChart* chart : m_charts) {
        if (chart->series(kind))
            return chart;
    }
    return nullptr;
}

QLabel* UsageCharts::figures(UsageKind kind) const
{
    const qsizetype index = m_charts.indexOf(chart(kind));
    return index < 0 ? nullptr : m_figures.at(index);
}

QList<QPointF> UsageCharts::seriesPoints(UsageKind kind) const
{
    const UsageChart* owner = chart(kind);
    return owner ? owner->points(kind) : QList<QPointF>();
}

std::pair<double, double> UsageCharts::visibleRange() const
{
    return m_charts.first()->visibleRange();
}

} // namespace berth::gui
