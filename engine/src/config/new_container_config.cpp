#include "config/new_container_config.h"

#include "berth/model/container_name.h"

namespace berth {

std::string quoteArgument(const std::string& arg)
{
    if (!arg.empty() && arg.find_first_of(" \t\n'\"\\#$`") == std::string::npos)
        return arg;
    std::string quoted = "'";
    for (char c : arg) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

std::string newContainerConfig(const CreateRequest& request, const std::filesystem::path& rootfs)
{
    const std::string hostname = model::containerHostname(request.name, request.hostname);
    std::string text = "# Berth container '" + request.name + "', template " + request.templateName + "\n";
    text += "lxc.uts.name = " + hostname + "\n";
    text += "berth.template = " + request.templateName + "\n";
    text += "lxc.rootfs.path = dir:" + rootfs.string() + "\n";
    text += "lxc.mount.auto = proc:mixed sys:ro\n";
    if (request.network.empty()) {
        text += "lxc.net.0.type = empty\n";
    } else {
        text += "lxc.net.0.type = veth\n";
        text += "lxc.net.0.link = " + request.network + "\n";
        text += "lxc.net.0.name = eth0\n";
        text += "lxc.net.0.flags = up\n";
    }
    if (request.kind == ContainerKind::Application) { // unset counts as system
        std::string command;
        for (const std::string& arg : request.command)
            command += (command.empty() ? "" : " ") + quoteArgument(arg);
        text += "berth.kind = application\n";
        text += "lxc.execute.cmd = " + command + "\n";
    } else {
        text += "berth.kind = system\n";
        text += "lxc.init.cmd = /sbin/init\n";
        // busybox init halts on SIGPWR (LXC's default halt signal too).
        text += "lxc.signal.halt = SIGPWR\n";
        text += "lxc.tty.max = " + std::to_string(kSystemContainerTtys) + "\n";
    }
    return text;
}

} // namespace berth
