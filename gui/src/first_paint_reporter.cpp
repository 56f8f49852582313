#include "first_paint_reporter.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace berth::gui {

FirstPaintReporter::FirstPaintReporter(QWidget* widget) : QObject(widget)
{
    widget->installEventFilter(this);
}

bool FirstPaintReporter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        // After this paint has reached the backing store.
        QTimer::singleShot(0, this, [] {
            std::puts("painted");
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace berth::gui
