// The cache of debootstrap'd root filesystems: one entry per distribution,
// release, variant, architecture, mirror, components, keyring and package
// set, built once and then copied or snapshotted by every container made
// from it. A build runs debootstrap's first stage on the host (download,
// signature check, extraction: no program of the target runs) and its
// second stage contained (contained_stage.h).
//
// <cacheDir>/<key>/rootfs/          the tree debootstrap made
// <cacheDir>/<key>/metadata.json    what was built, when, with which arguments
// <cacheDir>/.lock-<key>            flock'd while the entry is looked up or built
// <cacheDir>/.staging-<key>-<rand>/ a build in progress, renamed to <key> when done
#pragma once

#include "berth/error.h"
#include "berth/templates.h"
#include "template/debootstrap_command.h"

#include <filesystem>
#include <string>

namespace berth::templates {

struct CachedRootfs {
    std::filesystem::path rootfs; // <cacheDir>/<key>/rootfs
    bool built = false;           // false: an existing entry was reused
};

struct CacheBuildOptions {
    std::string program = "/usr/sbin/debootstrap";
    // The share of the caller's progress (0..1) the debootstrap run takes.
    double progressShare = 0.85;
    // See LoggedRunOptions: off only for tests without root.
    bool privateMounts = true;
    // Run the second stage (contained_stage.h) after `program`'s first.
    // Off only for tests whose stand-in for debootstrap makes the tree at once.
    bool secondStage = true;
};

// What a build needs on the host before it starts: the request's keyring
// and gpgv, which debootstrap checks the Release file's signature with.
// ENOENT naming the Debian package to install.
[[nodiscard]] Status checkSignatureTools(const DebootstrapRequest& request);

// The entry for `request`, built first when missing. Two callers asking
// for the same entry at once: the second waits for the first's build and
// reuses it. A failed or cancelled (ECANCELED) build leaves neither an
// entry nor its staging directory; its error names the mirror and what
// debootstrap said.
[[nodiscard]] Result<CachedRootfs> ensureCachedRootfs(const std::filesystem::path& cacheDir,
                                                      const DebootstrapRequest& request, const Progress& progress,
                                                      const CacheBuildOptions& options = {});

// metadata.json's text for an entry (pure, for tests): the request, the
// arguments and the build time; `buildId` tells one build from another.
[[nodiscard]] std::string cacheMetadata(const DebootstrapRequest& request, const std::vector<std::string>& arguments,
                                        long long builtAt, const std::string& buildId);

} // namespace berth::templates
