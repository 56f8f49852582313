#include "registry_credentials.h"

#include "berth/model/image_reference.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::client {
namespace {

constexpr qsizetype kMaxFileBytes = 1 << 20; // an auth file is a few hundred bytes
constexpr qsizetype kMaxLogins = 16;         // the helper's cap

QString trText(const char* text)
{
    return QCoreApplication::translate("berth::client::RegistryCredentials", text);
}

// Why a file is not taken as the owner's own: another's, writable by
// others (anyone could plant a login that sends the user's pulls elsewhere
// or reads their password), not a regular file, too large. Empty: fine.
QString problemWith(const struct stat& st, const QString& path, uid_t owner)
{
    if (!S_ISREG(st.st_mode))
        return trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials", "ignoring '%1': not a regular file"))
            .arg(path);
    if (st.st_uid != owner)
        return trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials",
                                        "ignoring '%1': it belongs to another user (uid %2)"))
            .arg(path)
            .arg(st.st_uid);
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials",
                                        "ignoring '%1': others may write it (chmod go-w)"))
            .arg(path);
    if (st.st_size > kMaxFileBytes)
        return trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials", "ignoring '%1': larger than 1 MiB"))
            .arg(path);
    return {};
}

// The file's bytes when it is the owner's own regular file that nobody
// else may write; nullopt (and a warning unless it is simply absent) otherwise.
std::optional<QByteArray> readOwnFile(const QString& path, uid_t owner, QStringList& warnings)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            warnings << trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials", "ignoring '%1': %2"))
                            .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return std::nullopt;
    }
    struct stat st {};
    QString problem =
        ::fstat(fd, &st) != 0
            ? trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials", "ignoring '%1': cannot read it")).arg(path)
            : problemWith(st, path, owner);
    QByteArray data;
    if (problem.isEmpty()) {
        data.resize(qsizetype(st.st_size));
        const ssize_t got = ::pread(fd, data.data(), std::size_t(data.size()), 0);
        if (got < 0)
            problem = trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials", "ignoring '%1': cannot read it"))
                          .arg(path);
        else
            data.truncate(got);
    }
    ::close(fd);
    if (!problem.isEmpty()) {
        warnings << problem;
        return std::nullopt;
    }
    return data;
}

// auths.<key>: "auth" is base64 of "user:password"; "identitytoken" a
// refresh token, sent with an empty username.
std::optional<RegistryLogin> loginFromEntry(const QString& registry, const QJsonObject& entry)
{
    const QString token = entry.value(QStringLiteral("identitytoken")).toString();
    if (!token.isEmpty())
        return RegistryLogin{registry, QString(), token};
    const QByteArray auth = QByteArray::fromBase64(entry.value(QStringLiteral("auth")).toString().toLatin1());
    const qsizetype colon = auth.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    return RegistryLogin{registry, QString::fromUtf8(auth.left(colon)), QString::fromUtf8(auth.mid(colon + 1))};
}

QStringList keysOf(const QString& registry)
{
    QStringList out;
    for (const std::string& key : model::credentialKeys(registry.toStdString()))
        out << QString::fromStdString(key);
    return out;
}

// Credential helpers run programs of the user's choice; Berth does not.
void warnHelpers(const QJsonObject& config, const QString& registry, const QString& path, QStringList& warnings)
{
    const QJsonObject helpers = config.value(QStringLiteral("credHelpers")).toObject();
    bool named = config.contains(QStringLiteral("credsStore"));
    for (const QString& key : keysOf(registry))
        named = named || helpers.contains(key);
    if (named)
        warnings << trText(QT_TRANSLATE_NOOP(
                               "berth::client::RegistryCredentials",
                               "'%1' names a credential helper (credsStore or credHelpers) for '%2': Berth does not "
                               "run credential helpers; log in with 'podman login %2' (auth.json) instead"))
                        .arg(path, registry);
}

// The login for `registry` in one parsed file, if it has one.
std::optional<RegistryLogin> findLogin(const QJsonObject& config, const QString& registry)
{
    const QJsonObject auths = config.value(QStringLiteral("auths")).toObject();
    for (const QString& key : keysOf(registry)) {
        const auto entry = auths.find(key);
        if (entry != auths.end() && entry->isObject())
            if (auto login = loginFromEntry(registry, entry->toObject()))
                return login;
    }
    return std::nullopt;
}

QStringList authFiles(const CredentialSources& sources)
{
    QStringList out;
    if (!sources.registryAuthFile.isEmpty())
        out << sources.registryAuthFile;
    if (!sources.runtimeDir.isEmpty())
        out << QDir(sources.runtimeDir).filePath(QStringLiteral("containers/auth.json"));
    if (!sources.home.isEmpty())
        out << QDir(sources.home).filePath(QStringLiteral(".docker/config.json"));
    return out;
}

QStringList searchRegistries(const QString& confPath)
{
    QFile file(confPath);
    if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly))
        return {};
    return searchRegistriesFromConf(QString::fromUtf8(file.readAll()));
}

} // namespace

CredentialSources credentialSourcesFromEnvironment()
{
    CredentialSources sources;
    sources.registryAuthFile = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    sources.runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    sources.home = qEnvironmentVariable("HOME");
    sources.owner = ::geteuid();
    return sources;
}

QStringList searchRegistriesFromConf(const QString& text)
{
    // Comments out first, so a commented-out line is not read.
    QString plain;
    for (const QString& line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().startsWith(QLatin1Char('#')))
            plain += line + QLatin1Char('\n');
    static const QRegularExpression key(QStringLiteral(R"(^\s*unqualified-search-registries\s*=\s*\[([^\]]*)\])"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression item(QStringLiteral(R"re(["']([^"']+)["'])re"));
    const auto found = key.match(plain);
    QStringList out;
    if (!found.hasMatch())
        return out;
    for (auto it = item.globalMatch(found.captured(1)); it.hasNext();)
        out << it.next().captured(1).trimmed();
    return out;
}

QStringList candidateRegistries(const QString& reference, const QStringList& search)
{
    const auto parsed = model::parseImageReference(reference.toStdString());
    if (!parsed)
        return {};
    std::vector<std::string> registries;
    for (const QString& registry : search)
        registries.push_back(registry.toStdString());
    QStringList out;
    for (const model::ImageReference& candidate : model::qualifiedCandidates(*parsed, registries))
        if (!out.contains(QString::fromStdString(candidate.registry)))
            out << QString::fromStdString(candidate.registry);
    return out;
}

CredentialsRead readRegistryCredentials(const QString& reference, const CredentialSources& sources)
{
    CredentialsRead read;
    QStringList registries = candidateRegistries(reference, searchRegistries(sources.registriesConf));
    for (const QString& path : authFiles(sources)) {
        if (registries.isEmpty())
            break;
        const auto data = readOwnFile(path, sources.owner, read.warnings);
        if (!data)
            continue;
        QJsonParseError error{};
        const auto document = QJsonDocument::fromJson(*data, &error);
        if (!document.isObject()) {
            read.warnings << trText(QT_TRANSLATE_NOOP("berth::client::RegistryCredentials",
                                                      "ignoring '%1': not a JSON object (%2)"))
                                 .arg(path, error.errorString());
            continue;
        }
        for (auto it = registries.begin(); it != registries.end();) {
            if (auto login = findLogin(document.object(), *it); login && read.logins.size() < kMaxLogins) {
                read.logins << *login;
                it = registries.erase(it);
            } else {
                warnHelpers(document.object(), *it, path, read.warnings);
                ++it;
            }
        }
    }
    return read;
}

} // namespace berth::client
