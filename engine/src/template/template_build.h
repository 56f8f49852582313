// What every template's builder gets, and the builders themselves.
// Engine::create validates the request, locks, and calls the template's
// builder on a staging directory that is renamed into place on success
// and removed on failure.
#pragma once

#include "berth/engine.h"
#include "berth/templates.h"
#include "image_store/image_store.h"

#include <filesystem>
#include <functional>
#include <optional>
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
    // image: pulls an image into the store (Engine::pullImage with the
    // create's progress), and the slot that keeps the image's UseLock until
    // the container is in place (Engine::create holds it past the rename).
    std::function<Result<ImageInfo>(const PullRequest&)> pullImage = {};
    std::optional<image_store::UseLock>* imageUse = nullptr;
};

using BuildFunction = Status (*)(const BuildContext&);

[[nodiscard]] Status buildBusybox(const BuildContext& ctx);
[[nodiscard]] Status buildTarball(const BuildContext& ctx);
[[nodiscard]] Status buildClone(const BuildContext& ctx);
[[nodiscard]] Status buildDebootstrap(const BuildContext& ctx); // debian, ubuntu
[[nodiscard]] Status buildOci(const BuildContext& ctx);
[[nodiscard]] Status buildImage(const BuildContext& ctx); // from Berth's image store, pulled when missing
// The image template's work once the image is found (tests give a stored image of their own).
[[nodiscard]] Status buildFromStoredImage(const BuildContext& ctx, const image_store::StoredImage& stored,
                                          const std::string& reference);
[[nodiscard]] Status buildLxcImport(const BuildContext& ctx);

} // namespace berth::templates
