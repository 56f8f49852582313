// The helper's Create takes no address: a static one is written into the
// new container's config afterwards, as the line the engine reads
// (lxc.net.0.ipv4.address, engine/src/net/net_spec.cpp), right after the
// lxc.net.0.link line the engine wrote for the bridge
// (engine/src/core/new_container_config.cpp).
#pragma once

#include <QString>

#include <optional>

namespace berth::gui {

// `config` with "lxc.net.0.ipv4.address = `cidr`" after its lxc.net.0.link
// line, replacing any address line there was; none without a link line
// (the container is on no bridge).
[[nodiscard]] std::optional<QString> configWithStaticAddress(const QString& config, const QString& cidr);

} // namespace berth::gui
