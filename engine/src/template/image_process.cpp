#include "template/image_process.h"

#include "berth/config.h"
#include "spec/container_spec.h"

namespace berth::templates {

image::ProcessOverrides processOverrides(const CreateRequest& request)
{
    return {.command = request.command,
            .entrypoint = request.setup.entrypoint,
            .workingDir = request.setup.workingDir,
            .user = request.setup.user};
}

Result<std::optional<image::ImageUser>> lookUpImageUser(const std::string& user, const ImageFileReader& read)
{
    if (user.empty())
        return std::optional<image::ImageUser>();
    auto passwd = read("/etc/passwd");
    auto group = read("/etc/group");
    if (!passwd || !group)
        return fail((!passwd ? passwd.error() : group.error()).wrap("read the image's user database"));
    auto resolved = image::resolveImageUser(user, *passwd, *group);
    if (!resolved)
        return fail(resolved.error());
    return std::optional<image::ImageUser>(*resolved);
}

Status checkImageContainerConfig(const std::string& text)
{
    auto config = Config::parse(text);
    if (!config)
        return fail(config.error());
    if (auto spec = ContainerSpec::fromConfig(*config); !spec)
        return fail(spec.error().wrap("the image's config"));
    return {};
}

} // namespace berth::templates
