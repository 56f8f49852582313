#include "image/oci_image_config.h"

#include "image/oci_digest.h"
#include "image/oci_json.h"

#include <algorithm>
#include <cerrno>

namespace berth::image {

namespace {

Result<std::vector<std::string>> exposedPorts(const Json& process, std::string_view what)
{
    // An object whose keys are the ports ("80/tcp": {}); the values carry nothing.
    auto ports = optionalObject(process, "ExposedPorts", what);
    if (!ports)
        return fail(ports.error());
    std::vector<std::string> list;
    if (*ports)
        for (const auto& item : (*ports)->items())
            list.push_back(item.key());
    std::sort(list.begin(), list.end());
    return list;
}

Status readProcess(const Json& process, ImageConfig& image, std::string_view what)
{
    auto entrypoint = stringArray(process, "Entrypoint", what);
    auto cmd = stringArray(process, "Cmd", what);
    auto env = stringArray(process, "Env", what);
    auto cwd = optionalString(process, "WorkingDir", what);
    auto user = optionalString(process, "User", what);
    auto ports = exposedPorts(process, what);
    for (const Error* e :
         {entrypoint ? nullptr : &entrypoint.error(), cmd ? nullptr : &cmd.error(), env ? nullptr : &env.error(),
          cwd ? nullptr : &cwd.error(), user ? nullptr : &user.error(), ports ? nullptr : &ports.error()})
        if (e)
            return fail(*e);
    image.entrypoint = std::move(*entrypoint);
    image.cmd = std::move(*cmd);
    image.env = std::move(*env);
    image.workingDir = cwd->value_or("");
    image.user = user->value_or("");
    image.exposedPorts = std::move(*ports);
    return {};
}

Result<std::vector<std::string>> diffIds(const Json& document, std::string_view what)
{
    auto rootfs = optionalObject(document, "rootfs", what);
    if (!rootfs)
        return fail(rootfs.error());
    if (!*rootfs)
        return std::vector<std::string>();
    auto ids = stringArray(**rootfs, "diff_ids", what);
    if (!ids)
        return fail(ids.error());
    for (const std::string& id : *ids)
        if (auto hex = parseSha256Digest(id); !hex)
            return fail(hex.error().wrap(std::string(what) + ": rootfs.diff_ids"));
    return ids;
}

} // namespace

Result<ImageConfig> parseImageConfig(std::string_view text, std::string_view what)
{
    auto document = parseJsonObject(text, what);
    if (!document)
        return fail(document.error());
    ImageConfig image;
    auto process = optionalObject(*document, "config", what);
    if (!process)
        return fail(process.error());
    if (*process)
        if (auto ok = readProcess(**process, image, what); !ok)
            return fail(ok.error());
    auto ids = diffIds(*document, what);
    if (!ids)
        return fail(ids.error());
    image.diffIds = std::move(*ids);
    return image;
}

} // namespace berth::image
