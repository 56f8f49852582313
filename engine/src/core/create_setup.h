// A CreateSetup (berth/engine.h) made part of a new container: its lines
// written into the staged config, then checked against this host and the
// other containers, before the store renames the container into place.
#pragma once

#include "berth/config.h"
#include "berth/engine.h"
#include "berth/unique_fd.h"
#include "net/ipv4.h"

#include <string>

namespace berth {

// Writes the setup's lines into `config` (a new container's, whose eth0 is
// on `network`). A bare address gets its bridge's prefix; an address
// without a network is EINVAL.
[[nodiscard]] Status writeSetup(const EngineSettings& settings, const std::string& network, const CreateSetup& setup,
                                Config& config);

// The setup holds on this host: the limits (every file, every range), each
// forward's host port free (no other container's, no host listener), and
// the address inside its bridge's subnet, not the bridge's own and held by
// no other container. Called with the network lock (`networkLock`) held
// until the container is in place, so no other creation or start takes
// the address in between.
[[nodiscard]] Status checkSetupOnHost(const EngineSettings& settings, const std::string& name,
                                      const std::string& network, const CreateSetup& setup);

// A static address as the setup takes it: "10.0.3.20" gets the prefix of
// `network` (one of Berth's bridges), "10.0.3.20/24" stays as given.
[[nodiscard]] Result<net::Ipv4Cidr> resolveStaticAddress(const Paths& paths, const std::string& network,
                                                         const std::string& text);

// The address holds on `network` as the setup's does: inside the bridge's
// subnet, not its own address, held by no container but `name`. Called
// with the network lock held. Any address holds on a bridge of the host's.
[[nodiscard]] Status checkStaticAddressOnHost(const EngineSettings& settings, const std::string& name,
                                              const std::string& network, const std::string& text);

// The staged config with the setup written in, checked as a whole.
[[nodiscard]] Status applySetupToStaged(const EngineSettings& settings, const CreateRequest& request,
                                        const std::filesystem::path& configFile);

} // namespace berth
