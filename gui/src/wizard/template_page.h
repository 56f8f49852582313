// The wizard's first page: the helper's templates, each with its label
// and description. Choosing one tells the wizard which options to ask.
// The templates it hands on have their texts in the user's language
// (HelperTexts), options included.
#pragma once

#include "container_source.h"

#include <QWizardPage>

class QLabel;
class QListWidget;

namespace berth::gui {

class TemplatePage : public QWizardPage {
    Q_OBJECT
public:
    explicit TemplatePage(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] bool isComplete() const override;

    // nullptr while none is chosen.
    [[nodiscard]] const client::TemplateInfo* chosen() const;
    // False when the helper offers no template of that name.
    bool choose(const QString& name);

    [[nodiscard]] QListWidget* list() const { return m_list; }
    [[nodiscard]] QLabel* message() const { return m_message; }

Q_SIGNALS:
    void templatesLoaded();
    void templateChosen(const client::TemplateInfo& info);

private:
    void load();
    void show(const QList<client::TemplateInfo>& templates);
    void selectionChanged();

    ContainerSource& m_source;
    QListWidget* m_list = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_message = nullptr;
    QList<client::TemplateInfo> m_templates;
};

} // namespace berth::gui
