// What every template's builder gets, and the builders themselves.
// Engine::create validates the request, locks, and calls the template's
// builder on a staging directory that is renamed into place on success
// and removed on failure.
#pragma once

#include "berth/engine.h"
#include "berth/templates.h"

#include <filesystem>
#include <string>

namespace berth::templates {

struct BuildContext {
    const EngineSettings& settings;
    const CreateRequest& request;
    const TemplateOptions& options; // validated, defaults filled
    const Progress& progress;
    std::filesystem::path staging; // fill rootfs/ (or delta/ for snapshots) and config
    // The config text a new container of this request gets (rootfs in its
    // final place, network, kind, command); builders amend it as they need.
    std::string baseConfig;
};

using BuildFunction = Status (*)(const BuildContext&);

[[nodiscard]] Status buildBusybox(const BuildContext& ctx);
[[nodiscard]] Status buildTarball(const BuildContext& ctx);
[[nodiscard]] Status buildClone(const BuildContext& ctx);
[[nodiscard]] Status buildDebootstrap(const BuildContext& ctx); // debian, ubuntu
[[nodiscard]] Status buildOci(const BuildContext& ctx);
[[nodiscard]] Status buildLxcImport(const BuildContext& ctx);

} // namespace berth::templates
