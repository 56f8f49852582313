// Pull an image by reference: the field checked as it is typed (the
// problem in words), Pull, one progress row per layer (LayerProgressList)
// and Cancel. The Images window and the wizard's image page both use it.
#pragma once

#include "container_source.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace berth::gui {

class LayerProgressList;

class PullPanel : public QWidget {
    Q_OBJECT
public:
    explicit PullPanel(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] QString reference() const;
    void setReference(const QString& reference);
    // Empty while the field holds a reference the helper would take.
    [[nodiscard]] QString problem() const;
    [[nodiscard]] bool isPulling() const { return m_pulling; }

    void pull();
    void cancel();

    [[nodiscard]] QLineEdit* referenceEdit() const { return m_edit; }
    [[nodiscard]] QPushButton* pullButton() const { return m_pull; }
    [[nodiscard]] QPushButton* cancelButton() const { return m_cancel; }
    [[nodiscard]] LayerProgressList* layers() const { return m_layers; }
    [[nodiscard]] QLabel* message() const { return m_message; }

Q_SIGNALS:
    void referenceChanged(const QString& reference);
    void pullStarted(const QString& reference);
    // The pull ended: `success`, else `message` says why (or that it was cancelled).
    void pullFinished(const QString& reference, bool success, const QString& message);

private:
    void edited();
    void started(JobHandle* job);
    void finished(bool success, const QString& errorName, const QString& message);
    void setPulling(bool pulling);

    ContainerSource& m_source;
    QLineEdit* m_edit = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_pull = nullptr;
    QPushButton* m_cancel = nullptr;
    LayerProgressList* m_layers = nullptr;
    QLabel* m_message = nullptr;
    QPointer<JobHandle> m_job;
    QString m_pulled;    // the reference of the pull under way
    QStringList m_notes; // the job's log lines (warnings about login files)
    bool m_pulling = false;
    bool m_cancelWanted = false;
};

} // namespace berth::gui
