#include "config_tab.h"

#include "config_error.h"
#include "config_highlighter.h"
#include "confirm_action.h"
#include "error_text.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace berth::gui {

ConfigTab::ConfigTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_confirm = [this](const QString& title, const QString& question) { return confirmAction(this, title, question); };
    m_editor = new QPlainTextEdit(this);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new ConfigHighlighter(m_editor->document());
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save = new QPushButton(tr("Save"), this);
    m_revert = new QPushButton(tr("Revert"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &ConfigTab::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &ConfigTab::save);
    connect(m_revert, &QPushButton::clicked, this, &ConfigTab::revert);
    load();
}

void ConfigTab::reloadUnlessEdited(const QString& name)
{
    if (name == m_name && !m_editor->document()->isModified())
        load();
}

bool ConfigTab::setContainer(const QString& name)
{
    if (name == m_name)
        return true;
    if (m_editor->document()->isModified() &&
        !m_confirm(tr("Discard Changes"),
                   tr("The config of '%1' has changes that are not saved. Discard them?").arg(m_name)))
        return false;
    m_name = name;
    load();
    return true;
}

void ConfigTab::load()
{
    ++m_generation;
    m_saving = false;
    clearMark();
    m_message->clear();
    m_loaded.clear();
    m_editor->clear();
    m_editor->document()->setModified(false);
    m_editor->setReadOnly(true); // until the text is there
    setEnabled(!m_name.isEmpty());
    if (m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_source.config(m_name, this, [this, generation, name = m_name](client::Result<QString> text) {
        if (generation != m_generation)
            return;
        if (!text) {
            m_message->setText(errorText(text.error(), tr("read the config of '%1'").arg(name)));
            return;
        }
        m_loaded = *text;
        revert();
        m_editor->setReadOnly(false);
    });
}

void ConfigTab::revert()
{
    clearMark();
    m_message->clear();
    m_editor->setPlainText(m_loaded);
    m_editor->document()->setModified(false);
}

void ConfigTab::save()
{
    if (m_name.isEmpty() || m_saving || !m_editor->document()->isModified())
        return;
    m_saving = true;
    updateButtons();
    const QString text = m_editor->toPlainText();
    const quint64 generation = m_generation;
    m_source.setConfig(m_name, text, this, [this, generation, name = m_name, text](client::Status status) {
        if (generation == m_generation)
            saveFinished(name, text, status);
        else if (status)
            Q_EMIT saved(name);
    });
}

void ConfigTab::saveFinished(const QString& name, const QString& text, const client::Status& status)
{
    m_saving = false;
    clearMark();
    if (!status) {
        m_message->setText(errorText(status.error(), tr("save the config of '%1'").arg(name)));
        if (const auto location = parseConfigError(status.error().message))
            markLine(location->line);
        updateButtons();
        return;
    }
    m_message->clear();
    m_loaded = text;
    // Edits made while the helper judged the text stay unsaved.
    m_editor->document()->setModified(m_editor->toPlainText() != text);
    updateButtons();
    Q_EMIT saved(name);
}

void ConfigTab::markLine(int line)
{
    const QTextBlock block = m_editor->document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    m_markedLine = line;
    QTextEdit::ExtraSelection mark;
    mark.format.setBackground(QColor(0xf8, 0xc8, 0xc8));
    mark.format.setForeground(Qt::black);
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    mark.cursor = QTextCursor(block);
    m_editor->setExtraSelections({mark});
    m_editor->setTextCursor(mark.cursor);
    m_editor->ensureCursorVisible();
    m_editor->setFocus(Qt::OtherFocusReason);
}

void ConfigTab::clearMark()
{
    m_markedLine = 0;
    m_editor->setExtraSelections({});
}

void ConfigTab::updateButtons()
{
    const bool modified = m_editor->document()->isModified();
    m_save->setEnabled(modified && !m_saving);
    m_revert->setEnabled(modified);
}

} // namespace berth::gui
