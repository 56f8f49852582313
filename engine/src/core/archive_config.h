// The config a container archive (image/container_archive.h) carries: what
// export writes of a container's config, and what the tarball template
// makes of an archive's config for the new container. Pure text work.
#pragma once

#include "berth/engine.h"

#include <string>
#include <vector>

namespace berth {

// The stored config without what ties it to this host's store: its rootfs
// path, its block of IDs and how its rootfs is owned on disk (the archive
// holds the rootfs as seen inside). berth.privileged stays, so that an
// import knows the container was privileged. A config with lxc.include is
// refused: the archive could not carry what it names.
[[nodiscard]] Result<std::string> exportedConfig(const std::string& storedText);

// The new container's config from an archive's (untrusted: parsed without
// includes and checked as any config): the rootfs, name and template of
// `request`, the network of `baseConfig` when the request names one, and
// its kind and command when it gives a command. The archive's user
// namespace is dropped (creation gives a new block), and a privileged
// container's archive is refused (EPERM) unless the request is privileged.
[[nodiscard]] Result<std::string> importedConfig(const std::string& archiveText, const CreateRequest& request,
                                                 const std::string& baseConfig);

// The imported config without the static addresses, MACs and veth names
// (lxc.net.N.ipv4.address, ipv6.address, hwaddr, veth.pair) that one of
// `otherConfigs` gives its own interface:
// the copy of a container that still exists then takes a lease and a MAC of
// its own name, instead of a clash at start.
[[nodiscard]] Result<std::string> withoutTakenAddresses(const std::string& text,
                                                        const std::vector<std::string>& otherConfigs);

} // namespace berth
