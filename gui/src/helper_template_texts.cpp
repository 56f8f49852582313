// The English of the engine's template catalog
// (engine/src/template/template_catalog.cpp), marked for translation. The
// test gui_helper_texts fails when the engine's wording and this copy part.
#include "helper_texts.h"

namespace berth::gui {

std::span<const HelperTexts::SourceText> HelperTexts::templateTexts()
{
    static constexpr SourceText kTexts[] = {
        {"busybox", QT_TR_NOOP("BusyBox"),
         QT_TR_NOOP("A tiny system from the host's busybox-static, created instantly")},
        {"debian", QT_TR_NOOP("Debian"),
         QT_TR_NOOP("Debian installed with debootstrap and cached for the next container")},
        {"ubuntu", QT_TR_NOOP("Ubuntu"),
         QT_TR_NOOP("Ubuntu installed with debootstrap and cached for the next container")},
        {"tarball", QT_TR_NOOP("Root filesystem archive"),
         QT_TR_NOOP("A root filesystem from a tar archive (tar, tar.gz, tar.xz, tar.zst)")},
        {"oci", QT_TR_NOOP("OCI image"),
         QT_TR_NOOP("An application container from an OCI image layout or a 'docker save' archive")},
        {"clone", QT_TR_NOOP("Clone"), QT_TR_NOOP("A copy or a snapshot of an existing stopped container")},
        {"lxc-import", QT_TR_NOOP("Import from LXC"),
         QT_TR_NOOP("An existing LXC container's directory (config and rootfs), converted; the original is left "
                    "untouched")},
    };
    return kTexts;
}

std::span<const HelperTexts::SourceText> HelperTexts::optionTexts()
{
    static constexpr SourceText kTexts[] = {
        // debian, ubuntu
        {"release", QT_TR_NOOP("Release"), QT_TR_NOOP("The release to install")},
        {"variant", QT_TR_NOOP("Variant"),
         QT_TR_NOOP("minbase: essential packages and apt only; default: also the 'important' priority")},
        {"mirror", QT_TR_NOOP("Mirror"), QT_TR_NOOP("The http or https URL of the archive to install from")},
        {"packages", QT_TR_NOOP("Extra packages"),
         QT_TR_NOOP("Packages to install as well, separated by commas or spaces")},
        {"root-password", QT_TR_NOOP("Root password"),
         QT_TR_NOOP("The root account's password; empty leaves root without one (console login disabled)")},
        {"snapshot", QT_TR_NOOP("Snapshot"),
         QT_TR_NOOP("Make the root filesystem an overlayfs snapshot of the cached installation (instant, shares "
                    "unchanged files) instead of a full copy")},
        // tarball
        {"archive", QT_TR_NOOP("Archive"), QT_TR_NOOP("The archive holding the root filesystem")},
        // oci
        {"image", QT_TR_NOOP("Image"), QT_TR_NOOP("An OCI image layout directory or a 'docker save' archive")},
        {"reference", QT_TR_NOOP("Reference"),
         QT_TR_NOOP("Which image of the archive to use (its tag), when it holds several")},
        // clone
        {"source", QT_TR_NOOP("Source"), QT_TR_NOOP("The stopped container to clone")},
        {"clone/snapshot", QT_TR_NOOP("Snapshot"),
         QT_TR_NOOP("Make the root filesystem an overlayfs snapshot of the source (instant, shares unchanged "
                    "files) instead of a full copy")},
        // lxc-import
        {"directory", QT_TR_NOOP("LXC container directory"),
         QT_TR_NOOP("The container's directory, such as /var/lib/lxc/NAME")},
    };
    return kTexts;
}

} // namespace berth::gui
