// The layers of one pull, fetched and extracted into the image store by up
// to three worker threads while the calling thread reports their progress
// (Progress reports stay on the operation's own thread) and watches for a
// cancel.
#pragma once

#include "berth/error.h"
#include "berth/templates.h"
#include "image_store/store_dirs.h"
#include "registry/remote_image.h"
#include "registry/session.h"

namespace berth {

// Layers already in the store are reported "exists" and not fetched. A
// failure stops the others (its error is returned); a cancel is ECANCELED
// and discards the downloads of the layers not yet extracted (a pull
// stopped by its caller leaves no partial blob); after any other failure
// they stay, so the next pull resumes them. Layers extracted completely
// stay in the store (valid content; prune removes them when unused).
[[nodiscard]] Status fetchLayers(registry::Session& session, const registry::RemoteImage& remote,
                                 const image_store::StoreDirs& dirs, const Progress& progress);

} // namespace berth
