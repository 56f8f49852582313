// The lines that scrolled off the top of the terminal, newest last, at
// most `capacity` of them (the oldest go first). Cells are kept as libvterm
// gives them, so a line can go back onto the screen when it grows.
#pragma once

#include <vterm.h>

#include <deque>
#include <vector>

namespace berth::gui {

class ScrollbackBuffer {
public:
    using Line = std::vector<VTermScreenCell>;

    explicit ScrollbackBuffer(int capacity) : m_capacity(capacity > 0 ? capacity : 0) {}

    void push(Line line);
    // The newest line, removed; false when there is none.
    bool pop(Line& line);
    void clear() { m_lines.clear(); }

    [[nodiscard]] int size() const { return int(m_lines.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    // 0 is the oldest line kept.
    [[nodiscard]] const Line& line(int index) const { return m_lines.at(std::size_t(index)); }

private:
    std::deque<Line> m_lines;
    int m_capacity;
};

} // namespace berth::gui
