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
    // One item of the job (a pull's layer, by its digest): phase waiting,
    // downloading, verifying, extracting, done or exists; `total` 0: unknown.
    void itemProgress(const QString& item, const QString& phase, quint64 done, quint64 total);
    void finished(bool success, const QString& errorName, const QString& message);
};

} // namespace berth::gui
