// Registry logins for a pull, read by the CLIENT from the caller's own
// files (the root helper never reads a user's home): $REGISTRY_AUTH_FILE,
// $XDG_RUNTIME_DIR/containers/auth.json and ~/.docker/config.json, in
// that order (the first file with a login for a registry wins), as
// podman and skopeo look. Only the registries the reference can resolve
// to are read: a qualified reference's own, or for a short name docker.io
// and the unqualified-search-registries of /etc/containers/registries.conf.
// A file that is not the caller's own, or that others may write, is
// ignored with a warning; credential helpers (credsStore, credHelpers) are
// not run, with a warning saying so.
#pragma once

#include "client_dbus_types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace berth::client {

// Where to look; tests point every path at fixture files.
struct CredentialSources {
    QString registryAuthFile; // $REGISTRY_AUTH_FILE; empty: not set
    QString runtimeDir;       // $XDG_RUNTIME_DIR; empty: not set
    QString home;             // $HOME
    QString registriesConf = QStringLiteral("/etc/containers/registries.conf");
    uid_t owner = 0; // whose files count as the caller's own (geteuid())
};

// From the process's environment and effective uid.
[[nodiscard]] CredentialSources credentialSourcesFromEnvironment();

struct CredentialsRead {
    QList<RegistryLogin> logins; // one per registry at most, at most 16
    QStringList warnings;        // files ignored and why, unsupported helpers
};

// An unparsable reference reads nothing (the helper says what is wrong with it).
[[nodiscard]] CredentialsRead readRegistryCredentials(const QString& reference, const CredentialSources& sources);

// The registries a reference can resolve to, in the order tried: its own,
// or for a short name those of `searchRegistries` (docker.io when none).
[[nodiscard]] QStringList candidateRegistries(const QString& reference, const QStringList& searchRegistries);

// `unqualified-search-registries = [...]` of a registries.conf text (TOML,
// read only this far); empty when absent.
[[nodiscard]] QStringList searchRegistriesFromConf(const QString& text);

} // namespace berth::client
