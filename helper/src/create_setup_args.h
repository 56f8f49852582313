// CreateContainer's setup argument (a{sv}): read into the engine's
// CreateSetup with every key's type checked, and what it asks of the
// caller besides org.berth.container.create. Both before authorization:
// an unknown key or a wrong type is InvalidArgument whoever asks.
#pragma once

#include "berth/engine.h"
#include "host_reason.h"

#include <QVariantMap>

#include <string>

namespace berth::helper {

struct CreateSetupArgs {
    std::string network; // eth0's bridge; empty: loopback only
    CreateSetup setup;
    // The image template's logins for a pull (validateCredentials), never logged.
    std::vector<RegistryCredential> credentials;
};

// Keys: network s, address s, forwards as, limits a{ss} (SetLimits' keys),
// autostart b, environment as (KEY=VALUE), removeWhenStopped b, config
// a{ss} (more config lines); for an image container credentials a(sss),
// entrypoint as, workingDir s (absolute), user s (name, uid or uid:gid).
// Every key is optional.
[[nodiscard]] Result<CreateSetupArgs> parseCreateSetup(const QVariantMap& setup);

// What the setup asks of the caller on top of creating.
struct SetupNeeds {
    bool network = false; // org.berth.network.configure: it has forwards, as AddForward
    // org.berth.host.bind-mount: a forward of a privileged port, config
    // lines that reach the host (judged as SetConfig judges them, on
    // `baseConfig`, the config the engine starts the container with).
    HostReasons host;
};
[[nodiscard]] Result<SetupNeeds> setupNeeds(const CreateSetup& setup, const std::string& baseConfig,
                                            const Paths& paths);

// The setup's config lines as config text ("key = value\n" each).
[[nodiscard]] std::string setupConfigLines(const CreateSetup& setup);

} // namespace berth::helper
