// Colours a container config as the engine reads it: "# comments",
// "key = value" lines with the key, the '=' and the value apart. Every
// lxc.* or berth.* key looks the same: whether a key exists is for the
// helper to judge when the text is saved, not for the highlighter.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace berth::gui {

class ConfigHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit ConfigHighlighter(QTextDocument* document);

    [[nodiscard]] const QTextCharFormat& commentFormat() const { return m_comment; }
    [[nodiscard]] const QTextCharFormat& keyFormat() const { return m_key; }
    [[nodiscard]] const QTextCharFormat& separatorFormat() const { return m_separator; }
    [[nodiscard]] const QTextCharFormat& valueFormat() const { return m_value; }

protected:
    void highlightBlock(const QString& text) override;

private:
    QTextCharFormat m_comment;
    QTextCharFormat m_key;
    QTextCharFormat m_separator;
    QTextCharFormat m_value;
};

} // namespace berth::gui
