// A helper job the GUI follows (create, export): progress, log lines, its
// end, and Cancel. The application's handles follow an org.berth.Job1
// object; tests emit the signals themselves.
#pragma once

#include <QObject>
#include <QString>

namespace berth::gui {

class JobHandle : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Asks the helper to stop the job; finished() still follows.
    virtual void cancel() = 0;

Q_SIGNALS:
    void progressChanged(double fraction, const QString& step); // fraction < 0: unknown
    void logLine(const QString& line);
    void finished(bool success, const QString& errorName, const QString& message);
};

} // namespace berth::gui
