#include "search_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QToolButton>

namespace berth::gui {
namespace {

// Past this many, highlighting costs more than it shows.
constexpr int kMaxHighlighted = 10000;

QToolButton* arrowButton(Qt::ArrowType arrow, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setArrowType(arrow);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

SearchBar::SearchBar(QPlainTextEdit* view, QWidget* parent) : QWidget(parent), m_view(view)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Search"));
    m_field->setClearButtonEnabled(true);
    auto* previous = arrowButton(Qt::UpArrow, tr("Previous match (Shift+F3)"), this);
    auto* next = arrowButton(Qt::DownArrow, tr("Next match (F3)"), this);
    m_count = new QLabel(this);
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_count);
    connect(m_field, &QLineEdit::textChanged, this, &SearchBar::refresh);
    connect(m_field, &QLineEdit::returnPressed, this, &SearchBar::findNext);
    connect(previous, &QToolButton::clicked, this, &SearchBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &SearchBar::findNext);
}

void SearchBar::setText(const QString& text)
{
    m_field->setText(text);
}

QString SearchBar::text() const
{
    return m_field->text();
}

void SearchBar::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void SearchBar::refresh()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_field->text();
    if (!needle.isEmpty()) {
        QTextEdit::ExtraSelection match;
        match.format.setBackground(QColor(0xff, 0xe0, 0x66));
        match.format.setForeground(Qt::black);
        QTextCursor found = m_view->document()->find(needle, 0);
        while (!found.isNull() && selections.size() < kMaxHighlighted) {
            match.cursor = found;
            selections << match;
            found = m_view->document()->find(needle, found);
        }
    }
    m_matches = int(selections.size());
    m_view->setExtraSelections(selections);
    m_count->setText(needle.isEmpty() ? QString() : tr("%n match(es)", nullptr, m_matches));
}

void SearchBar::findNext()
{
    find(false);
}

void SearchBar::findPrevious()
{
    find(true);
}

void SearchBar::find(bool backward)
{
    const QString needle = m_field->text();
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = m_view->document()->find(needle, m_view->textCursor(), flags);
    if (found.isNull()) {
        // Wrap around: from the start going forward, from the end going back.
        QTextCursor from(m_view->document());
        if (backward)
            from.movePosition(QTextCursor::End);
        found = m_view->document()->find(needle, from, flags);
    }
    if (!found.isNull()) {
        m_view->setTextCursor(found);
        m_view->ensureCursorVisible();
    }
}

} // namespace berth::gui
