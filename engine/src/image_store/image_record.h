// One image of the store: images/<config hex>.json, written atomically.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image_store {

struct ImageRecord {
    std::string id;                 // "sha256:<hex>" of the config blob
    std::vector<std::string> names; // fully qualified references, each in one record at most
    std::string manifestDigest;
    std::string os, architecture, variant;
    std::int64_t created = 0;
    std::vector<std::string> diffIds;      // bottom first
    std::vector<std::string> layerDigests; // the compressed blobs, bottom first
    // The config's process fields, as a container of it runs.
    std::vector<std::string> entrypoint, cmd, env;
    std::string workingDir, user, stopSignal;
    std::vector<std::string> exposedPorts;
    std::map<std::string, std::string> labels;
};

[[nodiscard]] std::string recordText(const ImageRecord& record);
[[nodiscard]] Result<ImageRecord> parseRecord(std::string_view text, std::string_view what);

// Every record of images/ (files that do not parse are skipped: one broken
// record must not hide the others), sorted by id.
[[nodiscard]] Result<std::vector<ImageRecord>> readRecords(int imagesFd);
[[nodiscard]] Status writeRecord(int imagesFd, const ImageRecord& record);
// ENOENT is not an error.
[[nodiscard]] Status removeRecord(int imagesFd, std::string_view id);

} // namespace berth::image_store
