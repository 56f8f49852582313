#include "log_tab.h"

#include "error_text.h"
#include "search_bar.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QKeyEvent>
#include <QVBoxLayout>

namespace berth::gui {

LogTab::LogTab(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_view = new QPlainTextEdit(this);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    m_dropped = new QLabel(tr("Shows the most recent console output only: older output was dropped when the "
                              "log reached its size limit (lxc.console.size)."),
                           this);
    m_dropped->setWordWrap(true);
    m_dropped->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeToolBar());
    layout->addWidget(m_dropped);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    // The window's Ctrl+F filters the container list; inside this tab the
    // keys search the log instead (see eventFilter).
    m_view->installEventFilter(this);
    m_search->field()->installEventFilter(this);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &LogTab::readNext);
    setContainer(QString(), std::nullopt);
}

QWidget* LogTab::makeToolBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new SearchBar(m_view, bar);
    m_follow = new QCheckBox(tr("Follow"), bar);
    m_follow->setToolTip(tr("Keep the newest output in view."));
    m_follow->setChecked(true);
    auto* save = new QPushButton(tr("Save As…"), bar);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_follow);
    layout->addWidget(save);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
    });
    connect(save, &QPushButton::clicked, this, &LogTab::saveAs);
    return bar;
}

bool LogTab::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    void (SearchBar::*action)() = nullptr;
    if (key->matches(QKeySequence::Find))
        action = &SearchBar::focusField;
    else if (key->matches(QKeySequence::FindNext))
        action = &SearchBar::findNext;
    else if (key->matches(QKeySequence::FindPrevious))
        action = &SearchBar::findPrevious;
    if (!action)
        return QWidget::eventFilter(watched, event);
    // Accepting the override keeps the window's shortcuts from taking the
    // key; the key press that follows then does the search.
    event->accept();
    if (event->type() == QEvent::KeyPress)
        (m_search->*action)();
    return true;
}

void LogTab::setContainer(const QString& name, std::optional<model::RunState> state)
{
    const bool wasRunning = m_state == model::RunState::Running;
    m_state = state;
    if (name != m_name) {
        m_name = name;
        restart();
    } else if (wasRunning && !name.isEmpty()) {
        readNext(); // what it printed last, before it stopped
    }
    updatePolling();
    setEnabled(!m_name.isEmpty());
}

void LogTab::restart()
{
    ++m_generation;
    m_reading = false;
    m_offset = 0;
    m_filter.reset();
    m_view->clear();
    m_message->hide();
    m_dropped->hide();
    if (!m_name.isEmpty())
        readNext();
}

void LogTab::readNext()
{
    if (m_name.isEmpty() || m_reading)
        return;
    m_reading = true;
    const quint64 generation = m_generation;
    const QString name = m_name;
    using Chunk = client::Result<client::LogChunk>;
    m_source.readLog(m_name, m_offset, kChunkBytes, this, [this, generation, name](Chunk chunk) {
        if (generation != m_generation)
            return;
        m_reading = false;
        if (!chunk) {
            m_message->setText(errorText(chunk.error(), tr("read the log of '%1'").arg(name)));
            m_message->show();
            return;
        }
        m_message->hide();
        received(*chunk);
    });
}

void LogTab::received(const client::LogChunk& chunk)
{
    if (chunk.size < m_offset) {
        restart(); // replaced by a new, shorter log
        return;
    }
    // The piece starts where the log's oldest kept byte is, past ours.
    if (chunk.nextOffset - quint64(chunk.data.size()) > m_offset)
        m_dropped->show();
    m_offset = chunk.nextOffset;
    append(m_filter.feed(chunk.data));
    if (chunk.nextOffset < chunk.size)
        readNext(); // more than one piece waiting
}

void LogTab::append(const QString& text)
{
    if (text.isEmpty())
        return;
    // A cursor of its own, so the user's selection and position stay put.
    QTextCursor end(m_view->document());
    end.movePosition(QTextCursor::End);
    end.insertText(text);
    if (!m_search->text().isEmpty())
        m_search->refresh();
    if (m_follow->isChecked())
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
}

void LogTab::updatePolling()
{
    if (!m_name.isEmpty() && m_state == model::RunState::Running && isVisible())
        m_poll.start();
    else
        m_poll.stop();
}

void LogTab::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updatePolling();
    readNext(); // what came while hidden
}

void LogTab::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updatePolling();
}

bool LogTab::saveTo(const QString& path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(m_view->toPlainText().toUtf8());
        if (file.commit())
            return true;
    }
    m_message->setText(tr("Could not save the log to '%1': %2").arg(path, file.errorString()));
    m_message->show();
    return false;
}

void LogTab::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"), m_name + QStringLiteral(".log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

} // namespace berth::gui
