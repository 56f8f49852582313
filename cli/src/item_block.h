// A job's items (a pull's layers) on stderr: on a terminal one line per
// item, redrawn in place above the progress bar as they move on (as
// docker pull draws them); otherwise a plain line whenever an item
// changes phase, so logs stay short.
#pragma once

#include "client_dbus_types.h"

#include <QList>
#include <QString>

#include <utility>

namespace berth::cli {

class ItemBlock {
public:
    explicit ItemBlock(bool terminal) : m_terminal(terminal) {}

    void update(const client::ItemProgress& item);
    // Something else printed whole lines below the block: draw it anew below them.
    void linesPrinted() { m_drawn = 0; }

private:
    void redraw();

    bool m_terminal;
    QList<std::pair<QString, client::ItemProgress>> m_items; // id, last report
    qsizetype m_drawn = 0;                                   // lines of the block on screen above the cursor
};

} // namespace berth::cli
