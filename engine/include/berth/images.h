// Images pulled from registries and kept in Berth's image store (issue
// #21): what a pull is given, and what the store says of an image.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace berth {

// A registry login the caller's client read from the caller's own files
// (~/.docker/config.json, $XDG_RUNTIME_DIR/containers/auth.json) and handed
// over for one pull: never stored, never logged.
struct RegistryCredential {
    std::string registry; // as a reference names it: "docker.io", "localhost:5000"
    std::string username; // empty: `secret` is an identity token (a refresh token)
    std::string secret;   // the password or the token
};

struct PullRequest {
    // As typed: "debian", "debian:bookworm", "localhost:5000/team/app@sha256:<hex>".
    // Short names resolve as model/image_reference.h says.
    std::string reference;
    std::vector<RegistryCredential> credentials;
};

// An image in the store.
struct ImageInfo {
    std::string id;                 // the config's digest, "sha256:<hex>" (Docker's image ID)
    std::vector<std::string> names; // fully qualified, "docker.io/library/debian:bookworm"
    std::string manifestDigest;     // of the platform's manifest, "sha256:<hex>"
    std::string os, architecture, variant;
    std::int64_t created = 0;     // seconds since the epoch; 0 unknown
    std::uint64_t size = 0;       // bytes of its extracted layers on disk
    std::uint64_t sharedSize = 0; // of those, bytes in layers another image uses too
    unsigned layers = 0;
    unsigned sharedLayers = 0;       // layers another image uses too
    std::vector<std::string> usedBy; // containers made from it

    // The image's config, what a container of it runs (the wizard pre-fills it).
    std::vector<std::string> entrypoint;
    std::vector<std::string> cmd;
    std::vector<std::string> env; // "KEY=VALUE"
    std::string workingDir;
    std::string user;
    std::string stopSignal;
    std::vector<std::string> exposedPorts; // "80/tcp", "53/udp"
    std::map<std::string, std::string> labels;
};

struct PruneResult {
    std::vector<std::string> removedImages; // ids
    std::vector<std::string> removedLayers; // diff IDs
    std::uint64_t bytesFreed = 0;
};

} // namespace berth
