#include "image_store/config_details.h"

namespace berth::image_store {

void takeConfig(image::ImageConfig config, ImageRecord& record)
{
    record.entrypoint = std::move(config.entrypoint);
    record.cmd = std::move(config.cmd);
    record.env = std::move(config.env);
    record.workingDir = std::move(config.workingDir);
    record.user = std::move(config.user);
    record.exposedPorts = std::move(config.exposedPorts);
    record.diffIds = std::move(config.diffIds);
    record.stopSignal = std::move(config.stopSignal);
    record.labels = std::move(config.labels);
    record.created = config.created;
    record.os = std::move(config.os);
    record.architecture = std::move(config.architecture);
    record.variant = std::move(config.variant);
}

Status readConfigDetails(std::string_view configText, ImageRecord& record)
{
    auto config = image::parseImageConfig(configText, "image config " + record.id);
    if (!config)
        return fail(config.error());
    takeConfig(std::move(*config), record);
    return {};
}

} // namespace berth::image_store
