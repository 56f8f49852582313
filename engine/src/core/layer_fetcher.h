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
// failure stops the others (its error is returned; a cancel is ECANCELED)
// and discards the downloads of the layers not yet extracted: a pull that
// answered with an error leaves no partial blob (a registry that lied or
// broke off is not trusted with a resume). What resumes is a pull that was
// killed (the helper, the machine): its .partial files stay, and the next
// pull of the blob continues them with a Range request. Layers extracted
// completely stay in the store (valid content; prune removes them when
// unused).
[[nodiscard]] Status fetchLayers(registry::Session& session, const registry::RemoteImage& remote,
                                 const image_store::StoreDirs& dirs, const Progress& progress);

} // namespace berth
