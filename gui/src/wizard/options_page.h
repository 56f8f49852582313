// The chosen template's options as a form built from its schema (one
// OptionField each). The form is rebuilt only when the template changes,
// so going back and forth keeps what was entered.
#pragma once

#include "container_source.h"

#include <QWizardPage>

class QFormLayout;
class QLabel;

namespace berth::gui {

class FileField;
class OptionField;

class OptionsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit OptionsPage(ContainerSource& source, QWidget* parent = nullptr);

    void setTemplate(const client::TemplateInfo& info);
    [[nodiscard]] bool isComplete() const override;

    // By key, file options left out (they travel as inputFd()).
    [[nodiscard]] QMap<QString, QString> values() const;
    // Label and value for people, in the schema's order.
    [[nodiscard]] QList<std::pair<QString, QString>> summary() const;
    [[nodiscard]] int inputFd() const;
    [[nodiscard]] QString inputPath() const;

    [[nodiscard]] OptionField* field(const QString& key) const;
    [[nodiscard]] FileField* fileField() const;
    [[nodiscard]] const QList<OptionField*>& fields() const { return m_fields; }

private:
    void clear();
    void addField(const client::TemplateOption& option);
    void offerContainers();

    ContainerSource& m_source;
    QFormLayout* m_form = nullptr;
    QLabel* m_empty = nullptr;
    QString m_templateName;
    QList<OptionField*> m_fields;
};

} // namespace berth::gui
