#include "terminal_keys.h"

#include <QHash>

namespace berth::gui {
namespace {

VTermKey namedKey(int qtKey)
{
    static const QHash<int, VTermKey> keys = {
        {Qt::Key_Return, VTERM_KEY_ENTER},
        {Qt::Key_Enter, VTERM_KEY_KP_ENTER},
        {Qt::Key_Tab, VTERM_KEY_TAB},
        {Qt::Key_Backtab, VTERM_KEY_TAB},
        {Qt::Key_Backspace, VTERM_KEY_BACKSPACE},
        {Qt::Key_Escape, VTERM_KEY_ESCAPE},
        {Qt::Key_Up, VTERM_KEY_UP},
        {Qt::Key_Down, VTERM_KEY_DOWN},
        {Qt::Key_Left, VTERM_KEY_LEFT},
        {Qt::Key_Right, VTERM_KEY_RIGHT},
        {Qt::Key_Insert, VTERM_KEY_INS},
        {Qt::Key_Delete, VTERM_KEY_DEL},
        {Qt::Key_Home, VTERM_KEY_HOME},
        {Qt::Key_End, VTERM_KEY_END},
        {Qt::Key_PageUp, VTERM_KEY_PAGEUP},
        {Qt::Key_PageDown, VTERM_KEY_PAGEDOWN},
    };
    if (qtKey >= Qt::Key_F1 && qtKey <= Qt::Key_F35)
        return VTermKey(VTERM_KEY_FUNCTION(qtKey - Qt::Key_F1 + 1));
    return keys.value(qtKey, VTERM_KEY_NONE);
}

} // namespace

VTermModifier terminalModifiers(Qt::KeyboardModifiers modifiers)
{
    int result = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        result |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        result |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        result |= VTERM_MOD_CTRL;
    return VTermModifier(result);
}

QList<TerminalKey> terminalKeys(int qtKey, Qt::KeyboardModifiers modifiers, const QString& text)
{
    VTermModifier mods = terminalModifiers(modifiers);
    if (qtKey == Qt::Key_Backtab)
        mods = VTermModifier(mods | VTERM_MOD_SHIFT); // Qt reports Shift+Tab as its own key
    if (const VTermKey key = namedKey(qtKey); key != VTERM_KEY_NONE)
        return {TerminalKey{key, 0, mods}};
    // Qt's text for Ctrl+letter differs between platforms (and is empty in
    // tests): send the letter and let libvterm make the control character.
    if ((mods & VTERM_MOD_CTRL) && qtKey >= Qt::Key_A && qtKey <= Qt::Key_Z)
        return {TerminalKey{VTERM_KEY_NONE, std::uint32_t('a' + (qtKey - Qt::Key_A)), mods}};
    QList<TerminalKey> keys;
    for (const char32_t c : text.toUcs4()) {
        // Control characters in the text are already what the key means.
        const bool control = c < 0x20 || c == 0x7f;
        keys << TerminalKey{VTERM_KEY_NONE, std::uint32_t(c),
                            control ? VTERM_MOD_NONE : VTermModifier(mods & ~VTERM_MOD_CTRL)};
    }
    return keys;
}

} // namespace berth::gui
