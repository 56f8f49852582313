#include "image/oci_layers.h"

#include "image/archive_extract.h"
#include "image/oci_layout.h"
#include "image/whiteouts.h"

#include <string>

namespace berth::image {

namespace {

// Layer progress runs from 10% to 90% of the whole creation.
constexpr double kFirst = 0.1, kLast = 0.9;

Status applyLayer(int layoutFd, const LayerRef& layer, int rootFd)
{
    auto blob = openVerified(layoutFd, layer.path, layer.digest, layer.size);
    if (!blob)
        return fail(blob.error());
    ExtractOptions options;
    options.allowDevices = false;
    options.beforeEntry = [rootFd](std::string_view path) -> Result<bool> {
        bool consumed = false;
        if (auto ok = applyLayerEntryWhiteout(rootFd, path, &consumed); !ok)
            return fail(ok.error());
        return consumed;
    };
    if (auto ok = extractArchive(blob->get(), rootFd, options); !ok)
        return fail(ok.error().wrap("layer " + layer.digest));
    return {};
}

} // namespace

Status applyLayers(int layoutFd, const std::vector<LayerRef>& layers, int rootFd, const Progress& progress)
{
    const double count = static_cast<double>(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (auto ok = progress.check(); !ok)
            return ok;
        progress.step("Applying layer " + std::to_string(i + 1) + " of " + std::to_string(layers.size()),
                      kFirst + (kLast - kFirst) * static_cast<double>(i) / count);
        if (auto ok = applyLayer(layoutFd, layers[i], rootFd); !ok)
            return ok;
    }
    return progress.check();
}

} // namespace berth::image
