#include "scrollback_buffer.h"

namespace berth::gui {

void ScrollbackBuffer::push(Line line)
{
    if (m_capacity == 0)
        return;
    if (size() == m_capacity)
        m_lines.pop_front();
    m_lines.push_back(std::move(line));
}

bool ScrollbackBuffer::pop(Line& line)
{
    if (m_lines.empty())
        return false;
    line = std::move(m_lines.back());
    m_lines.pop_back();
    return true;
}

} // namespace berth::gui
