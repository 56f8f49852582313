// `berth --screenshots DIR`: shows each main view of the running
// application in turn and saves a PNG of it, so that people (and CI, and
// the README) see the real thing. Each step prepares its view, the tour
// lets it settle (answers from the helper, chart samples), then grabs the
// window the step returned, and looks for text that does not fit in it
// (clipped_text.h): written to clipped-text.txt beside the pictures.
#pragma once

#include <QDir>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <vector>

namespace berth::gui {

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    struct Step {
        QString fileName;                  // "01-list.png"
        std::function<QWidget*()> prepare; // the window to grab; null skips the step
        int settleMs = 1000;
        std::function<void()> cleanup = {}; // after the grab (close a wizard)
    };

    ScreenshotTour(const QDir& directory, std::vector<Step> steps, QObject* parent = nullptr);

    void start(int initialDelayMs);
    [[nodiscard]] QStringList saved() const { return m_saved; }
    // "07-new-container.png: QLabel \"…\": needs 212 px, has 180", for every view.
    [[nodiscard]] QStringList clipped() const { return m_clipped; }
    static constexpr const char* kClippedFile = "clipped-text.txt";

Q_SIGNALS:
    // Every step done; `failures` names the screenshots that could not be saved.
    void finished(const QStringList& failures);

private:
    void runStep();
    void grabStep();
    void checkText(const QString& view);
    void finish();

    QDir m_directory;
    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    QPointer<QWidget> m_window;
    QStringList m_saved;
    QStringList m_failures;
    QStringList m_clipped;
};

} // namespace berth::gui
