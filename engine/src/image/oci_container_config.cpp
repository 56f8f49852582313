#include "image/oci_container_config.h"

#include "berth/config.h"
#include "berth/model/units.h"
#include "config/new_container_config.h"

#include <cerrno>
#include <utility>

namespace berth::image {

std::vector<std::string> composeCommand(const ImageConfig& image, const ProcessOverrides& overrides)
{
    std::vector<std::string> command = overrides.entrypoint.value_or(image.entrypoint);
    const std::vector<std::string>& args =
        !overrides.command.empty() || overrides.entrypoint ? overrides.command : image.cmd;
    command.insert(command.end(), args.begin(), args.end());
    return command;
}

std::string effectiveUser(const ImageConfig& image, const ProcessOverrides& overrides)
{
    return overrides.user.empty() ? image.user : overrides.user;
}

namespace {

std::string joinWords(const std::vector<std::string>& words, bool quote)
{
    std::string text;
    for (const std::string& word : words)
        text += (text.empty() ? "" : " ") + (quote ? quoteArgument(word) : word);
    return text;
}

Status setCommand(Config& config, const ImageConfig& image, const ProcessOverrides& overrides)
{
    if (config.get("berth.kind") != "application")
        return {};
    const std::vector<std::string> command = composeCommand(image, overrides);
    if (command.empty() || command.front().empty())
        return failWith(EINVAL, "the image has no Entrypoint or Cmd: give the container a command");
    return config.set("lxc.execute.cmd", joinWords(command, true));
}

Status setWorkingDir(Config& config, const std::string& workingDir, const char* what)
{
    // Docker takes a relative WorkingDir from the root.
    const std::string cwd = workingDir.starts_with('/') ? workingDir : "/" + workingDir;
    if (auto ok = config.set("lxc.init.cwd", cwd); !ok)
        return fail(ok.error().wrap(what));
    return {};
}

// StopSignal is what stops the container (lxc.signal.halt), checked now
// as the runtime will read it.
Status setStopSignal(Config& config, const std::string& stopSignal)
{
    if (stopSignal.empty())
        return {};
    if (!model::parseSignal(stopSignal))
        return failWith(EINVAL, "the image's StopSignal '" + stopSignal + "' is not a signal");
    return config.set("lxc.signal.halt", stopSignal);
}

Status setProcess(Config& config, const ImageConfig& image, const ProcessOverrides& overrides,
                  const std::optional<ImageUser>& user)
{
    for (const std::string& env : image.env) {
        // A bare name would pass on the helper's own variable: skip it.
        if (env.find('=') == std::string::npos)
            continue;
        if (auto ok = config.append("lxc.environment", env); !ok)
            return fail(ok.error().wrap("the image's Env"));
    }
    if (!overrides.workingDir.empty()) {
        if (auto ok = setWorkingDir(config, overrides.workingDir, "the working directory"); !ok)
            return ok;
    } else if (!image.workingDir.empty()) {
        if (auto ok = setWorkingDir(config, image.workingDir, "the image's WorkingDir"); !ok)
            return ok;
    }
    if (auto ok = setStopSignal(config, image.stopSignal); !ok)
        return ok;
    if (!user)
        return {};
    if (auto ok = config.set("lxc.init.uid", std::to_string(user->uid)); !ok)
        return ok;
    return config.set("lxc.init.gid", std::to_string(user->gid));
}

Status setOrigin(Config& config, const ImageConfig& image, const ImageOrigin& origin)
{
    const std::pair<const char*, std::string> keys[] = {
        {"berth.image.expose", joinWords(image.exposedPorts, false)},
        {"berth.image.id", origin.id},
        {"berth.image.digest", origin.digest},
        {"berth.image.reference", origin.reference},
    };
    for (const auto& [key, value] : keys)
        if (!value.empty())
            if (auto ok = config.set(key, value); !ok)
                return fail(ok.error().wrap(key));
    return {};
}

} // namespace

Result<std::string> imageContainerConfig(std::string_view baseConfig, const ImageConfig& image,
                                         const ProcessOverrides& overrides, const std::optional<ImageUser>& user,
                                         const ImageOrigin& origin)
{
    auto config = Config::parse(baseConfig);
    if (!config)
        return fail(config.error());
    if (auto ok = setCommand(*config, image, overrides); !ok)
        return fail(ok.error());
    if (auto ok = setProcess(*config, image, overrides, user); !ok)
        return fail(ok.error());
    if (auto ok = setOrigin(*config, image, origin); !ok)
        return fail(ok.error());
    return config->serialize();
}

} // namespace berth::image
