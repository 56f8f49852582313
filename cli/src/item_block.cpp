#include "item_block.h"

#include "image_views.h"
#include "session.h"

#include <algorithm>

namespace berth::cli {

void ItemBlock::update(const client::ItemProgress& item)
{
    auto known =
        std::find_if(m_items.begin(), m_items.end(), [&item](const auto& entry) { return entry.first == item.item; });
    const bool newPhase = known == m_items.end() || known->second.phase != item.phase;
    if (known == m_items.end())
        m_items.append({item.item, item});
    else
        known->second = item;
    if (m_terminal) {
        redraw();
        return;
    }
    if (newPhase)
        printErr(itemLineText(item) + QLatin1Char('\n'));
}

void ItemBlock::redraw()
{
    QString text;
    if (m_drawn > 0)
        text += QStringLiteral("\033[%1A").arg(m_drawn);
    for (const auto& entry : std::as_const(m_items))
        text += QStringLiteral("\r\033[K") + itemLineText(entry.second) + QLatin1Char('\n');
    m_drawn = m_items.size();
    printErr(text);
}

} // namespace berth::cli
