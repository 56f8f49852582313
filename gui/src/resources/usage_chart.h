// Memory used over the last minutes, in MiB against seconds before the
// newest sample, with the memory limit in force as a line of its own
// (none when unlimited).
#pragma once

#include "usage_history.h"

#include <QChartView>
#include <QList>

#include <optional>

class QLineSeries;
class QValueAxis;

namespace berth::gui {

class UsageChart : public QChartView {
    Q_OBJECT
public:
    explicit UsageChart(QWidget* parent = nullptr);

    void setSamples(const QList<UsageSample>& samples);
    // In bytes; nullopt: unlimited.
    void setLimit(std::optional<quint64> bytes);

    [[nodiscard]] QLineSeries* memorySeries() const { return m_memory; }
    [[nodiscard]] QLineSeries* limitSeries() const { return m_limit; }

private:
    void redraw();

    QList<UsageSample> m_samples;
    std::optional<quint64> m_limitBytes;
    QLineSeries* m_memory = nullptr;
    QLineSeries* m_limit = nullptr;
    QValueAxis* m_time = nullptr;
    QValueAxis* m_mib = nullptr;
};

} // namespace berth::gui
