// The templates Berth offers and the options each one takes. The CLI and
// the GUI wizard build their forms from this table; the builders behind
// each name are in template_build.h. Their English labels and descriptions
// are model's (berth/model/texts.h), keyed by name, which the GUI translates.
#include "berth/model/texts.h"
#include "berth/templates.h"
#include "template/debootstrap_command.h"

#include <algorithm>

namespace berth {

namespace {

TemplateOption snapshotOption()
{
    return {.key = "snapshot", .type = OptionType::Boolean, .defaultValue = "false"};
}

std::vector<TemplateOption> debootstrapOptions(std::vector<std::string> releases, const std::string& mirror)
{
    std::string defaultRelease = releases.front();
    return {
        {.key = "release", .type = OptionType::Choice, .defaultValue = defaultRelease, .choices = std::move(releases)},
        {.key = "variant", .type = OptionType::Choice, .defaultValue = "minbase", .choices = {"minbase", "default"}},
        {.key = "mirror", .type = OptionType::String, .defaultValue = mirror, .changesSource = true},
        {.key = "packages", .type = OptionType::List},
        {.key = "root-password", .type = OptionType::Secret},
        snapshotOption(),
    };
}

std::vector<TemplateInfo> makeCatalog()
{
    return {
        {.name = "busybox"},
        {.name = "debian",
         .options = debootstrapOptions({"bookworm", "trixie", "bullseye", "sid"}, templates::defaultMirror("debian"))},
        {.name = "ubuntu",
         .options = debootstrapOptions({"jammy", "noble", "focal"}, templates::defaultMirror("ubuntu"))},
        {.name = "tarball", .options = {{.key = "archive", .type = OptionType::File, .required = true}}},
        {.name = "oci",
         .defaultKind = ContainerKind::Application,
         .options = {{.key = "image", .type = OptionType::File, .required = true, .acceptsDirectory = true},
                     {.key = "reference", .type = OptionType::String}}},
        {.name = "image",
         .defaultKind = ContainerKind::Application,
         .options = {{.key = "reference", .type = OptionType::String, .required = true}}},
        {.name = "clone",
         .options = {{.key = "source", .type = OptionType::Container, .required = true}, snapshotOption()}},
        {.name = "lxc-import",
         .options = {{.key = "directory",
                      .type = OptionType::File,
                      .required = true,
                      .acceptsDirectory = true,
                      .acceptsFile = false}}},
    };
}

// Empty for a name model has no text for (a test catches it).
model::Text textOf(const model::Text* text)
{
    return text ? *text : model::Text{};
}

std::vector<TemplateInfo> withTexts(std::vector<TemplateInfo> catalog)
{
    for (TemplateInfo& info : catalog) {
        const model::Text text = textOf(model::findText(model::templateTexts(), info.name));
        info.label = text.label;
        info.description = text.description;
        for (TemplateOption& option : info.options) {
            const model::Text optionText = textOf(model::findOptionText(info.name, option.key));
            option.label = optionText.label;
            option.description = optionText.description;
        }
    }
    return catalog;
}

} // namespace

const std::vector<TemplateInfo>& templateCatalog()
{
    static const std::vector<TemplateInfo> catalog = withTexts(makeCatalog());
    return catalog;
}

const TemplateInfo* findTemplate(std::string_view name)
{
    const auto& catalog = templateCatalog();
    auto found = std::find_if(catalog.begin(), catalog.end(), [&](const TemplateInfo& t) { return t.name == name; });
    return found == catalog.end() ? nullptr : &*found;
}

} // namespace berth
