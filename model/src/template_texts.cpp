// The template catalog's English (engine/src/template/template_catalog.cpp
// builds its replies from these rows).
#include "berth/model/texts.h"

#include <array>

namespace berth::model {
namespace {

constexpr std::array kTemplates{
    Text{"busybox", BERTH_TEXT("berth::model", "BusyBox"),
         BERTH_TEXT("berth::model", "A tiny system from the host's busybox-static, created instantly")},
    Text{"debian", BERTH_TEXT("berth::model", "Debian"),
         BERTH_TEXT("berth::model", "Debian installed with debootstrap and cached for the next container")},
    Text{"ubuntu", BERTH_TEXT("berth::model", "Ubuntu"),
         BERTH_TEXT("berth::model", "Ubuntu installed with debootstrap and cached for the next container")},
    Text{"tarball", BERTH_TEXT("berth::model", "Root filesystem archive"),
         BERTH_TEXT("berth::model", "A root filesystem from a tar archive (tar, tar.gz, tar.xz, tar.zst)")},
    Text{"oci", BERTH_TEXT("berth::model", "OCI image"),
         BERTH_TEXT("berth::model", "An application container from an OCI image layout or a 'docker save' archive")},
    Text{"image", BERTH_TEXT("berth::model", "From an image"),
         BERTH_TEXT("berth::model",
                    "An application container from an image of a registry (debian:bookworm, "
                    "registry.example.com/team/app:1.0), pulled when it is not here yet; its layers are shared "
                    "with every container of the image")},
    Text{"clone", BERTH_TEXT("berth::model", "Clone"),
         BERTH_TEXT("berth::model", "A copy or a snapshot of an existing stopped container")},
    Text{"lxc-import", BERTH_TEXT("berth::model", "Import from LXC"),
         BERTH_TEXT("berth::model",
                    "An existing LXC container's directory (config and rootfs), converted; the original is left "
                    "untouched")},
};

constexpr std::array kOptions{
    // debian, ubuntu
    Text{"release", BERTH_TEXT("berth::model", "Release"), BERTH_TEXT("berth::model", "The release to install")},
    Text{
        "variant", BERTH_TEXT("berth::model", "Variant"),
        BERTH_TEXT("berth::model", "minbase: essential packages and apt only; default: also the 'important' priority")},
    Text{"mirror", BERTH_TEXT("berth::model", "Mirror"),
         BERTH_TEXT("berth::model", "The http or https URL of the archive to install from")},
    Text{"packages", BERTH_TEXT("berth::model", "Extra packages"),
         BERTH_TEXT("berth::model", "Packages to install as well, separated by commas or spaces")},
    Text{"root-password", BERTH_TEXT("berth::model", "Root password"),
         BERTH_TEXT("berth::model",
                    "The root account's password; empty leaves root without one (console login disabled)")},
    Text{"snapshot", BERTH_TEXT("berth::model", "Snapshot"),
         BERTH_TEXT("berth::model",
                    "Make the root filesystem an overlayfs snapshot of the cached installation (instant, shares "
                    "unchanged files) instead of a full copy")},
    // tarball
    Text{"archive", BERTH_TEXT("berth::model", "Archive"),
         BERTH_TEXT("berth::model", "The archive holding the root filesystem")},
    // oci
    Text{"image", BERTH_TEXT("berth::model", "Image"),
         BERTH_TEXT("berth::model", "An OCI image layout directory or a 'docker save' archive")},
    Text{"reference", BERTH_TEXT("berth::model", "Reference"),
         BERTH_TEXT("berth::model", "Which image of the archive to use (its tag), when it holds several")},
    // image
    Text{"image/reference", BERTH_TEXT("berth::model", "Image"),
         BERTH_TEXT("berth::model",
                    "The image's name ([REGISTRY/]REPOSITORY[:TAG|@DIGEST]); a short name such as 'debian' is "
                    "looked up as Docker does")},
    // clone
    Text{"source", BERTH_TEXT("berth::model", "Source"), BERTH_TEXT("berth::model", "The stopped container to clone")},
    Text{"clone/snapshot", BERTH_TEXT("berth::model", "Snapshot"),
         BERTH_TEXT("berth::model",
                    "Make the root filesystem an overlayfs snapshot of the source (instant, shares unchanged "
                    "files) instead of a full copy")},
    // lxc-import
    Text{"directory", BERTH_TEXT("berth::model", "LXC container directory"),
         BERTH_TEXT("berth::model", "The container's directory, such as /var/lib/lxc/NAME")},
};

} // namespace

std::span<const Text> templateTexts()
{
    return kTemplates;
}

std::span<const Text> optionTexts()
{
    return kOptions;
}

} // namespace berth::model
