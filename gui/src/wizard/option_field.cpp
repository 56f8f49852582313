#include "option_field.h"

#include "file_field.h"
#include "state_presentation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace berth::gui {
namespace {

const QString kChoice = QStringLiteral("choice");
const QString kInteger = QStringLiteral("integer");
const QString kBoolean = QStringLiteral("boolean");
const QString kContainer = QStringLiteral("container");
const QString kSecret = QStringLiteral("secret");

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

OptionField* OptionField::create(const client::TemplateOption& option, QWidget* parent)
{
    if (option.type == QLatin1String("file"))
        return new FileField(option, parent);
    return new OptionField(option, parent);
}

OptionField::OptionField(const client::TemplateOption& option, QWidget* parent) : OptionField(option, parent, true) {}

OptionField::OptionField(const client::TemplateOption& option, QWidget* parent, bool buildEditor)
    : QWidget(parent), m_option(option)
{
    setToolTip(option.description);
    if (!buildEditor)
        return;
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_editor = makeEditor();
    m_editor->setObjectName(option.key);
    layout->addWidget(m_editor);
    setValue(option.defaultValue);
}

QWidget* OptionField::makeEditor()
{
    if (m_option.type == kChoice)
        return makeCombo(m_option.choices);
    if (m_option.type == kContainer)
        return makeCombo({});
    if (m_option.type == kInteger)
        return makeSpinBox();
    if (m_option.type == kBoolean)
        return makeCheckBox();
    return makeLineEdit(m_option.type == kSecret);
}

QWidget* OptionField::makeCombo(const QStringList& items)
{
    auto* combo = new QComboBox(this);
    for (const QString& item : items)
        combo->addItem(item, item);
    connect(combo, &QComboBox::currentIndexChanged, this, &OptionField::changed);
    return combo;
}

QWidget* OptionField::makeSpinBox()
{
    auto* spin = new QSpinBox(this);
    // A schema without bounds (0, 0) leaves the spin box's own.
    if (m_option.minimum < m_option.maximum)
        spin->setRange(clampToInt(m_option.minimum), clampToInt(m_option.maximum));
    connect(spin, &QSpinBox::valueChanged, this, &OptionField::changed);
    return spin;
}

QWidget* OptionField::makeCheckBox()
{
    auto* check = new QCheckBox(this);
    connect(check, &QCheckBox::toggled, this, &OptionField::changed);
    return check;
}

QWidget* OptionField::makeLineEdit(bool secret)
{
    auto* edit = new QLineEdit(this);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(m_option.description);
    connect(edit, &QLineEdit::textChanged, this, &OptionField::changed);
    return edit;
}

QString OptionField::value() const
{
    if (auto* combo = qobject_cast<QComboBox*>(m_editor))
        return combo->currentData().toString();
    if (auto* spin = qobject_cast<QSpinBox*>(m_editor))
        return QString::number(spin->value());
    if (auto* check = qobject_cast<QCheckBox*>(m_editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto* edit = qobject_cast<QLineEdit*>(m_editor))
        return edit->text().trimmed();
    return {};
}

void OptionField::setValue(const QString& value)
{
    if (auto* combo = qobject_cast<QComboBox*>(m_editor)) {
        const int index = combo->findData(value);
        if (index >= 0)
            combo->setCurrentIndex(index);
        // The containers arrive later: chosen once they are listed.
        m_wanted = index >= 0 ? QString() : value;
    } else if (auto* spin = qobject_cast<QSpinBox*>(m_editor)) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok)
            spin->setValue(clampToInt(number));
    } else if (auto* check = qobject_cast<QCheckBox*>(m_editor)) {
        check->setChecked(value == QLatin1String("true"));
    } else if (auto* edit = qobject_cast<QLineEdit*>(m_editor)) {
        edit->setText(value);
    }
}

bool OptionField::isComplete() const
{
    return !m_option.required || !value().isEmpty();
}

QString OptionField::displayValue() const
{
    const QString text = value();
    if (m_option.type == kSecret)
        return text.isEmpty() ? tr("(none)") : tr("(set, hidden)");
    if (m_option.type == kBoolean)
        return text == QLatin1String("true") ? tr("yes") : tr("no");
    return text.isEmpty() ? tr("(default)") : text;
}

void OptionField::setContainers(const QMap<QString, QString>& states)
{
    auto* combo = qobject_cast<QComboBox*>(m_editor);
    if (!combo || m_option.type != kContainer)
        return;
    const QString current = m_wanted.isEmpty() ? value() : m_wanted;
    const QSignalBlocker block(combo);
    combo->clear();
    for (auto it = states.begin(); it != states.end(); ++it)
        combo->addItem(tr("%1 (%2)").arg(it.key(), stateText(it.value())), it.key());
    setValue(current);
    Q_EMIT changed();
}

} // namespace berth::gui
