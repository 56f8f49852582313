// AddInterface's settings and SetInterface's changes (a{sv}, the keys of
// model/interface.h's interface_keys but index) read into the engine's
// InterfaceChange with every type checked, and what the config with the
// change asks of the caller. Both before authorization: an unknown key or
// a wrong type is InvalidArgument whoever asks.
#pragma once

#include "berth/engine.h"
#include "host_reason.h"

#include <QVariantMap>

#include <optional>
#include <string>

namespace berth::helper {

// Keys: type s, link s, hwaddr s, name s, ipv4 as, mtu u; each optional.
[[nodiscard]] Result<InterfaceChange> parseInterfaceArgs(const QVariantMap& args);

// What the interface edit does to a config: add one (index none), change
// interface `index`, or remove it.
struct InterfaceEdit {
    enum class Kind { Add, Set, Remove };
    Kind kind = Kind::Add;
    unsigned index = 0;
    InterfaceChange change;
};

// The container's config with the edit made, judged as SetConfig judges a
// config (judgeConfig: a veth on a bridge that is not Berth's, a macvlan,
// ...): why it needs the host action, none when it does not. The address
// plays no part (the engine checks it), so it is left out here.
[[nodiscard]] Result<HostReasons> interfaceEditExposures(const std::string& currentText, const InterfaceEdit& edit,
                                                         const Paths& paths);

} // namespace berth::helper
