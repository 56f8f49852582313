#include "screenshot_tour.h"

#include <QPixmap>
#include <QTimer>

namespace berth::gui {

ScreenshotTour::ScreenshotTour(const QDir& directory, std::vector<Step> steps, QObject* parent)
    : QObject(parent), m_directory(directory), m_steps(std::move(steps))
{}

void ScreenshotTour::start(int initialDelayMs)
{
    QTimer::singleShot(initialDelayMs, this, &ScreenshotTour::runStep);
}

void ScreenshotTour::runStep()
{
    if (m_next >= m_steps.size()) {
        Q_EMIT finished(m_failures);
        return;
    }
    const Step& step = m_steps[m_next];
    m_window = step.prepare ? step.prepare() : nullptr;
    if (!m_window) {
        m_failures << step.fileName;
        ++m_next;
        QTimer::singleShot(0, this, &ScreenshotTour::runStep);
        return;
    }
    QTimer::singleShot(step.settleMs, this, &ScreenshotTour::grabStep);
}

void ScreenshotTour::grabStep()
{
    const Step& step = m_steps[m_next++];
    const QString path = m_directory.filePath(step.fileName);
    if (m_window && m_window->grab().save(path, "PNG"))
        m_saved << path;
    else
        m_failures << step.fileName;
    if (step.cleanup)
        step.cleanup();
    QTimer::singleShot(0, this, &ScreenshotTour::runStep);
}

} // namespace berth::gui
