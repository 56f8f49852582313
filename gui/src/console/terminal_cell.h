// One character cell of the terminal as the widget draws it (and tests
// inspect it), free of libvterm's types.
#pragma once

#include <QColor>
#include <QString>

namespace berth::gui {

struct TerminalCell {
    QString text;      // empty: a blank cell
    QColor foreground; // invalid: the widget's default colour
    QColor background; // invalid: the widget's default colour
    bool bold = false;
    bool underline = false;
    bool reverse = false;
    int width = 1; // 2 for a wide character; the cell after it has 0
};

} // namespace berth::gui
