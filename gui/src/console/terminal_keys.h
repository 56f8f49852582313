// Qt key events to what libvterm's keyboard functions take. Pure, so the
// table is tested without a terminal.
#pragma once

#include <vterm_keycodes.h>

#include <QList>
#include <QString>
#include <Qt>

#include <cstdint>

namespace berth::gui {

// Either a named key or a character, with modifiers.
struct TerminalKey {
    VTermKey key = VTERM_KEY_NONE;
    std::uint32_t character = 0; // when key is VTERM_KEY_NONE
    VTermModifier modifiers = VTERM_MOD_NONE;

    bool operator==(const TerminalKey&) const = default;
};

// What to send for one key press; empty when the key means nothing to a
// terminal (a lone Shift, say).
[[nodiscard]] QList<TerminalKey> terminalKeys(int qtKey, Qt::KeyboardModifiers modifiers, const QString& text);

[[nodiscard]] VTermModifier terminalModifiers(Qt::KeyboardModifiers modifiers);

} // namespace berth::gui
