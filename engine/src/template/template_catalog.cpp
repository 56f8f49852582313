// The templates Berth offers and the options each one takes. The CLI and
// the GUI wizard build their forms from this table; the builders behind
// each name are in template_build.h.
#include "berth/templates.h"
#include "template/debootstrap_command.h"

#include <algorithm>

namespace berth {

namespace {

TemplateOption snapshotOption(const char* what)
{
    return {.key = "snapshot",
            .type = OptionType::Boolean,
            .label = "Snapshot",
            .description = std::string("Make the root filesystem an overlayfs snapshot of ") + what +
                           " (instant, shares unchanged files) instead of a full copy",
            .defaultValue = "false"};
}

std::vector<TemplateOption> debootstrapOptions(std::vector<std::string> releases, const std::string& mirror)
{
    std::string defaultRelease = releases.front();
    return {
        {.key = "release",
         .type = OptionType::Choice,
         .label = "Release",
         .description = "The release to install",
         .defaultValue = defaultRelease,
         .choices = std::move(releases)},
        {.key = "variant",
         .type = OptionType::Choice,
         .label = "Variant",
         .description = "minbase: essential packages and apt only; default: also the 'important' priority",
         .defaultValue = "minbase",
         .choices = {"minbase", "default"}},
        {.key = "mirror",
         .type = OptionType::String,
         .label = "Mirror",
         .description = "The http or https URL of the archive to install from",
         .defaultValue = mirror,
         .changesSource = true},
        {.key = "packages",
         .type = OptionType::List,
         .label = "Extra packages",
         .description = "Packages to install as well, separated by commas or spaces"},
        {.key = "root-password",
         .type = OptionType::Secret,
         .label = "Root password",
         .description = "The root account's password; empty leaves root without one (console login disabled)"},
        snapshotOption("the cached installation"),
    };
}

std::vector<TemplateInfo> makeCatalog()
{
    return {
        {.name = "busybox",
         .label = "BusyBox",
         .description = "A tiny system from the host's busybox-static, created instantly"},
        {.name = "debian",
         .label = "Debian",
         .description = "Debian installed with debootstrap and cached for the next container",
         .options = debootstrapOptions({"bookworm", "trixie", "bullseye", "sid"}, templates::defaultMirror("debian"))},
        {.name = "ubuntu",
         .label = "Ubuntu",
         .description = "Ubuntu installed with debootstrap and cached for the next container",
         .options = debootstrapOptions({"jammy", "noble", "focal"}, templates::defaultMirror("ubuntu"))},
        {.name = "tarball",
         .label = "Root filesystem archive",
         .description = "A root filesystem from a tar archive (tar, tar.gz, tar.xz, tar.zst)",
         .options = {{.key = "archive",
                      .type = OptionType::File,
                      .label = "Archive",
                      .description = "The archive holding the root filesystem",
                      .required = true}}},
        {.name = "oci",
         .label = "OCI image",
         .description = "An application container from an OCI image layout or a 'docker save' archive",
         .defaultKind = ContainerKind::Application,
         .options = {{.key = "image",
                      .type = OptionType::File,
                      .label = "Image",
                      .description = "An OCI image layout directory or a 'docker save' archive",
                      .required = true,
                      .acceptsDirectory = true},
                     {.key = "reference",
                      .type = OptionType::String,
                      .label = "Reference",
                      .description = "Which image of the archive to use (its tag), when it holds several"}}},
        {.name = "clone",
         .label = "Clone",
         .description = "A copy or a snapshot of an existing stopped container",
         .options = {{.key = "source",
                      .type = OptionType::Container,
                      .label = "Source",
                      .description = "The stopped container to clone",
                      .required = true},
                     snapshotOption("the source")}},
        {.name = "lxc-import",
         .label = "Import from LXC",
         .description =
             "An existing LXC container's directory (config and rootfs), converted; the original is left untouched",
         .options = {{.key = "directory",
                      .type = OptionType::File,
                      .label = "LXC container directory",
                      .description = "The container's directory, such as /var/lib/lxc/NAME",
                      .required = true,
                      .acceptsDirectory = true,
                      .acceptsFile = false}}},
    };
}

} // namespace

const std::vector<TemplateInfo>& templateCatalog()
{
    static const std::vector<TemplateInfo> catalog = makeCatalog();
    return catalog;
}

const TemplateInfo* findTemplate(std::string_view name)
{
    const auto& catalog = templateCatalog();
    auto found = std::find_if(catalog.begin(), catalog.end(), [&](const TemplateInfo& t) { return t.name == name; });
    return found == catalog.end() ? nullptr : &*found;
}

} // namespace berth
