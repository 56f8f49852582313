// The last step of a pull: the image's manifest and config kept, its
// record written, its name moved to it.
#pragma once

#include "berth/error.h"
#include "image_store/image_record.h"
#include "image_store/store_dirs.h"

#include <string>
#include <vector>

namespace berth::image_store {

struct NewImage {
    std::string name;                      // fully qualified ("docker.io/library/debian:bookworm"); "" for none
    std::string manifestDigest;            // of `manifest`
    std::string manifest;                  // verified bytes; "" when there is none to keep
    std::string config;                    // verified bytes; the image's id is their sha256
    std::vector<std::string> layerDigests; // the compressed blobs, bottom first (one per diff ID)
};

// Under records.lock (the caller holds the store's lock shared): checks
// that every layer of the config's rootfs.diff_ids is in the store (EIO
// otherwise), writes the manifest and config to blobs/, then the record
// (an image already there, by id, gains the name), and takes the name from
// any other image, which stays nameless ("<none>", as Docker's dangling
// images) until `prune` or `rm` removes it.
[[nodiscard]] Result<ImageRecord> commitImage(const StoreDirs& dirs, const NewImage& image);

} // namespace berth::image_store
