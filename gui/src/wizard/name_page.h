// Name and kind: the name is checked as it is typed (the engine's rule,
// and not taken by an existing container) with the reason under the
// field; the kind starts at the template's default, and a system
// container is said to need an administrator; an application container
// takes a command line.
#pragma once

#include "container_source.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace berth::gui {

class ContainerNameValidator;

class NamePage : public QWizardPage {
    Q_OBJECT
public:
    explicit NamePage(ContainerSource& source, QWidget* parent = nullptr);

    void initializePage() override;
    [[nodiscard]] bool isComplete() const override;

    // "system" or "application"; empty means system.
    void setDefaultKind(const QString& kind);

    [[nodiscard]] QString name() const;
    [[nodiscard]] QString kind() const;
    [[nodiscard]] QString commandLine() const;

    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QLabel* nameProblem() const { return m_problem; }
    [[nodiscard]] QComboBox* kindBox() const { return m_kind; }
    [[nodiscard]] QLineEdit* commandEdit() const { return m_command; }
    [[nodiscard]] QLabel* kindNote() const { return m_kindNote; }
    [[nodiscard]] const ContainerNameValidator& validator() const { return *m_validator; }

Q_SIGNALS:
    // The existing containers' names arrived.
    void takenNamesLoaded();

private:
    void loadTakenNames();
    void nameEdited();
    void kindChanged();

    ContainerSource& m_source;
    ContainerNameValidator* m_validator = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_problem = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_kindNote = nullptr;   // a system container needs an administrator
    QLineEdit* m_command = nullptr;
};

} // namespace berth::gui
