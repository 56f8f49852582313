// The busybox template as a builder of the registry.
#include "berth/model/container_name.h"
#include "config/new_container_config.h"
#include "fs/atomic_file.h"
#include "template/busybox_template.h"
#include "template/template_build.h"

namespace berth::templates {

Status buildBusybox(const BuildContext& ctx)
{
    const CreateRequest& request = ctx.request;
    const std::string hostname = model::containerHostname(request.name, request.hostname);
    // Must match lxc.tty.max in the config: one getty per tty the container gets.
    const unsigned ttys = request.kind == ContainerKind::System ? kSystemContainerTtys : 0;
    ctx.progress.step("Installing busybox", 0.1);
    if (auto built = buildBusyboxRootfs(ctx.staging / "rootfs", {.hostname = hostname, .ttys = ttys}); !built)
        return built;
    return fs::writeStagedFile(ctx.staging / "config", ctx.baseConfig, 0640);
}

} // namespace berth::templates
