// A search field over a QPlainTextEdit: every match is highlighted (the
// view's extra selections belong to this bar), next and previous move the
// view's selection from match to match, wrapping at the ends. Case is
// ignored.
#pragma once

#include <QTextCursor>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace berth::gui {

class SearchBar : public QWidget {
    Q_OBJECT
public:
    explicit SearchBar(QPlainTextEdit* view, QWidget* parent = nullptr);

    void setText(const QString& text);
    [[nodiscard]] QString text() const;
    // How many matches are highlighted now.
    [[nodiscard]] int matchCount() const { return m_matches; }
    [[nodiscard]] QLineEdit* field() const { return m_field; }

    void findNext();
    void findPrevious();
    // Highlights the matches again (after the text changed).
    void refresh();
    void focusField();

private:
    void find(bool backward);

    QPlainTextEdit* m_view;
    QLineEdit* m_field = nullptr;
    QLabel* m_count = nullptr;
    int m_matches = 0;
};

} // namespace berth::gui
