// Applying an image's layers, in order, onto a root filesystem.
#pragma once

#include "berth/error.h"
#include "berth/templates.h"
#include "image/oci_resolve.h"

#include <vector>

namespace berth::image {

// Extracts each layer (tar, tar+gzip, tar+zstd: libarchive detects which)
// onto rootFd after checking the blob's digest, handling whiteouts as they
// come: ".wh.NAME" removes NAME of the layers below, ".wh..wh..opq" empties
// its directory. Device nodes are refused (EPERM): image layers made by
// docker or buildah do not carry them (the runtime gives /dev its own
// nodes), so one in a layer is suspect. Between layers `progress` is told
// the step and asked whether to stop (ECANCELED).
//
// Whiteouts are applied where they appear in the stream; the spec asks
// layer writers to put them before the entries of the same directory,
// which is what docker, buildah and containerd do.
[[nodiscard]] Status applyLayers(int layoutFd, const std::vector<LayerRef>& layers, int rootFd,
                                 const Progress& progress);

} // namespace berth::image
