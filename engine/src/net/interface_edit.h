// Edits of one interface's lxc.net.N.* lines in a config, as
// Engine::addInterface/setInterface/removeInterface make them: only the
// interface's own lines change, every other line and comment stays.
#pragma once

#include "berth/config.h"
#include "berth/engine.h"

namespace berth::net {

// The index a new interface gets: one after the highest (0 when none).
[[nodiscard]] Result<unsigned> nextInterfaceIndex(const Config& config);

// EINVAL when the config declares no interface `index`.
[[nodiscard]] Status requireInterface(const Config& config, unsigned index);

// Sets the fields `change` holds on lxc.net.`index`; an empty value (mtu 0,
// no ipv4) removes its key. A new type drops the keys it has no meaning
// for. The addresses are written as given (the caller adds the prefix).
// The result is not checked as a whole: the caller parses it again.
[[nodiscard]] Status writeInterfaceChange(Config& config, unsigned index, const InterfaceChange& change);

// Removes every lxc.net.`index` line; no other interface is renumbered.
void removeInterfaceLines(Config& config, unsigned index);

} // namespace berth::net
