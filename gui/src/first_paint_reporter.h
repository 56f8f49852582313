// Prints "painted" and quits once a widget has painted for the first time.
// bench_gui times `berth` from exec to that line (BERTH_REPORT_FIRST_PAINT=1).
#pragma once

#include <QObject>

namespace berth::gui {

class FirstPaintReporter : public QObject {
    Q_OBJECT
public:
    // Watches `widget`, parented to it.
    explicit FirstPaintReporter(QWidget* widget);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool m_reported = false;
};

} // namespace berth::gui
