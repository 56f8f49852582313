#include "icons.h"

#include "icon_engine.h"

#include <array>

namespace berth::gui {
namespace {

struct Picture {
    Icon id;
    const char* file; // under :/icons
    bool symbolic;
};

// In the order of the enum (allIcons() and the lookup rely on it).
constexpr std::array kPictures{
    Picture{Icon::New, "new.svg", true},
    Picture{Icon::Start, "start.svg", true},
    Picture{Icon::Stop, "stop.svg", true},
    Picture{Icon::ForceStop, "force-stop.svg", true},
    Picture{Icon::Freeze, "freeze.svg", true},
    Picture{Icon::Thaw, "thaw.svg", true},
    Picture{Icon::Terminal, "terminal.svg", true},
    Picture{Icon::Clone, "clone.svg", true},
    Picture{Icon::Export, "export.svg", true},
    Picture{Icon::Import, "import.svg", true},
    Picture{Icon::Destroy, "destroy.svg", true},
    Picture{Icon::Settings, "settings.svg", true},
    Picture{Icon::Refresh, "refresh.svg", true},
    Picture{Icon::Networks, "networks.svg", true},
    Picture{Icon::Add, "add.svg", true},
    Picture{Icon::Edit, "edit.svg", true},
    Picture{Icon::Delete, "delete.svg", true},
    Picture{Icon::Help, "help.svg", true},
    Picture{Icon::About, "about.svg", true},
    Picture{Icon::Quit, "quit.svg", true},
    Picture{Icon::SystemCheck, "system-check.svg", true},
    Picture{Icon::Unprivileged, "unprivileged.svg", true},
    Picture{Icon::StateRunning, "state-running.svg", false},
    Picture{Icon::StateStopped, "state-stopped.svg", false},
    Picture{Icon::StateFrozen, "state-frozen.svg", false},
    Picture{Icon::StateFailed, "state-failed.svg", false},
    Picture{Icon::StateTransient, "state-transient.svg", false},
    Picture{Icon::StatusOk, "status-ok.svg", false},
    Picture{Icon::StatusWarning, "status-warning.svg", false},
    Picture{Icon::StatusError, "status-error.svg", false},
    Picture{Icon::Privileged, "privileged.svg", false},
    Picture{Icon::TemplateBusybox, "template-busybox.svg", true},
    Picture{Icon::TemplateDebian, "template-debian.svg", false},
    Picture{Icon::TemplateUbuntu, "template-ubuntu.svg", false},
    Picture{Icon::TemplateTarball, "template-tarball.svg", true},
    Picture{Icon::TemplateOci, "template-oci.svg", true},
    Picture{Icon::TemplateGeneric, "template-generic.svg", true},
    Picture{Icon::Bridge, "bridge.svg", true},
    Picture{Icon::App, "org.berth.Berth.svg", false},
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < kPictures.size(); ++i)
        if (static_cast<std::size_t>(kPictures[i].id) != i)
            return false;
    return true;
}
static_assert(inEnumOrder(), "kPictures must list every Icon in the enum's order");

constexpr std::array<Icon, kPictures.size()> everyIcon()
{
    std::array<Icon, kPictures.size()> ids{};
    for (std::size_t i = 0; i < kPictures.size(); ++i)
        ids[i] = kPictures[i].id;
    return ids;
}
constexpr auto kIcons = everyIcon();

const Picture& picture(Icon which)
{
    return kPictures[static_cast<std::size_t>(which)];
}

// The helper's template names Berth draws (the rest: TemplateGeneric).
struct TemplatePicture {
    QLatin1StringView name;
    Icon id;
};
constexpr std::array kTemplates{
    TemplatePicture{QLatin1StringView("busybox"), Icon::TemplateBusybox},
    TemplatePicture{QLatin1StringView("debian"), Icon::TemplateDebian},
    TemplatePicture{QLatin1StringView("ubuntu"), Icon::TemplateUbuntu},
    TemplatePicture{QLatin1StringView("tarball"), Icon::TemplateTarball},
    TemplatePicture{QLatin1StringView("oci"), Icon::TemplateOci},
    TemplatePicture{QLatin1StringView("image"), Icon::TemplateOci}, // pulled from a registry: an OCI image too
    TemplatePicture{QLatin1StringView("clone"), Icon::Clone},
    TemplatePicture{QLatin1StringView("lxc-import"), Icon::Import},
};

} // namespace

QString iconPath(Icon which)
{
    return QStringLiteral(":/icons/") + QLatin1StringView(picture(which).file);
}

bool isSymbolic(Icon which)
{
    return picture(which).symbolic;
}

QIcon icon(Icon which)
{
    return QIcon(new IconEngine(iconPath(which), isSymbolic(which)));
}

QIcon templateIcon(const QString& templateName)
{
    for (const TemplatePicture& known : kTemplates)
        if (templateName == known.name)
            return icon(known.id);
    return icon(Icon::TemplateGeneric);
}

std::span<const Icon> allIcons()
{
    return kIcons;
}

} // namespace berth::gui
