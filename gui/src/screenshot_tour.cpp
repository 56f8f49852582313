#include "screenshot_tour.h"

#include "clipped_text.h"

#include <QFile>
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
        finish();
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
    if (m_window && m_window->grab().save(path, "PNG")) {
        m_saved << path;
        checkText(step.fileName);
    } else {
        m_failures << step.fileName;
    }
    if (step.cleanup)
        step.cleanup();
    QTimer::singleShot(0, this, &ScreenshotTour::runStep);
}

void ScreenshotTour::checkText(const QString& view)
{
    QStringList found = clippedTexts(*m_window);
    if (const QString large = tooLargeForScreen(*m_window); !large.isEmpty())
        found.prepend(large);
    for (const QString& line : std::as_const(found))
        m_clipped << view + QStringLiteral(": ") + line;
}

void ScreenshotTour::finish()
{
    QFile file(m_directory.filePath(QString::fromLatin1(kClippedFile)));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        for (const QString& line : std::as_const(m_clipped))
            file.write(line.toUtf8() + '\n');
    } else {
        m_failures << QString::fromLatin1(kClippedFile);
    }
    Q_EMIT finished(m_failures);
}

} // namespace berth::gui
