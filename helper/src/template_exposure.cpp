#include "template_exposure.h"

namespace berth::helper {

std::vector<std::string> templateSourceExposures(const TemplateInfo& info, const TemplateOptions& validated)
{
    std::vector<std::string> out;
    for (const TemplateOption& option : info.options) {
        const auto given = validated.find(option.key);
        if (!option.changesSource || given == validated.end() || given->second == option.defaultValue)
            continue;
        out.push_back("template '" + info.name + "' option '" + option.key + "' = '" + given->second +
                      "' installs from another source than the template's own ('" + option.defaultValue +
                      "'): what it serves runs as the container's root and is cached for other users");
    }
    return out;
}

} // namespace berth::helper
