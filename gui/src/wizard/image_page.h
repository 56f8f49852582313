// "From an image": the reference (checked as typed), Pull with one
// progress row per layer (or "in the store" when GetImage knows it), then
// the image's command, environment, working directory, user and exposed
// ports, pre-filled from GetImage and editable. Next needs the image in
// the store: the fields come from its config.
#pragma once

#include "container_source.h"
#include "create_plan.h"

#include <QTimer>
#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace berth::gui {

class PullPanel;

class ImagePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImagePage(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] bool isComplete() const override;
    void setReference(const QString& reference);
    // What the fields say now (the image as GetImage described it, edited).
    [[nodiscard]] ImageChoices choices() const;
    [[nodiscard]] bool hasImage() const { return m_known; }

    [[nodiscard]] PullPanel* pullPanel() const { return m_pull; }
    [[nodiscard]] QLabel* storeState() const { return m_state; }
    [[nodiscard]] QLineEdit* entrypointEdit() const { return m_entrypoint; }
    [[nodiscard]] QLineEdit* commandEdit() const { return m_command; }
    [[nodiscard]] QTableWidget* environmentTable() const { return m_env; }
    [[nodiscard]] QLineEdit* workingDirEdit() const { return m_workingDir; }
    [[nodiscard]] QLineEdit* userEdit() const { return m_user; }
    // The exposed ports' boxes and host ports, in the image's order.
    [[nodiscard]] QList<QCheckBox*> portBoxes() const { return m_portBoxes; }
    [[nodiscard]] QList<QSpinBox*> hostPorts() const { return m_hostPorts; }
    void addEnvironmentRow(const QString& key = {}, const QString& value = {});

Q_SIGNALS:
    // GetImage answered for the reference in the field (found or not).
    void imageLooked();

private:
    QWidget* createConfigFields();
    void referenceChanged();
    void lookUp();
    void show(const ImageInfo& image);
    void showPorts(const QStringList& exposed);
    void clearPorts();

    ContainerSource& m_source;
    PullPanel* m_pull = nullptr;
    QLabel* m_state = nullptr;
    QWidget* m_config = nullptr;
    QLineEdit* m_entrypoint = nullptr;
    QLineEdit* m_command = nullptr;
    QTableWidget* m_env = nullptr;
    QLineEdit* m_workingDir = nullptr;
    QLineEdit* m_user = nullptr;
    QWidget* m_ports = nullptr;
    QLabel* m_noPorts = nullptr;
    QList<QCheckBox*> m_portBoxes;
    QList<QSpinBox*> m_hostPorts;
    QStringList m_exposed;
    QTimer m_lookUpTimer;
    ImageInfo m_image;
    QString m_shownReference; // the reference m_image was read for
    bool m_known = false;
};

} // namespace berth::gui
