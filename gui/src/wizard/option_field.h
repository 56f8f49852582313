// One template option as an editor, chosen by the option's type: a combo
// box for choices and containers, a spin box for integers, a check box for
// booleans, a line edit for strings, lists and secrets. File options are a
// FileField. The editor's object name is the option's key.
#pragma once

#include "client_types.h"

#include <QWidget>

namespace berth::gui {

class OptionField : public QWidget {
    Q_OBJECT
public:
    // A FileField for file options, an OptionField for the others.
    [[nodiscard]] static OptionField* create(const client::TemplateOption& option, QWidget* parent);

    explicit OptionField(const client::TemplateOption& option, QWidget* parent = nullptr);

    [[nodiscard]] const client::TemplateOption& option() const { return m_option; }
    [[nodiscard]] QWidget* editor() const { return m_editor; }

    // As CreateRequest::options takes it; empty: not given.
    [[nodiscard]] virtual QString value() const;
    virtual void setValue(const QString& value);
    // A required option needs a value.
    [[nodiscard]] virtual bool isComplete() const;
    // For what the summary shows: secrets hidden, booleans in words.
    [[nodiscard]] virtual QString displayValue() const;

    // Container options: the containers to offer (name to state).
    void setContainers(const QMap<QString, QString>& states);

Q_SIGNALS:
    void changed();

protected:
    // For subclasses that build their own editor.
    OptionField(const client::TemplateOption& option, QWidget* parent, bool buildEditor);

private:
    QWidget* makeEditor();
    QWidget* makeCombo(const QStringList& items);
    QWidget* makeSpinBox();
    QWidget* makeCheckBox();
    QWidget* makeLineEdit(bool secret);

    client::TemplateOption m_option;
    QWidget* m_editor = nullptr;
    QString m_wanted; // a value for a list that is not filled yet
};

} // namespace berth::gui
