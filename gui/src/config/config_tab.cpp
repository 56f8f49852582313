#include "config_tab.h"

#include "config_error.h"
#include "config_highlighter.h"
#include "confirm_action.h"
#include "error_text.h"

#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>

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
    layout->addWidget(createChangedBar());
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &ConfigTab::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &ConfigTab::save);
    connect(m_revert, &QPushButton::clicked, this, &ConfigTab::revert);
    const auto ifShown = [this](const QString& name) {
        if (name == m_name)
            recheck();
    };
    connect(&m_source, &ContainerSource::configChanged, this, ifShown);
    connect(&m_source, &ContainerSource::stateChanged, this, ifShown);
    // Other clients (berthctl, another window) send no signal.
    m_recheckTimer.setInterval(kRecheckMs);
    connect(&m_recheckTimer, &QTimer::timeout, this, &ConfigTab::recheck);
    load();
}

QWidget* ConfigTab::createChangedBar()
{
    m_changedBar = new QFrame(this);
    m_changedBar->setObjectName(QStringLiteral("configChangedBar"));
    static_cast<QFrame*>(m_changedBar)->setFrameShape(QFrame::StyledPanel);
    m_changedText = new QLabel(m_changedBar);
    m_changedText->setWordWrap(true);
    m_reload = new QPushButton(tr("Reload"), m_changedBar);
    m_reload->setToolTip(tr("Show the configuration as it is now; your edits are discarded."));
    m_keepEditing = new QPushButton(tr("Keep Editing"), m_changedBar);
    auto* layout = new QHBoxLayout(m_changedBar);
    layout->addWidget(m_changedText, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_keepEditing);
    connect(m_reload, &QPushButton::clicked, this, &ConfigTab::load);
    connect(m_keepEditing, &QPushButton::clicked, m_changedBar, &QWidget::hide);
    m_changedBar->hide();
    return m_changedBar;
}

void ConfigTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    recheck();
    m_recheckTimer.start();
}

void ConfigTab::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_recheckTimer.stop();
}

void ConfigTab::reloadUnlessEdited(const QString& name)
{
    if (name == m_name)
        recheck();
}

void ConfigTab::recheck()
{
    // Not before the first text is there, nor while a save is judged.
    if (m_name.isEmpty() || m_editor->isReadOnly() || m_saving)
        return;
    const quint64 generation = m_generation;
    m_source.config(m_name, this, [this, generation](client::Result<QString> text) {
        if (generation != m_generation || m_saving || !text || *text == m_loaded)
            return;
        if (!m_editor->document()->isModified())
            showNewer(*text);
        else if (*text != m_dismissed)
            offerReload(tr("The configuration of '%1' was changed outside this editor (a limit, autostart, an "
                           "interface or another editor).")
                            .arg(m_name),
                        *text);
    });
}

// Without edits a newer text simply replaces the shown one, where the user was.
void ConfigTab::showNewer(const QString& text)
{
    const int position = m_editor->textCursor().position();
    const int scrolled = m_editor->verticalScrollBar()->value();
    m_loaded = text;
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    m_editor->setTextCursor(cursor);
    m_editor->verticalScrollBar()->setValue(scrolled);
    updateButtons();
}

void ConfigTab::offerReload(const QString& why, const QString& newer)
{
    m_dismissed = newer; // Keep Editing: not asked again for this version
    m_changedText->setText(why + QLatin1Char(' ') +
                           tr("Reload shows it as it is now (your edits are discarded); a save of your edits "
                              "would be refused."));
    m_changedBar->show();
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
    m_changedBar->hide();
    m_dismissed.clear();
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
    m_source.setConfig(m_name, m_loaded, text, this, [this, generation, name = m_name, text](client::Status status) {
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
    if (!status && status.error().kind == client::ErrorKind::Changed) {
        m_message->clear();
        offerReload(tr("Not saved: the configuration of '%1' was changed since you opened it.").arg(name), {});
        // Keep Editing holds for the version that refused the save.
        m_source.config(name, this, [this, generation = m_generation](client::Result<QString> newer) {
            if (generation == m_generation && newer)
                m_dismissed = *newer;
        });
        updateButtons();
        return;
    }
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
    showUnapplied(name);
}

// The helper keeps lines it does not apply (AppArmor, seccomp files, ...):
// never saved silently, the user is told which.
void ConfigTab::showUnapplied(const QString& name)
{
    m_source.container(name, this, [this, generation = m_generation](client::Result<client::ContainerInfo> info) {
        if (generation != m_generation || !info || info->warnings.isEmpty())
            return;
        m_message->setText(tr("Saved. Berth keeps these lines but does not apply them:") + QLatin1Char('\n') +
                           info->warnings.join(QLatin1Char('\n')));
    });
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
