// Turns console bytes into text a person can read in a plain text view:
// UTF-8 with replacement characters, colour and cursor escape sequences
// removed, "\r\n" and "\r\r\n" as one line end and a lone '\r' overwriting
// its line.
// The log arrives in pieces, so a sequence, a character or a "\r\n" cut in
// two at a piece's end is held back until the next piece.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

namespace berth::gui {

class LogFilter {
public:
    // The readable text of `bytes`, continuing the previous pieces.
    [[nodiscard]] QString feed(const QByteArray& bytes);
    // Forgets what was held back: the next piece starts a new log.
    void reset();

private:
    // Reads the character at `i` into `out`; where to go on, or -1 when the
    // rest is held back for the next piece.
    qsizetype consume(const QString& text, qsizetype i, QString& out);

    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_held;         // an unfinished escape sequence or trailing '\r's
    bool m_midLine = false; // the text so far ends inside a line
};

} // namespace berth::gui
