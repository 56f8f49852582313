// One layer blob from a registry into the downloads directory (issue #21),
// verified (sha256 and size) while it streams, resumable, and downloaded
// once however many pulls want it at the same time.
#pragma once

#include "berth/error.h"
#include "berth/model/image_reference.h"
#include "berth/unique_fd.h"

namespace berth {
class Progress;
}

namespace berth::registry {

class Session;
struct LayerDescriptor;

// The blob `layer` of `reference`'s repository as a read-only fd at offset
// 0, its sha256 and size verified; the file is `<hex>` in
// `downloadsDirFd` (Paths::imagesDir()/downloads). It is written as
// `<hex>.partial` under a flock of `<hex>.lock`: a second caller for the
// same blob waits, then finds it complete ("exists", no download). An
// existing .partial is hashed and continued with a Range request (a 200
// answer starts it over; one larger than the blob is discarded). Bytes past
// the descriptor's size are refused at once; a digest mismatch removes the
// partial file. Cancel (ECANCELED) keeps the .partial for a later resume.
// Progress: `progress.item({digest, "downloading"|"verifying"|"exists", done, total})`,
// at most about ten times a second while bytes flow.
[[nodiscard]] Result<UniqueFd> fetchBlob(Session& session, const model::ImageReference& reference,
                                         const LayerDescriptor& layer, int downloadsDirFd, const Progress& progress);

} // namespace berth::registry
