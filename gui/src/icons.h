// Berth's own icons (gui/icons/*.svg, embedded under :/icons): the window
// looks the same with or without a desktop icon theme. Symbolic icons are
// drawn in the palette's text colour at paint time (light and dark
// palettes, selected rows); coloured ones (states, statuses, some
// templates) keep their colours.
#pragma once

#include <QIcon>
#include <QString>

#include <span>

namespace berth::gui {

enum class Icon {
    // Actions.
    New,
    Start,
    Stop,
    ForceStop,
    Freeze,
    Thaw,
    Terminal,
    Clone,
    Export,
    Import,
    Destroy,
    Settings,
    Refresh,
    Networks,
    Add,
    Edit,
    Delete,
    Help,
    About,
    Quit,
    SystemCheck,
    Unprivileged,
    // Container states.
    StateRunning,
    StateStopped,
    StateFrozen,
    StateFailed,
    StateTransient, // starting, stopping
    // Check results.
    StatusOk,
    StatusWarning,
    StatusError,
    Privileged,
    // Templates.
    TemplateBusybox,
    TemplateDebian,
    TemplateUbuntu,
    TemplateTarball,
    TemplateOci,
    TemplateGeneric,
    Bridge,
    App, // org.berth.Berth
};

[[nodiscard]] QIcon icon(Icon which);
// A template's icon by the helper's template name; TemplateGeneric for
// names Berth has no picture of.
[[nodiscard]] QIcon templateIcon(const QString& templateName);
// The resource a picture comes from (":/icons/start.svg").
[[nodiscard]] QString iconPath(Icon which);
// Whether `which` is drawn in the palette's text colour.
[[nodiscard]] bool isSymbolic(Icon which);
[[nodiscard]] std::span<const Icon> allIcons();

} // namespace berth::gui
