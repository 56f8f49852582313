// The application's colours: the platform's palette, or a light or dark
// one forced with `berth --palette light|dark` (or BERTH_PALETTE), for
// people who want it and for the screenshots of both. A forced palette
// comes with the Fusion style, which draws every widget from the palette.
#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace berth::gui {

enum class PaletteChoice { System, Light, Dark };

// "light", "dark", "system" (any case); nullopt for anything else.
[[nodiscard]] std::optional<PaletteChoice> parsePaletteChoice(const QString& word);
[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
// Before the first window is shown; System leaves the platform's choice.
void applyPalette(PaletteChoice choice);
// Whether a palette is a dark one (a dark window): the one rule for
// everything that picks lighter shades on dark (icons, charts, states).
[[nodiscard]] bool isDarkPalette(const QPalette& palette);

} // namespace berth::gui
