// Name and kind: the name is checked as it is typed (the engine's rule,
// and not taken by an existing container) with the reason under the
// field; the kind starts at the template's default; an application
// container takes a command line. Either kind runs in a user namespace of
// its own unless "Privileged container" is ticked (off by default), which
// says that it needs an administrator.
#pragma once

#include "container_source.h"

#include <QWizardPage>

class QCheckBox;
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
    void setDefaultKind(std::optional<model::ContainerKind> kind);
    // Hidden when another page asks the command (the image page).
    void setCommandShown(bool shown);

    [[nodiscard]] QString name() const;
    [[nodiscard]] model::ContainerKind kind() const;
    [[nodiscard]] QString commandLine() const;
    [[nodiscard]] bool privileged() const;

    [[nodiscard]] QLineEdit* nameEdit() const { return m_name; }
    [[nodiscard]] QLabel* nameProblem() const { return m_problem; }
    [[nodiscard]] QComboBox* kindBox() const { return m_kind; }
    [[nodiscard]] QLineEdit* commandEdit() const { return m_command; }
    [[nodiscard]] QCheckBox* privilegedBox() const { return m_privileged; }
    [[nodiscard]] QLabel* privilegedNote() const { return m_privilegedNote; }
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
    QLineEdit* m_command = nullptr;
    bool m_commandShown = true;
    QCheckBox* m_privileged = nullptr;
    QLabel* m_privilegedNote = nullptr; // what privileged means, and who may make one
};

} // namespace berth::gui
