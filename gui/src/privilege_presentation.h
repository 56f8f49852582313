// How a container's user namespace is shown: a privileged container (no
// user namespace, its root is the host's root) gets a badge in the list
// with a tooltip, and the Overview says whose IDs root inside has.
#pragma once

#include "client_types.h"

#include <QIcon>
#include <QString>

namespace berth::gui {

// The list's badge for a privileged container (theme icon, style fallback).
[[nodiscard]] QIcon privilegedIcon();
[[nodiscard]] QString privilegedToolTip();
// The Overview's line: "Privileged: root inside is root on this computer"
// or "Unprivileged: host IDs 1000000000–1000065535 (rootfs through an idmapped mount)".
[[nodiscard]] QString userNamespaceText(const client::ContainerInfo& info);

} // namespace berth::gui
