#include "palette.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace berth::gui {
namespace {

struct Colours {
    QColor window, base, alternateBase, text, button, highlight, highlightedText, link, mid, dark, shadow, light;
    QColor disabledText;
    QColor toolTipBase, toolTipText, placeholder;
};

QPalette paletteOf(const Colours& c)
{
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.base);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.button);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, c.highlightedText);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.link);
    p.setColor(QPalette::Light, c.light);
    p.setColor(QPalette::Midlight, c.light);
    p.setColor(QPalette::Mid, c.mid);
    p.setColor(QPalette::Dark, c.dark);
    p.setColor(QPalette::Shadow, c.shadow);
    p.setColor(QPalette::ToolTipBase, c.toolTipBase);
    p.setColor(QPalette::ToolTipText, c.toolTipText);
    p.setColor(QPalette::PlaceholderText, c.placeholder);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.mid);
    return p;
}

} // namespace

std::optional<PaletteChoice> parsePaletteChoice(const QString& word)
{
    const QString lower = word.trimmed().toLower();
    if (lower == QLatin1String("light"))
        return PaletteChoice::Light;
    if (lower == QLatin1String("dark"))
        return PaletteChoice::Dark;
    if (lower == QLatin1String("system")) // not a wire name: the desktop's palette
        return PaletteChoice::System;
    return std::nullopt;
}

// Colours near GNOME's Adwaita, so the window looks at home beside others.
QPalette lightPalette()
{
    return paletteOf({.window = QColor(0xf6, 0xf5, 0xf4),
                      .base = Qt::white,
                      .alternateBase = QColor(0xf3, 0xf3, 0xf2),
                      .text = QColor(0x24, 0x24, 0x24),
                      .button = QColor(0xed, 0xec, 0xeb),
                      .highlight = QColor(0x35, 0x84, 0xe4),
                      .highlightedText = Qt::white,
                      .link = QColor(0x1a, 0x5f, 0xb4),
                      .mid = QColor(0xc0, 0xbf, 0xbc),
                      .dark = QColor(0x9a, 0x99, 0x96),
                      .shadow = QColor(0x5e, 0x5c, 0x64),
                      .light = Qt::white,
                      .disabledText = QColor(0x92, 0x95, 0x95),
                      .toolTipBase = QColor(0x24, 0x24, 0x24),
                      .toolTipText = Qt::white,
                      .placeholder = QColor(0x80, 0x80, 0x80)});
}

QPalette darkPalette()
{
    return paletteOf({.window = QColor(0x30, 0x30, 0x30),
                      .base = QColor(0x24, 0x24, 0x24),
                      .alternateBase = QColor(0x2a, 0x2a, 0x2a),
                      .text = QColor(0xee, 0xee, 0xee),
                      .button = QColor(0x3a, 0x3a, 0x3a),
                      .highlight = QColor(0x35, 0x84, 0xe4),
                      .highlightedText = Qt::white,
                      .link = QColor(0x78, 0xae, 0xed),
                      .mid = QColor(0x50, 0x50, 0x50),
                      .dark = QColor(0x1e, 0x1e, 0x1e),
                      .shadow = QColor(0x0c, 0x0c, 0x0c),
                      .light = QColor(0x48, 0x48, 0x48),
                      .disabledText = QColor(0x80, 0x80, 0x80),
                      .toolTipBase = QColor(0xee, 0xee, 0xee),
                      .toolTipText = QColor(0x24, 0x24, 0x24),
                      .placeholder = QColor(0x90, 0x90, 0x90)});
}

void applyPalette(PaletteChoice choice)
{
    if (choice == PaletteChoice::System)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == PaletteChoice::Dark ? darkPalette() : lightPalette());
}

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace berth::gui
